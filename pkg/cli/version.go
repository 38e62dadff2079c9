package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// What the Makefile stamps into the binary (go build -ldflags "-X
// github.com/capreg/capreg/pkg/cli.buildVersion=..."): the output of git
// describe --tags --always --dirty, the commit and the build date. A plain
// go build leaves them empty, and the module's build info speaks instead.
// (The linker can set only package variables; nothing else writes them.)
var buildVersion, buildCommit, buildDate string

// devel is the version of a binary no source of a version reached.
const devel = "(devel)"

// versionInfo is what capreg version prints.
type versionInfo struct {
	Version       string `json:"version"`
	Commit        string `json:"commit"`
	BuildDate     string `json:"build_date"`
	GoVersion     string `json:"go_version"`
	Rulebook      string `json:"rulebook_version"`
	SchemaVersion string `json:"json_schema_version"`
}

// stamp is what the linker set (the Makefile's ldflags).
type stamp struct{ version, commit, date string }

// resolveVersion settles the version, commit and date: what the Makefile
// stamped first; else the module's build info (the module version of a go
// install module@version, or the one the go command derives from the git
// checkout; else vcs.revision, with -dirty for vcs.modified); "(devel)"
// only when nothing gives one. bi is nil when the binary carries no build
// info.
func resolveVersion(s stamp, bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Version: s.version, Commit: s.commit, BuildDate: s.date, GoVersion: runtime.Version()}
	if bi != nil {
		var rev, modified, when string
		for _, st := range bi.Settings {
			switch st.Key {
			case "vcs.revision":
				rev = st.Value
			case "vcs.modified":
				modified = st.Value
			case "vcs.time":
				when = st.Value
			}
		}
		if bi.GoVersion != "" {
			v.GoVersion = bi.GoVersion
		}
		if v.Commit == "" {
			v.Commit = rev
		}
		if v.BuildDate == "" {
			v.BuildDate = when // the commit's time: the closest the build info has
		}
		switch {
		case v.Version != "":
		case bi.Main.Version != "" && bi.Main.Version != devel:
			v.Version = bi.Main.Version
		case rev != "":
			v.Version = rev[:min(len(rev), 12)]
			if modified == "true" {
				v.Version += "-dirty"
			}
		}
	}
	if v.Version == "" {
		v.Version = devel
	}
	return v
}

// resolvedVersion is this binary's version, commit, date and Go version.
func resolvedVersion() versionInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return resolveVersion(stamp{buildVersion, buildCommit, buildDate}, bi)
}

// VersionOptions are the streams and settings of capreg version.
type VersionOptions struct {
	IO     Streams
	Output string
	Lang   lang.Lang // --lang, the root's
}

// NewCmdVersion builds capreg version; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdVersion(s Streams, runF func(context.Context, *VersionOptions) error) *cobra.Command {
	o := &VersionOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print capreg's version, commit, build date, Go version, rulebook and JSON schema versions",
		Long: `Print capreg's version (git describe, as the Makefile stamps it; else the module's build
info: the module version, or the git revision it was built from, -dirty when modified;
"(devel)" when no source of a version exists), the commit, the build date (without the
Makefile's stamp, the commit's time), the Go version, the embedded rulebook's version and
the JSON schema version. --output json prints them for programs.`,
		Example: "  capreg version\n  capreg version -o json",
		Args:    cobra.NoArgs,
		RunE: runE(o, func(set *settings, _ []string) error {
			o.Lang = set.lang
			return set.outputFormat(&o.Output, "", versionOutputs)
		}, runF, runVersion),
	}
	cmd.Flags().StringVarP(&o.Output, "output", "o", "table", "output format: table, json")
	completeFlag(cmd, "output", completeValues(versionOutputs...))
	return cmd
}

// versionOutputs are the formats of capreg version.
var versionOutputs = []string{"table", "json"}

func runVersion(_ context.Context, o *VersionOptions) error {
	rb, err := rules.Default()
	if err != nil {
		return err // a bug: the rulebook is capreg's own
	}
	v := resolvedVersion()
	v.Rulebook, v.SchemaVersion = rb.Versao, report.SchemaVersion
	if o.Output == "json" {
		return report.JSON(o.IO.Out, v)
	}
	return writeVersion(o.IO.Out, v, o.Lang)
}

// writeVersion writes v for a person, one field a line, the labels (and a
// build date) in language l, the values aligned after the labels.
func writeVersion(w io.Writer, v versionInfo, l lang.Lang) error {
	unknown := func(s string) string {
		if s == "" {
			return lang.M("unknown").In(l)
		}
		return s
	}
	fields := []struct{ label, value string }{
		{lang.M("commit").In(l), unknown(v.Commit)},
		{lang.M("built").In(l), unknown(buildDateIn(v.BuildDate, l))},
		{"go", v.GoVersion},
		{lang.M("rulebook").In(l), v.Rulebook},
		{lang.M("json schema").In(l), v.SchemaVersion},
	}
	width := 0
	for _, f := range fields {
		width = max(width, utf8.RuneCountInString(f.label))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "capreg %s\n", v.Version)
	for _, f := range fields {
		fmt.Fprintf(&b, "%s:%s %s\n", f.label, strings.Repeat(" ", width-utf8.RuneCountInString(f.label)), f.value)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// buildDateIn is a build date (RFC 3339, as the Makefile and the build
// info give it) as language l writes a date, with its time; English, and
// a date not in that form, as given.
func buildDateIn(date string, l lang.Lang) string {
	t, err := time.Parse(time.RFC3339, date)
	if err != nil || english(l) {
		return date
	}
	return l.Date(t) + t.Format(" 15:04:05 MST")
}

package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

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
	return writeVersion(o.IO.Out, v)
}

// writeVersion writes v for a person, one field a line.
func writeVersion(w io.Writer, v versionInfo) error {
	unknown := func(s string) string {
		if s == "" {
			return "unknown"
		}
		return s
	}
	_, err := fmt.Fprintf(w, "capreg %s\ncommit:      %s\nbuilt:       %s\ngo:          %s\nrulebook:    %s\njson schema: %s\n",
		v.Version, unknown(v.Commit), unknown(v.BuildDate), v.GoVersion, v.Rulebook, v.SchemaVersion)
	return err
}

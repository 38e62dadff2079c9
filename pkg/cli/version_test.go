package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The version comes from the Makefile's stamp, else the module version,
// else the git revision (-dirty when modified), else "(devel)".
func TestResolveVersion(t *testing.T) {
	const rev = "0123456789abcdef0123456789abcdef01234567"
	info := func(main string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.99.1", Main: debug.Module{Path: "github.com/capreg/capreg", Version: main}}
		for i := 0; i < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	git := []string{"vcs", "git", "vcs.revision", rev, "vcs.time", "2026-11-30T12:00:00Z", "vcs.modified", "false"}
	dirty := []string{"vcs.revision", rev, "vcs.modified", "true"}
	cases := []struct {
		name                  string
		stamp                 stamp
		bi                    *debug.BuildInfo
		version, commit, date string
		goVersion             string
	}{
		{"stamped by the Makefile", stamp{"v1.2.0-3-g0123456-dirty", "0123456", "2026-12-01T10:00:00Z"}, info(devel, git...),
			"v1.2.0-3-g0123456-dirty", "0123456", "2026-12-01T10:00:00Z", "go1.99.1"},
		{"stamp without commit and date", stamp{version: "v1.2.0"}, info(devel, git...),
			"v1.2.0", rev, "2026-11-30T12:00:00Z", "go1.99.1"},
		{"go install module@version", stamp{}, info("v1.3.0"), "v1.3.0", "", "", "go1.99.1"},
		{"module version from the checkout", stamp{}, info("v0.0.0-20261130120000-0123456789ab", git...),
			"v0.0.0-20261130120000-0123456789ab", rev, "2026-11-30T12:00:00Z", "go1.99.1"},
		{"git checkout", stamp{}, info(devel, git...), "0123456789ab", rev, "2026-11-30T12:00:00Z", "go1.99.1"},
		{"modified checkout", stamp{}, info(devel, dirty...), "0123456789ab-dirty", rev, "", "go1.99.1"},
		{"short revision", stamp{}, info("", "vcs.revision", "abc"), "abc", "abc", "", "go1.99.1"},
		{"no source of a version", stamp{}, info(devel), devel, "", "", "go1.99.1"},
		{"no build info", stamp{}, nil, devel, "", "", runtime.Version()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := resolveVersion(c.stamp, c.bi)
			if v.Version != c.version || v.Commit != c.commit || v.BuildDate != c.date || v.GoVersion != c.goVersion {
				t.Errorf("got %q %q %q %q, want %q %q %q %q", v.Version, v.Commit, v.BuildDate, v.GoVersion, c.version, c.commit, c.date, c.goVersion)
			}
		})
	}
}

// capreg version's labels follow the language, the values aligned after
// the longest; pt-BR writes the build date dd/mm/aaaa.
func TestWriteVersionLang(t *testing.T) {
	v := versionInfo{Version: "v1.2.0", BuildDate: "2026-12-01T10:00:00Z", GoVersion: "go1.99.1", Rulebook: "rn569-2022-12-23/capreg-1", SchemaVersion: "1"}
	for l, want := range map[lang.Lang]string{
		lang.En: "capreg v1.2.0\ncommit:      unknown\nbuilt:       2026-12-01T10:00:00Z\ngo:          go1.99.1\n" +
			"rulebook:    rn569-2022-12-23/capreg-1\njson schema: 1\n",
		lang.PtBR: "capreg v1.2.0\ncommit:       desconhecido\ncompilado em: 01/12/2026 10:00:00 UTC\ngo:           go1.99.1\n" +
			"regras:       rn569-2022-12-23/capreg-1\nesquema JSON: 1\n",
	} {
		var b strings.Builder
		if err := writeVersion(&b, v, l); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s:\n%s\nwant\n%s", l, b.String(), want)
		}
	}
}

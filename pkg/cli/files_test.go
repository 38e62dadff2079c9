package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The guard compares an output with the inputs by identity, before
// anything is read: any spelling, a symlink or a hard link of an input is
// refused even with --force; an existing file needs --force; a directory
// is refused; a device and a file not there yet pass.
func TestGuard(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, f := range []string{"in.xlsx", "b.csv", "r.yaml", "c.yaml", "old.json"} {
		if err := os.WriteFile(f, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must(t, os.Mkdir("sub", 0o755))
	must(t, os.Symlink("in.xlsx", "link.xlsx"))
	must(t, os.Symlink("old.json", "link.json"))
	must(t, os.Link("in.xlsx", "hard.xlsx"))
	set := &settings{rules: "r.yaml", config: "c.yaml"}
	ins := []inputFile{{lang.M("the workbook"), "in.xlsx"}, {lang.M("the beneficiary file"), "b.csv"}, {lang.M("the workbook"), "missing.xlsx"}}
	cases := []struct {
		out   string
		force bool
		want  string // "" passes, else part of the error
	}{
		{"", false, ""},
		{"-", false, ""},
		{"new.json", false, ""},
		{"sub/new.json", false, ""},
		{"missing.xlsx", false, ""}, // an input not there: its reader says so
		{"in.xlsx", false, "cannot write in.xlsx: it is the workbook in.xlsx"},
		{"in.xlsx", true, "it is the workbook in.xlsx, and an input is never written over (not even with --force)"},
		{"./in.xlsx", true, "cannot write ./in.xlsx: it is the workbook in.xlsx"},
		{"sub/../in.xlsx", true, "it is the workbook in.xlsx"},
		{"link.xlsx", true, "cannot write link.xlsx: it is the workbook in.xlsx"},
		{"hard.xlsx", true, "cannot write hard.xlsx: it is the workbook in.xlsx"},
		{"b.csv", true, "it is the beneficiary file b.csv"},
		{"r.yaml", true, "it is the rules file r.yaml"},
		{"c.yaml", true, "it is the config file c.yaml"},
		{"old.json", false, "old.json exists: --force replaces it; or name another file"},
		{"link.json", false, "link.json exists"},
		{"old.json", true, ""},
		{"sub", true, "cannot write sub: it is a directory"},
		{os.DevNull, false, ""},
	}
	for _, c := range cases {
		err := set.guard(c.force, []string{c.out}, ins...)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q force=%v: %v", c.out, c.force, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q force=%v: %v, want %q", c.out, c.force, err, c.want)
		case err != nil && exitCodeOf(err) != ExitInvalid:
			t.Errorf("%q: exit %d, want 2", c.out, exitCodeOf(err))
		}
	}
	// Every output is checked, not only the first.
	if err := set.guard(false, []string{"new.json", "old.json"}); err == nil {
		t.Error("the second output was not checked")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// The output format: -o on the command line, else --out's extension, else
// -o from the environment, the config file or the default; an -o that
// contradicts the extension, or a format the command does not write, is a
// usage error.
func TestOutputFormat(t *testing.T) {
	formats := []string{"table", "json", "csv", "xlsx"}
	cases := []struct {
		output  string // the value before (the default, or from env/config)
		given   bool   // -o was on the command line
		out     string
		formats []string
		want    string // the format, or "error ..." and part of the message
	}{
		{"table", false, "", formats, "table"},
		{"table", false, "r.xlsx", formats, "xlsx"},
		{"table", false, "R.XLSX", formats, "xlsx"},
		{"table", false, "r.json", formats, "json"},
		{"table", false, "lote.jsonl", formats, "json"},
		{"table", false, "r.csv", formats, "csv"},
		{"table", false, "r.txt", formats, "table"},
		{"table", false, "r.tsv", formats, "table"},
		{"table", false, "r.out", formats, "table"},
		{"json", false, "r.out", formats, "json"},  // env/config, no known extension
		{"json", false, "r.csv", formats, "csv"},   // the extension beats env/config
		{"json", false, "-", formats, "json"},      // stdout
		{"json", true, "r.json", formats, "json"},  // -o agrees
		{"table", true, "r.txt", formats, "table"}, // -o agrees
		{"csv", true, "r.out", formats, "csv"},     // unknown extension: -o rules
		{"json", true, "r.xlsx", formats, "error --output json contradicts --out r.xlsx, whose extension means xlsx: drop --output, or give the file a json extension (.json, .jsonl)"},
		{"table", true, "r.csv", formats, "error --output table contradicts --out r.csv"},
		{"table", false, "v.xlsx", textOutputs, "error --out v.xlsx: its extension means xlsx, and this command writes table, json, csv (.csv, .json, .jsonl, .tsv, .txt)"},
		{"xlsx", true, "", textOutputs, `error --output "xlsx": use one of table, json, csv`},
		{"yaml", false, "", formats, `error --output "yaml"`},
	}
	for _, c := range cases {
		set := &settings{given: map[string]bool{"output": c.given}}
		got := c.output
		err := set.outputFormat(&got, c.out, c.formats)
		if err != nil {
			if exitCodeOf(err) != ExitInvalid {
				t.Errorf("%+v: exit %d", c, exitCodeOf(err))
			}
			got = "error " + err.Error()
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("-o %s (given %v) --out %q: %s, want %s", c.output, c.given, c.out, got, c.want)
		}
	}
}

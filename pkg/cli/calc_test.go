package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/lang"
)

// Flag parsing alone: runF replaces the run.
func TestCalcFlags(t *testing.T) {
	checkFlags(t, NewCmdCalc, func(o *CalcOptions) *Streams { return &o.IO }, []flagCase[CalcOptions]{
		{"defaults", []string{"w.xlsx"}, nil, CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "table"}, Factors: "auto"}, false},
		{"all flags", []string{"w.xlsx", "--factors", "reduzido", "-o", "json", "--out", "r.json", "--explain", "--fail-on-insufficient", "--rules", "r.yaml",
			"--beneficiarios", "b.csv", "--coverage-weighted", "--force"}, nil,
			CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "json", Out: "r.json", Rules: "r.yaml",
				Beneficiarios: "b.csv", CoverageWeighted: true, Force: true}, Factors: "reduzido", Explain: true, FailOnInsufficient: true}, false},
		{"format from --out", []string{"w.xlsx", "--out", "r.csv"}, map[string]string{"CAPREG_OUTPUT": "json"}, CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "csv", Out: "r.csv"}, Factors: "auto"}, false},
		{"-o against --out", []string{"w.xlsx", "-o", "json", "--out", "r.csv"}, nil, CalcOptions{}, true},
		{"out from the environment is not read", []string{"w.xlsx"}, map[string]string{"CAPREG_OUT": "r.json", "CAPREG_FORCE": "true"}, CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "table"}, Factors: "auto"}, false},
		{"environment", []string{"w.xlsx"}, map[string]string{"CAPREG_OUTPUT": "json", "CAPREG_FACTORS": "padrao"}, CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "json"}, Factors: "padrao"}, false},
		{"flag beats environment", []string{"w.xlsx", "-o", "table"}, map[string]string{"CAPREG_OUTPUT": "json"}, CalcOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "table"}, Factors: "auto"}, false},
		{"bad output", []string{"w.xlsx", "-o", "yaml"}, nil, CalcOptions{}, true},
		{"bad factors", []string{"w.xlsx", "--factors", "x"}, nil, CalcOptions{}, true},
		{"no workbook", []string{}, nil, CalcOptions{}, true},
	})
}

// flagCase is a row of a command's table of flag parsing: the arguments and
// environment, and the options they parse to or an exit-2 error.
type flagCase[O any] struct {
	name    string
	args    []string
	env     map[string]string
	want    O
	wantErr bool
}

// checkFlags parses each case's arguments, under its environment, with the
// command newCmd builds, its run replaced, and compares the options with the
// case's; io is the options' streams, which must be the command's and are
// left out of the comparison.
func checkFlags[O comparable](t *testing.T, newCmd func(Streams, func(context.Context, *O) error) *cobra.Command, io func(*O) *Streams, cases []flagCase[O]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got *O
			s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			if !parseFlags(t, newCmd(s, func(_ context.Context, o *O) error { got = o; return nil }), s, c.args, c.wantErr) {
				return
			}
			if *io(got) != s {
				t.Error("the streams are not the command's")
			}
			if *io(got) = (Streams{}); *got != c.want {
				t.Errorf("options %+v, want %+v", *got, c.want)
			}
		})
	}
}

// parseFlags runs a command whose run is replaced (runF) on args and checks
// the outcome: an exit-2 error when wantErr, else none; true when the
// options were parsed.
func parseFlags(t *testing.T, cmd *cobra.Command, s Streams, args []string, wantErr bool) bool {
	t.Helper()
	cmd.Flags().String("config", "", "")
	cmd.Flags().String("rules", "", "")
	cmd.SetArgs(args)
	cmd.SetOut(s.Out)
	cmd.SetErr(s.Err)
	cmd.Args = wrapArgs(cmd.Args)
	err := cmd.Execute()
	if wantErr {
		if err == nil {
			t.Fatal("want an error")
		}
		if code := exitCode(err, &bytes.Buffer{}, lang.En); code != ExitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}

// calc and compare -o json on a workbook that cannot be computed print the
// document a batch row carries for it, byte for byte, exit 2, and name the
// workbook on stderr; with --out nothing is written anywhere.
func TestCalcErrorDocument(t *testing.T) {
	t.Chdir("../..")
	cases := [][]string{
		{"testdata/invalid/i07_unparsable_number.xlsx"},
		{"testdata/invalid/i55_five_errors_five_sheets.xlsx"},
		{"testdata/coleta/c34_nao_e_xlsx.xlsx"},
		{"nothere.xlsx"},
		{"examples/operadora-exemplo.xlsx", "--coverage-weighted"}, // the engine's error, not the reader's
	}
	for _, args := range cases {
		wb := args[0]
		row, _, code := runCapreg(t, append([]string{"batch", "-o", "json"}, args...)...)
		if code != ExitInvalid || !strings.HasPrefix(row, `{"schema_version":"1","file":"`+wb+`","error":"`) {
			t.Fatalf("batch %v: exit %d, %s", args, code, row)
		}
		for _, cmd := range []string{"calc", "compare"} {
			out, errs, code := runCapreg(t, append([]string{cmd, "-o", "json"}, args...)...)
			if code != ExitInvalid || out != row {
				t.Errorf("%s %v: exit %d\n%s\nwant the batch row\n%s", cmd, args, code, out, row)
			}
			if !strings.HasPrefix(errs, "capreg: "+wb+": ") {
				t.Errorf("%s %v: stderr does not name the workbook: %s", cmd, args, errs)
			}
			if _, errs, _ := runCapreg(t, append([]string{cmd}, args...)...); !strings.HasPrefix(errs, "capreg: "+wb+": ") {
				t.Errorf("%s %v (table): stderr does not name the workbook: %s", cmd, args, errs)
			}
			file := filepath.Join(t.TempDir(), "r.json")
			out, _, code = runCapreg(t, append([]string{cmd, "--out", file}, args...)...)
			if _, err := os.Stat(file); code != ExitInvalid || out != "" || err == nil {
				t.Errorf("%s %v --out: exit %d, stdout %q, file written: %v", cmd, args, code, out, err == nil)
			}
		}
	}
}

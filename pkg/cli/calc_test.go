package cli

import (
	"bytes"
	"context"
	"testing"

	"github.com/spf13/cobra"
)

// Flag parsing alone: runF replaces the run.
func TestCalcFlags(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		want    CalcOptions
		wantErr bool
	}{
		{"defaults", []string{"w.xlsx"}, nil, CalcOptions{Workbook: "w.xlsx", Factors: "auto", Output: "table"}, false},
		{"all flags", []string{"w.xlsx", "--factors", "reduzido", "-o", "json", "--out", "r.json", "--explain", "--fail-on-insufficient", "--rules", "r.yaml"}, nil,
			CalcOptions{Workbook: "w.xlsx", Factors: "reduzido", Output: "json", Out: "r.json", Explain: true, FailOnInsufficient: true, Rules: "r.yaml"}, false},
		{"environment", []string{"w.xlsx"}, map[string]string{"CAPREG_OUTPUT": "json", "CAPREG_FACTORS": "padrao"}, CalcOptions{Workbook: "w.xlsx", Factors: "padrao", Output: "json"}, false},
		{"flag beats environment", []string{"w.xlsx", "-o", "table"}, map[string]string{"CAPREG_OUTPUT": "json"}, CalcOptions{Workbook: "w.xlsx", Factors: "auto", Output: "table"}, false},
		{"bad output", []string{"w.xlsx", "-o", "yaml"}, nil, CalcOptions{}, true},
		{"bad factors", []string{"w.xlsx", "--factors", "x"}, nil, CalcOptions{}, true},
		{"no workbook", []string{}, nil, CalcOptions{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got *CalcOptions
			s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			if !parseFlags(t, NewCmdCalc(s, func(_ context.Context, o *CalcOptions) error { got = o; return nil }), s, c.args, c.wantErr) {
				return
			}
			if *got != c.want {
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
		if code := exitCode(err, &bytes.Buffer{}); code != ExitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}

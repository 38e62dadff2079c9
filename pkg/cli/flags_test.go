package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Flag parsing alone for the commands calc_test.go, batch_test.go,
// coleta_test.go, example_test.go and reclamacoes_test.go do not cover:
// args (and the environment) → Options, runF replacing the run.

func TestCompareFlags(t *testing.T) {
	checkFlags(t, NewCmdCompare, func(o *CompareOptions) *Streams { return &o.IO }, []flagCase[CompareOptions]{
		{"defaults", []string{"w.xlsx"}, nil, CompareOptions{workbookOptions{Workbook: "w.xlsx", Output: "table"}}, false},
		{"all flags", []string{"w.xlsx", "-o", "csv", "--out", "c.csv", "--rules", "r.yaml", "--beneficiarios", "b.csv", "--coverage-weighted", "--force"}, nil,
			CompareOptions{workbookOptions{Workbook: "w.xlsx", Output: "csv", Out: "c.csv", Rules: "r.yaml", Beneficiarios: "b.csv", CoverageWeighted: true, Force: true}}, false},
		{"format from --out", []string{"w.xlsx", "--out", "c.xlsx"}, nil, CompareOptions{workbookOptions{Workbook: "w.xlsx", Output: "xlsx", Out: "c.xlsx"}}, false},
		{"environment", []string{"w.xlsx"}, map[string]string{"CAPREG_OUTPUT": "json", "CAPREG_COVERAGE_WEIGHTED": "true"},
			CompareOptions{workbookOptions{Workbook: "w.xlsx", Output: "json", CoverageWeighted: true}}, false},
		{"bad output", []string{"w.xlsx", "-o", "yaml"}, nil, CompareOptions{}, true},
		{"two workbooks", []string{"a.xlsx", "b.xlsx"}, nil, CompareOptions{}, true},
	})
}

// an xlsx refused on a terminal: a workbook is no text.
func TestCompareXLSXToTerminal(t *testing.T) {
	s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, OutTTY: true}
	parseFlags(t, NewCmdCompare(s, func(context.Context, *CompareOptions) error { return nil }), s, []string{"w.xlsx", "-o", "xlsx"}, true)
}

func TestValidateFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string // the options, or "error" and part of the message
	}{
		{"one file", []string{"a.xlsx"}, nil, "[a.xlsx] table  strict=false list=false "},
		{"files and flags", []string{"a.xlsx", "b.xlsx", "-o", "csv", "--out", "v.csv", "--strict", "--rules", "r.yaml"}, nil,
			"[a.xlsx b.xlsx] csv v.csv strict=true list=false r.yaml"},
		{"format from --out", []string{"a.xlsx", "--out", "v.json"}, nil, "[a.xlsx] json v.json strict=false list=false "},
		{"environment", []string{"a.xlsx"}, map[string]string{"CAPREG_STRICT": "true", "CAPREG_OUTPUT": "json"}, "[a.xlsx] json  strict=true list=false "},
		{"the catalogue alone", []string{"--rules-list", "-o", "json"}, nil, "[] json  strict=false list=true "},
		{"nothing", nil, nil, "error validate needs at least one WORKBOOK"},
		{"xlsx", []string{"a.xlsx", "-o", "xlsx"}, nil, `error --output "xlsx": use one of table, json, csv`},
		{"--out an input", []string{"a.xlsx", "--out", "a.xlsx"}, nil, "error it is a workbook to validate"},
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(filepath.Join(dir, "a.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got string
			cmd := NewCmdValidate(Streams{}, func(_ context.Context, o *ValidateOptions) error {
				got = fmt.Sprintf("%v %s %s strict=%v list=%v %s", o.Files, o.Output, o.Out, o.Strict, o.RulesList, o.Rules)
				return nil
			})
			cmd.Flags().String("rules", "", "")
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

func TestColetaValidateFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"files", []string{"a.xlsx", "b.xlsx"}, "[a.xlsx b.xlsx] table  false"},
		{"flags", []string{"a.xlsx", "-o", "json", "--out", "v.json", "--strict"}, "[a.xlsx] json v.json true"},
		{"nothing", nil, "error requires at least 1 arg"},
		{"xlsx", []string{"a.xlsx", "--out", "v.xlsx"}, "error --out v.xlsx: its extension means xlsx"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			cmd := NewCmdColetaValidate(Streams{}, func(_ context.Context, o *ColetaValidateOptions) error {
				got = fmt.Sprintf("%v %s %s %v", o.Files, o.Output, o.Out, o.Strict)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

func TestTemplateFlags(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(old, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"file", []string{"t.xlsx"}, "t.xlsx false"},
		{"an existing file", []string{old}, "error " + old + " exists: --force replaces it"},
		{"--force", []string{old, "--force"}, old + " true"},
		{"no file", nil, "error accepts 1 arg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			cmd := NewCmdTemplate(Streams{}, func(_ context.Context, o *TemplateOptions) error {
				got = fmt.Sprintf("%s %v", o.File, o.Force)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

func TestRulesFlags(t *testing.T) {
	cases := []struct {
		name   string
		export bool
		args   []string
		env    map[string]string
		want   string
	}{
		{"show", false, nil, nil, "  false"},
		{"show a rules file", false, []string{"--rules", "r.yaml"}, nil, "r.yaml  false"},
		{"show, the rules file from the environment", false, nil, map[string]string{"CAPREG_RULES": "e.yaml"}, "e.yaml  false"},
		{"show has no --out", false, []string{"--out", "x.yaml"}, nil, "error unknown flag: --out"},
		{"export", true, nil, nil, "  false"},
		{"export to a file", true, []string{"--out", "x.yaml", "--force", "--rules", "r.yaml"}, nil, "r.yaml x.yaml true"},
		{"export onto the rules file", true, []string{"--out", "flags_test.go", "--rules", "flags_test.go"}, nil, "error it is the rules file"},
		{"export takes no argument", true, []string{"x.yaml"}, nil, "error unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got string
			runF := func(_ context.Context, o *RulesOptions) error {
				got = fmt.Sprintf("%s %s %v", o.Rules, o.Out, o.Force)
				return nil
			}
			cmd := NewCmdRulesShow(Streams{}, runF)
			if c.export {
				cmd = NewCmdRulesExport(Streams{}, runF)
			}
			cmd.Flags().String("rules", "", "")
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

// Every command of the tree hands its run the command's own streams.
func TestOptionsCarryStreams(t *testing.T) {
	s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	var got []Streams
	keep := func(io Streams) { got = append(got, io) }
	cmds := []func() error{
		func() error {
			return execute(t, NewCmdCalc(s, func(_ context.Context, o *CalcOptions) error { keep(o.IO); return nil }), []string{"w.xlsx"})
		},
		func() error {
			return execute(t, NewCmdReclamacoes(s, func(_ context.Context, o *ReclamacoesOptions) error { keep(o.IO); return nil }), []string{"r.xlsx"})
		},
		func() error {
			return execute(t, NewCmdExample(s, func(_ context.Context, o *ExampleOptions) error { keep(o.IO); return nil }), []string{"e.xlsx"})
		},
	}
	for _, run := range cmds {
		if err := run(); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != len(cmds) || slices.ContainsFunc(got, func(io Streams) bool { return io != s }) {
		t.Errorf("streams %v", got)
	}
}

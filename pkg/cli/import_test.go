package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/capreg/capreg/pkg/period"
)

// Flag parsing alone: runF replaces the run.
func TestImportFlags(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existe.xlsx")
	if err := os.WriteFile(existing, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		args    []string
		want    ImportOptions
		wantErr bool
	}{
		{"every flag", []string{"--balancete", "a.csv", "--balancete", "b.xlsx", "--diops", "d.xml", "--registro", "5711", "--data-base", "2025-09",
			"--base", "base.xlsx", "--out", "novo.xlsx", "--force"},
			ImportOptions{balanceteOptions: balanceteOptions{Balancetes: []string{"a.csv", "b.xlsx"}, Diops: []string{"d.xml"}, Registro: "005711", DataBase: "2025-09",
				dataBase: period.Month{Year: 2025, Month: 9}}, Base: "base.xlsx", Out: "novo.xlsx", Force: true}, false},
		{"diops alone", []string{"--diops", "d.xml", "--out", "novo.xlsx"},
			ImportOptions{balanceteOptions: balanceteOptions{Diops: []string{"d.xml"}}, Out: "novo.xlsx"}, false},
		{"no file", []string{"--out", "novo.xlsx"}, ImportOptions{}, true},
		{"no out", []string{"--balancete", "a.csv"}, ImportOptions{}, true},
		{"out not a workbook", []string{"--balancete", "a.csv", "--out", "novo.csv"}, ImportOptions{}, true},
		{"bad registro", []string{"--balancete", "a.csv", "--out", "novo.xlsx", "--registro", "41234X"}, ImportOptions{}, true},
		{"bad data base", []string{"--balancete", "a.csv", "--out", "novo.xlsx", "--data-base", "set/2025"}, ImportOptions{}, true},
		{"an argument", []string{"a.csv", "--out", "novo.xlsx"}, ImportOptions{}, true},
		{"out exists", []string{"--balancete", "a.csv", "--out", existing}, ImportOptions{}, true},
		{"out is an input", []string{"--balancete", existing, "--out", existing, "--force"}, ImportOptions{}, true},
		{"out is the base", []string{"--balancete", "a.csv", "--base", existing, "--out", existing, "--force"}, ImportOptions{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *ImportOptions
			s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			if !parseFlags(t, NewCmdImport(s, func(_ context.Context, o *ImportOptions) error { got = o; return nil }), s, c.args, c.wantErr) {
				return
			}
			if got.IO = (Streams{}); !reflect.DeepEqual(*got, c.want) {
				t.Errorf("options %+v, want %+v", *got, c.want)
			}
		})
	}
}

// validate takes the same flags of the accounts.
func TestValidateBalanceteFlags(t *testing.T) {
	var got *ValidateOptions
	s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	args := []string{"w.xlsx", "--balancete", "a.csv", "--diops", "d.xml", "--registro", "412345", "--strict"}
	if !parseFlags(t, NewCmdValidate(s, func(_ context.Context, o *ValidateOptions) error { got = o; return nil }), s, args, false) {
		return
	}
	want := balanceteOptions{Balancetes: []string{"a.csv"}, Diops: []string{"d.xml"}, Registro: "412345"}
	if !reflect.DeepEqual(got.balanceteOptions, want) || !got.Strict || !got.given() {
		t.Errorf("options %+v", got.balanceteOptions)
	}
	parseFlags(t, NewCmdValidate(s, nil), s, []string{"w.xlsx", "--balancete", "a.csv", "--data-base", "2025-13"}, true)
}

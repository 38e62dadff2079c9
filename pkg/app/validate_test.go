package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// Every broken workbook of testdata/invalid: the findings are those of its
// golden file (testdata/invalid/NAME.golden, -update regenerates), they
// include every finding expected.json lists (code and place), and the input
// file is not modified; calc refuses exactly the files validate refuses,
// with the same findings.
func TestValidateInvalidCorpus(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("testdata/invalid/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]findingstest.Expected
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/invalid/*.xlsx")
	if len(files) < len(want) {
		t.Fatalf("%d workbooks for %d expectations", len(files), len(want))
	}
	rb := rulestest.Default(t)
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			before := golden.Sum(t, path)
			rep := Validate(context.Background(), path, rb)
			if golden.Sum(t, path) != before {
				t.Fatal("the input was modified")
			}
			var lines []string
			for _, f := range rep.Findings {
				lines = append(lines, findingstest.Line(f))
			}
			golden.Equal(t, "./pkg/app", strings.TrimSuffix(path, ".xlsx")+".golden", strings.Join(lines, "\n")+"\n")
			exp, ok := want[name]
			if !ok {
				t.Fatalf("%s has no entry in expected.json", name)
			}
			wantErrors := false
			for _, e := range exp {
				wantErrors = wantErrors || e.Severity == "error"
				if e.Code != "" && !slices.ContainsFunc(rep.Findings, e.Matches) { // "": not yet coded in expected.json
					t.Errorf("expected %s; got %v", e, lines)
				}
			}
			if (rep.Errors > 0) != wantErrors || rep.Valid == wantErrors {
				t.Errorf("validate: %d errors (valid %v), want errors: %v", rep.Errors, rep.Valid, wantErrors)
			}
			checkCalcAgrees(t, path, rb, exp, wantErrors)
		})
	}
}

// checkCalcAgrees checks that Calculate refuses the workbook at path when
// validate does, with its error findings, and otherwise warns of what
// expected.json lists.
func checkCalcAgrees(t *testing.T, path string, rb *rules.Rulebook, exp []findingstest.Expected, wantErrors bool) {
	t.Helper()
	c, err := Calculate(context.Background(), path, "", rb, capital.Options{})
	var ie *findings.InputError
	switch {
	case wantErrors && !errors.As(err, &ie):
		t.Errorf("calc: want input errors, got %v", err)
	case wantErrors:
		for _, e := range exp {
			if e.Severity == "error" && !slices.ContainsFunc(ie.Findings, func(f findings.Finding) bool {
				return f.Code == e.Code && (e.Cell == nil || f.Cell == *e.Cell)
			}) {
				t.Errorf("calc: missing %s at %s", e.Code, findingstest.Deref(e.Cell))
			}
		}
	case err != nil:
		t.Errorf("calc: %v", err)
	default:
		for _, e := range exp {
			if !slices.ContainsFunc(c.Warnings, func(f findings.Finding) bool { return f.Code == e.Code }) {
				t.Errorf("calc: missing warning %s", e.Code)
			}
		}
	}
}

// Every valid workbook of the project validates with no error.
func TestValidateValidWorkbooks(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	for _, path := range validWorkbooks(t) {
		if rep := Validate(context.Background(), path, rb); rep.Errors != 0 || !rep.Valid {
			t.Errorf("%s: %v", path, rep.Findings.Errors())
		}
	}
}

// validate reports every warning calc prints for the same workbook, except
// the rulebook notices CR-W005 and CR-W009: on every valid workbook of the
// project (f10's data base 2027-01 makes its capital de referência stale,
// CR-W004; f04 has CR-W010), with the shipped rulebook and with one that
// has a grade table.
func TestValidateReportsCalcWarnings(t *testing.T) {
	t.Chdir("../..")
	graus, err := rules.Load([]byte("crc:\n  fator_1_1:\n    por_grau: {a: 0.02, b: 0.05, c: 0.1, \"1\": 0.01, \"2\": 0.02, \"3\": 0.03, \"4\": 0.04, \"5\": 0.05}\n"), "graus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	stale, notices := false, false
	for _, rb := range []*rules.Rulebook{rulestest.Default(t), graus} {
		for _, path := range validWorkbooks(t) {
			c, err := Calculate(context.Background(), path, "", rb, capital.Options{})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			var want []string
			for _, f := range c.Warnings {
				if f.Code != findings.ProvisionalParams && f.Code != findings.ProposalParams {
					want = append(want, f.String())
				} else {
					notices = true
				}
			}
			rep := Validate(context.Background(), path, rb)
			var got []string
			for _, f := range rep.Findings {
				if f.File != path {
					t.Errorf("%s: a finding names %q", path, f.File)
				}
				f.File = ""
				got = append(got, f.String())
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) || rep.Warnings != len(want) || rep.Errors != 0 {
				t.Errorf("%s: validate reports\n %v\ncalc warns\n %v", path, got, want)
			}
			stale = stale || slices.ContainsFunc(rep.Findings, func(f findings.Finding) bool { return f.Code == findings.StaleCapitalRef })
		}
	}
	if !stale || !notices {
		t.Errorf("checked a stale capital de referência: %v; calc's rulebook notices left out: %v", stale, notices)
	}
}

// A file that cannot be read is one CR-E001 finding naming it; the
// coleta reader's findings name their file too; ValidateEach keeps the
// order and stops when interrupted.
func TestValidateUnreadable(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	rep := Validate(context.Background(), "nothere.xlsx", rb)
	if rep.Valid || rep.Errors != 1 || rep.Findings[0].Code != findings.Unreadable || rep.Findings[0].File != "nothere.xlsx" ||
		rep.Findings[0].Message != "nothere.xlsx: no such file or directory" {
		t.Errorf("missing workbook: %+v", rep)
	}
	rep = ValidateColeta(context.Background(), "testdata")
	if rep.Valid || rep.Findings[0].Message != "testdata: is a directory, not a file" {
		t.Errorf("a directory as coleta sheet: %+v", rep)
	}
	files := []string{"examples/operadora-exemplo.xlsx", "nothere.xlsx"}
	reps, err := ValidateEach(context.Background(), files, func(ctx context.Context, p string) FileReport { return Validate(ctx, p, rb) })
	if err != nil || len(reps) != 2 || reps[0].File != files[0] || !reps[0].Valid || reps[1].Valid {
		t.Errorf("ValidateEach: %v %+v", err, reps)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ValidateEach(ctx, files, func(context.Context, string) FileReport { t.Error("checked after the interrupt"); return FileReport{} }); !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted: %v", err)
	}
}

package cli

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules"
)

type expectedFinding struct {
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	What     string  `json:"what"`
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// Every broken workbook of testdata/invalid: the findings are those of its
// golden file (testdata/invalid/NAME.golden, -update regenerates), they
// include every finding expected.json lists (code and place), and the input
// file is not modified.
func TestValidateInvalidCorpus(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("testdata/invalid/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]expectedFinding
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/invalid/*.xlsx")
	if len(files) < len(want) {
		t.Fatalf("%d workbooks for %d expectations", len(files), len(want))
	}
	rb, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			before := hashFile(t, path)
			rep := Validate(path, rb)
			if hashFile(t, path) != before {
				t.Fatal("the input was modified")
			}
			var lines []string
			for _, f := range rep.Findings {
				lines = append(lines, fmt.Sprintf("%s %s %s", f.Code, f.Severity, orDash(f.Where())))
			}
			golden(t, strings.TrimSuffix(path, ".xlsx")+".golden", strings.Join(lines, "\n")+"\n")
			exp, ok := want[name]
			if !ok {
				t.Fatalf("%s has no entry in expected.json", name)
			}
			for _, e := range exp {
				if e.Code == "" {
					continue // not yet coded in expected.json
				}
				found := false
				for _, f := range rep.Findings {
					if f.Code == e.Code && (e.Sheet == nil || f.Sheet == *e.Sheet) && (e.Cell == nil || f.Cell == *e.Cell) {
						found = true
					}
				}
				if !found {
					t.Errorf("expected %s at %v!%v (%s); got %v", e.Code, deref(e.Sheet), deref(e.Cell), e.What, lines)
				}
			}
			wantErrors := false
			for _, e := range exp {
				wantErrors = wantErrors || e.Severity == "error"
			}
			if (rep.Errors > 0) != wantErrors {
				t.Errorf("validate: %d errors, want errors: %v", rep.Errors, wantErrors)
			}
			// calc refuses exactly the files validate refuses, with the same findings.
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
						t.Errorf("calc: missing %s at %s", e.Code, deref(e.Cell))
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
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// Every valid workbook of the project validates with no error.
func TestValidateValidWorkbooks(t *testing.T) {
	t.Chdir("../..")
	files, _ := filepath.Glob("testdata/fixtures/*.xlsx")
	files = append(files, "examples/operadora-exemplo.xlsx")
	rb, _ := rules.Default()
	for _, path := range files {
		if rep := Validate(path, rb); rep.Errors != 0 {
			t.Errorf("%s: %v", path, rep.Findings.Errors())
		}
	}
}

// validate reports every warning calc prints for the same workbook, except
// the rulebook notices CR-W005 and CR-W009, and with --strict fails on them:
// on every valid workbook of the project (f10's data base 2027-01 makes its
// capital de referência stale, CR-W004; f04 has CR-W010), with the shipped
// rulebook and with one that has a grade table.
func TestValidateReportsCalcWarnings(t *testing.T) {
	t.Chdir("../..")
	def, _ := rules.Default()
	graus, err := rules.Load([]byte("crc:\n  fator_1_1:\n    por_grau: {a: 0.02, b: 0.05, c: 0.1, \"1\": 0.01, \"2\": 0.02, \"3\": 0.03, \"4\": 0.04, \"5\": 0.05}\n"), "graus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	stale, notices := false, false
	for _, rb := range []*rules.Rulebook{def, graus} {
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
			rep := Validate(path, rb)
			var got []string
			for _, f := range rep.Findings {
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

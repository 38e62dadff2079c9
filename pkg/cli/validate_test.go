package cli

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			if rep.Errors == 0 && strings.Contains(fmt.Sprint(exp), "error") {
				t.Errorf("no error reported")
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

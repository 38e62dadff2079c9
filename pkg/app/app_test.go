package app

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// golden compares got with the file at path (-update rewrites it).
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/app -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output; run go test ./pkg/app -update and review the diff.\n--- got ---\n%s", path, got)
	}
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// expectedFinding is a finding an expected.json of testdata lists.
type expectedFinding struct {
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	What     string  `json:"what"`
}

// matches reports whether f is the finding e expects (code, sheet, cell).
func (e expectedFinding) matches(f findings.Finding) bool {
	return f.Code == e.Code && (e.Sheet == nil || f.Sheet == *e.Sheet) && (e.Cell == nil || f.Cell == *e.Cell)
}

func (e expectedFinding) String() string {
	return fmt.Sprintf("%s at %s!%s (%s)", e.Code, deref(e.Sheet), deref(e.Cell), e.What)
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// findingLine is a finding as a golden file of findings holds it: code,
// severity and place.
func findingLine(f findings.Finding) string {
	where := f.Where()
	if where == "" {
		where = "-"
	}
	return fmt.Sprintf("%s %s %s", f.Code, f.Severity, where)
}

// validWorkbooks are the workbooks of the project that compute (run from
// the repository root).
func validWorkbooks(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("testdata/fixtures/*.xlsx")
	if len(files) == 0 {
		t.Fatal("no fixtures: run from the repository root")
	}
	return append(files, "examples/operadora-exemplo.xlsx")
}

func defaultRules(t *testing.T) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

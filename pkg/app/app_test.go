package app

import (
	"path/filepath"
	"testing"
)

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

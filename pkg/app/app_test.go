package app

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/rules"
)

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
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

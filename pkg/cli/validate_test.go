package cli

import (
	"crypto/sha256"
	"fmt"
	"os"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
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

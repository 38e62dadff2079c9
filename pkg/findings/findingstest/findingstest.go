// Package findingstest holds what the tests of several packages need to
// compare findings with the expected.json files of testdata, and to give a
// reader a path it must refuse without blocking. Only tests
// import it.
package findingstest

import (
	"fmt"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

// Expected is a finding an expected.json of testdata lists.
type Expected struct {
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	What     string  `json:"what"`
}

// Matches reports whether f is the finding e expects (code, sheet, cell).
func (e Expected) Matches(f findings.Finding) bool {
	return f.Code == e.Code && (e.Sheet == nil || f.Sheet == *e.Sheet) && (e.Cell == nil || f.Cell == *e.Cell)
}

func (e Expected) String() string {
	return fmt.Sprintf("%s at %s!%s (%s)", e.Code, Deref(e.Sheet), Deref(e.Cell), e.What)
}

// Deref is the text of an optional place, "-" when absent.
func Deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// Line is a finding as a golden file of findings holds it: code, severity
// and place.
func Line(f findings.Finding) string {
	where := f.Where()
	if where == "" {
		where = "-"
	}
	return fmt.Sprintf("%s %s %s", f.Code, f.Severity, where)
}

// Unblocked runs read — a reader given a FIFO or a device — and returns its
// findings, ending the test when read has not returned within 5 s: a reader
// that opened such a path would block until a writer came, or never end.
func Unblocked(t *testing.T, what string, read func() findings.List) findings.List {
	t.Helper()
	done := make(chan findings.List, 1)
	go func() { done <- read() }()
	select {
	case l := <-done:
		return l
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: blocked", what)
		return nil
	}
}

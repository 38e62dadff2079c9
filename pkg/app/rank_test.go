package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
	"github.com/capreg/capreg/pkg/golden"
)

// Every workbook of testdata/reclamacoes ranks or is refused as
// expected.json says (exit 0, or 2: an input error), with the findings it
// lists, each naming the file, and is not modified.
func TestRankCorpus(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("testdata/reclamacoes/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct {
		Exit     int `json:"exit"`
		Findings []struct {
			findingstest.Expected
			Column *string `json:"column"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/reclamacoes/*.xlsx")
	if len(files) != len(want) {
		t.Fatalf("%d workbooks for %d expectations", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			exp := want[name]
			before := golden.Sum(t, path)
			res, err := Rank(context.Background(), path)
			if golden.Sum(t, path) != before {
				t.Fatal("the input was modified")
			}
			var got findings.List
			var ie *findings.InputError
			switch {
			case errors.As(err, &ie) && exp.Exit == 2 && InputFault(err) && res == nil:
				got = ie.Findings
			case err != nil || exp.Exit != 0 || res == nil:
				t.Fatalf("%v, want exit %d", err, exp.Exit)
			}
			for _, e := range exp.Findings {
				if !slices.ContainsFunc(got, func(f findings.Finding) bool {
					return e.Matches(f) && (e.Column == nil || f.Column == *e.Column) && f.File == path
				}) {
					t.Errorf("expected %s; got %v", e, got)
				}
			}
			if len(got) != len(exp.Findings) {
				t.Errorf("%d findings, want %d: %v", len(got), len(exp.Findings), got)
			}
		})
	}
}

// A file that is not there is an input error naming it; an interrupted
// run reads nothing.
func TestRankRefuses(t *testing.T) {
	if _, err := Rank(context.Background(), "nothere.xlsx"); err == nil || err.Error() != "nothere.xlsx: no such file or directory" || !InputFault(err) {
		t.Errorf("missing file: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Rank(ctx, "nothere.xlsx"); !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted: %v", err)
	}
}

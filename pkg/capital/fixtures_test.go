package capital_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// Every parameter path the engine records for the fixtures and the example,
// under every factor set, names a parameter of the rulebook.
func TestFixturePathsExist(t *testing.T) {
	rb := rulestest.Default(t)
	inputs := map[string][]byte{}
	paths, _ := filepath.Glob("../../testdata/fixtures/*.xlsx")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = data
	}
	f, _, err := generate.NewExample(1).Workbook(context.Background(), generate.WorkbookOptions{})
	if err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	inputs["example"] = buf.Bytes()
	if len(inputs) < 9 {
		t.Fatalf("%d inputs, want the fixtures and the example", len(inputs))
	}
	for name, data := range inputs {
		in, l, err := workbook.Read(context.Background(), bytes.NewReader(data))
		if err != nil || l.HasErrors() {
			t.Fatalf("%s: %v %v", name, err, l.Errors())
		}
		for _, set := range capital.Sets() {
			r, err := capital.Compute(in, rb, capital.Options{Factors: set})
			if err != nil {
				t.Fatalf("%s under %s: %v", name, set, err)
			}
			r.Tree.Walk(func(n *capital.Node) {
				for _, p := range n.Params {
					if _, ok := rb.Provenance(p.Path); !ok {
						t.Errorf("%s under %s: %s records %q, which names no parameter", name, set, n.Key, p.Path)
					}
				}
			})
		}
	}
}

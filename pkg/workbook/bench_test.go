package workbook_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// BenchmarkReadExample reads the shipped example operator (seed 1) from
// memory; BenchmarkComputeExample computes it under the five factor sets.
// Compare the two to see where a calc spends its time.
func BenchmarkReadExample(b *testing.B) {
	data, err := os.ReadFile("../../examples/operadora-exemplo.xlsx") // seed 1
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, l, err := workbook.Read(context.Background(), bytes.NewReader(data)); err != nil || l.HasErrors() {
			b.Fatal(l)
		}
	}
}

func BenchmarkComputeExample(b *testing.B) {
	data, err := os.ReadFile("../../examples/operadora-exemplo.xlsx") // seed 1
	if err != nil {
		b.Fatal(err)
	}
	in, l, err := workbook.Read(context.Background(), bytes.NewReader(data))
	if err != nil || l.HasErrors() {
		b.Fatal(l)
	}
	rb := rulestest.Default(b)
	for b.Loop() {
		if _, err := capital.Compute(in, rb, capital.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

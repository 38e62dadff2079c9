package workbook_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/workbook"
)

// BenchmarkReadExample reads the shipped example operator (seed 1) from
// memory; BenchmarkComputeExample computes it under the five factor sets.
// Compare the two to see where a calc spends its time.
func BenchmarkReadExample(b *testing.B) {
	data, err := generate.ExampleBytes(1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, l, _ := workbook.Read(context.Background(), bytes.NewReader(data)); l.HasErrors() {
			b.Fatal(l)
		}
	}
}

func BenchmarkComputeExample(b *testing.B) {
	data, err := generate.ExampleBytes(1)
	if err != nil {
		b.Fatal(err)
	}
	in, l, _ := workbook.Read(context.Background(), bytes.NewReader(data))
	if l.HasErrors() {
		b.Fatal(l)
	}
	rb, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := capital.Compute(in, rb, capital.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

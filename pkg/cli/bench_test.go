package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBatch computes a batch of 40 copies of the shipped example with
// one and two workers, JSON Lines to nowhere; ns/op is the whole batch, so
// jobs=1 / jobs=2 is the speedup (scripts/bench measures the same on 1,000
// varied operators with the real binary).
func BenchmarkBatch(b *testing.B) {
	example, err := os.ReadFile("../../examples/operadora-exemplo.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 40 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("op%02d.xlsx", i)), example, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			for b.Loop() {
				s := Streams{Out: io.Discard, Err: io.Discard}
				if code := run(context.Background(), []string{"batch", dir, "-o", "json", "--jobs", fmt.Sprint(jobs)}, s); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

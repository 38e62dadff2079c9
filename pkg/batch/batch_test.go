package batch

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Results come out in input order whatever order the workers end in, and
// every input is worked once.
func TestRunOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 7, 100} {
		var worked, done atomic.Int64
		var got []int
		err := Run(context.Background(), 50, jobs, func(_ context.Context, i int) int {
			worked.Add(1)
			time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			return i * i
		}, func(i, v int) error {
			if v != i*i {
				t.Errorf("emit(%d, %d): value of another input", i, v)
			}
			got = append(got, i)
			return nil
		}, func() { done.Add(1) })
		if err != nil {
			t.Fatal(err)
		}
		want := make([]int, 50)
		for i := range want {
			want[i] = i
		}
		if !slices.Equal(got, want) || worked.Load() != 50 || done.Load() != 50 {
			t.Errorf("jobs %d: emitted %v, worked %d, done %d", jobs, got, worked.Load(), done.Load())
		}
	}
}

// Work runs on jobs goroutines at once, no more.
func TestRunParallel(t *testing.T) {
	var now, peak atomic.Int64
	err := Run(context.Background(), 40, 4, func(context.Context, int) struct{} {
		n := now.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(2 * time.Millisecond)
		now.Add(-1)
		return struct{}{}
	}, func(int, struct{}) error { return nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if peak.Load() != 4 {
		t.Errorf("peak concurrency %d, want 4", peak.Load())
	}
}

// While an input is slow, the others go on only up to the window: the
// results waiting for it stay bounded however long the batch.
func TestRunBoundedAhead(t *testing.T) {
	const jobs = 2
	window := jobs * aheadPerWorker
	var started atomic.Int64
	err := Run(context.Background(), 10*window, jobs, func(_ context.Context, i int) int {
		if n := started.Add(1); n > int64(window) {
			t.Errorf("input %d started while input 0 still works: %d handed out, window %d", i, n, window)
		}
		if i == 0 { // slow: the window fills behind it
			for deadline := time.Now().Add(10 * time.Second); started.Load() < int64(window); {
				if time.Now().After(deadline) {
					t.Errorf("only %d inputs started behind a slow one, want the window %d", started.Load(), window)
					break
				}
				time.Sleep(time.Millisecond)
			}
			time.Sleep(20 * time.Millisecond)  // time for more to start, were the window open
			started.Store(-int64(10 * window)) // from here on the count no longer matters
		}
		return i
	}, func(int, int) error { return nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
}

// A done context stops the run: its error is returned and the inputs left
// are not started.
func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int64
	err := Run(ctx, 1000, 2, func(ctx context.Context, i int) int {
		started.Add(1)
		if i == 10 {
			cancel()
		}
		return i
	}, func(int, int) error { return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if started.Load() > 20 {
		t.Errorf("%d inputs started after the cancel at 10", started.Load())
	}
}

// An emit error stops the run and is returned.
func TestRunEmitError(t *testing.T) {
	boom := errors.New("disk full")
	var emitted int
	err := Run(context.Background(), 100, 3, func(_ context.Context, i int) int { return i },
		func(i, _ int) error {
			emitted++
			if i == 5 {
				return boom
			}
			return nil
		}, nil)
	if !errors.Is(err, boom) || emitted != 6 {
		t.Errorf("err %v after %d emits, want disk full after 6", err, emitted)
	}
}

func TestRunNothing(t *testing.T) {
	if err := Run(context.Background(), 0, 4, func(context.Context, int) int { return 0 },
		func(int, int) error { t.Error("emit called"); return nil }, nil); err != nil {
		t.Fatal(err)
	}
}

func touch(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	touch(t, dir,
		"b.xlsx", "a.xlsx", "a.beneficiarios.csv", "c.XLSX", "c.beneficiarios.xlsx",
		"d.xlsx", "d.beneficiarios.csv", "d.beneficiarios.xlsx", // two: ambiguous
		"~$a.xlsx", ".hidden.xlsx", "notes.txt", "sub/e.xlsx", "f.xls", "g.ods",
		"other/z.xlsx", "other/y.xlsx",
	)
	j := func(names ...string) string { return filepath.Join(append([]string{dir}, names...)...) }
	got := Inputs([]string{dir, j("other", "*.xlsx"), j("b.xlsx"), j("missing.xlsx"), j("none", "*.xlsx"), j("sub")})
	type row struct{ wb, benef, err string }
	var rows []row
	for _, in := range got {
		r := row{wb: strings.TrimPrefix(in.Workbook, dir+"/"), benef: strings.TrimPrefix(in.Beneficiarios, dir+"/")}
		if in.Err != nil {
			r.err = in.Err.Error()
		}
		rows = append(rows, r)
	}
	want := []row{
		{"a.xlsx", "a.beneficiarios.csv", ""},
		{"b.xlsx", "", ""},
		{"c.XLSX", "c.beneficiarios.xlsx", ""},
		{"d.xlsx", "", "two beneficiary files for one workbook: " + j("d.beneficiarios.csv") + " and " + j("d.beneficiarios.xlsx") + "; keep one"},
		{"f.xls", "", ""}, // its row will say how to save it as .xlsx
		{"g.ods", "", ""},
		{"other/y.xlsx", "", ""},
		{"other/z.xlsx", "", ""},
		// b.xlsx again: kept once
		{"missing.xlsx", "", ""}, // its row will say it cannot be read
		{"none/*.xlsx", "", "no workbook (.xlsx) in " + j("none", "*.xlsx")},
		{"sub/e.xlsx", "", ""},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Inputs:\n got %q\nwant %q", rows, want)
	}
}

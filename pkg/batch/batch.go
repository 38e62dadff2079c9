// Package batch runs one job per input workbook on a pool of workers and
// hands the results back in input order, and expands the command line's
// files, directories and glob patterns into the workbooks of a batch, each
// with its beneficiary file found by the naming convention.
package batch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
)

// Input is one workbook of a batch.
type Input struct {
	Workbook      string
	Beneficiarios string // its beneficiary file by the naming convention, or ""
	Err           error  // why it cannot even be tried (nothing matched, two beneficiary files)
}

// Inputs expands args in order: a directory gives its spreadsheets (.xlsx,
// and .xls, .xlsm, .xlsb, .ods to be refused in their rows; not
// recursively, sorted by name), a glob pattern the files it matches
// (sorted), anything else itself. Beneficiary files (NAME.beneficiarios.xlsx),
// Excel lock files (~$NAME.xlsx) and hidden files are not workbooks and are
// left out of directories and patterns; a path given twice is kept once. An
// argument that matches nothing is an Input with Err, so it is reported
// with the rest.
func Inputs(args []string) []Input {
	var out []Input
	seen := map[string]bool{}
	add := func(p string) {
		if seen[filepath.Clean(p)] {
			return
		}
		seen[filepath.Clean(p)] = true
		in := Input{Workbook: p}
		in.Beneficiarios, in.Err = beneficiaryFile(p)
		out = append(out, in)
	}
	for _, arg := range args {
		var paths []string
		switch st, err := os.Stat(arg); {
		case err == nil && st.IsDir():
			entries, err := os.ReadDir(arg)
			if err != nil {
				out = append(out, Input{Workbook: arg, Err: lang.Errorf("cannot read the directory: %w", err)})
				continue
			}
			for _, e := range entries {
				if !e.IsDir() && spreadsheet(e.Name()) && workbookName(e.Name()) {
					paths = append(paths, filepath.Join(arg, e.Name()))
				}
			}
		case err != nil && hasMeta(arg):
			m, err := filepath.Glob(arg)
			if err != nil {
				out = append(out, Input{Workbook: arg, Err: lang.Errorf("bad pattern: %w", err)})
				continue
			}
			paths = slices.DeleteFunc(m, func(p string) bool { return !workbookName(filepath.Base(p)) || isDir(p) })
		default:
			add(arg) // a file, or a path that does not exist: its row says so
			continue
		}
		if len(paths) == 0 {
			out = append(out, Input{Workbook: arg, Err: lang.Errorf("no workbook (.xlsx) in %s", arg)})
			continue
		}
		slices.Sort(paths)
		for _, p := range paths {
			add(p)
		}
	}
	return out
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// spreadsheetExts are the spreadsheet files a directory's batch takes: the
// .xlsx workbooks, and the other formats a person may have saved an
// operator in, whose rows then say what the file is and how to save it as
// .xlsx instead of their being skipped without a word.
var spreadsheetExts = []string{".xlsx", ".xls", ".xlsm", ".xlsb", ".ods"}

func spreadsheet(name string) bool {
	return slices.Contains(spreadsheetExts, strings.ToLower(filepath.Ext(name)))
}

// workbookName tells an operator's workbook from the other files a
// directory or pattern can hold, by name.
func workbookName(base string) bool {
	return !strings.HasPrefix(base, ".") && !strings.HasPrefix(base, "~$") && !layout.IsBeneficiaryFile(base)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// beneficiaryFile finds the beneficiary file of a workbook by the naming
// convention; two of them (one per extension of layout.BeneficiaryExts) is
// an error (which one would be meant?).
func beneficiaryFile(workbook string) (string, error) {
	var found []string
	for _, ext := range layout.BeneficiaryExts {
		if p := layout.BeneficiaryFile(workbook, ext); isFile(p) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", lang.Errorf("two beneficiary files for one workbook: %s and %s; keep one", found[0], found[1])
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// aheadPerWorker bounds, per worker, how far past the first result not yet
// emitted Run hands out inputs: a slow input (a million beneficiaries) then
// holds back a bounded number of finished results in memory, not the rest
// of the batch.
const aheadPerWorker = 64

// Run calls work(ctx, i) for i in [0, n) on jobs workers and emit(i, result)
// in order of i, each as soon as it and every result before it are done;
// done, if not nil, is called (from the workers) as each work ends, in any
// order. At most jobs×aheadPerWorker inputs are handed out and not yet
// emitted at any time, so the results waiting for an earlier one are
// bounded. Run stops early when ctx is done (returning its error) or when
// emit fails (returning that error); work then is not started for the
// inputs left.
func Run[T any](ctx context.Context, n, jobs int, work func(context.Context, int) T, emit func(int, T) error, done func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i int
		v T
	}
	jobs = max(jobs, 1)
	next := make(chan int)
	results := make(chan result, jobs)
	slots := make(chan struct{}, jobs*aheadPerWorker) // an input handed out and not yet emitted
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				v := work(ctx, i)
				if done != nil {
					done()
				}
				select {
				case results <- result{i, v}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(next)
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	pending := map[int]T{}
	emitted := 0
	var err error
	for r := range results {
		if err != nil {
			continue // drain, so the workers end
		}
		pending[r.i] = r.v
		for {
			v, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			<-slots
			if err = emit(emitted, v); err != nil {
				cancel()
				break
			}
			emitted++
		}
	}
	if err != nil {
		return err
	}
	if emitted < n {
		return ctx.Err()
	}
	return nil
}

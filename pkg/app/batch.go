package app

import (
	"context"
	"errors"
	"sync"

	"github.com/capreg/capreg/pkg/batch"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// BatchRow is one workbook of a batch: its calculation, or why there is
// none.
type BatchRow struct {
	File          string
	Beneficiarios string        // the beneficiary file used, if any
	Calculation   *Calculation  // nil when the workbook could not be computed
	Error         string        // why not, in one line, in English (ErrorIn: in a language)
	Findings      findings.List // the error findings of an invalid workbook
	Internal      bool          // the error is a bug of capreg's, not of the input

	err error // why not, when the findings do not say it
}

// FailedRow is the row of a workbook (and its beneficiary file) that could
// not be computed for err: its error findings and the first of them in one
// line, or the error. The command line prints it for calc and compare -o
// json too.
func FailedRow(workbook, benef string, err error) *BatchRow {
	row := &BatchRow{File: workbook, Beneficiarios: benef, err: err}
	var ie *findings.InputError
	if errors.As(err, &ie) {
		row.Findings = ie.Findings.Errors()
	}
	row.Error = row.ErrorIn(lang.En)
	return row
}

// ErrorIn is the row's Error in language l: its first error finding and
// how many more, or its error.
func (r *BatchRow) ErrorIn(l lang.Lang) string {
	switch n := len(r.Findings); {
	case n > 1:
		return lang.M("%s (and %d more)", r.Findings[0].In(l).String(), n-1).In(l)
	case n == 1:
		return r.Findings[0].In(l).String()
	case r.err != nil:
		return lang.Describe(r.err, l)
	}
	return r.Error
}

// BatchSummary counts the outcome of a batch.
type BatchSummary struct {
	Total, Computed, Failed, Insufficient int
	Internal                              int // failed by a bug of capreg's
}

// Add counts a row.
func (s *BatchSummary) Add(r *BatchRow) {
	s.Total++
	switch {
	case r.Calculation == nil:
		s.Failed++
		if r.Internal {
			s.Internal++
		}
	case !r.Calculation.Result.Sufficient:
		s.Computed++
		s.Insufficient++
	default:
		s.Computed++
	}
}

// BatchOptions are what a batch computes and how.
type BatchOptions struct {
	Inputs   []batch.Input // batch.Inputs of the command line
	Rulebook *rules.Rulebook
	Capital  capital.Options
	Headroom bool   // search each operator's headroom too (Calculation.Headroom)
	Jobs     int    // workbooks computed at once (at least 1)
	Done     func() // called as each workbook ends, in any order (a progress bar); nil for none
}

// Batch computes every input on o.Jobs workers and hands each row to
// emit in input order, as soon as it and every row before it are done; a
// bad workbook, or a bug met in one, is its row's error, never the batch's.
// keep turns a row into what emit takes, in the worker that computed it:
// rows wait there for an earlier one, so keep should hold less than the
// engine's result (a rendered line, not the explanation trees). Batch
// returns the count of the rows computed, and stops early with ctx's error
// or emit's.
func Batch[T any](ctx context.Context, o BatchOptions, keep func(*BatchRow) T, emit func(T) error) (BatchSummary, error) {
	var (
		mu  sync.Mutex
		sum BatchSummary
	)
	count := func(r *BatchRow) {
		mu.Lock()
		defer mu.Unlock()
		sum.Add(r)
	}
	work := func(ctx context.Context, i int) (v T) {
		in := o.Inputs[i]
		defer func() {
			if p := recover(); p != nil { // a bug met in the workbook is its row's error
				r := &BatchRow{File: in.Workbook, Beneficiarios: in.Beneficiarios, Internal: true,
					err: lang.Errorf("internal error (a bug, please report it): %v", p)}
				r.Error = r.err.Error()
				count(r)
				v = keep(r)
			}
		}()
		r := batchRow(ctx, in, o)
		v = keep(r)
		count(r)
		return v
	}
	err := batch.Run(ctx, len(o.Inputs), o.Jobs, work, func(_ int, v T) error { return emit(v) }, o.Done)
	return sum, err
}

// batchRow computes one input of the batch o into its row.
func batchRow(ctx context.Context, in batch.Input, o BatchOptions) *BatchRow {
	if in.Err != nil {
		return &BatchRow{File: in.Workbook, Beneficiarios: in.Beneficiarios, Error: in.Err.Error(), err: in.Err}
	}
	c, err := calculate(ctx, in.Workbook, in.Beneficiarios, o.Rulebook, o.Capital, o.Headroom)
	if err != nil {
		row := FailedRow(in.Workbook, in.Beneficiarios, err)
		row.Internal = !InputFault(err) && ctx.Err() == nil
		return row
	}
	return &BatchRow{File: in.Workbook, Beneficiarios: in.Beneficiarios, Calculation: c}
}

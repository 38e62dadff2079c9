package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/batch"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func TestBatchSummaryAdd(t *testing.T) {
	computed := func(sufficient bool) *Calculation {
		return &Calculation{Result: &capital.Result{Sufficient: sufficient}}
	}
	var s BatchSummary
	for _, r := range []*BatchRow{
		{File: "a", Calculation: computed(true)},
		{File: "b", Calculation: computed(false)},
		{File: "c", Error: "bad"},
		{File: "d", Error: "bug", Internal: true},
		{File: "e", Calculation: computed(true)},
	} {
		s.Add(r)
	}
	if want := (BatchSummary{Total: 5, Computed: 3, Failed: 2, Insufficient: 1, Internal: 1}); s != want {
		t.Errorf("%+v, want %+v", s, want)
	}
}

// The row of a workbook not computed: its error findings, the first in
// one line with how many more; or the error itself.
func TestFailedRow(t *testing.T) {
	one := findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("pl is empty"))
	warn := findings.New(findings.UnknownField, "Operadora", "A21", lang.Text("unknown campo"))
	two := findings.New(findings.EmptyValue, "PLA", "B3", lang.Text("pl is empty"))
	for _, c := range []struct {
		err      error
		want     string
		findings int
	}{
		{&findings.InputError{Findings: findings.List{one, warn}}, one.String(), 1},
		{&findings.InputError{Findings: findings.List{one, warn, two}}, one.String() + " (and 1 more)", 2},
		{errors.New("x.xlsx: no such file or directory"), "x.xlsx: no such file or directory", 0},
	} {
		r := FailedRow("x.xlsx", "x.beneficiarios.csv", c.err)
		if r.File != "x.xlsx" || r.Beneficiarios != "x.beneficiarios.csv" || r.Calculation != nil || r.Error != c.want || len(r.Findings) != c.findings {
			t.Errorf("%v: %+v", c.err, r)
		}
	}
}

// The batch's inputs: valid, insufficient, invalid, valid (another
// operator), and one that could not even be tried.
var batchInputs = []batch.Input{{Workbook: "examples/operadora-exemplo.xlsx"}, {Workbook: "testdata/fixtures/f06_autogestao_insuficiente.xlsx"},
	{Workbook: "testdata/invalid/i07_unparsable_number.xlsx"}, {Workbook: "testdata/fixtures/f04_odonto_grupo_aps.xlsx"},
	{Workbook: "none-*.xlsx", Err: errors.New("no workbook (.xlsx) in none-*.xlsx")}}

// Every row comes in input order at any number of workers, kept by keep
// in the worker; a bad workbook is its row's error; the summary counts
// every row; done is called once a row.
func TestBatch(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	for _, jobs := range []int{1, 3} {
		var done atomic.Int32
		var got []string
		sum, err := Batch(context.Background(), BatchOptions{Inputs: batchInputs, Rulebook: rb, Jobs: jobs, Done: func() { done.Add(1) }},
			func(r *BatchRow) string {
				if r.Calculation != nil {
					return r.File + " " + r.Calculation.Result.FactorSet
				}
				return r.File + " " + strings.SplitN(r.Error, ":", 2)[0]
			},
			func(s string) error { got = append(got, s); return nil })
		want := []string{"examples/operadora-exemplo.xlsx reduzido", "testdata/fixtures/f06_autogestao_insuficiente.xlsx padrao",
			"testdata/invalid/i07_unparsable_number.xlsx Contraprestacoes!D7", "testdata/fixtures/f04_odonto_grupo_aps.xlsx aps",
			"none-*.xlsx no workbook (.xlsx) in none-*.xlsx"}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("jobs %d: %v\n%q\nwant\n%q", jobs, err, got, want)
		}
		if s := (BatchSummary{Total: 5, Computed: 3, Failed: 2, Insufficient: 1}); sum != s || done.Load() != 5 {
			t.Errorf("jobs %d: %+v, done %d", jobs, sum, done.Load())
		}
	}
}

// A bug met in a workbook (here a panic keeping its row) is that row's
// internal error, never the batch's; emit's error stops the batch, and so
// does an interrupt.
func TestBatchFailures(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	o := BatchOptions{Inputs: batchInputs[:2], Rulebook: rb, Jobs: 2}
	var rows []*BatchRow
	sum, err := Batch(context.Background(), o, func(r *BatchRow) *BatchRow {
		if r.File == batchInputs[1].Workbook && r.Calculation != nil {
			panic("boom")
		}
		return r
	}, func(r *BatchRow) error { rows = append(rows, r); return nil })
	if err != nil || len(rows) != 2 || rows[0].Calculation == nil || !rows[1].Internal ||
		rows[1].Error != "internal error (a bug, please report it): boom" || sum.Internal != 1 || sum.Failed != 1 {
		t.Errorf("a panic: %v %+v %+v", err, rows, sum)
	}
	stop := errors.New("stop")
	if _, err := Batch(context.Background(), o, func(r *BatchRow) *BatchRow { return r }, func(*BatchRow) error { return stop }); err != stop {
		t.Errorf("emit's error: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := Batch(ctx, o, func(r *BatchRow) *BatchRow { return r }, func(*BatchRow) error { return nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("interrupted: %v", err)
	}
}

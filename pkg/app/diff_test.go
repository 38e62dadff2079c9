package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook/workbooktest"
)

// amounts are the 13 amounts of a result (the keys of the JSON amounts).
func amounts(r *capital.Result) map[string]decimal.Decimal {
	a := figures(r)
	for _, k := range []string{"crs_pre", "crs_pro", "crs_sus", "crs_rem"} {
		if n := r.CRS.Find(k); n != nil {
			a[k] = n.Value
		} else {
			a[k] = decimal.Zero
		}
	}
	return a
}

// sameAmounts fails unless the two results have the same 13 amounts.
func sameAmounts(t *testing.T, what string, got, want *capital.Result) {
	t.Helper()
	g := amounts(got)
	for k, v := range amounts(want) {
		if !g[k].Equal(v) {
			t.Errorf("%s: %s = %s, want %s", what, k, g[k], v)
		}
	}
}

// The example against itself: every step changes nothing, and the note
// says the data base did not move on.
func TestDiffItself(t *testing.T) {
	t.Chdir("../..")
	const path = "examples/operadora-exemplo.xlsx"
	d, err := Diff(context.Background(), path, path, rulestest.Default(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.States) != 1+len(analysis.Steps()) {
		t.Fatalf("%d states", len(d.States))
	}
	for _, s := range d.States[1:] {
		sameAmounts(t, string(s.Step), s.Result, d.States[0].Result)
	}
	if !slices.Equal(d.Notes, []DiffNote{DataBaseNotAfter}) {
		t.Errorf("notes %v", d.Notes)
	}
}

// The example against a copy a month later with a change in every group
// (workbooktest.NextMonth): the first state is calc of the example, the
// last calc of the copy, and the steps' changes of every amount add up to
// ATUAL − ANTERIOR exactly. The base step changes nothing: 2025-09 and
// 2025-10 share the capital de referência in force from 2025-07-01, and
// the monthly groups keep their own 12 months until their own steps.
func TestDiffNextMonth(t *testing.T) {
	t.Chdir("../..")
	const anterior = "examples/operadora-exemplo.xlsx"
	atual := filepath.Join(t.TempDir(), "atual.xlsx")
	workbooktest.NextMonth(t, anterior, atual)
	before := golden.Sum(t, anterior)
	rb := rulestest.Default(t)
	d, err := Diff(context.Background(), anterior, atual, rb)
	if err != nil {
		t.Fatal(err)
	}
	if golden.Sum(t, anterior) != before {
		t.Error("the workbook was modified")
	}
	if len(d.Notes) != 0 {
		t.Errorf("notes %v", d.Notes)
	}
	for _, c := range []struct {
		path string
		got  *Calculation
	}{{anterior, d.Anterior}, {atual, d.Atual}} {
		calc, err := Calculate(context.Background(), c.path, "", rb, capital.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sameAmounts(t, c.path, c.got.Result, calc.Result)
		if c.got.Result.FactorSet != calc.Result.FactorSet || c.got.Result.Operadora.DataBase != calc.Result.Operadora.DataBase {
			t.Errorf("%s: %s at %s, calc %s at %s", c.path, c.got.Result.FactorSet, c.got.Result.Operadora.DataBase,
				calc.Result.FactorSet, calc.Result.Operadora.DataBase)
		}
		if len(c.got.Warnings) != len(calc.Warnings) {
			t.Errorf("%s: %d warnings, calc %d", c.path, len(c.got.Warnings), len(calc.Warnings))
		}
	}
	if d.States[0].Result != d.Anterior.Result || d.States[len(d.States)-1].Result != d.Atual.Result {
		t.Error("the first and last states are not the sides")
	}
	first, last := amounts(d.Anterior.Result), amounts(d.Atual.Result)
	sum := map[string]decimal.Decimal{}
	changed := map[analysis.Step][]string{}
	for i := 1; i < len(d.States); i++ {
		prev, cur := amounts(d.States[i-1].Result), amounts(d.States[i].Result)
		for k, v := range cur {
			delta := v.Sub(prev[k])
			sum[k] = sum[k].Add(delta)
			if !delta.IsZero() {
				changed[d.States[i].Step] = append(changed[d.States[i].Step], k)
			}
		}
	}
	for k, v := range last {
		if want := v.Sub(first[k]); !sum[k].Equal(want) {
			t.Errorf("%s: the steps add up to %s, ATUAL − ANTERIOR is %s", k, sum[k], want)
		}
	}
	// Where each change shows first: the figure each step moves directly.
	for step, k := range map[analysis.Step]string{
		analysis.StepPLA: "pla", analysis.StepContraprestacoes: "crs_pre", analysis.StepEventos: "crs_pro",
		analysis.StepABI: "crs_sus", analysis.StepRemissao: "crs_rem", analysis.StepCredito: "crc",
		analysis.StepMercado: "crm", analysis.StepInformadas: "cro",
	} {
		if !slices.Contains(changed[step], k) {
			t.Errorf("the step %s changed %v, not %s", step, changed[step], k)
		}
	}
	if c := changed[analysis.StepBase]; len(c) > 0 {
		t.Errorf("the base step changed %v", c)
	}
}

// An invalid workbook on either side, or both, is named with its
// findings; a missing one is named too.
func TestDiffInvalid(t *testing.T) {
	t.Chdir("../..")
	const good, bad = "examples/operadora-exemplo.xlsx", "testdata/invalid/i07_unparsable_number.xlsx"
	rb := rulestest.Default(t)
	for _, c := range []struct {
		anterior, atual string
		named           []string
	}{
		{bad, good, []string{bad}},
		{good, bad, []string{bad}},
		{bad, bad, []string{bad, bad}},
		{good, "nothere.xlsx", []string{"nothere.xlsx"}},
	} {
		_, err := Diff(context.Background(), c.anterior, c.atual, rb)
		if err == nil || !InputFault(err) {
			t.Fatalf("%s → %s: %v", c.anterior, c.atual, err)
		}
		var named []string
		for _, e := range unjoin(err) {
			var fe *FileError
			if !errors.As(e, &fe) {
				t.Fatalf("%v names no file", e)
			}
			named = append(named, fe.Path)
		}
		if !slices.Equal(named, c.named) {
			t.Errorf("%s → %s: named %v, want %v", c.anterior, c.atual, named, c.named)
		}
		if strings.Contains(c.atual, "i07") || strings.Contains(c.anterior, "i07") {
			var ie *findings.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), "Contraprestacoes!D7: CR-E006") {
				t.Errorf("%v: not the findings", err)
			}
		}
	}
}

// unjoin is the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

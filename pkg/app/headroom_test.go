package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// The headroom's acceptance (issue 14): for the example and 50 market
// operators, multiplying a driver's group by its reported factor k keeps
// PLA ≥ CR and by k + 0.0001 breaks it; a null factor keeps PLA ≥ CR at
// 100; PL falling by pl makes PLA = CR, a centavo more breaks it; an
// insufficient operator's aporte makes PLA = CR, a centavo less does not.
// For the example and a sample of the market the scaled inputs are
// workbooks, built by multiplying the cells of the group in a copy and read
// back through Calculate; for every operator, the input read, scaled with
// analysis.Scale.

// headroomMarket is the market of the acceptance test (seed 1). Under the
// race detector (make test), every raceStride-th operator of it only: the
// whole market runs the engine some 1,800 times, 3 s of processor time
// without the detector, 16 s with it.
const (
	headroomMarket = 50
	raceStride     = 5
)

// workbookSample are the market operators whose scaled workbooks are built:
// a cooperativa médica, an administradora (contraprestações, eventos and
// ABI do not move its CR) and a cooperativa odontológica (eventos up to
// 100), all sufficient.
var workbookSample = []int{1, 8, 14}

// step is one step of the headroom's grid.
var step = decimal.New(1, -analysis.FactorPlaces)

func TestHeadroomAcceptance(t *testing.T) {
	t.Parallel()
	rb := rulestest.Default(t)
	dir := t.TempDir()
	type operator struct {
		i          int // in the market; 0 for the example
		name, path string
	}
	ops := []operator{{0, "example", "../../examples/operadora-exemplo.xlsx"}}
	for i := 1; i <= headroomMarket; i++ {
		if raceEnabled && i%raceStride != 1 && !slices.Contains(workbookSample, i) {
			continue
		}
		name := generate.MarketFile(i, headroomMarket)
		ops = append(ops, operator{i, name, filepath.Join(dir, name)})
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			if op.i > 0 {
				writeWorkbook(t, generate.MarketOperator(1, op.i, headroomMarket), op.path)
			}
			c, err := CalculateHeadroom(context.Background(), op.path, "", rb, capital.Options{})
			if err != nil {
				t.Fatal(err)
			}
			in, _, err := readChecked(context.Background(), op.path, "", rb)
			if err != nil {
				t.Fatal(err)
			}
			h, r := c.Headroom, c.Result
			sufficient := func(g analysis.Group, k decimal.Decimal) bool {
				t.Helper()
				res, err := capital.Compute(analysis.Scale(in, map[analysis.Group]decimal.Decimal{g: k}), rb, capital.Options{Checked: true})
				if err != nil {
					t.Fatal(err)
				}
				return res.Sufficient
			}
			if !h.PL.Equal(r.Surplus.Value) {
				t.Errorf("pl %s, surplus %s", h.PL, r.Surplus.Value)
			}
			checkPL(t, in, rb, h, r.Sufficient)
			if !r.Sufficient {
				if len(h.Drivers) != 0 {
					t.Errorf("insufficient, drivers %v", h.Drivers)
				}
				return
			}
			built := op.i == 0 || slices.Contains(workbookSample, op.i)
			for _, d := range h.Drivers {
				if d.Factor == nil {
					top := decimal.NewFromInt(analysis.MaxFactor)
					if !sufficient(d.Driver, top) || built && !scaledSufficient(t, op.path, rb, d.Driver, top) {
						t.Errorf("%s: null, but insufficient at %s", d.Driver, top)
					}
					continue
				}
				k, next := *d.Factor, d.Factor.Add(step)
				if !sufficient(d.Driver, k) || sufficient(d.Driver, next) {
					t.Errorf("%s: factor %s, but sufficient at it %v and at %s %v", d.Driver, k, sufficient(d.Driver, k), next, sufficient(d.Driver, next))
				}
				if built && (!scaledSufficient(t, op.path, rb, d.Driver, k) || scaledSufficient(t, op.path, rb, d.Driver, next)) {
					t.Errorf("%s: factor %s, but the workbooks scaled by it and by %s say otherwise", d.Driver, k, next)
				}
			}
		})
	}
}

// checkPL checks pl (sufficient) or the aporte (insufficient) on the input:
// PL moved by them makes PLA = CR, sufficient; a centavo further, not.
func checkPL(t *testing.T, in *capital.Input, rb *rules.Rulebook, h *analysis.Headroom, sufficient bool) {
	t.Helper()
	move := h.PL.Neg() // the fall of PL, or the aporte
	if !sufficient {
		if h.Aporte == nil || !h.Aporte.Equal(move) {
			t.Fatalf("aporte %v, want %s", h.Aporte, move)
		}
	} else if h.Aporte != nil {
		t.Errorf("sufficient, aporte %s", h.Aporte)
	}
	withPL := func(delta decimal.Decimal) *capital.Result {
		c := *in
		c.PLA.PL.V = in.PLA.PL.V.Add(delta)
		r, err := capital.Compute(&c, rb, capital.Options{Checked: true})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := withPL(move); !r.Sufficient || !r.Surplus.Value.IsZero() {
		t.Errorf("PL moved by %s: surplus %s", move, r.Surplus.Value)
	}
	if r := withPL(move.Sub(decimal.New(1, -2))); r.Sufficient {
		t.Errorf("PL moved by %s − 0.01: still sufficient", move)
	}
}

// writeWorkbook writes an operator's workbook to path.
func writeWorkbook(t *testing.T, o *generate.Operator, path string) {
	t.Helper()
	f, _, err := o.Workbook(context.Background(), generate.WorkbookOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// groupColumns are the columns of each driver's group, by sheet: the
// workbook's side of analysis.Scale.
var groupColumns = map[analysis.Group]map[string][]string{
	analysis.Contraprestacoes: {"Contraprestacoes": {"valor"}},
	analysis.Eventos:          {"Eventos": {"valor"}},
	analysis.ABI:              {"ABI": {"valor"}},
	analysis.Credito: {
		"Credito_Operadoras": {"creditos_operacoes", "intercambio_receber", "creditos_programas", "ppsc_programas",
			"creditos_adm_programas", "ppsc_adm_programas", "debitos_operacoes", "pesl_intercambio", "debitos_adm_programas"},
		"Credito_Seguros": {"exposicao"},
		"Credito_Ativos":  {"exposicao"},
	},
	analysis.Mercado: {"Mercado_ALM": {"valor"}, "Mercado_Ativos": {"valor"}},
}

// asExcel is x as a workbook holds it, Excel shows it and the reader reads
// it: to 15 significant digits.
func asExcel(x decimal.Decimal) decimal.Decimal {
	return x.Round(15 - int32(x.NumDigits()) - x.Exponent())
}

// scaledSufficient builds a copy of the workbook at path with every cell
// of group g multiplied by k, and reports whether Calculate finds the
// operator sufficient. A product is written as Excel would hold it, to 15
// significant digits (38 269 560,02 × 50,3139 = 1 925 490 815,890278
// becomes 1 925 490 815,89028): what a user multiplying the cells gets.
// (The checks through analysis.Scale are exact.)
func scaledSufficient(t *testing.T, path string, rb *rules.Rulebook, g analysis.Group, k decimal.Decimal) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, cols := range groupColumns[g] {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range cols {
			c := slices.Index(rows[0], col)
			if c < 0 {
				t.Fatalf("%s has no column %s", sheet, col)
			}
			for r := 1; r < len(rows); r++ {
				if c >= len(rows[r]) || rows[r][c] == "" {
					continue
				}
				p := asExcel(asExcel(decimal.RequireFromString(rows[r][c])).Mul(k))
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellDefault(sheet, cell, p.String()); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	scaled := filepath.Join(t.TempDir(), fmt.Sprintf("%s-%s.xlsx", g, k))
	if err := f.SaveAs(scaled); err != nil {
		t.Fatal(err)
	}
	c, err := Calculate(context.Background(), scaled, "", rb, capital.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Result.Sufficient
}

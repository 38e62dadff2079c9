// Package workbooktest builds input workbooks (layout v1) for the tests of
// several packages from the project's own. Only tests import it.
package workbooktest

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/parse"
)

// NextMonth writes to dst a copy of the workbook src (the shipped example,
// or any layout-v1 workbook whose sheets are in data-base order) a month
// later, with a change in every step of capreg diff:
//
//	base              data_base one month on
//	pla               pl × 1.03
//	elegibilidade     idss 0.65
//	contraprestacoes  a row for the new month in every cell: its last month × 1.04
//	eventos           a row for the new month: the last month × 1.10
//	abi               every valor × 1.2
//	remissao          ca_temporaria × 1.5
//	credito           every Credito_Ativos exposicao × 0.9
//	mercado           every Mercado_Ativos valor × 1.25
//	operacional       contraprestacoes_12m_total × 1.02
//	informadas        cro informed: 4 000 000
//
// New amounts are rounded to centavos. src is not modified.
func NextMonth(t testing.TB, src, dst string) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := &editor{t: t, f: f}
	old := e.field("Operadora", "data_base")
	db, err := parse.Month(old)
	if err != nil {
		t.Fatalf("%s: data_base %q: %v", src, old, err)
	}
	next := db.Add(1).String()
	e.set("Operadora", "data_base", next)
	e.scaleField("PLA", "pl", "1.03")
	e.set("Operadora", "idss", 0.65)
	e.scaleField("Remissao", "ca_temporaria", "1.5")
	e.scaleField("Operacional", "contraprestacoes_12m_total", "1.02")
	e.set("Parcelas_Informadas", "cro", 4000000)
	e.scaleColumn("ABI", 2, "1.2")
	e.scaleColumn("Credito_Ativos", 3, "0.9")
	e.scaleColumn("Mercado_Ativos", 3, "1.25")
	rows := e.rows("Contraprestacoes")
	n := len(rows)
	for _, r := range rows[1:] {
		if len(r) >= 4 && r[0] == db.String() {
			n++
			e.row("Contraprestacoes", n, next, r[1], r[2], e.times(r[3], "1.04"))
		}
	}
	ev := e.rows("Eventos")
	e.row("Eventos", len(ev)+1, next, e.times(ev[len(ev)-1][1], "1.10"))
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

// editor edits a workbook in a test, failing it on any error.
type editor struct {
	t testing.TB
	f *excelize.File
}

// rows are a sheet's rows as raw values (numbers unformatted).
func (e *editor) rows(sheet string) [][]string {
	rows, err := e.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		e.t.Fatal(err)
	}
	return rows
}

// cell is the valor cell of a campo in a campo | valor sheet.
func (e *editor) cell(sheet, campo string) string {
	for i, r := range e.rows(sheet) {
		if len(r) > 0 && r[0] == campo {
			return fmt.Sprintf("B%d", i+1)
		}
	}
	e.t.Fatalf("%s has no campo %s", sheet, campo)
	return ""
}

func (e *editor) field(sheet, campo string) string {
	v, err := e.f.GetCellValue(sheet, e.cell(sheet, campo), excelize.Options{RawCellValue: true})
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *editor) set(sheet, campo string, v any) { e.setCell(sheet, e.cell(sheet, campo), v) }

func (e *editor) setCell(sheet, cell string, v any) {
	if err := e.f.SetCellValue(sheet, cell, v); err != nil {
		e.t.Fatal(err)
	}
}

// times is the number text v times k, rounded to centavos, as a float64
// cell value (it has at most 15 significant digits).
func (e *editor) times(v, k string) float64 {
	x, err := decimal.NewFromString(v)
	if err != nil {
		e.t.Fatalf("%q is not a number: %v", v, err)
	}
	return x.Mul(decimal.RequireFromString(k)).Round(2).InexactFloat64()
}

func (e *editor) scaleField(sheet, campo, k string) {
	e.set(sheet, campo, e.times(e.field(sheet, campo), k))
}

// scaleColumn multiplies the numbers of column col (1-based) below the
// header by k.
func (e *editor) scaleColumn(sheet string, col int, k string) {
	for i, r := range e.rows(sheet)[1:] {
		if len(r) >= col && r[col-1] != "" {
			cell, _ := excelize.CoordinatesToCellName(col, i+2)
			e.setCell(sheet, cell, e.times(r[col-1], k))
		}
	}
}

// row writes values into row r from column A.
func (e *editor) row(sheet string, r int, vals ...any) {
	for i, v := range vals {
		cell, _ := excelize.CoordinatesToCellName(i+1, r)
		e.setCell(sheet, cell, v)
	}
}

package workbook

import (
	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// beneficiarios streams the Beneficiarios sheet into counts with the one
// aggregation of beneficiary data (pkg/beneficiarios), its problems
// reported here, at Sheet!Cell, like every other sheet's: capped per sheet,
// and an empty cell told apart from a formula without a cached value.
// The sheet, which can hold a million rows, is only streamed.
func (r *reader) beneficiarios(in *capital.Input, s layout.Sheet, name string) error {
	var cur []xlsxfile.Cell // the row being counted
	report := func(p beneficiarios.Problem) {
		c := cell{sheet: s.Name, row: p.Row, Cell: xlsxfile.Cell{Col: p.Col}}
		if p.Col > 0 && p.Col <= len(cur) {
			c.Cell = cur[p.Col-1]
		}
		if p.Code == findings.EmptyValue {
			r.missing(c, p.Column)
			return
		}
		r.add(p.Code, c, p.Message)
	}
	counter := beneficiarios.NewCounter(s.Name, report)
	mapped := false
	err := r.tableRows(s, name, func(rows *xlsxfile.Rows, cols map[string]int) {
		if !mapped {
			counter.Map(cols)
			mapped = true
		}
		cur = rows.Dense()
		counter.Row(rows.Values(), rows.Row())
	})
	in.Beneficiarios = counter.Counts()
	return err
}

package workbook

import (
	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
)

// beneficiarios streams the Beneficiarios sheet into counts with the one
// aggregation of beneficiary data (pkg/beneficiarios), its problems
// reported here, at Sheet!Cell, like every other sheet's: capped per sheet,
// and an empty cell told apart from a formula without a cached value.
// Only the streaming iterator reads the sheet, which can hold a million
// rows; cell lookups that load a sheet whole happen only for a sheet that
// is small (see small).
func (r *reader) beneficiarios(in *capital.Input, s layout.Sheet, name string) error {
	report := func(p beneficiarios.Problem) {
		c := cell{sheet: s.Name, col: p.Col, row: p.Row}
		if p.Code == findings.EmptyValue {
			r.missing(c, p.Column)
			return
		}
		r.add(p.Code, c, p.Message, "")
	}
	counter := beneficiarios.NewCounter(s.Name, report)
	mapped := false
	err := r.tableRows(s, name, func(vals []string, row int, cols map[string]int) {
		if !mapped {
			counter.Map(cols)
			mapped = true
		}
		counter.Row(vals, row)
	})
	in.Beneficiarios = counter.Counts()
	return err
}

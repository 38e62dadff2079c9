package workbook

import (
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// cell is one typed cell and where it is: the layout's sheet name, the
// 1-based row, and the column in the Cell (0 for an optional column the
// sheet does not have).
type cell struct {
	sheet string
	row   int
	xlsxfile.Cell
}

func (c cell) axis() string { return xlsxfile.CellName(c.Col, c.row) }

func (c cell) ref() string { return c.sheet + "!" + c.axis() }

// empty reports a cell without a value (blank, only blanks, or a formula
// without a cached value).
func (c cell) empty() bool { return c.Empty() }

// present reports whether a cell holds anything: a value, or a formula
// without one (which is reported, never skipped).
func present(c xlsxfile.Cell) bool { return c.Kind == xlsxfile.Formula || !c.Empty() }

// fieldRow is one row of a campo | valor sheet that holds something.
type fieldRow struct {
	row   int
	cells []xlsxfile.Cell // by column, as Rows.Dense gives them
}

func (f fieldRow) at(sheet string, col int) cell {
	c := cell{sheet: sheet, row: f.row, Cell: xlsxfile.Cell{Col: col}}
	if col-1 < len(f.cells) {
		c.Cell = f.cells[col-1]
	}
	return c
}

// readFields reads a campo | valor sheet: the rows that hold something.
func (r *reader) readFields(name string) ([]fieldRow, error) {
	rows, err := r.book.Rows(r.ctx, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fieldRow
	for rows.Next() {
		if len(out) >= maxFieldRows {
			return nil, lang.Errorf("more than %d rows hold values: a campo | valor sheet holds one field per row", maxFieldRows)
		}
		out = append(out, fieldRow{row: rows.Row(), cells: append([]xlsxfile.Cell(nil), rows.Dense()...)})
	}
	return out, rows.Err()
}

// maxFieldRows bounds the rows with values of a campo | valor sheet (rows
// only styled, as an accountant's template has thousands of, do not count).
const maxFieldRows = 1000

// missing reports a required cell that is empty, telling a formula without a
// cached value apart.
func (r *reader) missing(c cell, what string) {
	if r.covered[c.ref()] {
		return // hidden by a merge, already reported
	}
	r.found.Add(c.Missing(c.sheet, c.row, what, lang.Msg{}))
}

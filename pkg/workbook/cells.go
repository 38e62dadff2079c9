package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// cell is one cell's stored text (raw value) and where it is.
type cell struct {
	sheet    string
	col, row int // 1-based
	text     string
}

func (c cell) axis() string {
	a, _ := excelize.CoordinatesToCellName(c.col, c.row)
	return a
}

func (c cell) ref() string { return c.sheet + "!" + c.axis() }

func (c cell) empty() bool { return strings.TrimSpace(c.text) == "" }

// sheetData is a sheet read into memory (the small sheets of the layout).
type sheetData struct {
	name string
	rows [][]string // raw cell values, rows[0] is row 1
}

func (s *sheetData) at(col, row int) cell {
	c := cell{sheet: s.name, col: col, row: row}
	if row-1 < len(s.rows) && col-1 < len(s.rows[row-1]) {
		c.text = s.rows[row-1][col-1]
	}
	return c
}

// readSheet reads a whole sheet with the streaming iterator, raw values.
func (r *reader) readSheet(name string) (*sheetData, error) {
	rows, err := r.f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := &sheetData{name: name}
	for rows.Next() {
		if len(s.rows) >= maxFieldRows {
			return nil, fmt.Errorf("more than %d rows: a campo | valor sheet holds one field per row", maxFieldRows)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		s.rows = append(s.rows, cols)
	}
	return s, rows.Error()
}

// maxFieldRows bounds a campo | valor sheet.
const maxFieldRows = 1000

// smallSheetRows is the most rows a sheet may have for capreg to look up
// cell types and merged cells in it: excelize loads the whole sheet for
// those, which a streamed read of a huge sheet must not do.
const smallSheetRows = 20000

// surelySmallXML is a sheet part size under which the sheet is small
// without counting its rows: loading it whole costs a few megabytes, even
// if it is all empty rows.
const surelySmallXML = 1 << 20

// small reports (once per sheet, by its part's size or else by counting
// rows with the streaming iterator) whether the sheet is small enough to be
// loaded whole.
func (r *reader) small(sheet string) bool {
	if v, ok := r.smallSheets[sheet]; ok {
		return v
	}
	v := false
	switch n := r.pkg.SheetBytes(r.present[sheet]); {
	case n > xlsxfile.MaxSmallSheetXML:
		r.smallSheets[sheet] = false
		return false
	case n >= 0 && n <= surelySmallXML:
		r.smallSheets[sheet] = true
		return true
	}
	if rows, err := r.f.Rows(r.present[sheet]); err == nil {
		n := 0
		for rows.Next() && n <= smallSheetRows {
			n++
		}
		v = n <= smallSheetRows && rows.Error() == nil
		rows.Close()
	}
	r.smallSheets[sheet] = v
	return v
}

// isText reports whether the cell holds text (as opposed to a number). In a
// huge sheet it cannot tell, and says text: an ambiguous-looking value there
// is refused rather than misread.
func (r *reader) isText(c cell) bool {
	if !r.small(c.sheet) {
		return true
	}
	t, err := r.f.GetCellType(r.present[c.sheet], c.axis())
	if err != nil {
		return false
	}
	switch t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		return true
	}
	return false
}

// missing reports a required cell that is empty, telling a formula without a
// cached value apart.
func (r *reader) missing(c cell, what string) {
	if r.covered[c.ref()] {
		return // hidden by a merge, already reported
	}
	if !r.small(c.sheet) {
		r.add(findings.EmptyValue, c, what+" is empty", "")
		return
	}
	if formula, err := r.f.GetCellFormula(r.present[c.sheet], c.axis()); err == nil && formula != "" {
		r.add(findings.FormulaNoValue, c, fmt.Sprintf("%s: the formula =%s has no cached value", what, clip(formula)), "")
		return
	}
	r.add(findings.EmptyValue, c, what+" is empty", "")
}

// clip shortens a cell's text for a message, keeping it valid UTF-8.
func clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

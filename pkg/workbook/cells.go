package workbook

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
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
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		s.rows = append(s.rows, cols)
	}
	return s, rows.Error()
}

var plainDigits = regexp.MustCompile(`^-?[0-9]+$`)

// isText reports whether the cell holds text (as opposed to a number).
func (r *reader) isText(c cell) bool {
	t, err := r.f.GetCellType(c.sheet, c.axis())
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
	if formula, err := r.f.GetCellFormula(c.sheet, c.axis()); err == nil && formula != "" {
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

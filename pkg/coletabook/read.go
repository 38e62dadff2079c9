// Package coletabook reads and writes the data-collection workbook of
// pkg/coleta as .xlsx: the empty sheet for a period (capreg coleta
// template), the sheet's cells for the checks (capreg coleta validate), and a
// copy with one month filled from the beneficiary data (capreg coleta fill).
package coletabook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// maxRows bounds the sheet: the months of a century and some blank rows.
// The cell types and formulas are looked up only in a sheet this small
// (excelize loads a sheet whole for them).
const maxRows = coleta.MaxMonths + 800

// Book is an opened collection workbook and its Coleta sheet as read.
type Book struct {
	File  *excelize.File
	Sheet *coleta.Sheet
	name  string // the sheet's name in the file
}

// Close closes the file.
func (b *Book) Close() error { return b.File.Close() }

// Validate reads the workbook at path and checks its Coleta sheet.
func Validate(path string) findings.List {
	b, l := Open(path)
	if b == nil {
		return l
	}
	defer b.Close()
	return append(l, coleta.Validate(b.Sheet)...)
}

// Open opens the workbook at path read-only and reads its Coleta sheet. A nil
// Book comes with the findings that say why it could not be read; the other
// findings are warnings about cells outside the layout.
func Open(path string) (b *Book, l findings.List) {
	f, bad := xlsxfile.Open(path)
	if bad != nil {
		return nil, findings.List{*bad}
	}
	defer func() {
		if p := recover(); p != nil {
			f.Close()
			b, l = nil, append(l, xlsxfile.Malformed(p, coleta.SheetName))
		}
	}()
	name, ok := xlsxfile.Sheet(f, coleta.SheetName)
	if !ok {
		f.Close()
		return nil, findings.List{findings.New(findings.ColetaLayout, coleta.SheetName, "",
			fmt.Sprintf("the workbook has no sheet %s (it has %s)", coleta.SheetName, strings.Join(f.GetSheetList(), ", ")),
			"rename the sheet to Coleta, or start from capreg coleta template")}
	}
	s, l, err := readSheet(f, name)
	if err != nil {
		f.Close()
		return nil, append(l, findings.New(findings.ColetaLayout, coleta.SheetName, "", "the sheet cannot be read: "+err.Error(), ""))
	}
	return &Book{File: f, Sheet: s, name: name}, l
}

// readSheet streams the sheet's raw values, then looks up the types of the
// filled cells and the formulas of the empty ones in the data rows.
func readSheet(f *excelize.File, name string) (*coleta.Sheet, findings.List, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	s := &coleta.Sheet{}
	var l findings.List
	extra := map[int]bool{} // columns past U already warned of
	rowNum := 0
	for rows.Next() {
		rowNum++
		if rowNum > maxRows {
			return nil, nil, fmt.Errorf("more than %d rows; the sheet holds one row per month", maxRows)
		}
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		var cells [coleta.NumFields]coleta.Cell
		blank := true
		for i := range cells {
			cells[i] = coleta.Cell{Col: i + 1, Row: rowNum}
			if i < len(vals) {
				cells[i].Text = vals[i]
				blank = blank && cells[i].Empty()
			}
		}
		for i := coleta.NumFields; i < len(vals); i++ {
			if strings.TrimSpace(vals[i]) != "" && !extra[i] {
				extra[i] = true
				c := coleta.Cell{Col: i + 1, Row: rowNum}
				l.Add(findings.New(findings.ValueExtraColumn, coleta.SheetName, c.Axis(),
					fmt.Sprintf("values right of column U (here %q) are not part of the 21 fields and are not read", clip(vals[i])), ""))
			}
		}
		switch {
		case rowNum == coleta.NumberRow:
			s.Numbers = cells
		case rowNum == coleta.NameRow:
			s.Names = cells
		case !blank:
			s.Rows = append(s.Rows, coleta.Row{Num: rowNum, Cells: cells})
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, err
	}
	for i := range s.Numbers {
		s.Numbers[i].Col, s.Numbers[i].Row = i+1, coleta.NumberRow
		s.Names[i].Col, s.Names[i].Row = i+1, coleta.NameRow
	}
	for ri := range s.Rows {
		for ci := range s.Rows[ri].Cells {
			c := &s.Rows[ri].Cells[ci]
			axis := c.Axis()
			if c.Empty() {
				if formula, err := f.GetCellFormula(name, axis); err == nil {
					c.Formula = formula
				}
				continue
			}
			if t, err := f.GetCellType(name, axis); err == nil {
				switch t {
				case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
					c.IsText = true
				}
			}
		}
	}
	return s, l, nil
}

func clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// Apply writes a fill plan into the workbook (in memory) and returns the
// cells whose values it replaced, as "E77: 1200 → 1234".
func (b *Book) Apply(p *coleta.Plan) ([]string, error) {
	f, sh := b.File, b.name
	if p.New && p.CopyFrom > 0 {
		for col := 1; col <= coleta.NumFields; col++ {
			style, err := f.GetCellStyle(sh, coleta.Axis(col, p.CopyFrom))
			if err != nil {
				return nil, err
			}
			if err := f.SetCellStyle(sh, coleta.Axis(col, p.Row), coleta.Axis(col, p.Row), style); err != nil {
				return nil, err
			}
		}
	}
	var changed []string
	set := func(field int, value any) error {
		axis := coleta.Axis(field, p.Row)
		old, err := f.GetCellValue(sh, axis, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		text := ""
		if value != nil {
			text = fmt.Sprint(value)
		}
		if !p.New && strings.TrimSpace(old) != "" && strings.TrimSpace(old) != text {
			shown := text
			if shown == "" {
				shown = "(empty)"
			}
			changed = append(changed, fmt.Sprintf("%s: %s → %s", axis, clip(old), shown))
		}
		switch v := value.(type) {
		case string:
			return f.SetCellStr(sh, axis, v)
		case int64:
			return f.SetCellInt(sh, axis, v)
		}
		return f.SetCellValue(sh, axis, nil)
	}
	vals := []struct {
		field int
		value any
	}{{1, p.Registro}, {2, coleta.FormatMonth(p.Month)}, {5, p.Total}, {6, optInt(p.Promoprev)}, {7, optInt(p.APS)}}
	if p.New {
		for i, s := range p.Starts {
			if s != "" {
				vals = append(vals, struct {
					field int
					value any
				}{3 + i, s})
			}
		}
	}
	for _, v := range vals {
		if err := set(v.field, v.value); err != nil {
			return nil, err
		}
	}
	return changed, nil
}

func optInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

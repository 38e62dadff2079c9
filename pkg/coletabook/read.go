// Package coletabook reads and writes the data-collection workbook of
// pkg/coleta as .xlsx: the empty sheet for a period (capreg coleta
// template), the sheet's cells for the checks (capreg coleta validate), and a
// copy with one month filled from the beneficiary data (capreg coleta fill).
package coletabook

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// maxRows bounds the rows with values: the months of a century and some
// more.
const maxRows = coleta.MaxMonths + 800

// Book is an opened collection workbook and its Coleta sheet as read.
type Book struct {
	File  *excelize.File
	Sheet *coleta.Sheet
	name  string // the sheet's name in the file
}

// Close closes the file.
func (b *Book) Close() error { return b.File.Close() }

// Validate reads the workbook at path and checks its Coleta sheet. The
// error is ctx's when it ended the reading.
func Validate(ctx context.Context, path string) (findings.List, error) {
	b, l, err := read(ctx, path, false)
	if b == nil {
		return l, err
	}
	return append(l, coleta.Validate(b.Sheet)...), nil
}

// Open opens the workbook at path read-only and reads its Coleta sheet,
// keeping the workbook to be filled in (Apply). A nil Book comes with the
// findings that say why it could not be read; the other findings are
// warnings about cells outside the layout. The error is ctx's when it
// ended the reading.
func Open(ctx context.Context, path string) (*Book, findings.List, error) {
	return read(ctx, path, true)
}

// noColetaFix is the fix for a workbook without a Coleta sheet: an input
// workbook (it has a required sheet of the layout) is for capreg calc.
func noColetaFix(book *xlsxfile.Book) lang.Msg {
	for _, s := range layout.Sheets() {
		if name, _ := book.Sheet(s.Name); name != "" && !s.Optional {
			return lang.M("this is an input workbook (sheet %s): compute it with capreg calc or check it with capreg validate; capreg coleta validate reads the data-collection workbook (capreg coleta template writes one)", s.Name)
		}
	}
	return lang.M("rename the sheet to Coleta, or start from capreg coleta template")
}

// read reads the Coleta sheet of the workbook at path, and opens the
// workbook to be filled in when edit (else the Book has no File).
func read(ctx context.Context, path string, edit bool) (*Book, findings.List, error) {
	book, l, err := xlsxfile.Open(ctx, path)
	if book == nil {
		return nil, l, err
	}
	defer book.Close()
	name, bad := book.Require(coleta.SheetName, findings.ColetaLayout, noColetaFix(book))
	if bad != nil {
		return nil, findings.List{*bad}, nil
	}
	sh, l, err := readSheet(ctx, book, name)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, append(l, xlsxfile.UnreadableSheet(coleta.SheetName, err)), nil
	}
	b := &Book{Sheet: sh, name: name}
	if edit {
		if b.File, err = book.Edit(); err != nil {
			return nil, append(l, findings.New(findings.Unreadable, "", "", lang.M("the workbook cannot be opened to be filled in: %v", err))), nil
		}
	}
	return b, l, nil
}

// readSheet streams the sheet's typed cells: a numeric cell's value as
// Excel shows it, text marked as text, a formula without a cached value
// with its formula.
func readSheet(ctx context.Context, book *xlsxfile.Book, name string) (*coleta.Sheet, findings.List, error) {
	rows, err := book.Rows(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	s := &coleta.Sheet{}
	var l findings.List
	extra := map[int]bool{} // columns past U already warned of
	n := 0
	for rows.Next() {
		if n++; n > maxRows {
			return nil, nil, lang.Errorf("more than %d rows hold values; the sheet holds one row per month", maxRows)
		}
		row, dense := rows.Row(), rows.Dense()
		var cells [coleta.NumFields]coleta.Cell
		blank := true
		for i := range cells {
			cells[i] = coleta.Cell{Col: i + 1, Row: row}
			if i < len(dense) {
				cells[i].Text, cells[i].IsText = dense[i].Value, dense[i].Kind == xlsxfile.Text
				if dense[i].Kind == xlsxfile.Formula {
					cells[i].Formula = dense[i].Formula
					if cells[i].Formula == "" {
						cells[i].Formula = coleta.SharedFormula
					}
				}
				blank = blank && cells[i].Empty() && cells[i].Formula == ""
			}
		}
		for i := coleta.NumFields; i < len(dense); i++ {
			if !dense[i].Empty() && !extra[i] {
				extra[i] = true
				c := coleta.Cell{Col: i + 1, Row: row}
				l.Add(findings.New(findings.ValueExtraColumn, coleta.SheetName, c.Axis(),
					lang.M("values right of column U (here %q) are not part of the 21 fields and are not read", findings.Clip(dense[i].Value))))
			}
		}
		switch {
		case row == coleta.NumberRow:
			s.Numbers = cells
		case row == coleta.NameRow:
			s.Names = cells
		case !blank:
			s.Rows = append(s.Rows, coleta.Row{Num: row, Cells: cells})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i := range s.Numbers {
		s.Numbers[i].Col, s.Numbers[i].Row = i+1, coleta.NumberRow
		s.Names[i].Col, s.Names[i].Row = i+1, coleta.NameRow
	}
	return s, l, nil
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
			changed = append(changed, fmt.Sprintf("%s: %s → %s", axis, findings.Clip(old), shown))
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

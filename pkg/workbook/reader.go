// Package workbook reads the input workbook (layout v1) into the model's
// input, streaming every sheet as typed cells (pkg/xlsxfile) and reporting
// every problem it finds as a finding that names Sheet!Cell, the rule and the
// fix.
package workbook

import (
	"context"
	"io"
	"strings"

	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

type reader struct {
	ctx       context.Context
	book      *xlsxfile.Book
	found     findings.Collector
	present   map[string]string // layout name → name in the file
	dup       map[string]bool   // layout sheets the file has twice
	covered   map[string]bool   // cells inside merged ranges, but their first
	headerBad map[string]bool   // table sheets missing a required column
}

func (r *reader) add(code string, c cell, msg lang.Msg) {
	r.found.Add(findings.New(code, c.sheet, c.axis(), msg))
}

func (r *reader) sheetFinding(code, sheet, column string, msg lang.Msg) {
	f := findings.New(code, sheet, "", msg)
	f.Column = column
	r.found.Add(f)
}

// Read reads an input workbook. The findings hold every problem found; when
// any is an error the input is incomplete and must not be computed. The
// error is ctx's when it ended the reading, and then nothing else counts.
func Read(ctx context.Context, src io.Reader) (*capital.Input, findings.List, error) {
	book, l, err := xlsxfile.Read(ctx, src)
	if book == nil {
		return nil, l, err
	}
	defer book.Close()
	return readBook(ctx, book)
}

// sheetParts are the parts of the engine's input a sheet holds that the
// engine's checks skip when the sheet could not be read fully.
var sheetParts = map[string]capital.Part{
	"PLA": capital.PLAPart, "Contraprestacoes": capital.ContraprestacoesPart, "Eventos": capital.EventosPart,
}

// readBook reads an opened workbook.
func readBook(ctx context.Context, book *xlsxfile.Book) (*capital.Input, findings.List, error) {
	r := &reader{ctx: ctx, book: book, present: map[string]string{}, dup: map[string]bool{}, covered: map[string]bool{}, headerBad: map[string]bool{}}
	in := &capital.Input{}
	if !r.sheets() {
		for _, s := range layout.Sheets() {
			in.Incomplete.Add(sheetParts[s.Name])
		}
		return in, r.found.Findings(), nil
	}
	for _, s := range layout.Sheets() {
		name, ok := r.present[s.Name]
		if !ok {
			if r.dup[s.Name] || !s.Optional {
				in.Incomplete.Add(sheetParts[s.Name])
			}
			if !r.dup[s.Name] && !s.Optional {
				r.sheetFinding(findings.MissingSheet, s.Name, "", lang.M("required sheet %s is missing", s.Name))
			}
			continue
		}
		errsBefore := len(r.found.Findings().Errors())
		r.layoutChecks(s, name)
		if err := r.readInto(in, s, name); err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			r.found.Add(xlsxfile.UnreadableSheet(s.Name, err))
			in.Incomplete.Add(sheetParts[s.Name]) // what was read of it proves nothing
		}
		if r.headerBad[s.Name] || (s.Kind == layout.Fields && len(r.found.Findings().Errors()) > errsBefore) {
			in.Incomplete.Add(sheetParts[s.Name])
		}
	}
	return in, r.found.Findings(), nil
}

// sheets maps the layout's sheets to the file's (case and blanks forgiven;
// two sheets answering to one name are refused) and warns of extra sheets.
// False, with one finding, when the workbook has none of the layout's
// required sheets: another kind of workbook, not twelve missing sheets.
func (r *reader) sheets() bool {
	for _, s := range layout.Sheets() {
		name, dup := r.book.Sheet(s.Name)
		switch {
		case dup != nil:
			dup.Sheet = s.Name
			r.found.Add(*dup)
			r.dup[s.Name] = true
		case name != "":
			r.present[s.Name] = name
		}
	}
	required := 0
	for _, s := range layout.Sheets() {
		if _, ok := r.present[s.Name]; (ok || r.dup[s.Name]) && !s.Optional {
			required++
		}
	}
	if required == 0 {
		r.notInput()
		return false
	}
	for _, name := range r.book.Sheets() {
		matched := xlsxfile.SameSheet(name, layout.ReadmeSheet) || xlsxfile.SameSheet(name, layout.OrigemSheet)
		for _, s := range layout.Sheets() {
			matched = matched || xlsxfile.SameSheet(name, s.Name)
		}
		if !matched {
			r.sheetFinding(findings.ExtraSheet, name, "", lang.M("sheet %s is not part of %s and is ignored", name, layout.Version))
		}
	}
	return true
}

// notInput reports a workbook without any required sheet, saying
// which sheets it has and, when they are those of another capreg
// workbook, the command that reads it.
func (r *reader) notInput() {
	names := r.book.Sheets()
	fix := lang.M("give capreg the input workbook (capreg template writes an empty one with every sheet and its headers)")
	for _, name := range names {
		switch {
		case xlsxfile.SameSheet(name, coleta.SheetName):
			fix = lang.M("this is a data-collection (coleta) workbook: check it with capreg coleta validate; capreg calc reads the input workbook (capreg template writes an empty one)")
		case xlsxfile.SameSheet(name, beneficiarios.SheetName):
			fix = lang.M("this is a beneficiary workbook: give it to capreg calc with --beneficiarios, beside the input workbook (capreg template writes an empty one)")
		}
	}
	has := lang.M("it has no sheets")
	if len(names) > 0 {
		if len(names) > 5 {
			names = append(names[:5:5], "…")
		}
		has = lang.M("its sheets are %s", strings.Join(names, ", "))
	}
	r.found.Add(findings.New(findings.MissingSheet, "", "", lang.M("the workbook has none of the required sheets of %s (Operadora, PLA, Contraprestacoes, …): %s", layout.Version, has)).WithFix(fix))
}

// fieldCells reads a campo | valor sheet into its value cells by campo.
func (r *reader) fieldCells(s layout.Sheet, name string) (map[string]cell, error) {
	rows, err := r.readFields(name)
	if err != nil {
		return nil, err
	}
	header := fieldRow{row: 1}
	if len(rows) > 0 && rows[0].row == 1 {
		header, rows = rows[0], rows[1:]
	}
	a1, b1 := header.at(s.Name, 1), header.at(s.Name, 2)
	if !strings.EqualFold(strings.TrimSpace(a1.Value), layout.CampoHeader) || !strings.EqualFold(strings.TrimSpace(b1.Value), layout.ValorHeader) {
		r.found.Add(findings.New(findings.MissingColumn, a1.sheet, a1.axis(), lang.M("row 1 must hold the headers %s | %s (found %q | %q)", layout.CampoHeader, layout.ValorHeader, findings.Clip(a1.Value), findings.Clip(b1.Value))).
			WithFix(lang.M("type campo in A1 and valor in B1")))
	}
	out := map[string]cell{}
	for _, row := range rows {
		key := row.at(s.Name, 1)
		campo := strings.ToLower(strings.TrimSpace(key.Value))
		if campo == "" {
			continue
		}
		if _, known := s.Field(campo); !known {
			r.add(findings.UnknownField, key, lang.M("campo %q is not part of sheet %s and is ignored", findings.Clip(key.Value), s.Name))
			continue
		}
		if prev, dup := out[campo]; dup {
			r.add(findings.DuplicateField, key, lang.M("campo %s appears again (first at %s)", campo, prev.ref()))
			continue
		}
		out[campo] = row.at(s.Name, 2)
	}
	for _, fd := range s.Fields {
		if _, ok := out[fd.Name]; !ok && !fd.Optional {
			f := findings.New(findings.MissingField, s.Name, "", lang.M("campo %s is missing from sheet %s", fd.Name, s.Name)).
				WithFix(lang.M("add a row with %s in column A and its value in column B", fd.Name))
			f.Column = layout.CampoHeader
			r.found.Add(f)
		}
	}
	return out, nil
}

// tableRow gives the cells of one data row by column name.
type tableRow func(column string) cell

// table streams a table sheet: it checks the header and calls each for
// every row that is not empty.
func (r *reader) table(s layout.Sheet, name string, each func(row tableRow)) error {
	return r.tableRows(s, name, func(rows *xlsxfile.Rows, cols map[string]int) {
		cells, n := rows.Dense(), rows.Row()
		each(func(column string) cell {
			c := cell{sheet: s.Name, row: n}
			i, ok := cols[column]
			if !ok {
				return c // an optional column that is absent: an empty cell
			}
			c.Col = i + 1
			if i < len(cells) {
				c.Cell = cells[i]
			}
			return c
		})
	})
}

// tableRows streams a table sheet: it checks the header (row 1) and calls
// each at every row that holds something in a layout column, with the
// index of each layout column in it.
func (r *reader) tableRows(s layout.Sheet, name string, each func(rows *xlsxfile.Rows, cols map[string]int)) error {
	rows, err := r.book.Rows(r.ctx, name)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, ok := r.header(s, rows.Header())
	if !ok {
		return rows.Err()
	}
	var layoutCols []int // the indexes in cols, walked per row instead of the map
	var mapped []bool    // by column: read by the layout; others warned once if they hold values
	for _, i := range cols {
		layoutCols = append(layoutCols, i)
		mapped = append(mapped, make([]bool, max(0, i+1-len(mapped)))...)
		mapped[i] = true
	}
	for rows.Next() {
		cells := rows.Dense()
		mapped = r.extraValues(s, cells, rows.Row(), mapped)
		blank := true
		for _, i := range layoutCols {
			if i < len(cells) && present(cells[i]) {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		each(rows, cols)
		if r.found.Full(s.Name) {
			return nil
		}
	}
	return rows.Err()
}

// extraValues warns of the first value in each column the layout does not
// read (an extra column, or one with no header) and marks it warned.
func (r *reader) extraValues(s layout.Sheet, cells []xlsxfile.Cell, row int, mapped []bool) []bool {
	for i, c := range cells {
		if (i < len(mapped) && mapped[i]) || !present(c) {
			continue
		}
		mapped = append(mapped, make([]bool, max(0, i+1-len(mapped)))...)
		mapped[i] = true
		r.add(findings.ValueExtraColumn, cell{sheet: s.Name, row: row, Cell: c}, lang.M("column %s holds values (here %q) that are not read", columnName(i+1), findings.Clip(c.Value)))
	}
	return mapped
}

// columnName is a column's letters: 2 is B.
func columnName(col int) string { return strings.TrimRight(xlsxfile.CellName(col, 1), "1") }

// header maps column names to indexes; it reports missing required columns
// (and returns false) and extra ones.
func (r *reader) header(s layout.Sheet, vals []string) (map[string]int, bool) {
	cols, extra := xlsxfile.HeaderColumns(vals, func(h string) bool { _, ok := s.Field(h); return ok })
	for _, i := range extra {
		c := cell{sheet: s.Name, row: 1, Cell: xlsxfile.Cell{Col: i + 1, Kind: xlsxfile.Text, Value: vals[i]}}
		r.add(findings.ExtraColumn, c, lang.M("column %q is not part of sheet %s and is ignored", findings.Clip(vals[i]), s.Name))
	}
	ok := true
	for _, fd := range s.Fields {
		if _, found := cols[fd.Name]; !found && !fd.Optional {
			r.sheetFinding(findings.MissingColumn, s.Name, fd.Name, lang.M("column %s is missing from row 1 of sheet %s", fd.Name, s.Name))
			ok = false
			r.headerBad[s.Name] = true
		}
	}
	return cols, ok
}

// layoutChecks reports a hidden layout sheet and merged cells in its data
// area (the Beneficiarios sheet, which can be huge, is streamed only).
func (r *reader) layoutChecks(s layout.Sheet, name string) {
	if r.book.Hidden(name) {
		r.sheetFinding(findings.HiddenSheet, s.Name, "", lang.M("sheet %s is hidden; it is read all the same", s.Name))
	}
	if s.Name == beneficiarios.SheetName {
		return
	}
	merged, _ := r.book.Merges(name)
	for _, m := range merged {
		start, end, _ := strings.Cut(m, ":")
		c1, r1, ok1 := xlsxfile.ParseCellName(start)
		c2, r2, ok2 := xlsxfile.ParseCellName(end)
		if !ok1 || !ok2 || r2 < 2 {
			continue
		}
		c := cell{sheet: s.Name, row: max(r1, 2), Cell: xlsxfile.Cell{Col: c1}}
		r.add(findings.MergedCells, c, lang.M("cells %s:%s are merged in the data area", start, end))
		r.cover(s.Name, c1, r1, c2, r2)
	}
}

// cover records the cells a merge hides (all but its first), so they are
// not reported again as empty.
func (r *reader) cover(sheet string, c1, r1, c2, r2 int) {
	if c2 < c1 || r2 < r1 || (c2-c1+1)*(r2-r1+1) > 10000 {
		return
	}
	for row := r1; row <= r2; row++ {
		for col := c1; col <= c2; col++ {
			if row != r1 || col != c1 {
				r.covered[sheet+"!"+xlsxfile.CellName(col, row)] = true
			}
		}
	}
}

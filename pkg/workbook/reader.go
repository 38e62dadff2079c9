// Package workbook reads the input workbook (layout v1) into the model's
// input, streaming every sheet with excelize's Rows iterator and reporting
// every problem it finds as a finding that names Sheet!Cell, the rule and the
// fix.
package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// maxFindingsPerSheet bounds the findings of one sheet, so a sheet of a
// million bad rows yields a readable report and bounded memory.
const maxFindingsPerSheet = 50

type reader struct {
	f           *excelize.File
	l           findings.List
	perSh       map[string]int
	trunc       map[string]bool
	present     map[string]string // layout name → name in the file
	smallSheets map[string]bool
	pkg         *xlsxfile.Package
	covered     map[string]bool // cells inside merged ranges, but their first
	headerBad   map[string]bool // table sheets missing a required column
}

func (r *reader) add(code string, c cell, msg, fix string) {
	r.addFinding(findings.New(code, c.sheet, c.axis(), msg, fix))
}

func (r *reader) addFinding(f findings.Finding) {
	if f.Severity == findings.Error {
		r.perSh[f.Sheet]++
		if r.perSh[f.Sheet] > maxFindingsPerSheet {
			if !r.trunc[f.Sheet] {
				r.trunc[f.Sheet] = true
				r.l.Add(findings.New(f.Code, f.Sheet, "", fmt.Sprintf("more than %d errors in this sheet; the rest are not listed", maxFindingsPerSheet), "fix the errors listed and run again"))
			}
			return
		}
	}
	r.l.Add(f)
}

func (r *reader) sheetFinding(code, sheet, column, msg string) {
	f := findings.New(code, sheet, "", msg, "")
	f.Column = column
	r.addFinding(f)
}

// Read reads an input workbook. The findings hold every problem found; when
// any is an error the input is incomplete and must not be computed.
func Read(src io.Reader) (*capital.Input, findings.List) {
	// The Beneficiarios sheet is only streamed (tableRows checks it).
	f, pkg, bad := xlsxfile.ReadStreaming(src, beneficiarios.SheetName)
	if bad != nil {
		return nil, findings.List{*bad}
	}
	defer f.Close()
	return readFile(f, pkg)
}

// readFile reads an opened workbook.
func readFile(f *excelize.File, info *xlsxfile.Package) (in *capital.Input, l findings.List) {
	r := &reader{f: f, pkg: info, perSh: map[string]int{}, trunc: map[string]bool{}, present: map[string]string{}, smallSheets: map[string]bool{}, covered: map[string]bool{}, headerBad: map[string]bool{}}
	defer func() {
		// excelize can panic on malformed parts; that is a bad file, not a bug of ours.
		if p := recover(); p != nil {
			in, l = nil, append(r.l, xlsxfile.Malformed(p, ""))
		}
	}()
	in = &capital.Input{Incomplete: map[string]bool{}}
	r.sheets()
	for _, s := range layout.Sheets() {
		name, ok := r.present[s.Name]
		if !ok {
			if !s.Optional {
				r.sheetFinding(findings.MissingSheet, s.Name, "", fmt.Sprintf("required sheet %s is missing", s.Name))
				in.Incomplete[s.Name] = true
			}
			continue
		}
		errsBefore := len(r.l.Errors())
		r.layoutChecks(s, name)
		if err := r.readInto(in, s, name); err != nil {
			r.sheetFinding(findings.Unreadable, s.Name, "", "the sheet cannot be read: "+err.Error())
		}
		if r.headerBad[s.Name] || (s.Kind == layout.Fields && len(r.l.Errors()) > errsBefore) {
			in.Incomplete[s.Name] = true
		}
	}
	return in, r.l
}

// sheets maps the layout's sheets to the file's (case forgiven) and warns of
// extra sheets.
func (r *reader) sheets() {
	for _, name := range r.f.GetSheetList() {
		matched := false
		for _, s := range layout.Sheets() {
			if strings.EqualFold(strings.TrimSpace(name), s.Name) {
				r.present[s.Name], matched = name, true
			}
		}
		if !matched && !strings.EqualFold(name, layout.ReadmeSheet) {
			r.sheetFinding(findings.ExtraSheet, name, "", fmt.Sprintf("sheet %s is not part of %s and is ignored", name, layout.Version))
		}
	}
}

// fieldCells reads a campo | valor sheet into its value cells by campo.
func (r *reader) fieldCells(s layout.Sheet, name string) (map[string]cell, error) {
	data, err := r.readSheet(name)
	if err != nil {
		return nil, err
	}
	data.name = s.Name
	a1, b1 := data.at(1, 1), data.at(2, 1)
	if !strings.EqualFold(strings.TrimSpace(a1.text), layout.CampoHeader) || !strings.EqualFold(strings.TrimSpace(b1.text), layout.ValorHeader) {
		r.add(findings.MissingColumn, a1, fmt.Sprintf("row 1 must hold the headers %s | %s (found %q | %q)", layout.CampoHeader, layout.ValorHeader, clip(a1.text), clip(b1.text)), "type campo in A1 and valor in B1")
	}
	out := map[string]cell{}
	for row := 2; row <= len(data.rows); row++ {
		key := data.at(1, row)
		campo := strings.ToLower(strings.TrimSpace(key.text))
		if campo == "" {
			continue
		}
		if _, known := s.Field(campo); !known {
			r.add(findings.UnknownField, key, fmt.Sprintf("campo %q is not part of sheet %s and is ignored", clip(key.text), s.Name), "")
			continue
		}
		if prev, dup := out[campo]; dup {
			r.add(findings.DuplicateField, key, fmt.Sprintf("campo %s appears again (first at %s)", campo, prev.ref()), "")
			continue
		}
		out[campo] = data.at(2, row)
	}
	for _, fd := range s.Fields {
		if _, ok := out[fd.Name]; !ok && !fd.Optional {
			f := findings.New(findings.MissingField, s.Name, "", fmt.Sprintf("campo %s is missing from sheet %s", fd.Name, s.Name), fmt.Sprintf("add a row with %s in column A and its value in column B", fd.Name))
			f.Column = layout.CampoHeader
			r.addFinding(f)
		}
	}
	return out, nil
}

// tableRow gives the cells of one data row by column name.
type tableRow func(column string) cell

// table streams a table sheet: it checks the header and calls each for
// every row that is not empty.
func (r *reader) table(s layout.Sheet, name string, each func(row tableRow)) error {
	return r.tableRows(s, name, func(vals []string, n int, cols map[string]int) {
		each(func(column string) cell {
			c := cell{sheet: s.Name, row: n}
			i, ok := cols[column]
			if !ok {
				return c // an optional column that is absent: an empty cell
			}
			c.col = i + 1
			if i < len(vals) {
				c.text = vals[i]
			}
			return c
		})
	})
}

// tableRows streams a table sheet: it checks the header and calls each with
// the raw values of every row that is not empty, its number and the index
// of each layout column in it.
func (r *reader) tableRows(s layout.Sheet, name string, each func(vals []string, row int, cols map[string]int)) error {
	rows, err := r.f.Rows(name)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols := map[string]int{}
	var layoutCols []int // the indexes in cols, walked per row instead of the map
	var mapped []bool    // by column: read by the layout; others warned once if they hold values
	rowNum := 0
	opts := excelize.Options{RawCellValue: true}
	for rows.Next() {
		rowNum++
		vals, err := rows.Columns(opts)
		if err != nil {
			return err
		}
		if rowNum == 1 {
			if !r.header(s, vals, cols) {
				return nil
			}
			for _, i := range cols {
				layoutCols = append(layoutCols, i)
				mapped = append(mapped, make([]bool, max(0, i+1-len(mapped)))...)
				mapped[i] = true
			}
			continue
		}
		mapped = r.extraValues(s, vals, rowNum, mapped)
		blank := true
		for _, i := range layoutCols {
			if i < len(vals) && strings.TrimSpace(vals[i]) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		each(vals, rowNum, cols)
		if r.perSh[s.Name] > maxFindingsPerSheet {
			return rows.Error()
		}
	}
	if rowNum == 0 {
		r.header(s, nil, cols)
	}
	if err := rows.Error(); err != nil {
		return err
	}
	// excelize's iterator ends silently at malformed XML; the package check
	// knows the last row of a sheet too large to check whole.
	if r.pkg.Truncated(name, rowNum) {
		return fmt.Errorf("its XML is malformed near row %d; the rows from there on cannot be read", rowNum)
	}
	return nil
}

// extraValues warns of the first value in each column the layout does not
// read (an extra column, or one with no header) and marks it warned.
func (r *reader) extraValues(s layout.Sheet, vals []string, row int, mapped []bool) []bool {
	for i, v := range vals {
		if (i < len(mapped) && mapped[i]) || strings.TrimSpace(v) == "" {
			continue
		}
		mapped = append(mapped, make([]bool, max(0, i+1-len(mapped)))...)
		mapped[i] = true
		col, _ := excelize.ColumnNumberToName(i + 1)
		c := cell{sheet: s.Name, col: i + 1, row: row, text: v}
		r.add(findings.ValueExtraColumn, c, fmt.Sprintf("column %s holds values (here %q) that are not read", col, clip(v)), "")
	}
	return mapped
}

// header maps column names to indexes; it reports missing required columns
// (and returns false) and extra ones.
func (r *reader) header(s layout.Sheet, vals []string, cols map[string]int) bool {
	for i, v := range vals {
		h := strings.ToLower(strings.TrimSpace(v))
		if h == "" {
			continue
		}
		if _, known := s.Field(h); known {
			if _, dup := cols[h]; !dup {
				cols[h] = i
			}
			continue
		}
		c := cell{sheet: s.Name, col: i + 1, row: 1, text: v}
		r.add(findings.ExtraColumn, c, fmt.Sprintf("column %q is not part of sheet %s and is ignored", clip(v), s.Name), "")
	}
	ok := true
	for _, fd := range s.Fields {
		if _, found := cols[fd.Name]; !found && !fd.Optional {
			r.sheetFinding(findings.MissingColumn, s.Name, fd.Name, fmt.Sprintf("column %s is missing from row 1 of sheet %s", fd.Name, s.Name))
			ok = false
			r.headerBad[s.Name] = true
		}
	}
	return ok
}

// layoutChecks reports a hidden layout sheet and merged cells in its data
// area (the Beneficiarios sheet, which can be huge, is streamed only).
func (r *reader) layoutChecks(s layout.Sheet, name string) {
	if visible, err := r.f.GetSheetVisible(name); err == nil && !visible {
		r.sheetFinding(findings.HiddenSheet, s.Name, "", fmt.Sprintf("sheet %s is hidden; it is read all the same", s.Name))
	}
	if s.Name == beneficiarios.SheetName || !r.pkg.MayHaveMerges(name) || !r.small(s.Name) {
		return
	}
	merged, err := r.f.GetMergeCells(name)
	if err != nil {
		return
	}
	for _, m := range merged {
		start, end := m.GetStartAxis(), m.GetEndAxis()
		_, row, err1 := excelize.CellNameToCoordinates(start)
		_, endRow, err2 := excelize.CellNameToCoordinates(end)
		if err1 != nil || err2 != nil || endRow < 2 {
			continue
		}
		c := cell{sheet: s.Name, row: max(row, 2)}
		c.col, _, _ = excelize.CellNameToCoordinates(start)
		r.add(findings.MergedCells, c, fmt.Sprintf("cells %s:%s are merged in the data area", start, end), "")
		r.cover(s.Name, start, end)
	}
}

// cover records the cells a merge hides (all but its first), so they are
// not reported again as empty.
func (r *reader) cover(sheet, start, end string) {
	c1, r1, err1 := excelize.CellNameToCoordinates(start)
	c2, r2, err2 := excelize.CellNameToCoordinates(end)
	if err1 != nil || err2 != nil || (c2-c1+1)*(r2-r1+1) > 10000 {
		return
	}
	for row := r1; row <= r2; row++ {
		for col := c1; col <= c2; col++ {
			if row != r1 || col != c1 {
				a, _ := excelize.CoordinatesToCellName(col, row)
				r.covered[sheet+"!"+a] = true
			}
		}
	}
}

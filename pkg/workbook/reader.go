// Package workbook reads the input workbook (layout v1) into the model's
// input, streaming every sheet with excelize's Rows iterator and reporting
// every problem it finds as a finding that names Sheet!Cell, the rule and the
// fix.
package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
)

// maxFindingsPerSheet bounds the findings of one sheet, so a sheet of a
// million bad rows yields a readable report and bounded memory.
const maxFindingsPerSheet = 50

// Limits on what excelize may unpack, against zip bombs.
const (
	unzipSizeLimit    = 1 << 30 // whole package
	unzipXMLSizeLimit = 64 << 20
)

type reader struct {
	f           *excelize.File
	l           findings.List
	perSh       map[string]int
	trunc       map[string]bool
	present     map[string]string // layout name → name in the file
	smallSheets map[string]bool
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
	br := bufio.NewReader(src)
	if sig, _ := br.Peek(len(cfbSignature)); bytes.Equal(sig, cfbSignature) {
		return nil, findings.List{compoundFile(br)}
	}
	f, err := excelize.OpenReader(br, excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return nil, findings.List{findings.New(findings.Unreadable, "", "", "not a readable .xlsx workbook: "+openError(err), "")}
	}
	defer f.Close()
	return ReadFile(f)
}

// cfbSignature starts an OLE compound file: a legacy .xls, or an xlsx
// encrypted with a password.
var cfbSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// compoundFile tells a password-protected workbook from a legacy .xls.
func compoundFile(r io.Reader) findings.Finding {
	data, _ := io.ReadAll(io.LimitReader(r, 64<<20))
	marker := []byte{}
	for _, c := range "EncryptionInfo" {
		marker = append(marker, byte(c), 0) // UTF-16LE stream name
	}
	if bytes.Contains(data, marker) {
		return findings.New(findings.Encrypted, "", "", "the workbook is password-protected (encrypted); capreg cannot read it", "")
	}
	return findings.New(findings.Unreadable, "", "", "not a readable .xlsx workbook: this is a legacy Excel 97-2003 (.xls) or other OLE file", "save it as Excel Workbook (.xlsx) and try again")
}

func openError(err error) string {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "the file is not an xlsx package (is it .xls, .ods, .csv or damaged?)"
	case strings.Contains(err.Error(), "zip: not a valid zip file"):
		return "the file is not an xlsx package (is it .xls, .ods, .csv or damaged?)"
	}
	return err.Error()
}

// ReadFile reads an already opened workbook.
func ReadFile(f *excelize.File) (in *capital.Input, l findings.List) {
	r := &reader{f: f, perSh: map[string]int{}, trunc: map[string]bool{}, present: map[string]string{}, smallSheets: map[string]bool{}}
	defer func() {
		// excelize can panic on malformed parts; that is a bad file, not a bug of ours.
		if p := recover(); p != nil {
			in, l = nil, append(r.l, findings.New(findings.Unreadable, "", "", fmt.Sprintf("the workbook is malformed: %v", p), ""))
		}
	}()
	in = &capital.Input{}
	r.sheets()
	for _, s := range layout.Sheets() {
		name, ok := r.present[s.Name]
		if !ok {
			if !s.Optional {
				r.sheetFinding(findings.MissingSheet, s.Name, "", fmt.Sprintf("required sheet %s is missing", s.Name))
			}
			continue
		}
		r.layoutChecks(s, name)
		if err := r.readInto(in, s, name); err != nil {
			r.sheetFinding(findings.Unreadable, s.Name, "", "the sheet cannot be read: "+err.Error())
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
	rows, err := r.f.Rows(name)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols := map[string]int{}
	var extra []int // columns outside the layout, warned once if they hold values
	rowNum := 0
	for rows.Next() {
		rowNum++
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if rowNum == 1 {
			if !r.header(s, vals, cols) {
				return nil
			}
			extra = extraColumns(vals, cols)
			continue
		}
		extra = r.extraValues(s, vals, rowNum, extra)
		blank := true
		for _, i := range cols {
			if i < len(vals) && strings.TrimSpace(vals[i]) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		n := rowNum
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
		if r.perSh[s.Name] > maxFindingsPerSheet {
			break
		}
	}
	if rowNum == 0 {
		r.header(s, nil, cols)
	}
	return rows.Error()
}

// extraColumns lists the header columns that are not the layout's.
func extraColumns(header []string, cols map[string]int) []int {
	var out []int
	for i, v := range header {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if idx, ok := cols[strings.ToLower(strings.TrimSpace(v))]; !ok || idx != i {
			out = append(out, i)
		}
	}
	return out
}

// extraValues warns of the first value in each extra column and returns
// the columns still to watch.
func (r *reader) extraValues(s layout.Sheet, vals []string, row int, extra []int) []int {
	keep := extra[:0]
	for _, i := range extra {
		if i < len(vals) && strings.TrimSpace(vals[i]) != "" {
			c := cell{sheet: s.Name, col: i + 1, row: row, text: vals[i]}
			col, _ := excelize.ColumnNumberToName(i + 1)
			r.add(findings.ValueExtraColumn, c, fmt.Sprintf("column %s holds values (here %q) that are not read", col, clip(vals[i])), "")
			continue
		}
		keep = append(keep, i)
	}
	return keep
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
	if s.Name == "Beneficiarios" || !r.small(s.Name) {
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
	}
}

// Package generate writes the input workbook of layout.Version: the empty
// template (capreg template) and a filled, realistic, fictitious operator
// (capreg example). Both follow layout.Sheets() and nothing else, so a field
// added to the layout appears in the template, its drop-down list and the
// Leia-me sheet without touching this package.
//
// Output is deterministic: the same call gives byte-identical xlsx files on
// every run and platform (fixed document dates, no clock, no map order, and
// integer arithmetic for every generated amount).
package generate

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// lastRow is the last row of a worksheet; table validations run to it so
// that no data row escapes its drop-down list.
const lastRow = excelize.TotalRows

// docDate is the fixed creation and modification date written into
// docProps/core.xml: never the clock, which would make the bytes differ
// between runs (excelize's own default is a 2006 date).
const docDate = "2025-10-01T00:00:00Z"

// Excel's limits on data-validation texts (characters, UTF-16).
const (
	maxListFormula = 255 // a literal drop-down list, separators included
	maxPromptTitle = 32
	maxPrompt      = 255
)

// Template returns the empty input workbook: the Leia-me sheet, then every
// sheet of the layout with its header row (or its campos), drop-down lists on
// code fields and no value in any data cell: an empty cell is a missing value.
func Template() (*excelize.File, error) {
	b, err := newBook(layout.Sheets(), nil)
	if err != nil {
		return nil, err
	}
	if err := b.f.SetDocProps(docProps("capreg — planilha de entrada ("+layout.Version+")",
		"Modelo vazio da planilha de entrada do capreg")); err != nil {
		return nil, b.fail(err)
	}
	return b.f, nil
}

func docProps(title, description string) *excelize.DocProperties {
	return &excelize.DocProperties{
		Title:          title,
		Description:    description,
		Creator:        "capreg",
		LastModifiedBy: "capreg",
		Language:       "pt-BR",
		Version:        layout.Version,
		Created:        docDate,
		Modified:       docDate,
	}
}

// styles are the cell styles of the workbook, created once in a fixed order.
type styles struct {
	header, money, integer    int
	date, month               int
	title, section, tableHead int
	wrap                      int
}

// book is a workbook being written.
type book struct {
	f  *excelize.File
	st styles
}

func (b *book) fail(err error) error {
	_ = b.f.Close()
	return err
}

// newBook writes the Leia-me sheet and the given layout sheets, empty.
// intro lines, when given, open the Leia-me sheet (the example says what it is).
// opts go to excelize (TmpDir: where a streamed sheet waits to be written).
func newBook(sheets []layout.Sheet, intro []string, opts ...excelize.Options) (*book, error) {
	b := &book{f: excelize.NewFile(opts...)}
	if err := b.build(sheets, intro); err != nil {
		return nil, b.fail(err)
	}
	return b, nil
}

func (b *book) build(sheets []layout.Sheet, intro []string) error {
	f := b.f
	if err := f.SetSheetName(f.GetSheetName(0), layout.ReadmeSheet); err != nil {
		return err
	}
	if err := b.newStyles(); err != nil {
		return err
	}
	if err := b.writeReadme(sheets, intro); err != nil {
		return lang.Errorf("sheet %s: %w", layout.ReadmeSheet, err)
	}
	for _, s := range sheets {
		if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		var err error
		switch s.Kind {
		case layout.Fields:
			err = b.writeFieldsSheet(s)
		case layout.Table:
			err = b.writeTableSheet(s)
		default:
			err = lang.Errorf("unknown sheet kind %d", s.Kind)
		}
		if err != nil {
			return lang.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	return nil
}

func (b *book) newStyles() error {
	ptr := func(s string) *string { return &s }
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.st.header, &excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "center"},
		}},
		{&b.st.money, &excelize.Style{NumFmt: 4}},   // #,##0.00
		{&b.st.integer, &excelize.Style{NumFmt: 1}}, // 0
		{&b.st.date, &excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&b.st.month, &excelize.Style{CustomNumFmt: ptr("yyyy-mm")}},
		{&b.st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.st.section, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&b.st.tableHead, &excelize.Style{
			Font:   &excelize.Font{Bold: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		}},
		{&b.st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(d.style)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// valueStyle is the style of a data cell holding a field of type t; 0 keeps
// the default (General).
func (b *book) valueStyle(t layout.Type) int {
	switch t {
	case layout.Number:
		return b.st.money
	case layout.Date:
		return b.st.date
	case layout.Month:
		return b.st.month
	}
	return 0
}

func (b *book) freezeHeader(sheet string) error {
	return b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

// writeFieldsSheet writes a campo | valor sheet: the header, then one row
// per field with its name in A and B left empty.
func (b *book) writeFieldsSheet(s layout.Sheet) error {
	f := b.f
	if err := f.SetSheetRow(s.Name, "A1", &[]any{layout.CampoHeader, layout.ValorHeader}); err != nil {
		return err
	}
	if err := f.SetCellStyle(s.Name, "A1", "B1", b.st.header); err != nil {
		return err
	}
	nameWidth, valueWidth := len(layout.CampoHeader), 20
	for i, fd := range s.Fields {
		row := i + 2
		if err := f.SetCellStr(s.Name, cellName(1, row), fd.Name); err != nil {
			return err
		}
		nameWidth = max(nameWidth, len(fd.Name))
		valueWidth = max(valueWidth, codesWidth(fd))
		valueCell := cellName(2, row)
		if st := b.valueStyle(fd.Type); st != 0 {
			if err := f.SetCellStyle(s.Name, valueCell, valueCell, st); err != nil {
				return err
			}
		}
		if err := b.addValidation(s.Name, valueCell, fd); err != nil {
			return lang.Errorf("campo %s: %w", fd.Name, err)
		}
	}
	if err := f.SetColWidth(s.Name, "A", "A", float64(nameWidth+3)); err != nil {
		return err
	}
	if err := f.SetColWidth(s.Name, "B", "B", float64(valueWidth+4)); err != nil {
		return err
	}
	return b.freezeHeader(s.Name)
}

// writeTableSheet writes a table sheet: the header row, and for each column
// its number format, width and (for codes) drop-down list down to the last
// row of the sheet.
func (b *book) writeTableSheet(s layout.Sheet) error {
	f := b.f
	header := make([]any, len(s.Fields))
	for i, fd := range s.Fields {
		col := colName(i + 1)
		if st := b.valueStyle(fd.Type); st != 0 {
			if err := f.SetColStyle(s.Name, col, st); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(s.Name, col, col, float64(columnWidth(fd))); err != nil {
			return err
		}
		sqref := fmt.Sprintf("%s2:%s%d", col, col, lastRow)
		if err := b.addValidation(s.Name, sqref, fd); err != nil {
			return lang.Errorf("column %s: %w", fd.Name, err)
		}
		header[i] = fd.Name
	}
	if err := f.SetSheetRow(s.Name, "A1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(s.Name, "A1", cellName(len(s.Fields), 1), b.st.header); err != nil {
		return err
	}
	return b.freezeHeader(s.Name)
}

// addValidation puts on sqref an input message with the field's doc and,
// for codes and S/N fields, a drop-down list that refuses anything else.
// Blank stays allowed: an empty cell is a missing value, which the reader
// reports (or, for S/N, reads as N).
func (b *book) addValidation(sheet, sqref string, fd layout.Field) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	title := fd.Name
	if xlsxfile.UTF16Len(title) > maxPromptTitle {
		title = ""
	}
	dv.SetInput(title, xlsxfile.ClipUTF16(promptText(fd), maxPrompt))
	if codes := codesOf(fd); codes != nil {
		if xlsxfile.UTF16Len(joinCodes(codes)) > maxListFormula {
			return lang.Errorf("the codes of %s exceed Excel's %d-character limit of a drop-down list", fd.Name, maxListFormula)
		}
		if err := dv.SetDropList(codes); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Código inválido",
			xlsxfile.ClipUTF16("Use um destes códigos: "+joinCodes(codes)+" (veja a aba "+layout.ReadmeSheet+").", maxPrompt))
	}
	return b.f.AddDataValidation(sheet, dv)
}

// promptText is the input message of a field's cells.
func promptText(fd layout.Field) string {
	s := fd.Doc + ". Tipo: " + typeName(fd.Type)
	if fd.Optional {
		s += " (opcional)"
	}
	return s + "."
}

// codesOf returns the codes a field accepts, nil for free fields.
func codesOf(fd layout.Field) []string {
	switch fd.Type {
	case layout.Enum:
		return fd.Enum
	case layout.Flag:
		return layout.SN
	}
	return nil
}

func joinCodes(codes []string) string { return strings.Join(codes, ",") }

// codesWidth is the width a cell needs to show the longest code.
func codesWidth(fd layout.Field) int {
	w := 0
	for _, c := range codesOf(fd) {
		w = max(w, len(c))
	}
	return w
}

// columnWidth is a table column's width: its header, its longest code, or a
// width that suits its type.
func columnWidth(fd layout.Field) int {
	w := len(fd.Name)
	switch fd.Type {
	case layout.Text:
		w = max(w, 36)
	case layout.Number:
		w = max(w, 16)
	case layout.Date, layout.Month, layout.Registro:
		w = max(w, 12)
	}
	return max(w, codesWidth(fd), 8) + 3
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

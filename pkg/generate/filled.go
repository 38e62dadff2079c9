package generate

import (
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
)

// Record is a record to write into a layout sheet: a row of a table sheet,
// or campos of a campo | valor sheet. A value is a decimal.Decimal (a
// numeric cell), a string (text), a period.Month (a month cell) or a
// time.Time (a date cell); Comments holds, by field, the note shown on its
// cell.
type Record struct {
	Sheet    string
	Values   map[string]any
	Comments map[string]string
}

// Table is a sheet outside the layout, written after it: a header row, then
// rows of values (the types of Record's).
type Table struct {
	Name   string
	Header []string
	Rows   [][]any
}

// Filled returns an input workbook of the layout (the template's sheets,
// headers, drop-down lists and Leia-me, intro opening it; no Beneficiarios
// sheet) with the records written in order, each table sheet's rows one
// after another, and the tables after the layout's sheets. title and
// description go to the document properties.
func Filled(title, description string, intro []string, records []Record, tables ...Table) (*excelize.File, error) {
	sheets := slices.DeleteFunc(layout.Sheets(), func(s layout.Sheet) bool { return s.Name == beneficiariosSheet })
	b, err := newBook(sheets, intro)
	if err != nil {
		return nil, err
	}
	if err := b.fillRecords(sheets, records); err != nil {
		return nil, b.fail(err)
	}
	for _, t := range tables {
		if err := b.writeTable(t); err != nil {
			return nil, b.fail(lang.Errorf("sheet %s: %w", t.Name, err))
		}
	}
	if err := b.f.SetDocProps(docProps(title, description)); err != nil {
		return nil, b.fail(err)
	}
	return b.f, nil
}

// fillRecords writes the records into the empty sheets newBook wrote.
func (b *book) fillRecords(sheets []layout.Sheet, records []Record) error {
	rows := map[string]int{}
	for _, r := range records {
		i := slices.IndexFunc(sheets, func(s layout.Sheet) bool { return s.Name == r.Sheet })
		if i < 0 {
			return lang.Errorf("a record of sheet %s, which the layout does not have", r.Sheet)
		}
		if err := b.writeRecord(sheets[i], rows[r.Sheet], r.Values, r.Comments); err != nil {
			return lang.Errorf("sheet %s: %w", r.Sheet, err)
		}
		rows[r.Sheet]++
	}
	return nil
}

// writeTable writes a sheet outside the layout.
func (b *book) writeTable(t Table) error {
	f := b.f
	if _, err := f.NewSheet(t.Name); err != nil {
		return err
	}
	header := make([]any, len(t.Header))
	widths := make([]int, len(t.Header))
	for i, h := range t.Header {
		header[i], widths[i] = h, max(len(h)+3, 12)
	}
	if err := f.SetSheetRow(t.Name, "A1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(t.Name, "A1", cellName(max(len(t.Header), 1), 1), b.st.header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if err := b.writeValue(t.Name, cellName(c+1, r+2), v); err != nil {
				return lang.Errorf("%s: %w", cellName(c+1, r+2), err)
			}
			if s, ok := v.(string); ok && c < len(widths) {
				widths[c] = max(widths[c], min(len([]rune(s))+2, 80))
			}
		}
	}
	for c, w := range widths {
		if err := f.SetColWidth(t.Name, colName(c+1), colName(c+1), float64(w)); err != nil {
			return err
		}
	}
	return b.freezeHeader(t.Name)
}

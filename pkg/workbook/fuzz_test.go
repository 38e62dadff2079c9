package workbook_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// readAndCompute is what calc does with a workbook: it must never panic,
// and whatever the reader accepts the engine either computes or refuses
// with findings.
func readAndCompute(t *testing.T, data []byte, rb *rules.Rulebook) {
	in, l, _ := workbook.Read(context.Background(), bytes.NewReader(data))
	if l.HasErrors() {
		for _, f := range l.Errors() {
			if f.Code == "" || f.Message == "" || f.Fix == "" {
				t.Fatalf("finding without code, message or fix: %+v", f)
			}
		}
		return
	}
	if in == nil {
		t.Fatal("no input and no error")
	}
	_, err := capital.Compute(in, rb, capital.Options{})
	var ie *findings.InputError
	if err != nil && !errors.As(err, &ie) && !errors.Is(err, capital.ErrRules) {
		t.Fatalf("compute: %v", err)
	}
}

// FuzzReadBytes mutates whole files: truncated, corrupted, random bytes.
func FuzzReadBytes(f *testing.F) {
	for _, p := range []string{"../../testdata/fixtures/f07_administradora.xlsx", "../../testdata/invalid/i01_missing_sheet_pla.xlsx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte("registro_ans;valor\n1;2\n"))
	f.Add([]byte{})
	rb := rulestest.Default(f)
	f.Fuzz(func(t *testing.T, data []byte) { readAndCompute(t, data, rb) })
}

// FuzzReadCell types any text into any cell of the example operator, the
// way a person would break a workbook.
func FuzzReadCell(f *testing.F) {
	seeds := []struct {
		sheet    uint8
		col, row uint8
		text     string
	}{
		{0, 2, 2, "12345"}, {0, 2, 4, "2024-13"}, {0, 2, 8, "150%"}, {1, 2, 2, "1.234"},
		{1, 2, 3, "-5"}, {2, 4, 5, "1.234.567,89"}, {2, 1, 3, "=A1"}, {2, 2, 9, "familiar"},
		{3, 1, 4, "45000"}, {8, 4, 2, "0"}, {9, 3, 2, "X"}, {11, 2, 2, "\xff\xfe"},
	}
	for _, s := range seeds {
		f.Add(s.sheet, s.col, s.row, s.text)
	}
	rb := rulestest.Default(f)
	sheets := layout.Sheets()
	f.Fuzz(func(t *testing.T, sheet, col, row uint8, text string) {
		wb, _, err := generate.NewExample(1).Workbook(context.Background(), generate.WorkbookOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		name := sheets[int(sheet)%len(sheets)].Name
		axis, err := excelize.CoordinatesToCellName(int(col)%12+1, int(row)%40+1)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := wb.GetSheetIndex(name); err != nil {
			t.Skip()
		}
		if err := wb.SetCellStr(name, axis, text); err != nil {
			t.Skip() // text excelize itself refuses to store
		}
		buf, err := wb.WriteToBuffer()
		if err != nil {
			t.Skip()
		}
		readAndCompute(t, buf.Bytes(), rb)
	})
}

package coletabook

import (
	"bytes"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
)

var (
	validOnce  sync.Once
	validBytes []byte
)

// valid is the filled template of options(), as bytes, built once.
func valid(t *testing.T) []byte {
	validOnce.Do(func() {
		f, err := Template(options())
		if err != nil {
			t.Fatal(err)
		}
		fillByHand(t, f, options())
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		validBytes = buf.Bytes()
	})
	return validBytes
}

// FuzzCell types any text (or, when it reads as one, any number) into any
// cell of a valid sheet: validate never panics, and every finding has a
// catalogue code, a message and a fix.
func FuzzCell(f *testing.F) {
	for _, s := range []struct {
		col, row int
		text     string
	}{
		{2, 5, "2018-03"}, {2, 5, "32018"}, {1, 3, "5711"}, {5, 4, "1.234"}, {8, 9, "85,333"}, {12, 16, ""},
		{6, 4, "10"}, {3, 7, "999999"}, {21, 20, "-0"}, {1, 1, "x"}, {30, 5, "nota"}, {14, 3, "1e400"}, {4, 10, "\x00"},
	} {
		f.Add(s.col, s.row, s.text)
	}
	f.Fuzz(func(t *testing.T, col, row int, text string) {
		col, row = 1+mod(col, 24), 1+mod(row, 22) // A–X, rows 1–22 (data in 3–20)
		wb, err := excelize.OpenReader(bytes.NewReader(valid(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		axis := coleta.Axis(col, row)
		var v any = text
		if n, err := strconv.ParseFloat(text, 64); err == nil && len(text)%2 == 0 { // half the numbers as numeric cells
			v = n
		}
		if err := wb.SetCellValue(coleta.SheetName, axis, v); err != nil {
			return // excelize refuses the value (e.g. too long): nothing to read
		}
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := wb.SaveAs(path); err != nil {
			return
		}
		for _, fd := range validate(t, path) {
			if fd.Code == "" || fd.Message == "" || fd.Fix == "" {
				t.Fatalf("incomplete finding %+v", fd)
			}
			if _, ok := findings.Lookup(fd.Code); !ok {
				t.Fatalf("finding with a code not in the catalogue: %+v", fd)
			}
		}
	})
}

func mod(n, m int) int { return (n%m + m) % m }

package beneficiarios

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchRows is the size of the benchmark files: big enough that the sheet
// part (22 MB) is one excelize streams from a temporary file, as it does a
// million rows; make bench measures 1,048,575 rows with scripts/bench.
const benchRows = 50000

var (
	benchOnce  sync.Once
	benchDir   string
	benchFiles struct{ xlsx, csv string }
)

// benchData writes the benchmark files once per run, the CSV with the rows
// of the sheet.
func benchData(b *testing.B) (string, string) {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "capreg-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
		benchFiles.xlsx, benchFiles.csv = filepath.Join(dir, "b.xlsx"), filepath.Join(dir, "b.csv")
		writeXLSX(b, benchFiles.xlsx, benchRows, nil)
		f, err := excelize.OpenFile(benchFiles.xlsx)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		out, err := os.Create(benchFiles.csv)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		w := csv.NewWriter(out)
		rows, _ := f.Rows(SheetName)
		for rows.Next() {
			vals, _ := rows.Columns(excelize.Options{RawCellValue: true})
			w.Write(vals)
		}
		rows.Close()
		w.Flush()
	})
	if benchDir == "" {
		b.Fatal("no benchmark data")
	}
	return benchFiles.xlsx, benchFiles.csv
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchRead(b *testing.B, path string) {
	for b.Loop() {
		c, l, err := Read(context.Background(), path)
		if err != nil || c == nil || c.Total != benchRows {
			b.Fatalf("%v %v %v", c, l, err)
		}
	}
}

// BenchmarkReadBeneficiariosXLSX is capreg's reading of a beneficiary
// workbook (package check, streaming, counting); compare it with
// BenchmarkBareExcelizeRows.
func BenchmarkReadBeneficiariosXLSX(b *testing.B) {
	x, _ := benchData(b)
	benchRead(b, x)
}

// BenchmarkReadBeneficiariosCSV: the same rows as CSV; compare it with
// BenchmarkBareCSV.
func BenchmarkReadBeneficiariosCSV(b *testing.B) {
	_, c := benchData(b)
	benchRead(b, c)
}

// BenchmarkBareExcelizeRows is the floor of the library: open the file,
// walk the sheet with the Rows iterator taking each row's raw values.
func BenchmarkBareExcelizeRows(b *testing.B) {
	x, _ := benchData(b)
	for b.Loop() {
		f, err := excelize.OpenFile(x)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(SheetName)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("%d rows", n)
		}
	}
}

// BenchmarkBareCSV is the floor of encoding/csv: every record, reused.
func BenchmarkBareCSV(b *testing.B) {
	_, c := benchData(b)
	for b.Loop() {
		f, err := os.Open(c)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(f)
		r.ReuseRecord = true
		n := 0
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("%d rows", n)
		}
	}
}

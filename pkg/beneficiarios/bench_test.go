package beneficiarios

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// benchRows is the size of the benchmark files (a sheet part of 22 MB);
// make bench measures 1,048,575 rows with scripts/bench.
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
		out, err := os.Create(benchFiles.csv)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		w := csv.NewWriter(out)
		w.Write(columns[:])
		for i := range benchRows {
			rec := make([]string, 0, nColumns)
			for _, v := range testRow(i) {
				rec = append(rec, fmt.Sprint(v))
			}
			w.Write(rec)
		}
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
// xlsxfile's BenchmarkRows, the reading alone.
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

package balancete

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeOpenData writes an open-data file of a quarter as ANS publishes it:
// quoted, ;-separated, decimal comma, CRLF, Latin-1 descriptions, every
// operator's rows together; operators registros from 300001 on, each with
// rows/operators accounts. It returns the registro of the middle operator.
func writeOpenData(tb testing.TB, path string, rows, operators int) string {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(openDataHeader6)
	per := rows / operators
	for op := range operators {
		for i := range per {
			fmt.Fprintf(w, "\"2025-04-01\";\"%d\";\"%d\";\"CONTRAPRESTA\xc7\xd5ES EMITIDAS DE ASSIST\xcaNCIA\";\"%d,%02d\";\"%d,%02d\"\r\n",
				300001+op, 311111011+i, (op*per+i)*37%1000000, i%100, (op*per+i)*53%1000000, (i*7)%100)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprint(300001 + operators/2)
}

// bareCSV is the floor: encoding/csv reading every record of the file,
// the record reused, nothing else.
func bareCSV(tb testing.TB, path string) int {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.ReuseRecord = true
	n := 0
	for {
		if _, err := r.Read(); err == io.EOF {
			return n
		} else if err != nil {
			tb.Fatal(err)
		}
		n++
	}
}

// BenchmarkOpenDataOneOperator reads one operator out of an open-data file
// of 200,000 rows for 100 operators, and reports the time of a bare
// encoding/csv loop over the same file and the ratio (the target:
// at most 1.5).
func BenchmarkOpenDataOneOperator(b *testing.B) {
	const rows, operators = 200_000, 100
	path := filepath.Join(b.TempDir(), "2T2025.csv")
	registro := writeOpenData(b, path, rows, operators)
	var bare time.Duration
	b.ReportAllocs()
	for b.Loop() {
		sheets, l, err := Read(context.Background(), path, registro)
		if err != nil || len(l) != 0 || len(sheets) != 1 || len(sheets[0].Rows) == 0 {
			b.Fatalf("%d sheets, %v, %v", len(sheets), l, err)
		}
		b.StopTimer()
		start := time.Now()
		if n := bareCSV(b, path); n != rows+1 {
			b.Fatalf("%d records", n)
		}
		bare += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns/op")
	b.ReportMetric(float64(b.Elapsed())/float64(bare), "x-bare")
}

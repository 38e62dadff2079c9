package xlsxfile

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRowTracker numbers row start tags as excelize's Rows iterator does,
// whatever the cuts between writes.
func TestRowTracker(t *testing.T) {
	cases := []struct {
		xml  string
		want int
	}{
		{`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="7" spans="1:2"/></sheetData>`, 7},
		{`<sheetData><row><c/></row><row>` + "\n" + `</row><row s="1" customFormat="1"></row></sheetData>`, 3},
		{`<x:sheetData><x:row x:r='12'></x:row><x:row></x:row></x:sheetData><x:rowBreaks/>`, 13},
		{`<row	r = "5" ></row><rows/><arrow/><c><is><t>borrow row</t></is></c>`, 5},
		{`<row spans="1:3" r="40"/><row r="x"/>`, 41},
		{`<sheetData></sheetData>`, 0},
	}
	for _, c := range cases {
		for seed := range uint64(50) {
			rng := rand.New(rand.NewPCG(seed, 1))
			tr := &rowTracker{}
			for rest := c.xml; rest != ""; {
				n := min(len(rest), 1+rng.IntN(12))
				if seed == 0 {
					n = len(rest)
				}
				tr.Write([]byte(rest[:n]))
				rest = rest[n:]
			}
			if tr.last != c.want {
				t.Fatalf("%s (seed %d): last row %d, want %d", c.xml, seed, tr.last, c.want)
			}
		}
	}
}

// bigSheet is a sheet part of rows numbered 1 to n; broken spoils the XML
// just before row half.
func bigSheet(n int, broken bool) []byte {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i := 1; i <= n; i++ {
		if broken && i == n/2 {
			b.WriteString(`<row r="0"></rox>`)
		}
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>beneficiario %d</t></is></c></row>`, i, i, i)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return []byte(b.String())
}

// TestTruncated: a sheet read as streamed is not parsed by the package
// check, and a read that stops at its malformed XML is told apart from one
// that reached its last row; without the promise to check, malformed XML is
// refused by the check.
func TestTruncated(t *testing.T) {
	const n = 3000
	for _, broken := range []bool{false, true} {
		t.Run(fmt.Sprint("broken=", broken), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.xlsx")
			if err := os.WriteFile(path, workbook(t, bigSheet(n, broken), 0), 0o644); err != nil {
				t.Fatal(err)
			}
			if f, _, bad := OpenPackage(path); broken != (bad != nil) {
				t.Errorf("not streamed: refused %v, want %v", bad, broken)
			} else if f != nil {
				f.Close()
			}
			f, pkg, bad := OpenPackage(path, " SHEET1 ")
			if bad != nil {
				t.Fatal(bad)
			}
			defer f.Close()
			rows, err := f.Rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			last := 0
			for rows.Next() {
				last++
			}
			rows.Close()
			if got := pkg.Truncated("Sheet1", last); got != broken {
				t.Errorf("read to row %d: truncated %v, want %v", last, got, broken)
			}
			if broken && last > n/2 {
				t.Errorf("excelize read to row %d past the broken XML; the test no longer tests anything", last)
			}
			if !broken && last != n {
				t.Errorf("read %d rows, want %d", last, n)
			}
		})
	}
	var nilPkg *Package
	if nilPkg.Truncated("Sheet1", 0) {
		t.Error("a nil package truncates")
	}
}

// Package xlsxtest makes, for tests, the variants of a workbook other
// software writes: numbers as Excel stores them (17 significant digits),
// dates in the 1904 date system or as ISO date cells, a cell or a sheet
// replaced or added. It edits the package's XML, so a test controls every
// byte the readers see.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Rewrite is a copy of a package whose parts edit rewrites (it returns a
// part unchanged to leave it alone).
func Rewrite(t testing.TB, data []byte, edit func(part string, xml []byte) []byte) []byte {
	t.Helper()
	return rewrite(t, data, edit, "", nil)
}

// rewrite is Rewrite, with one part more, added, holding content (none
// when added is "").
func rewrite(t testing.TB, data []byte, edit func(part string, xml []byte) []byte, added string, content []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(edit(f.Name, part))
	}
	if added != "" {
		w, err := zw.Create(added)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Part is the content of a part.
func Part(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	var out []byte
	Rewrite(t, data, func(part string, xml []byte) []byte {
		if part == name {
			out = xml
		}
		return xml
	})
	if out == nil {
		t.Fatalf("no part %s", name)
	}
	return out
}

// SheetPart is the part of the named sheet.
func SheetPart(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	wb, rels := Part(t, data, "xl/workbook.xml"), Part(t, data, "xl/_rels/workbook.xml.rels")
	m := regexp.MustCompile(`<sheet [^>]*name="` + regexp.QuoteMeta(sheet) + `"[^>]*r:id="([^"]+)"`).FindSubmatch(wb)
	if m == nil {
		t.Fatalf("no sheet %s", sheet)
	}
	for _, r := range regexp.MustCompile(`<Relationship [^>]*>`).FindAll(rels, -1) {
		if bytes.Contains(r, []byte(`Id="`+string(m[1])+`"`)) {
			target := regexp.MustCompile(`Target="/?(?:xl/)?([^"]+)"`).FindSubmatch(r)
			return "xl/" + string(target[1])
		}
	}
	t.Fatalf("no part for sheet %s", sheet)
	return ""
}

// Worksheet is a worksheet part whose sheetData holds rows.
func Worksheet(rows string) []byte {
	return []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`)
}

// AddSheet is a copy of a package with one more sheet, name, whose part
// is sheet.
func AddSheet(t testing.TB, data []byte, name string, sheet []byte) []byte {
	t.Helper()
	return rewrite(t, data, func(part string, xml []byte) []byte {
		switch part {
		case "xl/workbook.xml":
			return bytes.Replace(xml, []byte("</sheets>"), []byte(`<sheet name="`+name+`" sheetId="99" r:id="rIdAdded"/></sheets>`), 1)
		case "xl/_rels/workbook.xml.rels":
			return bytes.Replace(xml, []byte("</Relationships>"), []byte(`<Relationship Id="rIdAdded" Target="worksheets/added.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>`), 1)
		}
		return xml
	}, "xl/worksheets/added.xml", sheet)
}

// SetCell replaces the cell at axis of a sheet with the XML cell.
func SetCell(t testing.TB, data []byte, sheet, axis, cell string) []byte {
	t.Helper()
	part := SheetPart(t, data, sheet)
	re := regexp.MustCompile(`<c r="` + axis + `"[^>]*?(/>|>.*?</c>)`)
	done := false
	out := Rewrite(t, data, func(name string, xml []byte) []byte {
		if name != part {
			return xml
		}
		if loc := re.FindIndex(xml); loc != nil {
			done = true
			return append(append(append([]byte{}, xml[:loc[0]]...), cell...), xml[loc[1]:]...)
		}
		return xml
	})
	if !done {
		t.Fatalf("no cell %s!%s", sheet, axis)
	}
	return out
}

// numericCell is a cell with a cached number (no t, or t="n"), formula or
// not: its attributes and value.
var numericCell = regexp.MustCompile(`<c ([^>]*?)>((?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?)<v>([^<]*)</v>`)

// EditNumbers rewrites the value of every numeric cell whose attributes
// keep accepts; n counts the values changed.
func EditNumbers(t testing.TB, data []byte, keep func(attrs string) bool, edit func(v float64) string) (out []byte, n int) {
	t.Helper()
	out = Rewrite(t, data, func(name string, xml []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			return xml
		}
		return numericCell.ReplaceAllFunc(xml, func(m []byte) []byte {
			sub := numericCell.FindSubmatch(m)
			attrs := string(sub[1])
			if strings.Contains(attrs, ` t="`) && !strings.Contains(attrs, ` t="n"`) || !keep(attrs) {
				return m
			}
			v, err := strconv.ParseFloat(string(sub[3]), 64)
			if err != nil {
				t.Fatalf("%s: %s", name, m)
			}
			repl := edit(v)
			if repl != string(sub[3]) {
				n++
			}
			return []byte(fmt.Sprintf("<c %s>%s<v>%s</v>", attrs, sub[2], repl))
		})
	})
	return out, n
}

// ExcelDoubles writes every numeric cell as Excel does: the double nearest
// the value, with 17 significant digits (82.15 is 82.150000000000006).
func ExcelDoubles(t testing.TB, data []byte) ([]byte, int) {
	return EditNumbers(t, data, func(string) bool { return true }, func(v float64) string { return strconv.FormatFloat(v, 'g', 17, 64) })
}

// DateStyle reports whether a cell's attributes give it a style whose
// number format shows a date.
func DateStyle(t testing.TB, data []byte) func(attrs string) bool {
	t.Helper()
	styles := Part(t, data, "xl/styles.xml")
	formats := map[string]bool{}
	for id := 14; id <= 22; id++ {
		formats[strconv.Itoa(id)] = true
	}
	for _, m := range regexp.MustCompile(`<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"`).FindAllSubmatch(styles, -1) {
		formats[string(m[1])] = strings.Contains(strings.ToLower(string(m[2])), "yy")
	}
	date := map[string]bool{}
	if xfs := regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`).FindSubmatch(styles); xfs != nil {
		for i, xf := range regexp.MustCompile(`<xf [^>]*>`).FindAll(xfs[1], -1) {
			if m := regexp.MustCompile(`numFmtId="(\d+)"`).FindSubmatch(xf); m != nil && formats[string(m[1])] {
				date[strconv.Itoa(i)] = true
			}
		}
	}
	style := regexp.MustCompile(`\bs="(\d+)"`)
	return func(attrs string) bool {
		m := style.FindStringSubmatch(attrs)
		return m != nil && date[m[1]]
	}
}

// Date1904 moves a workbook to the 1904 date system, as Excel for Mac
// writes it: every date serial 1462 smaller, and workbookPr with attr
// (date1904="1" or date1904="true"); n counts the serials moved.
func Date1904(t testing.TB, data []byte, attr string) ([]byte, int) {
	t.Helper()
	out, n := EditNumbers(t, data, DateStyle(t, data), func(v float64) string { return strconv.FormatFloat(v-1462, 'f', -1, 64) })
	out = Rewrite(t, out, func(name string, xml []byte) []byte {
		if name != "xl/workbook.xml" {
			return xml
		}
		if bytes.Contains(xml, []byte("<workbookPr")) {
			return bytes.Replace(xml, []byte("<workbookPr"), []byte("<workbookPr "+attr), 1)
		}
		return bytes.Replace(xml, []byte("<sheets>"), []byte("<workbookPr "+attr+"/><sheets>"), 1)
	})
	return out, n
}

// ISODates writes every date cell that holds a serial (no formula) as an
// ISO date cell, t="d" (as Excel does in strict OOXML); n counts them.
func ISODates(t testing.TB, data []byte) ([]byte, int) {
	t.Helper()
	date := DateStyle(t, data)
	cells := regexp.MustCompile(`<c ([^>]*?)><v>([0-9.]+)</v></c>`)
	n := 0
	out := Rewrite(t, data, func(name string, xml []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			return xml
		}
		return cells.ReplaceAllFunc(xml, func(m []byte) []byte {
			sub := cells.FindSubmatch(m)
			if strings.Contains(string(sub[1]), ` t="`) || !date(string(sub[1])) {
				return m
			}
			v, err := strconv.ParseFloat(string(sub[2]), 64)
			if err != nil || v < 61 {
				return m
			}
			n++
			day := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v))
			return []byte(fmt.Sprintf(`<c %s t="d"><v>%sT00:00:00</v></c>`, sub[1], day.Format(time.DateOnly)))
		})
	})
	return out, n
}

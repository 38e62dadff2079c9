package xlsxfile

import (
	"bytes"
	"testing"
)

// The check tells a sheet with merged cells from one without, and cannot
// say "none" of a sheet it did not read whole.
func TestMayHaveMerges(t *testing.T) {
	plain := []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell</t></is></c></row></sheetData></worksheet>`)
	merged := []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`)
	for _, c := range []struct {
		name     string
		part     []byte
		streamed []string
		want     bool
	}{
		{"none (the word in a cell is not a merge)", plain, nil, false},
		{"merged", merged, nil, true},
		{"streamed: not read whole", plain, []string{"Sheet1"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, pkg, bad := ReadStreaming(bytes.NewReader(workbook(t, c.part, 0)), c.streamed...)
			if bad != nil {
				t.Fatal(bad)
			}
			defer f.Close()
			if got := pkg.MayHaveMerges("Sheet1"); got != c.want {
				t.Errorf("MayHaveMerges = %v, want %v", got, c.want)
			}
			if !pkg.MayHaveMerges("NoSuchSheet") {
				t.Error("an unknown sheet must count as possibly merged")
			}
		})
	}
}

// The XML check refuses what excelize's decoder would stop at: an end tag
// that closes another element, one with no element open, an element left
// open; prefixes count, as written.
func TestWellFormedNesting(t *testing.T) {
	head := `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="urn:x">`
	for _, c := range []struct {
		name, part string
		ok         bool
	}{
		{"valid", head + `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, true},
		{"prefixed, closed alike", head + `<sheetData/><x:ext><x:y/></x:ext></worksheet>`, true},
		{"closed by another", head + `<sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData></worksheet>`, false},
		{"prefix differs", head + `<sheetData/><x:ext></ext></worksheet>`, false},
		{"left open", head + `<sheetData><row r="1">`, false},
		{"end without start", head + `</sheetData></worksheet></worksheet>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, _, bad := ReadStreaming(bytes.NewReader(workbook(t, []byte(c.part), 0)))
			if f != nil {
				f.Close()
			}
			if (bad == nil) != c.ok {
				t.Errorf("finding %v, want ok=%v", bad, c.ok)
			}
		})
	}
}

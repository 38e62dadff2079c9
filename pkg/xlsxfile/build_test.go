package xlsxfile

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// A testBook is a workbook package written part by part, so a test
// controls every byte of its XML.
type testBook struct {
	sheets   []testSheet
	sst      string // the si elements of xl/sharedStrings.xml; "" for none
	wbPr     string // the workbookPr element, "" for none
	extra    map[string]string
	noRels   bool // no _rels/.rels: the workbook found at xl/workbook.xml
	relsType string
}

type testSheet struct {
	name, xml, state string
}

const mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// ws is a worksheet part whose sheetData holds rows.
func ws(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + mainNS + `><dimension ref="A1"/><sheetData>` + rows + `</sheetData></worksheet>`
}

func (tb testBook) bytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, data string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)
	typ := tb.relsType
	if typ == "" {
		typ = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	}
	if !tb.noRels {
		put("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+typ+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	}
	var wb, rels strings.Builder
	wb.WriteString(`<?xml version="1.0"?><workbook ` + mainNS + `>` + tb.wbPr + `<sheets>`)
	rels.WriteString(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, s := range tb.sheets {
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, typ, i+1)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml)
	}
	if tb.sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/sharedStrings" Target="/xl/sharedStrings.xml"/>`, len(tb.sheets)+1, typ)
		put("xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+tb.sst+`</sst>`)
	}
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	put("xl/workbook.xml", wb.String())
	put("xl/_rels/workbook.xml.rels", rels.String())
	for name, data := range tb.extra {
		put(name, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open reads the package, failing the test when it is refused.
func (tb testBook) open(t testing.TB) *Book {
	t.Helper()
	b, bad, _ := Read(context.Background(), bytes.NewReader(tb.bytes(t)))
	if bad != nil {
		t.Fatalf("refused: %v", bad)
	}
	return b
}

// oneSheet is a book of one sheet, Sheet1, holding rows.
func oneSheet(rows string) testBook {
	return testBook{sheets: []testSheet{{name: "Sheet1", xml: ws(rows)}}}
}

// zipOf is a zip archive of the named parts, in order.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

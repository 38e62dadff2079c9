package xlsxfile

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/parse"
)

// FuzzRows reads any bytes as the XML of a sheet (and of the shared
// strings): the reader never panics nor hangs, holds a row at a time, and
// what it gives holds together: rows in order, cells in column order within
// the sheet, numbers normalized and readable, booleans TRUE or FALSE; what
// stops it is a *SheetError.
func FuzzRows(f *testing.F) {
	for _, s := range []string{
		ws(`<row r="1"><c r="A1"><v>82.150000000000006</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c></row>`),
		ws(`<row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c><c t="d"><v>2025-01-15T00:00:00</v></c></row><row r="9"/>`),
		ws(`<row r="2"><c r="A2"><f>SUM(A1)</f></c><c r="B2" t="str"><f>X</f><v></v></c><c r="C2" t="e"><v>#N/A</v></c></row>`),
		ws(`<row r="3"/><row r="2"/>`),
		ws(`<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>`),
		ws(`<row r="1"><c r="A1"><v>1</v></rox>`),
		`<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c><x:v>1E-3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		ws(`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>_xD83D__xDE00_</t></is></c></row>`),
		"", "<", "<worksheet/><worksheet/>", `<!DOCTYPE x [<!ENTITY a "b">]><worksheet>&a;</worksheet>`,
	} {
		f.Add([]byte(s), []byte(`<si><t>x</t></si><si><r><t>y</t></r></si>`))
	}
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		tb := testBook{sheets: []testSheet{{name: "S", xml: string(sheet)}}, sst: string(sst)}
		b, bad, _ := Read(context.Background(), bytes.NewReader(tb.bytes(t)))
		if bad != nil {
			return // the shared strings part spoiled the package
		}
		rows, err := b.Rows(context.Background(), "S")
		if err != nil {
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("Rows: %v", err)
			}
			return
		}
		defer rows.Close()
		prev := 0
		for rows.Next() {
			if rows.Row() <= prev || rows.Row() > maxRows {
				t.Fatalf("row %d after row %d", rows.Row(), prev)
			}
			prev = rows.Row()
			col := 0
			cells := rows.Cells()
			if len(cells) == 0 {
				t.Fatalf("row %d holds nothing", prev)
			}
			for _, c := range cells {
				if c.Col <= col || c.Col > maxColumns {
					t.Fatalf("row %d: column %d after %d", prev, c.Col, col)
				}
				col = c.Col
				switch c.Kind {
				case Number:
					if n, ok := normalize([]byte(c.Value)); !ok || n != c.Value {
						t.Fatalf("number %q not normalized (%q)", c.Value, n)
					}
					if _, err := parse.Raw(c.Value); err != nil {
						t.Fatalf("number %q: %v", c.Value, err)
					}
				case Bool:
					if c.Value != "TRUE" && c.Value != "FALSE" {
						t.Fatalf("boolean %q", c.Value)
					}
				case Blank:
					t.Fatal("a blank cell among the cells")
				}
			}
			if d, v := rows.Dense(), rows.Values(); len(d) != col || len(v) != col {
				t.Fatalf("dense %d, values %d, last column %d", len(d), len(v), col)
			}
		}
		if err := rows.Err(); err != nil {
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v", err, err)
			}
		}
	})
}

// FuzzScanner checks the scanner against encoding/xml: a document the
// scanner reads whole, encoding/xml reads too, with the same elements,
// attributes and text (it may refuse more: DOCTYPEs, non-ASCII names).
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		ws(`<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b&#x41;&#66;&lt;</t></is></c></row>`),
		"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b='1' c=\"x>y\"><!-- c --><![CDATA[<raw>&amp;]]>t\r\nu\rv</a>",
		`<x:a xmlns:x="u"><x:b/></x:a>`, "<a></b>", "<a>", "</a>", "<a/><b/>", "x<a/>", "<a b=1/>", "<a b='<'/>", "<a>&bogus;</a>",
		"<a>\x01</a>", "<a>\xff</a>", "<?xml version='1.0' encoding='latin1'?><a/>", "<!DOCTYPE a><a/>", "<a b='1'c='2'/>", "<a:b:c/>", "<a>&#0;</a>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		mine, err := scanAll(newScanner(bytes.NewReader(data)))
		if err != nil {
			return
		}
		theirs, err := decodeAll(data)
		if err != nil {
			t.Fatalf("the scanner reads %q, encoding/xml refuses it: %v", data, err)
		}
		if !slices.Equal(mine, theirs) {
			t.Fatalf("%q\nscanner:      %q\nencoding/xml: %q", data, mine, theirs)
		}
	})
}

// scanAll lists a document's tokens as the scanner reads them, adjacent
// texts joined.
func scanAll(s *scanner) ([]string, error) {
	var out []string
	for {
		k, err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch k {
		case tokStart:
			tok := "<" + string(s.name)
			for _, a := range s.attrs {
				v, err := s.decode(s.buf[s.tok+a.value[0]:s.tok+a.value[1]], false)
				if err != nil {
					return nil, err
				}
				tok += fmt.Sprintf(" %s=%q", s.buf[s.tok+a.name[0]:s.tok+a.name[1]], v)
			}
			out = append(out, tok+">")
		case tokEnd:
			out = append(out, "</"+string(s.name)+">")
		case tokText:
			out = appendText(out, string(s.text))
		}
	}
}

// decodeAll lists a document's tokens as encoding/xml reads them, with the
// checks RawToken leaves to its caller (end tags match, one root).
func decodeAll(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out, open []string
	roots := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 || roots != 1 {
				return nil, fmt.Errorf("open %v, %d roots", open, roots)
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		name := func(n xml.Name) string {
			if n.Space != "" {
				return n.Space + ":" + n.Local
			}
			return n.Local
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) == 0 {
				roots++
			}
			open = append(open, name(t.Name))
			s := "<" + name(t.Name)
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s=%q", name(a.Name), a.Value)
			}
			out = append(out, s+">")
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != name(t.Name) {
				return nil, fmt.Errorf("end %s, open %v", name(t.Name), open)
			}
			open = open[:len(open)-1]
			out = append(out, "</"+name(t.Name)+">")
		case xml.CharData:
			if len(open) > 0 {
				out = appendText(out, string(t))
			}
		}
	}
}

func appendText(out []string, text string) []string {
	if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "text ") {
		out[n-1] += text
		return out
	}
	return append(out, "text "+text)
}

package xlsxfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/findings"
)

// readAll reads every row of a sheet as "row: col kind value [=formula]; …".
func readAll(t *testing.T, b *Book, sheet string) ([]string, error) {
	t.Helper()
	rows, err := b.Rows(context.Background(), sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cells []string
		for _, c := range rows.Cells() {
			s := fmt.Sprintf("%s %s %s", CellName(c.Col, rows.Row()), c.Kind, c.Value)
			if c.Formula != "" {
				s += " =" + c.Formula
			}
			cells = append(cells, s)
		}
		out = append(out, strings.Join(cells, "; "))
	}
	return out, rows.Err()
}

func TestRowsKinds(t *testing.T) {
	tb := oneSheet(`<row r="1" spans="1:12">` +
		`<c r="A1"><v>82.150000000000006</v></c>` +
		`<c r="B1" t="s"><v>0</v></c>` +
		`<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Sa</t></r><r><t xml:space="preserve">úde </t></r><rPh sb="0" eb="1"><t>fonética</t></rPh></is></c>` +
		`<c r="D1" t="b"><v>1</v></c>` +
		`<c r="E1" t="e"><v>#DIV/0!</v></c>` +
		`<c r="F1" t="d"><v>2025-01-15T00:00:00</v></c>` +
		`<c r="G1"><f>SUM(A2:A9)</f></c>` +
		`<c r="H1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
		`<c r="I1" s="3"/>` +
		`<c r="J1" t="inlineStr"><is><t>linha_x000D_nova</t></is></c>` +
		`<c r="K1" t="s"><v>1</v></c>` +
		`<c r="L1" t="b"><v>0</v></c>` +
		`</row>` +
		`<row r="2" s="4" customFormat="1"><c r="A2" s="4"/><c r="B2" t="s"><v>2</v></c></row>` + // an empty shared string
		`<row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="B3" t="str"><f>""</f><v></v></c><c r="C3"><v>0.30000000000000004</v></c></row>` +
		`<row><c><v>1E-3</v></c><c><v>-7</v></c><c r="E4" t="d"><v>2025-02-01</v></c></row>` +
		`<row r="9"/>`)
	tb.sst = `<si><t>Ol&amp;á</t></si><si><r><t>R$ </t></r><r><rPr><i/></rPr><t>1_x005F_x0041_</t></r></si><si><t/></si>`
	got, err := readAll(t, tb.open(t), "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"A1 number 82.15; B1 text Ol&á; C1 text Saúde ; D1 boolean TRUE; E1 error #DIV/0!; F1 date 2025-01-15; G1 formula without a value  =SUM(A2:A9); " +
			`H1 text ab ="a"&"b"; J1 text linha` + "\r" + `nova; K1 text R$ 1_x0041_; L1 boolean FALSE`,
		// row 2 holds nothing
		"A3 formula without a value ; C3 number 0.3",
		"A4 number 0.001; B4 number -7; E4 date 2025-02-01",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Dense and Values index the row by column, blanks filled in.
func TestRowsDense(t *testing.T) {
	b := oneSheet(`<row r="2"><c r="B2"><v>1</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><f>X</f></c></row>`).open(t)
	rows, err := b.Rows(context.Background(), "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() || rows.Row() != 2 {
		t.Fatalf("no row 2: %v", rows.Err())
	}
	if got := rows.Values(); !slices.Equal(got, []string{"", "1", "", "TRUE", ""}) {
		t.Errorf("values %q", got)
	}
	d := rows.Dense()
	if len(d) != 5 || d[0].Kind != Blank || d[0].Col != 1 || d[3].Kind != Bool || d[4].Kind != Formula || d[4].Formula != "X" {
		t.Errorf("dense %+v", d)
	}
	if rows.Next() || rows.Err() != nil {
		t.Errorf("a second row, or %v", rows.Err())
	}
}

// Element names with a prefix (some writers bind the main namespace to x:)
// read alike.
func TestRowsPrefixed(t *testing.T) {
	sheet := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	b := testBook{sheets: []testSheet{{name: "Sheet1", xml: sheet}}}.open(t)
	got, err := readAll(t, b, "Sheet1")
	if err != nil || !slices.Equal(got, []string{"A1 text id; B1 number 2.5"}) {
		t.Errorf("%q %v", got, err)
	}
}

// Anything but rows in order, each once, with cells in order, each once,
// is refused, naming the sheet and the row: excelize merged such rows and
// cells silently, which changes a sum.
func TestRowsRefused(t *testing.T) {
	ok := `<row r="1"><c r="A1"><v>1</v></c></row>`
	for _, c := range []struct {
		name, rows string
		row        int
		msg, cell  string // cell: the cell named, "" when the error concerns none
	}{
		{"rows out of order", ok + `<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`, 2, "the row comes after row 3", ""},
		{"row twice", ok + `<row r="2"><c r="A2"><v>2</v></c></row><row r="2"><c r="B2"><v>5</v></c></row>`, 2, "the row appears twice", ""},
		{"row twice, the second without r", ok + `<row r="2"/><row><c r="A2"><v>2</v></c></row>`, 2, "the row appears twice", ""},
		{"cell twice", ok + `<row r="2"><c r="A2"><v>2</v></c><c r="A2"><v>5</v></c></row>`, 2, "cell A2 appears twice", "A2"},
		{"cells out of order", ok + `<row r="2"><c r="C2"><v>2</v></c><c r="B2"><v>5</v></c></row>`, 2, "cell B2 comes after C2", "B2"},
		{"cell in another row", ok + `<row r="2"><c r="A3"><v>2</v></c></row>`, 2, "cell A3 is inside row 2", ""},
		{"a bad row number", ok + `<row r="x"/>`, 1, `a row is numbered "x"`, ""},
		{"row 0", `<row r="0"/>`, 0, `a row is numbered "0"`, ""},
		{"past the last row", ok + `<row r="1048577"/>`, 1, "numbered", ""},
		{"a bad cell name", ok + `<row r="2"><c r="2A"><v>2</v></c></row>`, 2, `a cell is named "2A"`, ""},
		{"past the last column", ok + `<row r="2"><c r="XFD2"><v>2</v></c><c><v>3</v></c></row>`, 2, "past the last column", ""},
		{"malformed XML mid-sheet", ok + `<row r="2"><c r="A2"><v>2</v></c></rox><row r="3"/>`, 2, "element <row> closed by </rox>", ""},
		{"an unknown type", ok + `<row r="2"><c r="A2" t="q"><v>2</v></c></row>`, 2, `unknown type t="q"`, "A2"},
		{"a boolean that is none", ok + `<row r="2"><c r="A2" t="b"><v>2</v></c></row>`, 2, `boolean cell holding "2"`, "A2"},
		{"a shared string that is not there", ok + `<row r="2"><c r="A2" t="s"><v>7</v></c></row>`, 2, "shared string \"7\"", "A2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := oneSheet(c.rows).open(t)
			got, err := readAll(t, b, "Sheet1")
			var se *SheetError
			if !errors.As(err, &se) || se.Sheet != "Sheet1" || se.Row != c.row || !strings.Contains(se.Err.Error(), c.msg) {
				t.Fatalf("rows %q, error %v; want sheet Sheet1, row %d: %s", got, err, c.row, c.msg)
			}
			if f := UnreadableSheet("Sheet1", err); se.Cell != c.cell || f.Cell != c.cell || f.Code != findings.Unreadable || !strings.HasPrefix(f.Message, "the sheet cannot be read: ") || !strings.Contains(f.Message, c.msg) {
				t.Errorf("cell %q, finding %v, want %q", se.Cell, UnreadableSheet("Sheet1", err), c.cell)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("sheet Sheet1, row %d: ", c.row)) && c.row > 0 {
				t.Errorf("message %q does not name the sheet and row", err)
			}
		})
	}
	// An XML cut short (a truncated part whose zip entry is consistent).
	b := testBook{sheets: []testSheet{{name: "Sheet1", xml: ws(ok)[:len(ws(ok))-30]}}}.open(t)
	if _, err := readAll(t, b, "Sheet1"); err == nil || !strings.Contains(err.Error(), "open") {
		t.Errorf("a truncated sheet: %v", err)
	}
}

// A text longer than a cell holds is kept up to maxCellText bytes, on a
// character boundary, through entities and chunks alike; a number that
// long is no number.
func TestRowsHugeCells(t *testing.T) {
	long := strings.Repeat("é&amp;", 3*textChunk/7)
	digits := strings.Repeat("1234567890", 500000)
	b := oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + long + `</t></is></c><c r="B1"><v>` + digits + `</v></c><c r="C1"><v>7</v></c></row>`).open(t)
	rows, err := b.Rows(context.Background(), "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
	c := rows.Cells()
	if len(c) != 3 || c[0].Kind != Text || len(c[0].Value) > maxCellText || len(c[0].Value) < maxCellText-3 || !utf8.ValidString(c[0].Value) || !strings.HasPrefix(c[0].Value, "é&é&") {
		t.Fatalf("%d cells; A1 %s of %d bytes", len(c), c[0].Kind, len(c[0].Value))
	}
	if c[1].Kind != Text || len(c[1].Value) != maxCellText || c[2].Value != "7" {
		t.Errorf("B1 %s of %d bytes, C1 %q", c[1].Kind, len(c[1].Value), c[2].Value)
	}
	if _, err := c[1].Number(); err == nil {
		t.Error("a number of 5,000,000 digits read")
	}
}

// Rows without r follow the one before; cells without r too.
func TestRowsWithoutNumbers(t *testing.T) {
	b := oneSheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c r="C3"><v>3</v></c><c><v>4</v></c></row><row r="7"><c><v>7</v></c></row><row><c><v>8</v></c></row>`).open(t)
	got, err := readAll(t, b, "Sheet1")
	want := []string{"A1 number 1; B1 number 2", "C3 number 3; D3 number 4", "A7 number 7", "A8 number 8"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("%q %v", got, err)
	}
}

// A sheet of many styled empty rows (an accountant's template) yields only
// the rows that hold values.
func TestRowsSkipsStyledBlanks(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>campo</t></is></c></row>`)
	for i := 2; i <= 5000; i++ {
		fmt.Fprintf(&sb, `<row r="%d" s="2" customFormat="1" ht="15"><c r="A%d" s="2"/><c r="B%d" s="5"/></row>`, i, i, i)
	}
	sb.WriteString(`<row r="5001"><c r="B5001"><v>1</v></c></row>`)
	got, err := readAll(t, oneSheet(sb.String()).open(t), "Sheet1")
	if err != nil || !slices.Equal(got, []string{"A1 text campo", "B5001 number 1"}) {
		t.Errorf("%q %v", got, err)
	}
}

// A done context stops the reading of a big sheet within checkEvery rows.
func TestRowsContext(t *testing.T) {
	var sb strings.Builder
	for i := 1; i <= 50000; i++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
	}
	b := oneSheet(sb.String()).open(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows, err := b.Rows(ctx, "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n == 10 {
			cancel()
		}
	}
	if !errors.Is(rows.Err(), context.Canceled) || n > checkEvery {
		t.Errorf("read %d rows after the cancel, error %v", n, rows.Err())
	}
	// Cancelled before: Rows or the first rows stop.
	start := time.Now()
	rows2, err := b.Rows(ctx, "Sheet1")
	if err == nil {
		for rows2.Next() {
		}
		err = rows2.Err()
		rows2.Close()
	}
	if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("cancelled read: %v in %v", err, time.Since(start))
	}
	// Uncancelled, every row.
	got, err := readAll(t, b, "Sheet1")
	if err != nil || len(got) != 50000 {
		t.Errorf("%d rows, %v", len(got), err)
	}
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		name     string
		col, row int
	}{{"A1", 1, 1}, {"Z9", 26, 9}, {"AA10", 27, 10}, {"AZ1", 52, 1}, {"XFD1048576", maxColumns, maxRows}} {
		if got := CellName(c.col, c.row); got != c.name {
			t.Errorf("CellName(%d, %d) = %s, want %s", c.col, c.row, got, c.name)
		}
		if col, row, ok := ParseCellName(c.name); !ok || col != c.col || row != c.row {
			t.Errorf("ParseCellName(%s) = %d, %d, %v", c.name, col, row, ok)
		}
		if col, row, ok := ParseCellName(strings.ToLower(c.name)); !ok || col != c.col || row != c.row {
			t.Errorf("ParseCellName(%s) = %d, %d, %v", strings.ToLower(c.name), col, row, ok)
		}
	}
	for _, s := range []string{"", "A", "1", "A0", "XFE1", "A1048577", "AAAA1", "A-1", "A1B", "$A$1", "A 1", "A99999999999999999999"} {
		if col, row, ok := ParseCellName(s); ok {
			t.Errorf("ParseCellName(%q) = %d, %d", s, col, row)
		}
	}
	for _, c := range [][2]int{{0, 5}, {2, 0}, {-1, 1}, {0, 0}} { // a column, a row, no cell
		if got := CellName(c[0], c[1]); got != "" {
			t.Errorf("CellName(%d, %d) = %q, want \"\"", c[0], c[1], got)
		}
	}
}

// BenchmarkRows streams a sheet of 50,000 rows of eight cells (the shape
// of a beneficiary sheet), taking each row's values.
func BenchmarkRows(b *testing.B) {
	var sb strings.Builder
	for i := 1; i <= 50000; i++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>P%02d</t></is></c><c r="C%d" t="inlineStr"><is><t>individual</t></is></c><c r="D%d" t="inlineStr"><is><t>medico_hospitalar</t></is></c><c r="E%d" t="inlineStr"><is><t>nenhuma</t></is></c><c r="F%d" t="inlineStr"><is><t>S</t></is></c><c r="G%d" t="inlineStr"><is><t>N</t></is></c><c r="H%d" t="inlineStr"><is><t>N</t></is></c></row>`,
			i, i, 100000+i, i, i%37, i, i, i, i, i, i)
	}
	data := oneSheet(sb.String()).bytes(b)
	b.SetBytes(int64(len(ws(sb.String()))))
	for b.Loop() {
		book, bad, _ := Read(context.Background(), bytes.NewReader(data))
		if bad != nil {
			b.Fatal(bad)
		}
		rows, err := book.Rows(context.Background(), "Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			rows.Values()
			n++
		}
		rows.Close()
		if n != 50000 || rows.Err() != nil {
			b.Fatal(n, rows.Err())
		}
	}
}

// HeaderColumns maps known names (case, blanks, a byte-order mark forgiven; a
// repeated name at its first column) and lists the other columns.
func TestHeaderColumns(t *testing.T) {
	known := func(h string) bool { return h == "produto" || h == "valor" }
	cols, extra := HeaderColumns([]string{"\ufeffProduto", "", " VALOR ", "nota", "produto", "x"}, known)
	if !reflect.DeepEqual(cols, map[string]int{"produto": 0, "valor": 2}) || !slices.Equal(extra, []int{3, 5}) {
		t.Errorf("cols %v, extra %v", cols, extra)
	}
	if cols, extra := HeaderColumns(nil, known); len(cols) != 0 || cols == nil || extra != nil {
		t.Errorf("no header: cols %v, extra %v", cols, extra)
	}
}

// Header gives row 1's values; without a row 1 it gives nil and leaves the
// first row to Next.
func TestRowsHeader(t *testing.T) {
	for _, c := range []struct {
		name, rows string
		head       []string
		next       []int // the rows Next gives after Header
	}{
		{"header and rows", `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="C1" t="inlineStr"><is><t>valor</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row>`, []string{"id", "", "valor"}, []int{2}},
		{"no header", `<row r="3"><c r="A3"><v>7</v></c></row><row r="4"><c r="A4"><v>8</v></c></row>`, nil, []int{3, 4}},
		{"an empty row 1 is no header", `<row r="1"><c r="A1" s="1"/></row><row r="2"><c r="A2"><v>7</v></c></row>`, nil, []int{2}},
		{"header only", `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`, []string{"id"}, nil},
		{"nothing", ``, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, err := oneSheet(c.rows).open(t).Rows(context.Background(), "Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			if head := rows.Header(); !slices.Equal(head, c.head) {
				t.Errorf("header %q, want %q", head, c.head)
			}
			var next []int
			for rows.Next() {
				next = append(next, rows.Row())
			}
			if !slices.Equal(next, c.next) || rows.Err() != nil {
				t.Errorf("rows %v (%v), want %v", next, rows.Err(), c.next)
			}
		})
	}
}

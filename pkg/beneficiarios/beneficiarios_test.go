package beneficiarios

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/csvfile"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/xlsxfile/xlsxtest"
)

const maxLine = csvfile.MaxLine

const header = "id,produto,tipo_contratacao,segmento,remissao,promoprev,parto_adequado,aps\n"

func places(l findings.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code+" "+f.Where())
	}
	return out
}

func counts(b *capital.Beneficiarios) string {
	return fmt.Sprintf("total %d promoprev %d parto %d aps %d", b.Total, b.Promoprev, b.PartoAdequado, b.APS)
}

func TestReadCSV(t *testing.T) {
	cases := []struct {
		name, data string
		want       string   // counts, "" when nil
		findings   []string // code and place
	}{
		// 4 rows: promoprev S on rows 2 and 4, aps S on row 3, one blank line skipped.
		{"utf-8 comma", header +
			"1,P1,individual,medico_hospitalar,nenhuma,S,N,N\n" +
			"2,P1,individual,medico_hospitalar,nenhuma,N,,S\n" +
			"\n" +
			"3,P2,coletivo_empresarial,odontologico,clausula_temporaria,s,S,n\n" +
			"4,P2,coletivo_adesao,medico_hospitalar,nenhuma,,,\n",
			"total 4 promoprev 2 parto 1 aps 1", nil},
		{"latin-1 semicolon with BOM and CRLF", "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(header, ",", ";"), "\n", "\r\n") +
			"1;Sa\xfade Ouro;individual;medico_hospitalar;nenhuma;S;N;S\r\n",
			"total 1 promoprev 1 parto 0 aps 1", nil},
		{"quoted separator", header + "1,\"P,1\",individual,medico_hospitalar,nenhuma,N,N,N\n", "total 1 promoprev 0 parto 0 aps 0", nil},
		{"bad flag and code", header +
			"1,P1,individual,medico_hospitalar,nenhuma,talvez,N,N\n" +
			"2,P1,familiar,medico_hospitalar,nenhuma,N,N,N\n",
			"total 2 promoprev 0 parto 0 aps 0", []string{"CR-E009 b.csv!F2", "CR-E009 b.csv!C3"}},
		{"empty produto", header + "1,,individual,medico_hospitalar,nenhuma,N,N,N\n", "total 1 promoprev 0 parto 0 aps 0", []string{"CR-E005 b.csv!B2"}},
		{"missing column", "id,produto,segmento,remissao\n1,P,medico_hospitalar,nenhuma\n", "", []string{"CR-E003 b.csv (column tipo_contratacao)"}},
		{"optional flags absent", "id,produto,tipo_contratacao,segmento,remissao\n1,P,individual,odontologico,nenhuma\n", "total 1 promoprev 0 parto 0 aps 0", nil},
		{"extra column", "id,produto,tipo_contratacao,segmento,remissao,idade\n1,P,individual,odontologico,nenhuma,40\n", "total 1 promoprev 0 parto 0 aps 0", []string{"CR-W002 b.csv!F1"}},
		{"empty file", "", "", []string{"CR-E003 b.csv (column id)", "CR-E003 b.csv (column produto)", "CR-E003 b.csv (column tipo_contratacao)", "CR-E003 b.csv (column segmento)", "CR-E003 b.csv (column remissao)"}},
		{"header only", header, "total 0 promoprev 0 parto 0 aps 0", nil},
		{"broken quotes", header + "1,\"P1,individual\n", "", []string{"CR-E001 b.csv!A2"}},
		{"a line without end", "id" + strings.Repeat("x", maxLine+10), "", []string{"CR-E001 b.csv!A1"}},
		// Line 3 has 5 fields of the header's 8: not counted, named. Line 4 has
		// only separators: a blank row. Line 5 has more fields: the extra is not read.
		{"short line", header +
			"1,P1,individual,medico_hospitalar,nenhuma,S,N,N\n" +
			"2,P1,individual,medico_hospitalar,nenhuma\n" +
			",,\n" +
			"3,P1,individual,medico_hospitalar,nenhuma,S,N,N,x\n",
			"total 2 promoprev 2 parto 0 aps 0", []string{"CR-E001 b.csv!A3"}},
		// A header with trailing empty names: a line may stop at its last named column.
		{"header with empty names after the columns", strings.TrimSuffix(header, "\n") + ",,\n" +
			"1,P1,individual,medico_hospitalar,nenhuma,S,N,N\n",
			"total 1 promoprev 1 parto 0 aps 0", nil},
		// Classic Mac line endings: 3 rows, not one line.
		{"CR alone", strings.ReplaceAll(header+
			"1,P1,individual,medico_hospitalar,nenhuma,S,N,N\n"+
			"2,P1,individual,medico_hospitalar,nenhuma,N,S,N\n"+
			"3,P2,individual,odontologico,nenhuma,N,N,S\n", "\n", "\r"),
			"total 3 promoprev 1 parto 1 aps 1", nil},
		// A CR inside quotes is data (product "P\r1"), not a line end: the
		// second row is line 3.
		{"CR inside quotes", strings.ReplaceAll(header, "\n", "\r") +
			"1,\"P\r1\",individual,medico_hospitalar,nenhuma,S,N,N\r" +
			"2,P1,familiar,medico_hospitalar,nenhuma,N,N,N\r",
			"total 2 promoprev 1 parto 0 aps 0", []string{"CR-E009 b.csv!C3"}},
		// CR, CRLF and LF mixed; CR CR is a blank line.
		{"mixed line ends", "id,produto,tipo_contratacao,segmento,remissao\r\n" +
			"1,P,individual,odontologico,nenhuma\r\r" +
			"2,P,individual,odontologico,nenhuma\n" +
			"3,P,individual,odontologico,xx\r",
			"total 3 promoprev 0 parto 0 aps 0", []string{"CR-E009 b.csv!E5"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, l, _ := ReadCSV(context.Background(), strings.NewReader(c.data), "b.csv")
			got := places(l)
			if !slices.Equal(got, c.findings) {
				t.Errorf("findings %v, want %v", got, c.findings)
			}
			switch {
			case c.want == "" && b != nil:
				t.Errorf("counts %s, want none", counts(b))
			case c.want != "" && b == nil:
				t.Errorf("no counts, want %s", c.want)
			case c.want != "" && counts(b) != c.want:
				t.Errorf("%s, want %s", counts(b), c.want)
			}
		})
	}
	b, _, _ := ReadCSV(context.Background(), strings.NewReader("id;produto;tipo_contratacao;segmento;remissao\n1;Sa\xfade;individual;odontologico;remido_vitalicio\n"), "b.csv")
	if b.PorProduto["Saúde"] != 1 || b.Remissao["remido_vitalicio"] != 1 {
		t.Errorf("latin-1 product or remission: %v %v", b.PorProduto, b.Remissao)
	}
}

// More than findings.MaxErrorsPerSheet bad rows: the reading stops, with a
// finding that says so.
func TestReadCSVCapsErrors(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header)
	for i := range 200 {
		fmt.Fprintf(&sb, "%d,P,individual,medico_hospitalar,nenhuma,X,N,N\n", i)
	}
	_, l, _ := ReadCSV(context.Background(), strings.NewReader(sb.String()), "b.csv")
	if n := findings.MaxErrorsPerSheet; len(l) != n+1 || !strings.Contains(l[n].Message, "the rest are not listed") {
		t.Errorf("%d findings, last %v", len(l), l[len(l)-1])
	}
}

func TestReadXLSX(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "beneficiarios"); err != nil { // case forgiven
		t.Fatal(err)
	}
	rows := [][]any{
		{"id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"},
		{1, "P1", "individual", "medico_hospitalar", "nenhuma", "S", "N", "S"},
		{2, "P1", "individual", "medico_hospitalar", "nenhuma", "N", "N", "S"},
		{3, "P2", "individual", "medico_hospitalar", "remido", "S", "N", "N"},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("beneficiarios", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "b.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	b, l, _ := Read(context.Background(), path)
	if b == nil || counts(b) != "total 3 promoprev 2 parto 0 aps 2" {
		t.Fatalf("counts %v", b)
	}
	if got := places(l); !slices.Equal(got, []string{"CR-E009 Beneficiarios!E4"}) {
		t.Errorf("findings %v", got)
	}
	// A workbook without the sheet, and a file that is not one.
	g := excelize.NewFile()
	other := filepath.Join(dir, "o.xlsx")
	if err := g.SaveAs(other); err != nil {
		t.Fatal(err)
	}
	if b, l, _ := Read(context.Background(), other); b != nil || len(l) != 1 || l[0].Code != findings.MissingSheet {
		t.Errorf("no sheet: %v %v", b, l)
	}
	junk := filepath.Join(dir, "j.xlsx")
	if err := os.WriteFile(junk, []byte("id,produto\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, l, _ := Read(context.Background(), junk); b != nil || len(l) != 1 || l[0].Code != findings.Unreadable {
		t.Errorf("junk: %v %v", b, l)
	}
	if b, l, _ := Read(context.Background(), filepath.Join(dir, "nothere.csv")); b != nil || len(l) != 1 || l[0].Code != findings.Unreadable {
		t.Errorf("missing csv: %v %v", b, l)
	}
}

// A done context stops a long read with its error.
func TestReadCSVInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := header + strings.Repeat("1,P,individual,medico_hospitalar,nenhuma,S,N,N\n", 3*checkEvery)
	if b, _, err := ReadCSV(ctx, strings.NewReader(data), "b.csv"); b != nil || err != context.Canceled {
		t.Errorf("counts %v, err %v", b, err)
	}
	if b, _, err := ReadCSV(context.Background(), strings.NewReader(data), "b.csv"); err != nil || b.Total != 3*checkEvery {
		t.Errorf("counts %v, err %v", b, err)
	}
}

// testRow is the i-th (0-based) row of the test files.
func testRow(i int) []any {
	tipos, rems := []string{"individual", "coletivo_empresarial", "coletivo_adesao"}, []string{"nenhuma", "nenhuma", "clausula_temporaria", "remido_vitalicio"}
	flag := func(k int) string { return []string{"N", "S"}[(i/k)%2] }
	return []any{100000 + i, fmt.Sprintf("P%02d", i%37), tipos[i%3], "medico_hospitalar", rems[i%4], flag(2), flag(3), flag(5)}
}

// writeXLSX writes rows to a Beneficiarios sheet at path; spoil, when not
// nil, rewrites the sheet's XML.
func writeXLSX(t testing.TB, path string, rows int, spoil func([]byte) []byte) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", SheetName)
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"})
	for i := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, testRow(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if spoil != nil {
		data = xlsxtest.Rewrite(t, data, func(part string, xml []byte) []byte {
			if part == "xl/worksheets/sheet1.xml" {
				return spoil(xml)
			}
			return xml
		})
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Malformed XML in the sheet is refused, naming the row it follows, not
// read as a shorter sheet; so are rows out of order.
func TestReadXLSXMalformed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.xlsx")
	for spoil, msg := range map[string]string{
		`</rox><row r="50"`:            "row 49: the XML is malformed: element <sheetData> closed by </rox>",
		`<row r="3"></row><row r="50"`: "row 3: the row comes after row 49",
	} {
		writeXLSX(t, path, 100, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="50"`), []byte(spoil), 1)
		})
		b, l, _ := Read(context.Background(), path)
		if b != nil || len(l) != 1 || l[0].Code != findings.Unreadable || !strings.Contains(l[0].Message, msg) {
			t.Errorf("counts %v, findings %v; want %s", b, l, msg)
		}
	}
	writeXLSX(t, path, 100, nil)
	if b, l, _ := Read(context.Background(), path); b == nil || b.Total != 100 || len(l) != 0 {
		t.Errorf("counts %v, findings %v", b, l)
	}
}

// Latin-1 after more ASCII than the reader buffers, and lines around the
// length limit, read through any cuts.
func TestReadCSVEncodingAndLimits(t *testing.T) {
	ascii := strings.Repeat("1,P,individual,medico_hospitalar,nenhuma,N,N,N\n", 3000)
	data := header + ascii + "2,Sa\xfade,individual,odontologico,nenhuma,N,N,N\n3,Saúde,individual,odontologico,nenhuma,N,N,N\n"
	for _, r := range []io.Reader{strings.NewReader(data), iotest.HalfReader(strings.NewReader(data)), iotest.OneByteReader(strings.NewReader(data))} {
		b, l, _ := ReadCSV(context.Background(), r, "b.csv")
		if len(l) != 0 || b.PorProduto["Saúde"] != 2 || b.PorProduto["P"] != 3000 {
			t.Errorf("findings %v, products %v", l, b.PorProduto)
		}
	}
	long := func(n int) string { return "id,produto,x" + strings.Repeat("y", n-len("id,produto,x")) + "\n" }
	for _, c := range []struct {
		data string
		ok   bool
	}{
		{header + long(maxLine), true},
		{long(maxLine+1) + header, false},
		{header + "1,P,individual,medico_hospitalar,nenhuma,N,N,N\n" + long(maxLine+1), false},
	} {
		for _, r := range []io.Reader{strings.NewReader(c.data), iotest.HalfReader(strings.NewReader(c.data))} {
			_, l, _ := ReadCSV(context.Background(), r, "b.csv")
			if got := !slices.ContainsFunc(l, func(f findings.Finding) bool { return strings.Contains(f.Message, "longer than") }); got != c.ok {
				t.Errorf("line of %d bytes: read %v, want %v (%v)", len(c.data), got, c.ok, places(l))
			}
		}
	}
}

// Line ends read through any cuts: a CRLF split between two reads is one
// line end, a CR alone is one, a CR in quotes is data; the findings name the
// same lines whatever the line ends.
func TestReadCSVLineEnds(t *testing.T) {
	row := func(i int, tipo string) string {
		return fmt.Sprintf("%d,\"P\r%d\",%s,medico_hospitalar,nenhuma,S,N,N", i, i%2, tipo)
	}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		var sb strings.Builder
		sb.WriteString(strings.TrimSuffix(header, "\n") + eol)
		for i := 2; i <= 200; i++ {
			tipo := "individual"
			if i == 150 {
				tipo = "familiar"
			}
			sb.WriteString(row(i, tipo) + eol)
		}
		sb.WriteString("201,P,individual" + eol)
		data := sb.String()
		for _, r := range []io.Reader{strings.NewReader(data), iotest.HalfReader(strings.NewReader(data)), iotest.OneByteReader(strings.NewReader(data))} {
			b, l, _ := ReadCSV(context.Background(), r, "b.csv")
			if got := places(l); !slices.Equal(got, []string{"CR-E009 b.csv!C150", "CR-E001 b.csv!A201"}) {
				t.Errorf("%q: findings %v", eol, got)
			}
			if b == nil || b.Total != 199 || b.PorProduto["P\r0"] != 100 || b.PorProduto["P\r1"] != 99 {
				t.Errorf("%q: counts %v", eol, b)
			}
		}
	}
}

// A TRUE/FALSE cell is no S or N: refused at its cell, like any other
// value that is not the letter the layout asks for; rows only styled are
// skipped.
func TestReadXLSXTypedCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.xlsx")
	writeXLSX(t, path, 10, func(b []byte) []byte {
		b = regexp.MustCompile(`<c r="F4"[^>]*>.*?</c>`).ReplaceAll(b, []byte(`<c r="F4" t="b"><v>1</v></c>`))
		return bytes.Replace(b, []byte("</sheetData>"), []byte(strings.Repeat(`<row s="3" customFormat="1"><c s="3"/></row>`, 3000)+"</sheetData>"), 1)
	})
	b, l, err := Read(context.Background(), path)
	if err != nil || b == nil || b.Total != 10 {
		t.Fatalf("counts %v, err %v", b, err)
	}
	if got := places(l); !slices.Equal(got, []string{"CR-E009 Beneficiarios!F4"}) || !strings.Contains(l[0].Message, `"TRUE" is not S or N`) {
		t.Errorf("findings %v", l)
	}
}

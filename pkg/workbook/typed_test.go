package workbook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
	"github.com/capreg/capreg/pkg/xlsxfile"
	"github.com/capreg/capreg/pkg/xlsxfile/xlsxtest"
)

// readAll reads a workbook, failing on any error finding.
func readAll(t *testing.T, data []byte) *capital.Input {
	t.Helper()
	in, l, err := workbook.Read(context.Background(), bytes.NewReader(data))
	if err != nil || l.HasErrors() {
		t.Fatalf("%v %v", err, l.Errors())
	}
	return in
}

// sameAsClean checks that a variant of a workbook reads into the same
// input and computes the same result, every amount to its last digit.
func sameAsClean(t *testing.T, clean, variant []byte) {
	t.Helper()
	a, b := readAll(t, clean), readAll(t, variant)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("the inputs differ:\nclean   %s\nvariant %s", ja, jb)
	}
	rb := rulestest.Default(t)
	ra, err1 := capital.Compute(a, rb, capital.Options{})
	rv, err2 := capital.Compute(b, rb, capital.Options{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	fa, fb := report.Figures(ra), report.Figures(rv)
	for _, k := range report.AmountKeys {
		if !fa[k].Value.Equal(fb[k].Value) {
			t.Errorf("%s = %s, clean %s", k, fb[k].Value, fa[k].Value)
		}
	}
	if ra.FactorSet != rv.FactorSet {
		t.Errorf("factor set %s, clean %s", rv.FactorSet, ra.FactorSet)
	}
}

// corpus is the shipped example and the fixtures written by openpyxl and
// LibreOffice.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	ex, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	out["example"] = ex
	paths, _ := filepath.Glob("../../testdata/fixtures/*.xlsx")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = data
	}
	return out
}

// Excel stores a typed 82,15 as the double nearest to it, written with 17
// significant digits (82.150000000000006): a workbook so written reads as
// its clean twin, to the last digit of every amount.
func TestExcelDoublesReadAsTyped(t *testing.T) {
	total := 0
	for name, clean := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			noisy, n := xlsxtest.ExcelDoubles(t, clean)
			total += n
			sameAsClean(t, clean, noisy)
		})
	}
	if total < 100 {
		t.Errorf("only %d values gained digits: the test tests little", total)
	}
}

// The same dates in a workbook of the 1904 date system (Excel for Mac;
// LibreOffice keeps it): every date serial 1462 smaller, workbookPr
// date1904 set. And the same dates as ISO date cells (t="d").
func TestOtherDateSystemsReadAsClean(t *testing.T) {
	shifted, iso := 0, 0
	for name, clean := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			attrs := []string{`date1904="1"`}
			if name == "example" {
				attrs = append(attrs, `date1904="true"`)
			}
			for _, attr := range attrs {
				variant, n := xlsxtest.Date1904(t, clean, attr)
				if shifted += n; n > 0 {
					sameAsClean(t, clean, variant)
				}
			}
			if variant, n := xlsxtest.ISODates(t, clean); n > 0 {
				iso += n
				sameAsClean(t, clean, variant)
			}
		})
	}
	if shifted < 20 || iso < 10 {
		t.Errorf("only %d serials shifted and %d ISO dates: the test tests little", shifted, iso)
	}
}

// An accountant's template: a campo | valor sheet with thousands of styled
// empty rows reads as the clean one.
func TestStyledBlankRows(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range []string{"PLA", "Operadora", "ABI"} {
		part := xlsxtest.SheetPart(t, clean, sheet)
		styled := xlsxtest.Rewrite(t, clean, func(name string, data []byte) []byte {
			if name != part {
				return data
			}
			var b strings.Builder
			for r := 100; r < 5100; r++ {
				fmt.Fprintf(&b, `<row r="%d" s="1" customFormat="1" ht="15" customHeight="1"><c r="A%d" s="1"/><c r="B%d" s="2"/><c r="C%d" s="1" t="inlineStr"><is><t></t></is></c></row>`, r, r, r, r)
			}
			return bytes.Replace(data, []byte("</sheetData>"), []byte(b.String()+"</sheetData>"), 1)
		})
		t.Run(sheet, func(t *testing.T) { sameAsClean(t, clean, styled) })
	}
}

// findingsOf reads a workbook and lists its findings as "CODE Sheet!Cell".
func findingsOf(t *testing.T, data []byte) ([]string, findings.List) {
	t.Helper()
	_, l, err := workbook.Read(context.Background(), bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range l.Errors() {
		out = append(out, f.Code+" "+f.Where())
	}
	return out, l
}

// A TRUE/FALSE cell is never a number, a date, a month or a code: each is
// an error at its cell, where excelize read 1 or 0 (hc = TRUE made SUS
// zero).
func TestBooleansRefused(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sheet, axis, want string
	}{
		{"Operadora", "B8", "CR-E006 Operadora!B8"},   // hc
		{"Operadora", "B9", "CR-E008 Operadora!B9"},   // governanca_relatorio_data
		{"Operadora", "B4", "CR-E008 Operadora!B4"},   // data_base
		{"Operadora", "B7", "CR-E009 Operadora!B7"},   // regiao
		{"Operadora", "B15", "CR-E009 Operadora!B15"}, // a situação flag, S or N
		{"Operadora", "B2", "CR-E012 Operadora!B2"},   // registro_ans
		{"PLA", "B2", "CR-E006 PLA!B2"},               // pl
		{"Contraprestacoes", "D2", "CR-E006 Contraprestacoes!D2"},
		{"Contraprestacoes", "A2", "CR-E008 Contraprestacoes!A2"}, // competencia
	} {
		for _, v := range []string{"1", "0"}[:1+len(c.want)%2] { // FALSE too, for some
			axis := c.axis
			variant := xlsxtest.SetCell(t, clean, c.sheet, axis, `<c r="`+axis+`" t="b"><v>`+v+`</v></c>`)
			got, l := findingsOf(t, variant)
			if !slices.Contains(got, c.want) {
				t.Errorf("%s!%s = %s: findings %v, want %s", c.sheet, axis, v, got, c.want)
				continue
			}
			for _, f := range l {
				if f.Cell == axis && f.Sheet == c.sheet && !strings.Contains(f.Message, "TRUE/FALSE") {
					t.Errorf("%s!%s: %q does not say the cell is a boolean", c.sheet, axis, f.Message)
				}
			}
		}
	}
}

// The registro ANS reads by the one rule (parse.Registro): a number cell,
// which dropped the leading zeros, is padded; text keeps what was typed.
func TestRegistroNumberPadded(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ xml, want string }{
		{`<c r="B2"><v>5711</v></c>`, "005711"},
		{`<c r="B2"><v>123456</v></c>`, "123456"},
		{`<c r="B2" t="inlineStr"><is><t>005711</t></is></c>`, "005711"},
	} {
		if in := readAll(t, xlsxtest.SetCell(t, clean, "Operadora", "B2", c.xml)); in.Operadora.RegistroANS != c.want {
			t.Errorf("%s: registro %q, want %q", c.xml, in.Operadora.RegistroANS, c.want)
		}
	}
	for _, xml := range []string{`<c r="B2" t="inlineStr"><is><t>5711</t></is></c>`, `<c r="B2"><v>1234567</v></c>`, `<c r="B2"><v>0</v></c>`} {
		if got, _ := findingsOf(t, xlsxtest.SetCell(t, clean, "Operadora", "B2", xml)); !slices.Equal(got, []string{"CR-E012 Operadora!B2"}) {
			t.Errorf("%s: %v, want CR-E012", xml, got)
		}
	}
}

// Rows out of order, a row twice, a cell twice: excelize merged them
// silently (a sum changed); each is refused, naming the sheet and the row.
func TestDisorderRefused(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	part := xlsxtest.SheetPart(t, clean, "Contraprestacoes")
	row := func(p []byte, n int) []byte {
		return regexp.MustCompile(`<row r="` + strconv.Itoa(n) + `".*?</row>`).Find(p)
	}
	for _, c := range []struct {
		name  string
		edit  func(p []byte) []byte
		where string
		msg   string
	}{
		{"rows out of order", func(p []byte) []byte {
			r3, r4 := row(p, 3), row(p, 4)
			p = bytes.Replace(p, r3, []byte("\x00"), 1)
			p = bytes.Replace(p, r4, r3, 1)
			return bytes.Replace(p, []byte("\x00"), r4, 1)
		}, "Contraprestacoes", "row 3: the row comes after row 4"},
		{"a row twice", func(p []byte) []byte {
			r5 := row(p, 5)
			return bytes.Replace(p, r5, append(append([]byte{}, r5...), r5...), 1)
		}, "Contraprestacoes", "row 5: the row appears twice"},
		{"a cell twice", func(p []byte) []byte {
			return bytes.Replace(p, []byte(`<c r="D6" s="2"><v>`), []byte(`<c r="D6" s="2"><v>1</v></c><c r="D6" s="2"><v>`), 1)
		}, "Contraprestacoes!D6", "row 6: cell D6 appears twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			variant := xlsxtest.Rewrite(t, clean, func(name string, p []byte) []byte {
				if name == part {
					return c.edit(p)
				}
				return p
			})
			got, l := findingsOf(t, variant)
			if len(got) != 1 || got[0] != "CR-E001 "+c.where || !strings.Contains(l.Errors()[0].Message, c.msg) {
				t.Errorf("findings %v (%v), want CR-E001 %s: %s", got, l.Errors(), c.where, c.msg)
			}
		})
	}
}

// Two sheets answering to one layout name are refused, naming both.
func TestDuplicateSheetRefused(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	pla := xlsxtest.Worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>campo</t></is></c><c r="B1" t="inlineStr"><is><t>valor</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>pl</t></is></c><c r="B2"><v>1</v></c></row>`)
	for _, dup := range []string{"PLA ", "pla", " Pla"} {
		variant := xlsxtest.AddSheet(t, clean, dup, pla)
		got, l := findingsOf(t, variant)
		if len(got) != 1 || got[0] != "CR-E023 PLA" || !strings.Contains(l.Errors()[0].Message, fmt.Sprintf(`"PLA" and %q`, dup)) {
			t.Errorf("%q: findings %v %v", dup, got, l.Errors())
		}
	}
}

// A sheet of more than 20,000 rows: a numeric 1520.125 is a number (it was
// called ambiguous text, cell types being looked up in small sheets only),
// and a formula without a cached value is found.
func TestBigSheetTypes(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	part := xlsxtest.SheetPart(t, clean, "ABI")
	const extra = 20500
	big := func(last string) []byte {
		return xlsxtest.Rewrite(t, clean, func(name string, p []byte) []byte {
			if name != part {
				return p
			}
			var b strings.Builder
			for r := 1000; r < 1000+extra; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>aviso %d</t></is></c><c r="B%d"><v>1520.125</v></c></row>`, r, r, r, r)
			}
			b.WriteString(last)
			return bytes.Replace(p, []byte("</sheetData>"), []byte(b.String()+"</sheetData>"), 1)
		})
	}
	in := readAll(t, clean)
	got, l, err := workbook.Read(context.Background(), bytes.NewReader(big(`<row r="30000"><c r="A30000" t="inlineStr"><is><t>x</t></is></c><c r="B30000"><f>SUM(B2:B9)</f></c></row>`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ABI) != len(in.ABI)+extra || got.ABI[len(got.ABI)-1].V.String() != "1520.125" {
		t.Errorf("%d ABI rows (clean %d), last %v", len(got.ABI), len(in.ABI), got.ABI[len(got.ABI)-1])
	}
	if f := l.Errors(); len(f) != 1 || f[0].Code+" "+f[0].Where() != "CR-E010 ABI!B30000" {
		t.Errorf("findings %v, want CR-E010 ABI!B30000", f)
	}
}

// cancelAt is a context that is done from its n-th look on, and counts
// the looks.
type cancelAt struct {
	context.Context
	n, looks int
}

func (c *cancelAt) Err() error {
	if c.looks++; c.looks >= c.n {
		return context.Canceled
	}
	return nil
}

// The context reaches the rows of a big Beneficiarios sheet (an interrupt
// took 10 s at 400,000 rows): the reading stops at its first look after
// the interrupt, within checkEvery rows, with the context's error.
func TestReadInterrupted(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range []string{"id", "produto", "tipo_contratacao", "segmento", "remissao"} {
		fmt.Fprintf(&b, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	b.WriteString(`</row>`)
	const rows = 20000
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>P1</t></is></c><c r="C%d" t="inlineStr"><is><t>individual</t></is></c><c r="D%d" t="inlineStr"><is><t>odontologico</t></is></c><c r="E%d" t="inlineStr"><is><t>nenhuma</t></is></c></row>`, r, r, r, r, r, r, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	data := xlsxtest.AddSheet(t, clean, "Beneficiarios", []byte(b.String()))
	// The looks of opening the workbook, and of reading it whole.
	open := &cancelAt{Context: context.Background(), n: 1 << 30}
	if _, bad, err := xlsxfile.Read(open, bytes.NewReader(data)); bad != nil || err != nil {
		t.Fatal(bad, err)
	}
	whole := &cancelAt{Context: context.Background(), n: 1 << 30}
	if in, l, err := workbook.Read(whole, bytes.NewReader(data)); err != nil || l.HasErrors() || in.Beneficiarios.Total != rows {
		t.Fatalf("%v %v", l, err)
	}
	if whole.looks < open.looks+rows/1024 {
		t.Fatalf("%d looks reading, %d opening: the rows are not where the context is looked at", whole.looks, open.looks)
	}
	ctx := &cancelAt{Context: context.Background(), n: open.looks + 3}
	in, l, err := workbook.Read(ctx, bytes.NewReader(data))
	// Past the cancel, only the callers' looks at why the reading stopped;
	// reading on would look again every 1,024 rows.
	if err != context.Canceled || in != nil || l != nil || ctx.looks > ctx.n+3 {
		t.Fatalf("input %v, findings %v, error %v after %d looks; want only the context's error, at look %d", in != nil, l, err, ctx.looks, ctx.n)
	}
}

// A workbook with none of the layout's required sheets is another kind of workbook:
// one finding saying which sheets it has and, for capreg's other
// workbooks, the command that reads it; not twelve missing sheets.
func TestNotAnInputWorkbook(t *testing.T) {
	for _, c := range []struct {
		sheets   []string
		has, fix string
	}{
		{[]string{"Sheet1"}, "its sheets are Sheet1", "give capreg the input workbook (capreg template writes an empty one"},
		{[]string{"Leia-me", "Coleta"}, "its sheets are Leia-me, Coleta", "check it with capreg coleta validate"},
		{[]string{"beneficiarios "}, "its sheets are beneficiarios ", "give it to capreg calc with --beneficiarios"},
		{[]string{"A", "B", "C", "D", "E", "F", "G"}, "its sheets are A, B, C, D, E, …", "capreg template"},
	} {
		f := excelize.NewFile()
		for i, name := range c.sheets {
			if i == 0 {
				if err := f.SetSheetName("Sheet1", name); err != nil {
					t.Fatal(err)
				}
			} else if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		in, l, err := workbook.Read(context.Background(), bytes.NewReader(buf.Bytes()))
		if err != nil || len(l) != 1 || l[0].Code != findings.MissingSheet || l[0].Where() != "" ||
			!strings.Contains(l[0].Message, "has none of the required sheets of modelo capreg v1") || !strings.Contains(l[0].Message, c.has) || !strings.Contains(l[0].Fix, c.fix) {
			t.Errorf("%q: %v %v", c.sheets, l, err)
		}
		var every capital.Parts // the parts a sheet holds
		for _, p := range []capital.Part{capital.PLAPart, capital.ContraprestacoesPart, capital.EventosPart} {
			every.Add(p)
		}
		if in == nil || in.Incomplete != every {
			t.Errorf("%q: the input is not marked incomplete", c.sheets)
		}
	}
}

// exampleBytes is the shipped example (seed 1), as capreg writes it.
func exampleBytes() ([]byte, error) {
	return os.ReadFile("../../examples/operadora-exemplo.xlsx")
}

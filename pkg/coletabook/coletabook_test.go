package coletabook

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/xlsxfile/xlsxtest"
)

func m(y, mo int) period.Month { return period.Month{Year: y, Month: time.Month(mo)} }

// options: 2018-01..2019-06 (rows 3..20), PROMOPREV from 2018-07 (row 9),
// APS homologated 2019-02 (row 16).
func options() coleta.TemplateOptions {
	p, a := m(2018, 7), m(2019, 2)
	return coleta.TemplateOptions{Registro: "005711", Desde: m(2018, 1), Ate: m(2019, 6), Promoprev: &p, APS: &a}
}

// fillByHand types a value of the right size into every cell that applies,
// as a person would in Excel: numbers into the formatted cells.
func fillByHand(t *testing.T, f *excelize.File, o coleta.TemplateOptions) {
	t.Helper()
	for i, mo := range o.Months() {
		row := coleta.FirstDataRow + i
		for _, fd := range coleta.Fields()[4:] {
			if !fd.Applies(mo, o.Promoprev, o.APS) {
				continue
			}
			var v any
			switch {
			case fd.Num == 5:
				v = 12000 + i
			case fd.Num == 6 || fd.Num == 7:
				v = 3000 + i
			case fd.Places == 2 && fd.IntDigits == 3:
				v = 81.25
			case fd.Places == 2:
				v = 123456.78
			default:
				v = 1.2345
			}
			if err := f.SetCellValue(coleta.SheetName, coleta.Axis(fd.Num, row), v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func save(t *testing.T, f *excelize.File, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// validate is Validate without a context to end it.
func validate(t testing.TB, path string) findings.List {
	t.Helper()
	l, err := Validate(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func places(l findings.List) []string {
	var out []string
	for _, f := range l.Sorted() {
		out = append(out, f.Code+" "+f.Where())
	}
	return out
}

func TestTemplateRoundTrip(t *testing.T) {
	o := options()
	f, err := Template(o)
	if err != nil {
		t.Fatal(err)
	}
	// The empty template names only empty cells: the every-month fields of
	// every row and the programs' fields once they started.
	empty := validate(t, save(t, f, "empty.xlsx"))
	for _, fd := range empty {
		if fd.Code != findings.EmptyValue {
			t.Fatalf("empty template: %v", fd)
		}
	}
	// 18 rows × 5 every-month fields, 12 PROMOPREV rows × 5 fields, 5 APS
	// rows × 6 fields, field 12 once: 90 + 60 + 30 + 1.
	if len(empty) != 181 {
		t.Errorf("%d empty cells, want 181", len(empty))
	}
	fillByHand(t, f, o)
	if l := validate(t, save(t, f, "filled.xlsx")); len(l) != 0 {
		t.Errorf("filled template: %v", places(l))
	}
	f.Close()
}

func TestTemplateLayout(t *testing.T) {
	f, err := Template(options())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{ReadmeSheet, coleta.SheetName}) {
		t.Errorf("sheets %v", got)
	}
	get := func(cell string) string {
		v, err := f.GetCellValue(coleta.SheetName, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{
		"A1": "1", "U1": "21", "B2": "Data base da informação, com mês e ano da informação",
		"A3": "005711", "B3": "012018", "C3": "072018", "D3": "022019", "B20": "062019", "E3": "",
	} {
		if got := get(cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// Number formats match the sizes: text for 1–4, 0 for counts, 0.00, 0.0000.
	for cell, want := range map[string]string{"A3": "@", "E3": "0", "H3": "0.00", "K9": "0.00", "N3": "0.0000"} {
		id, _ := f.GetCellStyle(coleta.SheetName, cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]string{49: "@", 1: "0", 2: "0.00"}[st.NumFmt]
		if st.CustomNumFmt != nil {
			got = *st.CustomNumFmt
		}
		if got != want {
			t.Errorf("%s format %q, want %q", cell, got, want)
		}
	}
	// Grey before the program starts: F8 (2018-06) grey, F9 (2018-07) not;
	// field 12 only in row 16 (2019-02).
	grey := func(cell string) bool {
		id, _ := f.GetCellStyle(coleta.SheetName, cell)
		st, _ := f.GetStyle(id)
		return len(st.Fill.Color) > 0 && st.Fill.Color[0] == "D9D9D9"
	}
	for cell, want := range map[string]bool{"F8": true, "F9": false, "G15": true, "G16": false, "L15": true, "L16": false, "L17": true, "E3": false} {
		if grey(cell) != want {
			t.Errorf("%s grey = %v", cell, !want)
		}
	}
	dvs, err := f.GetDataValidations(coleta.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	var sq []string
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "L") || strings.HasPrefix(dv.Sqref, "F") {
			sq = append(sq, dv.Sqref+" "+dv.Formula1)
		}
	}
	want := []string{"F3:F8 ISBLANK(F3)", "F9:F20 AND(ISNUMBER(F9),F9>=0,F9<10000000000,F9=INT(F9))",
		"L3:L15 ISBLANK(L3)", "L16:L16 AND(ISNUMBER(L16),L16>=0,L16<10000000000,ROUND(L16,2)=L16)", "L17:L20 ISBLANK(L17)"}
	if !slices.Equal(sq, want) {
		t.Errorf("validations\n%v\nwant\n%v", strings.Join(sq, "\n"), strings.Join(want, "\n"))
	}
	// Same options, same bytes.
	a, _ := f.WriteToBuffer()
	g, _ := Template(options())
	b, _ := g.WriteToBuffer()
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two templates of the same options differ")
	}
}

func TestTemplateWithoutPrograms(t *testing.T) {
	o := options()
	o.Promoprev, o.APS = nil, nil
	f, err := Template(o)
	if err != nil {
		t.Fatal(err)
	}
	fillByHand(t, f, o)
	if l := validate(t, save(t, f, "t.xlsx")); len(l) != 0 {
		t.Errorf("findings %v", places(l))
	}
	if c, _ := f.GetCellValue(coleta.SheetName, "C3"); c != "" {
		t.Errorf("C3 = %q without PROMOPREV", c)
	}
	if _, err := Template(coleta.TemplateOptions{Registro: "1", Desde: m(2018, 1), Ate: m(2018, 2)}); err == nil {
		t.Error("a bad registro makes a template")
	}
}

func TestOpenFindings(t *testing.T) {
	f := excelize.NewFile()
	path := save(t, f, "nosheet.xlsx")
	if l := validate(t, path); !slices.Equal(places(l), []string{"CR-E030 Coleta"}) || !strings.Contains(l[0].Fix, "rename the sheet to Coleta") {
		t.Errorf("no sheet: %v", l)
	}
	// An input workbook given to coleta validate is named for what it is.
	in := excelize.NewFile()
	if err := in.SetSheetName("Sheet1", "Operadora"); err != nil {
		t.Fatal(err)
	}
	if l := validate(t, save(t, in, "operadora.xlsx")); !slices.Equal(places(l), []string{"CR-E030 Coleta"}) || !strings.Contains(l[0].Fix, "this is an input workbook (sheet Operadora): compute it with capreg calc") {
		t.Errorf("an input workbook: %v", l)
	}
	if got := places(validate(t, filepath.Join(t.TempDir(), "x.xlsx"))); !slices.Equal(got, []string{"CR-E001 "}) {
		t.Errorf("missing file: %v", got)
	}
	// A value right of column U is warned of once per column.
	g, _ := Template(options())
	fillByHand(t, g, options())
	_ = g.SetCellValue(coleta.SheetName, "W5", "nota")
	_ = g.SetCellValue(coleta.SheetName, "W6", "nota")
	if got := places(validate(t, save(t, g, "extra.xlsx"))); !slices.Equal(got, []string{"CR-W013 Coleta!W5"}) {
		t.Errorf("extra column: %v", got)
	}
}

func TestApply(t *testing.T) {
	o := options()
	f, _ := Template(o)
	fillByHand(t, f, o)
	path := save(t, f, "c.xlsx")
	cases := []struct {
		month  period.Month
		row    int
		cells  map[string]string // after the fill
		change int               // values replaced
	}{
		// 2019-03 is row 17: both programs on; fillByHand put 12014 and 3014 there.
		{m(2019, 3), 17, map[string]string{"A17": "005711", "B17": "032019", "E17": "500", "F17": "120", "G17": "45"}, 3},
		// 2018-03 is row 5: before both programs, 6 and 7 stay empty.
		{m(2018, 3), 5, map[string]string{"E5": "500", "F5": "", "G5": ""}, 1},
		// 2019-07 follows the last row (20): row 21, with the program starts.
		{m(2019, 7), 21, map[string]string{"A21": "005711", "B21": "072019", "C21": "072018", "D21": "022019", "E21": "500", "F21": "120", "G21": "45"}, 0},
	}
	for _, c := range cases {
		b, l, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if b == nil {
			t.Fatal(l)
		}
		p, err := coleta.PlanFill(b.Sheet, c.month, coleta.Counts{Total: 500, Promoprev: 120, APS: 45}, "")
		if err != nil {
			t.Fatal(err)
		}
		changed, err := b.Apply(p)
		if err != nil {
			t.Fatal(err)
		}
		if p.Row != c.row || len(changed) != c.change {
			t.Errorf("%s: row %d, changed %v", c.month, p.Row, changed)
		}
		for cell, want := range c.cells {
			if got, _ := b.File.GetCellValue(coleta.SheetName, cell); got != want {
				t.Errorf("%s: %s = %q, want %q", c.month, cell, got, want)
			}
		}
		if c.month == m(2019, 7) {
			// The appended row has the styles of the row above.
			s1, _ := b.File.GetCellStyle(coleta.SheetName, "H20")
			s2, _ := b.File.GetCellStyle(coleta.SheetName, "H21")
			if s1 != s2 {
				t.Errorf("appended row style %d, want %d", s2, s1)
			}
		}
		b.Close()
	}
}

// Excel stores a typed 85,33 as 85.329999999999998: the sheet validates as
// its clean twin (it was refused, "more than 2 decimal places", and the
// suggested ARRED could not help). A TRUE/FALSE cell is no count.
func TestExcelStoredValues(t *testing.T) {
	o := options()
	f, err := Template(o)
	if err != nil {
		t.Fatal(err)
	}
	fillByHand(t, f, o)
	for row := coleta.FirstDataRow; row < coleta.FirstDataRow+3; row++ {
		_ = f.SetCellValue(coleta.SheetName, coleta.Axis(8, row), 85.33)         // 3+2
		_ = f.SetCellValue(coleta.SheetName, coleta.Axis(14, row), 0.1235)       // 3+4
		_ = f.SetCellValue(coleta.SheetName, coleta.Axis(11, row+6), 3086419.64) // 10+2, from PROMOPREV's start
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	clean := buf.Bytes()
	noisy, n := xlsxtest.ExcelDoubles(t, clean)
	if n < 6 {
		t.Fatalf("only %d values gained digits", n)
	}
	write := func(data []byte) string {
		path := filepath.Join(t.TempDir(), "c.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if l := validate(t, write(clean)); len(l) != 0 {
		t.Fatalf("clean: %v", places(l))
	}
	if l := validate(t, write(noisy)); len(l) != 0 {
		t.Errorf("17 digits: %v", places(l))
	}
	b, _, err := Open(context.Background(), write(noisy))
	if err != nil || b == nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got := b.Sheet.Rows[0].Field(8).Text; got != "85.33" {
		t.Errorf("H3 reads %q", got)
	}
	for _, c := range []struct{ axis, want string }{{"E4", "CR-E006 Coleta!E4"}, {"H4", "CR-E006 Coleta!H4"}} {
		bad := xlsxtest.SetCell(t, clean, coleta.SheetName, c.axis, `<c r="`+c.axis+`" t="b"><v>1</v></c>`)
		if got := places(validate(t, write(bad))); !slices.Equal(got, []string{c.want}) {
			t.Errorf("TRUE in %s: %v, want %s", c.axis, got, c.want)
		}
	}
}

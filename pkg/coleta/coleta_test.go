package coleta

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
)

func month(y, m int) period.Month {
	return period.Month{Year: y, Month: period.Month{Year: 2000, Month: 1}.Add(m - 1).Month}
}

// sheet builds a filled sheet of n months from 2018-01: PROMOPREV from
// 2018-03 (row 5), APS homologated 2018-04 (row 6), every applicable field
// filled with a value of its size.
func sheet(n int) *Sheet {
	s := &Sheet{}
	for i, f := range fields {
		s.Numbers[i] = Cell{Col: i + 1, Row: 1, Text: fmt.Sprint(f.Num)}
		s.Names[i] = Cell{Col: i + 1, Row: 2, Text: f.Name, IsText: true}
	}
	promo, aps := month(2018, 3), month(2018, 4)
	for i := range n {
		m := FirstMonth.Add(i)
		r := Row{Num: FirstDataRow + i}
		for j := range r.Cells {
			r.Cells[j] = Cell{Col: j + 1, Row: r.Num}
		}
		set := func(field int, text string, isText bool) {
			r.Cells[field-1].Text, r.Cells[field-1].IsText = text, isText
		}
		set(1, "005711", true)
		set(2, FormatMonth(m), true)
		set(3, FormatMonth(promo), true)
		set(4, FormatMonth(aps), true)
		for _, f := range fields[4:] {
			if !f.Applies(m, &promo, &aps) {
				continue
			}
			switch {
			case f.Num == 5:
				set(5, "1000", false)
			case f.Num == 6 || f.Num == 7:
				set(f.Num, "400", false)
			case f.Places == 2:
				set(f.Num, "85.3", false)
			default:
				set(f.Num, "1.2345", false)
			}
		}
		s.Rows = append(s.Rows, r)
	}
	return s
}

func cell(s *Sheet, field, row int) *Cell { return &s.Rows[row-FirstDataRow].Cells[field-1] }

func codesAt(l findings.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code+" "+f.Cell)
	}
	return out
}

// A registro typed as a number is read with its zeros, and warned of once,
// naming the first cell and how many more.
func TestRegistroNumberWarning(t *testing.T) {
	s := sheet(8)
	for i := range s.Rows {
		s.Rows[i].Cells[0].Text, s.Rows[i].Cells[0].IsText = "5711", false
	}
	l := Validate(s)
	want := "field 1: A3 and 7 more cells hold the registro ANS as a number (5711, read as 005711): the sheet sent to ANS holds 4 digits where the field has 6"
	if len(l) != 1 || l[0].Severity != findings.Warning || l[0].Message != want {
		t.Errorf("got %v, want the warning %q", l, want)
	}
}

func TestValidSheetHasNoFindings(t *testing.T) {
	if l := Validate(sheet(8)); len(l) != 0 {
		t.Fatalf("findings on a valid sheet: %v", l)
	}
}

// Every rule of programs-and-filings.md §1, one broken cell at a time. The
// base sheet is 2018-01..2018-08 in rows 3..10, PROMOPREV from 032018 (row
// 5), APS homologated 042018 (row 6).
func TestValidateRules(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(s *Sheet)
		want   []string // code and cell, every one expected (others allowed only if listed)
	}{
		{"header number wrong", func(s *Sheet) { s.Numbers[6].Text = "8" }, []string{"CR-E030 G1"}},
		{"header number as float", func(s *Sheet) { s.Numbers[6].Text = "7.0" }, nil},
		{"header name differs", func(s *Sheet) { s.Names[7].Text = "Sinistralidade" }, []string{"CR-W030 H2"}},
		{"header name spacing and case forgiven", func(s *Sheet) { s.Names[0].Text = " registro  da operadora na ans" }, nil},
		{"registro 5 digits as text", func(s *Sheet) { cell(s, 1, 4).Text = "05711" }, []string{"CR-E012 A4"}},
		// A number cell drops the zeros of 005711: read as 005711 (so no
		// CR-E038), with a warning once for the file ANS receives.
		{"registro as number drops zeros", func(s *Sheet) { c := cell(s, 1, 4); c.Text, c.IsText = "5711", false }, []string{"CR-W033 A4"}},
		{"registro as numbers in every row", func(s *Sheet) {
			for i := range s.Rows {
				s.Rows[i].Cells[0].Text, s.Rows[i].Cells[0].IsText = "5711", false
			}
		}, []string{"CR-W033 A3"}},
		{"registro as a number of 6 digits", func(s *Sheet) {
			for i := range s.Rows {
				s.Rows[i].Cells[0].Text, s.Rows[i].Cells[0].IsText = "123456", false
			}
		}, nil},
		{"registro as another number", func(s *Sheet) { c := cell(s, 1, 7); c.Text, c.IsText = "5712", false }, []string{"CR-W033 A7", "CR-E038 A7"}},
		{"registro as a number of 7 digits", func(s *Sheet) { c := cell(s, 1, 4); c.Text, c.IsText = "1005711", false }, []string{"CR-E012 A4"}},
		{"registro differs", func(s *Sheet) { cell(s, 1, 7).Text = "123456" }, []string{"CR-E038 A7"}},
		{"registro empty", func(s *Sheet) { cell(s, 1, 3).Text = "" }, []string{"CR-E005 A3"}},
		{"data base AAAA-MM", func(s *Sheet) { cell(s, 2, 4).Text = "2018-02" }, []string{"CR-E031 B4"}},
		{"data base lost its zero", func(s *Sheet) { c := cell(s, 2, 4); c.Text, c.IsText = "22018", false }, []string{"CR-E031 B4"}},
		{"data base month 13", func(s *Sheet) { cell(s, 2, 10).Text = "132018" }, []string{"CR-E031 B10"}},
		// 2018-02 then 2018-04: one month missing, reported at the month after the gap.
		{"gap", func(s *Sheet) { s.Rows = slices.Delete(s.Rows, 2, 3) }, []string{"CR-E033 B6"}},
		{"duplicate month", func(s *Sheet) { cell(s, 2, 8).Text = "052018" }, []string{"CR-E018 B8", "CR-E033 B9"}},
		// Rows 5 and 6 swapped: 2018-04 follows 2018-02 (a gap at B5), then
		// 2018-03 comes after 2018-04 (out of order at B6).
		{"out of order", func(s *Sheet) {
			s.Rows[2].Cells, s.Rows[3].Cells = s.Rows[3].Cells, s.Rows[2].Cells
			for i := range s.Rows {
				for j := range s.Rows[i].Cells {
					s.Rows[i].Cells[j].Row = s.Rows[i].Num
				}
			}
		}, []string{"CR-E033 B5", "CR-E033 B6"}},
		{"before 2018", func(s *Sheet) {
			cell(s, 2, 3).Text = "122017"
		}, []string{"CR-E033 B3"}},
		{"starts late: a warning", func(s *Sheet) { s.Rows = s.Rows[1:] }, []string{"CR-W031 B4"}},
		{"integer over 10 digits", func(s *Sheet) { cell(s, 5, 3).Text = "10000000000" }, []string{"CR-E032 E3"}},
		{"integer 10 digits fits", func(s *Sheet) { cell(s, 5, 3).Text = "9999999999" }, nil},
		{"count not whole", func(s *Sheet) { cell(s, 5, 3).Text = "10.5" }, []string{"CR-E032 E3"}},
		{"3+2 with three decimals", func(s *Sheet) { cell(s, 8, 3).Text = "85.333" }, []string{"CR-E032 H3"}},
		{"3+2 trailing zeros are not decimals", func(s *Sheet) { c := cell(s, 8, 3); c.Text, c.IsText = "85,300", true }, []string{"CR-W032 H3"}},
		{"3+2 over 999.99", func(s *Sheet) { cell(s, 8, 3).Text = "1000" }, []string{"CR-E032 H3"}},
		{"negative", func(s *Sheet) { cell(s, 8, 4).Text = "-1" }, []string{"CR-E032 H4"}},
		{"10+2 over 10 integer digits", func(s *Sheet) { cell(s, 11, 6).Text = "12345678901.5" }, []string{"CR-E032 K6"}},
		{"3+4 with five decimals", func(s *Sheet) { cell(s, 14, 3).Text = "1.23456" }, []string{"CR-E032 N3"}},
		{"not a number", func(s *Sheet) { c := cell(s, 17, 3); c.Text, c.IsText = "abc", true }, []string{"CR-E006 Q3"}},
		{"ambiguous text", func(s *Sheet) { c := cell(s, 11, 6); c.Text, c.IsText = "1.234", true }, []string{"CR-E007 K6"}},
		{"pt-BR text is read, with a warning", func(s *Sheet) { c := cell(s, 11, 6); c.Text, c.IsText = "1.234,56", true }, []string{"CR-W032 K6"}},
		{"required empty", func(s *Sheet) { cell(s, 20, 9).Text = "" }, []string{"CR-E005 T9"}},
		{"formula without value", func(s *Sheet) { c := cell(s, 20, 9); c.Text, c.Formula = "", "SUM(X1:X2)" }, []string{"CR-E010 T9"}},
		{"PROMOPREV field before start", func(s *Sheet) { cell(s, 9, 4).Text = "80" }, []string{"CR-E034 I4"}},
		{"APS field before homologation", func(s *Sheet) { cell(s, 21, 5).Text = "1" }, []string{"CR-E034 U5"}},
		{"PROMOPREV field after start empty", func(s *Sheet) { cell(s, 15, 7).Text = "" }, []string{"CR-E005 O7"}},
		{"APS fields without APS", func(s *Sheet) {
			for i := range s.Rows {
				s.Rows[i].Cells[3].Text = ""
				for _, n := range []int{7, 10, 12, 13, 16, 19, 21} {
					s.Rows[i].Cells[n-1].Text = ""
				}
			}
			cell(s, 21, 10).Text = "2.5"
		}, []string{"CR-E034 U10"}},
		{"field 12 outside the homologation month", func(s *Sheet) { cell(s, 12, 7).Text = "1500" }, []string{"CR-E035 L7"}},
		{"field 12 empty in the homologation month", func(s *Sheet) { cell(s, 12, 6).Text = "" }, []string{"CR-E005 L6"}},
		{"6 over 5", func(s *Sheet) { cell(s, 6, 8).Text = "1001" }, []string{"CR-E036 F8"}},
		{"6 equal to 5", func(s *Sheet) { cell(s, 6, 8).Text = "1000" }, nil},
		{"7 over 5", func(s *Sheet) { cell(s, 7, 8).Text = "1500" }, []string{"CR-E036 G8"}},
		{"program start differs", func(s *Sheet) { cell(s, 3, 9).Text = "042018" }, []string{"CR-E037 C9"}},
		{"program start empty after start", func(s *Sheet) { cell(s, 3, 9).Text = "" }, []string{"CR-E005 C9"}},
		{"program start empty before start is fine", func(s *Sheet) { cell(s, 3, 3).Text = "" }, nil},
		{"program start not mmaaaa", func(s *Sheet) { cell(s, 4, 3).Text = "04/2018" }, []string{"CR-E031 D3"}},
		{"no data rows", func(s *Sheet) { s.Rows = nil }, []string{"CR-E033 A3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sheet(8)
			c.break_(s)
			got := codesAt(Validate(s))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("want %s; got %v", w, got)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("got %v, want exactly %v", got, c.want)
			}
		})
	}
}

func TestMonthFormat(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // AAAA-MM, or "" for an error
	}{
		{"032024", "2024-03"}, {" 122019 ", "2019-12"}, {"012018", "2018-01"},
		{"32024", ""}, {"2024-03", ""}, {"03/2024", ""}, {"002024", ""}, {"132024", ""},
		{"031899", ""}, {"0320245", ""}, {"", ""}, {"０３2024", ""},
	} {
		m, err := ParseMonth(c.in)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("ParseMonth(%q) = %s, want an error", c.in, m)
		case c.want != "" && (err != nil || m.String() != c.want):
			t.Errorf("ParseMonth(%q) = %s, %v; want %s", c.in, m, err, c.want)
		}
	}
	if got := FormatMonth(month(2024, 3)); got != "032024" {
		t.Errorf("FormatMonth = %s", got)
	}
}

func TestFieldsAreANS(t *testing.T) {
	if len(fields) != NumFields {
		t.Fatalf("%d fields", len(fields))
	}
	for i, f := range fields {
		if f.Num != i+1 || f.Name == "" || f.Spec == "" || f.Note == "" {
			t.Errorf("field %d incomplete: %+v", i+1, f)
		}
	}
	if FieldOf(21).Col() != "U" || FieldOf(1).Col() != "A" {
		t.Error("columns A–U")
	}
	// The program of each conditional field, as the deck says.
	want := map[Program][]int{Promoprev: {6, 9, 11, 15, 18}, APS: {7, 10, 13, 16, 19, 21}, APSHomologation: {12}}
	for p, nums := range want {
		for _, n := range nums {
			if FieldOf(n).Program != p {
				t.Errorf("field %d: program %v, want %v", n, FieldOf(n).Program, p)
			}
		}
	}
}

func TestPlanFill(t *testing.T) {
	counts := Counts{Total: 1000, Promoprev: 300, APS: 120}
	i64 := func(p *int64) string {
		if p == nil {
			return "empty"
		}
		return fmt.Sprint(*p)
	}
	cases := []struct {
		name     string
		sheet    func() *Sheet
		month    period.Month
		registro string
		want     string // row, new, registro, 6, 7
		err      string
	}{
		// 2018-05 is row 7; both programs have started.
		{"existing month", func() *Sheet { return sheet(8) }, month(2018, 5), "", "7 false 005711 300 120", ""},
		// 2018-03: PROMOPREV started (032018), APS not yet (042018).
		{"before APS", func() *Sheet { return sheet(8) }, month(2018, 3), "", "5 false 005711 300 empty", ""},
		{"before both", func() *Sheet { return sheet(8) }, month(2018, 1), "", "3 false 005711 empty empty", ""},
		// 2018-09 follows the last row (10): appended as row 11.
		{"next month appended", func() *Sheet { return sheet(8) }, month(2018, 9), "", "11 true 005711 300 120", ""},
		{"a later month is refused", func() *Sheet { return sheet(8) }, month(2018, 11), "", "", "no row for 2018-11"},
		{"registro flag agrees", func() *Sheet { return sheet(2) }, month(2018, 2), "005711", "4 false 005711 empty empty", ""},
		{"registro flag differs", func() *Sheet { return sheet(2) }, month(2018, 2), "123456", "", "differs"},
		{"registro flag malformed", func() *Sheet { return sheet(2) }, month(2018, 2), "12", "", "--registro"},
		{"no registro anywhere", func() *Sheet {
			s := sheet(2)
			for i := range s.Rows {
				s.Rows[i].Cells[0].Text = ""
			}
			return s
		}, month(2018, 2), "", "", "--registro"},
		{"empty sheet, first row", func() *Sheet { s := sheet(0); return s }, month(2018, 1), "654321", "3 true 654321 empty empty", ""},
		{"duplicate month", func() *Sheet { s := sheet(3); s.Rows[2].Cells[1].Text = "022018"; return s }, month(2018, 2), "", "", "2 rows"},
		{"bad header", func() *Sheet { s := sheet(3); s.Numbers[0].Text = ""; return s }, month(2018, 2), "", "", "row 1 holds the field numbers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := PlanFill(c.sheet(), c.month, counts, c.registro)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("%d %v %s %s %s", p.Row, p.New, p.Registro, i64(p.Promoprev), i64(p.APS))
			if got != c.want {
				t.Errorf("plan %s, want %s", got, c.want)
			}
			if p.Total != 1000 || p.Month != c.month {
				t.Errorf("total %d month %s", p.Total, p.Month)
			}
		})
	}
	// Counts of a program that has not started are left out, with a note.
	p, _ := PlanFill(sheet(8), month(2018, 1), counts, "")
	if len(p.Notes) != 2 || !strings.Contains(p.Notes[0].String(), "field 6 left empty") {
		t.Errorf("notes %v", p.Notes)
	}
	// A new row carries the program starts.
	p, _ = PlanFill(sheet(8), month(2018, 9), counts, "")
	if p.Starts != [2]string{"032018", "042018"} || p.CopyFrom != 10 {
		t.Errorf("starts %v copy %d", p.Starts, p.CopyFrom)
	}
}

func TestTemplateOptions(t *testing.T) {
	ok := TemplateOptions{Registro: "005711", Desde: month(2018, 1), Ate: month(2019, 12)}
	if err := ok.Check(); err != nil || len(ok.Months()) != 24 {
		t.Fatalf("%v %d", err, len(ok.Months()))
	}
	for _, c := range []struct {
		mod  func(*TemplateOptions)
		want string
	}{
		{func(o *TemplateOptions) { o.Registro = "5711" }, "--registro"},
		{func(o *TemplateOptions) { o.Desde = month(2017, 12) }, "before 2018-01"},
		{func(o *TemplateOptions) { o.Ate = month(2017, 12); o.Desde = month(2018, 1) }, "before --desde"},
		{func(o *TemplateOptions) { o.Ate = period.Month{} }, "required"},
		{func(o *TemplateOptions) { o.Ate = month(2118, 1) }, "more than 1200 months"},
	} {
		o := ok
		c.mod(&o)
		if err := o.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Check() = %v, want %q", err, c.want)
		}
	}
}

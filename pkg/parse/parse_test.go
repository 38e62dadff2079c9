package parse

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

// kindOf returns 0 for no error, else the *Error's kind (-1 for a foreign error).
func kindOf(err error) Kind {
	if err == nil {
		return 0
	}
	pe, ok := IsParseError(err)
	if !ok {
		return -1
	}
	return pe.Kind
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when an error is expected
		kind Kind
	}{
		// pt-BR
		{"1.234.567,89", "1234567.89", 0},
		{"-12,5", "-12.5", 0},
		{"1234,5", "1234.5", 0}, // comma without thousands separators
		{"0,35", "0.35", 0},
		{"1.000,00", "1000", 0},
		{"-0,00", "0", 0},
		{"123.456.789.012,345", "123456789012.345", 0},
		// plain
		{"1234567.89", "1234567.89", 0},
		{"12.5", "12.5", 0},
		{"12.50", "12.5", 0},
		{"12.3456", "12.3456", 0},
		{"0.234", "0.234", 0}, // 0.234 cannot be 234 thousand: not ambiguous
		{"0.000", "0", 0},     // same
		{".5", "0.5", 0},      // missing integer part
		{"42", "42", 0},       // integer
		{"-7", "-7", 0},       // negative integer
		{"+5", "5", 0},        // explicit plus
		{"0.1", "0.1", 0},     // exact, not the float 0.1000000000000000055…
		{"99999999999999999999999.99", "99999999999999999999999.99", 0}, // beyond float64 precision
		// pt-BR thousands without decimals
		{"1.234.567", "1234567", 0},
		{"12.345.678", "12345678", 0},
		// decorations
		{"R$ 1.234,56", "1234.56", 0},
		{"R$1.234,56", "1234.56", 0},
		{"R$ -1.234,56", "-1234.56", 0},
		{"  12  ", "12", 0},
		{"\u00a01.000,00\u00a0", "1000", 0}, // no-break spaces, as Excel writes them
		{"R$\u00a01.000,00", "1000", 0},
		// ambiguous: a lone dot followed by exactly three digits
		{"1.234", "", Ambiguous},
		{"-1.234", "", Ambiguous},
		{"1234.567", "", Ambiguous}, // the spec's rule: only dot, then three digits
		{"R$ 999.999", "", Ambiguous},
		// syntax errors
		{"", "", Syntax},
		{"   ", "", Syntax},
		{"-", "", Syntax},
		{"R$", "", Syntax},
		{"abc", "", Syntax},
		{"1e5", "", Syntax},
		{"--1", "", Syntax},
		{"+-1", "", Syntax},
		{"-+1", "", Syntax},
		{",", "", Syntax},
		{"1,", "", Syntax},         // comma with no decimals
		{",5", "", Syntax},         // comma with no integer part
		{"1,2,3", "", Syntax},      // two commas
		{"1.23,4", "", Syntax},     // bad thousands group before the comma
		{"1234.567,8", "", Syntax}, // group of four digits
		{"12.34.56", "", Syntax},   // several dots, not thousands groups
		{"1.2345.678", "", Syntax},
		{".", "", Syntax},
		{"1 234,5", "", Syntax}, // space is not a thousands separator
		{"1,5%", "", Syntax},
		{"١٢٣", "", Syntax}, // non-ASCII digits
		{"0x10", "", Syntax},
	}
	for _, tc := range tests {
		got, err := Number(tc.in)
		if k := kindOf(err); k != tc.kind {
			t.Errorf("Number(%q): error %v (kind %d), want kind %d", tc.in, err, k, tc.kind)
			continue
		}
		if err != nil {
			pe, _ := IsParseError(err)
			if pe.Text != tc.in || pe.Msg.IsZero() || pe.Fix.IsZero() {
				t.Errorf("Number(%q): error %+v lacks text, message or fix", tc.in, pe)
			}
			continue
		}
		if !got.Equal(decimal.RequireFromString(tc.want)) {
			t.Errorf("Number(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	_, err := Number("1.234")
	if err == nil || !strings.Contains(err.Error(), `"1.234" is ambiguous`) {
		t.Errorf("ambiguous message: %v", err)
	}
	long := strings.Repeat("x", 100)
	_, err = Number(long)
	pe, ok := IsParseError(err)
	if !ok || pe.Text != long {
		t.Fatalf("error %v does not keep the whole text", err)
	}
	if len(err.Error()) > 80 || !strings.Contains(err.Error(), "...") {
		t.Errorf("message for a long text is not clipped: %q", err.Error())
	}
	if _, ok := IsParseError(errors.New("other")); ok {
		t.Error("IsParseError accepted a foreign error")
	}
	wrapped := errors.Join(errors.New("context"), err)
	if _, ok := IsParseError(wrapped); !ok {
		t.Error("IsParseError did not unwrap")
	}
}

// A value that cannot be read is a finding of the code given, at the place
// given, with the parse error's fix; an ambiguous number is CR-E007.
func TestFinding(t *testing.T) {
	_, ambiguous := Number("1.234")
	_, syntax := Number("12,3,4")
	tests := []struct {
		name      string
		err       error
		code, fix string
		message   string
	}{
		{"ambiguous", ambiguous, findings.AmbiguousNumber, "type a numeric cell, or write it unambiguously (1.234,00 or 1234)", `valor: "1.234" is ambiguous: 1 thousand or 1.234`},
		{"syntax", syntax, findings.BadNumber, NumberFix.String(), `valor: "12,3,4" is not a number`},
		{"another error", errors.New("boom"), findings.BadNumber, "type a numeric cell, or text like 1.234.567,89", "valor: boom"},
		{"a registro", func() error { _, err := Registro("5711", false); return err }(), findings.BadRegistro, registroFix.String(), `valor: "5711" is not a 6-digit registro ANS`},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			code := findings.BadNumber
			if c.code == findings.BadRegistro {
				code = c.code
			}
			f := Finding(code, "PLA", "B3", "valor", c.err)
			if f.Code != c.code || f.Fix != c.fix || f.Message != c.message || f.Sheet != "PLA" || f.Cell != "B3" || f.Severity != findings.Error {
				t.Errorf("got %+v", f)
			}
		})
	}
}

// The one rule of a registro ANS, for the workbook and the coleta sheet:
// six digits of text, or a numeric cell's whole number padded to six.
func TestRegistro(t *testing.T) {
	tests := []struct {
		text    string
		numeric bool
		want    string // "" when refused
	}{
		{"005711", false, "005711"},
		{" 123456 ", false, "123456"}, // blanks forgiven
		{"5711", false, ""},           // text keeps what was typed: a digit is missing
		{"05711", false, ""},
		{"1234567", false, ""},
		{"12345a", false, ""},
		{"", false, ""},
		{"5711", true, "005711"}, // a number cell lost the zeros of 005711
		{"1", true, "000001"},
		{"123456", true, "123456"},
		{"999999", true, "999999"},
		{"1E5", true, "100000"},
		{"1000000", true, ""}, // 7 digits
		{"0", true, ""},       // no registro is all zeros
		{"-5711", true, ""},
		{"5711.5", true, ""},
		{"005711", true, "005711"}, // the stored value of a number cell has no zeros, but reads
		{"TRUE", true, ""},
	}
	for _, c := range tests {
		got, err := Registro(c.text, c.numeric)
		if got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("Registro(%q, %v) = %q, %v; want %q", c.text, c.numeric, got, err, c.want)
		}
		if err != nil && (kindOf(err) != Syntax || !strings.Contains(err.Error(), "is not a 6-digit registro ANS")) {
			t.Errorf("Registro(%q, %v): error %v", c.text, c.numeric, err)
		}
	}
}

func TestRaw(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1234.5", "1234.5"},
		{"1.5E-3", "0.0015"},
		{"1.5e3", "1500"},
		{"-7", "-7"},
		{" 42 ", "42"},
		{"0.1", "0.1"}, // exact: the digits in the file, not a float
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"0.30000000000000004", "0.30000000000000004"}, // what a float sum can leave in a file, kept as written
		{"1.234", "1.234"}, // a raw cell value is never pt-BR: not ambiguous
		{"", ""},
		{"  ", ""},
		{"1,5", ""},
		{"1_000", ""},
		{"abc", ""},
		{"Inf", ""},
		{"-Infinity", ""},
		{"NaN", ""},
		{"1e400", ""}, // beyond float64: refused
		{"0x1p4", ""}, // hexadecimal float: refused
		{"1.2.3", ""},
	}
	for _, tc := range tests {
		got, err := Raw(tc.in)
		if tc.want == "" {
			if k := kindOf(err); k != Syntax {
				t.Errorf("Raw(%q) = %s, %v; want a syntax error", tc.in, got, err)
			}
			continue
		}
		if err != nil || !got.Equal(decimal.RequireFromString(tc.want)) {
			t.Errorf("Raw(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		in, want string
		kind     Kind
	}{
		{"35%", "0.35", 0},
		{"0,35", "0.35", 0},
		{"0.35", "0.35", 0},
		{"12,5%", "0.125", 0},
		{"100%", "1", 0},
		{"0%", "0", 0},
		{" 35 % ", "0.35", 0},
		{"-5%", "-0.05", 0},
		{"0,001%", "0.00001", 0},
		{"1", "1", 0},
		{"%", "", Syntax},
		{"abc%", "", Syntax},
		{"35%%", "", Syntax},
		{"1.234%", "", Ambiguous},
		{"", "", Syntax},
	}
	for _, tc := range tests {
		got, err := Percent(tc.in)
		if k := kindOf(err); k != tc.kind {
			t.Errorf("Percent(%q): error %v, want kind %d", tc.in, err, tc.kind)
			continue
		}
		if err == nil && !got.Equal(decimal.RequireFromString(tc.want)) {
			t.Errorf("Percent(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-05-15", "2023-05-15"},
		{"15/05/2023", "2023-05-15"},
		{"5/6/2023", "2023-06-05"}, // day first, as in Brazil
		{" 2024-02-29 ", "2024-02-29"},
		{"29/02/2024", "2024-02-29"},
		{"2023-02-29", ""}, // not a leap year
		{"2023-02-30", ""},
		{"31/04/2023", ""},
		{"2023/05/15", ""},
		{"15-05-2023", ""},
		{"05/15/2023", ""}, // US order: month 15
		{"2023-5-15", ""},
		{"2023-05", ""},
		{"", ""},
		{"ontem", ""},
	}
	for _, tc := range tests {
		got, err := Date(tc.in)
		if tc.want == "" {
			if kindOf(err) != Syntax {
				t.Errorf("Date(%q) = %v, %v; want a syntax error", tc.in, got, err)
			}
			continue
		}
		if err != nil || period.Date(got) != tc.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("Date(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestMonth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-05", "2023-05"},
		{"05/2023", "2023-05"},
		{"5/2023", "2023-05"},
		{"2023-12", "2023-12"},
		{"2023-05-15", "2023-05"}, // a date names its month
		{"15/05/2023", "2023-05"},
		{" 2024-01 ", "2024-01"},
		{"2023-13", ""},
		{"2023-00", ""},
		{"13/2023", ""},
		{"2023", ""},
		{"2023-5", ""},
		{"maio/2023", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, err := Month(tc.in)
		if tc.want == "" {
			if kindOf(err) != Syntax {
				t.Errorf("Month(%q) = %v, %v; want a syntax error", tc.in, got, err)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("Month(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// Serials are days since 1899-12-30 from 1900-03-01 on; before that, since
// 1899-12-31 (Excel's phantom 1900-02-29 is serial 60).
// Hand check: 1900-01-01 → 2023-01-01 is 123·365 + 30 leap days (1904…2020)
// = 44925 days; plus the two days from 1899-12-30 gives 44927 = 2023-01-01.
// 2023-05-15 = 44927 + 31 + 28 + 31 + 30 + 14 = 45061.
func TestSerial(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1", "1900-01-01"},
		{"31", "1900-01-31"},
		{"59", "1900-02-28"},
		{"60", "1900-03-01"}, // Excel's 1900-02-29 that never was
		{"61", "1900-03-01"},
		{"44927", "2023-01-01"},
		{"45061", "2023-05-15"},
		{"45061.75", "2023-05-15"}, // time of day dropped
		{"45061.999999", "2023-05-15"},
		{"4.5061E4", "2023-05-15"},
		{"45107", "2023-06-30"}, // 45061 + 16 (May) + 30 (June)
		{"2958465", "9999-12-31"},
		{"2958465.5", "9999-12-31"}, // noon on the last day Excel knows
		{"2958466", ""},
		{"0", ""},
		{"0.5", ""}, // a time of day alone is not a date
		{"-1", ""},
		{"", ""},
		{"abc", ""},
		{"45061,5", ""},
		{"2023-05-15", ""},
	}
	for _, tc := range tests {
		got, err := Serial(tc.in, false)
		if tc.want == "" {
			if kindOf(err) != Syntax {
				t.Errorf("Serial(%q) = %v, %v; want a syntax error", tc.in, got, err)
			}
			continue
		}
		if err != nil || period.Date(got) != tc.want || got.Hour() != 0 || got.Location() != time.UTC {
			t.Errorf("Serial(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// The 1904 date system counts days from 1904-01-01 (serial 0), with no
// phantom leap day: a date's 1904 serial is its 1900 serial minus 1462
// (1900-01-01 → 1904-01-01 is 4·365 + 1 days, plus Excel's 1900-02-29).
// Hand check: 2023-05-15 is 45061 − 1462 = 43599.
func TestSerial1904(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "1904-01-01"},
		{"0.5", "1904-01-01"}, // noon of the first day
		{"1", "1904-01-02"},
		{"59", "1904-02-29"}, // 1904 is a leap year, and no day is phantom
		{"43599", "2023-05-15"},
		{"43599.75", "2023-05-15"},
		{"4.3599E4", "2023-05-15"},
		{"2957003", "9999-12-31"},
		{"2957004", ""},
		{"-1", ""},
		{"-0.5", ""},
		{"abc", ""},
	}
	for _, tc := range tests {
		got, err := Serial(tc.in, true)
		if tc.want == "" {
			if kindOf(err) != Syntax {
				t.Errorf("Serial(%q, 1904) = %v, %v; want a syntax error", tc.in, got, err)
			}
			continue
		}
		if err != nil || period.Date(got) != tc.want || got.Hour() != 0 || got.Location() != time.UTC {
			t.Errorf("Serial(%q, 1904) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	// Every date from 1904-01-01 on has the 1904 serial 1462 below its 1900 one.
	for _, n := range []int64{1462, 1463, 44927, 45061, 2958465} {
		a, err1 := Serial(decimal.NewFromInt(n).String(), false)
		b, err2 := Serial(decimal.NewFromInt(n-1462).String(), true)
		if err1 != nil || err2 != nil || !a.Equal(b) {
			t.Errorf("serial %d (1900) = %v, %d (1904) = %v (%v %v)", n, a, n-1462, b, err1, err2)
		}
	}
}

// Numbers as money.BRL writes them read back.
func TestNumberReadsBRL(t *testing.T) {
	for text, want := range map[string]string{"-R$ 12,50": "-12.5", "R$ -12,50": "-12.5", "R$ 1.234,56": "1234.56"} {
		got, err := Number(text)
		if err != nil || got.String() != want {
			t.Errorf("Number(%q) = %v, %v; want %s", text, got, err, want)
		}
	}
	if _, err := Number("-R$ -1,00"); err == nil {
		t.Error("a double minus must be refused")
	}
}

// A finding of a value that cannot be read speaks pt-BR: the message, the
// parse error's own fix, and the catalogue's fix of another error.
func TestFindingInPortuguese(t *testing.T) {
	_, ambiguous := Number("1.234")
	_, long := Number(strings.Repeat("9", maxNumberLen+1))
	_, month := Month("2025-13")
	_, registro := Registro("5711", false)
	tests := []struct {
		err          error
		message, fix string
	}{
		{ambiguous, `valor: "1.234" é ambíguo: 1 mil ou 1.234`, "digite o valor em uma célula numérica, ou escreva-o sem ambiguidade (1.234,00 ou 1234)"},
		{long, `valor: "` + strings.Repeat("9", 37) + `..." é longo demais para um número`, "digite o valor em uma célula numérica, ou como texto no formato 1.234.567,89 (pt-BR) ou 1234567.89 (simples)"},
		{month, `valor: "2025-13" não é um mês`, "digite o mês em uma célula de data, ou como texto AAAA-MM (ou MM/AAAA)"},
		{registro, `valor: "5711" não é um registro ANS de 6 dígitos`, "digite os 6 dígitos do registro ANS, com os zeros à esquerda (005711)"},
		{errors.New("boom"), "valor: boom", "digite o valor em uma célula numérica, ou como texto no formato 1.234.567,89"},
	}
	for _, c := range tests {
		f := Finding(findings.BadNumber, "PLA", "B3", "valor", c.err).In(lang.PtBR)
		if f.Message != c.message || f.Fix != c.fix {
			t.Errorf("%v: got %q (fix %q), want %q (fix %q)", c.err, f.Message, f.Fix, c.message, c.fix)
		}
	}
	// A what in words of the language (FindingOf) is in pt-BR too.
	f := FindingOf(findings.BadNumber, "", "", lang.M("line %d", lang.Ordinal(1234)), long).In(lang.PtBR)
	if !strings.HasPrefix(f.Message, `linha 1234: "9`) {
		t.Errorf("FindingOf: %q", f.Message)
	}
}

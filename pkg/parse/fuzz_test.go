package parse

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
)

// The seeds are the examples of input-workbook.md and the edge cases of
// parse_test.go; `go test` runs them, `go test -fuzz` starts from them.
var numberSeeds = []string{
	"1.234.567,89", "-12,5", "1234567.89", "1.234.567", "1.234", "0.234", "R$ 1.234,56",
	"\u00a01.000,00", "+5", ".5", "1,", ",5", "1,2,3", "12.34.56", "1e5", "--1", "", " ",
	"0,35", "35%", "99999999999999999999999.99", "-0,00", "1234.567", "R$ -1,5", "0.000",
}

// plainDecimal is a plain decimal literal: optional minus, digits, optional
// dot and digits.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// ambiguousForm is the one plain form Number may refuse: one dot followed by
// exactly three digits.
var ambiguousForm = regexp.MustCompile(`^-?[0-9]+\.[0-9]{3}$`)

func FuzzNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Number(s)
		if err != nil {
			pe, ok := IsParseError(err)
			if !ok || pe.Text != s || (pe.Kind != Syntax && pe.Kind != Ambiguous) {
				t.Fatalf("Number(%q): error %v is not a proper *Error", s, err)
			}
			if plainDecimal.MatchString(s) && len(s) <= maxNumberLen && !(pe.Kind == Ambiguous && ambiguousForm.MatchString(s)) {
				t.Fatalf("Number(%q) refused a plain decimal: %v", s, err)
			}
			return
		}
		// A plain decimal reads as itself.
		if plainDecimal.MatchString(s) && !d.Equal(decimal.RequireFromString(s)) {
			t.Fatalf("Number(%q) = %s, want the literal value", s, d)
		}
		// Whatever was read, writing it in pt-BR and reading it again gives
		// it back.
		places := max(int32(1), -d.Exponent())
		if places > 200 {
			return
		}
		text := money.PtBR(d, places)
		if len(text) > maxNumberLen {
			return // refused as too long, by design
		}
		back, err := Number(text)
		if err != nil || !back.Equal(d) {
			t.Fatalf("Number(%q) = %s, but PtBR gives %q which reads as %s, %v", s, d, text, back, err)
		}
	})
}

func FuzzPercent(f *testing.F) {
	for _, s := range []string{"35%", "0,35", "0.35", "12,5%", " 35 % ", "%", "1.234%", "35%%", "-5%", "100%", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Percent(s)
		if err != nil {
			if _, ok := IsParseError(err); !ok {
				t.Fatalf("Percent(%q): foreign error %v", s, err)
			}
			return
		}
		rest, pct := strings.CutSuffix(strings.TrimSpace(s), "%")
		n, err := Number(rest)
		if err != nil {
			t.Fatalf("Percent(%q) = %s but Number(%q) fails: %v", s, d, rest, err)
		}
		if pct {
			n = n.Shift(-2)
		}
		if !d.Equal(n) {
			t.Fatalf("Percent(%q) = %s, want %s", s, d, n)
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2023-05-15", "15/05/2023", "5/6/2023", "2024-02-29", "2023-02-29", "31/04/2023", "2023/05/15", "", "0000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Date(s)
		if err != nil {
			if _, ok := IsParseError(err); !ok {
				t.Fatalf("Date(%q): foreign error %v", s, err)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("Date(%q) = %v is not a civil date", s, d)
		}
		back, err := Date(d.Format(time.DateOnly))
		if err != nil || !back.Equal(d) {
			t.Fatalf("Date(%q) = %v does not round-trip: %v, %v", s, d, back, err)
		}
	})
}

func FuzzMonth(f *testing.F) {
	for _, s := range []string{"2023-05", "05/2023", "5/2023", "2023-05-15", "15/05/2023", "2023-13", "13/2023", "2023", "", "0000-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Month(s)
		if err != nil {
			if _, ok := IsParseError(err); !ok {
				t.Fatalf("Month(%q): foreign error %v", s, err)
			}
			return
		}
		if m.Month < time.January || m.Month > time.December {
			t.Fatalf("Month(%q) = %v: month out of range", s, m)
		}
		back, err := Month(m.String())
		if err != nil || back != m {
			t.Fatalf("Month(%q) = %v does not round-trip: %v, %v", s, m, back, err)
		}
	})
}

func FuzzRaw(f *testing.F) {
	for _, s := range []string{"1234.5", "1.5E-3", "-7", " 42 ", "0.1", "1,5", "1_000", "Inf", "NaN", "1e400", "1e-400", "0x1p4", "", "123456789012345678901234567890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Raw(s)
		if err != nil {
			if _, ok := IsParseError(err); !ok {
				t.Fatalf("Raw(%q): foreign error %v", s, err)
			}
			return
		}
		// Exact: the value is the decimal the text writes.
		want, err := decimal.NewFromString(strings.TrimSpace(s))
		if err != nil || !d.Equal(want) {
			t.Fatalf("Raw(%q) = %s, want %s (%v)", s, d, want, err)
		}
	})
}

func FuzzSerial(f *testing.F) {
	for _, s := range []string{"1", "59", "60", "61", "45061", "45061.75", "2958465", "2958466", "0", "0.5", "-1", "", "abc", "4.5061E4", "1e-400"} {
		f.Add(s)
	}
	lo := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Serial(s, false)
		if err != nil {
			if _, ok := IsParseError(err); !ok {
				t.Fatalf("Serial(%q): foreign error %v", s, err)
			}
			return
		}
		if d.Before(lo) || d.After(hi) || d.Location() != time.UTC || d.Hour() != 0 {
			t.Fatalf("Serial(%q) = %v, outside 1900-01-01..9999-12-31 or not a civil date", s, d)
		}
		// From 1900-03-01 on, the next serial is the next day.
		v, _ := Raw(s)
		n := v.IntPart()
		if n >= 61 && n < 2958465 {
			next, err := Serial(decimal.NewFromInt(n+1).String(), false)
			if err != nil || !next.Equal(d.AddDate(0, 0, 1)) {
				t.Fatalf("Serial(%d) = %v but Serial(%d) = %v, %v", n, d, n+1, next, err)
			}
		}
		// From 1904-01-01 on, the same date in the 1904 system.
		if n >= 1462 {
			same, err := Serial(decimal.NewFromInt(n-1462).String(), true)
			if err != nil || !same.Equal(d) {
				t.Fatalf("Serial(%d) = %v but Serial(%d, 1904) = %v, %v", n, d, n-1462, same, err)
			}
		}
	})
}

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// FuzzRegistro: whatever Registro accepts is six ASCII digits: the text
// itself (trimmed), or the number it stores, padded (never 0); what it
// refuses is a proper *Error.
func FuzzRegistro(f *testing.F) {
	for _, s := range []string{"005711", " 123456 ", "5711", "05711", "1E5", "0", "-5711", "5711.5", "1000000", "１２３４５６", "TRUE", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, numeric bool) {
		got, err := Registro(s, numeric)
		if err != nil {
			if pe, ok := IsParseError(err); !ok || pe.Text != s || pe.Kind != Syntax || pe.Fix.IsZero() {
				t.Fatalf("Registro(%q, %v): error %v is not a proper *Error", s, numeric, err)
			}
			return
		}
		if !sixDigits.MatchString(got) || (numeric && got == "000000") {
			t.Fatalf("Registro(%q, %v) = %q, not six digits", s, numeric, got)
		}
		if !numeric && got != strings.TrimSpace(s) {
			t.Fatalf("Registro(%q) = %q, not the text typed", s, got)
		}
		if d, err := Raw(strings.TrimSpace(s)); numeric && (err != nil || !d.Equal(decimal.RequireFromString(got))) {
			t.Fatalf("Registro(%q, numeric) = %q, not the number stored", s, got)
		}
	})
}

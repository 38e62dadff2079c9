package xlsxfile

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
)

// A numeric cell reads as Excel shows it: 15 significant digits, rounded
// half away from zero on the digits of the text.
func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		// Excel's 17-digit doubles of typed decimals.
		{"82.150000000000006", "82.15"},
		{"0.30000000000000004", "0.3"},
		{"3086419.6350000002", "3086419.635"},
		{"3086419.6399999997", "3086419.64"},
		{"-82.150000000000006", "-82.15"},
		{"1234567.8899999999", "1234567.89"},
		{"2.9999999999999996", "3"},
		{"0.99999999999999989", "1"},
		{"9.9999999999999995", "10"},
		{"999999999999999.5", "1000000000000000"}, // 15 nines and a half: the carry adds a digit
		// Exponents, as Excel writes small and large values.
		{"1E-3", "0.001"},
		{"1.5E-3", "0.0015"},
		{"1e3", "1000"},
		{"1.0000000000000001E-5", "0.00001"},
		{"1.2345678901234567E+20", "123456789012346000000"},
		{"1.5E-19", "0.00000000000000000015"},
		{"1E-25", "1E-25"},
		{"1E+22", "1E+22"},
		{"1.7976931348623157E307", "1.79769313486232E+307"},
		{"-1.5E308", "-1.5E+308"},
		// Integers, negatives, and values of 15 digits or fewer: unchanged.
		{"100", "100"},
		{"0", "0"},
		{"-7", "-7"},
		{"45061", "45061"},
		{"123456789012345", "123456789012345"},
		{"0.123456789012345", "0.123456789012345"},
		{"-1234567.89012345", "-1234567.89012345"},
		{"1234567890123456", "1234567890123460"},
		// Other spellings a writer may use.
		{" 12 ", "12"},
		{"-0", "0"},
		{"0.000", "0"},
		{"007", "7"},
		{"1.50", "1.5"},
		{"+5", "5"},
		{".5", "0.5"},
		{"5.", "5"},
	}
	for _, c := range cases {
		got, ok := normalize([]byte(c.in))
		if !ok || got != c.want {
			t.Errorf("normalize(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
		if _, err := parse.Raw(got); err != nil {
			t.Errorf("normalize(%q) = %q, which parse.Raw refuses: %v", c.in, got, err)
		}
	}
	for _, in := range []string{"", " ", "abc", "1,5", "1e", "e5", "--1", "-", ".", "1.2.3", "Inf", "NaN", "0x10", "1_000", "1E309", "1.7976931348623157E308", "1E-400", "1 2", strings.Repeat("1", 65)} {
		if got, ok := normalize([]byte(in)); ok {
			t.Errorf("normalize(%q) = %q, want no number", in, got)
		}
	}
}

// What a person types (at most 15 significant digits) and Excel stores as
// the nearest double, written with 17 digits, reads back exactly.
func TestNormalizeRecoversTyped(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		digits := 1 + rng.IntN(15)
		coef := rng.Int64N(pow10(digits))
		d := decimal.New(coef, int32(-rng.IntN(12)))
		if rng.IntN(2) == 0 {
			d = d.Neg()
		}
		f, _ := d.Float64()
		stored := strconv.FormatFloat(f, 'g', 17, 64)
		got, ok := normalize([]byte(stored))
		if !ok {
			t.Fatalf("%s stored as %s: not a number", d, stored)
		}
		if g, _ := decimal.NewFromString(got); !g.Equal(d) {
			t.Fatalf("typed %s, stored %s, read %s", d, stored, got)
		}
	}
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                 "plain",
		"a_x000D_b":             "a\rb",
		"_x000d__x000A_":        "\r\n",
		"_x005F_x000D_":         "_x000D_", // the escaped underscore keeps the text literal
		"x_x0041":               "x_x0041",
		"_xD83D__xDE00_ smile":  "\U0001F600 smile",
		"lone _xD83D_ half":     "lone \uFFFD half",
		"R$ 1_x00A0_234":        "R$ 1\u00a0234",
		"_x00e7__x00E3_o ok_x_": "ção ok_x_",
	} {
		if got := string(unescape([]byte(in))); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCellConversions(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	num := func(c Cell) string {
		d, err := c.Number()
		if err != nil {
			return "error: " + err.Error()
		}
		return d.String()
	}
	for _, c := range []struct {
		cell Cell
		want string
	}{
		{Cell{Kind: Number, Value: "82.15"}, "82.15"},
		{Cell{Kind: Number, Value: "1.5E-3"}, "0.0015"},
		{Cell{Kind: Text, Value: "1.234.567,89"}, "1234567.89"},
		{Cell{Kind: Text, Value: "1234.5"}, "1234.5"},
		{Cell{Kind: Text, Value: "1.234"}, "error: \"1.234\" is ambiguous: 1 thousand or 1.234"},
		{Cell{Kind: Bool, Value: "TRUE"}, "error: TRUE is a TRUE/FALSE (boolean) cell, not a number"},
		{Cell{Kind: Bool, Value: "FALSE"}, "error: FALSE is a TRUE/FALSE (boolean) cell, not a number"},
		{Cell{Kind: Error, Value: "#DIV/0!"}, "error: the cell holds the error #DIV/0!, not a number"},
		{Cell{Kind: Date, Value: "2025-01-15"}, "error: 2025-01-15 is a date cell, not a number"},
	} {
		if got := num(c.cell); got != c.want {
			t.Errorf("%+v: %s, want %s", c.cell, got, c.want)
		}
	}
	if p, err := (Cell{Kind: Text, Value: "35%"}).Percent(); err != nil || p.String() != "0.35" {
		t.Errorf("35%%: %v %v", p, err)
	}
	if _, err := (Cell{Kind: Bool, Value: "TRUE"}).Percent(); err == nil {
		t.Error("a boolean read as a percentage")
	}
	if pe, ok := parse.IsParseError(func() error { _, err := (Cell{Kind: Bool, Value: "TRUE"}).Number(); return err }()); !ok || !strings.Contains(pe.Fix.String(), "never read as 1 or 0") {
		t.Errorf("a boolean's error: %+v", pe)
	}
	for _, c := range []struct {
		cell     Cell
		date1904 bool
		want     string // "" when refused
	}{
		{Cell{Kind: Number, Value: "45061"}, false, "2023-05-15"},
		{Cell{Kind: Number, Value: "43599"}, true, "2023-05-15"},
		{Cell{Kind: Number, Value: "0"}, true, "1904-01-01"},
		{Cell{Kind: Number, Value: "0"}, false, ""},
		{Cell{Kind: Date, Value: "2025-01-15"}, false, "2025-01-15"},
		{Cell{Kind: Date, Value: "2025-01-15"}, true, "2025-01-15"}, // an ISO date knows no date system
		{Cell{Kind: Date, Value: "T10:00:00"}, false, ""},
		{Cell{Kind: Text, Value: "15/01/2025"}, false, "2025-01-15"},
		{Cell{Kind: Text, Value: "45061"}, false, ""}, // a serial typed as text is no date
		{Cell{Kind: Bool, Value: "TRUE"}, false, ""},
		{Cell{Kind: Error, Value: "#N/A"}, false, ""},
	} {
		got, err := c.cell.Date(c.date1904)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%+v (1904 %v): %v, want refused", c.cell, c.date1904, got)
		case c.want != "" && (err != nil || !got.Equal(day(c.want))):
			t.Errorf("%+v (1904 %v): %v, %v; want %s", c.cell, c.date1904, got, err, c.want)
		}
	}
	for _, c := range []struct {
		cell Cell
		want string
	}{
		{Cell{Kind: Number, Value: "45061"}, "2023-05"},
		{Cell{Kind: Date, Value: "2025-01-15"}, "2025-01"},
		{Cell{Kind: Text, Value: "2025-01"}, "2025-01"},
		{Cell{Kind: Text, Value: "01/2025"}, "2025-01"},
	} {
		if m, err := c.cell.Month(false); err != nil || m.String() != c.want {
			t.Errorf("%+v: month %v, %v; want %s", c.cell, m, err, c.want)
		}
	}
	if _, err := (Cell{Kind: Number, Value: "0.5"}).Month(false); err == nil || !strings.Contains(err.Error(), "not a month") {
		t.Errorf("a time of day as a month: %v", err)
	}
	if _, err := (Cell{Kind: Bool, Value: "TRUE"}).Month(false); err == nil || err.Error() != "TRUE is a TRUE/FALSE (boolean) cell, not a month" {
		t.Errorf("a boolean as a month: %v", err)
	}
	// What a person typed that is no date (or a year outside 1900–2200, a
	// typing error) is quoted, with the plain fix; a cell of another kind
	// says what it is.
	for _, c := range []struct {
		cell       Cell
		month      bool
		msg, fixes string
	}{
		{Cell{Kind: Text, Value: " 2024-13-01 "}, false, `"2024-13-01" is not a date`, "type a date cell, or text AAAA-MM-DD"},
		{Cell{Kind: Text, Value: "1800-01-01"}, false, `"1800-01-01" is not a date`, "type a date cell, or text AAAA-MM-DD"},
		{Cell{Kind: Number, Value: "200000"}, false, `"200000" is not a date`, "type a date cell, or text AAAA-MM-DD"}, // 2447
		{Cell{Kind: Date, Value: "2201-01-01"}, false, `"2201-01-01" is not a date`, "type a date cell, or text AAAA-MM-DD"},
		{Cell{Kind: Date, Value: "T10:00:00"}, false, `the date cell holds "T10:00:00", which is not a date`, parse.DateFix.String()},
		{Cell{Kind: Error, Value: "#N/A"}, false, "the cell holds the error #N/A, not a date", "correct the formula, or type the value"},
		{Cell{Kind: Text, Value: "2024/05"}, true, `"2024/05" is not a month`, "type text AAAA-MM or a date cell"},
		{Cell{Kind: Text, Value: "01/2300"}, true, `"01/2300" is not a month`, "type text AAAA-MM or a date cell"},
		{Cell{Kind: Number, Value: "0.5"}, true, `"0.5" is not a month`, "type text AAAA-MM or a date cell"},
		{Cell{Kind: Date, Value: "1800-01-01"}, true, `"1800-01-01" is not a month`, "type text AAAA-MM or a date cell"},
	} {
		var err error
		if c.month {
			_, err = c.cell.Month(false)
		} else {
			_, err = c.cell.Date(false)
		}
		if pe, ok := parse.IsParseError(err); !ok || pe.Msg.String() != c.msg || pe.Fix.String() != c.fixes {
			t.Errorf("%+v (month %v): %+v, want %q (fix: %s)", c.cell, c.month, pe, c.msg, c.fixes)
		}
	}
	for _, c := range []struct {
		cell Cell
		want string
	}{
		{Cell{Kind: Text, Value: " s "}, "S"}, // case and blanks forgiven, as allowed spells it
		{Cell{Kind: Number, Value: "2"}, "2"}, // a region typed as a number
		{Cell{Kind: Text, Value: "2"}, "2"},
		{Cell{Kind: Number, Value: "2.5"}, `error: "2.5" is not one of S, N, 2`},
		{Cell{Kind: Text, Value: "sim"}, `error: "sim" is not one of S, N, 2`},
		{Cell{Kind: Bool, Value: "TRUE"}, "error: TRUE is a TRUE/FALSE (boolean) cell, not one of S, N, 2"},
		{Cell{Kind: Error, Value: "#N/A"}, "error: the cell holds the error #N/A, not one of S, N, 2"},
		{Cell{Kind: Date, Value: "2025-01-15"}, "error: 2025-01-15 is a date cell, not one of S, N, 2"},
	} {
		got, err := c.cell.OneOf([]string{"S", "N", "2"})
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != c.want {
			t.Errorf("%+v: code %s, want %s", c.cell, got, c.want)
		}
	}
	for _, c := range []struct {
		cell Cell
		want string
	}{
		{Cell{Kind: Text, Value: "005711"}, "005711"},
		{Cell{Kind: Number, Value: "5711"}, "005711"}, // a number cell lost the zeros
		{Cell{Kind: Text, Value: "5711"}, `error: "5711" is not a 6-digit registro ANS`},
		{Cell{Kind: Number, Value: "1234567"}, `error: "1234567" is not a 6-digit registro ANS`},
		{Cell{Kind: Bool, Value: "TRUE"}, "error: TRUE is a TRUE/FALSE (boolean) cell, not a 6-digit registro ANS"},
		{Cell{Kind: Date, Value: "2025-01-15"}, "error: 2025-01-15 is a date cell, not a 6-digit registro ANS"},
	} {
		got, err := c.cell.Registro()
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != c.want {
			t.Errorf("%+v: registro %s, want %s", c.cell, got, c.want)
		}
	}
}

// An empty required cell is CR-E005; a formula without a cached value
// CR-E010, with its formula (a shared formula's copy has none of its own).
func TestMissing(t *testing.T) {
	for _, c := range []struct {
		cell             Cell
		code, where, msg string
		fix              string
	}{
		{Cell{Col: 2}, findings.EmptyValue, "B7", "valor is empty", "type it"},
		{Cell{Col: 2, Kind: Text, Value: "  "}, findings.EmptyValue, "B7", "valor is empty", "type it"},
		{Cell{Col: 2, Kind: Formula, Formula: "SUM(B1:B6)"}, findings.FormulaNoValue, "B7", "valor: the formula =SUM(B1:B6) has no cached value", ""},
		{Cell{Col: 2, Kind: Formula}, findings.FormulaNoValue, "B7", "valor: the shared formula has no cached value", ""},
		{Cell{}, findings.EmptyValue, "", "valor is empty", "type it"}, // a column the sheet does not have
	} {
		f := c.cell.Missing("PLA", 7, "valor", lang.Text("type it"))
		want, _ := findings.Lookup(c.code)
		if c.fix == "" {
			c.fix = want.Fix.String()
		}
		if f.Code != c.code || f.Sheet != "PLA" || f.Cell != c.where || f.Message != c.msg || f.Fix != c.fix {
			t.Errorf("%+v: %+v", c.cell, f)
		}
	}
}

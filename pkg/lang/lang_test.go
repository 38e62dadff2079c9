package lang

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/period"
)

// Every message, and every help text, has a text in every language, every
// key is in the catalog once, and a message's verbs are the same in both
// languages.
func TestCatalogComplete(t *testing.T) {
	seen := map[Key]bool{}
	for _, m := range append(all(), helpTexts...) {
		if seen[m.key] {
			t.Errorf("%s: in the catalog twice", m.key)
		}
		seen[m.key] = true
		for _, l := range All {
			if strings.TrimSpace(m.texts()[l]) == "" {
				t.Errorf("%s: no %s text", m.key, l)
			}
		}
		if strings.Count(m.en, "%") != strings.Count(m.pt, "%") {
			t.Errorf("%s: the languages take different arguments:\n  en %q\n  pt %q", m.key, m.en, m.pt)
		}
	}
}

func TestT(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		want string
	}{
		{En, "no APS date (aps_certificacao)"},
		{"", "sem data de APS (aps_certificacao)"}, // the default: pt-BR
		{PtBR, "sem data de APS (aps_certificacao)"},
	} {
		if got := c.l.T(NoProgramDate, "APS", "aps_certificacao"); got != c.want {
			t.Errorf("%q: got %q, want %q", c.l, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Lang
		err  bool
	}{
		{"pt-BR", PtBR, false}, {"pt-br", PtBR, false}, {"en", En, false}, {"EN", En, false},
		{"pt", "", true}, {"fr", "", true}, {"", "", true},
	} {
		got, err := Parse(c.in)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("Parse(%q) = %q, %v", c.in, got, err)
		}
	}
}

func TestConventions(t *testing.T) {
	day := time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
	month := period.Month{Year: 2025, Month: time.September}
	for _, c := range []struct {
		l                   Lang
		date, month, number string
	}{
		{PtBR, "26/04/2025", "09/2025", "1.234,5"},
		{En, "2025-04-26", "2025-09", "1234.5"},
	} {
		if got := c.l.Date(day); got != c.date {
			t.Errorf("%s Date: %q, want %q", c.l, got, c.date)
		}
		if got := c.l.Month(month); got != c.month {
			t.Errorf("%s Month: %q, want %q", c.l, got, c.month)
		}
		if got := c.l.Number(decimal.RequireFromString("1234.50")); got != c.number {
			t.Errorf("%s Number: %q, want %q", c.l, got, c.number)
		}
	}
	if got := PtBR.Number(decimal.RequireFromString("0.72")); got != "0,72" {
		t.Errorf("IDSS 0.72 in pt-BR: %q", got)
	}
	if got := En.Number(decimal.RequireFromString("0.72")); got != "0.72" {
		t.Errorf("IDSS 0.72 in en: %q", got)
	}
}

// Fixed, Percent and Count: rounded half away from zero to the places
// asked, a decimal comma and thousands points in pt-BR, a point and no
// grouping in English.
func TestFixedPercentCount(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		l                     Lang
		fixed, percent, count string
	}{
		{PtBR, "5,0850", "19,98%", "12.000"},
		{En, "5.0850", "19.98%", "12000"},
		{"", "5,0850", "19,98%", "12.000"}, // the default: pt-BR
	} {
		if got := c.l.Fixed(d("5.08495"), 4); got != c.fixed {
			t.Errorf("%q Fixed: %q, want %q", c.l, got, c.fixed)
		}
		if got := c.l.Percent(d("0.199750"), 2); got != c.percent { // 19.975% rounds up
			t.Errorf("%q Percent: %q, want %q", c.l, got, c.percent)
		}
		if got := c.l.Count(12000); got != c.count {
			t.Errorf("%q Count: %q, want %q", c.l, got, c.count)
		}
	}
	for _, l := range All { // half away from zero, and no "-0"
		if got := l.Fixed(d("-0.00004"), 4); got != "0"+map[Lang]string{PtBR: ",", En: "."}[l]+"0000" {
			t.Errorf("%s Fixed(-0.00004): %q", l, got)
		}
		if got := l.Fixed(d("-1.00005"), 4); got != "-1"+map[Lang]string{PtBR: ",", En: "."}[l]+"0001" {
			t.Errorf("%s Fixed(-1.00005): %q", l, got)
		}
	}
}

// Lang is the value of --lang: it refuses an unknown language.
func TestSet(t *testing.T) {
	var l Lang
	if err := l.Set("pt-BR"); err != nil || l != PtBR {
		t.Fatalf("Set(pt-BR): %q, %v", l, err)
	}
	if err := l.Set("de"); err == nil || l != PtBR {
		t.Fatalf("Set(de): %q, %v", l, err)
	}
}

// Parse takes a user's --lang, CAPREG_LANG or config value: it never
// panics, and accepts only a language's name, in any case.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"pt-BR", "pt-br", "en", "EN", "pt", "", "pt_BR", "en-US", "\x00", "ｅｎ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse(s)
		if err != nil {
			if l != "" {
				t.Errorf("Parse(%q) = %q with error %v", s, l, err)
			}
			return
		}
		if !strings.EqualFold(s, string(l)) || (l != PtBR && l != En) {
			t.Errorf("Parse(%q) = %q", s, l)
		}
	})
}

// A sentence's arguments follow its language: a date, a month, a decimal,
// a nested sentence, an error of Errorf, a list of months (Join).
func TestMsgArgs(t *testing.T) {
	day := time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
	months := []period.Month{{Year: 2024, Month: time.October}, {Year: 2025, Month: time.September}}
	inner := Errorf("%s is after %s", day, months[1])
	m := M("%s, %s, %s: %v [%s]", day, months[0], decimal.RequireFromString("1234.56"), Err(inner), Join(months, ", "))
	if got, want := m.String(), "2025-04-26, 2024-10, 1234.56: 2025-04-26 is after 2025-09 [2024-10, 2025-09]"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got, want := m.In(PtBR), "26/04/2025, 10/2024, 1.234,56: 26/04/2025 is after 09/2025 [10/2024, 09/2025]"; got != want {
		t.Errorf("pt-BR: %q, want %q", got, want)
	}
	if got := Join([]string{"a%b"}, "%").In(PtBR); got != "a%b" {
		t.Errorf("Join of one item with %%: %q", got)
	}
	if got := Err(fmt.Errorf("plain")).In(PtBR); got != "plain" {
		t.Errorf("Err of an error without Portuguese: %q", got)
	}
}

// A place (Ordinal) keeps its digits in both languages; a count is grouped
// in Portuguese.
func TestOrdinal(t *testing.T) {
	for _, c := range []struct {
		m      Msg
		en, pt string
	}{
		{M("line %d", Ordinal(12345)), "line 12345", "linha 12345"},
		{M("%d errors in the input:\n%s", 12345, "x"), "12345 errors in the input:\nx", "12.345 erros na entrada:\nx"},
	} {
		if got := c.m.In(En); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
		if got := c.m.In(PtBR); got != c.pt {
			t.Errorf("pt-BR: %q, want %q", got, c.pt)
		}
	}
}

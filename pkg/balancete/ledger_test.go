package balancete

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
)

// ledger adds sheets to a new ledger, failing on any finding.
func ledger(t *testing.T, sheets ...*Sheet) *Ledger {
	t.Helper()
	l := NewLedger("")
	for _, s := range sheets {
		if f := l.Add(s); len(f) != 0 {
			t.Fatalf("%v", f)
		}
	}
	return l
}

// parts is an origin's parts as text: "conta value sign file mes".
func parts(o Origin) string {
	var out []string
	for _, p := range o.Parts {
		out = append(out, fmt.Sprintf("%s %s %+d %s %s", p.Conta, p.Value, p.Sign, p.File, p.Mes))
	}
	return strings.Join(out, "; ")
}

// Year-to-date result accounts become monthly flows: YTD(m) − YTD(m−1),
// January YTD(January); or saldo final − saldo inicial of a monthly file.
func TestFlow(t *testing.T) {
	// ERP files without saldo_inicial, 311 year-to-date: 100, 250, 450, 600
	// in January to April; flows 100, 150 (250 − 100), 200 (450 − 250), 150.
	jan, feb, mar, apr, may, jun := month(2025, 1), month(2025, 2), month(2025, 3), month(2025, 4), month(2025, 5), month(2025, 6)
	l := ledger(t,
		sheet(t, "jan.csv", jan, false, "311=100", "25=7"),
		sheet(t, "feb.csv", feb, false, "311=250"),
		sheet(t, "mar.csv", mar, false, "311=450"),
		sheet(t, "apr.csv", apr, false, "311=600"),
		// June: the open data's 2T, quarterly, with its saldo inicial at
		// April's start (not a month's): needs May.
		sheet(t, "2T2025.csv", jun, true, "311=450/900"))
	for _, c := range []struct {
		m     period.Month
		want  string
		parts string
		gap   []period.Month
	}{
		{jan, "100", "311 100 +1 jan.csv 2025-01", nil},
		{feb, "150", "311 250 +1 feb.csv 2025-02; 311 100 -1 jan.csv 2025-01", nil},
		{mar, "200", "311 450 +1 mar.csv 2025-03; 311 250 -1 feb.csv 2025-02", nil},
		{apr, "150", "311 600 +1 apr.csv 2025-04; 311 450 -1 mar.csv 2025-03", nil},
		{may, "", "", []period.Month{may}},
		{jun, "", "", []period.Month{may}},
	} {
		o, err := l.Flow("311", c.m)
		var gap *GapError
		switch {
		case c.gap != nil:
			if !errors.As(err, &gap) || !slices.Equal(gap.Need, c.gap) || gap.Total || gap.Mes != c.m {
				t.Errorf("%s: %v, want a gap of %v", c.m, err, c.gap)
			}
		case err != nil || !o.Value.Equal(d(c.want)) || parts(o) != c.parts:
			t.Errorf("%s: %s (%s) %v, want %s (%s)", c.m, o.Value, parts(o), err, c.want, c.parts)
		}
	}
	// The gap of June says its balancete is quarterly.
	_, err := l.Flow("311", jun)
	if g := err.(*GapError); !g.Quarterly || !strings.Contains(err.Error(), "needs the balancete of 2025-05") ||
		!strings.Contains(err.Error(), "quarterly") || g.Finding().Code != findings.BalanceteFlow {
		t.Errorf("%v", err)
	}
	// With May's ERP file, June's flow is YTD(June) from the open data −
	// YTD(May): 900 − 700 = 200.
	if f := l.Add(sheet(t, "may.csv", may, false, "311=700")); f != nil {
		t.Fatal(f)
	}
	if o, err := l.Flow("311", jun); err != nil || !o.Value.Equal(d("200")) || parts(o) != "311 900 +1 2T2025.csv 2025-06; 311 700 -1 may.csv 2025-05" {
		t.Errorf("June: %s (%s) %v", o.Value, parts(o), err)
	}
	// An account absent in both months: zero, absent.
	if o, err := l.Flow("3119", feb); err != nil || !o.Value.IsZero() || !o.Absent() {
		t.Errorf("3119: %v %v", o, err)
	}
	// A balance account has no flow.
	if _, err := l.Flow("25", feb); err == nil || errors.As(err, new(*GapError)) {
		t.Errorf("25: %v", err)
	}
	// A month without a balancete: its own gap.
	if _, err := l.Flow("311", month(2025, 8)); err == nil || !strings.Contains(err.Error(), "the flow of 311 in 2025-08 needs the balancete of 2025-08") {
		t.Errorf("%v", err)
	}
}

// A monthly file with saldo_inicial gives the month's flow alone: final −
// inicial, without the month before; a month not starting the window in
// January needs nothing else.
func TestFlowOpening(t *testing.T) {
	jun := month(2025, 6)
	l := ledger(t, sheet(t, "jun.csv", jun, false, "311=450/600", "31111101=300/400", "31111102=150/200", "41=-10/20"))
	for _, c := range []struct{ conta, want, parts string }{
		{"311", "150", "311 150 +1 jun.csv 2025-06"},
		{"3111", "150", "31111101 100 +1 jun.csv 2025-06; 31111102 50 +1 jun.csv 2025-06"},
		{"41", "30", "41 30 +1 jun.csv 2025-06"},
		{"4", "30", "41 30 +1 jun.csv 2025-06"},
		{"6", "0", ""},
	} {
		if o, err := l.Flow(c.conta, jun); err != nil || !o.Value.Equal(d(c.want)) || parts(o) != c.parts {
			t.Errorf("%s: %s (%s) %v, want %s (%s)", c.conta, o.Value, parts(o), err, c.want, c.parts)
		}
	}
}

// The 12-month total: YTD(q, y) + YTD(4T, y−1) − YTD(q, y−1) from
// quarterly files; a 4T alone; the 12 monthly flows of files with
// saldo_inicial.
func TestFlow12(t *testing.T) {
	q := func(name string, y int, m time.Month, v string) *Sheet {
		return sheet(t, name, month(y, m), true, "311="+v)
	}
	l := ledger(t, q("2T2024.csv", 2024, 6, "500"), q("4T2024.csv", 2024, 12, "1100"), q("2T2025.csv", 2025, 6, "650"))
	// 650 + 1100 − 500 = 1250.
	o, err := l.Flow12("311", month(2025, 6))
	if err != nil || !o.Value.Equal(d("1250")) || parts(o) != "311 650 +1 2T2025.csv 2025-06; 311 1100 +1 4T2024.csv 2024-12; 311 500 -1 2T2024.csv 2024-06" {
		t.Errorf("2T2025: %s (%s) %v", o.Value, parts(o), err)
	}
	// 4T alone: its year-to-date.
	if o, err := l.Flow12("311", month(2024, 12)); err != nil || !o.Value.Equal(d("1100")) || len(o.Parts) != 1 {
		t.Errorf("4T2024: %s %v", o.Value, err)
	}
	// 3T2025 lacks 3T2024 and 3T2025 itself.
	_, err = l.Flow12("311", month(2025, 9))
	var gap *GapError
	if !errors.As(err, &gap) || !gap.Total || !slices.Equal(gap.Need, []period.Month{month(2024, 9), month(2025, 9)}) ||
		!strings.Contains(err.Error(), "YTD(2025-09) + YTD(2024-12) − YTD(2024-09)") {
		t.Errorf("3T2025: %v", err)
	}
	if _, err := l.Flow12("2111", month(2025, 6)); err == nil || errors.As(err, new(*GapError)) {
		t.Errorf("2111: %v", err)
	}

	// Monthly files of July 2024 to June 2025 with saldo_inicial, 100 a
	// month (the year-to-date restarting in January): 12 × 100 = 1200,
	// though 2024-06 is missing.
	var sheets []*Sheet
	for k := month(2024, 7); !k.After(month(2025, 6)); k = k.Add(1) {
		ytd := int(k.Month) * 100
		sheets = append(sheets, sheet(t, k.String()+".csv", k, false, fmt.Sprintf("311=%d/%d", ytd-100, ytd)))
	}
	l = ledger(t, sheets...)
	if o, err := l.Flow12("311", month(2025, 6)); err != nil || !o.Value.Equal(d("1200")) || len(o.Parts) != 12 {
		t.Errorf("monthly: %s %v", o.Value, err)
	}
	// July 2025 is missing: neither way.
	if _, err := l.Flow12("311", month(2025, 7)); !errors.As(err, &gap) || !slices.Equal(gap.Need, []period.Month{month(2025, 7)}) {
		t.Errorf("July: %v", err)
	}
}

// The same month from two sources must agree to the centavo on every
// account both tell; a source less detailed than the other tells nothing
// below its rows.
func TestAddSources(t *testing.T) {
	jun := month(2025, 6)
	open := sheet(t, "1T.csv", jun, true, "3=550", "31=600", "311=600", "3111=700", "31111101=400", "31111102=300", "3117=-100", "31171101=-100", "32=-50")
	for _, c := range []struct {
		name string
		s    *Sheet
		want string // "" when it agrees
	}{
		{"leaves agreeing", sheet(t, "erp.csv", jun, false, "31111101=400", "31111102=300", "31171101=-100", "32=-50"), ""},
		{"less detailed", sheet(t, "diops.xml", jun, true, "311=600", "32=-50"), ""},
		{"below a centavo", sheet(t, "erp.csv", jun, false, "31111101=400.004", "31111102=300", "31171101=-100", "32=-50"), ""},
		// One leaf off by a centavo: named alone, not its parents 3111, 311, 31, 3.
		{"a leaf off", sheet(t, "erp.csv", jun, false, "31111101=400.01", "31111102=300", "31171101=-100", "32=-50"),
			"1T.csv and erp.csv disagree on 2025-06: 31111101 (R$ 400,00 in 1T.csv, R$ 400,01 in erp.csv)"},
		{"an account missing", sheet(t, "erp.csv", jun, false, "31111101=400", "31171101=-100", "32=-50"),
			"31111102 (R$ 300,00 in 1T.csv, R$ 0,00 in erp.csv)"},
		{"less detailed and off", sheet(t, "diops.xml", jun, true, "311=601", "32=-50"), "311 (R$ 600,00 in 1T.csv, R$ 601,00 in diops.xml)"},
	} {
		l := ledger(t, open)
		f := l.Add(c.s)
		switch {
		case c.want == "" && f != nil:
			t.Errorf("%s: %v", c.name, f)
		case c.want != "" && (len(f) != 1 || f[0].Code != findings.BalanceteSources || f[0].File != c.s.File || !strings.Contains(f[0].Message, c.want)):
			t.Errorf("%s: %v, want %q", c.name, f, c.want)
		case c.want != "" && len(l.months[jun]) != 1:
			t.Errorf("%s: the disagreeing sheet was added", c.name)
		}
	}
	// The value comes from the first source that has rows at or under the
	// account: 311 from the less detailed file added first, 3111 from the
	// open data.
	l := ledger(t, sheet(t, "diops.xml", jun, true, "311=600", "32=-50"), open)
	if o, ok := l.Saldo("311", jun); !ok || !o.Value.Equal(d("600")) || parts(o) != "311 600 +1 diops.xml 2025-06" {
		t.Errorf("311: %s (%s)", o.Value, parts(o))
	}
	if o, ok := l.Saldo("3111", jun); !ok || !o.Value.Equal(d("700")) || parts(o) != "3111 700 +1 1T.csv 2025-06" {
		t.Errorf("3111: %s (%s)", o.Value, parts(o))
	}
	if o, ok := l.Saldo("134", jun); !ok || !o.Absent() || !o.Value.IsZero() {
		t.Errorf("134: %v %v", o, ok)
	}
	if _, ok := l.Saldo("25", month(2025, 5)); ok {
		t.Error("a month absent")
	}
}

// One operator: a sheet of another is refused; the registro comes from the
// first sheet that names one.
func TestAddOperators(t *testing.T) {
	jun := month(2025, 6)
	a := sheet(t, "a.csv", jun, false, "1=1") // registro 316458
	b := sheet(t, "b.csv", month(2025, 5), false, "1=1")
	b.Registro = "005711"
	anon := sheet(t, "c.csv", month(2025, 4), false, "1=1")
	anon.Registro = ""
	l := NewLedger("")
	if f := l.Add(anon); f != nil || l.Registro() != "" {
		t.Fatal(f)
	}
	if f := l.Add(a); f != nil || l.Registro() != "316458" {
		t.Fatal(f)
	}
	if f := l.Add(b); len(f) != 1 || f[0].Code != findings.BalanceteOperators || f[0].File != "b.csv" ||
		!strings.Contains(f[0].Message, "b.csv is a balancete of registro 005711, and the operator read is 316458") {
		t.Errorf("%v", f)
	}
	if f := NewLedger("005711").Add(a); len(f) != 1 || f[0].Code != findings.BalanceteOperators {
		t.Errorf("%v", f)
	}
	if got := l.Months(); !slices.Equal(got, []period.Month{month(2025, 4), jun}) {
		t.Errorf("months %v", got)
	}
	if got := l.Missing(month(2025, 3), jun); !slices.Equal(got, []period.Month{month(2025, 3), month(2025, 5)}) {
		t.Errorf("missing %v", got)
	}
}

// The balance check: 1 = 21 + 23 + 25, or with the year's result still in
// classes 3, 4, 6, within R$ 0,01.
func TestBalanced(t *testing.T) {
	jun := month(2025, 6)
	for _, c := range []struct {
		name string
		rows []string
		want string // "" when it balances
	}{
		// 300 + 200 + 500 = 1000.
		{"closed", []string{"1=1000", "21=300", "23=200", "25=500"}, ""},
		// 300 + 200 + 400 + (300 − 150 − 50) = 1000; 21 + 23 + 25 alone is 900.
		{"open", []string{"1=1000", "21=300", "23=200", "25=400", "3=300", "4=150", "6=50"}, ""},
		// Leaves only: 1 = 11 + 12 = 1000, 2 = 2111 + 25 = 1000.
		{"leaves", []string{"11=600", "12=400", "2111=500", "25=500"}, ""},
		{"a centavo off", []string{"1=1000.01", "21=300", "23=200", "25=500"}, ""},
		{"two centavos off", []string{"1=1000.02", "21=300", "23=200", "25=500"},
			"the balancete of 2025-06 does not balance: 1 = R$ 1.000,02; 21 + 23 + 25 = R$ 1.000,00 (a difference of R$ 0,02); 21 + 23 + 25 + 3 − 4 − 6 = R$ 1.000,00 (a difference of R$ 0,02)"},
		{"a sign", []string{"1=1000", "21=300", "23=200", "25=400", "3=300", "4=-150", "6=50"},
			// 300 − (−150) − 50 = 400: 900 + 400 = 1300.
			"21 + 23 + 25 + 3 − 4 − 6 = R$ 1.300,00 (a difference of -R$ 300,00)"},
	} {
		l := ledger(t, sheet(t, "b.csv", jun, false, c.rows...))
		f := l.Balanced(jun)
		switch {
		case c.want == "" && f != nil:
			t.Errorf("%s: %v", c.name, f)
		case c.want != "" && (f == nil || f.Code != findings.BalanceteUnbalanced || f.Severity != findings.Warning || f.File != "b.csv" || !strings.Contains(f.Message, c.want)):
			t.Errorf("%s: %v, want %q", c.name, f, c.want)
		}
	}
	if f := NewLedger("").Balanced(jun); f != nil {
		t.Errorf("an absent month: %v", f)
	}
}

package balancete

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/period"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sheet builds a sheet of "conta=final" or "conta=inicial/final" rows.
func sheet(t testing.TB, file string, mes period.Month, quarterly bool, rows ...string) *Sheet {
	t.Helper()
	var rs []Row
	for i, r := range rows {
		conta, v, _ := strings.Cut(r, "=")
		row := Row{Conta: conta, Place: Place{Sheet: file, Cell: fmt.Sprintf("A%d", i+2)}}
		if ini, fin, ok := strings.Cut(v, "/"); ok {
			row.Inicial, row.HasInicial, row.Final = d(ini), true, d(fin)
		} else {
			row.Final = d(v)
		}
		rs = append(rs, row)
	}
	s, l := NewSheet(file, "316458", mes, quarterly, rs)
	if len(l) != 0 {
		t.Fatalf("%v", l)
	}
	return s
}

func month(y int, m time.Month) period.Month { return period.Month{Year: y, Month: m} }

// The value rule: the exact row, else the topmost rows under the code,
// else zero and absent. A sheet with every level and one with leaves only
// give the same values.
func TestValue(t *testing.T) {
	jun := month(2025, 6)
	// Every level, hand-added: 311111 = 31111101 + 31111102 = 400 + 300 = 700
	// = 31111 = 3111; 3117 = 31171101 = -100 (a "(−)" account); 311 = 3111
	// + 3117 = 600 = 31; 32 = 321 = -50; 3 = 31 + 32 = 550.
	every := sheet(t, "open.csv", jun, true,
		"3=550", "31=600", "311=600", "3111=700", "31111=700", "311111=700", "31111101=400", "31111102=300",
		"3117=-100", "31171=-100", "311711=-100", "31171101=-100", "32=-50", "321=-50")
	leaves := sheet(t, "erp.csv", jun, false, "31171101=-100", "31111102=300", "321=-50", "31111101=400")
	// A mix: 311 present with leaves under it (not added again), 32 a leaf.
	mixed := sheet(t, "mix.csv", jun, false, "31111101=400", "311=600", "31111102=300", "32=-50")
	for _, c := range []struct {
		conta string
		want  string
		// the codes of the rows used, in each sheet
		every, leaves, mixed string
	}{
		{"3", "550", "3", "31111101 31111102 31171101 321", "311 32"},
		{"31", "600", "31", "31111101 31111102 31171101", "311"},
		{"311", "600", "311", "31111101 31111102 31171101", "311"},
		{"3111", "700", "3111", "31111101 31111102", "31111101 31111102"},
		{"31111101", "400", "31111101", "31111101", "31111101"},
		{"3117", "-100", "3117", "31171101", ""}, // mixed: absent, its 311 is not split
		{"3119", "0", "", "", ""},
		{"4", "0", "", "", ""},
	} {
		for _, s := range []struct {
			sh   *Sheet
			used string
		}{{every, c.every}, {leaves, c.leaves}, {mixed, c.mixed}} {
			want := c.want
			if s.sh == mixed && c.conta == "3117" {
				want = "0"
			}
			v, rows := s.sh.Value(c.conta)
			var codes []string
			for _, r := range rows {
				codes = append(codes, r.Conta)
			}
			if !v.Equal(d(want)) || strings.Join(codes, " ") != s.used {
				t.Errorf("%s in %s: %s from %v, want %s from %s", c.conta, s.sh.File, v, codes, want, s.used)
			}
		}
	}
	// A code that is a prefix of its siblings' codes: the topmost rows under
	// 311 are 3111 and 3112; 31111 lies under 3111.
	s := sheet(t, "x.csv", jun, false, "31=10", "3111=4", "31111=4", "3112=6")
	if v, rows := s.Value("311"); !v.Equal(d("10")) || len(rows) != 2 || rows[1].Conta != "3112" {
		t.Errorf("311: %s %v", v, rows)
	}
}

// NewSheet drops, with a finding each, codes that are not digits and
// accounts repeated, and sorts the rest.
func TestNewSheet(t *testing.T) {
	rows := []Row{
		{Conta: "311", Final: d("1"), Place: Place{"f.xml", "balancete/receita[1]"}},
		{Conta: "1", Final: d("2"), Place: Place{"f.xml", "balancete/ativo[1]"}},
		{Conta: "3.1", Final: d("3"), Place: Place{"f.xml", "balancete/receita[2]"}},
		{Conta: "311", Final: d("4"), Place: Place{"f.xml", "balancete/receita[3]"}},
		{Conta: strings.Repeat("1", maxConta+1), Place: Place{"f.xml", "balancete/ativo[2]"}},
		{Conta: "", Place: Place{"f.xml", "balancete/ativo[3]"}},
	}
	s, l := NewSheet("dir/f.xml", "005711", month(2025, 3), true, rows)
	if got := places(l); !slices.Equal(got, []string{"CR-E051 f.xml!balancete/receita[2]", "CR-E051 f.xml!balancete/ativo[2]",
		"CR-E051 f.xml!balancete/ativo[3]", "CR-E052 f.xml!balancete/receita[3]"}) {
		t.Errorf("findings %v", got)
	}
	for _, f := range l {
		if f.File != "dir/f.xml" {
			t.Errorf("file %q", f.File)
		}
	}
	if got := dump([]*Sheet{s}); got != "005711 2025-03 q: 1=-/2 311=-/1\n" {
		t.Errorf("sheet %s", got)
	}
}

package reclamacoes

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// p makes a product: code, beneficiaries, complaints.
func p(code string, ben, rec int64) Product {
	return Product{Produto: code, Beneficiarios: ben, Reclamacoes: rec, Ref: "Reclamacoes!A2"}
}

// line shows a ranked product: rank, code, complaints, share, cumulative
// share, verdict and the rule behind it.
func line(r Ranked) string {
	v := "-"
	if r.AtRisk {
		v = "RISK " + r.Rule
	}
	return fmt.Sprintf("%d %s %d %s %s %s", r.Rank, r.Produto, r.Reclamacoes, r.Share, r.CumulativeShare, v)
}

// Hand-worked rankings (shares at 20 places, half away from zero).
func TestRank(t *testing.T) {
	cases := []struct {
		name string
		in   []Product
		want []string
	}{
		// Ties in complaints: fewer beneficiaries first (§2). Total 25:
		// B 10/25 = 0.4; A (20)/25 = 0.8 exactly, still at risk; C 25/25 = 1.
		{"tie by fewer beneficiaries, 80% exactly reached", []Product{p("A", 500, 10), p("B", 100, 10), p("C", 50, 5)}, []string{
			"1 B 10 0.4 0.4 RISK art. 17 caput",
			"2 A 10 0.4 0.8 RISK art. 17 caput",
			"3 C 5 0.2 1 -",
		}},
		// Total 1000: A 401 → 0.401 at risk; A+B = 801 → 0.801 just over 80%.
		{"80% just exceeded", []Product{p("A", 10, 401), p("B", 10, 400), p("C", 10, 199)}, []string{
			"1 A 401 0.401 0.401 RISK art. 17 caput",
			"2 B 400 0.4 0.801 -",
			"3 C 199 0.199 1 -",
		}},
		// 4 of 5 complaints: 0.8 exactly for A alone.
		{"one product at exactly 80%", []Product{p("A", 1, 4), p("B", 1, 1)}, []string{
			"1 A 4 0.8 0.8 RISK art. 17 caput",
			"2 B 1 0.2 1 -",
		}},
		// A alone has 81/100 > 80%: the caput leaves none at risk, §3 puts A at risk.
		{"one product above 80% alone (§3)", []Product{p("B", 10, 19), p("A", 10, 81)}, []string{
			"1 A 81 0.81 0.81 RISK art. 17 §3",
			"2 B 19 0.19 1 -",
		}},
		// No complaints at all: no product at risk, shares 0 (no division by zero).
		{"all zero", []Product{p("A", 10, 0), p("B", 5, 0)}, []string{
			"1 B 0 0 0 -",
			"2 A 0 0 0 -",
		}},
		// One product with complaints has 100%: §3.
		{"one product", []Product{p("A", 1000, 7)}, []string{"1 A 7 1 1 RISK art. 17 §3"}},
		{"one product, no complaints", []Product{p("A", 1000, 0)}, []string{"1 A 0 0 0 -"}},
		{"no products", nil, []string{}},
		// Equal complaints and beneficiaries: by product code, for a stable order.
		// Total 3: thirds at 20 places; the cumulative share comes from the
		// counts (2/3), not from adding rounded shares.
		{"full tie by code, thirds", []Product{p("Z", 7, 1), p("M", 7, 1), p("A", 7, 1)}, []string{
			"1 A 1 0.33333333333333333333 0.33333333333333333333 RISK art. 17 caput",
			"2 M 1 0.33333333333333333333 0.66666666666666666667 RISK art. 17 caput",
			"3 Z 1 0.33333333333333333333 1 -",
		}},
		// Products without complaints are never at risk, even with others at risk.
		{"zero-complaint products", []Product{p("A", 1, 8), p("B", 1, 2), p("C", 1, 0)}, []string{
			"1 A 8 0.8 0.8 RISK art. 17 caput",
			"2 B 2 0.2 1 -",
			"3 C 0 0 1 -",
		}},
		// A tie across the boundary: of the two with 30, the one with fewer
		// beneficiaries (Y) is within 80% (30+30+20 = 80/100); X is not.
		{"tie across the boundary", []Product{p("X", 900, 20), p("Y", 100, 20), p("W", 1, 30), p("V", 1, 30)}, []string{
			"1 V 30 0.3 0.3 RISK art. 17 caput",
			"2 W 30 0.3 0.6 RISK art. 17 caput",
			"3 Y 20 0.2 0.8 RISK art. 17 caput",
			"4 X 20 0.2 1 -",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := []string{}
			for _, r := range Rank(c.in) {
				got = append(got, line(r))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func date(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func TestEvaluate(t *testing.T) {
	per := Period{Inicio: date("2024-10-01"), Fim: date("2025-03-31"), InicioRef: "Periodo!B2", FimRef: "Periodo!B3"}
	products := []Product{p("A", 10, 3), {Produto: "B", Beneficiarios: 5, Reclamacoes: 1, Ref: "Reclamacoes!A3"}}
	res, l := Evaluate(Input{Periodo: per, Products: products})
	if len(l) != 0 || res.Total != 4 || res.AtRisk() != 1 || res.Products[0].Produto != "A" {
		t.Fatalf("%v %+v", l, res)
	}
	cases := []struct {
		name string
		in   Input
		want string
	}{
		{"starts the day before", Input{Periodo: Period{Inicio: date("2024-09-30"), Fim: date("2025-03-31"), InicioRef: "Periodo!B2"}}, "CR-E041 Periodo!B2 2024-10-01"},
		{"ends before it starts", Input{Periodo: Period{Inicio: date("2025-01-01"), Fim: date("2024-12-31"), FimRef: "Periodo!B3"}}, "CR-E042 Periodo!B3 before it starts"},
		{"a product twice", Input{Periodo: per, Products: []Product{p("A", 1, 1), {Produto: "A", Ref: "Reclamacoes!A9"}}}, "CR-E043 Reclamacoes!A9 first at Reclamacoes!A2"},
	}
	for _, c := range cases {
		res, l := Evaluate(c.in)
		if res != nil || len(l) != 1 {
			t.Errorf("%s: %v %v", c.name, res, l)
			continue
		}
		f, parts := l[0], strings.SplitN(c.want, " ", 3) // code, place, part of the message
		if f.Code != parts[0] || f.Where() != parts[1] || !strings.Contains(f.Message, parts[2]) {
			t.Errorf("%s: %s", c.name, f)
		}
	}
}

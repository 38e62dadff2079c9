package rules

import (
	"testing"

	"github.com/shopspring/decimal"
)

// ipcaJulyJune is the IPCA accumulated from July of the year before to June
// of the year, in percent, 2008 to 2025 (regulatory-search-2026-12.md §1;
// 2020–2025 also in rn569-model.md §2).
var ipcaJulyJune = []struct {
	year int
	pct  string
}{
	{2008, "6.06"}, {2009, "4.80"}, {2010, "4.84"}, {2011, "6.71"}, {2012, "4.92"}, {2013, "6.70"},
	{2014, "6.52"}, {2015, "8.89"}, {2016, "8.84"}, {2017, "3.00"}, {2018, "4.39"}, {2019, "3.37"},
	{2020, "2.13"}, {2021, "8.35"}, {2022, "11.89"}, {2023, "3.16"}, {2024, "4.23"}, {2025, "5.35"},
}

// ipcaFactor is 1 + pct/100, exact.
func ipcaFactor(pct string) decimal.Decimal {
	return decimal.NewFromInt(1).Add(decimal.RequireFromString(pct).Shift(-2))
}

// The ANS update rule: each year the previous value × (1 + IPCA July–June),
// the factors chained from R$ 4.500.000,00 (RN 160/2007) without
// intermediate rounding, each published value rounded to centavos. It
// reproduces the official 2013, 2014 and 2019 values, and gives the six
// points of the embedded rulebook from July 2020.
func TestCapitalReferenciaFollowsTheANSRule(t *testing.T) {
	official := map[int]string{2013: "6264411.13", 2014: "6672850.74", 2019: "8789791.63"}
	embedded := map[int]string{}
	rb := mustDefault(t)
	for _, p := range rb.CapitalReferencia {
		if p.Desde.Month() == 7 && p.Desde.Day() == 1 {
			embedded[p.Desde.Year()] = p.Valor.String()
		}
	}
	if len(embedded) != 6 {
		t.Fatalf("embedded July points %v, want 2020 to 2025", embedded)
	}
	v := decimal.NewFromInt(4_500_000)
	for _, y := range ipcaJulyJune {
		v = v.Mul(ipcaFactor(y.pct)) // exact: no rounding between years
		shown := v.Round(2)          // half away from zero
		if want, ok := official[y.year]; ok && !shown.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%d: the chain gives %s, the official value is %s", y.year, shown, want)
		}
		if want, ok := embedded[y.year]; ok && !shown.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%d: the chain gives %s, the rulebook has %s", y.year, shown, want)
		}
		delete(embedded, y.year)
	}
	if len(embedded) != 0 {
		t.Errorf("embedded points without an IPCA to check them: %v", embedded)
	}
}

// The rule reproduces the six points only as stated: chained from 2007
// without intermediate rounding. Rounding every year gives 8.789.791,64 for
// 2019 (the official value is ,63), and chaining from the rounded 2019 value
// gives 11.701.894,34 for 2024 (the chain gives ,35).
func TestCapitalReferenciaOtherRoundingsDiffer(t *testing.T) {
	v := decimal.NewFromInt(4_500_000)
	for _, y := range ipcaJulyJune {
		if y.year > 2019 {
			break
		}
		v = v.Mul(ipcaFactor(y.pct)).Round(2)
	}
	if want := "8789791.64"; v.String() != want {
		t.Errorf("rounded every year, 2019 = %s, want %s", v, want)
	}
	v = decimal.RequireFromString("8789791.63")
	for _, y := range ipcaJulyJune {
		if y.year >= 2020 && y.year <= 2024 {
			v = v.Mul(ipcaFactor(y.pct))
		}
	}
	if want := "11701894.34"; v.Round(2).String() != want {
		t.Errorf("chained from the rounded 2019 value, 2024 = %s, want %s", v.Round(2), want)
	}
}

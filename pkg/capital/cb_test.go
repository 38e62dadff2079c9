package capital

import (
	"fmt"
	"slices"
	"testing"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func TestCB(t *testing.T) {
	// capital de referência 8 789 791,63 (RN 451, from 2020-03-06, in force
	// until 2020-06) × K / 100.
	tests := []struct {
		name, mod, seg string
		regiao         int
		exact, shown   string
	}{
		// spec §11: 8789791.63 × 15.35 = 134923301.5205; /100 = 1349233.015205
		{"cooperativa médica SSP região 3", "cooperativa_medica", "SSP", 3, "1349233.015205", "R$ 1.349.233,02"},
		// spec §11: 8789791.63 × 3.54 = 31115862.3702; /100 = 311158.623702
		{"autogestão região 6", "autogestao", "", 6, "311158.623702", "R$ 311.158,62"},
		// spec §11: 8789791.63 × 0.18 = 1582162.4934; /100 = 15821.624934
		{"odontologia de grupo SOP região 6", "odontologia_de_grupo", "SOP", 6, "15821.624934", "R$ 15.821,62"},
		// 8789791.63 × 20.16 = 177202199.2608; /100 (SPP/SUS uses the SPP row, filantropia the medicina de grupo rows)
		{"filantropia SPP/SUS região 1", "filantropia", "SPP/SUS", 1, "1772021.992608", "R$ 1.772.021,99"},
		// K = 100 in every região
		{"seguradora especializada região 5", "seguradora_especializada", "", 5, "8789791.63", "R$ 8.789.791,63"},
		// K(medicina de grupo ST, 1) = 100
		{"medicina de grupo ST região 1", "medicina_de_grupo", "ST", 1, "8789791.63", "R$ 8.789.791,63"},
		// 8789791.63 × 11.34 = 99676237.0842; /100
		{"administradora região 2", "administradora_de_beneficios", "", 2, "996762.370842", "R$ 996.762,37"},
		// 8789791.63 × 0.34 = 2988529.1542; /100
		{"cooperativa odontológica SOM região 4", "cooperativa_odontologica", "SOM", 4, "29885.291542", "R$ 29.885,29"},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := informedAll(operadora(tc.mod, tc.seg, tc.regiao, mon(2020, 6)), "0", "0", "0", "0")
			r := compute(t, in, rb, Options{})
			wantDec(t, "CB", r.CB.Value, tc.exact)
			if got := money.BRL(r.CB.Value); got != tc.shown {
				t.Errorf("CB shown %q, want %q", got, tc.shown)
			}
			// CR = max(CB, 0)
			wantDec(t, "CR", r.CR.Value, tc.exact)
			ps := map[string]rules.Status{}
			for _, p := range r.CB.Params {
				ps[p.Path] = p.Status
			}
			row, _ := ans.KRow(ans.Modalidade(tc.mod), ans.Segmentacao(tc.seg))
			if ps["capital_referencia@2020-03-06"] != rules.Regulation || len(ps) != 2 {
				t.Errorf("CB parameters %v", r.CB.Params)
			}
			if _, ok := ps[fmt.Sprintf("fator_k.%s[%d]", row, tc.regiao)]; !ok {
				t.Errorf("CB parameters %v lack the K cell", r.CB.Params)
			}
		})
	}
}

// Each point of the series from July 2020 is in force from its July to the
// next June, and is provisional: CB, and the result, are marked so.
// Cooperativa médica SSP região 3, K = 15.35.
func TestCBProvisionalPoints(t *testing.T) {
	tests := []struct {
		first, last period.Month
		point       string
		cb          string // point × 15.35 / 100, exact
	}{
		{mon(2020, 7), mon(2021, 6), "2020-07-01", "1377971.678165"}, // 8977014.19 × 15.35 = 137797167.8165
		{mon(2021, 7), mon(2022, 6), "2021-07-01", "1493032.31408"},  // 9726594.88 × 15.35 = 149303231.408
		{mon(2022, 7), mon(2023, 6), "2022-07-01", "1670553.856035"}, // 10883087.01 × 15.35 = 167055385.6035
		{mon(2023, 7), mon(2024, 6), "2023-07-01", "1723343.35796"},  // 11226992.56 × 15.35 = 172334335.796
		{mon(2024, 7), mon(2025, 6), "2024-07-01", "1796240.782725"}, // 11701894.35 × 15.35 = 179624078.2725
		{mon(2025, 7), mon(2026, 7), "2025-07-01", "1892339.663415"}, // 12327945.69 × 15.35 = 189233966.3415
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		for _, db := range []period.Month{tc.first, tc.last} {
			t.Run(db.String(), func(t *testing.T) {
				r := compute(t, informedAll(operadora("cooperativa_medica", "SSP", 3, db), "0", "0", "0", "0"), rb, Options{})
				wantDec(t, "CB", r.CB.Value, tc.cb)
				path := "capital_referencia@" + tc.point
				if !slices.Contains(r.CB.paramsWith(rules.Provisional), path) || !slices.Contains(r.Provisional(), path) {
					t.Errorf("%s not provisional in CB %v / result %v", path, r.CB.Params, r.Provisional())
				}
				if !hasWarning(r, findings.ProvisionalParams) {
					t.Errorf("no %s among %v", findings.ProvisionalParams, r.Warnings)
				}
			})
		}
	}
}

// A rules file replaces a point of the series (same desde) or adds one; its
// points are status user. K changed too: 11 000 000 × 20 / 100 = 2 200 000.
func TestCBUserPointsAndStatus(t *testing.T) {
	rb := loadRules(t, "capital_referencia: [{desde: 2025-07-01, valor: 11000000}]\nfator_k:\n  cooperativa_medica_SSP: [45.81, 22.58, 20, 6.68, 4.76, 2.84]\n")
	in := informedAll(operadora("cooperativa_medica", "SSP", 3, mon(2025, 12)), "0", "0", "0", "0")
	r := compute(t, in, rb, Options{})
	wantDec(t, "CB", r.CB.Value, "2200000")
	for _, p := range r.CB.Params {
		if p.Status != rules.User || p.Source != "user.yaml" {
			t.Errorf("CB parameter %s has status %s (%s), want user", p.Path, p.Status, p.Source)
		}
	}
	// One month earlier the embedded 2024 point is in force, still
	// provisional: 11701894.35 × 20 / 100 = 2340378.87
	in.Operadora.DataBase = mon(2025, 6)
	r = compute(t, in, rb, Options{})
	wantDec(t, "CB 2025-06", r.CB.Value, "2340378.87")
	if got := r.CB.paramsWith(rules.Provisional); !slices.Equal(got, []string{"capital_referencia@2024-07-01"}) {
		t.Errorf("provisional CB parameters %v", got)
	}
	// A point of a new date is added: from 2026-07 on it is in force.
	rb = loadRules(t, "capital_referencia: [{desde: 2026-07-01, valor: 13000000}]\n")
	in.Operadora.DataBase = mon(2026, 7)
	r = compute(t, in, rb, Options{})
	wantDec(t, "CB 2026-07", r.CB.Value, "1995500") // 13000000 × 15.35 / 100
}

package capital

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// informedAll is an input whose four parcels are informed, so the CBR
// aggregation can be tested on chosen values.
func informedAll(op Operadora, crs, crc, crm, cro string) *Input {
	return &Input{Operadora: op, Informadas: Informadas{CRS: ap(crs), CRC: ap(crc), CRM: ap(crm), CRO: ap(cro)}}
}

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
	rb := defaultRules(t)
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
			row, _ := KRow(tc.mod, tc.seg)
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
	rb := defaultRules(t)
	for _, tc := range tests {
		for _, db := range []period.Month{tc.first, tc.last} {
			t.Run(db.String(), func(t *testing.T) {
				r := compute(t, informedAll(operadora("cooperativa_medica", "SSP", 3, db), "0", "0", "0", "0"), rb, Options{})
				wantDec(t, "CB", r.CB.Value, tc.cb)
				path := "capital_referencia@" + tc.point
				if !slices.Contains(r.CB.ParamsWith(rules.Provisional), path) || !slices.Contains(r.Provisional(), path) {
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
	if got := r.CB.ParamsWith(rules.Provisional); !slices.Equal(got, []string{"capital_referencia@2024-07-01"}) {
		t.Errorf("provisional CB parameters %v", got)
	}
	// A point of a new date is added: from 2026-07 on it is in force.
	rb = loadRules(t, "capital_referencia: [{desde: 2026-07-01, valor: 13000000}]\n")
	in.Operadora.DataBase = mon(2026, 7)
	r = compute(t, in, rb, Options{})
	wantDec(t, "CB 2026-07", r.CB.Value, "1995500") // 13000000 × 15.35 / 100
}

// The stale warning: the data base is more than 12 months after the month of
// the point in force (data base month > point month + 12), at the data_base
// cell.
func TestStaleCapitalReferencia(t *testing.T) {
	july26 := "capital_referencia: [{desde: 2026-07-01, valor: 13000000}]\n"
	tests := []struct {
		name, rules string
		db          period.Month
		stale       bool
	}{
		{"2020-06, the RN 451 point of 2020-03", "", mon(2020, 6), false},
		{"2025-09, the 2025-07 point", "", mon(2025, 9), false},
		// 2025-07 + 12 = 2026-07: the boundary, both sides
		{"2026-07, 12 months after the last point", "", mon(2026, 7), false},
		{"2026-08, 13 months after the last point", "", mon(2026, 8), true},
		{"2027-01", "", mon(2027, 1), true},
		{"2026-08 with a July 2026 point", july26, mon(2026, 8), false},
		{"2027-07 with a July 2026 point", july26, mon(2027, 7), false},
		{"2027-08 with a July 2026 point", july26, mon(2027, 8), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := defaultRules(t)
			if tc.rules != "" {
				rb = loadRules(t, tc.rules)
			}
			r := compute(t, informedAll(operadora("autogestao", "", 1, tc.db), "0", "0", "0", "0"), rb, Options{})
			if got := hasWarning(r, findings.StaleCapitalRef); got != tc.stale {
				t.Errorf("stale warning %v, want %v (warnings %v)", got, tc.stale, r.Warnings)
			}
			for _, f := range r.Warnings {
				if f.Code == findings.StaleCapitalRef && f.Sheet+"!"+f.Cell != "Operadora!B4" {
					t.Errorf("stale warning at %s!%s, want the data_base cell Operadora!B4", f.Sheet, f.Cell)
				}
			}
		})
	}
	// Before the series starts there is no capital de referência at all.
	_, err := Compute(informedAll(operadora("autogestao", "", 1, mon(2020, 2)), "0", "0", "0", "0"), defaultRules(t), Options{})
	inputErr(t, err, findings.NoCapitalRef)
	// 2020-03: the last day, 2020-03-31, is after 2020-03-06.
	compute(t, informedAll(operadora("autogestao", "", 1, mon(2020, 3)), "0", "0", "0", "0"), defaultRules(t), Options{})
}

func TestKRow(t *testing.T) {
	tests := []struct {
		mod, seg, want string
		ok             bool
	}{
		{"cooperativa_medica", "SSP", "cooperativa_medica_SSP", true},
		{"cooperativa_medica", "SPP/SUS", "cooperativa_medica_SPP", true},
		{"medicina_de_grupo", "ST", "medicina_de_grupo_filantropia_ST", true},
		{"filantropia", "SPS", "medicina_de_grupo_filantropia_SPS", true},
		{"odontologia_de_grupo", "SOT", "odontologia_de_grupo_SOT", true},
		{"cooperativa_odontologica", "SOP", "cooperativa_odontologica_SOP", true},
		{"autogestao", "", "autogestao", true},
		{"seguradora_especializada", "", "seguradora_especializada", true},
		{"administradora_de_beneficios", "", "administradora_de_beneficios", true},
		{"cooperativa_medica", "SOP", "", false},
		{"odontologia_de_grupo", "SSP", "", false},
		{"cooperativa_medica", "", "", false},
		{"autogestao_rh", "", "", false},
		{"hospital", "", "", false},
	}
	for _, tc := range tests {
		got, ok := KRow(tc.mod, tc.seg)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("KRow(%s, %s) = %s, %v; want %s, %v", tc.mod, tc.seg, got, ok, tc.want, tc.ok)
		}
		if ok && !slices.Contains(rules.KRows, got) {
			t.Errorf("KRow(%s, %s) = %s is not a rulebook row", tc.mod, tc.seg, got)
		}
	}
}

func TestOutOfScopeAndCombinations(t *testing.T) {
	rb := defaultRules(t)
	for _, mod := range []string{"autogestao_rh", "autogestao_mantenedor"} {
		_, err := Compute(informedAll(operadora(mod, "", 1, mon(2023, 12)), "0", "0", "0", "0"), rb, Options{})
		f := inputErr(t, err, findings.OutOfScope)
		if f.Sheet != "Operadora" || f.Cell != "B5" || !strings.Contains(f.Message, "outside RN 569") {
			t.Errorf("%s: finding %+v", mod, f)
		}
	}
	_, err := Compute(informedAll(operadora("cooperativa_medica", "SOP", 1, mon(2023, 12)), "0", "0", "0", "0"), rb, Options{})
	if f := inputErr(t, err, findings.BadCombination); f.Cell != "B6" || !strings.Contains(f.Message, `"SOP" is not valid for cooperativa_medica`) {
		t.Errorf("finding %+v", f)
	}
	_, err = Compute(informedAll(operadora("odontologia_de_grupo", "", 1, mon(2023, 12)), "0", "0", "0", "0"), rb, Options{})
	if f := inputErr(t, err, findings.BadCombination); !strings.Contains(f.Message, "needs a segmentação") {
		t.Errorf("finding %+v", f)
	}
	if _, err := Compute(informedAll(operadora("hospital", "", 1, mon(2023, 12)), "0", "0", "0", "0"), rb, Options{}); err == nil {
		t.Error("an unknown modality was accepted")
	}
}

func TestWindowChecks(t *testing.T) {
	db := mon(2023, 12)
	full := func() *Input {
		in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
		in.Contraprestacoes = months(db, "individual", "medico_hospitalar", "1000")
		in.Eventos = months(db, "", "", "500")
		return in
	}
	rb := defaultRules(t)
	compute(t, full(), rb, Options{})

	// A zero month is fine.
	in := full()
	in.Contraprestacoes[3].Valor = a("0")
	compute(t, in, rb, Options{})

	// A missing month is an error naming it (row 5 of 12 is 2023-05).
	in = full()
	in.Contraprestacoes = slices.Delete(in.Contraprestacoes, 4, 5)
	_, err := Compute(in, rb, Options{})
	f := inputErr(t, err, findings.MissingMonth)
	if f.Sheet != "Contraprestacoes" || !strings.Contains(f.Message, "2023-05") || !strings.Contains(f.Message, "individual/medico_hospitalar") ||
		!strings.Contains(f.Message, "2023-01 to 2023-12") {
		t.Errorf("finding %+v", f)
	}

	// Every cell with rows needs its 12 months.
	in = full()
	in.Contraprestacoes = append(in.Contraprestacoes, Monthly{Competencia: db, Tipo: "coletivo_adesao", Segmento: "odontologico", Valor: a("1")})
	_, err = Compute(in, rb, Options{})
	if f := inputErr(t, err, findings.MissingMonth); !strings.Contains(f.Message, "coletivo_adesao/odontologico") || !strings.Contains(f.Message, "2023-01") {
		t.Errorf("finding %+v", f)
	}

	// A duplicate month is an error.
	in = full()
	in.Eventos = append(in.Eventos, Monthly{Competencia: mon(2023, 7), CompetenciaRef: "Eventos!A20", Valor: a("1")})
	_, err = Compute(in, rb, Options{})
	if f := inputErr(t, err, findings.DuplicateMonth); f.Sheet != "Eventos" || f.Cell != "A20" || !strings.Contains(f.Message, "2023-07") {
		t.Errorf("finding %+v", f)
	}

	// Contraprestações without Eventos: PRO needs the 12 months.
	in = full()
	in.Eventos = nil
	_, err = Compute(in, rb, Options{})
	if f := inputErr(t, err, findings.MissingMonth); f.Sheet != "Eventos" {
		t.Errorf("finding %+v", f)
	}

	// Eventos with a month missing.
	in = full()
	in.Eventos = in.Eventos[1:]
	_, err = Compute(in, rb, Options{})
	if f := inputErr(t, err, findings.MissingMonth); f.Sheet != "Eventos" || !strings.Contains(f.Message, "2023-01") {
		t.Errorf("finding %+v", f)
	}

	// Rows outside the window are neither required nor summed:
	// PRE = 0.043 × 12 × 1000 = 516, PRO = 0.007 × 12 × 500 = 42.
	in = full()
	in.Contraprestacoes = append(in.Contraprestacoes,
		Monthly{Competencia: mon(2022, 12), Tipo: "individual", Segmento: "medico_hospitalar", Valor: a("999999")},
		Monthly{Competencia: mon(2024, 1), Tipo: "individual", Segmento: "medico_hospitalar", Valor: a("999999")})
	in.Eventos = append(in.Eventos, Monthly{Competencia: mon(2022, 11), Valor: a("777777")})
	r := compute(t, in, rb, Options{Factors: Padrao})
	wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, "516")
	wantDec(t, "PRO", r.CRS.Find("crs_pro").Value, "42")

	// No pre-established business at all: no window to check, PRE = PRO = 0.
	in = &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	r = compute(t, in, rb, Options{})
	wantDec(t, "CRS", r.CRS.Value, "0")
}

func TestPLA(t *testing.T) {
	tests := []struct {
		pl   string
		ded  [6]string
		want string
	}{
		// 5 000 000 − (100 000 + 200 000 + 50 000 + 25 000 + 10 000 + 15 000) = 4 600 000
		{"5000000", [6]string{"100000", "200000", "50000", "25000", "10000", "15000"}, "4600000"},
		// negative PL is allowed: −100 − 0.01·… = −100 − 6 × 0.01 = −100.06
		{"-100", [6]string{"0.01", "0.01", "0.01", "0.01", "0.01", "0.01"}, "-100.06"},
		// exact centavos: 1234567.89 − 0.89 = 1234567
		{"1234567.89", [6]string{"0.89", "0", "0", "0", "0", "0"}, "1234567"},
	}
	rb := defaultRules(t)
	for _, tc := range tests {
		in := informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "0", "0", "0", "0")
		in.PLA.PL = a(tc.pl)
		for i, d := range tc.ded {
			in.PLA.Deducoes[i] = Amount{V: dec(d), Ref: "PLA!B" + string(rune('3'+i))}
		}
		r := compute(t, in, rb, Options{})
		wantDec(t, "PLA", r.PLA.Value, tc.want)
		if len(r.PLA.Inputs) != 7 || r.PLA.Inputs[1].Name != "ded_participacoes" || r.PLA.Inputs[6].Cell != "PLA!B8" {
			t.Errorf("PLA inputs %+v", r.PLA.Inputs)
		}
	}
}

// CBR = sqrt(CRS² + CRC² + CRM² + 2·(0.50·CRS·CRC + 0.25·CRS·CRM + 0.25·CRC·CRM)) + CRO
func TestCBR(t *testing.T) {
	tests := []struct {
		name               string
		crs, crc, crm, cro string
		bcbr               string // truncated to 20 places
	}{
		// spec §11: 3·10⁶ + 2·(0.5 + 0.25 + 0.25)·10⁶ = 5·10⁶; √5·10⁶ = 2236.06797749978969640917|366…; + 100
		{"spec: 1000/1000/1000 + 100", "1000", "1000", "1000", "100", "2236.06797749978969640917"},
		// spec §11: 9e12 + 1e12 + 0.25e12 + 2·(1.5e12 + 0.375e12 + 0.125e12) = 14.25e12
		{"spec: 3e6/1e6/5e5 + 4e5", "3000000", "1000000", "500000", "400000", "3774917.2176353748486183424"},
		// CRS alone: √(CRS²) = CRS
		{"CRS alone", "1252.5", "0", "0", "0", "1252.5"},
		// 9 + 16 + 2·0.5·12 = 37; √37 = 6.08276253029821968899|968…
		{"3/4/0", "3", "4", "0", "0.5", "6.08276253029821968899"},
		// 0 + 0 + 16 + 0 = 16: CRM alone
		{"CRM alone", "0", "0", "4", "1", "4"},
		// 4 + 9 + 2·0.25·6 = 16; √16 = 4
		{"CRC/CRM 2/3", "0", "2", "3", "0", "4"},
		{"all zero", "0", "0", "0", "0", "0"},
	}
	rb := defaultRules(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), tc.crs, tc.crc, tc.crm, tc.cro), rb, Options{})
			wantDec(t, "BCBR", r.BCBR.Value, tc.bcbr)
			wantDec(t, "CBR", r.CBR.Value, dec(tc.bcbr).Add(dec(tc.cro)).String())
			// Independent: the same formula in 200-bit floating point.
			s, c, m := bf(tc.crs), bf(tc.crc), bf(tc.crm)
			x := add(mul(s, s), mul(c, c), mul(m, m),
				mul(bf("2"), add(mul(bf("0.5"), s, c), mul(bf("0.25"), s, m), mul(bf("0.25"), c, m))))
			agree(t, "CBR", r.CBR.Value, add(sqrtF(x), bf(tc.cro)))
			if r.CRO.Value.String() != dec(tc.cro).String() || !r.CRO.Informed {
				t.Errorf("CRO %s informed %v", r.CRO.Value, r.CRO.Informed)
			}
		})
	}
	// spec §11 prefixes: 2336.0679774997896… and 4174917.2176…
	r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "1000", "1000", "1000", "100"), rb, Options{})
	if !strings.HasPrefix(r.CBR.Value.String(), "2336.0679774997896") {
		t.Errorf("CBR %s", r.CBR.Value)
	}
	r = compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "3000000", "1000000", "500000", "400000"), rb, Options{})
	if !strings.HasPrefix(r.CBR.Value.String(), "4174917.2176") {
		t.Errorf("CBR %s", r.CBR.Value)
	}
}

func TestCRSumAndSufficiency(t *testing.T) {
	rb := defaultRules(t)
	tests := []struct {
		name               string
		mod                string
		regiao             int
		crs, crc, crm, cro string
		pl                 string
		cr, surplus        string
		sufficient         bool
	}{
		// CB = 311158.623702 > CBR = 1000: CR = CB; surplus = 4600000 − 311158.623702
		{"CB binds", "autogestao", 6, "1000", "0", "0", "0", "4600000", "311158.623702", "4288841.376298", true},
		// CBR = 3774917.2176353748486183424 + 400000 > CB = 1349233.015205
		// surplus = 4600000 − 4174917.2176353748486183424 = 425082.7823646251513816576
		{"CBR binds", "cooperativa_medica", 3, "3000000", "1000000", "500000", "400000", "4600000", "4174917.2176353748486183424", "425082.7823646251513816576", true},
		// 1000000 − 4174917.2176353748486183424
		{"insufficient", "cooperativa_medica", 3, "3000000", "1000000", "500000", "400000", "1000000", "4174917.2176353748486183424", "-3174917.2176353748486183424", false},
		// PLA = CR exactly: sufficient, surplus 0
		{"exactly sufficient", "autogestao", 6, "0", "0", "0", "0", "311158.623702", "311158.623702", "0", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seg := ""
			if tc.mod == "cooperativa_medica" {
				seg = "SSP"
			}
			in := informedAll(operadora(tc.mod, seg, tc.regiao, mon(2020, 6)), tc.crs, tc.crc, tc.crm, tc.cro)
			in.PLA.PL = a(tc.pl)
			r := compute(t, in, rb, Options{})
			wantDec(t, "CR", r.CR.Value, tc.cr)
			wantDec(t, "surplus", r.Surplus.Value, tc.surplus)
			if r.Sufficient != tc.sufficient {
				t.Errorf("sufficient %v", r.Sufficient)
			}
			if r.ICR == nil {
				t.Fatal("no ICR")
			}
			agree(t, "ICR", r.ICR.Value, quo(bf(tc.pl), bf(tc.cr)))
			if r.Tree != r.Surplus || r.Tree.Find("cb") != r.CB || r.Tree.Find("crs") != r.CRS {
				t.Error("the tree is not rooted at the surplus with CB and CRS below")
			}
		})
	}
	// ICR for CB = 1349233.015205, PLA = 4 600 000: 3.40934438170495287039|094… (Python decimal)
	in := informedAll(operadora("cooperativa_medica", "SSP", 3, mon(2020, 6)), "0", "0", "0", "0")
	in.PLA.PL = a("4600000")
	wantDec(t, "ICR", compute(t, in, rb, Options{}).ICR.Value, "3.40934438170495287039")

	// CR = 0 (a user K of zero and no risk): ICR undefined.
	rb0 := loadRules(t, "fator_k:\n  autogestao: [0, 0, 0, 0, 0, 0]\n")
	r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "0", "0", "0", "0"), rb0, Options{})
	if r.ICR != nil || !r.CR.Value.IsZero() || !r.Sufficient {
		t.Errorf("CR %s, ICR %v, sufficient %v", r.CR.Value, r.ICR, r.Sufficient)
	}
}

// CRO = min(0.30·BCBR, max(0.03·contraprestações 12m, 0.03·provisões técnicas))
func TestCRO(t *testing.T) {
	// BCBR = √(5·10⁶) = 2236.06797749978969640917 (CRS = CRC = CRM = 1000 informed).
	const bcbr = "2236.06797749978969640917"
	tests := []struct {
		name, c12, pt, cro string
	}{
		// max(0.03·10000, 0.03·5000) = max(300, 150) = 300 < 670.82…
		{"contraprestações", "10000", "5000", "300"},
		// max(30, 0.03·20000 = 600) = 600 < 670.82…
		{"provisões", "1000", "20000", "600"},
		// max(3000, 0) = 3000 > 0.3 × 2236.06797749978969640917 = 670.820393249936908922751
		{"capped", "100000", "0", "670.820393249936908922751"},
		{"nothing", "0", "0", "0"},
	}
	rb := defaultRules(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "1000", "1000", "1000", "0")
			in.Informadas.CRO = nil
			in.Operacional = Operacional{Contraprestacoes12m: a(tc.c12), ProvisoesTecnicas: a(tc.pt)}
			r := compute(t, in, rb, Options{})
			wantDec(t, "BCBR", r.BCBR.Value, bcbr)
			wantDec(t, "CRO", r.CRO.Value, tc.cro)
			wantDec(t, "CBR", r.CBR.Value, dec(bcbr).Add(dec(tc.cro)).String())
			agree(t, "CRO", r.CRO.Value, minF(mul(bf("0.3"), sqrtF(bf("5000000"))),
				maxF(mul(bf("0.03"), bf(tc.c12)), mul(bf("0.03"), bf(tc.pt)))))
			if got := r.Provisional(); !slices.Equal(got, []string{"cro.fator_contraprestacoes", "cro.fator_provisoes", "cro.limite_bcbr", "cro.modelo"}) {
				t.Errorf("provisional %v", got)
			}
			if r.CRO.Informed || !slices.Equal(r.Informed(), []string{"crs", "crc", "crm"}) {
				t.Errorf("informed %v", r.Informed())
			}
		})
	}
}

func TestInformedParcels(t *testing.T) {
	rb := defaultRules(t)
	in := informedAll(operadora("cooperativa_medica", "SSP", 3, mon(2020, 6)), "1000", "1000", "1000", "100")
	// Inputs that would give other values are ignored for informed parcels.
	in.Contraprestacoes = months(mon(2020, 6), "individual", "medico_hospitalar", "100000")
	in.Eventos = months(mon(2020, 6), "", "", "100000")
	in.CreditoSeguros = []CreditoSeguro{{Contraparte: "Re", Exposicao: a("1000000")}}
	in.Operadora.GovernancaRelatorio = dated("2020-02-01")
	r := compute(t, in, rb, Options{})
	if r.FactorSet != Informed {
		t.Errorf("factor set %s", r.FactorSet)
	}
	if got := r.Informed(); !slices.Equal(got, []string{"crs", "crc", "crm", "cro"}) {
		t.Errorf("Informed() = %v", got)
	}
	// Only CB (regulation) and the CBR correlations (regulation) are parameters.
	if p := r.Provisional(); len(p) != 0 {
		t.Errorf("Provisional() = %v", p)
	}
	if hasWarning(r, findings.ProvisionalParams) {
		t.Error("PROVISIONAL warning on informed parcels")
	}
	wantDec(t, "CBR", r.CBR.Value, "2336.06797749978969640917")
	if len(r.Sets) != 5 {
		t.Fatalf("%d sets", len(r.Sets))
	}
	for _, s := range r.Sets {
		if !s.CRS.Equal(dec("1000")) || s.Chosen || !strings.Contains(s.Reason, "CRS informed") {
			t.Errorf("set %+v", s)
		}
	}
	if !r.Sets[1].Eligible { // reduzido: governance report sent in 2020
		t.Error("reduzido eligibility lost for an informed CRS")
	}
	if r.CRS.Inputs[0].Cell != "X!B2" || r.CRS.Formula == "" {
		t.Errorf("informed node %+v", r.CRS)
	}
}

func TestAdministradora(t *testing.T) {
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("administradora_de_beneficios", "", 2, db)}
	// Partial months are not checked: an administradora has no CRS.
	in.Contraprestacoes = months(db, "individual", "medico_hospitalar", "1000")[:3]
	in.CreditoSeguros = []CreditoSeguro{{Contraparte: "Re", Exposicao: a("10000")}}
	in.Operacional = Operacional{Contraprestacoes12m: a("100000"), ProvisoesTecnicas: a("0")}
	in.PLA.PL = a("2000000")
	r := compute(t, in, defaultRules(t), Options{})
	for _, s := range r.Sets {
		if !s.CRS.IsZero() {
			t.Errorf("set %s: CRS %s, want 0", s.Set, s.CRS)
		}
	}
	wantDec(t, "CRS", r.CRS.Value, "0")
	if r.FactorSet != Padrao {
		t.Errorf("factor set %s", r.FactorSet)
	}
	// CRC = 0.08 × 10000 = 800; BCBR = 800; CRO = 0 (cro.aplica_administradora
	// false, though 0.03·100000 = 3000 is a base); CBR = 800.
	wantDec(t, "CRC", r.CRC.Value, "800")
	wantDec(t, "CRO", r.CRO.Value, "0")
	wantDec(t, "CBR", r.CBR.Value, "800")
	if !strings.Contains(r.CRO.Formula, "does not apply to an administradora de benefícios") ||
		len(r.CRO.Params) != 1 || r.CRO.Params[0].Path != "cro.aplica_administradora" ||
		r.CRO.Params[0].Value != "false" || r.CRO.Params[0].Status != rules.Provisional ||
		len(r.CRO.Inputs) != 1 || r.CRO.Inputs[0].Cell != "Operadora!B5" {
		t.Errorf("CRO node %+v: want the reason, the switch (provisional) and the modalidade cell", r.CRO)
	}
	if p := r.Provisional(); !slices.Contains(p, "cro.aplica_administradora") || slices.Contains(p, "cro.fator_contraprestacoes") {
		t.Errorf("Provisional() = %v: want the switch and no CRO factor", p)
	}
	// CB = 11226992.56 (from 2023-07-01) × 11.34 / 100 = 1273140.956304 (K 11.34, região 2)
	wantDec(t, "CR", r.CR.Value, "1273140.956304")

	// With the switch on, CRO is computed as for any operator:
	// min(0.30·800, max(0.03·100000, 0.03·0)) = min(240, 3000) = 240; CBR = 1040.
	r = compute(t, in, loadRules(t, "cro:\n  aplica_administradora: true\n"), Options{})
	wantDec(t, "CRO switch on", r.CRO.Value, "240")
	wantDec(t, "CBR switch on", r.CBR.Value, "1040")
	ps := map[string]rules.Status{}
	for _, p := range r.CRO.Params {
		ps[p.Path] = p.Status
	}
	if ps["cro.aplica_administradora"] != rules.User || ps["cro.fator_contraprestacoes"] != rules.Provisional {
		t.Errorf("CRO parameters with the switch on %v", r.CRO.Params)
	}
	// An informed CRO is taken as it is, switch or not.
	in.Informadas.CRO = ap("55")
	r = compute(t, in, defaultRules(t), Options{})
	wantDec(t, "CRO informed", r.CRO.Value, "55")
}

func TestComputeOptionErrors(t *testing.T) {
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	if _, err := Compute(in, defaultRules(t), Options{Factors: "super"}); err == nil || !strings.Contains(err.Error(), `unknown factor set "super"`) {
		t.Errorf("err %v", err)
	}
	_, err := Compute(in, defaultRules(t), Options{CoverageWeighted: true})
	inputErr(t, err, findings.MissingSheet)
	in.Beneficiarios = &Beneficiarios{Total: 0}
	_, err = Compute(in, defaultRules(t), Options{CoverageWeighted: true})
	inputErr(t, err, findings.MissingSheet)
}

// A correlation matrix that is not positive semidefinite can make a sum of
// squares negative: an ErrRules error, not a panic.
func TestNonPSDCorrelation(t *testing.T) {
	m := [7][7]string{}
	for i := range 7 {
		for j := range 7 {
			m[i][j] = "0"
			if i == j {
				m[i][j] = "1"
			} else if i < 3 && j < 3 {
				m[i][j] = "-1"
			}
		}
	}
	var rows []string
	for _, row := range m {
		rows = append(rows, "["+strings.Join(row[:], ", ")+"]")
	}
	rb := loadRules(t, "crm:\n  choque: {POS: 0.02}\n  correlacao: ["+strings.Join(rows, ", ")+"]\n")
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	in.Informadas.CRM = nil
	// x = (0.02·1200, 0.02·1200, 0.015·1600, 0, …) = (24, 24, 24, 0, …):
	// xᵀRx = 3·576 − 6·576 < 0.
	in.MercadoALM = []FluxoALM{
		{Conta: "a", Valor: a("1200"), Sinal: "P", Prazo: a("12"), Indexador: "PRE"},
		{Conta: "b", Valor: a("1200"), Sinal: "P", Prazo: a("12"), Indexador: "POS"},
		{Conta: "c", Valor: a("1600"), Sinal: "P", Prazo: a("12"), Indexador: "IPCA"},
	}
	_, err := Compute(in, rb, Options{})
	if !errors.Is(err, ErrRules) || !strings.Contains(err.Error(), "crm.correlacao") {
		t.Errorf("err %v", err)
	}
}

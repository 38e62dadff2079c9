package capital

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// The content checks of Check, each on an input that breaks one rule.
func TestCheckContent(t *testing.T) {
	db := mon(2024, time.December)
	cases := []struct {
		name   string
		mutate func(in *Input)
		code   string // "" = no finding at all
		where  string
	}{
		{"clean", func(in *Input) {}, "", ""},
		// 11 × (−10) + 5 = −105 < 0
		{"negative 12-month total", func(in *Input) {
			in.Contraprestacoes = months(db, "individual", "medico_hospitalar", eleven("-10", "5")...)
		}, findings.NegativeTotal, "Contraprestacoes!B2"},
		{"region out of range", func(in *Input) { in.Operadora.Regiao = 7 }, findings.OutOfRange, "Operadora!B7"},
		{"hc out of range", func(in *Input) { in.Operadora.HC = Amount{V: dec("1.01"), Ref: "Operadora!B8"} }, findings.OutOfRange, "Operadora!B8"},
		{"unknown cell", func(in *Input) { in.Contraprestacoes[0].Tipo = "familiar" }, findings.BadEnum, "Contraprestacoes!A2"},
		{"segmentação ignored", func(in *Input) {
			in.Operadora.Modalidade, in.Operadora.Segmentacao = "seguradora_especializada", "ST"
		}, findings.IgnoredSegment, "Operadora!B6"},
		{"no pre-established business", func(in *Input) { in.Contraprestacoes, in.Eventos = nil, nil }, findings.NoPreBusiness, "Contraprestacoes!"},
		// PROMOPREV approved 2025-01-02, after the data base's last day 2024-12-31
		{"program date after data base", func(in *Input) { in.Operadora.PromoprevAprovacao = dated("2025-01-02") }, findings.DateAfterBase, "Operadora!B10"},
		{"governance report of a later year", func(in *Input) { in.Operadora.GovernancaRelatorio = dated("2025-03-01") }, findings.DateAfterBase, "Operadora!B10"},
		// deductions 600 + 500 = 1100 > pl 1000
		{"deductions over PL", func(in *Input) {
			in.PLA.Deducoes[0], in.PLA.Deducoes[4] = a("600"), a("500")
		}, findings.DeductionsOverPL, "PLA!B2"},
		{"program date without program beneficiaries", func(in *Input) {
			in.Operadora.APSCertificacao = dated("2024-01-10")
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Remissao: map[ans.Remissao]int64{}}
		}, findings.ProgramNoData, "Operadora!B10"},
		{"program beneficiaries without a date", func(in *Input) {
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Promoprev: 3, Remissao: map[ans.Remissao]int64{}}
		}, findings.ProgramNoData, "Beneficiarios!"},
		// the 2024-07-01 point is in force at 2024-12; nothing before 2020-03-06
		{"no capital de referência", func(in *Input) {
			in.Operadora.DataBase = mon(2020, time.February)
			in.Contraprestacoes, in.Eventos = months(in.Operadora.DataBase, "individual", "medico_hospitalar", "100"), months(in.Operadora.DataBase, "", "", "80")
		}, findings.NoCapitalRef, "Operadora!B4"},
		// 2025-07-01 + 12 months = 2026-07 < 2026-08
		{"stale capital de referência", func(in *Input) {
			in.Operadora.DataBase = mon(2026, time.August)
			in.Contraprestacoes, in.Eventos = months(in.Operadora.DataBase, "individual", "medico_hospitalar", "100"), months(in.Operadora.DataBase, "", "", "80")
		}, findings.StaleCapitalRef, "Operadora!B4"},
		{"remitted beneficiaries without provision", func(in *Input) {
			in.Remissao.PRVitalicia = Amount{V: dec("0"), Ref: "Remissao!B5"}
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Remissao: map[ans.Remissao]int64{"remido_vitalicio": 2}}
		}, findings.RemissionMismatch, "Remissao!B5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := checkInput()
			c.mutate(in)
			l := Check(in, rulestest.Default(t))
			if c.code == "" {
				if len(l) != 0 {
					t.Fatalf("want no finding, got %v", l)
				}
				return
			}
			for _, f := range l {
				if f.Code == c.code && f.Sheet+"!"+f.Cell == c.where {
					return
				}
			}
			t.Errorf("want %s at %s, got %v", c.code, c.where, l)
		})
	}
}

// Check's warnings reach the result of Compute.
func TestComputeCarriesCheckWarnings(t *testing.T) {
	db := mon(2024, time.December)
	in := &Input{
		Operadora:        operadora("medicina_de_grupo", "SSP", 2, db),
		PLA:              PLAInput{PL: Amount{V: dec("10"), Ref: "PLA!B2"}, Deducoes: [6]Amount{a("20")}},
		Contraprestacoes: months(db, "individual", "medico_hospitalar", "100"),
		Eventos:          months(db, "", "", "80"),
	}
	r := compute(t, in, rulestest.Default(t), Options{})
	if !hasWarning(r, findings.DeductionsOverPL) {
		t.Errorf("warnings %v", r.Warnings)
	}
}

// A grau de risco must be in the rulebook's table by grade when it has one,
// case and spaces not counting; a row typing its own fator needs none.
func TestCheckGraus(t *testing.T) {
	db := mon(2024, time.December)
	table := "crc:\n  fator_1_1:\n    por_grau: {A: 0.02, \"B+\": 0.05}\n"
	cases := []struct {
		name, rules, grau string
		fator             bool
		bad               bool
	}{
		{"no table: every grade takes padrao", "", "anything", false, false},
		{"exact", table, "A", false, false},
		{"lower case and spaces", table, " a ", false, false},
		{"inner space", table, "b +", false, false},
		{"unknown", table, "C", false, true},
		{"a longer grade is another grade", table, "AA", false, true},
		{"unknown, but the row types its factor", table, "C", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rb := rulestest.Default(t)
			if c.rules != "" {
				rb = loadRules(t, c.rules)
			}
			row := CreditoOperadora{RegistroANS: "111111", GrauRisco: c.grau, GrauRef: "Credito_Operadoras!B7", C2: a("100")}
			if c.fator {
				row.Fator = ap("0.1")
			}
			in := &Input{
				Operadora:         operadora("medicina_de_grupo", "SSP", 2, db),
				Contraprestacoes:  months(db, "individual", "medico_hospitalar", "100"),
				Eventos:           months(db, "", "", "80"),
				CreditoOperadoras: []CreditoOperadora{row},
			}
			l := Check(in, rb)
			if !c.bad {
				if len(l) != 0 {
					t.Fatalf("want no finding, got %v", l)
				}
				return
			}
			if len(l) != 1 || l[0].Code != findings.BadEnum || l[0].Severity != findings.Error || l[0].Sheet+"!"+l[0].Cell != "Credito_Operadoras!B7" ||
				!strings.Contains(l[0].Message, `known: "A", "B+"`) {
				t.Errorf("want one %s at Credito_Operadoras!B7 naming A, B+; got %v", findings.BadEnum, l)
			}
		})
	}
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
			rb := rulestest.Default(t)
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
	_, err := Compute(informedAll(operadora("autogestao", "", 1, mon(2020, 2)), "0", "0", "0", "0"), rulestest.Default(t), Options{})
	inputErr(t, err, findings.NoCapitalRef)
	// 2020-03: the last day, 2020-03-31, is after 2020-03-06.
	compute(t, informedAll(operadora("autogestao", "", 1, mon(2020, 3)), "0", "0", "0", "0"), rulestest.Default(t), Options{})
}

func TestOutOfScopeAndCombinations(t *testing.T) {
	rb := rulestest.Default(t)
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
	rb := rulestest.Default(t)
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

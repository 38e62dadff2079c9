package capital

import (
	"strings"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

// The content checks of Check, each on an input that breaks one rule.
func TestCheckContent(t *testing.T) {
	db := mon(2024, time.December)
	base := func() *Input {
		return &Input{
			Operadora:        operadora("medicina_de_grupo", "SSP", 2, db),
			PLA:              PLAInput{PL: Amount{V: dec("1000"), Ref: "PLA!B2"}},
			Contraprestacoes: months(db, "individual", "medico_hospitalar", "100"),
			Eventos:          months(db, "", "", "80"),
		}
	}
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
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Remissao: map[string]int64{}}
		}, findings.ProgramNoData, "Operadora!B10"},
		{"program beneficiaries without a date", func(in *Input) {
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Promoprev: 3, Remissao: map[string]int64{}}
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
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 10, Remissao: map[string]int64{"remido_vitalicio": 2}}
		}, findings.RemissionMismatch, "Remissao!B5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base()
			c.mutate(in)
			l := Check(in, defaultRules(t))
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
	r := compute(t, in, defaultRules(t), Options{})
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
			rb := defaultRules(t)
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

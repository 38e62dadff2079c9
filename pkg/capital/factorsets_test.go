package capital

import (
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func TestReducedEligibility(t *testing.T) {
	tests := []struct {
		name       string
		governanca string // governance report sent (RN 518 Anexo V)
		acredit    string // accreditation start (RN 507)
		db         period.Month
		eligible   bool
	}{
		// spec §11: report sent 2023-05-15 covers 1T2023..4T2023.
		{"report 2023-05-15 at 2023-12", "2023-05-15", "", mon(2023, 12), true},
		{"report 2023-05-15 at 2024-01", "2023-05-15", "", mon(2024, 1), false},
		{"report 2023-05-15 at 2023-01 (1T2023)", "2023-05-15", "", mon(2023, 1), true},
		{"report 2023-05-15 at 2022-12", "2023-05-15", "", mon(2022, 12), false},
		// spec §11: accreditation 2023-06-15 → from 2023-06-30 (end of 2T2023), four quarters: 2T2023..1T2024.
		{"accreditation 2023-06-15 at 2023-06", "", "2023-06-15", mon(2023, 6), true},
		{"accreditation 2023-06-15 at 2024-03", "", "2023-06-15", mon(2024, 3), true},
		{"accreditation 2023-06-15 at 2024-04", "", "2023-06-15", mon(2024, 4), false},
		{"accreditation 2023-06-15 at 2023-05", "", "2023-06-15", mon(2023, 5), false},
		// 2023-04-01 is in 2T2023: valid only from 2023-06-30, so not at 2023-04 or 2023-05.
		{"accreditation 2023-04-01 at 2023-04", "", "2023-04-01", mon(2023, 4), false},
		{"accreditation 2023-04-01 at 2023-06", "", "2023-04-01", mon(2023, 6), true},
		// 2023-11-20 is in 4T2023: 4T2023..3T2024.
		{"accreditation 2023-11-20 at 2024-09", "", "2023-11-20", mon(2024, 9), true},
		{"accreditation 2023-11-20 at 2024-10", "", "2023-11-20", mon(2024, 10), false},
		{"accreditation 2023-11-20 at 2023-11", "", "2023-11-20", mon(2023, 11), false},
		// Either route suffices (RN 630/2025).
		{"report expired, accreditation valid", "2022-03-01", "2023-06-15", mon(2024, 2), true},
		{"report valid, accreditation expired", "2024-02-01", "2022-06-15", mon(2024, 8), true},
		{"both expired", "2022-03-01", "2022-06-15", mon(2024, 8), false},
		{"neither", "", "", mon(2023, 12), false},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			op := operadora("cooperativa_medica", "SSP", 3, tc.db)
			if tc.governanca != "" {
				op.GovernancaRelatorio = dated(tc.governanca)
			}
			if tc.acredit != "" {
				op.AcreditacaoInicio = dated(tc.acredit)
			}
			v := eligibility(op, rb)
			if got := v[Reduzido]; got.Eligible != tc.eligible || got.Reason.Kind == 0 {
				t.Errorf("reduzido %+v, want eligible %v", got, tc.eligible)
			}
			if !v[Padrao].Eligible {
				t.Error("padrao not eligible")
			}
		})
	}
	// The reasons carry the spans: the report's year 1T2023–4T2023; the
	// accreditation four quarters from the end of its own, 2T2023–1T2024.
	span := func(c *Cover) string {
		if c == nil {
			return ""
		}
		return c.From.QuarterLabel() + "–" + c.To.QuarterLabel()
	}
	op := operadora("cooperativa_medica", "SSP", 3, mon(2024, 4))
	op.AcreditacaoInicio = dated("2023-06-15")
	op.GovernancaRelatorio = dated("2023-05-15")
	r := eligibility(op, rb)[Reduzido].Reason
	if r.Kind != NotCovered || span(r.Governance) != "1T2023–4T2023" || span(r.Accreditation) != "2T2023–1T2024" ||
		r.Accreditation.From.LastDay().Format(time.DateOnly) != "2023-06-30" || r.DataBase != mon(2024, 4) {
		t.Errorf("reason %+v", r)
	}
	op = operadora("cooperativa_medica", "SSP", 3, mon(2024, 3))
	op.AcreditacaoInicio = dated("2023-06-15")
	if r := eligibility(op, rb)[Reduzido].Reason; r.Kind != AccreditationCovers || span(r.Accreditation) != "2T2023–1T2024" {
		t.Errorf("reason %+v", r)
	}
}

func TestProgramEligibility(t *testing.T) {
	on := func(name string) []Flag { return []Flag{{Name: name, On: true, Ref: "Operadora!B20"}} }
	tests := []struct {
		name     string
		date     string
		idss     *Amount
		flags    []Flag
		eligible bool
		kind     EligibilityKind
		blocking string // the situation that blocks, for BlockedBySituation
	}{
		{"approved before the data base", "2023-03-01", ap("0.7"), nil, true, ProgramQualifies, ""},
		{"approved on the last day of the data base", "2023-12-31", ap("0.7"), nil, true, ProgramQualifies, ""},
		{"approved after the data base", "2024-01-01", ap("0.7"), nil, false, ProgramAfterDataBase, ""},
		{"no date", "", ap("0.7"), nil, false, NoProgramDate, ""},
		{"IDSS exactly 0.5", "2023-03-01", ap("0.5"), nil, true, ProgramQualifies, ""},
		{"IDSS below 0.5", "2023-03-01", ap("0.4999"), nil, false, IDSSBelowMinimum, ""},
		{"IDSS missing", "2023-03-01", nil, nil, false, NoIDSS, ""},
		{"flags off", "2023-03-01", ap("0.7"), []Flag{{Name: "situacao_direcao_tecnica", On: false}}, true, ProgramQualifies, ""},
		{"plano de recuperação", "2023-03-01", ap("0.7"), on("situacao_plano_recuperacao_assistencial"), false, BlockedBySituation, "situacao_plano_recuperacao_assistencial"},
		{"adequação econômico-financeira", "2023-03-01", ap("0.7"), on("situacao_adequacao_economico_financeira"), false, BlockedBySituation, "situacao_adequacao_economico_financeira"},
		{"direção técnica", "2023-03-01", ap("0.7"), on("situacao_direcao_tecnica"), false, BlockedBySituation, "situacao_direcao_tecnica"},
		{"direção fiscal", "2023-03-01", ap("0.7"), on("situacao_direcao_fiscal"), false, BlockedBySituation, "situacao_direcao_fiscal"},
		{"liquidação extrajudicial", "2023-03-01", ap("0.7"), on("situacao_liquidacao_extrajudicial"), false, BlockedBySituation, "situacao_liquidacao_extrajudicial"},
		{"parecer adverso", "2023-03-01", ap("0.7"), on("situacao_parecer_adverso"), false, BlockedBySituation, "situacao_parecer_adverso"},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, set := range []ans.FactorSet{Promoprev, PartoAdequado, APS} {
				op := operadora("cooperativa_medica", "SSP", 3, mon(2023, 12))
				op.IDSS, op.Situacoes = tc.idss, tc.flags
				var d *Dated
				if tc.date != "" {
					d = dated(tc.date)
				}
				switch set {
				case Promoprev:
					op.PromoprevAprovacao = d
				case PartoAdequado:
					op.PartoAdequadoCertificacao = d
				case APS:
					op.APSCertificacao = d
				}
				v := eligibility(op, rb)
				why := v[set].Reason
				if v[set].Eligible != tc.eligible || why.Kind != tc.kind || why.Set != ans.FactorSet(set) || why.Situation.Name != tc.blocking {
					t.Errorf("%s: %+v, want eligible %v, kind %d, blocked by %q", set, v[set], tc.eligible, tc.kind, tc.blocking)
				}
				// A program's date makes only that program eligible.
				for _, other := range []ans.FactorSet{Promoprev, PartoAdequado, APS, Reduzido} {
					if other != set && v[other].Eligible {
						t.Errorf("%s eligible from %s's date", other, set)
					}
				}
			}
		})
	}
}

// The IDSS threshold comes from the rulebook.
func TestIDSSThresholdFromRules(t *testing.T) {
	rb := loadRules(t, "programas:\n  idss_minimo: 0.8\n")
	op := operadora("cooperativa_medica", "SSP", 3, mon(2023, 12))
	op.APSCertificacao, op.IDSS = dated("2023-01-01"), ap("0.7")
	if v := eligibility(op, rb)[APS]; v.Eligible || v.Reason.Kind != IDSSBelowMinimum || !v.Reason.IDSS.V.Equal(dec("0.7")) || !v.Reason.Minimum.Equal(dec("0.8")) {
		t.Errorf("%+v", v)
	}
}

package capital

import (
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// crsInput is the CRS example used below, data base 2023-12:
//
//	C(individual, médico-hospitalar) = 11·8000 + 12000 = 100 000
//	E = 11·4000 + 6000 = 50 000
//	hc = 0.2, ABI = 3000, 4000: hc(1−hc)·ΣABI² = 0.16 · 25·10⁶ = 4·10⁶, √ = 2000
//	CA_temp = CA_vit = PR_temp = PR_vit = 1000
func crsInput() *Input {
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	in.Operadora.HC = a("0.2")
	in.Contraprestacoes = months(db, "individual", "medico_hospitalar", eleven("8000", "12000")...)
	in.Eventos = months(db, "", "", eleven("4000", "6000")...)
	in.ABI = []Amount{a("3000"), a("4000")}
	in.Remissao = Remissao{CATemporaria: a("1000"), CAVitalicia: a("1000"), PRTemporaria: a("1000"), PRVitalicia: a("1000")}
	return in
}

// The spec §11 vector: PRE = 1000, PRO = 500, SUS = 0, RA + RM = 0:
// CRS = √(1000² + 0.64·1000·500 + 500²) = √1 570 000 = 1252.99640861416677884953|648…
// β(individual) and κ are set to 0.1 so that 0.1 × 10 000 = 1000 and 0.1 × 5000 = 500.
func TestCRSSpecVector(t *testing.T) {
	rb := loadRules(t, "crs:\n  pre:\n    beta:\n      padrao: {individual: 0.1}\n  pro:\n    kappa: {padrao: 0.1}\n")
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	in.Contraprestacoes = months(db, "individual", "medico_hospitalar", eleven("800", "1200")...) // 11·800 + 1200 = 10 000
	in.Eventos = months(db, "", "", eleven("400", "600")...)                                      // 11·400 + 600 = 5000
	r := compute(t, in, rb, Options{})
	if r.FactorSet != Padrao {
		t.Fatalf("factor set %s", r.FactorSet)
	}
	wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, "1000")
	wantDec(t, "PRO", r.CRS.Find("crs_pro").Value, "500")
	wantDec(t, "SUS", r.CRS.Find("crs_sus").Value, "0")
	wantDec(t, "RA+RM", r.CRS.Find("crs_rem").Value, "0")
	wantDec(t, "CRS", r.CRS.Value, "1252.99640861416677884953")
	if !strings.HasPrefix(r.CRS.Value.String(), "1252.9964086141667") {
		t.Errorf("CRS %s", r.CRS.Value)
	}
	agree(t, "CRS", r.CRS.Value, sqrtF(bf("1570000")))
	// The independent formula on the same parts.
	pre, ps := bf("1000"), bf("500")
	agree(t, "CRS", r.CRS.Value, sqrtF(add(mul(pre, pre), mul(bf("0.64"), pre, ps), mul(ps, ps))))
	// The parameters the user changed say so.
	v := r.CRS.Find("v_individual_medico_hospitalar")
	if v == nil || v.Params[0].Path != "crs.pre.beta.padrao.individual" || v.Params[0].Status != rules.User {
		t.Errorf("v node %+v", v)
	}
}

// setCase is one factor set on crsInput, every figure by hand:
// value = padrao − share·(padrao − reduzido) for β, κ, Z; remission padrao
// except under reduzido.
type setCase struct {
	set                  string
	beta, kappa, z       string
	pre, pro, sus, rem   string
	crs2, crs            string // CRS² and √ truncated to 20 places (Python decimal, prec 60)
	betaAdesao, betaEmpr string // β for the other contract types
	faTemp, fmVit        string // two of the remission factors applied
}

var setCases = []setCase{
	// PRE = 0.043·100000 = 4300; PRO = 0.007·50000 = 350; SUS = 2.58·2000 = 5160;
	// RA+RM = 1000·(0.029 + 0.081 + 0.133 + 0.269) = 512; PRO+SUS = 5510
	// CRS² = 4300² + 0.64·4300·5510 + 5510² + 512² = 18490000 + 15163520 + 30360100 + 262144 = 64275764
	{Padrao, "0.043", "0.007", "2.58", "4300", "350", "5160", "512", "64275764", "8017.21672402586357823893", "0.082", "0.114", "0.029", "0.269"},
	// 0.033·100000 = 3300; 0.005·50000 = 250; 1.96·2000 = 3920; 1000·(0.021+0.061+0.101+0.205) = 388
	// 3300² + 0.64·3300·4170 + 4170² + 388² = 10890000 + 8807040 + 17388900 + 150544 = 37236484
	{Reduzido, "0.033", "0.005", "1.96", "3300", "250", "3920", "388", "37236484", "6102.17043354247849870778", "0.062", "0.087", "0.021", "0.205"},
	// share 0.25: β = 0.043 − 0.25·0.010 = 0.0405; κ = 0.007 − 0.25·0.002 = 0.0065; Z = 2.58 − 0.25·0.62 = 2.425
	// β adesão 0.082 − 0.25·0.020 = 0.077; empresarial 0.114 − 0.25·0.027 = 0.10725
	// 4050² + 0.64·4050·5175 + 5175² + 512² = 16402500 + 13413600 + 26780625 + 262144 = 56858869
	{Promoprev, "0.0405", "0.0065", "2.425", "4050", "325", "4850", "512", "56858869", "7540.4820137707377201064", "0.077", "0.10725", "0.029", "0.269"},
	// share 0.50: β 0.038, κ 0.006, Z 2.27; adesão 0.072, empresarial 0.1005
	// 3800² + 0.64·3800·4840 + 4840² + 512² = 14440000 + 11770880 + 23425600 + 262144 = 49898624
	{PartoAdequado, "0.038", "0.006", "2.27", "3800", "300", "4540", "512", "49898624", "7063.89580897113742246301", "0.072", "0.1005", "0.029", "0.269"},
	// share 0.75: β 0.0355, κ 0.0055, Z 2.115; adesão 0.067, empresarial 0.09375
	// 3550² + 0.64·3550·4505 + 4505² + 512² = 12602500 + 10235360 + 20295025 + 262144 = 43395029
	{APS, "0.0355", "0.0055", "2.115", "3550", "275", "4230", "512", "43395029", "6587.49034154889672275412", "0.067", "0.09375", "0.029", "0.269"},
}

func TestCRSFactorSets(t *testing.T) {
	rb := rulestest.Default(t)
	for _, tc := range setCases {
		t.Run(tc.set, func(t *testing.T) {
			r := compute(t, crsInput(), rb, Options{Factors: tc.set})
			if r.FactorSet != tc.set {
				t.Fatalf("factor set %s", r.FactorSet)
			}
			wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, tc.pre)
			wantDec(t, "PRO", r.CRS.Find("crs_pro").Value, tc.pro)
			wantDec(t, "SUS", r.CRS.Find("crs_sus").Value, tc.sus)
			wantDec(t, "RA+RM", r.CRS.Find("crs_rem").Value, tc.rem)
			wantDec(t, "CRS", r.CRS.Value, tc.crs)
			// β, κ, Z from the parts: PRE/C, PRO/E, SUS/2000.
			wantDec(t, "β", money.Div(dec(tc.pre), dec("100000")), tc.beta)
			wantDec(t, "κ", money.Div(dec(tc.pro), dec("50000")), tc.kappa)
			wantDec(t, "Z", money.Div(dec(tc.sus), dec("2000")), tc.z)
			// The independent computation.
			pre, ps, rem := bf(tc.pre), add(bf(tc.pro), bf(tc.sus)), bf(tc.rem)
			x := add(mul(pre, pre), mul(bf("0.64"), pre, ps), mul(ps, ps), mul(rem, rem))
			agree(t, "CRS² (hand)", dec(tc.crs2), x)
			agree(t, "CRS", r.CRS.Value, sqrtF(x))
			// Every set is computed whatever the choice.
			for _, s := range r.Sets {
				for _, c := range setCases {
					if c.set == s.Set {
						wantDec(t, "CRS under "+s.Set, s.CRS, c.crs)
					}
				}
			}
			// Remission: padrao factors except under reduzido.
			level := "padrao"
			if tc.set == Reduzido {
				level = "reduzido"
			}
			var paths []string
			for _, p := range r.CRS.Find("crs_rem").Params {
				paths = append(paths, p.Path)
			}
			if !slices.Contains(paths, "crs.remissao.fa."+level+".temporaria") || !slices.Contains(paths, "crs.remissao.fm."+level+".vitalicia") {
				t.Errorf("remission parameters %v, want the %s factors", paths, level)
			}
		})
	}
}

// TestProgramBetaAllTypes checks β of every contract type and segment under
// every set: one cell each of C = 100 000, so v = β·100 000.
func TestProgramBetaAllTypes(t *testing.T) {
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	cells := [][2]string{{"individual", "medico_hospitalar"}, {"coletivo_adesao", "medico_hospitalar"},
		{"coletivo_empresarial", "odontologico"}, {"corresponsabilidade_assumida", "odontologico"}}
	for _, c := range cells {
		in.Contraprestacoes = append(in.Contraprestacoes, months(db, c[0], c[1], eleven("8000", "12000")...)...)
	}
	in.Eventos = months(db, "", "", "0")
	rb := rulestest.Default(t)
	for _, tc := range setCases {
		r := compute(t, in, rb, Options{Factors: tc.set})
		// corresponsabilidade has the coletivo_empresarial factors.
		want := []string{tc.beta, tc.betaAdesao, tc.betaEmpr, tc.betaEmpr}
		sum := dec("0")
		for i, c := range cells {
			v := r.CRS.Find("v_" + c[0] + "_" + c[1])
			if v == nil {
				t.Fatalf("%s: no v node for %v", tc.set, c)
			}
			wantDec(t, tc.set+" v "+c[0], v.Value, dec(want[i]).Mul(dec("100000")).String())
			sum = sum.Add(v.Value)
		}
		// ρ all ones: PRE = Σ v; PRO = SUS = RA+RM = 0, so CRS = PRE.
		wantDec(t, tc.set+" PRE", r.CRS.Find("crs_pre").Value, sum.String())
		wantDec(t, tc.set+" CRS", r.CRS.Value, sum.String())
	}
}

// With an identity ρ, PRE = √Σv²: v = 0.043·100000 = 4300 and
// 0.114·50000 = 5700; √(4300² + 5700²) = √50 980 000 = 7140.02800554…
func TestPRECorrelation(t *testing.T) {
	var rows []string
	for i := range 8 {
		r := make([]string, 8)
		for j := range 8 {
			r[j] = "0"
			if i == j {
				r[j] = "1"
			}
		}
		rows = append(rows, "["+strings.Join(r, ", ")+"]")
	}
	rb := loadRules(t, "crs:\n  pre:\n    rho: ["+strings.Join(rows, ", ")+"]\n")
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	in.Contraprestacoes = append(months(db, "individual", "medico_hospitalar", eleven("8000", "12000")...),
		months(db, "coletivo_empresarial", "odontologico", eleven("4000", "6000")...)...)
	in.Eventos = months(db, "", "", "0")
	r := compute(t, in, rb, Options{})
	agree(t, "PRE", r.CRS.Find("crs_pre").Value, sqrtF(bf("50980000")))
	// Default ρ (all ones): PRE = 4300 + 5700 = 10000.
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, "10000")
	// The matrix is a parameter only when there are two cells or more.
	if !slices.Contains(r.Provisional(), "crs.pre.rho") {
		t.Errorf("provisional %v lacks crs.pre.rho", r.Provisional())
	}
	in.Contraprestacoes = in.Contraprestacoes[:12]
	r = compute(t, in, rulestest.Default(t), Options{})
	if slices.Contains(r.Provisional(), "crs.pre.rho") {
		t.Errorf("provisional %v has crs.pre.rho for one cell", r.Provisional())
	}
}

func TestSUS(t *testing.T) {
	tests := []struct {
		hc   string
		abi  []string
		want string
	}{
		// 2.58 × √(0.2·0.8·(3000² + 4000²)) = 2.58 × √(4·10⁶) = 2.58 × 2000
		{"0.2", []string{"3000", "4000"}, "5160"},
		// 2.58 × √(0.5·0.5·100²) = 2.58 × 50
		{"0.5", []string{"100"}, "129"},
		{"0", []string{"3000"}, "0"}, // never charged
		{"1", []string{"3000"}, "0"}, // always charged: no uncertainty
		{"0.2", nil, "0"},
	}
	for _, tc := range tests {
		in := crsInput()
		in.Operadora.HC = a(tc.hc)
		in.ABI = nil
		for _, x := range tc.abi {
			in.ABI = append(in.ABI, a(x))
		}
		r := compute(t, in, rulestest.Default(t), Options{Factors: Padrao})
		wantDec(t, "SUS hc "+tc.hc, r.CRS.Find("crs_sus").Value, tc.want)
		if got := slices.Contains(r.Provisional(), "crs.sus.modelo"); got != (len(tc.abi) > 0) {
			t.Errorf("hc %s, %d ABIs: crs.sus.modelo provisional %v", tc.hc, len(tc.abi), got)
		}
	}
	// A non-trivial root: 2.58 × √(0.3·0.7·(1234.56² + 789.01²)), checked in big.Float.
	in := crsInput()
	in.Operadora.HC = a("0.3")
	in.ABI = []Amount{a("1234.56"), a("789.01")}
	r := compute(t, in, rulestest.Default(t), Options{Factors: Padrao})
	x := mul(bf("0.21"), add(mul(bf("1234.56"), bf("1234.56")), mul(bf("789.01"), bf("789.01"))))
	agree(t, "SUS", r.CRS.Find("crs_sus").Value, mul(bf("2.58"), sqrtF(x)))
}

func TestCoverageWeighted(t *testing.T) {
	in := crsInput()
	in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 1000, Promoprev: 400, PartoAdequado: 500, APS: 200}
	tests := []struct {
		set, beta, kappa, z string
	}{
		// share 0.25 × 400/1000 = 0.1: β = 0.043 − 0.1·0.01 = 0.042; κ = 0.007 − 0.1·0.002 = 0.0068; Z = 2.58 − 0.1·0.62 = 2.518
		{Promoprev, "0.042", "0.0068", "2.518"},
		// 0.50 × 0.5 = 0.25: β 0.0405, κ 0.0065, Z 2.425
		{PartoAdequado, "0.0405", "0.0065", "2.425"},
		// 0.75 × 0.2 = 0.15: β 0.0415, κ 0.0067, Z 2.487
		{APS, "0.0415", "0.0067", "2.487"},
		// padrao and reduzido are not weighted
		{Padrao, "0.043", "0.007", "2.58"},
		{Reduzido, "0.033", "0.005", "1.96"},
	}
	for _, tc := range tests {
		r := compute(t, in, rulestest.Default(t), Options{Factors: tc.set, CoverageWeighted: true})
		wantDec(t, tc.set+" PRE", r.CRS.Find("crs_pre").Value, dec(tc.beta).Mul(dec("100000")).String())
		wantDec(t, tc.set+" PRO", r.CRS.Find("crs_pro").Value, dec(tc.kappa).Mul(dec("50000")).String())
		wantDec(t, tc.set+" SUS", r.CRS.Find("crs_sus").Value, dec(tc.z).Mul(dec("2000")).String())
		wantDec(t, tc.set+" RA+RM", r.CRS.Find("crs_rem").Value, map[bool]string{true: "388", false: "512"}[tc.set == Reduzido])
		if tc.set == Promoprev {
			cov := false
			for _, c := range r.CRS.Find("crs_pro").Inputs {
				cov = cov || (c.Name == "coverage promoprev" && c.Value.Equal(dec("0.4")) && c.Cell == "Beneficiarios")
			}
			if !cov {
				t.Errorf("PRO inputs %+v lack the coverage", r.CRS.Find("crs_pro").Inputs)
			}
		}
	}
}

// The factor-set choice: of the eligible sets, the lowest CRS (CRS of
// crsInput per set: padrao 8017.22, reduzido 6102.17, promoprev 7540.48,
// parto 7063.90, aps 6587.49).
func TestAutoChoice(t *testing.T) {
	idss := ap("0.8")
	tests := []struct {
		name   string
		setup  func(*Operadora)
		opt    string
		chosen string
		forced bool // a W006 warning is expected
	}{
		{"nothing eligible", func(*Operadora) {}, Auto, Padrao, false},
		{"governance report", func(op *Operadora) { op.GovernancaRelatorio = dated("2023-05-15") }, Auto, Reduzido, false},
		{"all programs", func(op *Operadora) {
			op.PromoprevAprovacao, op.PartoAdequadoCertificacao, op.APSCertificacao, op.IDSS = dated("2022-01-01"), dated("2022-01-01"), dated("2022-01-01"), idss
		}, Auto, APS, false},
		{"all programs and reduzido", func(op *Operadora) {
			op.PromoprevAprovacao, op.PartoAdequadoCertificacao, op.APSCertificacao, op.IDSS = dated("2022-01-01"), dated("2022-01-01"), dated("2022-01-01"), idss
			op.AcreditacaoInicio = dated("2023-06-15")
		}, Auto, Reduzido, false},
		{"promoprev only", func(op *Operadora) { op.PromoprevAprovacao, op.IDSS = dated("2023-12-31"), idss }, Auto, Promoprev, false},
		{"parto adequado and promoprev", func(op *Operadora) {
			op.PromoprevAprovacao, op.PartoAdequadoCertificacao, op.IDSS = dated("2023-01-01"), dated("2023-01-01"), idss
		}, Auto, PartoAdequado, false},
		{"programs blocked by direção fiscal", func(op *Operadora) {
			op.PromoprevAprovacao, op.APSCertificacao, op.IDSS = dated("2022-01-01"), dated("2022-01-01"), idss
			op.Situacoes = []Flag{{Name: "situacao_direcao_fiscal", On: true, Ref: "Operadora!B20"}}
		}, Auto, Padrao, false},
		{"forced reduzido, not eligible", func(*Operadora) {}, Reduzido, Reduzido, true},
		{"forced aps, not eligible", func(*Operadora) {}, APS, APS, true},
		{"forced padrao, reduzido eligible", func(op *Operadora) { op.GovernancaRelatorio = dated("2023-05-15") }, Padrao, Padrao, false},
		{"forced reduzido, eligible", func(op *Operadora) { op.GovernancaRelatorio = dated("2023-05-15") }, Reduzido, Reduzido, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := crsInput()
			tc.setup(&in.Operadora)
			r := compute(t, in, rulestest.Default(t), Options{Factors: tc.opt})
			if r.FactorSet != tc.chosen {
				t.Fatalf("chose %s, want %s; sets %+v", r.FactorSet, tc.chosen, r.Sets)
			}
			if got := hasWarning(r, findings.ForcedIneligible); got != tc.forced {
				t.Errorf("W006 %v, want %v", got, tc.forced)
			}
			var chosen *SetOutcome
			n := 0
			for i := range r.Sets {
				if r.Sets[i].Chosen {
					chosen, n = &r.Sets[i], n+1
				}
			}
			if n != 1 || chosen.Set != tc.chosen || r.CRS != chosen.Node || !r.CRS.Value.Equal(chosen.CRS) {
				t.Fatalf("chosen flags wrong: %+v", r.Sets)
			}
			if tc.opt == Auto {
				// No eligible set has a lower CRS, and the chosen one is eligible.
				if !chosen.Eligible || chosen.Reason.Choice != Applied {
					t.Errorf("chosen %+v", chosen)
				}
				for _, s := range r.Sets {
					if s.Eligible && s.CRS.LessThan(chosen.CRS) {
						t.Errorf("eligible %s has a lower CRS %s", s.Set, s.CRS)
					}
					switch {
					case s.Chosen:
					case s.Eligible && (s.Reason.Choice != LowerBenefit || !s.Reason.CRS.Equal(s.CRS) || !s.Reason.AppliedCRS.Equal(chosen.CRS) || s.Reason.Applied != chosen.Set):
						t.Errorf("reason for %s: %+v", s.Set, s.Reason)
					case !s.Eligible && s.Reason.Choice != NotEligible:
						t.Errorf("reason for %s: %+v", s.Set, s.Reason)
					}
				}
			} else {
				want := Forced
				if tc.forced {
					want = ForcedIneligible
				}
				if chosen.Reason.Choice != want {
					t.Errorf("forced reason %+v, want choice %d", chosen.Reason, want)
				}
			}
			// Proposal parameters (and the PROPOSAL warning) only for a program set.
			program := tc.chosen == Promoprev || tc.chosen == PartoAdequado || tc.chosen == APS
			if got := slices.Contains(r.Proposal(), "programas.parcela."+tc.chosen); got != program {
				t.Errorf("Proposal() = %v", r.Proposal())
			}
			if program && len(r.Proposal()) != 1 {
				t.Errorf("Proposal() = %v, want only the chosen program's share", r.Proposal())
			}
			if hasWarning(r, findings.ProposalParams) != program {
				t.Errorf("W009 warning %v", hasWarning(r, findings.ProposalParams))
			}
		})
	}
	// The padrao reason under "governance report" carries the numbers.
	in := crsInput()
	in.Operadora.GovernancaRelatorio = dated("2023-05-15")
	r := compute(t, in, rulestest.Default(t), Options{})
	if why := r.Sets[0].Reason; why.Choice != LowerBenefit || !money.Round(why.CRS).Equal(dec("8017.22")) ||
		!money.Round(why.AppliedCRS).Equal(dec("6102.17")) || why.Applied != Reduzido {
		t.Errorf("padrao reason %+v", why)
	}
	// With the forced padrao, the eligible reduzido says it was not applied.
	r = compute(t, in, rulestest.Default(t), Options{Factors: Padrao})
	if why := r.Sets[1].Reason; why.Choice != OtherForced || why.Applied != Padrao || why.Eligibility.Kind != GovernanceCovers {
		t.Errorf("reduzido reason %+v", why)
	}
}

// Ties go to the earlier set in Sets() order: with no CRS inputs every set
// gives 0 and padrao is kept even when all are eligible.
func TestTieBreak(t *testing.T) {
	db := mon(2023, 12)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	in.Operadora.GovernancaRelatorio = dated("2023-01-10")
	in.Operadora.APSCertificacao, in.Operadora.IDSS = dated("2023-01-10"), ap("0.9")
	r := compute(t, in, rulestest.Default(t), Options{})
	if r.FactorSet != Padrao {
		t.Errorf("tie went to %s", r.FactorSet)
	}
	if got := Sets(); !slices.Equal(got, []string{"padrao", "reduzido", "promoprev", "parto_adequado", "aps"}) {
		t.Errorf("Sets() = %v", got)
	}
}

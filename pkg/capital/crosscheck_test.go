package capital

import (
	"math/big"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// This file is a second implementation of rn569-model.md §1–§8 in 200-bit
// big.Float, written from the spec with its parameters typed from the spec
// (not read from the rulebook), and compared figure by figure with Compute.

// refParams are the model's parameters.
type refParams struct {
	ref, k                  string
	corrSC, corrSM, corrCM  string
	coef                    string
	beta, betaR             map[string]string // by contract type
	kappa, kappaR, z, zR    string
	faT, faV, fmT, fmV      string // padrao
	faTR, faVR, fmTR, fmVR  string // reduzido
	share                   map[string]string
	rho                     func(i, j int) string
	f11, f12, F             string
	fpr                     map[string]string
	shock                   map[string]string
	crmCorr                 func(i, j int) string
	fc, fp, limit           string
	contractOrder, segOrder []string
	marketOrder             []string
}

func ones(int, int) string { return "1" }

func half(i, j int) string {
	if i == j {
		return "1"
	}
	return "0.5"
}

// specParams: rn569-model.md §1 (CBR), §2 (the capital de referência from
// July 2023, in force at richInput's data base 2023-12, and K of cooperativa
// médica SSP região 3 = 15.35), §4 (β, κ, Z, remission), §5 (shares) and §8a.
func specParams() refParams {
	return refParams{
		ref: "11226992.56", k: "15.35",
		corrSC: "0.50", corrSM: "0.25", corrCM: "0.25",
		coef:  "0.64",
		beta:  map[string]string{"individual": "0.043", "coletivo_adesao": "0.082", "coletivo_empresarial": "0.114", "corresponsabilidade_assumida": "0.114"},
		betaR: map[string]string{"individual": "0.033", "coletivo_adesao": "0.062", "coletivo_empresarial": "0.087", "corresponsabilidade_assumida": "0.087"},
		kappa: "0.007", kappaR: "0.005", z: "2.58", zR: "1.96",
		faT: "0.029", faV: "0.081", fmT: "0.133", fmV: "0.269",
		faTR: "0.021", faVR: "0.061", fmTR: "0.101", fmVR: "0.205",
		share: map[string]string{Promoprev: "0.25", PartoAdequado: "0.50", APS: "0.75"},
		rho:   ones,
		f11:   "0.08", f12: "0.08", F: "0.08",
		fpr:     map[string]string{"titulo_publico_federal": "0", "fundo_fdss": "1", "fundo_outros": "1", "deposito_bancario": "1", "titulo_privado": "1", "outros": "1"},
		shock:   map[string]string{"PRE": "0.02", "IPCA": "0.015", "IGPM": "0.02", "POS": "0", "CAMBIAL": "0.25", "acoes": "0.39", "imoveis": "0.25"},
		crmCorr: ones,
		fc:      "0.03", fp: "0.03", limit: "0.30",
		contractOrder: []string{"individual", "coletivo_adesao", "coletivo_empresarial", "corresponsabilidade_assumida"},
		segOrder:      []string{"medico_hospitalar", "odontologico"},
		marketOrder:   []string{"PRE", "POS", "IPCA", "IGPM", "CAMBIAL", "acoes", "imoveis"},
	}
}

// changedParams are specParams with the values of changeAllRules.
func changedParams() refParams {
	p := specParams()
	p.rho, p.crmCorr = half, half
	p.f11, p.f12, p.F = "0.1", "0.1", "0.1"
	p.fpr = map[string]string{"titulo_publico_federal": "0.02", "fundo_fdss": "1", "fundo_outros": "1", "deposito_bancario": "0.9", "titulo_privado": "0.95", "outros": "0.8"}
	p.shock = map[string]string{"PRE": "0.03", "POS": "0.005", "IPCA": "0.02", "IGPM": "0.025", "CAMBIAL": "0.3", "acoes": "0.4", "imoveis": "0.2"}
	p.fc, p.fp, p.limit = "0.04", "0.05", "0.25"
	return p
}

// changeAllRules changes every provisional value and confirms every
// provisional form (rn569-model.md §0: a user value is status user); the
// file is pkg/rules' own test file of that.
func changeAllRules(t *testing.T) string {
	data, err := os.ReadFile("../rules/testdata/change-all.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// refFactor is a CRS factor under a set: padrao, reduzido, or
// padrao − share·(padrao − reduzido), the share scaled by the covered
// fraction when coverage is not nil.
func (p refParams) refFactor(set, padrao, reduzido string, coverage map[string]*big.Float) *big.Float {
	switch set {
	case Padrao:
		return bf(padrao)
	case Reduzido:
		return bf(reduzido)
	}
	s := bf(p.share[set])
	if coverage != nil {
		s = mul(s, coverage[set])
	}
	return sub(bf(padrao), mul(s, sub(bf(padrao), bf(reduzido))))
}

// refModel computes every figure of in under one factor set.
func refModel(in *Input, p refParams, set string, coverage map[string]*big.Float) map[string]*big.Float {
	out := map[string]*big.Float{}
	v := func(x Amount) *big.Float { return bfd(x.V) }
	db := in.Operadora.DataBase
	inWindow := func(m Monthly) bool { return !m.Competencia.Before(db.Add(-11)) && !m.Competencia.After(db) }

	out["cb"] = quo(mul(bf(p.ref), bf(p.k)), bf("100"))
	pla := v(in.PLA.PL)
	for _, d := range in.PLA.Deducoes {
		pla = sub(pla, v(d))
	}
	out["pla"] = pla

	// PRE: v_i = β_i·C_i over cells i = segment × type.
	n := len(p.segOrder) * len(p.contractOrder)
	vec := make([]*big.Float, n)
	for si, seg := range p.segOrder {
		for ti, tipo := range p.contractOrder {
			c := nf()
			for _, m := range in.Contraprestacoes {
				if string(m.Tipo) == tipo && string(m.Segmento) == seg && inWindow(m) {
					c = add(c, v(m.Valor))
				}
			}
			vec[si*len(p.contractOrder)+ti] = mul(p.refFactor(set, p.beta[tipo], p.betaR[tipo], coverage), c)
		}
	}
	q := nf()
	for i := range n {
		for j := range n {
			q = add(q, mul(vec[i], bf(p.rho(i, j)), vec[j]))
		}
	}
	pre := sqrtF(q)
	e := nf()
	for _, m := range in.Eventos {
		if inWindow(m) {
			e = add(e, v(m.Valor))
		}
	}
	pro := mul(p.refFactor(set, p.kappa, p.kappaR, coverage), e)
	hc := v(in.Operadora.HC)
	sq := nf()
	for _, x := range in.ABI {
		sq = add(sq, mul(v(x), v(x)))
	}
	sus := mul(p.refFactor(set, p.z, p.zR, coverage), sqrtF(mul(hc, sub(bf("1"), hc), sq)))
	faT, faV, fmT, fmV := p.faT, p.faV, p.fmT, p.fmV
	if set == Reduzido {
		faT, faV, fmT, fmV = p.faTR, p.faVR, p.fmTR, p.fmVR
	}
	r := in.Remissao
	rem := add(mul(bf(faT), v(r.CATemporaria)), mul(bf(faV), v(r.CAVitalicia)), mul(bf(fmT), v(r.PRTemporaria)), mul(bf(fmV), v(r.PRVitalicia)))
	ps := add(pro, sus)
	crs := sqrtF(add(mul(pre, pre), mul(bf(p.coef), pre, ps), mul(ps, ps), mul(rem, rem)))
	if in.Operadora.Modalidade == "administradora_de_beneficios" {
		crs = nf()
	}
	out["pre"], out["pro"], out["sus"], out["rem"], out["crs"] = pre, pro, sus, rem, crs

	// CRC
	c11 := nf()
	for _, c := range in.CreditoOperadoras {
		x := sub(add(v(c.C2), v(c.C3), sub(v(c.C4), v(c.C5)), sub(v(c.C6), v(c.C7))), add(v(c.D8), v(c.D9), v(c.D10)))
		x = maxF(x, nf())
		f := bf(p.f11)
		if c.Fator != nil {
			f = v(*c.Fator)
		}
		c11 = add(c11, mul(f, x))
	}
	c12 := nf()
	for _, s := range in.CreditoSeguros {
		f := bf(p.f12)
		if s.Fator != nil {
			f = v(*s.Fator)
		}
		c12 = add(c12, mul(f, v(s.Exposicao)))
	}
	c2 := nf()
	for _, x := range in.CreditoAtivos {
		f := bf(p.fpr[string(x.Categoria)])
		if x.FPR != nil {
			f = v(*x.FPR)
		}
		c2 = add(c2, mul(f, v(x.Exposicao)))
	}
	crc := add(c11, c12, mul(bf(p.F), c2))
	out["crc"] = crc

	// CRM
	xs := make([]*big.Float, len(p.marketOrder))
	for i, k := range p.marketOrder {
		sum := nf()
		for _, f := range in.MercadoALM {
			if string(f.Indexador) != k {
				continue
			}
			x := v(f.Valor)
			if f.Sinal == "N" {
				x = nf().Neg(x)
			}
			if k != "CAMBIAL" {
				x = quo(mul(x, v(f.Prazo)), bf("12"))
			}
			sum = add(sum, x)
		}
		sum = absF(sum)
		for _, h := range in.MercadoAtivos {
			if string(h.Classe) == k {
				sum = add(sum, v(h.Valor))
			}
		}
		xs[i] = mul(bf(p.shock[k]), sum)
	}
	qm := nf()
	for i := range xs {
		for j := range xs {
			qm = add(qm, mul(xs[i], bf(p.crmCorr(i, j)), xs[j]))
		}
	}
	crm := sqrtF(qm)
	out["crm"] = crm

	if a := in.Informadas.CRS; a != nil {
		crs = v(*a)
		out["crs"] = crs
	}
	bcbr := sqrtF(add(mul(crs, crs), mul(crc, crc), mul(crm, crm),
		mul(bf("2"), add(mul(bf(p.corrSC), crs, crc), mul(bf(p.corrSM), crs, crm), mul(bf(p.corrCM), crc, crm)))))
	op := in.Operacional
	cro := minF(mul(bf(p.limit), bcbr), maxF(mul(bf(p.fc), v(op.Contraprestacoes12m)), mul(bf(p.fp), v(op.ProvisoesTecnicas))))
	cbr := add(bcbr, cro)
	cr := maxF(out["cb"], cbr)
	out["bcbr"], out["cro"], out["cbr"], out["cr"] = bcbr, cro, cbr, cr
	out["surplus"] = sub(pla, cr)
	out["icr"] = quo(pla, cr)
	return out
}

// richInput exercises every parcel: cooperativa médica SSP região 3 at
// 2023-12, two PRE cells, ABIs, remission, the three CRC parcels in every
// category, every CRM factor, and a computed CRO.
func richInput() *Input {
	in := crsInput()
	db := in.Operadora.DataBase
	// coletivo_empresarial/odontológico: 12·2500 = 30 000 (v padrao = 0.114·30000 = 3420)
	in.Contraprestacoes = append(in.Contraprestacoes, months(db, "coletivo_empresarial", "odontologico", "2500")...)
	// outside the window, ignored
	in.Contraprestacoes = append(in.Contraprestacoes, Monthly{Competencia: mon(2022, 12), Tipo: "individual", Segmento: "medico_hospitalar", Valor: a("999999")})
	in.PLA = PLAInput{PL: a("5000000"), Deducoes: [6]Amount{a("100000"), a("200000"), a("50000"), a("25000"), a("10000"), a("15000")}}
	c := creditInput()
	in.CreditoOperadoras, in.CreditoSeguros, in.CreditoAtivos = c.CreditoOperadoras, c.CreditoSeguros, c.CreditoAtivos
	m := marketInput()
	in.MercadoALM, in.MercadoAtivos = m.MercadoALM, m.MercadoAtivos
	in.Operacional = Operacional{Contraprestacoes12m: a("2000000"), ProvisoesTecnicas: a("1000000")}
	return in
}

func compareAll(t *testing.T, r *Result, want map[string]*big.Float) {
	t.Helper()
	got := map[string]*Node{"cb": r.CB, "pla": r.PLA, "crs": r.CRS, "crc": r.CRC, "crm": r.CRM,
		"bcbr": r.BCBR, "cro": r.CRO, "cbr": r.CBR, "cr": r.CR, "surplus": r.Surplus, "icr": r.ICR}
	if !r.CRS.Informed {
		got["pre"], got["pro"], got["sus"], got["rem"] = r.CRS.Find("crs_pre"), r.CRS.Find("crs_pro"), r.CRS.Find("crs_sus"), r.CRS.Find("crs_rem")
	}
	for k, n := range got {
		if n == nil {
			t.Errorf("no %s node", k)
			continue
		}
		agree(t, k, n.Value, want[k])
	}
	if r.Sufficient != (want["surplus"].Sign() >= 0) {
		t.Errorf("sufficient %v with surplus %s", r.Sufficient, want["surplus"].Text('f', 10))
	}
}

func TestCrossCheckBigFloat(t *testing.T) {
	cov := &Beneficiarios{Source: "Beneficiarios", Total: 3000, Promoprev: 1000, PartoAdequado: 2999, APS: 7}
	coverage := map[string]*big.Float{
		Promoprev:     quo(bf("1000"), bf("3000")),
		PartoAdequado: quo(bf("2999"), bf("3000")),
		APS:           quo(bf("7"), bf("3000")),
	}
	for _, set := range Sets() {
		t.Run(set, func(t *testing.T) {
			r := compute(t, richInput(), rulestest.Default(t), Options{Factors: set})
			compareAll(t, r, refModel(richInput(), specParams(), set, nil))
		})
		t.Run(set+" changed rules", func(t *testing.T) {
			r := compute(t, richInput(), loadRules(t, changeAllRules(t)), Options{Factors: set})
			compareAll(t, r, refModel(richInput(), changedParams(), set, nil))
		})
		t.Run(set+" coverage weighted", func(t *testing.T) {
			in := richInput()
			in.Beneficiarios = cov
			r := compute(t, in, rulestest.Default(t), Options{Factors: set, CoverageWeighted: true})
			compareAll(t, r, refModel(in, specParams(), set, coverage))
		})
	}
	t.Run("informed CRS", func(t *testing.T) {
		in := richInput()
		in.Informadas.CRS = ap("123456.789")
		r := compute(t, in, rulestest.Default(t), Options{})
		compareAll(t, r, refModel(in, specParams(), Padrao, nil))
	})
	t.Run("CBR above CB", func(t *testing.T) {
		// Scale the exposures so that the CBR binds and the operator is insufficient.
		in := richInput()
		for i := range in.Contraprestacoes {
			in.Contraprestacoes[i].Valor = Amount{V: in.Contraprestacoes[i].Valor.V.Mul(dec("1000"))}
		}
		in.ABI = []Amount{a("123456.78"), a("98765.43"), a("5555.55")}
		in.Operadora.HC = a("0.37")
		r := compute(t, in, rulestest.Default(t), Options{})
		if r.CR.Value.Equal(r.CB.Value) || r.Sufficient {
			t.Errorf("CR %s = CB or sufficient", r.CR.Value)
		}
		compareAll(t, r, refModel(in, specParams(), Padrao, nil))
	})
}

// Hand values for richInput under padrao and the default rulebook.
func TestRichInputByHand(t *testing.T) {
	r := compute(t, richInput(), rulestest.Default(t), Options{})
	if r.FactorSet != Padrao {
		t.Fatalf("factor set %s", r.FactorSet)
	}
	// PRE = 0.043·100000 + 0.114·30000 = 4300 + 3420 = 7720 (ρ all ones)
	wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, "7720")
	// CRS² = 7720² + 0.64·7720·5510 + 5510² + 512² = 59598400 + 27223808 + 30360100 + 262144 = 117444452
	agree(t, "CRS", r.CRS.Value, sqrtF(bf("117444452")))
	wantDec(t, "CRC", r.CRC.Value, "22404") // as in TestCRC
	wantDec(t, "CRM", r.CRM.Value, "16000") // as in TestCRM
	wantDec(t, "PLA", r.PLA.Value, "4600000")
	// CB = 11226992.56 (from 2023-07-01) × 15.35 / 100 = 1723343.35796
	wantDec(t, "CB", r.CB.Value, "1723343.35796")
	// The CBR is far below the CB: CR = CB; surplus = 4600000 − 1723343.35796
	wantDec(t, "CR", r.CR.Value, "1723343.35796")
	wantDec(t, "surplus", r.Surplus.Value, "2876656.64204")
	// 4600000 / 1723343.35796 = 2.66923012106260092415|2286… (Python decimal)
	wantDec(t, "ICR", r.ICR.Value, "2.66923012106260092415")
	if !r.Sufficient {
		t.Error("not sufficient")
	}
	// CRO: 0.30·BCBR < max(0.03·2 000 000, 0.03·1 000 000) = 60 000, so CRO = 0.30·BCBR.
	wantDec(t, "CRO", r.CRO.Value, r.BCBR.Value.Mul(dec("0.30")).String())
}

// The provisional markers (rn569-model.md §0): a result that used a
// provisional parameter lists it; a rules file that changes every
// provisional value and confirms every provisional form leaves none.
func TestProvisionalMarkers(t *testing.T) {
	want := []string{
		"capital_referencia@2023-07-01",
		"crc.agregacao", "crc.exposicao_1_1", "crc.fator_1_1.padrao", "crc.fator_1_2",
		"crc.fpr.deposito_bancario", "crc.fpr.outros", "crc.fpr.titulo_privado", "crc.fpr.titulo_publico_federal",
		"crc.multiplicador_2",
		"crm.choque.CAMBIAL", "crm.choque.IGPM", "crm.choque.IPCA", "crm.choque.POS", "crm.choque.PRE",
		"crm.choque.acoes", "crm.choque.imoveis", "crm.correlacao", "crm.modelo",
		"cro.fator_contraprestacoes", "cro.fator_provisoes", "cro.limite_bcbr", "cro.modelo",
		"crs.pre.rho", "crs.pro.base", "crs.remissao.bases", "crs.sus.modelo",
	}
	r := compute(t, richInput(), rulestest.Default(t), Options{})
	if got := r.Provisional(); !slices.Equal(got, want) {
		t.Errorf("Provisional() =\n %v\nwant\n %v", got, want)
	}
	var w *findings.Finding
	for i := range r.Warnings {
		if r.Warnings[i].Code == findings.ProvisionalParams {
			w = &r.Warnings[i]
		}
	}
	if w == nil || !strings.Contains(w.Message, "27 parameters") || !strings.Contains(w.Message, "crs.pre.rho") {
		t.Errorf("PROVISIONAL warning %+v", w)
	}
	if got := r.Tree.Statuses(); !slices.Equal(got, []rules.Status{rules.Provisional, rules.Regulation}) {
		t.Errorf("Statuses() = %v", got)
	}

	rb := loadRules(t, changeAllRules(t))
	r = compute(t, richInput(), rb, Options{})
	if got := r.Provisional(); len(got) != 0 {
		t.Errorf("Provisional() with every value changed = %v", got)
	}
	if hasWarning(r, findings.ProvisionalParams) {
		t.Error("PROVISIONAL warning with every value changed")
	}
	if got := r.Tree.Statuses(); !slices.Equal(got, []rules.Status{rules.User, rules.Regulation}) {
		t.Errorf("Statuses() = %v", got)
	}
	// CRC under the changed values, by hand:
	// 1.1 = 0.1·1300 + 0 + 0.5·10000 = 5130; 1.2 = 0.1·10000 + 0.1·5000 = 1500;
	// 2 = 0.1·(0.02·1e6 + 100000 + 0.9·50000 + 0.5·20000 + 0.95·30000 + 0.8·10000)
	//   = 0.1·(20000 + 100000 + 45000 + 10000 + 28500 + 8000) = 0.1·211500 = 21150
	wantDec(t, "CRC changed", r.CRC.Value, "27780")
	// CRM: x = (0.03·150000, 0.005·1e6, 0.02·60000, 0.025·60000, 0.3·8000, 0.4·10000, 0.2·20000)
	//        = (4500, 5000, 1200, 1500, 2400, 4000, 4000); Σx = 22600; Σx² = 86 700 000;
	// R = 1 on the diagonal, 0.5 elsewhere: xᵀRx = ½Σx² + ½(Σx)² = 43 350 000 + 255 380 000 = 298 730 000
	agree(t, "CRM changed", r.CRM.Value, sqrtF(bf("298730000")))

	// Exporting the default rulebook and loading it back keeps the markers.
	out, err := rulestest.Default(t).Export()
	if err != nil {
		t.Fatal(err)
	}
	back, err := rules.Load(out, "exported.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r = compute(t, richInput(), back, Options{})
	if got := r.Provisional(); !slices.Equal(got, want) {
		t.Errorf("Provisional() after export/load =\n %v", got)
	}
}

package capital

import (
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// informedAll is an input whose four parcels are informed, so the CBR
// aggregation can be tested on chosen values.
func informedAll(op Operadora, crs, crc, crm, cro string) *Input {
	return &Input{Operadora: op, Informadas: Informadas{CRS: ap(crs), CRC: ap(crc), CRM: ap(crm), CRO: ap(cro)}}
}

func TestInformedParcels(t *testing.T) {
	rb := rulestest.Default(t)
	in := informedAll(operadora("cooperativa_medica", "SSP", 3, mon(2020, 6)), "1000", "1000", "1000", "100")
	// Inputs that would give other values are ignored for informed parcels.
	in.Contraprestacoes = months(mon(2020, 6), "individual", "medico_hospitalar", "100000")
	in.Eventos = months(mon(2020, 6), "", "", "100000")
	in.CreditoSeguros = []CreditoSeguro{{Contraparte: "Re", Exposicao: a("1000000")}}
	in.Operadora.GovernancaRelatorio = dated("2020-02-01")
	r := compute(t, in, rb, Options{})
	if r.FactorSet != informedSet {
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
		if !s.CRS.Equal(dec("1000")) || s.Chosen || s.Reason.Choice != CRSInformed {
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
	r := compute(t, in, rulestest.Default(t), Options{})
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
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "CRO informed", r.CRO.Value, "55")
}

func TestComputeOptionErrors(t *testing.T) {
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	if _, err := Compute(in, rulestest.Default(t), Options{Factors: "super"}); err == nil || !strings.Contains(err.Error(), `unknown factor set "super"`) {
		t.Errorf("err %v", err)
	}
	_, err := Compute(in, rulestest.Default(t), Options{CoverageWeighted: true})
	inputErr(t, err, findings.MissingSheet)
	in.Beneficiarios = &Beneficiarios{Total: 0}
	_, err = Compute(in, rulestest.Default(t), Options{CoverageWeighted: true})
	inputErr(t, err, findings.MissingSheet)
}

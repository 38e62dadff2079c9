package capital

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// aggregate computes BCBR, CRO, CBR, CR, surplus, ICR and sufficiency.
func (e *engine) aggregate(r *Result) error {
	rb := e.rb
	b := named("bcbr", lang.M("BCBR — CBR before CRO"),
		lang.Text("sqrt(CRS² + CRC² + CRM² + 2·(ρ_sc·CRS·CRC + ρ_sm·CRS·CRM + ρ_cm·CRC·CRM))"))
	b.add(r.CRS, r.CRC, r.CRM)
	s, c, m := r.CRS.Value, r.CRC.Value, r.CRM.Value
	rsc := e.p.use(b, rb.CBR.CorrCRSCRC)
	rsm := e.p.use(b, rb.CBR.CorrCRSCRM)
	rcm := e.p.use(b, rb.CBR.CorrCRCCRM)
	cross := rsc.Mul(s).Mul(c).Add(rsm.Mul(s).Mul(m)).Add(rcm.Mul(c).Mul(m))
	var err error
	if b.Value, err = root(s.Mul(s).Add(c.Mul(c)).Add(m.Mul(m)).Add(cross.Mul(decimal.NewFromInt(2))), "cbr"); err != nil {
		return err
	}
	r.BCBR = b
	r.CRO = e.informedOr(e.in.Informadas.CRO, "cro", croLabel, func() *Node { return e.cro(b) })
	r.CBR = named("cbr", lang.M("CBR — Capital Baseado em Riscos"), lang.Text("BCBR + CRO")).
		is(b.Value.Add(r.CRO.Value)).add(b, r.CRO)
	r.CR = named("cr", lang.M("CR — Capital Regulatório"), lang.Text("max(CB, CBR)")).
		is(money.Max(r.CB.Value, r.CBR.Value)).add(r.CB, r.CBR)
	r.Surplus = named("surplus", lang.M("Surplus (suficiência)"), lang.Text("PLA − CR")).
		is(r.PLA.Value.Sub(r.CR.Value)).add(r.PLA, r.CR)
	r.Sufficient = r.PLA.Value.GreaterThanOrEqual(r.CR.Value)
	if !r.CR.Value.IsZero() {
		r.ICR = named("icr", lang.M("ICR — Índice de Capital Regulatório"), lang.Text("PLA / CR")).
			is(money.Div(r.PLA.Value, r.CR.Value))
	}
	r.Tree = r.Surplus
	return nil
}

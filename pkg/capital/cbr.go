package capital

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
)

// aggregate computes BCBR, CRO, CBR, CR, surplus, ICR and sufficiency.
func (e *engine) aggregate(r *Result) error {
	rb := e.rb
	b := &Node{Key: "bcbr", Label: "BCBR — CBR before CRO",
		Formula: "sqrt(CRS² + CRC² + CRM² + 2·(ρ_sc·CRS·CRC + ρ_sm·CRS·CRM + ρ_cm·CRC·CRM))"}
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
	r.CRO = e.informedOr(e.in.Informadas.CRO, "cro", "CRO — operational and legal risk", func() *Node { return e.cro(b) })
	r.CBR = (&Node{Key: "cbr", Label: "CBR — Capital Baseado em Riscos", Formula: "BCBR + CRO",
		Value: b.Value.Add(r.CRO.Value)}).add(b, r.CRO)
	r.CR = (&Node{Key: "cr", Label: "CR — Capital Regulatório", Formula: "max(CB, CBR)",
		Value: money.Max(r.CB.Value, r.CBR.Value)}).add(r.CB, r.CBR)
	r.Surplus = (&Node{Key: "surplus", Label: "Surplus (suficiência)", Formula: "PLA − CR",
		Value: r.PLA.Value.Sub(r.CR.Value)}).add(r.PLA, r.CR)
	r.Sufficient = r.PLA.Value.GreaterThanOrEqual(r.CR.Value)
	if !r.CR.Value.IsZero() {
		r.ICR = &Node{Key: "icr", Label: "ICR — Índice de Capital Regulatório", Formula: "PLA / CR",
			Value: money.Div(r.PLA.Value, r.CR.Value)}
	}
	r.Tree = r.Surplus
	return nil
}

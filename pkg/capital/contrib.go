package capital

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// Contributions say which risk drives the capital: the Euler allocation of
// each square-root aggregation. A root T = sqrt(xᵀ·R·x) is split into
// x_i·(R·x)_i / T, parts that add up to T (Σ_i x_i·(R·x)_i = xᵀ·R·x = T²),
// each the risk's marginal capital times its size. Parts and root agree to
// the working scale (money.Scale): each part is one division and T one
// square root, so their sum is T within a few units of the last place.
//
//   - CBR: x = (CRS, CRC, CRM) with the rulebook's CBR correlations share
//     BCBR; CRO, outside the root, is its own contribution. The four
//     contributions add up to CBR.
//   - CRS: x = (PRE, PRO + SUS, RA + RM) with R = [1 c/2 0; c/2 1 0; 0 0 1],
//     c the CRS cross coefficient, shares CRS.
//   - Diversification: CRS + CRC + CRM − BCBR, what the correlations save
//     against the simple sum.
//
// Degenerate cases: a zero root has nothing to share, every part of it is 0
// (BCBR = 0 leaves CBR = CRO, all of it CRO's; CRS = 0 — an administradora
// de benefícios, or no underwriting — gives zero parts). A CRS informed in
// Parcelas_Informadas has no known parts: its split is absent (InsideCRS
// nil), while its share of CBR is computed from its value as any other.
// With a user's negative correlation a part may be negative: the risk then
// hedges the others.
type Contributions struct {
	// CRS, CRC, CRM and CRO are the risks' contributions to CBR.
	CRS, CRC, CRM, CRO *Node
	// InsideCRS are the contributions to CRS; nil when CRS is informed.
	InsideCRS *CRSContributions
	// Diversification is CRS + CRC + CRM − BCBR.
	Diversification *Node
}

// CRSContributions are the parts of CRS by risk.
type CRSContributions struct {
	PRE    *Node // pricing
	PROSUS *Node // claims provision (PEONA) and ressarcimento ao SUS
	Rem    *Node // remission, RA + RM
}

// Nodes are the contributions as explanation nodes, in display order: to
// CBR, to CRS (unless informed), the diversification.
func (c *Contributions) Nodes() []*Node {
	out := []*Node{c.CRS, c.CRC, c.CRM, c.CRO}
	if in := c.InsideCRS; in != nil {
		out = append(out, in.PRE, in.PROSUS, in.Rem)
	}
	return append(out, c.Diversification)
}

// contributions allocates CBR and CRS to their risks (after aggregate).
func (e *engine) contributions(r *Result) *Contributions {
	cb := e.rb.CBR
	one := decimal.NewFromInt(1)
	b := r.BCBR.Value
	s, c, m := r.CRS.Value, r.CRC.Value, r.CRM.Value
	nodes := []*Node{
		named("contrib_crs", lang.M("CRS contribution to CBR"), lang.Text("CRS·(CRS + ρ_sc·CRC + ρ_sm·CRM) / BCBR")),
		named("contrib_crc", lang.M("CRC contribution to CBR"), lang.Text("CRC·(ρ_sc·CRS + CRC + ρ_cm·CRM) / BCBR")),
		named("contrib_crm", lang.M("CRM contribution to CBR"), lang.Text("CRM·(ρ_sm·CRS + ρ_cm·CRC + CRM) / BCBR")),
	}
	for _, n := range nodes {
		n.Inputs = []CellRef{{Name: "CRS", Value: s}, {Name: "CRC", Value: c}, {Name: "CRM", Value: m}, {Name: "BCBR", Value: b}}
	}
	rsc := e.p.use(nodes[0], cb.CorrCRSCRC)
	rsm := e.p.use(nodes[0], cb.CorrCRSCRM)
	e.p.use(nodes[1], cb.CorrCRSCRC)
	rcm := e.p.use(nodes[1], cb.CorrCRCCRM)
	e.p.use(nodes[2], cb.CorrCRSCRM)
	e.p.use(nodes[2], cb.CorrCRCCRM)
	allocate(nodes, []decimal.Decimal{s, c, m}, [][]decimal.Decimal{{one, rsc, rsm}, {rsc, one, rcm}, {rsm, rcm, one}}, b, "BCBR")
	out := &Contributions{CRS: nodes[0], CRC: nodes[1], CRM: nodes[2],
		CRO: named("contrib_cro", lang.M("CRO contribution to CBR"), lang.M("CRO: outside the root, all of it its own")).is(r.CRO.Value),
		Diversification: named("diversification", lang.M("Diversification benefit"),
			lang.M("CRS + CRC + CRM − BCBR: what the correlations save against the simple sum")).is(s.Add(c).Add(m).Sub(b)),
	}
	out.CRO.Inputs = []CellRef{{Name: "CRO", Value: r.CRO.Value}}
	out.Diversification.Inputs = []CellRef{{Name: "CRS", Value: s}, {Name: "CRC", Value: c}, {Name: "CRM", Value: m}, {Name: "BCBR", Value: b}}
	if !r.CRS.Informed {
		out.InsideCRS = e.insideCRS(r.CRS)
	}
	return out
}

// insideCRS allocates CRS to PRE, PRO + SUS and RA + RM: CRS² = PRE² +
// c·PRE·(PRO + SUS) + (PRO + SUS)² + (RA + RM)², the correlation of PRE and
// PRO + SUS being c/2. An administradora's CRS has no parts: they are 0.
func (e *engine) insideCRS(crs *Node) *CRSContributions {
	val := func(key string) decimal.Decimal {
		if n := crs.Find(key); n != nil {
			return n.Value
		}
		return decimal.Zero
	}
	pre, ps, rem := val("crs_pre"), val("crs_pro").Add(val("crs_sus")), val("crs_rem")
	nodes := []*Node{
		named("contrib_pre", lang.M("PRE contribution to CRS"), lang.Text("PRE·(PRE + (c/2)·(PRO + SUS)) / CRS")),
		named("contrib_pro_sus", lang.M("PRO + SUS contribution to CRS"), lang.Text("(PRO + SUS)·((c/2)·PRE + PRO + SUS) / CRS")),
		named("contrib_rem", lang.M("RA + RM contribution to CRS"), lang.Text("(RA + RM)² / CRS")),
	}
	for _, n := range nodes {
		n.Inputs = []CellRef{{Name: ans.PricingRisk, Value: pre}, {Name: "PRO + SUS", Value: ps}, {Name: "RA + RM", Value: rem}, {Name: "CRS", Value: crs.Value}}
	}
	half := e.p.use(nodes[0], e.rb.CRS.CoefCruzado).Mul(decimal.RequireFromString("0.5"))
	e.p.use(nodes[1], e.rb.CRS.CoefCruzado)
	one, zero := decimal.NewFromInt(1), decimal.Zero
	allocate(nodes, []decimal.Decimal{pre, ps, rem}, [][]decimal.Decimal{{one, half, zero}, {half, one, zero}, {zero, zero, one}}, crs.Value, "CRS")
	return &CRSContributions{PRE: nodes[0], PROSUS: nodes[1], Rem: nodes[2]}
}

// allocate sets the nodes' values to the Euler parts of root = sqrt(xᵀ·R·x),
// saying so in their formulas when root (named name) is 0.
func allocate(nodes []*Node, x []decimal.Decimal, r [][]decimal.Decimal, root decimal.Decimal, name string) {
	for i, p := range euler(x, r, root) {
		nodes[i].Value = p
		if root.IsZero() {
			nodes[i].setFormula(lang.M("0: %s = 0, nothing to share", name))
		}
	}
}

// euler splits root = sqrt(xᵀ·R·x) into the parts x_i·(R·x)_i / root, which
// add up to root (to the working scale). A zero root has nothing to share:
// every part is 0.
func euler(x []decimal.Decimal, r [][]decimal.Decimal, root decimal.Decimal) []decimal.Decimal {
	parts := make([]decimal.Decimal, len(x))
	for i := range x {
		if root.IsZero() {
			continue // parts[i] is 0
		}
		rx := decimal.Zero
		for j := range x {
			rx = rx.Add(r[i][j].Mul(x[j]))
		}
		parts[i] = money.Div(x[i].Mul(rx), root)
	}
	return parts
}

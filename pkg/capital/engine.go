package capital

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// Auto lets the model choose the factor set.
const Auto = "auto"

// Informed is the factor set reported when the CRS itself was informed.
const Informed = "informed"

// Options steer a computation.
type Options struct {
	Factors          string // Auto (or "") or one of Sets()
	CoverageWeighted bool   // scale program shares by the covered fraction of beneficiaries
}

// SetOutcome is one factor set's verdict and the CRS it gives.
type SetOutcome struct {
	Set      string          `json:"set"`
	Eligible bool            `json:"eligible"`
	Chosen   bool            `json:"chosen"`
	Reason   string          `json:"reason"`
	CRS      decimal.Decimal `json:"crs"`
	Node     *Node           `json:"-"`
}

// Result is the capital of one operator at one data base.
type Result struct {
	Operadora  Operadora
	FactorSet  string
	Sets       []SetOutcome
	CB, PLA    *Node
	CRS        *Node // children pre, pro, sus, rem (unless informed)
	CRC, CRM   *Node
	BCBR, CRO  *Node
	CBR, CR    *Node
	Surplus    *Node
	ICR        *Node // nil when CR = 0
	Sufficient bool
	Warnings   findings.List
	Tree       *Node // the whole explanation, rooted at the sufficiency test
}

// Provisional lists the provisional parameters the result used.
func (r *Result) Provisional() []string { return r.Tree.ParamsWith(rules.Provisional) }

// Proposal lists the proposal parameters the result used.
func (r *Result) Proposal() []string { return r.Tree.ParamsWith(rules.Proposal) }

// Informed lists the parcels given in Parcelas_Informadas.
func (r *Result) Informed() []string {
	var out []string
	for _, n := range []*Node{r.CRS, r.CRC, r.CRM, r.CRO} {
		if n.Informed {
			out = append(out, n.Key)
		}
	}
	return out
}

// ErrRules is a rulebook that cannot serve this input.
var ErrRules = errors.New("rules")

type engine struct {
	in  *Input
	rb  *rules.Rulebook
	p   params
	opt Options
}

// Compute runs the whole model on one input.
func Compute(in *Input, rb *rules.Rulebook, opt Options) (*Result, error) {
	if opt.Factors == "" {
		opt.Factors = Auto
	}
	if opt.Factors != Auto && !slices.Contains(Sets(), opt.Factors) {
		return nil, fmt.Errorf("unknown factor set %q (use auto, %s)", opt.Factors, strings.Join(Sets(), ", "))
	}
	if opt.CoverageWeighted && (in.Beneficiarios == nil || in.Beneficiarios.Total == 0) {
		return nil, &findings.InputError{Findings: findings.List{findings.New(findings.MissingSheet, "Beneficiarios", "",
			"--coverage-weighted needs beneficiary data (the Beneficiarios sheet or --beneficiarios FILE) with at least one beneficiary", "")}}
	}
	checks := Check(in, rb)
	if checks.HasErrors() {
		return nil, &findings.InputError{Findings: checks}
	}
	e := &engine{in: in, rb: rb, p: params{rb: rb}, opt: opt}
	r := &Result{Operadora: in.Operadora, Warnings: checks.Warnings()}
	var err error
	if r.CB, err = e.cb(); err != nil {
		return nil, err
	}
	r.PLA = e.pla()
	if err := e.chooseCRS(r); err != nil {
		return nil, err
	}
	r.CRC = e.informedOr(in.Informadas.CRC, "crc", "CRC — credit risk", e.crc)
	if r.CRM, err = e.informedOrErr(in.Informadas.CRM, "crm", "CRM — market risk", e.crm); err != nil {
		return nil, err
	}
	if err := e.aggregate(r); err != nil {
		return nil, err
	}
	if e.p.err != nil {
		return nil, e.p.err
	}
	e.warn(r)
	return r, nil
}

// cb is the Capital Base (Anexo I).
func (e *engine) cb() (*Node, error) {
	op := e.in.Operadora
	row, ok := KRow(op.Modalidade, op.Segmentacao)
	if !ok {
		return nil, fmt.Errorf("no fator K row for %s/%s", op.Modalidade, op.Segmentacao)
	}
	n := &Node{Key: "cb", Label: "CB — Capital Base",
		Formula: fmt.Sprintf("capital de referência × K(%s, região %d) / 100", row, op.Regiao)}
	n.Inputs = append(n.Inputs,
		CellRef{Name: "modalidade", Text: op.Modalidade, Cell: op.ModalRef},
		CellRef{Name: "regiao", Cell: op.RegiaoRef, Value: decimal.NewFromInt(int64(op.Regiao))})
	if op.Segmentacao != "" {
		n.Inputs = append(n.Inputs, CellRef{Name: "segmentacao", Text: op.Segmentacao, Cell: op.SegRef})
	}
	point, ok := e.rb.CapitalReferenciaAt(op.DataBase.LastDay())
	if !ok { // Check reports it (CR-E020) before Compute gets here
		return nil, fmt.Errorf("no capital de referência in force at %s", op.DataBase)
	}
	ref := e.p.use(n, point.Valor)
	k := e.p.use(n, e.rb.FatorK[row][op.Regiao-1])
	n.Value = ref.Mul(k).Shift(-2)
	return n, nil
}

// pla is the adjusted equity (art. 9): PL minus deductions I–VI.
func (e *engine) pla() *Node {
	in := e.in.PLA
	n := &Node{Key: "pla", Label: "PLA — Patrimônio Líquido Ajustado",
		Formula: "PL − (I participações + II créditos tributários + III despesas diferidas + IV despesas antecipadas + V intangível + VI goodwill)"}
	v := n.input("pl", in.PL)
	for i, d := range in.Deducoes {
		v = v.Sub(n.input(DeductionNames[i], d))
	}
	n.Value = v
	return n
}

func informedNode(a *Amount, key, label string) *Node {
	return &Node{Key: key, Label: label, Value: a.V, Informed: true,
		Formula: "informed (computed elsewhere, e.g. in the ANS workbook)",
		Inputs:  []CellRef{{Name: key, Cell: a.Ref, Value: a.V}}}
}

func (e *engine) informedOr(a *Amount, key, label string, f func() *Node) *Node {
	if a != nil {
		return informedNode(a, key, label)
	}
	return f()
}

func (e *engine) informedOrErr(a *Amount, key, label string, f func() (*Node, error)) (*Node, error) {
	if a != nil {
		return informedNode(a, key, label), nil
	}
	return f()
}

// chooseCRS computes the CRS under every factor set and applies the eligible
// one with the lowest CRS (or the forced one).
func (e *engine) chooseCRS(r *Result) error {
	verdicts := Eligibility(e.in.Operadora, e.rb)
	if a := e.in.Informadas.CRS; a != nil {
		r.CRS = informedNode(a, "crs", "CRS — underwriting risk")
		r.FactorSet = Informed
		for _, s := range Sets() {
			v := verdicts[s]
			r.Sets = append(r.Sets, SetOutcome{Set: s, Eligible: v.Eligible, Reason: v.Reason + "; CRS informed, no factor set applied", CRS: a.V})
		}
		return nil
	}
	best := -1
	for i, s := range Sets() {
		n, err := e.crs(s)
		if err != nil {
			return err
		}
		v := verdicts[s]
		r.Sets = append(r.Sets, SetOutcome{Set: s, Eligible: v.Eligible, Reason: v.Reason, CRS: n.Value, Node: n})
		if e.opt.Factors == s || (e.opt.Factors == Auto && v.Eligible && (best < 0 || n.Value.LessThan(r.Sets[best].CRS))) {
			best = i
		}
	}
	chosen := &r.Sets[best]
	chosen.Chosen = true
	r.FactorSet, r.CRS = chosen.Set, chosen.Node
	for i := range r.Sets {
		s := &r.Sets[i]
		switch {
		case s.Chosen && e.opt.Factors != Auto && !s.Eligible:
			r.Warnings.Add(findings.New(findings.ForcedIneligible, "", "", fmt.Sprintf("factor set %s forced with --factors, but the operator is not eligible: %s", s.Set, s.Reason), ""))
			s.Reason = "forced with --factors; not eligible: " + s.Reason
		case s.Chosen && e.opt.Factors != Auto:
			s.Reason = "forced with --factors; " + s.Reason
		case s.Chosen:
			s.Reason = "applied: lowest CRS of the eligible sets; " + s.Reason
		case s.Eligible && e.opt.Factors == Auto:
			s.Reason = fmt.Sprintf("eligible (%s), but lower benefit: CRS %s ≥ %s under %s", s.Reason, money.BRL(s.CRS), money.BRL(chosen.CRS), chosen.Set)
		case s.Eligible:
			s.Reason = "eligible, not applied (--factors " + chosen.Set + "): " + s.Reason
		default:
			s.Reason = "not eligible: " + s.Reason
		}
	}
	return nil
}

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

// cro is the operational and legal risk parcel (Anexo VI, provisional form).
// For an administradora de benefícios it is 0 unless the rulebook's
// cro.aplica_administradora says the annex applies to them.
func (e *engine) cro(bcbr *Node) *Node {
	rb, op := e.rb, e.in.Operacional
	n := &Node{Key: "cro", Label: "CRO — operational and legal risk",
		Formula: "min(limite·BCBR, max(f_c·contraprestações 12m, f_p·provisões técnicas))"}
	if o := e.in.Operadora; o.Modalidade == "administradora_de_beneficios" {
		e.p.flag(n, rb.CRO.AplicaAdministradora)
		if !rb.CRO.AplicaAdministradora.Value {
			n.Formula = "0: the operational-risk annex does not apply to an administradora de benefícios (cro.aplica_administradora = false)"
			n.Inputs = append(n.Inputs, CellRef{Name: "modalidade", Text: o.Modalidade, Cell: o.ModalRef})
			return n
		}
	}
	e.p.form(n, rb.CRO.Modelo)
	fc := e.p.use(n, rb.CRO.FatorContraprestacoes)
	fp := e.p.use(n, rb.CRO.FatorProvisoes)
	limit := e.p.use(n, rb.CRO.LimiteBCBR)
	c := n.input("contraprestacoes_12m_total", op.Contraprestacoes12m)
	pt := n.input("provisoes_tecnicas", op.ProvisoesTecnicas)
	n.Inputs = append(n.Inputs, CellRef{Name: "BCBR", Value: bcbr.Value})
	n.Value = money.Min(limit.Mul(bcbr.Value), money.Max(fc.Mul(c), fp.Mul(pt)))
	return n
}

func (e *engine) warn(r *Result) {
	if p := r.Provisional(); len(p) > 0 {
		r.Warnings.Add(findings.New(findings.ProvisionalParams, "", "",
			fmt.Sprintf("PROVISIONAL: the result uses %d parameters not confirmed in the regulation: %s", len(p), strings.Join(p, ", ")), ""))
	}
	if p := r.Proposal(); len(p) > 0 {
		r.Warnings.Add(findings.New(findings.ProposalParams, "", "",
			fmt.Sprintf("PROPOSAL: the result uses the ANS program-incentive proposal: %s", strings.Join(p, ", ")), ""))
	}
}

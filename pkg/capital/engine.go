package capital

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// Options steer a computation.
type Options struct {
	Factors          string // Auto (or "") or one of Sets()
	CoverageWeighted bool   // scale program shares by the covered fraction of beneficiaries
	// Checked says the caller ran Check(in, rb) on this input and rulebook
	// and found no error: Compute trusts it rather than checking again,
	// and the result's Warnings are then the engine's own (the checks'
	// are the caller's to report).
	Checked bool
	// Windows end the 12-month windows of the monthly inputs at other
	// months than the data base; the zero value ends them at the data base
	// (what calc does). An analysis of change (capreg diff) computes states
	// whose monthly inputs are still one workbook's while the data base is
	// already the other's: each group is totalled over its own 12 months.
	Windows Windows
}

// Windows are the last months of the 12-month windows of the monthly
// inputs; a zero month is the data base.
type Windows struct {
	Contraprestacoes, Eventos period.Month
}

// windowEnd is the last month of a window: m, or the data base when m is
// zero.
func (e *engine) windowEnd(m period.Month) period.Month {
	if m.IsZero() {
		return e.in.Operadora.DataBase
	}
	return m
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
	// Contributions allocate CBR and CRS to their risks (contrib.go).
	Contributions *Contributions
	// Warnings are the engine's (and the checks' unless Checked); CR-W006
	// has no message: a renderer words it from the chosen set's SetReason.
	Warnings findings.List
	Tree     *Node // the whole explanation, rooted at the sufficiency test
}

// Provisional lists the provisional parameters the result used.
func (r *Result) Provisional() []string { return r.Tree.paramsWith(rules.Provisional) }

// Proposal lists the proposal parameters the result used.
func (r *Result) Proposal() []string { return r.Tree.paramsWith(rules.Proposal) }

// Informed lists the parcels the input gave already computed.
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
var ErrRules = lang.Errorf("rules")

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
		return nil, lang.Errorf("unknown factor set %q (use auto, %s)", opt.Factors, strings.Join(Sets(), ", "))
	}
	if opt.CoverageWeighted && (in.Beneficiarios == nil || in.Beneficiarios.Total == 0) {
		return nil, noCoverageData()
	}
	var checks findings.List
	if !opt.Checked {
		if checks = Check(in, rb); checks.HasErrors() {
			return nil, &findings.InputError{Findings: checks}
		}
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
	r.CRC = e.informedOr(in.Informadas.CRC, "crc", crcLabel, e.crc)
	if r.CRM, err = e.informedOrErr(in.Informadas.CRM, "crm", crmLabel, e.crm); err != nil {
		return nil, err
	}
	if err := e.aggregate(r); err != nil {
		return nil, err
	}
	r.Contributions = e.contributions(r)
	if e.p.err != nil {
		return nil, e.p.err
	}
	e.warn(r)
	return r, nil
}

// informedNode is a parcel given in Parcelas_Informadas.
func informedNode(a *Amount, key string, label lang.Msg) *Node {
	n := named(key, label, lang.M("informed (computed elsewhere, e.g. in the ANS workbook)")).is(a.V)
	n.Informed = true
	n.Inputs = []CellRef{{Name: key, Cell: a.Ref, Value: a.V}}
	return n
}

func (e *engine) informedOr(a *Amount, key string, label lang.Msg, f func() *Node) *Node {
	if a != nil {
		return informedNode(a, key, label)
	}
	return f()
}

func (e *engine) informedOrErr(a *Amount, key string, label lang.Msg, f func() (*Node, error)) (*Node, error) {
	if a != nil {
		return informedNode(a, key, label), nil
	}
	return f()
}

func (e *engine) warn(r *Result) {
	if p := r.Provisional(); len(p) > 0 {
		r.Warnings.Add(findings.New(findings.ProvisionalParams, "", "",
			lang.M("PROVISIONAL: the result uses %d parameters not confirmed in the regulation: %s", len(p), strings.Join(p, ", "))))
	}
	if p := r.Proposal(); len(p) > 0 {
		r.Warnings.Add(findings.New(findings.ProposalParams, "", "",
			lang.M("PROPOSAL: the result uses the ANS program-incentive proposal: %s", strings.Join(p, ", "))))
	}
}

// quadRoot is sqrt(vᵀ·R·v); a negative form can only come from a user's
// correlation matrix that is not positive semidefinite.
func quadRoot(v []decimal.Decimal, r rules.Matrix) (decimal.Decimal, error) {
	sum := decimal.Zero
	for i := range v {
		for j := range v {
			sum = sum.Add(v[i].Mul(r.Value[i][j].Decimal).Mul(v[j]))
		}
	}
	return root(sum, r.Path())
}

func root(x decimal.Decimal, path string) (decimal.Decimal, error) {
	if x.Sign() < 0 {
		return decimal.Zero, lang.Errorf("%w: %s is not a valid correlation matrix for this input: it makes a sum of squares negative (%s); use a positive semidefinite matrix", ErrRules, path, x)
	}
	return money.Sqrt(x), nil
}

func nonZero(xs ...decimal.Decimal) int {
	n := 0
	for _, x := range xs {
		if !x.IsZero() {
			n++
		}
	}
	return n
}

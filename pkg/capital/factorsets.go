package capital

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// Sets lists the factor sets, as Options.Factors names them, in tie-break
// order.
func Sets() []string { return ans.Spellings(ans.FactorSets()) }

// Auto lets the model choose the factor set.
const Auto = "auto"

// informedSet is the factor set reported when the CRS itself was informed.
const informedSet = "informed"

// verdict says whether an operator may use a factor set at its data base,
// and why.
type verdict struct {
	Eligible bool
	Reason   EligibilityReason
}

// eligibility decides, for every factor set, whether the operator may use it
// at its data base (rn569-model §5).
func eligibility(op Operadora, rb *rules.Rulebook) map[ans.FactorSet]verdict {
	return map[ans.FactorSet]verdict{
		ans.Padrao:        {true, EligibilityReason{Kind: AlwaysAvailable, Set: ans.Padrao}},
		ans.Reduzido:      reducedEligibility(op),
		ans.Promoprev:     programEligibility(op, rb, ans.Promoprev, op.PromoprevAprovacao),
		ans.PartoAdequado: programEligibility(op, rb, ans.PartoAdequado, op.PartoAdequadoCertificacao),
		ans.APS:           programEligibility(op, rb, ans.APS, op.APSCertificacao),
	}
}

// reducedEligibility: the governance report covers the four quarters of its
// year; the accreditation four quarters from the end of its own.
func reducedEligibility(op Operadora) verdict {
	db := op.DataBase
	why := EligibilityReason{Kind: NotCovered, Set: ans.Reduzido, DataBase: db}
	if g := op.GovernancaRelatorio; g != nil {
		year := g.T.Year()
		why.Governance = &Cover{Dated: *g, From: period.Month{Year: year, Month: time.March}, To: period.Month{Year: year, Month: time.December}}
		if db.Year == year {
			return verdict{true, EligibilityReason{Kind: GovernanceCovers, Set: ans.Reduzido, DataBase: db, Governance: why.Governance}}
		}
	}
	if a := op.AcreditacaoInicio; a != nil {
		from := period.MonthOf(a.T).QuarterEnd()
		why.Accreditation = &Cover{Dated: *a, From: from, To: from.Add(9)}
		if !db.Before(from) && !db.After(why.Accreditation.To) {
			return verdict{true, EligibilityReason{Kind: AccreditationCovers, Set: ans.Reduzido, DataBase: db, Accreditation: why.Accreditation}}
		}
	}
	if why.Governance == nil && why.Accreditation == nil {
		why.Kind = NoReducedDate
	}
	return verdict{false, why}
}

func programEligibility(op Operadora, rb *rules.Rulebook, set ans.FactorSet, d *Dated) verdict {
	why := EligibilityReason{Set: set, DataBase: op.DataBase, Minimum: rb.Programas.IDSSMinimo.Decimal}
	no := func(k EligibilityKind) verdict { why.Kind = k; return verdict{false, why} }
	if d == nil {
		return no(NoProgramDate)
	}
	why.Date = *d
	if d.T.After(op.DataBase.LastDay()) {
		return no(ProgramAfterDataBase)
	}
	for _, s := range op.Situacoes {
		if s.On {
			why.Situation = s
			return no(BlockedBySituation)
		}
	}
	if op.IDSS == nil {
		return no(NoIDSS)
	}
	why.IDSS = *op.IDSS
	if op.IDSS.V.LessThan(why.Minimum) {
		return no(IDSSBelowMinimum)
	}
	why.Kind = ProgramQualifies
	return verdict{true, why}
}

// SetOutcome is one factor set's verdict and the CRS it gives.
type SetOutcome struct {
	Set      string
	Eligible bool
	Chosen   bool
	Reason   SetReason
	CRS      decimal.Decimal
	Node     *Node
}

// chooseCRS computes the CRS under every factor set and applies the eligible
// one with the lowest CRS (or the forced one).
func (e *engine) chooseCRS(r *Result) error {
	verdicts := eligibility(e.in.Operadora, e.rb)
	if a := e.in.Informadas.CRS; a != nil {
		r.CRS = informedNode(a, "crs", lang.M("CRS — underwriting risk"))
		r.FactorSet = informedSet
		for _, s := range ans.FactorSets() {
			v := verdicts[s]
			r.Sets = append(r.Sets, SetOutcome{Set: string(s), Eligible: v.Eligible, Reason: SetReason{Choice: CRSInformed, Eligibility: v.Reason}, CRS: a.V})
		}
		return nil
	}
	best := -1
	for i, s := range ans.FactorSets() {
		n, err := e.crs(s)
		if err != nil {
			return err
		}
		v := verdicts[s]
		r.Sets = append(r.Sets, SetOutcome{Set: string(s), Eligible: v.Eligible, Reason: SetReason{Eligibility: v.Reason}, CRS: n.Value, Node: n})
		if e.opt.Factors == string(s) || (e.opt.Factors == Auto && v.Eligible && (best < 0 || n.Value.LessThan(r.Sets[best].CRS))) {
			best = i
		}
	}
	chosen := &r.Sets[best]
	chosen.Chosen = true
	r.FactorSet, r.CRS = chosen.Set, chosen.Node
	for i := range r.Sets {
		s := &r.Sets[i]
		why := &s.Reason
		switch {
		case s.Chosen && e.opt.Factors != Auto && !s.Eligible:
			r.Warnings.Add(forcedIneligible())
			why.Choice = ForcedIneligible
		case s.Chosen && e.opt.Factors != Auto:
			why.Choice = Forced
		case s.Chosen:
			why.Choice = Applied
		case s.Eligible && e.opt.Factors == Auto:
			why.Choice, why.CRS, why.Applied, why.AppliedCRS = LowerBenefit, s.CRS, chosen.Set, chosen.CRS
		case s.Eligible:
			why.Choice, why.Applied = OtherForced, chosen.Set
		default:
			why.Choice = NotEligible
		}
	}
	return nil
}

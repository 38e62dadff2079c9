package report

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// This file words the engine's typed reasons: the engine decides with a
// kind and the dates, cells and values behind it, and the text of each, in
// the language asked for (its messages in package lang), is made here and
// nowhere else (every renderer takes it from here).

// FactorSetOutcome is one factor set in a calc document: its verdict, the
// reason worded, and the CRS it gives.
type FactorSetOutcome struct {
	Set      string          `json:"set"`
	Eligible bool            `json:"eligible"`
	Chosen   bool            `json:"chosen"`
	Reason   string          `json:"reason"`
	CRS      decimal.Decimal `json:"crs"`
}

// factorSetOutcomes are the sets of a result as a document in language l
// holds them.
func factorSetOutcomes(l lang.Lang, sets []capital.SetOutcome) []FactorSetOutcome {
	out := make([]FactorSetOutcome, len(sets))
	for i, s := range sets {
		out[i] = FactorSetOutcome{Set: s.Set, Eligible: s.Eligible, Chosen: s.Chosen, Reason: setReasonText(l, s.Reason), CRS: s.CRS}
	}
	return out
}

// programNames are what a program's date is (a message) and its campo.
var programNames = map[ans.FactorSet]struct {
	what  lang.Key
	campo string
}{
	ans.Promoprev:     {lang.ProgramPromoprev, "promoprev_aprovacao"},
	ans.PartoAdequado: {lang.ProgramParto, "parto_adequado_certificacao"},
	ans.APS:           {lang.ProgramAPS, "aps_certificacao"},
}

// span names the quarters a document covers: "2T2023–1T2024".
func span(c *capital.Cover) string { return c.From.QuarterLabel() + "–" + c.To.QuarterLabel() }

// eligibilityText words in language l why a factor set is, or is not, open
// to the operator.
func eligibilityText(l lang.Lang, r capital.EligibilityReason) string {
	what, campo := l.T(programNames[r.Set].what), programNames[r.Set].campo
	switch r.Kind {
	case capital.AlwaysAvailable:
		return l.T(lang.AlwaysAvailable)
	case capital.GovernanceCovers:
		g := r.Governance
		return l.T(lang.GovernanceCovers, l.Date(g.T), g.Ref, span(g))
	case capital.AccreditationCovers:
		a := r.Accreditation
		return l.T(lang.AccreditationCovers, l.Date(a.T), a.Ref, span(a))
	case capital.NotCovered:
		var why []string
		if g := r.Governance; g != nil {
			why = append(why, l.T(lang.GovernanceOnly, l.Date(g.T), g.Ref, span(g)))
		}
		if a := r.Accreditation; a != nil {
			why = append(why, l.T(lang.AccreditationOnly, l.Date(a.T), a.Ref, span(a), l.Date(a.From.LastDay())))
		}
		return l.T(lang.NotDataBase, strings.Join(why, "; "), l.Month(r.DataBase))
	case capital.NoReducedDate:
		return l.T(lang.NoReducedDate)
	case capital.NoProgramDate:
		return l.T(lang.NoProgramDate, what, campo)
	case capital.ProgramAfterDataBase:
		return l.T(lang.ProgramAfter, what, l.Date(r.Date.T), r.Date.Ref, l.Month(r.DataBase))
	case capital.BlockedBySituation:
		return l.T(lang.BlockedBySituation, r.Situation.Name, r.Situation.Ref)
	case capital.NoIDSS:
		return l.T(lang.NoIDSS, l.Number(r.Minimum))
	case capital.IDSSBelowMinimum:
		return l.T(lang.IDSSBelow, l.Number(r.IDSS.V), l.Number(r.Minimum), r.IDSS.Ref)
	case capital.ProgramQualifies:
		return l.T(lang.ProgramQualifies, what, l.Date(r.Date.T), r.Date.Ref, l.Number(r.IDSS.V), l.Number(r.Minimum))
	}
	return fmt.Sprintf("eligibility kind %d", r.Kind) // a kind without words: a bug of capreg
}

// setReasonText words in language l why a factor set was applied or not.
func setReasonText(l lang.Lang, r capital.SetReason) string {
	e := eligibilityText(l, r.Eligibility)
	switch r.Choice {
	case capital.Applied:
		return l.T(lang.Applied, e)
	case capital.LowerBenefit:
		return l.T(lang.LowerBenefit, e, money.BRL(r.CRS), money.BRL(r.AppliedCRS), r.Applied)
	case capital.Forced:
		return l.T(lang.Forced, e)
	case capital.ForcedIneligible:
		return l.T(lang.ForcedIneligible, e)
	case capital.OtherForced:
		return l.T(lang.OtherForced, r.Applied, e)
	case capital.CRSInformed:
		return l.T(lang.CRSInformed, e)
	}
	return l.T(lang.NotEligibleBecause, e)
}

// worded returns the warnings of result r as they are shown in language l
// (every finding in l's words; see findings.Finding.In): the engine's CR-W006 (a factor set forced on an operator it is not open
// to) comes without words, and takes them here from the forced set's
// reason.
func worded(l lang.Lang, r *capital.Result, warnings findings.List) findings.List {
	out := warnings.In(l)
	for i, f := range out {
		if f.Code != findings.ForcedIneligible || f.Message != "" {
			continue
		}
		for _, s := range r.Sets {
			if s.Chosen {
				out[i].Message = l.T(lang.ForcedWarning, s.Set, eligibilityText(l, s.Reason.Eligibility))
			}
		}
	}
	return out
}

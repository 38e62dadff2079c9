package report

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
)

// This file words the engine's typed reasons: the engine decides with a
// kind and the dates, cells and values behind it, and the English text of
// each is made here and nowhere else (every renderer takes it from here),
// so another language is another set of these functions.

// FactorSetOutcome is one factor set in a calc document: its verdict, the
// reason worded, and the CRS it gives.
type FactorSetOutcome struct {
	Set      string          `json:"set"`
	Eligible bool            `json:"eligible"`
	Chosen   bool            `json:"chosen"`
	Reason   string          `json:"reason"`
	CRS      decimal.Decimal `json:"crs"`
}

// factorSetOutcomes are the sets of a result as a document holds them.
func factorSetOutcomes(sets []capital.SetOutcome) []FactorSetOutcome {
	out := make([]FactorSetOutcome, len(sets))
	for i, s := range sets {
		out[i] = FactorSetOutcome{Set: s.Set, Eligible: s.Eligible, Chosen: s.Chosen, Reason: setReasonText(s.Reason), CRS: s.CRS}
	}
	return out
}

// programNames are what a program's date is and its campo.
var programNames = map[ans.FactorSet][2]string{
	ans.Promoprev:     {"PROMOPREV approval", "promoprev_aprovacao"},
	ans.PartoAdequado: {"Parto Adequado certification", "parto_adequado_certificacao"},
	ans.APS:           {"APS certification", "aps_certificacao"},
}

// span names the quarters a document covers: "2T2023–1T2024".
func span(c *capital.Cover) string { return c.From.QuarterLabel() + "–" + c.To.QuarterLabel() }

// eligibilityText words why a factor set is, or is not, open to the
// operator.
func eligibilityText(r capital.EligibilityReason) string {
	what, campo := programNames[r.Set][0], programNames[r.Set][1]
	switch r.Kind {
	case capital.AlwaysAvailable:
		return "the standard factors are always available"
	case capital.GovernanceCovers:
		g := r.Governance
		return fmt.Sprintf("governance report (RN 518 Anexo V) sent %s (%s) covers %s", period.Date(g.T), g.Ref, span(g))
	case capital.AccreditationCovers:
		a := r.Accreditation
		return fmt.Sprintf("accreditation (RN 507) from %s (%s) covers %s", period.Date(a.T), a.Ref, span(a))
	case capital.NotCovered:
		var why []string
		if g := r.Governance; g != nil {
			why = append(why, fmt.Sprintf("the governance report sent %s (%s) covers %s only", period.Date(g.T), g.Ref, span(g)))
		}
		if a := r.Accreditation; a != nil {
			why = append(why, fmt.Sprintf("the accreditation from %s (%s) covers %s only (from %s, the end of its quarter)", period.Date(a.T), a.Ref, span(a), period.Date(a.From.LastDay())))
		}
		return strings.Join(why, "; ") + fmt.Sprintf(", not data base %s", r.DataBase)
	case capital.NoReducedDate:
		return "no governance report date (governanca_relatorio_data) nor accreditation start (acreditacao_inicio)"
	case capital.NoProgramDate:
		return fmt.Sprintf("no %s date (%s)", what, campo)
	case capital.ProgramAfterDataBase:
		return fmt.Sprintf("%s on %s (%s) is after the data base %s", what, period.Date(r.Date.T), r.Date.Ref, r.DataBase)
	case capital.BlockedBySituation:
		return fmt.Sprintf("blocked by %s = S (%s)", r.Situation.Name, r.Situation.Ref)
	case capital.NoIDSS:
		return fmt.Sprintf("blocked: IDSS not informed (idss), the proposal needs IDSS ≥ %s", r.Minimum)
	case capital.IDSSBelowMinimum:
		return fmt.Sprintf("blocked by IDSS %s < %s (%s)", r.IDSS.V, r.Minimum, r.IDSS.Ref)
	case capital.ProgramQualifies:
		return fmt.Sprintf("%s on %s (%s), no blocking situation, IDSS %s ≥ %s", what, period.Date(r.Date.T), r.Date.Ref, r.IDSS.V, r.Minimum)
	}
	return fmt.Sprintf("eligibility kind %d", r.Kind)
}

// setReasonText words why a factor set was applied or not.
func setReasonText(r capital.SetReason) string {
	e := eligibilityText(r.Eligibility)
	switch r.Choice {
	case capital.Applied:
		return "applied: lowest CRS of the eligible sets; " + e
	case capital.LowerBenefit:
		return fmt.Sprintf("eligible (%s), but lower benefit: CRS %s ≥ %s under %s", e, money.BRL(r.CRS), money.BRL(r.AppliedCRS), r.Applied)
	case capital.Forced:
		return "forced with --factors; " + e
	case capital.ForcedIneligible:
		return "forced with --factors; not eligible: " + e
	case capital.OtherForced:
		return "eligible, not applied (--factors " + r.Applied + "): " + e
	case capital.CRSInformed:
		return e + "; CRS informed, no factor set applied"
	}
	return "not eligible: " + e
}

// worded returns the warnings of result r as they are shown: the engine's
// CR-W006 (a factor set forced on an operator it is not open to) comes
// without words, and takes them here from the forced set's reason.
func worded(r *capital.Result, warnings findings.List) findings.List {
	out := append(findings.List{}, warnings...)
	for i, f := range out {
		if f.Code != findings.ForcedIneligible || f.Message != "" {
			continue
		}
		for _, s := range r.Sets {
			if s.Chosen {
				out[i].Message = fmt.Sprintf("factor set %s forced with --factors, but the operator is not eligible: %s", s.Set, eligibilityText(s.Reason.Eligibility))
			}
		}
	}
	return out
}

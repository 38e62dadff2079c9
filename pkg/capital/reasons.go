package capital

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
)

// This file holds the engine's words. The engine decides with typed reasons
// (a kind and the dates, cells and values behind it); the English text of
// each is made here and nowhere else, so another language needs only the
// typed reason.

// EligibilityKind is why a factor set is, or is not, open to an operator.
type EligibilityKind int

// The eligibility kinds.
const (
	AlwaysAvailable      EligibilityKind = iota + 1 // padrao
	GovernanceCovers                                // reduzido: the governance report covers the data base
	AccreditationCovers                             // reduzido: the accreditation covers it
	NotCovered                                      // reduzido: the report or accreditation given covers other quarters
	NoReducedDate                                   // reduzido: neither date given
	NoProgramDate                                   // a program without its date
	ProgramAfterDataBase                            // a program dated after the data base
	BlockedBySituation                              // a blocking situation is on
	NoIDSS                                          // the IDSS is not given
	IDSSBelowMinimum                                // the IDSS is under programas.idss_minimo
	ProgramQualifies                                // a program's date, no blocking situation, IDSS high enough
)

// Cover is the span of quarters a dated document covers: the governance
// report its calendar year, the accreditation four quarters from the end of
// its quarter.
type Cover struct {
	Dated
	From, To period.Month // the last months of the first and last quarters
}

func (c Cover) span() string { return c.From.QuarterLabel() + "–" + c.To.QuarterLabel() }

// EligibilityReason is why a factor set is, or is not, open to an operator:
// a kind and the data that decided it.
type EligibilityReason struct {
	Kind          EligibilityKind
	Set           ans.FactorSet // a program's names follow from it
	DataBase      period.Month  // NotCovered, ProgramAfterDataBase
	Governance    *Cover        // the governance report, when given (reduzido)
	Accreditation *Cover        // the accreditation, when given (reduzido)
	Date          Dated         // the program's date
	Situation     Flag          // the blocking situation (BlockedBySituation)
	IDSS          Amount        // the operator's IDSS
	Minimum       decimal.Decimal
}

// programNames are what a program's date is and its campo.
var programNames = map[ans.FactorSet][2]string{
	ans.Promoprev:     {"PROMOPREV approval", "promoprev_aprovacao"},
	ans.PartoAdequado: {"Parto Adequado certification", "parto_adequado_certificacao"},
	ans.APS:           {"APS certification", "aps_certificacao"},
}

// String words the reason in English.
func (r EligibilityReason) String() string {
	what, campo := programNames[r.Set][0], programNames[r.Set][1]
	switch r.Kind {
	case AlwaysAvailable:
		return "the standard factors are always available"
	case GovernanceCovers:
		g := r.Governance
		return fmt.Sprintf("governance report (RN 518 Anexo V) sent %s (%s) covers %s", period.Date(g.T), g.Ref, g.span())
	case AccreditationCovers:
		a := r.Accreditation
		return fmt.Sprintf("accreditation (RN 507) from %s (%s) covers %s", period.Date(a.T), a.Ref, a.span())
	case NotCovered:
		var why []string
		if g := r.Governance; g != nil {
			why = append(why, fmt.Sprintf("the governance report sent %s (%s) covers %s only", period.Date(g.T), g.Ref, g.span()))
		}
		if a := r.Accreditation; a != nil {
			why = append(why, fmt.Sprintf("the accreditation from %s (%s) covers %s only (from %s, the end of its quarter)", period.Date(a.T), a.Ref, a.span(), period.Date(a.From.LastDay())))
		}
		return strings.Join(why, "; ") + fmt.Sprintf(", not data base %s", r.DataBase)
	case NoReducedDate:
		return "no governance report date (governanca_relatorio_data) nor accreditation start (acreditacao_inicio)"
	case NoProgramDate:
		return fmt.Sprintf("no %s date (%s)", what, campo)
	case ProgramAfterDataBase:
		return fmt.Sprintf("%s on %s (%s) is after the data base %s", what, period.Date(r.Date.T), r.Date.Ref, r.DataBase)
	case BlockedBySituation:
		return fmt.Sprintf("blocked by %s = S (%s)", r.Situation.Name, r.Situation.Ref)
	case NoIDSS:
		return fmt.Sprintf("blocked: IDSS not informed (idss), the proposal needs IDSS ≥ %s", r.Minimum)
	case IDSSBelowMinimum:
		return fmt.Sprintf("blocked by IDSS %s < %s (%s)", r.IDSS.V, r.Minimum, r.IDSS.Ref)
	case ProgramQualifies:
		return fmt.Sprintf("%s on %s (%s), no blocking situation, IDSS %s ≥ %s", what, period.Date(r.Date.T), r.Date.Ref, r.IDSS.V, r.Minimum)
	}
	return fmt.Sprintf("eligibility kind %d", r.Kind)
}

// Choice is what became of a factor set.
type Choice int

// The choices.
const (
	NotEligible      Choice = iota + 1 // not open to the operator
	Applied                            // the eligible set with the lowest CRS
	LowerBenefit                       // eligible, but its CRS is not the lowest
	Forced                             // forced by the user
	ForcedIneligible                   // forced by the user, though not open to the operator
	OtherForced                        // eligible, but the user forced another set
	CRSInformed                        // the CRS was informed: no set applied
)

// SetReason is why a factor set was applied or not: the choice, the
// eligibility behind it and, against another set, that set and its CRS.
type SetReason struct {
	Choice      Choice
	Eligibility EligibilityReason
	CRS         decimal.Decimal // this set's CRS (LowerBenefit)
	Applied     string          // the set applied instead (LowerBenefit, OtherForced)
	AppliedCRS  decimal.Decimal // its CRS (LowerBenefit)

	words string // the text a reason read back from a document holds
}

// String words the reason in English.
func (r SetReason) String() string {
	if r.words != "" {
		return r.words
	}
	e := r.Eligibility.String()
	switch r.Choice {
	case Applied:
		return "applied: lowest CRS of the eligible sets; " + e
	case LowerBenefit:
		return fmt.Sprintf("eligible (%s), but lower benefit: CRS %s ≥ %s under %s", e, money.BRL(r.CRS), money.BRL(r.AppliedCRS), r.Applied)
	case Forced:
		return "forced with --factors; " + e
	case ForcedIneligible:
		return "forced with --factors; not eligible: " + e
	case OtherForced:
		return "eligible, not applied (--factors " + r.Applied + "): " + e
	case CRSInformed:
		return e + "; CRS informed, no factor set applied"
	}
	return "not eligible: " + e
}

// MarshalText writes the reason's words, as a document shows them.
func (r SetReason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a reason back from a document: its words only.
func (r *SetReason) UnmarshalText(b []byte) error {
	*r = SetReason{words: string(b)}
	return nil
}

// forcedIneligible is the warning of a set forced on an operator it is not
// open to.
func forcedIneligible(set string, why EligibilityReason) findings.Finding {
	return findings.New(findings.ForcedIneligible, "", "", fmt.Sprintf("factor set %s forced with --factors, but the operator is not eligible: %s", set, why), "")
}

// noCoverageData refuses to weight the program shares by coverage without
// beneficiaries to count.
func noCoverageData() error {
	return &findings.InputError{Findings: findings.List{findings.New(findings.MissingSheet, "Beneficiarios", "",
		"--coverage-weighted needs beneficiary data (the Beneficiarios sheet or --beneficiarios FILE) with at least one beneficiary", "")}}
}

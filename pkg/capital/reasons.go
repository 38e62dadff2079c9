package capital

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

// This file holds the engine's typed reasons: the engine decides with a kind
// and the dates, cells and values behind it, and words none of them: the
// renderers (pkg/report) word each reason, so another language needs only
// another renderer.

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
}

// forcedIneligible is the warning of a set forced on an operator it is not
// open to: the chosen set, whose reason (ForcedIneligible) the renderers
// word it with.
func forcedIneligible() findings.Finding {
	return findings.New(findings.ForcedIneligible, "", "", lang.Msg{})
}

// noCoverageData refuses to weight the program shares by coverage without
// beneficiaries to count.
func noCoverageData() error {
	return &findings.InputError{Findings: findings.List{findings.New(findings.MissingSheet, "Beneficiarios", "",
		lang.M("--coverage-weighted needs beneficiary data (the Beneficiarios sheet or --beneficiarios FILE) with at least one beneficiary"))}}
}

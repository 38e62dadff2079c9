package app

import (
	"context"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/cenarios"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// Scenarios are the scenarios of a stress test and where they come from.
type Scenarios struct {
	File string // the cenarios file, "" for the built-in set
	List []analysis.Scenario
}

// ReadScenarios reads the cenarios file at path, or, when path is "",
// returns the built-in set named in language l. A file that does not parse
// is an InvalidError naming its line.
func ReadScenarios(path string, l lang.Lang) (Scenarios, error) {
	if path == "" {
		return Scenarios{List: cenarios.Builtin(l)}, nil
	}
	data, err := ReadFile(path)
	if err != nil {
		return Scenarios{}, lang.Errorf("cenarios file %w", err)
	}
	list, err := cenarios.Parse(data, path)
	if err != nil {
		return Scenarios{}, InvalidError{err}
	}
	return Scenarios{File: path, List: list}, nil
}

// StressTest is one workbook computed as calc computes it (the base) and
// under each scenario.
type StressTest struct {
	Base      *capital.Result
	Warnings  findings.List // the base's: the reader's, the checks' and the engine's, as calc's
	Scenarios []Stressed
	File      string             // the cenarios file, "" for the built-in set
	Headroom  *analysis.Headroom // the base's, as calc shows it
}

// Stressed is one scenario computed.
type Stressed struct {
	analysis.Scenario
	Result *capital.Result
	// Warnings are the warnings of the scenario's checks and engine that
	// the base has not: what the shocks bring (deductions over a fallen
	// PL, say).
	Warnings findings.List
}

// Stress reads and checks one workbook once (benef: a separate
// beneficiary file, or ""), computes it under opt as calc would, and then
// each scenario: the input with the scenario's groups multiplied
// (analysis.Scale), checked and computed under the same options, its
// eligibility and factor set chosen again.
func Stress(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options, sc Scenarios) (*StressTest, error) {
	in, warnings, err := readChecked(ctx, path, benef, rb)
	if err != nil {
		return nil, err
	}
	base := opt
	base.Checked = true
	r, err := capital.Compute(in, rb, base)
	if err != nil {
		return nil, err
	}
	st := &StressTest{Base: r, Warnings: append(warnings, r.Warnings...), File: sc.File}
	if st.Headroom, err = analysis.FindHeadroom(in, r, rb, base); err != nil {
		return nil, err
	}
	opt.Checked = false // a scaled input is checked again, as calc checks its workbook
	for _, s := range sc.List {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := capital.Compute(analysis.Scale(in, s.Shocks), rb, opt)
		if err != nil {
			return nil, lang.Errorf("scenario %q: %w", s.Name, err)
		}
		var own findings.List
		for _, w := range r.Warnings {
			if !slices.ContainsFunc(st.Warnings, func(b findings.Finding) bool { return b.String() == w.String() }) {
				own = append(own, w)
			}
		}
		st.Scenarios = append(st.Scenarios, Stressed{Scenario: s, Result: r, Warnings: own})
	}
	return st, nil
}

// DeltaSurplus is the i-th scenario's surplus less the base's.
func (st *StressTest) DeltaSurplus(i int) decimal.Decimal {
	return st.Scenarios[i].Result.Surplus.Value.Sub(st.Base.Surplus.Value)
}

// Insufficient are the names of the scenarios under which PLA < CR, the
// base's name (base) first when the base itself is insufficient.
func (st *StressTest) Insufficient(base string) []string {
	var out []string
	if !st.Base.Sufficient {
		out = append(out, base)
	}
	for _, s := range st.Scenarios {
		if !s.Result.Sufficient {
			out = append(out, s.Name)
		}
	}
	return out
}

package app

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// Comparison is one operator under every factor set.
type Comparison struct {
	Auto     *capital.Result   // what calc applies
	BySet    []*capital.Result // forced to each set, in capital.Sets() order
	Warnings findings.List     // the reader's and the checks' (each result has the engine's)
}

// Compare reads one workbook (benef: a separate beneficiary file, or "")
// and computes it as calc would and under every factor set, from one read
// and one check.
func Compare(ctx context.Context, path, benef string, rb *rules.Rulebook, coverageWeighted bool) (*Comparison, error) {
	in, warnings, err := readChecked(ctx, path, benef, rb)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Warnings: warnings}
	opt := capital.Options{CoverageWeighted: coverageWeighted, Checked: true}
	if c.Auto, err = capital.Compute(in, rb, opt); err != nil {
		return nil, err
	}
	for _, set := range capital.Sets() {
		opt.Factors = set
		r, err := capital.Compute(in, rb, opt)
		if err != nil {
			return nil, err
		}
		c.BySet = append(c.BySet, r)
	}
	return c, nil
}

// Saving is the capital the i-th set frees against padrao (the first):
// CR(padrao) − CR(set), and that as a fraction of CR(padrao) (nil when
// CR(padrao) is zero).
func (c *Comparison) Saving(i int) (decimal.Decimal, *decimal.Decimal) {
	base := c.BySet[0].CR.Value
	s := base.Sub(c.BySet[i].CR.Value)
	if base.IsZero() {
		return s, nil
	}
	pct := money.Div(s, base)
	return s, &pct
}

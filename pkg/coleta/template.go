package coleta

import (
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// MaxMonths bounds a sheet: 100 years of months.
const MaxMonths = 1200

// TemplateOptions are what the empty sheet is made for.
type TemplateOptions struct {
	Registro  string
	Desde     period.Month // first row
	Ate       period.Month // last row, the data base
	Promoprev *period.Month
	APS       *period.Month
}

// Check refuses options that would make a sheet ANS does not ask for.
func (o TemplateOptions) Check() error {
	if _, err := parse.Registro(o.Registro, false); err != nil {
		return lang.Errorf("--registro: %w", err)
	}
	switch {
	case o.Desde.IsZero() || o.Ate.IsZero():
		return lang.Errorf("--desde and --ate are required (AAAA-MM)")
	case o.Desde.Before(FirstMonth):
		return lang.Errorf("--desde %s is before 2018-01, the first month ANS asks for", o.Desde)
	case o.Ate.Before(o.Desde):
		return lang.Errorf("--ate %s is before --desde %s", o.Ate, o.Desde)
	case o.Ate.Sub(o.Desde)+1 > MaxMonths:
		return lang.Errorf("%s to %s is more than %d months", o.Desde, o.Ate, MaxMonths)
	}
	return nil
}

// Months are the months of the rows, in order.
func (o TemplateOptions) Months() []period.Month {
	var out []period.Month
	for m := o.Desde; !m.After(o.Ate); m = m.Add(1) {
		out = append(out, m)
	}
	return out
}

package analysis

import "github.com/shopspring/decimal"

// Scenario is a named stress scenario of capreg stress: each group of input
// values it shocks is multiplied by its factor (Scale), every other group
// is left as it is.
type Scenario struct {
	Name        string
	Description string // "" when the scenario has none
	Shocks      map[Group]decimal.Decimal
}

// Shocked are the groups the scenario multiplies, in the order of Groups.
func (s Scenario) Shocked() []Group {
	var out []Group
	for _, g := range Groups {
		if _, ok := s.Shocks[g]; ok {
			out = append(out, g)
		}
	}
	return out
}

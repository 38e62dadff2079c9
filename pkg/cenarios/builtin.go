package cenarios

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/lang"
)

// groupLabels are the messages naming the groups for a person.
var groupLabels = map[analysis.Group]lang.Key{
	analysis.PL: lang.StressGroupPL, analysis.Deducoes: lang.StressGroupDeducoes,
	analysis.Contraprestacoes: lang.StressGroupContrap, analysis.Eventos: lang.StressGroupEventos,
	analysis.ABI: lang.StressGroupABI, analysis.Remissao: lang.StressGroupRemissao,
	analysis.Credito: lang.StressGroupCredito, analysis.Mercado: lang.StressGroupMercado,
	analysis.Operacional: lang.StressGroupOperac,
}

// GroupLabel names group g for a person, in language l ("crédito").
func GroupLabel(l lang.Lang, g analysis.Group) string { return l.T(groupLabels[g]) }

// Shock words group g multiplied by k in language l, as the change in
// percent: "crédito +25%", "PL −10%", "eventos +12,5%" (pt-BR), "eventos
// ±0%" for a factor of 1.
func Shock(l lang.Lang, g analysis.Group, k decimal.Decimal) string {
	pct := k.Sub(decimal.NewFromInt(1)).Shift(2)
	sign := "+"
	switch pct.Sign() {
	case -1:
		sign, pct = "−", pct.Neg()
	case 0:
		sign = "±"
	}
	return GroupLabel(l, g) + " " + sign + l.Number(pct) + "%"
}

// Shocks words every shock of s, in the order of analysis.Groups, joined
// by commas.
func Shocks(l lang.Lang, s analysis.Scenario) string {
	var out []string
	for _, g := range s.Shocked() {
		out = append(out, Shock(l, g, s.Shocks[g]))
	}
	return strings.Join(out, ", ")
}

// builtinShocks are the shocks of the built-in scenarios, one group each;
// the last built-in scenario applies them all together.
var builtinShocks = []struct {
	g analysis.Group
	k string
}{
	{analysis.Contraprestacoes, "1.10"},
	{analysis.Eventos, "1.10"},
	{analysis.PL, "0.90"},
	{analysis.Credito, "1.25"},
	{analysis.Mercado, "1.25"},
}

// Builtin is the set of scenarios without a cenarios file, named in
// language l: contraprestações +10%, eventos +10%, PL −10%, crédito +25%,
// mercado +25%, and all of them together.
func Builtin(l lang.Lang) []analysis.Scenario {
	all := analysis.Scenario{Name: l.T(lang.StressAllTogether), Shocks: map[analysis.Group]decimal.Decimal{}}
	var out []analysis.Scenario
	for _, b := range builtinShocks {
		k := decimal.RequireFromString(b.k)
		s := analysis.Scenario{Shocks: map[analysis.Group]decimal.Decimal{b.g: k}}
		s.Name = capitalize(Shock(l, b.g, k))
		out = append(out, s)
		all.Shocks[b.g] = k
	}
	return append(out, all)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

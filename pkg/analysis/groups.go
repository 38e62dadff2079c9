// Package analysis holds the analyses a board asks for on top of the
// engine: how the input moves under stress (Scale), how far it can move
// before the operator becomes insufficient (headroom), and what changed
// between two months (diff). It is pure, like the engine: capital.Input in,
// capital values out.
package analysis

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
)

// Group is a group of input values multiplied together by a scenario or by
// the headroom search. The spelling is the key of the cenarios file and of
// the JSON output.
type Group string

// The groups of input values (issue 14; the same in stress and headroom).
const (
	PL               Group = "pl"               // PLA!pl
	Deducoes         Group = "deducoes"         // the six PLA deductions
	Contraprestacoes Group = "contraprestacoes" // every value of Contraprestacoes (not Operacional nor Remissao)
	Eventos          Group = "eventos"          // every value of Eventos
	ABI              Group = "abi"              // every value of ABI
	Remissao         Group = "remissao"         // the four Remissao values
	Credito          Group = "credito"          // the nine amounts of Credito_Operadoras, Credito_Seguros.exposicao, Credito_Ativos.exposicao
	Mercado          Group = "mercado"          // Mercado_ALM.valor and Mercado_Ativos.valor
	Operacional      Group = "operacional"      // both Operacional values
)

// Groups are all the groups, in the order of the cenarios file's
// documentation and of every output.
var Groups = []Group{PL, Deducoes, Contraprestacoes, Eventos, ABI, Remissao, Credito, Mercado, Operacional}

// Drivers are the groups the headroom search moves, in output order.
var Drivers = []Group{Contraprestacoes, Eventos, ABI, Credito, Mercado}

// ParseGroup returns the group spelt s, or an error listing the groups.
func ParseGroup(s string) (Group, error) {
	for _, g := range Groups {
		if string(g) == s {
			return g, nil
		}
	}
	names := make([]string, len(Groups))
	for i, g := range Groups {
		names[i] = string(g)
	}
	return "", fmt.Errorf("unknown group %q: the groups are %s", s, strings.Join(names, ", "))
}

// Scale returns a copy of in whose groups are multiplied by their factors
// (a group absent from shocks is left as it is). in is not modified: every
// slice scaled is a new slice. The cells of the values stay, so the
// explanation still names where each value came from.
func Scale(in *capital.Input, shocks map[Group]decimal.Decimal) *capital.Input {
	out := *in
	for g, k := range shocks {
		scaleGroup(&out, g, k)
	}
	return &out
}

// scaleGroup multiplies group g of out by k, copying the slices it changes.
func scaleGroup(out *capital.Input, g Group, k decimal.Decimal) {
	mul := func(a *capital.Amount) { a.V = a.V.Mul(k) }
	switch g {
	case PL:
		mul(&out.PLA.PL)
	case Deducoes:
		for i := range out.PLA.Deducoes {
			mul(&out.PLA.Deducoes[i])
		}
	case Contraprestacoes:
		out.Contraprestacoes = scaleRows(out.Contraprestacoes, k, func(m *capital.Monthly) []*capital.Amount { return []*capital.Amount{&m.Valor} })
	case Eventos:
		out.Eventos = scaleRows(out.Eventos, k, func(m *capital.Monthly) []*capital.Amount { return []*capital.Amount{&m.Valor} })
	case ABI:
		out.ABI = scaleRows(out.ABI, k, func(a *capital.Amount) []*capital.Amount { return []*capital.Amount{a} })
	case Remissao:
		r := &out.Remissao
		for _, a := range []*capital.Amount{&r.CATemporaria, &r.CAVitalicia, &r.PRTemporaria, &r.PRVitalicia} {
			mul(a)
		}
	case Credito:
		out.CreditoOperadoras = scaleRows(out.CreditoOperadoras, k, func(c *capital.CreditoOperadora) []*capital.Amount {
			return []*capital.Amount{&c.C2, &c.C3, &c.C4, &c.C5, &c.C6, &c.C7, &c.D8, &c.D9, &c.D10}
		})
		out.CreditoSeguros = scaleRows(out.CreditoSeguros, k, func(c *capital.CreditoSeguro) []*capital.Amount { return []*capital.Amount{&c.Exposicao} })
		out.CreditoAtivos = scaleRows(out.CreditoAtivos, k, func(c *capital.CreditoAtivo) []*capital.Amount { return []*capital.Amount{&c.Exposicao} })
	case Mercado:
		out.MercadoALM = scaleRows(out.MercadoALM, k, func(f *capital.FluxoALM) []*capital.Amount { return []*capital.Amount{&f.Valor} })
		out.MercadoAtivos = scaleRows(out.MercadoAtivos, k, func(m *capital.AtivoMercado) []*capital.Amount { return []*capital.Amount{&m.Valor} })
	case Operacional:
		mul(&out.Operacional.Contraprestacoes12m)
		mul(&out.Operacional.ProvisoesTecnicas)
	default:
		panic("analysis: unknown group " + string(g))
	}
}

// scaleRows returns a copy of rows in which the amounts that amounts picks
// from each row are multiplied by k; rows itself is left as it was (the
// input it belongs to is the caller's).
func scaleRows[T any](rows []T, k decimal.Decimal, amounts func(*T) []*capital.Amount) []T {
	out := append([]T(nil), rows...)
	for i := range out {
		for _, a := range amounts(&out[i]) {
			a.V = a.V.Mul(k)
		}
	}
	return out
}

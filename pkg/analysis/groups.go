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
		out.Contraprestacoes = scaleMonthly(out.Contraprestacoes, k)
	case Eventos:
		out.Eventos = scaleMonthly(out.Eventos, k)
	case ABI:
		out.ABI = append([]capital.Amount(nil), out.ABI...)
		for i := range out.ABI {
			mul(&out.ABI[i])
		}
	case Remissao:
		r := &out.Remissao
		for _, a := range []*capital.Amount{&r.CATemporaria, &r.CAVitalicia, &r.PRTemporaria, &r.PRVitalicia} {
			mul(a)
		}
	case Credito:
		out.CreditoOperadoras = append([]capital.CreditoOperadora(nil), out.CreditoOperadoras...)
		for i := range out.CreditoOperadoras {
			c := &out.CreditoOperadoras[i]
			for _, a := range []*capital.Amount{&c.C2, &c.C3, &c.C4, &c.C5, &c.C6, &c.C7, &c.D8, &c.D9, &c.D10} {
				mul(a)
			}
		}
		out.CreditoSeguros = append([]capital.CreditoSeguro(nil), out.CreditoSeguros...)
		for i := range out.CreditoSeguros {
			mul(&out.CreditoSeguros[i].Exposicao)
		}
		out.CreditoAtivos = append([]capital.CreditoAtivo(nil), out.CreditoAtivos...)
		for i := range out.CreditoAtivos {
			mul(&out.CreditoAtivos[i].Exposicao)
		}
	case Mercado:
		out.MercadoALM = append([]capital.FluxoALM(nil), out.MercadoALM...)
		for i := range out.MercadoALM {
			mul(&out.MercadoALM[i].Valor)
		}
		out.MercadoAtivos = append([]capital.AtivoMercado(nil), out.MercadoAtivos...)
		for i := range out.MercadoAtivos {
			mul(&out.MercadoAtivos[i].Valor)
		}
	case Operacional:
		mul(&out.Operacional.Contraprestacoes12m)
		mul(&out.Operacional.ProvisoesTecnicas)
	default:
		panic("analysis: unknown group " + string(g))
	}
}

// scaleMonthly returns a copy of rows with every value multiplied by k.
func scaleMonthly(rows []capital.Monthly, k decimal.Decimal) []capital.Monthly {
	out := append([]capital.Monthly(nil), rows...)
	for i := range out {
		out[i].Valor.V = out[i].Valor.V.Mul(k)
	}
	return out
}

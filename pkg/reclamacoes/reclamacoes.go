// Package reclamacoes ranks an operator's products by the beneficiaries'
// complaints left unresolved, as IN ANS 36/2024 amended art. 17 of IN ANS
// 31/2022 (in force from 2024-10-01; programs-and-filings.md §2):
//
//   - products in descending order of complaints marked "Não resolvida"
//     after the beneficiary's return in the evaluation period; ties in
//     ascending order of beneficiaries (§2), then by product code so that
//     the order is stable;
//   - walking that order, a product is at risk while the accumulated share
//     of all those complaints, including its own, is at most 80% (caput);
//   - when that leaves no product at risk although there are complaints,
//     the product with the most complaints is at risk (§3);
//   - a product without unresolved complaints is never at risk.
//
// The package is pure: Go structs in, Go structs out.
package reclamacoes

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// InForce is the day IN ANS 36/2024 came into force (its art. 3).
var InForce = time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)

// Limit is the share of all unresolved complaints within which products are
// at risk: 80% (art. 17, caput).
var Limit = decimal.RequireFromString("0.8")

// Rules that put a product at risk.
const (
	Caput      = "art. 17 caput"
	Paragraph3 = "art. 17 §3"
)

// Period is the evaluation period.
type Period struct {
	Inicio, Fim       time.Time
	InicioRef, FimRef string // Sheet!Cell
}

// Product is one product's row of the input.
type Product struct {
	Produto       string
	Beneficiarios int64
	Reclamacoes   int64 // unresolved after the beneficiary's return
	Ref           string
}

// Input is a ranking's input.
type Input struct {
	Periodo  Period
	Products []Product
}

// Ranked is one product in rank order with its verdict.
type Ranked struct {
	Rank            int
	Produto         string
	Beneficiarios   int64
	Reclamacoes     int64
	Share           decimal.Decimal // its complaints over all, at money.Scale places
	CumulativeShare decimal.Decimal // the accumulated complaints, including its own, over all
	AtRisk          bool
	Rule            string // Caput or Paragraph3 when at risk
}

// Result is the ranking of one operator's products.
type Result struct {
	Periodo  Period
	Total    int64 // all unresolved complaints
	Products []Ranked
}

// AtRisk counts the products at risk.
func (r *Result) AtRisk() int {
	n := 0
	for _, p := range r.Products {
		if p.AtRisk {
			n++
		}
	}
	return n
}

// Evaluate checks the input and ranks it. A period that starts before the
// rule came into force, or ends before it starts, and a product listed
// twice, are errors; the result is nil when there are any.
func Evaluate(in Input) (*Result, findings.List) {
	var l findings.List
	p := in.Periodo
	if p.Inicio.Before(InForce) {
		l.Add(at(findings.ReclamacoesBeforeIN, p.InicioRef, lang.M("the evaluation period starts %s, before IN ANS 36/2024 came into force on %s: its art. 17 ranking applies to periods from %s",
			p.Inicio, InForce, InForce)))
	}
	if p.Fim.Before(p.Inicio) {
		l.Add(at(findings.ReclamacoesPeriod, p.FimRef, lang.M("the period ends %s, before it starts (%s)", p.Fim, p.Inicio)))
	}
	first := map[string]string{}
	for _, pr := range in.Products {
		if ref, dup := first[pr.Produto]; dup {
			l.Add(at(findings.ReclamacoesDuplicate, pr.Ref, lang.M("product %q appears again (first at %s)", pr.Produto, ref)))
			continue
		}
		first[pr.Produto] = pr.Ref
	}
	if l.HasErrors() {
		return nil, l
	}
	return &Result{Periodo: p, Total: total(in.Products), Products: Rank(in.Products)}, l
}

// at makes a finding at "Sheet!Cell".
func at(code, ref string, msg lang.Msg) findings.Finding {
	sheet, cell := ref, ""
	for i := range len(ref) {
		if ref[i] == '!' {
			sheet, cell = ref[:i], ref[i+1:]
			break
		}
	}
	return findings.New(code, sheet, cell, msg)
}

func total(ps []Product) int64 {
	var t int64
	for _, p := range ps {
		t += p.Reclamacoes
	}
	return t
}

// Rank orders the products and gives each its shares and verdict.
func Rank(ps []Product) []Ranked {
	order := append([]Product(nil), ps...)
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Reclamacoes != b.Reclamacoes {
			return a.Reclamacoes > b.Reclamacoes
		}
		if a.Beneficiarios != b.Beneficiarios {
			return a.Beneficiarios < b.Beneficiarios
		}
		return a.Produto < b.Produto
	})
	tot := decimal.NewFromInt(total(ps))
	limit := tot.Mul(Limit) // exact: the walk compares counts, never rounded shares
	out := make([]Ranked, len(order))
	cum := decimal.Zero
	anyAtRisk := false
	for i, p := range order {
		n := decimal.NewFromInt(p.Reclamacoes)
		cum = cum.Add(n)
		r := Ranked{Rank: i + 1, Produto: p.Produto, Beneficiarios: p.Beneficiarios, Reclamacoes: p.Reclamacoes,
			Share: decimal.Zero, CumulativeShare: decimal.Zero}
		if tot.Sign() > 0 {
			r.Share, r.CumulativeShare = money.Div(n, tot), money.Div(cum, tot)
		}
		if p.Reclamacoes > 0 && cum.LessThanOrEqual(limit) {
			r.AtRisk, r.Rule = true, Caput
			anyAtRisk = true
		}
		out[i] = r
	}
	if !anyAtRisk && tot.Sign() > 0 {
		out[0].AtRisk, out[0].Rule = true, Paragraph3
	}
	return out
}

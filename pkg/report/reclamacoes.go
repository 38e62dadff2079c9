package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/reclamacoes"
)

// reclamacoesDoc is the JSON layout of programs-and-filings.md §2.
type reclamacoesDoc struct {
	Periodo struct {
		Inicio string `json:"inicio"`
		Fim    string `json:"fim"`
	} `json:"periodo"`
	Total    int64                `json:"total"`
	Products []reclamacoesProduct `json:"products"`
}

type reclamacoesProduct struct {
	Produto         string          `json:"produto"`
	Rank            int             `json:"rank"`
	Reclamacoes     int64           `json:"reclamacoes"`
	Share           decimal.Decimal `json:"share"`
	CumulativeShare decimal.Decimal `json:"cumulative_share"`
	AtRisk          bool            `json:"at_risk"`
}

// ReclamacoesJSON writes the ranking as the JSON of programs-and-filings.md
// §2: the period, the total and every product with its rank, complaints,
// shares and verdict.
func ReclamacoesJSON(w io.Writer, r *reclamacoes.Result) error {
	d := &reclamacoesDoc{Total: r.Total, Products: []reclamacoesProduct{}}
	d.Periodo.Inicio, d.Periodo.Fim = r.Periodo.Inicio.Format(time.DateOnly), r.Periodo.Fim.Format(time.DateOnly)
	for _, p := range r.Products {
		d.Products = append(d.Products, reclamacoesProduct{Produto: p.Produto, Rank: p.Rank, Reclamacoes: p.Reclamacoes,
			Share: p.Share, CumulativeShare: p.CumulativeShare, AtRisk: p.AtRisk})
	}
	return JSON(w, d)
}

// ReclamacoesCSV writes one row per product, numbers as plain numbers.
func ReclamacoesCSV(w io.Writer, r *reclamacoes.Result, d CSVDialect) error {
	var rows [][]string
	for _, p := range r.Products {
		rows = append(rows, []string{strconv.Itoa(p.Rank), p.Produto, strconv.FormatInt(p.Beneficiarios, 10), strconv.FormatInt(p.Reclamacoes, 10),
			p.Share.String(), p.CumulativeShare.String(), strconv.FormatBool(p.AtRisk), p.Rule})
	}
	return writeCSV(w, d, []string{"rank", "produto", "beneficiarios", "reclamacoes", "share", "cumulative_share", "at_risk", "rule"},
		rows, []bool{true, false, true, true, true, true, false, false})
}

func percent(d decimal.Decimal) string { return money.PtBR(d.Shift(2), 2) + "%" }

// printable keeps a cell's text from driving the terminal: control
// characters become U+FFFD.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// ReclamacoesTable writes the ranking for a person: the period and totals,
// every product with its verdict, and the rule that decided.
func ReclamacoesTable(w io.Writer, r *reclamacoes.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "capreg — IN ANS 36/2024 art. 17: products at risk from unresolved complaints\n")
	fmt.Fprintf(&b, "Period      %s to %s\n", r.Periodo.Inicio.Format(time.DateOnly), r.Periodo.Fim.Format(time.DateOnly))
	fmt.Fprintf(&b, "Complaints  %s unresolved, %d products, %d at risk\n\n", money.PtBR(decimal.NewFromInt(r.Total), 0), len(r.Products), r.AtRisk())
	tw := columns(&b)
	fmt.Fprintf(tw, "RANK\tPRODUTO\tBENEFICIÁRIOS\tRECLAMAÇÕES\tSHARE\tCUMULATIVE\tAT RISK\n")
	ties, par3 := false, false
	for i, p := range r.Products {
		verdict := "no"
		if p.AtRisk {
			verdict = "YES (" + p.Rule + ")"
		}
		par3 = par3 || p.Rule == reclamacoes.Paragraph3
		ties = ties || (i > 0 && r.Products[i-1].Reclamacoes == p.Reclamacoes && p.Reclamacoes > 0)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Rank, printable(p.Produto), money.PtBR(decimal.NewFromInt(p.Beneficiarios), 0),
			money.PtBR(decimal.NewFromInt(p.Reclamacoes), 0), percent(p.Share), percent(p.CumulativeShare), verdict)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	switch {
	case len(r.Products) == 0:
		b.WriteString("No products: nothing to rank.\n")
	case r.Total == 0:
		b.WriteString("No unresolved complaints in the period: no product is at risk.\n")
	case par3:
		b.WriteString("No product stays within 80% of the unresolved complaints, so the one with the most is at risk (art. 17 §3).\n")
	default:
		b.WriteString("At risk: the products that together hold at most 80% of the unresolved complaints (art. 17 caput).\n")
	}
	if ties {
		b.WriteString("Products with equal complaints are ordered by fewer beneficiaries (art. 17 §2), then by code.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
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

// ReclamacoesTable writes the ranking for a person, in language l: the
// period and totals, every product with its verdict, and the rule that
// decided.
func ReclamacoesTable(w io.Writer, r *reclamacoes.Result, l lang.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", l.T(lang.RecTitle))
	head := columns(&b)
	fmt.Fprintf(head, "%s\t%s\n", l.T(lang.RecPeriod), l.T(lang.RecPeriodSpan, l.Date(r.Periodo.Inicio), l.Date(r.Periodo.Fim)))
	fmt.Fprintf(head, "%s\t%s\n", l.T(lang.RecComplaints), l.T(lang.RecTotals, l.Count(int(r.Total)), l.Count(len(r.Products)), l.Count(r.AtRisk())))
	if err := head.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	tw := columns(&b)
	fmt.Fprintf(tw, "%s\tPRODUTO\tBENEFICIÁRIOS\tRECLAMAÇÕES\t%s\n", l.T(lang.RecRank), strings.Join(headings(l, lang.RecShare, lang.RecCumulative, lang.RecAtRisk), "\t"))
	ties, par3 := false, false
	for i, p := range r.Products {
		verdict := l.T(lang.No)
		if p.AtRisk {
			verdict = strings.ToUpper(l.T(lang.Yes)) + " (" + p.Rule + ")"
		}
		par3 = par3 || p.Rule == reclamacoes.Paragraph3
		ties = ties || (i > 0 && r.Products[i-1].Reclamacoes == p.Reclamacoes && p.Reclamacoes > 0)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Rank, printable(p.Produto), l.Count(int(p.Beneficiarios)),
			l.Count(int(p.Reclamacoes)), l.Percent(p.Share, 2), l.Percent(p.CumulativeShare, 2), verdict)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	switch {
	case len(r.Products) == 0:
		b.WriteString(l.T(lang.RecNoProducts) + "\n")
	case r.Total == 0:
		b.WriteString(l.T(lang.RecNoComplaints) + "\n")
	case par3:
		b.WriteString(l.T(lang.RecParagraph3) + "\n")
	default:
		b.WriteString(l.T(lang.RecCaput) + "\n")
	}
	if ties {
		b.WriteString(l.T(lang.RecTies) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

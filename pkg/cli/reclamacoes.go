package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/reclamacoes"
	"github.com/capreg/capreg/pkg/reclamacoesbook"
	"github.com/capreg/capreg/pkg/report"
)

// ReclamacoesOptions are the settings of capreg reclamacoes.
type ReclamacoesOptions struct {
	Workbook string
	Output   string
	Out      string
	Template string // write the empty input workbook here instead
	Force    bool   // --out or --template may replace an existing file
}

var reclamacoesOutputs = []string{"table", "json", "csv"}

// NewCmdReclamacoes builds capreg reclamacoes; runF replaces the run (tests
// of flag parsing), nil runs it.
func NewCmdReclamacoes(s Streams, runF func(context.Context, *ReclamacoesOptions) error) *cobra.Command {
	o := &ReclamacoesOptions{}
	cmd := &cobra.Command{
		Use:   "reclamacoes WORKBOOK",
		Short: "Products at risk from unresolved complaints (IN ANS 36/2024, art. 17)",
		Long: `Rank the operator's products by the complaints of the evaluation period marked
"Não resolvida" after the beneficiary's return (IN ANS 31/2022 art. 17 as amended by
IN ANS 36/2024, in force from 2024-10-01): descending by complaints, ties by fewer
beneficiaries (§2); a product is at risk while the accumulated share of all those
complaints, including its own, is at most 80%; when that leaves none at risk although
there are complaints, the product with the most is at risk (§3); a product without
complaints never is. Every product is listed with its rank, complaints, share,
accumulated share and verdict. A period starting before 2024-10-01 is refused.

WORKBOOK: sheet Periodo (campo | valor: inicio, fim) and sheet Reclamacoes (produto |
beneficiarios | reclamacoes_nao_resolvidas); --template FILE writes it empty.

` + exitCodesHelp,
		Example: `  capreg reclamacoes --template reclamacoes.xlsx
  capreg reclamacoes reclamacoes.xlsx
  capreg reclamacoes reclamacoes.xlsx -o json --out ranking.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			switch {
			case o.Template != "" && len(args) > 0:
				return usageError{errors.New("give either --template FILE or a WORKBOOK to rank, not both")}
			case o.Template == "" && len(args) == 0:
				return usageError{errors.New("reclamacoes needs a WORKBOOK (or --template FILE to write an empty one)")}
			case len(args) == 1:
				o.Workbook = args[0]
			}
			if err := set.guard(o.Force, []string{o.Out, o.Template}, inputFile{"the workbook", o.Workbook}); err != nil {
				return err
			}
			if err := set.outputFormat(&o.Output, o.Out, reclamacoesOutputs); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			if o.Template != "" {
				return writeWorkbook(cmd, s, o.Template, reclamacoesbook.Template)
			}
			return runReclamacoes(cmd, s, o)
		},
	}
	addOutputFlags(cmd, &o.Output, reclamacoesOutputs, &o.Out, &o.Force)
	cmd.Flags().StringVar(&o.Template, "template", "", "write the empty input workbook to this file and stop")
	return cmd
}

// Rank reads and ranks one workbook.
func Rank(ctx context.Context, path string) (*reclamacoes.Result, error) {
	in, l, err := reclamacoesbook.Read(ctx, path)
	if err != nil {
		return nil, err
	}
	if in != nil {
		res, checks := reclamacoes.Evaluate(*in)
		l = append(l, checks...)
		if !l.HasErrors() {
			return res, nil
		}
	}
	for i := range l {
		l[i].File = path
	}
	return nil, &findings.InputError{Findings: l.Sorted()}
}

func runReclamacoes(cmd *cobra.Command, s Streams, o *ReclamacoesOptions) error {
	res, err := Rank(cmd.Context(), o.Workbook)
	if err != nil {
		return err
	}
	return writeOutput(cmd, o.Out, s.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.JSON(w, newReclamacoesDoc(res))
		case "csv":
			return writeReclamacoesCSV(w, res)
		}
		return writeReclamacoesTable(w, res)
	})
}

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

func newReclamacoesDoc(r *reclamacoes.Result) *reclamacoesDoc {
	d := &reclamacoesDoc{Total: r.Total, Products: []reclamacoesProduct{}}
	d.Periodo.Inicio, d.Periodo.Fim = r.Periodo.Inicio.Format(time.DateOnly), r.Periodo.Fim.Format(time.DateOnly)
	for _, p := range r.Products {
		d.Products = append(d.Products, reclamacoesProduct{Produto: p.Produto, Rank: p.Rank, Reclamacoes: p.Reclamacoes,
			Share: p.Share, CumulativeShare: p.CumulativeShare, AtRisk: p.AtRisk})
	}
	return d
}

func writeReclamacoesCSV(w io.Writer, r *reclamacoes.Result) error {
	var rows [][]string
	for _, p := range r.Products {
		rows = append(rows, []string{strconv.Itoa(p.Rank), p.Produto, strconv.FormatInt(p.Beneficiarios, 10), strconv.FormatInt(p.Reclamacoes, 10),
			p.Share.String(), p.CumulativeShare.String(), strconv.FormatBool(p.AtRisk), p.Rule})
	}
	return report.CSV(w, []string{"rank", "produto", "beneficiarios", "reclamacoes", "share", "cumulative_share", "at_risk", "rule"},
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

func writeReclamacoesTable(w io.Writer, r *reclamacoes.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "capreg — IN ANS 36/2024 art. 17: products at risk from unresolved complaints\n")
	fmt.Fprintf(&b, "Period      %s to %s\n", r.Periodo.Inicio.Format(time.DateOnly), r.Periodo.Fim.Format(time.DateOnly))
	fmt.Fprintf(&b, "Complaints  %s unresolved, %d products, %d at risk\n\n", money.PtBR(decimal.NewFromInt(r.Total), 0), len(r.Products), r.AtRisk())
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
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

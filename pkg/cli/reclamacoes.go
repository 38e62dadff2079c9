package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/reclamacoesbook"
	"github.com/capreg/capreg/pkg/report"
)

// ReclamacoesOptions are the streams and settings of capreg reclamacoes.
type ReclamacoesOptions struct {
	IO       Streams
	Workbook string
	Output   string
	CSVExcel bool // --csv-excel
	Out      string
	Template string    // write the empty input workbook here instead
	Force    bool      // --out or --template may replace an existing file
	Lang     lang.Lang // --lang, the root's
}

// NewCmdReclamacoes builds capreg reclamacoes; runF replaces the run (tests
// of flag parsing), nil runs it.
func NewCmdReclamacoes(s Streams, runF func(context.Context, *ReclamacoesOptions) error) *cobra.Command {
	o := &ReclamacoesOptions{IO: s}
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
		ValidArgsFunction: completeArgs(1, workbookExts...),
		Args:              cobra.MaximumNArgs(1),
		RunE:              runE(o, o.complete, runF, runReclamacoes),
	}
	addOutputFlags(cmd, &o.Output, textOutputs, &o.CSVExcel, &o.Out, &o.Force)
	cmd.Flags().StringVar(&o.Template, "template", "", "write the empty input workbook to this file and stop")
	return cmd
}

// complete takes the workbook from args, refusing both or neither of it
// and --template, and checks the files and --output.
func (o *ReclamacoesOptions) complete(set *settings, args []string) error {
	switch {
	case o.Template != "" && len(args) > 0:
		return usageError{lang.Errorf("give either --template FILE or a WORKBOOK to rank, not both")}
	case o.Template == "" && len(args) == 0:
		return usageError{lang.Errorf("reclamacoes needs a WORKBOOK (or --template FILE to write an empty one)")}
	case len(args) == 1:
		o.Workbook = args[0]
	}
	o.Lang = set.lang
	if err := set.guard(o.Force, []string{o.Out, o.Template}, inputFile{lang.M("the workbook"), o.Workbook}); err != nil {
		return err
	}
	return set.outputFormat(&o.Output, o.Out, textOutputs)
}

func runReclamacoes(ctx context.Context, o *ReclamacoesOptions) error {
	if o.Template != "" {
		return writeWorkbook(ctx, o.IO, o.Lang, o.Template, reclamacoesbook.Template)
	}
	res, err := app.Rank(ctx, o.Workbook)
	if err != nil {
		return err
	}
	return writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.ReclamacoesJSON(w, res)
		case "csv":
			return report.ReclamacoesCSV(w, res, csvDialect(o.CSVExcel))
		}
		return report.ReclamacoesTable(w, res, o.Lang)
	})
}

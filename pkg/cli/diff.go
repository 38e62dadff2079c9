package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
)

// DiffOptions are the streams and settings of capreg diff.
type DiffOptions struct {
	IO       Streams
	Anterior string // the earlier workbook
	Atual    string // the later workbook
	Output   string
	CSVExcel bool // --csv-excel
	Out      string
	Force    bool // --out may replace an existing file
	Rules    string
	Lang     lang.Lang // --lang, the root's
}

// NewCmdDiff builds capreg diff; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdDiff(s Streams, runF func(context.Context, *DiffOptions) error) *cobra.Command {
	o := &DiffOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "diff ANTERIOR ATUAL",
		Short: "What moved the capital between two workbooks, step by step, adding up exactly",
		Long: `Analyse the change of the regulatory capital between two workbooks of an operator, usually
two months (ANTERIOR the earlier, ATUAL the later). Starting from ANTERIOR, the inputs are
replaced by ATUAL's one group at a time, in this order, and computed again as capreg calc
computes them (factor set auto):

  base              data base and classification (modalidade, segmentação, região: the CB)
  pla               PL and the six deductions
  elegibilidade     eligibility dates, IDSS and blocking situations
  contraprestacoes  the monthly contraprestações
  eventos           the monthly eventos
  abi               the ABI amounts and hc
  remissao          the remission bases
  credito           the credit exposures
  mercado           the ALM flows and the equity and real-estate holdings
  operacional       the CRO bases
  informadas        the parcels informed in Parcelas_Informadas

Each monthly group is totalled over the 12 months of its own workbook, whatever the data
base of the step. After each step: every amount, and the step's change of CR and surplus.
The first state is capreg calc ANTERIOR, the last capreg calc ATUAL, and the steps add up
exactly to ATUAL − ANTERIOR. Beneficiary data is not compared: the amounts do not depend on
it. Workbooks of two operators (another registro ANS), or an ATUAL whose data base is not
later than ANTERIOR's, give a warning. The xlsx output has a waterfall chart of CR from
ANTERIOR to ATUAL.

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg diff operadora-2025-08.xlsx operadora-2025-09.xlsx
  capreg diff operadora-2025-08.xlsx operadora-2025-09.xlsx --out variacao.xlsx
  capreg diff operadora-2025-08.xlsx operadora-2025-09.xlsx -o json`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: completeArgs(2, workbookExts...),
		RunE:              runE(o, o.complete, runF, runDiff),
	}
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.CSVExcel, &o.Out, &o.Force)
	return cmd
}

// complete takes the workbooks from args and the rules file and language
// from set, and checks the files and --output.
func (o *DiffOptions) complete(set *settings, args []string) error {
	o.Anterior, o.Atual, o.Rules, o.Lang = args[0], args[1], set.rules, set.lang
	if err := set.guard(o.Force, []string{o.Out}, inputFile{lang.M("the workbook ANTERIOR"), o.Anterior}, inputFile{lang.M("the workbook ATUAL"), o.Atual}); err != nil {
		return err
	}
	return checkOutput(o.IO, set, &o.Output, o.Out, calcOutputs)
}

func runDiff(ctx context.Context, o *DiffOptions) error {
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		return err
	}
	d, err := app.Diff(ctx, o.Anterior, o.Atual, rb)
	if err != nil {
		return err
	}
	meta := report.Meta{RulebookVer: rb.Versao, RulesFile: rb.UserFile(), Plain: !o.IO.OutTTY || o.Out != "", Lang: o.Lang}
	return writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewDiffDocument(d, meta))
		case "csv":
			return report.DiffCSV(w, d, meta, csvDialect(o.CSVExcel))
		case "xlsx":
			return xlsxWriter(report.DiffXLSX(d, meta))(w)
		}
		return report.DiffTable(w, d, meta)
	})
}

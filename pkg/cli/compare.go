package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// CompareOptions are the streams and settings of capreg compare.
type CompareOptions struct{ workbookOptions }

// NewCmdCompare builds capreg compare; runF replaces the run (tests of
// flag parsing), nil runs it.
func NewCmdCompare(s Streams, runF func(context.Context, *CompareOptions) error) *cobra.Command {
	o := &CompareOptions{workbookOptions{IO: s}}
	cmd := &cobra.Command{
		Use:   "compare WORKBOOK",
		Short: "The operator under every factor set side by side, with eligibility and saving against padrão",
		Long: `Compute the operator in WORKBOOK under padrao, reduzido, promoprev, parto_adequado and aps
side by side: CRS and its parts, CBR, CR, surplus, the capital each set frees against padrão
(CR(padrão) − CR(set), in R$ and %), whether the operator is eligible for it and why not, and
which set capreg calc applies (marked *). Every column equals capreg calc --factors SET.

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg compare operadora.xlsx
  capreg compare operadora.xlsx --out comparacao.xlsx
  capreg compare operadora.xlsx --coverage-weighted`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeArgs(1, workbookExts...),
		RunE:              runE(o, o.complete, runF, runCompare),
	}
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.CSVExcel, &o.Out, &o.Force)
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

func runCompare(ctx context.Context, o *CompareOptions) error {
	_, err := compute(ctx, &o.workbookOptions, func(rb *rules.Rulebook) (*app.Comparison, error) {
		return app.Compare(ctx, o.Workbook, o.Beneficiarios, rb, o.CoverageWeighted)
	}, func(w io.Writer, c *app.Comparison, rb *rules.Rulebook, meta report.Meta) error {
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewCompareDocument(c, meta))
		case "csv":
			return report.CompareCSV(w, c, meta, csvDialect(o.CSVExcel))
		case "xlsx":
			return xlsxWriter(report.CompareXLSX(c, rb, meta))(w)
		}
		return report.CompareTable(w, c, meta)
	})
	return err
}

package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/report"
)

// CompareOptions are the streams and settings of capreg compare.
type CompareOptions struct {
	IO               Streams
	Workbook         string
	Output           string
	Out              string
	Rules            string
	Beneficiarios    string
	CoverageWeighted bool
	Force            bool // --out may replace an existing file
}

// NewCmdCompare builds capreg compare; runF replaces the run (tests of
// flag parsing), nil runs it.
func NewCmdCompare(s Streams, runF func(context.Context, *CompareOptions) error) *cobra.Command {
	o := &CompareOptions{IO: s}
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
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			o.Workbook, o.Rules = args[0], set.rules
			if err := set.guard(o.Force, []string{o.Out}, inputFile{"the workbook", o.Workbook},
				inputFile{"the beneficiary file", o.Beneficiarios}); err != nil {
				return err
			}
			if err := checkOutput(s, set, &o.Output, o.Out); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runCompare(cmd.Context(), o)
		},
	}
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.Out, &o.Force)
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

func runCompare(ctx context.Context, o *CompareOptions) error {
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		return err
	}
	c, err := app.Compare(ctx, o.Workbook, o.Beneficiarios, rb, o.CoverageWeighted)
	if err != nil {
		return workbookFailed(ctx, o.IO, o.Output, o.Out, o.Workbook, o.Beneficiarios, err)
	}
	meta := report.Meta{File: o.Workbook, RulebookVer: rb.Versao, RulesFile: rb.UserFile(), Plain: !o.IO.OutTTY || o.Out != ""}
	return writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewCompareDocument(c, meta))
		case "csv":
			return report.CompareCSV(w, c, meta)
		case "xlsx":
			return xlsxWriter(report.CompareXLSX(c, rb))(w)
		}
		return report.CompareTable(w, c, meta)
	})
}

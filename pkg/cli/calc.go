package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// workbookOptions are the streams and settings of the commands that
// compute one workbook (calc, compare).
type workbookOptions struct {
	IO               Streams
	Workbook         string
	Output           string
	CSVExcel         bool // --csv-excel
	Out              string
	Rules            string
	Beneficiarios    string
	CoverageWeighted bool
	Force            bool      // --out may replace an existing file
	Lang             lang.Lang // --lang, the root's
}

// complete takes the workbook from args and the rules file from set, and
// checks the files and --output.
func (o *workbookOptions) complete(set *settings, args []string) error {
	return o.completeWith(set, args)
}

// completeWith is complete for a command that reads more inputs than the
// workbook and its beneficiary file: --out must not be any of them.
func (o *workbookOptions) completeWith(set *settings, args []string, more ...inputFile) error {
	o.Workbook, o.Rules, o.Lang = args[0], set.rules, set.lang
	ins := append([]inputFile{{lang.M("the workbook"), o.Workbook}, {lang.M("the beneficiary file"), o.Beneficiarios}}, more...)
	if err := set.guard(o.Force, []string{o.Out}, ins...); err != nil {
		return err
	}
	return checkOutput(o.IO, set, &o.Output, o.Out, calcOutputs)
}

// meta is the header of the report on the workbook computed under rb.
func (o *workbookOptions) meta(rb *rules.Rulebook) report.Meta {
	return report.Meta{File: o.Workbook, RulebookVer: rb.Versao, RulesFile: rb.UserFile(), Plain: !o.IO.OutTTY || o.Out != "", Lang: o.Lang}
}

// failed is the error of the workbook that could not be computed, naming
// it; with --output json to stdout, the document a batch row carries for
// it (file, error, errors) is printed first, so a script reading stdout
// learns why.
func (o *workbookOptions) failed(ctx context.Context, err error) error {
	if o.Output == "json" && (o.Out == "" || o.Out == "-") && ctx.Err() == nil {
		_ = report.BatchJSONLine(o.IO.Out, report.NewBatchLine(app.FailedRow(o.Workbook, o.Beneficiarios, err), o.Lang)) // a failed write is run's to report, from the stream
	}
	return app.InFile(o.Workbook, err)
}

// CalcOptions are the streams and settings of capreg calc.
type CalcOptions struct {
	workbookOptions
	Factors            string
	Explain            bool
	FailOnInsufficient bool
}

// NewCmdCalc builds capreg calc; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdCalc(s Streams, runF func(context.Context, *CalcOptions) error) *cobra.Command {
	o := &CalcOptions{workbookOptions: workbookOptions{IO: s}}
	cmd := &cobra.Command{
		Use:   "calc WORKBOOK",
		Short: "Compute the regulatory capital of one operator",
		Long: `Compute CB, PLA, CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, CBR, CR, surplus, ICR and
sufficiency of the operator in WORKBOOK (input layout v1; see capreg template).

The factor set is chosen automatically (--factors auto): of the sets the operator is
eligible for at its data base (padrao, reduzido, promoprev, parto_adequado, aps), the one
with the lowest CRS. --explain adds the explanation tree: every figure with its formula,
its input cells (Sheet!Cell) and its parameters with status and source.

The headroom follows (table, json, xlsx): how far PL can fall before PLA = CR, and the
largest factor k by which each group of inputs (contraprestacoes, eventos, abi, credito,
mercado) can be multiplied with PLA ≥ CR still true; for an insufficient operator, the
aporte that makes PLA = CR.

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg calc examples/operadora-exemplo.xlsx
  capreg calc operadora.xlsx --explain
  capreg calc operadora.xlsx --out resultado.json
  capreg calc operadora.xlsx --factors padrao --rules regras.yaml --fail-on-insufficient`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeArgs(1, workbookExts...),
		RunE: runE(o, func(set *settings, args []string) error {
			if err := o.complete(set, args); err != nil {
				return err
			}
			return checkFactors(o.Factors)
		}, runF, runCalc),
	}
	addFactorsFlag(cmd, &o.Factors)
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.CSVExcel, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.Explain, "explain", false, "include the explanation tree (formula, input cells, parameters of every figure)")
	addFailOnInsufficientFlag(cmd, &o.FailOnInsufficient, "")
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

func runCalc(ctx context.Context, o *CalcOptions) error {
	c, err := compute(ctx, &o.workbookOptions, func(rb *rules.Rulebook) (*app.Calculation, error) {
		return app.CalculateHeadroom(ctx, o.Workbook, o.Beneficiarios, rb, capital.Options{Factors: o.Factors, CoverageWeighted: o.CoverageWeighted})
	}, func(w io.Writer, c *app.Calculation, rb *rules.Rulebook, meta report.Meta) error {
		meta.Explain, meta.Headroom = o.Explain, c.Headroom
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewDocument(c.Result, c.Warnings, meta))
		case "csv":
			return report.CalcCSV(w, csvDialect(o.CSVExcel), report.NewDocument(c.Result, c.Warnings, meta))
		case "xlsx":
			return xlsxWriter(report.XLSX(c.Result, c.Warnings, rb, meta))(w)
		}
		if err := report.Table(w, c.Result, c.Warnings, meta); err != nil {
			return err
		}
		if o.Explain {
			return report.Explain(w, c.Result, meta.Lang)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if o.FailOnInsufficient && !c.Result.Sufficient {
		return errInsufficient
	}
	return nil
}

// compute is the run of calc and compare: it loads the rulebook of o's
// rules file, computes o's workbook under it with use (an error is the
// workbook's, see failed) and writes the result to o's output with write,
// under the report's header. It returns the result, for the exit code.
func compute[R any](ctx context.Context, o *workbookOptions, use func(*rules.Rulebook) (R, error),
	write func(w io.Writer, r R, rb *rules.Rulebook, meta report.Meta) error) (R, error) {
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		var none R
		return none, err
	}
	r, err := use(rb)
	if err != nil {
		return r, o.failed(ctx, err)
	}
	meta := o.meta(rb)
	return r, writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error { return write(w, r, rb, meta) })
}

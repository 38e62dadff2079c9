package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/workbook"
)

// CalcOptions are the settings of capreg calc.
type CalcOptions struct {
	Workbook           string
	Factors            string
	Output             string
	Out                string
	Explain            bool
	FailOnInsufficient bool
	Rules              string
	Beneficiarios      string
	CoverageWeighted   bool
	Force              bool // --out may replace an existing file
}

var calcOutputs = []string{"table", "json", "csv", "xlsx"}

// NewCmdCalc builds capreg calc; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdCalc(s Streams, runF func(context.Context, *CalcOptions) error) *cobra.Command {
	o := &CalcOptions{}
	cmd := &cobra.Command{
		Use:   "calc WORKBOOK",
		Short: "Compute the regulatory capital of one operator",
		Long: `Compute CB, PLA, CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, CBR, CR, surplus, ICR and
sufficiency of the operator in WORKBOOK (input layout v1; see capreg template).

The factor set is chosen automatically (--factors auto): of the sets the operator is
eligible for at its data base (padrao, reduzido, promoprev, parto_adequado, aps), the one
with the lowest CRS. --explain adds the explanation tree: every figure with its formula,
its input cells (Sheet!Cell) and its parameters with status and source.

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg calc examples/operadora-exemplo.xlsx
  capreg calc operadora.xlsx --explain
  capreg calc operadora.xlsx --out resultado.json
  capreg calc operadora.xlsx --factors padrao --rules regras.yaml --fail-on-insufficient`,
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
			if err := checkOutputFactors(s, set, &o.Output, o.Out, o.Factors); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runCalc(cmd, s, o)
		},
	}
	cmd.Flags().StringVar(&o.Factors, "factors", capital.Auto, "factor set: auto, "+strings.Join(capital.Sets(), ", "))
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.Explain, "explain", false, "include the explanation tree (formula, input cells, parameters of every figure)")
	cmd.Flags().BoolVar(&o.FailOnInsufficient, "fail-on-insufficient", false, "exit 3 when PLA < CR (for CI gates)")
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

// outputHelp tells how a command's output is chosen, for its --help.
const outputHelp = `Output: --output (-o) chooses the format; without it, the extension of --out does
(.xlsx, .json, .jsonl, .csv, .txt/.tsv for table), else CAPREG_OUTPUT, the config file, or
table. --out never names an input, and replaces an existing file only with --force.`

// addOutputFlags adds --output (-o, one of formats), --out and --force.
func addOutputFlags(cmd *cobra.Command, output *string, formats []string, out *string, force *bool) {
	cmd.Flags().StringVarP(output, "output", "o", "table", "output format: "+strings.Join(formats, ", ")+" (without it, --out's extension chooses)")
	addOutFlags(cmd, out, force)
}

// addOutFlags adds --out and --force.
func addOutFlags(cmd *cobra.Command, out *string, force *bool) {
	cmd.Flags().StringVar(out, "out", "", "write the output to this file (atomically) instead of stdout; never an input")
	addForceFlag(cmd, force)
}

// addForceFlag adds --force.
func addForceFlag(cmd *cobra.Command, force *bool) {
	cmd.Flags().BoolVar(force, "force", false, "replace an existing output file (an input never is)")
}

// checkOutput settles --output among the calc formats, and refuses to
// write a workbook to a terminal.
func checkOutput(s Streams, set *settings, output *string, out string) error {
	if err := set.outputFormat(output, out, calcOutputs); err != nil {
		return err
	}
	if *output == "xlsx" && out == "" && s.OutTTY {
		return usageError{errors.New("--output xlsx writes a workbook: give --out FILE.xlsx (or redirect stdout)")}
	}
	return nil
}

// checkOutputFactors checks --output as checkOutput does, and --factors.
func checkOutputFactors(s Streams, set *settings, output *string, out, factors string) error {
	if err := checkOutput(s, set, output, out); err != nil {
		return err
	}
	if factors != capital.Auto && !slices.Contains(capital.Sets(), factors) {
		return usageError{fmt.Errorf("--factors %q: use auto or one of %s", factors, strings.Join(capital.Sets(), ", "))}
	}
	return nil
}

// Calculation is one workbook computed: the result, the warnings of the
// reader and the engine, and the rulebook used.
type Calculation struct {
	Result   *capital.Result
	Warnings findings.List
	Rulebook *rules.Rulebook
}

// readChecked reads a workbook (and, when benef is not "", a separate
// beneficiary file, .xlsx or .csv, streamed) and runs the model's checks on
// what was read against the rulebook, so one run reports every problem: the
// readers' findings and the checks' findings (nil input when the file is
// unreadable).
func readChecked(ctx context.Context, path, benef string, rb *rules.Rulebook) (*capital.Input, findings.List, findings.List, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, nil, nil, err
	}
	defer f.Close()
	in, read, err := workbook.Read(ctx, f)
	if err != nil {
		return nil, nil, nil, err
	}
	if in == nil {
		return nil, read, nil, nil
	}
	if benef != "" {
		if err := regular(benef); err != nil {
			return nil, nil, nil, fmt.Errorf("beneficiary file %w", err)
		}
		b, l, err := beneficiarios.Read(ctx, benef)
		if err != nil {
			return nil, nil, nil, err
		}
		for i := range l {
			l[i].File = benef
		}
		read = append(read, l...)
		if b != nil {
			in.Beneficiarios = b
		}
	}
	return in, read, capital.Check(in, rb), nil
}

// Calculate reads and computes one workbook (benef: an optional separate
// beneficiary file).
func Calculate(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options) (*Calculation, error) {
	in, read, checks, err := readChecked(ctx, path, benef, rb)
	if err != nil {
		return nil, err
	}
	if all := append(read, checks...); all.HasErrors() {
		return nil, &findings.InputError{Findings: all.Sorted()}
	}
	res, err := capital.Compute(in, rb, opt) // its warnings include the checks'
	if err != nil {
		return nil, err
	}
	return &Calculation{Result: res, Warnings: append(read.Warnings(), res.Warnings...), Rulebook: rb}, nil
}

func runCalc(cmd *cobra.Command, s Streams, o *CalcOptions) error {
	rb, err := loadRules(o.Rules)
	if err != nil {
		return err
	}
	c, err := Calculate(cmd.Context(), o.Workbook, o.Beneficiarios, rb, capital.Options{Factors: o.Factors, CoverageWeighted: o.CoverageWeighted})
	if err != nil {
		return workbookFailed(cmd.Context(), s, o.Output, o.Out, o.Workbook, o.Beneficiarios, err)
	}
	meta := report.Meta{File: o.Workbook, RulebookVer: rb.Versao, RulesFile: rb.UserFile(), Explain: o.Explain,
		Plain: !s.OutTTY || o.Out != ""}
	err = writeOutput(cmd, o.Out, s.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewDocument(c.Result, c.Warnings, meta))
		case "csv":
			return report.CalcCSV(w, report.NewDocument(c.Result, c.Warnings, meta))
		case "xlsx":
			f, err := report.XLSX(c.Result, c.Warnings, rb, meta)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Write(w)
		}
		if err := report.Table(w, c.Result, c.Warnings, meta); err != nil {
			return err
		}
		if o.Explain {
			return report.Explain(w, c.Result)
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

// addBeneficiaryFlags adds --beneficiarios and --coverage-weighted.
func addBeneficiaryFlags(cmd *cobra.Command, benef *string, weighted *bool) {
	cmd.Flags().StringVar(benef, "beneficiarios", "", "beneficiary data as a separate .xlsx (sheet Beneficiarios) or .csv (UTF-8 or Latin-1, , or ;), read streaming")
	cmd.Flags().BoolVar(weighted, "coverage-weighted", false, "scale each program's share by the fraction of beneficiaries it covers")
}

// workbookFailed is the error of a workbook that could not be computed,
// naming it; with --output json to stdout, the document a batch row
// carries for it (file, error, errors) is printed first, so a script
// reading stdout learns why.
func workbookFailed(ctx context.Context, s Streams, output, out, workbook, benef string, err error) error {
	if output == "json" && (out == "" || out == "-") && ctx.Err() == nil {
		row := &report.BatchRow{File: workbook, Beneficiarios: benef}
		rowFailed(row, err)
		_ = report.BatchJSONLine(s.Out, row) // a failed write is run's to report, from the stream
	}
	return inWorkbook(workbook, err)
}

// inWorkbook names the workbook in an error from reading or computing it,
// unless the error is about the workbook file itself and names it already.
func inWorkbook(workbook string, err error) error {
	if fe := (fileError{}); errors.As(err, &fe) && fe.path == workbook {
		return err
	}
	return fileError{workbook, err}
}

// rowFailed records in row why its workbook could not be computed: its
// error findings and the first of them in one line, or the error.
func rowFailed(row *report.BatchRow, err error) {
	var ie *findings.InputError
	if !errors.As(err, &ie) {
		row.Error = err.Error()
		return
	}
	row.Findings = ie.Findings.Errors()
	row.Error = row.Findings[0].String()
	if n := len(row.Findings); n > 1 {
		row.Error += fmt.Sprintf(" (and %d more)", n-1)
	}
}

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
}

var calcOutputs = []string{"table", "json", "csv", "xlsx"}

// NewCmdCalc builds capreg calc; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdCalc(s Streams, runF func(context.Context, *CalcOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "calc WORKBOOK",
		Short: "Compute the regulatory capital of one operator",
		Long: `Compute CB, PLA, CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, CBR, CR, surplus, ICR and
sufficiency of the operator in WORKBOOK (input layout v1; see capreg template).

The factor set is chosen automatically (--factors auto): of the sets the operator is
eligible for at its data base (padrao, reduzido, promoprev, parto_adequado, aps), the one
with the lowest CRS. --explain adds the explanation tree: every figure with its formula,
its input cells (Sheet!Cell) and its parameters with status and source.

` + exitCodesHelp,
		Example: `  capreg calc examples/operadora-exemplo.xlsx
  capreg calc operadora.xlsx --explain
  capreg calc operadora.xlsx --output json --out resultado.json
  capreg calc operadora.xlsx --factors padrao --rules regras.yaml --fail-on-insufficient`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := config(cmd)
			if err != nil {
				return err
			}
			opts := &CalcOptions{
				Workbook:           args[0],
				Factors:            v.GetString("factors"),
				Output:             v.GetString("output"),
				Out:                v.GetString("out"),
				Explain:            v.GetBool("explain"),
				FailOnInsufficient: v.GetBool("fail-on-insufficient"),
				Rules:              v.GetString("rules"),
				Beneficiarios:      v.GetString("beneficiarios"),
				CoverageWeighted:   v.GetBool("coverage-weighted"),
			}
			if err := checkOutputFactors(s, opts.Output, opts.Out, opts.Factors); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCalc(cmd, s, opts)
		},
	}
	cmd.Flags().String("factors", capital.Auto, "factor set: auto, "+strings.Join(capital.Sets(), ", "))
	cmd.Flags().StringP("output", "o", "table", "output format: "+strings.Join(calcOutputs, ", "))
	cmd.Flags().String("out", "", "write the output to this file (atomically) instead of stdout")
	cmd.Flags().Bool("explain", false, "include the explanation tree (formula, input cells, parameters of every figure)")
	cmd.Flags().Bool("fail-on-insufficient", false, "exit 3 when PLA < CR (for CI gates)")
	addBeneficiaryFlags(cmd)
	return cmd
}

// checkOutput checks --output against the calc formats, and that a
// workbook is not about to be written to a terminal.
func checkOutput(s Streams, output, out string) error {
	if !slices.Contains(calcOutputs, output) {
		return usageError{fmt.Errorf("--output %q: use one of %s", output, strings.Join(calcOutputs, ", "))}
	}
	if output == "xlsx" && out == "" && s.OutTTY {
		return usageError{errors.New("--output xlsx writes a workbook: give --out FILE.xlsx (or redirect stdout)")}
	}
	return nil
}

// checkOutputFactors checks --output as checkOutput does, and --factors.
func checkOutputFactors(s Streams, output, out, factors string) error {
	if err := checkOutput(s, output, out); err != nil {
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
// what was read, so one run reports every problem: the readers' findings
// and the checks' findings (nil input when the file is unreadable).
func readChecked(ctx context.Context, path, benef string) (*capital.Input, findings.List, findings.List, error) {
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
	return in, read, capital.Check(in), nil
}

// Calculate reads and computes one workbook (benef: an optional separate
// beneficiary file).
func Calculate(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options) (*Calculation, error) {
	in, read, checks, err := readChecked(ctx, path, benef)
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
		return err
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
func addBeneficiaryFlags(cmd *cobra.Command) {
	cmd.Flags().String("beneficiarios", "", "beneficiary data as a separate .xlsx (sheet Beneficiarios) or .csv (UTF-8 or Latin-1, , or ;), read streaming")
	cmd.Flags().Bool("coverage-weighted", false, "scale each program's share by the fraction of beneficiaries it covers")
}

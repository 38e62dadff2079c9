package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/report"
)

// CompareOptions are the settings of capreg compare.
type CompareOptions struct {
	Workbook         string
	Output           string
	Out              string
	Rules            string
	Beneficiarios    string
	CoverageWeighted bool
	Force            bool // --out may replace an existing file
}

// NewCmdCompare builds capreg compare.
func NewCmdCompare(s Streams) *cobra.Command {
	o := &CompareOptions{}
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
			return runCompare(cmd, s, o)
		},
	}
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.Out, &o.Force)
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

// Compare computes one workbook under every factor set.
func Compare(ctx context.Context, path string, o *CompareOptions, meta report.Meta) (*report.Comparison, error) {
	rb, err := loadRules(o.Rules)
	if err != nil {
		return nil, err
	}
	in, read, checks, err := readChecked(ctx, path, o.Beneficiarios, rb)
	if err != nil {
		return nil, err
	}
	if all := append(read, checks...); all.HasErrors() {
		return nil, &findings.InputError{Findings: all.Sorted()}
	}
	c := &report.Comparison{Meta: meta, Warning: read.Warnings()}
	if c.Auto, err = capital.Compute(in, rb, capital.Options{CoverageWeighted: o.CoverageWeighted}); err != nil {
		return nil, err
	}
	for _, set := range capital.Sets() {
		r, err := capital.Compute(in, rb, capital.Options{Factors: set, CoverageWeighted: o.CoverageWeighted})
		if err != nil {
			return nil, err
		}
		c.BySet = append(c.BySet, r)
	}
	return c, nil
}

func runCompare(cmd *cobra.Command, s Streams, o *CompareOptions) error {
	rb, err := loadRules(o.Rules)
	if err != nil {
		return err
	}
	meta := report.Meta{File: o.Workbook, RulebookVer: rb.Versao, RulesFile: rb.UserFile(), Plain: !s.OutTTY || o.Out != ""}
	c, err := Compare(cmd.Context(), o.Workbook, o, meta)
	if err != nil {
		return workbookFailed(cmd.Context(), s, o.Output, o.Out, o.Workbook, o.Beneficiarios, err)
	}
	return writeOutput(cmd, o.Out, s.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return report.JSON(w, c.Document())
		case "csv":
			return report.CompareCSV(w, c)
		case "xlsx":
			f, err := report.CompareXLSX(c, rb)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Write(w)
		}
		return report.CompareTable(w, c)
	})
}

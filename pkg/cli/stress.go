package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// StressOptions are the streams and settings of capreg stress.
type StressOptions struct {
	workbookOptions
	Factors            string
	Cenarios           string // the cenarios file, "" for the built-in set
	FailOnInsufficient bool
}

// NewCmdStress builds capreg stress; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdStress(s Streams, runF func(context.Context, *StressOptions) error) *cobra.Command {
	o := &StressOptions{workbookOptions: workbookOptions{IO: s}}
	cmd := &cobra.Command{
		Use:   "stress WORKBOOK",
		Short: "The operator under named stress scenarios side by side, the base first",
		Long: `Compute the operator in WORKBOOK as capreg calc does (the base), then under each
scenario: a set of factors multiplying groups of its input values. Every scenario is
computed like calc (eligibility and factor set included, under --factors and --rules),
and shown side by side with the base: every figure, the change of the surplus, ICR and
sufficiency.

The groups: pl (PLA!pl), deducoes (the six PLA deductions), contraprestacoes (every
value of Contraprestacoes), eventos, abi, remissao (the four Remissao values), credito
(the nine amounts of Credito_Operadoras, Credito_Seguros and Credito_Ativos exposicao),
mercado (Mercado_ALM and Mercado_Ativos valor), operacional (both Operacional values).

--cenarios FILE.yaml names the scenarios (see examples/cenarios.yaml):

  cenarios:
    - nome: Sinistralidade +15%      # unique: the column's name
      descricao: eventos sobem 15%   # optional
      eventos: 1.15                  # group: factor (+15%)
    - nome: Queda do PL
      pl: 0.80                       # −20%

Without it, the built-in set: contraprestações +10%, eventos +10%, PL −10%,
crédito +25%, mercado +25%, and all of them together. A factor is a decimal above 0
and at most 100 (1.10 is +10%); a misspelt group or a bad factor is an error naming
the file and the line. --fail-on-insufficient exits 3 when the base or any scenario
has PLA < CR (a CI stress gate).

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg stress examples/operadora-exemplo.xlsx
  capreg stress operadora.xlsx --cenarios examples/cenarios.yaml
  capreg stress operadora.xlsx --out estresse.xlsx
  capreg stress operadora.xlsx --cenarios cenarios.yaml --fail-on-insufficient`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeArgs(1, workbookExts...),
		RunE: runE(o, func(set *settings, args []string) error {
			if err := o.completeWith(set, args, inputFile{lang.M("the cenarios file"), o.Cenarios}); err != nil {
				return err
			}
			return checkFactors(o.Factors)
		}, runF, runStress),
	}
	cmd.Flags().StringVar(&o.Cenarios, "cenarios", "", "the scenarios (YAML; see examples/cenarios.yaml); default the built-in set")
	completeFlag(cmd, "cenarios", completeFiles(yamlExts...))
	addFactorsFlag(cmd, &o.Factors)
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.CSVExcel, &o.Out, &o.Force)
	addFailOnInsufficientFlag(cmd, &o.FailOnInsufficient, "the base's or any scenario's ")
	addBeneficiaryFlags(cmd, &o.Beneficiarios, &o.CoverageWeighted)
	return cmd
}

func runStress(ctx context.Context, o *StressOptions) error {
	sc, err := app.ReadScenarios(o.Cenarios, o.Lang)
	if err != nil {
		return err
	}
	st, err := compute(ctx, &o.workbookOptions, func(rb *rules.Rulebook) (*app.StressTest, error) {
		return app.Stress(ctx, o.Workbook, o.Beneficiarios, rb, capital.Options{Factors: o.Factors, CoverageWeighted: o.CoverageWeighted}, sc)
	}, func(w io.Writer, st *app.StressTest, rb *rules.Rulebook, meta report.Meta) error {
		switch o.Output {
		case "json":
			return report.JSON(w, report.NewStressDocument(st, meta))
		case "csv":
			return report.StressCSV(w, st, meta, csvDialect(o.CSVExcel))
		case "xlsx":
			return xlsxWriter(report.StressXLSX(st, rb, meta))(w)
		}
		return report.StressTable(w, st, meta)
	})
	if err != nil {
		return err
	}
	if bad := st.Insufficient(o.Lang.T(lang.StressBase)); o.FailOnInsufficient && len(bad) > 0 {
		return lang.Errorf("insufficient under %s: %w", strings.Join(bad, ", "), errInsufficient)
	}
	return nil
}

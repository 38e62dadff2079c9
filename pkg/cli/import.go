package cli

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
)

// ImportOptions are the streams and settings of capreg import.
type ImportOptions struct {
	IO Streams
	balanceteOptions
	Base  string
	Out   string
	Rules string
	Force bool      // --out may replace an existing file
	Lang  lang.Lang // --lang, the root's
}

// NewCmdImport builds capreg import; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdImport(s Streams, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	o := &ImportOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "import --balancete FILE... [--diops FILE.xml...] --out NEW.xlsx",
		Short: "Write the input workbook from the operator's balancetes and DIOPS-XML, with the origin of every number",
		Long: `Write a new input workbook (layout v1) from the operator's accounts: its balancetes (the ANS
open data of a quarter, ERP exports as .csv or .xlsx) and its DIOPS-XML files.

PLA and Operacional come from the balances at the data base and the 12-month totals;
Contraprestacoes and Eventos from the monthly flows of the 12 months ending at the data base
(monthly balancetes only: a quarter is never spread over months); Remissao (ca_*),
Credito_Operadoras, the fund rows of Credito_Ativos and Mercado_ALM from the DIOPS quadros of
the data base. Which accounts each field takes is the rulebook's section balancete (capreg
rules show; a rules file overrides it). Every filled cell has a comment naming its accounts (or
DIOPS element), file and period; the sheet Origem lists them all with each account's value
and the mapping's status. What the accounts cannot give (the rest of Operadora, ABI,
Remissao.pr_*, graus de risco, ...) is listed on stderr; --base WORKBOOK copies it from a
workbook (last month's, say).

The accounts are checked: an unparsable number, a non-numeric account code, an account twice
in one file and month, a month of the window missing, a monthly flow that cannot be built,
several operators without --registro, a DIOPS element present but unparsable, two sources
disagreeing on one month block the import (exit 2, no file written, every finding printed
with its file and line or element); a month that does not balance is a warning.

--data-base defaults to the latest month of the balancetes. --out never names an input, and
replaces an existing file only with --force.

` + exitCodesHelp,
		Example: `  capreg import --balancete erp/ --diops diops-3T2025.xml --out operadora-2025-09.xlsx
  capreg import --balancete 'erp/balancete-*.csv' --diops diops-3T2025.xml --out operadora-2025-09.xlsx
  capreg import --balancete 3T2025.csv --balancete 4T2024.csv --balancete 3T2024.csv --registro 412345 \
      --base operadora-2025-06.xlsx --out operadora-2025-09.xlsx`,
		Args: noArgs,
		RunE: runE(o, o.complete, runF, runImport),
	}
	addBalanceteFlags(cmd, &o.balanceteOptions)
	cmd.Flags().StringVar(&o.Base, "base", "", "a workbook whose fields the accounts cannot give are copied (the derivable ones are refreshed)")
	completeFlag(cmd, "base", completeFiles(workbookExts...))
	addOutFlags(cmd, &o.Out, "the workbook to write (.xlsx), whole or not at all; never an input", &o.Force)
	return cmd
}

// complete checks the flags and the files.
func (o *ImportOptions) complete(set *settings, _ []string) error {
	o.Rules, o.Lang = set.rules, set.lang
	switch {
	case !o.given():
		return usageError{lang.Errorf("import needs the operator's balancetes: --balancete FILE (repeat it) and/or --diops FILE.xml")}
	case o.Out == "" || o.Out == "-":
		return usageError{lang.Errorf("import writes a workbook: give --out NEW.xlsx")}
	case !strings.EqualFold(filepath.Ext(o.Out), ".xlsx"):
		return usageError{lang.Errorf("--out %s: import writes a workbook; give a name ending in .xlsx", o.Out)}
	}
	if err := o.check(); err != nil {
		return err
	}
	return set.guard(o.Force, []string{o.Out}, append(o.inputs(), inputFile{lang.M("the base workbook"), o.Base})...)
}

func runImport(ctx context.Context, o *ImportOptions) error {
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		return err
	}
	opt := o.importOptions(rb)
	opt.Base = o.Base
	im, err := app.Import(ctx, opt)
	if err != nil {
		return err
	}
	if im.Blocked() {
		if err := report.FindingLines(o.IO.Err, o.Lang, im.Findings); err != nil {
			return err
		}
		return errFindings
	}
	if err := safeWrite(ctx, o.Out, xlsxWriter(report.ImportWorkbook(im, o.Lang))); err != nil {
		return err
	}
	if err := report.FindingLines(o.IO.Err, o.Lang, im.Findings); err != nil {
		return err
	}
	return report.ImportSummary(o.IO.Err, im, o.Out, o.Lang)
}

package cli

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
)

// ValidateOptions are the streams and settings of capreg validate.
type ValidateOptions struct {
	IO        Streams
	Files     []string
	Output    string
	CSVExcel  bool // --csv-excel
	Out       string
	Strict    bool
	RulesList bool
	Rules     string
	Force     bool      // --out may replace an existing file
	Lang      lang.Lang // --lang, the root's
	balanceteOptions
}

// errFindings is a validation that found errors (or warnings with --strict).
var errFindings = errors.New("validation failed")

// NewCmdValidate builds capreg validate; runF replaces the run (tests of
// flag parsing), nil runs it.
func NewCmdValidate(s Streams, runF func(context.Context, *ValidateOptions) error) *cobra.Command {
	o := &ValidateOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "validate WORKBOOK...",
		Short: "Check workbooks without computing: every finding with Sheet!Cell, code, severity and fix",
		Long: `Check one or more input workbooks (layout v1) and report every finding of every file in
one run: structure (sheets, columns, campos), values (numbers, dates, codes, ranges), the
12-month windows, the consistency of dates, PLA and beneficiary data, and what the rulebook
(--rules) cannot serve: a capital de referência for the data base (and one more than 12
months old), a factor for each grau de risco. Each finding has the file, Sheet!Cell (or
sheet and column), a stable code, its severity, the message and the fix. --rules-list
prints the catalogue of every check.

validate reads and computes each workbook as calc does, so it reports every error and every
warning calc would print for it with the same --rules and no other option, except two
notices about the rulebook rather than the workbook: CR-W005 (the result uses provisional parameters) and CR-W009
(proposal parameters). With the shipped rulebook nearly every result uses provisional
values, which calc marks on each figure; capreg rules show lists them.

For CI: --output junit writes a JUnit XML test report (a test case per file, failing with
its errors listed), --output github a GitHub Actions annotation per finding.

Exit 0 when no file has an error (warnings allowed), 2 otherwise. --strict fails (exit 2)
on any warning too: a workbook that passes validate --strict gets no warning from calc
but CR-W005 and CR-W009.

--balancete FILE (and --diops FILE.xml, --registro, --data-base, as capreg import takes them)
checks every workbook against the operator's accounts as well: every field the accounts give
(PLA, Operacional, Contraprestacoes, Eventos, and the DIOPS quadros) that differs by more than
R$ 0,01 is a warning CR-W053 naming the cell, both values, the accounts and the period; with
--strict an error. This is the CI gate "the capital workbook agrees with the filed accounts".
Accounts that cannot be read (the findings capreg import blocks on) fail the run (exit 2).

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg validate operadora.xlsx
  capreg validate filings/*.xlsx --output json
  capreg validate operadora.xlsx --strict
  capreg validate filings/*.xlsx --output junit --out validate.xml
  capreg validate filings/*.xlsx --output github   # annotations in a GitHub Actions step
  capreg validate operadora.xlsx --balancete erp/balancete-2025-09.csv --diops diops-3T2025.xml --strict
  capreg validate --rules-list`,
		ValidArgsFunction: completeArgs(0, workbookExts...),
		RunE:              runE(o, o.complete, runF, runValidate),
	}
	addOutputFlags(cmd, &o.Output, validateOutputs, &o.CSVExcel, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "fail (exit 2) on warnings too: every warning calc would print but the rulebook notices CR-W005, CR-W009")
	cmd.Flags().BoolVar(&o.RulesList, "rules-list", false, "print the catalogue of checks (code, severity, rule, fix)")
	addBalanceteFlags(cmd, &o.balanceteOptions)
	return cmd
}

// complete takes the workbooks from args and the rules file from set, and
// checks the files and --output.
func (o *ValidateOptions) complete(set *settings, args []string) error {
	o.Files, o.Rules, o.Lang = args, set.rules, set.lang
	if err := o.check(); err != nil {
		return err
	}
	if err := set.guard(o.Force, []string{o.Out}, append(inputFiles(lang.M("a workbook to validate"), args), o.inputs()...)...); err != nil {
		return err
	}
	formats := validateOutputs
	if o.RulesList {
		formats = textOutputs
	}
	if err := set.outputFormat(&o.Output, o.Out, formats); err != nil {
		return err
	}
	if !o.RulesList && len(args) == 0 {
		return usageError{lang.Errorf("validate needs at least one WORKBOOK (or --rules-list)")}
	}
	return nil
}

func runValidate(ctx context.Context, o *ValidateOptions) error {
	if o.RulesList {
		return writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error { return writeCatalogue(w, o.Output, csvDialect(o.CSVExcel), o.Lang) })
	}
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		return err
	}
	check := func(ctx context.Context, f string) app.FileReport { return app.Validate(ctx, f, rb) }
	if o.given() {
		im, err := app.Import(ctx, o.importOptions(rb))
		if err != nil {
			return err
		}
		if err := report.FindingLines(o.IO.Err, o.Lang, im.Findings); err != nil {
			return err
		}
		if im.Blocked() {
			return errFindings
		}
		check = func(ctx context.Context, f string) app.FileReport { return app.CheckAccounts(ctx, f, im, rb) }
	}
	return validateFiles(ctx, o.IO, "capreg validate", o.Files, o.Output, csvDialect(o.CSVExcel), o.Out, o.Strict, o.Lang, check)
}

// validateFiles checks every file with check, writes the report in the
// format asked (CSV in dialect; JUnit's suite named after the command; the
// findings, and a table's words, in language l) and fails (exit 2) on errors, or on warnings when
// strict.
func validateFiles(ctx context.Context, s Streams, command string, files []string, output string, dialect report.CSVDialect, out string, strict bool, l lang.Lang, check func(context.Context, string) app.FileReport) error {
	reps, err := app.ValidateEach(ctx, files, check)
	if err != nil {
		return err
	}
	for i := range reps { // every format speaks l, the JSON's and CSV's texts too
		reps[i].Findings = reps[i].Findings.In(l)
	}
	err = writeOutput(ctx, out, s.Out, func(w io.Writer) error {
		switch output {
		case "json":
			return report.ValidateJSON(w, reps)
		case "csv":
			return report.ValidateCSV(w, reps, dialect)
		case "junit":
			return report.ValidateJUnit(w, reps, command, strict, l)
		case "github":
			return report.ValidateGitHub(w, reps)
		}
		return report.ValidateTable(w, reps, l)
	})
	if err != nil {
		return err
	}
	for _, r := range reps {
		if r.Errors > 0 || (strict && r.Warnings > 0) {
			return errFindings
		}
	}
	return nil
}

// writeCatalogue writes the catalogue of checks in format (CSV in d, a
// table in language l).
func writeCatalogue(w io.Writer, format string, d report.CSVDialect, l lang.Lang) error {
	switch cat := findings.CatalogueIn(l); format {
	case "json":
		return report.JSON(w, cat)
	case "csv":
		return report.CatalogueCSV(w, cat, d)
	default:
		return report.CatalogueTable(w, cat, l)
	}
}

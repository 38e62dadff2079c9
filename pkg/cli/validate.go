package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// ValidateOptions are the settings of capreg validate.
type ValidateOptions struct {
	Files     []string
	Output    string
	Out       string
	Strict    bool
	RulesList bool
	Rules     string
	Force     bool // --out may replace an existing file
}

var validateOutputs = []string{"table", "json", "csv"}

// errFindings is a validation that found errors (or warnings with --strict).
var errFindings = errors.New("validation failed")

// NewCmdValidate builds capreg validate.
func NewCmdValidate(s Streams) *cobra.Command {
	o := &ValidateOptions{}
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

Exit 0 when no file has an error (warnings allowed), 2 otherwise. --strict fails (exit 2)
on any warning too: a workbook that passes validate --strict gets no warning from calc
but CR-W005 and CR-W009.

` + outputHelp + `

` + exitCodesHelp,
		Example: `  capreg validate operadora.xlsx
  capreg validate filings/*.xlsx --output json
  capreg validate operadora.xlsx --strict
  capreg validate --rules-list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			o.Files, o.Rules = args, set.rules
			if err := set.guard(o.Force, []string{o.Out}, inputFiles("a workbook to validate", args)...); err != nil {
				return err
			}
			if err := set.outputFormat(&o.Output, o.Out, validateOutputs); err != nil {
				return err
			}
			if o.RulesList {
				return writeOutput(cmd, o.Out, s.Out, func(w io.Writer) error { return writeCatalogue(w, o.Output) })
			}
			if len(args) == 0 {
				return usageError{errors.New("validate needs at least one WORKBOOK (or --rules-list)")}
			}
			return runValidate(cmd, s, o)
		},
	}
	addOutputFlags(cmd, &o.Output, validateOutputs, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "fail (exit 2) on warnings too: every warning calc would print but the rulebook notices CR-W005, CR-W009")
	cmd.Flags().BoolVar(&o.RulesList, "rules-list", false, "print the catalogue of checks (code, severity, rule, fix)")
	return cmd
}

// inputFiles are paths a command reads, all in one role.
func inputFiles(role string, paths []string) []inputFile {
	files := make([]inputFile, len(paths))
	for i, p := range paths {
		files[i] = inputFile{role, p}
	}
	return files
}

// FileReport is the validation of one file.
type FileReport struct {
	File     string        `json:"file"`
	Valid    bool          `json:"valid"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings findings.List `json:"findings"`
}

// rulebookNotices are calc's notices about the rulebook rather than the
// workbook: the result used provisional (CR-W005) or proposal (CR-W009)
// parameters. With the shipped rulebook nearly every result uses
// provisional ones (the capital de referência points, CRC, CRM and CRO
// factors), which calc marks on every figure, and only a rules file changes
// that: validate leaves them out, so --strict fails on what the workbook can
// fix.
var rulebookNotices = []string{findings.ProvisionalParams, findings.ProposalParams}

// Validate checks one workbook as calc reads and computes it (the same
// Calculate): the reader's findings, the model's checks, the errors
// computing it meets, and every warning calc would print for it but the
// rulebook notices.
func Validate(path string, rb *rules.Rulebook) FileReport {
	rep := FileReport{File: path}
	var l findings.List
	c, err := Calculate(context.Background(), path, "", rb, capital.Options{})
	var ie *findings.InputError
	switch {
	case errors.As(err, &ie):
		l = ie.Findings
	case errors.Is(err, capital.ErrRules):
		l.Add(findings.New(findings.Unreadable, "", "", err.Error(), "check the rules file"))
	case err != nil:
		l.Add(unreadable(err))
	default:
		l = slices.DeleteFunc(c.Warnings, func(f findings.Finding) bool { return slices.Contains(rulebookNotices, f.Code) })
	}
	rep.set(l)
	return rep
}

// unreadable is the finding of a file that cannot be read at all.
func unreadable(err error) findings.Finding {
	return findings.New(findings.Unreadable, "", "", err.Error(), "")
}

// set records the findings of the report's file.
func (rep *FileReport) set(l findings.List) {
	for i := range l {
		l[i].File = rep.File
	}
	rep.Findings = l.Sorted()
	rep.Errors, rep.Warnings = len(l.Errors()), len(l.Warnings())
	rep.Valid = rep.Errors == 0
}

func runValidate(cmd *cobra.Command, s Streams, o *ValidateOptions) error {
	rb, err := loadRules(o.Rules)
	if err != nil {
		return err
	}
	return validateFiles(cmd, s, o.Files, o.Output, o.Out, o.Strict, func(f string) FileReport { return Validate(f, rb) })
}

// validateFiles checks every file with check, writes the report in the
// format asked and fails (exit 2) on errors, or on warnings when strict.
func validateFiles(cmd *cobra.Command, s Streams, files []string, output, out string, strict bool, check func(string) FileReport) error {
	var reps []FileReport
	failed := false
	for _, f := range files {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		r := check(f)
		reps = append(reps, r)
		failed = failed || r.Errors > 0 || (strict && r.Warnings > 0)
	}
	err := writeOutput(cmd, out, s.Out, func(w io.Writer) error {
		switch output {
		case "json":
			return writeValidateJSON(w, reps)
		case "csv":
			return writeValidateCSV(w, reps)
		}
		return writeValidateTable(w, reps)
	})
	if err != nil {
		return err
	}
	if failed {
		return errFindings
	}
	return nil
}

func writeValidateTable(w io.Writer, reps []FileReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	errs, warns := 0, 0
	for _, r := range reps {
		verdict := "valid"
		if !r.Valid {
			verdict = "INVALID"
		}
		fmt.Fprintf(tw, "%s: %s — %d errors, %d warnings\n", r.File, verdict, r.Errors, r.Warnings)
		for _, f := range r.Findings {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s (fix: %s)\n", orDash(f.Where()), f.Code, f.Severity, f.Message, f.Fix)
		}
		errs, warns = errs+r.Errors, warns+r.Warnings
	}
	fmt.Fprintf(tw, "%d files, %d errors, %d warnings\n", len(reps), errs, warns)
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeValidateJSON(w io.Writer, reps []FileReport) error {
	doc := struct {
		SchemaVersion string       `json:"schema_version"`
		Files         []FileReport `json:"files"`
		Errors        int          `json:"errors"`
		Warnings      int          `json:"warnings"`
	}{SchemaVersion: report.SchemaVersion, Files: reps}
	for i, r := range reps {
		if r.Findings == nil {
			doc.Files[i].Findings = findings.List{}
		}
		doc.Errors += r.Errors
		doc.Warnings += r.Warnings
	}
	return report.JSON(w, doc)
}

func writeValidateCSV(w io.Writer, reps []FileReport) error {
	var rows [][]string
	for _, r := range reps {
		for _, f := range r.Findings {
			rows = append(rows, []string{f.File, f.Sheet, f.Cell, f.Column, f.Code, string(f.Severity), f.Message, f.Fix})
		}
	}
	return report.CSV(w, []string{"file", "sheet", "cell", "column", "code", "severity", "message", "fix"}, rows, nil)
}

func writeCatalogue(w io.Writer, format string) error {
	cat := findings.Catalogue()
	switch format {
	case "json":
		return report.JSON(w, cat)
	case "csv":
		var rows [][]string
		for _, c := range cat {
			rows = append(rows, []string{c.Code, string(c.Severity), c.Rule, c.Fix})
		}
		return report.CSV(w, []string{"code", "severity", "rule", "fix"}, rows, nil)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "CODE\tSEVERITY\tRULE\tFIX\n")
	for _, c := range cat {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Code, c.Severity, c.Rule, c.Fix)
	}
	return tw.Flush()
}

package report

import (
	"fmt"
	"io"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// ValidateTable writes the validation of each file for a person, in
// language l: its verdict and counts, then every finding with its place,
// code, severity, message and fix; the totals last.
func ValidateTable(w io.Writer, reps []app.FileReport, l lang.Lang) error {
	tw := columns(w)
	errs, warns := 0, 0
	for _, r := range reps {
		verdict := l.T(lang.ValidateValid)
		if !r.Valid {
			verdict = l.T(lang.ValidateBad)
		}
		fmt.Fprintln(tw, l.T(lang.ValidateFile, r.File, verdict, l.Quantity(r.Errors, lang.SevError), l.Quantity(r.Warnings, lang.SevWarning)))
		for _, f := range r.Findings.In(l) {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", orDash(f.Where()), f.Code, f.Severity.In(l), l.T(lang.FindingFix, f.Message, f.Fix))
		}
		errs, warns = errs+r.Errors, warns+r.Warnings
	}
	fmt.Fprintln(tw, l.T(lang.ValidateTotals, l.Quantity(len(reps), lang.FileNoun), l.Quantity(errs, lang.SevError), l.Quantity(warns, lang.SevWarning)))
	return tw.Flush()
}

// orDash is s, or "-" for nothing.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// validateFile is a file in the validate JSON.
type validateFile struct {
	File     string        `json:"file"`
	Valid    bool          `json:"valid"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings findings.List `json:"findings"`
}

// ValidateJSON writes the validate JSON: every file with its findings, and
// the totals.
func ValidateJSON(w io.Writer, reps []app.FileReport) error {
	doc := struct {
		SchemaVersion string         `json:"schema_version"`
		Files         []validateFile `json:"files"`
		Errors        int            `json:"errors"`
		Warnings      int            `json:"warnings"`
	}{SchemaVersion: SchemaVersion}
	for _, r := range reps {
		f := validateFile{File: r.File, Valid: r.Valid, Errors: r.Errors, Warnings: r.Warnings, Findings: r.Findings}
		if f.Findings == nil {
			f.Findings = findings.List{}
		}
		doc.Files = append(doc.Files, f)
		doc.Errors += r.Errors
		doc.Warnings += r.Warnings
	}
	return JSON(w, doc)
}

// ValidateCSV writes one row per finding of every file.
func ValidateCSV(w io.Writer, reps []app.FileReport, d CSVDialect) error {
	var rows [][]string
	for _, r := range reps {
		for _, f := range r.Findings {
			rows = append(rows, []string{f.File, f.Sheet, f.Cell, f.Column, f.Code, string(f.Severity), f.Message, f.Fix})
		}
	}
	return writeCSV(w, d, []string{"file", "sheet", "cell", "column", "code", "severity", "message", "fix"}, rows, nil)
}

// CatalogueTable writes the catalogue of checks (capreg validate
// --rules-list) for a person, its headings and severities in language l;
// JSON writes it for programs.
func CatalogueTable(w io.Writer, cat []findings.Entry, l lang.Lang) error {
	rows := catalogueRows(cat)
	for i, c := range cat {
		rows[i][1] = c.Severity.In(l)
	}
	return listing(w, headings(l, lang.Code, lang.Severity, lang.Rule, lang.Fix), rows)
}

// CatalogueCSV writes the catalogue of checks, one row per check.
func CatalogueCSV(w io.Writer, cat []findings.Entry, d CSVDialect) error {
	return writeCSV(w, d, []string{"code", "severity", "rule", "fix"}, catalogueRows(cat), nil)
}

// catalogueRows are the checks' cells: code, severity, rule, fix.
func catalogueRows(cat []findings.Entry) [][]string {
	var rows [][]string
	for _, c := range cat {
		rows = append(rows, []string{c.Code, string(c.Severity), c.Rule, c.Fix})
	}
	return rows
}

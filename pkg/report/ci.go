package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// The CI formats: JUnit XML (GitLab, Jenkins and most CI systems show it as
// a test report) and GitHub Actions workflow commands (annotations on the
// files). A file is a test case; its findings are the case's one failure
// (JUnit) or one annotation each (GitHub).

// junitCase is a <testcase>: at most one <failure> (a finding of the
// input) or <error> (a bug of capreg's, in a batch), as both the Ant JUnit
// schema (GitLab) and Jenkins' junit-10.xsd accept.
type junitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
	Error     *junitFailure `xml:"error"`
}

// junitFailure is the failure (or error) of a test case: a message that
// counts the findings, and a text that lists every one.
type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitSuiteStart is the start tag of the run's <testsuite>.
func junitSuiteStart(w io.Writer, name string, tests, failures, errs int) error {
	_, err := fmt.Fprintf(w, "%s<testsuite name=%s tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
		xml.Header, quoteAttr(name), tests, failures, errs)
	return err
}

// quoteAttr is s as a quoted XML attribute value.
func quoteAttr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	_ = xml.EscapeText(&b, []byte(s))
	b.WriteByte('"')
	return b.String()
}

// writeCase writes a test case, indented, on its own lines.
func writeCase(w io.Writer, c junitCase) error {
	b, err := xml.MarshalIndent(c, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// findingsText lists findings one a line, in language l: code, severity,
// place, message and fix.
func findingsText(l lang.Lang, fs []findings.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		f := f.In(l)
		fmt.Fprintf(&b, "%s %s %s: %s\n", f.Code, f.Severity.In(l), orDash(f.Where()), l.T(lang.FindingFix, f.Message, f.Fix))
	}
	return b.String()
}

// validateCase is the test case of a validated file: a failure when it has
// errors, or warnings when strict, listing them (in language l).
func validateCase(r app.FileReport, classname string, strict bool, l lang.Lang) junitCase {
	c := junitCase{Name: r.File, Classname: classname}
	failing := r.Errors > 0 || (strict && r.Warnings > 0)
	if !failing {
		return c
	}
	listed := r.Findings
	if !strict {
		listed = r.Findings.Errors()
	}
	msg := l.Quantity(r.Errors, lang.SevError)
	if strict {
		msg += ", " + l.Quantity(r.Warnings, lang.SevWarning)
	}
	c.Failure = &junitFailure{Message: msg, Type: "validation", Text: findingsText(l, listed)}
	return c
}

// ValidateJUnit writes the validation as a JUnit XML document: one
// <testsuite> named suite, one <testcase> per file (classname suite), a
// <failure> for a file with errors (strict: or warnings), its words in
// language l.
func ValidateJUnit(w io.Writer, reps []app.FileReport, suite string, strict bool, l lang.Lang) error {
	cases := make([]junitCase, len(reps))
	failures := 0
	for i, r := range reps {
		cases[i] = validateCase(r, suite, strict, l)
		if cases[i].Failure != nil {
			failures++
		}
	}
	if err := junitSuiteStart(w, suite, len(reps), failures, 0); err != nil {
		return err
	}
	for _, c := range cases {
		if err := writeCase(w, c); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "</testsuite>\n")
	return err
}

// githubEscaper escapes a workflow command's data; githubPropEscaper a
// property's value, where ':' and ',' are syntax too.
var (
	githubEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubLine writes a workflow command annotating file: ::error (or
// ::warning) file=F,title=TITLE::text.
func githubLine(w io.Writer, level, file, title, text string) error {
	_, err := fmt.Fprintf(w, "::%s file=%s,title=%s::%s\n", level,
		githubPropEscaper.Replace(file), githubPropEscaper.Replace(title), githubEscaper.Replace(text))
	return err
}

// githubFinding writes a finding of file as an annotation: ::error for an
// error, ::warning for a warning; Sheet!Cell message — fix.
func githubFinding(w io.Writer, file string, f findings.Finding) error {
	level := "warning"
	if f.Severity == findings.Error {
		level = "error"
	}
	text := f.Message + " — " + f.Fix
	if where := f.Where(); where != "" {
		text = where + " " + text
	}
	return githubLine(w, level, file, f.Code, text)
}

// ValidateGitHub writes every finding of every file as a GitHub Actions
// annotation, one line each.
func ValidateGitHub(w io.Writer, reps []app.FileReport) error {
	for _, r := range reps {
		for _, f := range r.Findings {
			if err := githubFinding(w, r.File, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// insufficientTitle is the title of a batch's insufficiency, which has no
// finding code, in language l (INSUFFICIENT).
func insufficientTitle(l lang.Lang) string { return strings.ToUpper(l.T(lang.Insufficient)) }

// insufficientText says in language l that an operator's PLA is below its
// CR.
func insufficientText(l lang.Lang, d *Document) string {
	return l.T(lang.CIInsufficientText, money.BRL(d.Amounts["pla"]), money.BRL(d.Amounts["cr"]), money.BRL(d.Amounts["surplus"]))
}

// BatchGitHub writes the rows of a batch as GitHub Actions annotations as
// they come: every error of a workbook not computed (or its error), every
// warning of a computed one but the rulebook notices (as validate), and an insufficient operator (an ::error with
// failOnInsufficient, else a ::warning).
type BatchGitHub struct {
	w                  io.Writer
	failOnInsufficient bool
	l                  lang.Lang
}

// NewBatchGitHub writes annotations to w, capreg's own words in language l.
func NewBatchGitHub(w io.Writer, failOnInsufficient bool, l lang.Lang) *BatchGitHub {
	return &BatchGitHub{w: w, failOnInsufficient: failOnInsufficient, l: l}
}

// Write writes the annotations of a row.
func (g *BatchGitHub) Write(r *BatchLine) error {
	d := r.Doc
	if d == nil {
		if len(r.Findings) == 0 {
			return githubLine(g.w, "error", r.File, "capreg", r.Error)
		}
		for _, f := range r.Findings {
			if err := githubFinding(g.w, r.File, f); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range d.Warnings {
		if app.RulebookNotice(f) {
			continue // as validate: the table and JSON mark them
		}
		if err := githubFinding(g.w, r.File, f); err != nil {
			return err
		}
	}
	if d.Sufficient {
		return nil
	}
	level := "warning"
	if g.failOnInsufficient {
		level = "error"
	}
	return githubLine(g.w, level, r.File, insufficientTitle(g.l), insufficientText(g.l, d))
}

// BatchJUnit writes a batch as a JUnit XML document: a <testcase> per
// workbook, failing when it was not computed (its errors listed) or, with
// failOnInsufficient, when the operator is insufficient; a bug of capreg's
// met in a workbook is an <error>. The <testsuite>
// start tag carries the counts, known only at the end: the test cases go
// to a temporary file as the rows come, and Finish writes the start tag
// and copies them after it. So memory stays small for any batch, and a
// failed workbook's every error is listed. Close it in any case.
type BatchJUnit struct {
	tmp                   *os.File
	failOnInsufficient    bool
	l                     lang.Lang
	tests, failures, errs int
}

// batchSuite is the name (and the test cases' classname) of a batch suite.
const batchSuite = "capreg batch"

// NewBatchJUnit starts a batch's JUnit document, its words in language l.
func NewBatchJUnit(failOnInsufficient bool, l lang.Lang) (*BatchJUnit, error) {
	tmp, err := os.CreateTemp("", "capreg-junit-*.xml")
	if err != nil {
		return nil, err
	}
	return &BatchJUnit{tmp: tmp, failOnInsufficient: failOnInsufficient, l: l}, nil
}

// Write adds the test case of a row.
func (j *BatchJUnit) Write(r *BatchLine) error {
	j.tests++
	l := j.l
	c := junitCase{Name: r.File, Classname: batchSuite}
	switch d := r.Doc; {
	case r.Internal:
		c.Error = &junitFailure{Message: l.T(lang.CIInternal), Type: "internal", Text: r.Error}
		j.errs++
	case d == nil && len(r.Findings) == 0:
		c.Failure = &junitFailure{Message: l.T(lang.CINotComputed), Type: "error", Text: r.Error}
	case d == nil:
		c.Failure = &junitFailure{Message: l.T(lang.CINotComputedErrors, l.Quantity(len(r.Findings), lang.SevError)), Type: "validation", Text: findingsText(l, r.Findings)}
	case !d.Sufficient && j.failOnInsufficient:
		c.Failure = &junitFailure{Message: l.T(lang.CIInsufficient), Type: "insufficient", Text: insufficientText(l, d)}
	}
	if c.Failure != nil {
		j.failures++
	}
	return writeCase(j.tmp, c)
}

// Finish writes the document to w: the suite with its counts, the test
// cases, the end tag.
func (j *BatchJUnit) Finish(w io.Writer) error {
	if err := junitSuiteStart(w, batchSuite, j.tests, j.failures, j.errs); err != nil {
		return err
	}
	if _, err := j.tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(w, j.tmp); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</testsuite>\n")
	return err
}

// Close removes the temporary file.
func (j *BatchJUnit) Close() error {
	j.tmp.Close()
	return os.Remove(j.tmp.Name())
}

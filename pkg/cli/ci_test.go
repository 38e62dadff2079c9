package cli

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The inputs of the CI formats' tests: an invalid workbook (five errors),
// a valid one, one with two warnings only; coleta sheets likewise.
var (
	ciValidateInputs = []string{"testdata/invalid/i55_five_errors_five_sheets.xlsx", "examples/operadora-exemplo.xlsx",
		"testdata/invalid/i60_warn_extra_column_with_values.xlsx"}
	ciColetaInputs = []string{"testdata/coleta/c15_negativo.xlsx", "testdata/coleta/coleta-valida.xlsx", "testdata/coleta/c38_aviso_coluna_extra.xlsx"}
)

// junitSuite is the one document capreg writes: a <testsuite> root with
// its required attributes; junitCaseDoc a test case. Decoding checks every
// element and attribute against these (checkJUnit), rejecting others.
type junitSuite struct {
	XMLName  xml.Name       `xml:"testsuite"`
	Name     *string        `xml:"name,attr"`
	Tests    *string        `xml:"tests,attr"`
	Failures *string        `xml:"failures,attr"`
	Errors   *string        `xml:"errors,attr"`
	Cases    []junitCaseDoc `xml:"testcase"`
	Attrs    []xml.Attr     `xml:",any,attr"`
	Other    []xml.Name     `xml:",any"`
}

type junitCaseDoc struct {
	Name      *string           `xml:"name,attr"`
	Classname string            `xml:"classname,attr"`
	Failures  []junitFailureDoc `xml:"failure"`
	Errors    []junitFailureDoc `xml:"error"`
	Attrs     []xml.Attr        `xml:",any,attr"`
	Other     []xml.Name        `xml:",any"`
}

type junitFailureDoc struct {
	Message string     `xml:"message,attr"`
	Type    string     `xml:"type,attr"`
	Text    string     `xml:",chardata"`
	Attrs   []xml.Attr `xml:",any,attr"`
	Other   []xml.Name `xml:",any"`
}

// checkJUnit checks doc strictly in Go, whether or not xmllint is there:
// a <testsuite> root with name, tests, failures and errors, counts that
// match its test cases, each with a name and at most one failure or error
// with a message, and no element or attribute but these.
func checkJUnit(doc []byte) (junitSuite, error) {
	var s junitSuite
	dec := xml.NewDecoder(bytes.NewReader(doc))
	if err := dec.Decode(&s); err != nil {
		return s, err
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if cd, ok := tok.(xml.CharData); err != nil || !ok || len(bytes.TrimSpace(cd)) > 0 {
			return s, errors.New("content after </testsuite>")
		}
	}
	if s.Name == nil || s.Tests == nil || s.Failures == nil || s.Errors == nil {
		return s, errors.New("testsuite lacks name, tests, failures or errors")
	}
	if len(s.Attrs)+len(s.Other) > 0 {
		return s, errors.New("testsuite has unknown attributes or elements")
	}
	failures, errs := 0, 0
	for _, c := range s.Cases {
		switch {
		case c.Name == nil || *c.Name == "":
			return s, errors.New("testcase without a name")
		case len(c.Attrs)+len(c.Other) > 0:
			return s, errors.New("testcase with unknown attributes or elements")
		case len(c.Failures)+len(c.Errors) > 1:
			return s, errors.New("testcase " + *c.Name + " with more than one failure or error")
		}
		for _, f := range append(c.Failures, c.Errors...) {
			if f.Message == "" || len(f.Attrs)+len(f.Other) > 0 {
				return s, errors.New("failure of " + *c.Name + " without a message or with unknown content")
			}
		}
		failures, errs = failures+len(c.Failures), errs+len(c.Errors)
	}
	if *s.Tests != strconv.Itoa(len(s.Cases)) || *s.Failures != strconv.Itoa(failures) || *s.Errors != strconv.Itoa(errs) {
		return s, errors.New("testsuite counts differ from its test cases")
	}
	return s, nil
}

// xmllintSchema validates doc against the JUnit schema in testdata with
// xmllint; it skips (with a message) when xmllint is absent.
func xmllintSchema(t *testing.T, doc []byte) {
	t.Helper()
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("xmllint absent (Debian: apt-get install libxml2-utils): JUnit checked by the Go structural check only")
		return
	}
	f := filepath.Join(t.TempDir(), "out.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--schema", "testdata/junit/junit-10.xsd", f).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint --schema junit-10.xsd: %v\n%s", err, out)
	}
}

// Every JUnit document of validate, coleta validate and batch passes the
// schema, and fails exactly the files it should, one failure each, whose
// message counts the findings and whose text lists them.
func TestJUnitSchema(t *testing.T) {
	t.Chdir("../..")
	cases := []struct {
		name   string
		args   []string
		code   int
		failed map[string]string // file: the failure's message
		listed map[string][]string
	}{
		{"validate", append([]string{"validate", "-o", "junit"}, ciValidateInputs...), 2,
			map[string]string{ciValidateInputs[0]: "5 errors"},
			map[string][]string{ciValidateInputs[0]: {"CR-E"}}},
		{"validate strict", append([]string{"validate", "-o", "junit", "--strict"}, ciValidateInputs...), 2,
			map[string]string{ciValidateInputs[0]: "5 errors, 0 warnings", ciValidateInputs[2]: "0 errors, 2 warnings"},
			map[string][]string{ciValidateInputs[2]: {"CR-W"}}},
		{"validate valid", []string{"validate", "-o", "junit", ciValidateInputs[1]}, 0, map[string]string{}, nil},
		{"coleta validate", append([]string{"coleta", "validate", "-o", "junit"}, ciColetaInputs...), 2,
			map[string]string{ciColetaInputs[0]: "1 error"}, map[string][]string{ciColetaInputs[0]: {"CR-E", "Coleta!"}}},
		{"batch", append([]string{"batch", "-o", "junit"}, batchInputs...), 2,
			map[string]string{batchInputs[2]: "not computed: 1 error"}, map[string][]string{batchInputs[2]: {"CR-E"}}},
		{"batch fail on insufficient", append([]string{"batch", "-o", "junit", "--fail-on-insufficient"}, batchInputs...), 2,
			map[string]string{batchInputs[1]: "insufficient: PLA below CR", batchInputs[2]: "not computed: 1 error"}, nil},
		// in Portuguese: the messages' words change, the document's shape does not
		{"validate strict pt-BR", append([]string{"validate", "-o", "junit", "--strict", "--lang", "pt-BR"}, ciValidateInputs...), 2,
			map[string]string{ciValidateInputs[0]: "5 erros, 0 avisos", ciValidateInputs[2]: "0 erros, 2 avisos"},
			map[string][]string{ciValidateInputs[2]: {"CR-W", " aviso ", "(correção: "}}},
		{"batch fail on insufficient pt-BR", append([]string{"batch", "-o", "junit", "--fail-on-insufficient", "--lang", "pt-BR"}, batchInputs...), 2,
			map[string]string{batchInputs[1]: "insuficiente: PLA abaixo do CR", batchInputs[2]: "não calculada: 1 erro"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCapreg(t, append([]string{"--lang", "en"}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errs)
			}
			s, err := checkJUnit([]byte(out))
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			xmllintSchema(t, []byte(out))
			got := map[string]string{}
			for _, tc := range s.Cases {
				if len(tc.Failures) == 1 {
					got[*tc.Name] = tc.Failures[0].Message
					for _, want := range c.listed[*tc.Name] {
						if !strings.Contains(tc.Failures[0].Text, want) {
							t.Errorf("%s: failure text lacks %q:\n%s", *tc.Name, want, tc.Failures[0].Text)
						}
					}
				}
			}
			if len(got) != len(c.failed) {
				t.Errorf("failed %v, want %v", got, c.failed)
			}
			for f, msg := range c.failed {
				if got[f] != msg {
					t.Errorf("%s: failure %q, want %q", f, got[f], msg)
				}
			}
		})
	}
}

// checkJUnit rejects what a JUnit consumer would: each case a document
// capreg must never write.
func TestCheckJUnitRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"testsuites root":   `<testsuites><testsuite name="a" tests="0" failures="0" errors="0"/></testsuites>`,
		"no tests":          `<testsuite name="a" failures="0" errors="0"/>`,
		"two failures":      `<testsuite name="a" tests="1" failures="2" errors="0"><testcase name="f"><failure message="x"/><failure message="y"/></testcase></testsuite>`,
		"failure and error": `<testsuite name="a" tests="1" failures="1" errors="1"><testcase name="f"><error message="x"/><failure message="y"/></testcase></testsuite>`,
		"unknown element":   `<testsuite name="a" tests="1" failures="0" errors="0"><testcase name="f"><note/></testcase></testsuite>`,
		"wrong count":       `<testsuite name="a" tests="2" failures="0" errors="0"><testcase name="f"/></testsuite>`,
		"unnamed case":      `<testsuite name="a" tests="1" failures="0" errors="0"><testcase/></testsuite>`,
		"no message":        `<testsuite name="a" tests="1" failures="1" errors="0"><testcase name="f"><failure>x</failure></testcase></testsuite>`,
		"trailing content":  `<testsuite name="a" tests="0" failures="0" errors="0"/><x/>`,
	} {
		if _, err := checkJUnit([]byte(doc)); err == nil {
			t.Errorf("%s: accepted %s", name, doc)
		}
	}
}

// githubAnnotation is the exact form of a line of --output github:
// ::error or ::warning, file and title properties (':' ',' '%' CR LF
// escaped), then the place, message and fix (data escaped).
var githubAnnotation = regexp.MustCompile(`^::(error|warning) file=([^:,%\r\n]|%25|%3A|%2C|%0D|%0A)+,title=(CR-[EW][0-9]{3}|INSUFFICIENT|capreg)::([^%\r\n]|%25|%0D|%0A)+$`)

// Every line of --output github is one workflow command of the exact form,
// one per finding, errors and warnings at their level.
func TestGitHubAnnotations(t *testing.T) {
	t.Chdir("../..")
	cases := []struct {
		name  string
		args  []string
		code  int
		lines []string // each line's prefix, in order
	}{
		{"validate", append([]string{"validate", "-o", "github"}, ciValidateInputs...), 2, []string{
			"::error file=" + ciValidateInputs[0] + ",title=CR-E", "::error", "::error", "::error", "::error",
			"::warning file=" + ciValidateInputs[2] + ",title=CR-W002", "::warning file=" + ciValidateInputs[2] + ",title=CR-W013",
		}},
		{"coleta validate", append([]string{"coleta", "validate", "-o", "github"}, ciColetaInputs...), 2, []string{
			"::error file=" + ciColetaInputs[0] + ",title=CR-E", "::warning file=" + ciColetaInputs[2] + ",title=CR-W",
		}},
		{"batch", append([]string{"batch", "-o", "github", "--fail-on-insufficient"}, batchInputs...), 2, []string{
			"::error file=" + batchInputs[1] + ",title=INSUFFICIENT::PLA ", "::error file=" + batchInputs[2] + ",title=CR-E006",
			"::warning file=" + batchInputs[3] + ",title=CR-W010::Operadora!B12 ",
		}},
		{"batch insufficient warns", append([]string{"batch", "-o", "github"}, batchInputs[:2]...), 0, []string{
			"::warning file=" + batchInputs[1] + ",title=INSUFFICIENT::PLA ",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCapreg(t, append([]string{"--lang", "en"}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errs)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(c.lines) {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), len(c.lines), out)
			}
			for i, l := range lines {
				if !githubAnnotation.MatchString(l) {
					t.Errorf("line %d not a workflow command: %q", i+1, l)
				}
				if !strings.HasPrefix(l, c.lines[i]) {
					t.Errorf("line %d %q, want prefix %q", i+1, l, c.lines[i])
				}
				if strings.HasPrefix(l, "::error") && strings.Contains(l, "title=CR-") && !strings.Contains(l, " — ") {
					t.Errorf("line %d lacks the fix: %q", i+1, l)
				}
			}
		})
	}
}

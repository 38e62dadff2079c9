package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// The file name and the message carry every character the workflow
// commands escape: each line stays one line, properties keep ':' and ','.
func TestValidateGitHubEscapes(t *testing.T) {
	e := findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("100% empty,\r\nsee: here")).WithFix(lang.Text("fill it"))
	w := findings.New(findings.UnknownField, "", "", lang.Text("unknown campo")).WithFix(lang.Text("remove it"))
	reps := []app.FileReport{{File: "dir,1/a:b%.xlsx", Errors: 1, Warnings: 1, Findings: findings.List{e, w}}}
	var buf bytes.Buffer
	if err := ValidateGitHub(&buf, reps); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2C1/a%3Ab%25.xlsx,title=CR-E005::PLA!B2 100%25 empty,%0D%0Asee: here — fill it\n" +
		"::warning file=dir%2C1/a%3Ab%25.xlsx,title=CR-W003::unknown campo — remove it\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// A file with an error fails with its errors listed (not its warnings);
// with strict, a file with warnings only fails too, listing them. The
// counts of the suite follow; XML specials are escaped.
func TestValidateJUnit(t *testing.T) {
	reps := reportsTwo()
	reps = append(reps, app.FileReport{File: "c<&>.xlsx", Valid: true, Warnings: 1, Findings: findings.List{reps[0].Findings[1]}})
	for _, c := range []struct {
		strict   bool
		l        lang.Lang
		failures string
		failed   map[string]string // file: message
		text     string            // in the first file's failure
	}{
		{false, lang.En, "1", map[string]string{"a.xlsx": "1 error"}, "CR-E005 error PLA!B2: pl is empty (fix: fill the cell"},
		{true, lang.En, "2", map[string]string{"a.xlsx": "1 error, 1 warning", "c<&>.xlsx": "0 errors, 1 warning"}, "CR-E005 error PLA!B2: pl is empty (fix: fill the cell"},
		{true, lang.PtBR, "2", map[string]string{"a.xlsx": "1 erro, 1 aviso", "c<&>.xlsx": "0 erros, 1 aviso"}, "CR-E005 erro PLA!B2: pl is empty (correção: preencha a célula"},
	} {
		var buf bytes.Buffer
		if err := ValidateJUnit(&buf, reps, "capreg validate", c.strict, c.l); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Name     string `xml:"name,attr"`
			Tests    string `xml:"tests,attr"`
			Failures string `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("strict %v: %v\n%s", c.strict, err, buf.String())
		}
		if doc.Name != "capreg validate" || doc.Tests != "3" || doc.Failures != c.failures || len(doc.Cases) != 3 {
			t.Fatalf("strict %v: suite %+v", c.strict, doc)
		}
		for _, tc := range doc.Cases {
			msg, fails := c.failed[tc.Name]
			if fails != (tc.Failure != nil) || (fails && tc.Failure.Message != msg) {
				t.Errorf("strict %v: %s failure %+v, want %q", c.strict, tc.Name, tc.Failure, msg)
			}
		}
		text := doc.Cases[0].Failure.Text
		if !strings.Contains(text, c.text) || strings.Contains(text, "CR-W003") != c.strict {
			t.Errorf("strict %v: failure text %q", c.strict, text)
		}
	}
}

// A batch's JUnit: computed rows pass, a row not computed fails with its
// errors, an insufficient one only with failOnInsufficient, a bug is an
// error; the counts
// head the document although the cases came first, and Close removes the
// temporary file.
func TestBatchJUnit(t *testing.T) {
	e := findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("pl is empty"))
	amounts := map[string]decimal.Decimal{"pla": decimal.RequireFromString("90"), "cr": decimal.RequireFromString("100"), "surplus": decimal.RequireFromString("-10")}
	lines := []*BatchLine{
		{BatchRow: app.BatchRow{File: "ok.xlsx"}, Doc: &Document{Sufficient: true}},
		{BatchRow: app.BatchRow{File: "bad.xlsx", Error: "PLA!B2: pl is empty", Findings: findings.List{e}}},
		{BatchRow: app.BatchRow{File: "gone.xlsx", Error: "open gone.xlsx: no such file"}},
		{BatchRow: app.BatchRow{File: "low.xlsx"}, Doc: &Document{Amounts: amounts}},
		{BatchRow: app.BatchRow{File: "bug.xlsx", Error: "internal error: index out of range", Internal: true}},
	}
	for _, c := range []struct {
		fail bool
		l    lang.Lang
		want []string
	}{
		{false, lang.En, []string{`tests="5" failures="2" errors="1"`, `<error message="internal error of capreg" type="internal">internal error: index out of range</error>`, `<failure message="not computed: 1 error" type="validation">CR-E005 error PLA!B2: pl is empty`,
			`<failure message="not computed" type="error">open gone.xlsx: no such file</failure>`, `<testcase name="low.xlsx" classname="capreg batch"></testcase>`}},
		{true, lang.En, []string{`tests="5" failures="3" errors="1"`, `<failure message="insufficient: PLA below CR" type="insufficient">PLA R$ 90,00 below CR R$ 100,00 (surplus -R$ 10,00)</failure>`}},
		// the suite's name and the failures' types are the same in every language
		{true, lang.PtBR, []string{`<testsuite name="capreg batch" tests="5" failures="3" errors="1"`, `<error message="erro interno do capreg" type="internal">`,
			`<failure message="não calculada: 1 erro" type="validation">CR-E005 erro PLA!B2: pl is empty (correção: preencha a célula`,
			`<failure message="não calculada" type="error">`,
			`<failure message="insuficiente: PLA abaixo do CR" type="insufficient">PLA R$ 90,00 abaixo do CR R$ 100,00 (excedente -R$ 10,00)</failure>`}},
	} {
		j, err := NewBatchJUnit(c.fail, c.l)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			if err := j.Write(l); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := j.Finish(&buf); err != nil {
			t.Fatal(err)
		}
		tmp := j.tmp.Name()
		if err := j.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(tmp); !os.IsNotExist(err) {
			t.Errorf("temporary file %s left: %v", filepath.Base(tmp), err)
		}
		for _, w := range c.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("fail %v %s: lacks %s\n%s", c.fail, c.l, w, buf.String())
			}
		}
		if err := xml.Unmarshal(buf.Bytes(), new(struct{})); err != nil {
			t.Errorf("fail %v: not XML: %v", c.fail, err)
		}
	}
}

// githubLineForm is the exact form of an annotation: no raw CR or LF, no
// raw ':' or ',' in a property, '%' only as an escape.
var githubLineForm = regexp.MustCompile(`^::(error|warning) file=([^:,%\r\n]|%25|%3A|%2C|%0D|%0A)*,title=([^:,%\r\n]|%25|%3A|%2C|%0D|%0A)*::([^%\r\n]|%25|%0D|%0A)*\n$`)

// Whatever a file name or a finding holds, an annotation stays one line of
// the exact form, and a JUnit document stays XML that gives the text back
// (invalid XML characters aside).
func FuzzCIFormats(f *testing.F) {
	f.Add("a.xlsx", "PLA", "B2", "pl is empty", "fill it")
	f.Add("dir,1/a:b%\r\n\t.xlsx", "Sheet", "", "100% \r\n: ,", "]]> <&>\"'")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, file, sheet, cell, message, fix string) {
		fd := findings.Finding{Code: findings.EmptyValue, Severity: findings.Error, Sheet: sheet, Cell: cell, Message: message, Fix: fix}
		reps := []app.FileReport{{File: file, Errors: 1, Findings: findings.List{fd}}}
		var buf bytes.Buffer
		if err := ValidateGitHub(&buf, reps); err != nil {
			t.Fatal(err)
		}
		if !githubLineForm.MatchString(buf.String()) {
			t.Errorf("not one annotation: %q", buf.String())
		}
		buf.Reset()
		if err := ValidateJUnit(&buf, reps, "capreg validate", false, lang.En); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure string `xml:"failure"`
			} `xml:"testcase"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("not XML: %v\n%s", err, buf.String())
		}
		if len(doc.Cases) != 1 || doc.Cases[0].Failure == "" {
			t.Errorf("cases %+v", doc.Cases)
		}
		if utf8.ValidString(file) && !strings.ContainsFunc(file, notXMLChar) && doc.Cases[0].Name != file {
			t.Errorf("name %q, want %q", doc.Cases[0].Name, file)
		}
	})
}

// notXMLChar is a rune XML 1.0 cannot hold, which encoding/xml replaces.
func notXMLChar(r rune) bool {
	return !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF)
}

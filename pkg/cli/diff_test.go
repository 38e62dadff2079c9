package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/workbook/workbooktest"
)

// Flag parsing alone: runF replaces the run.
func TestDiffFlags(t *testing.T) {
	checkFlags(t, NewCmdDiff, func(o *DiffOptions) *Streams { return &o.IO }, []flagCase[DiffOptions]{
		{"defaults", []string{"a.xlsx", "b.xlsx"}, nil, DiffOptions{Anterior: "a.xlsx", Atual: "b.xlsx", Output: "table"}, false},
		{"all flags", []string{"a.xlsx", "b.xlsx", "-o", "csv", "--csv-excel", "--out", "d.csv", "--rules", "r.yaml", "--force"}, nil,
			DiffOptions{Anterior: "a.xlsx", Atual: "b.xlsx", Output: "csv", CSVExcel: true, Out: "d.csv", Rules: "r.yaml", Force: true}, false},
		{"format from --out", []string{"a.xlsx", "b.xlsx", "--out", "d.xlsx"}, nil, DiffOptions{Anterior: "a.xlsx", Atual: "b.xlsx", Output: "xlsx", Out: "d.xlsx"}, false},
		{"environment", []string{"a.xlsx", "b.xlsx"}, map[string]string{"CAPREG_OUTPUT": "json"}, DiffOptions{Anterior: "a.xlsx", Atual: "b.xlsx", Output: "json"}, false},
		{"one workbook", []string{"a.xlsx"}, nil, DiffOptions{}, true},
		{"three workbooks", []string{"a.xlsx", "b.xlsx", "c.xlsx"}, nil, DiffOptions{}, true},
		{"bad output", []string{"a.xlsx", "b.xlsx", "-o", "junit"}, nil, DiffOptions{}, true},
		{"--csv-excel without csv", []string{"a.xlsx", "b.xlsx", "-o", "json", "--csv-excel"}, nil, DiffOptions{}, true},
	})
}

// The config file's section diff sets its flags; a key it has no flag for
// is an error naming the section's keys.
func TestDiffConfig(t *testing.T) {
	for _, c := range []struct{ config, want string }{
		{"lang: pt-BR\ndiff:\n  output: json\n", "output=json lang=pt-BR config=capreg.yaml"},
		{"diff:\n  factors: padrao\n", `error config file capreg.yaml: line 2: unknown key "factors" in section diff: capreg diff has no --factors (its keys: csv-excel, lang, output, rules)`},
	} {
		t.Chdir(t.TempDir())
		must(t, os.WriteFile("capreg.yaml", []byte(c.config), 0o644))
		got, err := resolveIn(t, []string{"diff", "a.xlsx", "b.xlsx"}, "output", "lang")
		if err != nil {
			got = "error " + err.Error()
		}
		if got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// an xlsx refused on a terminal: a workbook is no text.
func TestDiffXLSXToTerminal(t *testing.T) {
	s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, OutTTY: true}
	parseFlags(t, NewCmdDiff(s, func(context.Context, *DiffOptions) error { return nil }), s, []string{"a.xlsx", "b.xlsx", "-o", "xlsx"}, true)
}

// The two workbooks of the diff tests, in the current directory: the
// example (anterior.xlsx) and the example a month later with a change in
// every step (atual.xlsx, workbooktest.NextMonth).
func diffWorkbooks(t *testing.T, repo string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "examples/operadora-exemplo.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile("anterior.xlsx", data, 0o644))
	workbooktest.NextMonth(t, "anterior.xlsx", "atual.xlsx")
}

// repoRoot is the repository's root, from pkg/cli.
func repoRoot(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

// The outputs of capreg diff are golden files (testdata/golden/diff*):
// the example against itself a month later with a change in every step.
// The xlsx's golden is its cells, one row a line, and its chart's series.
func TestDiffGolden(t *testing.T) {
	repo := repoRoot(t)
	t.Chdir(t.TempDir())
	diffWorkbooks(t, repo)
	args := []string{"diff", "anterior.xlsx", "atual.xlsx"}
	for _, c := range []struct {
		file  string
		flags []string
		tty   bool
	}{
		{"diff.golden", nil, true},
		{"diff-pt-BR.golden", []string{"--lang", "pt-BR"}, true},
		{"diff-plain.golden", nil, false},
		{"diff.json.golden", []string{"-o", "json"}, false},
		{"diff-pt-BR.json.golden", []string{"-o", "json", "--lang", "pt-BR"}, false},
		{"diff-csv.golden", []string{"-o", "csv"}, false},
		{"diff-csv-excel.golden", []string{"-o", "csv", "--csv-excel", "--lang", "pt-BR"}, false},
		{"diff-xlsx.golden", []string{"-o", "xlsx"}, false},
		{"diff-xlsx-pt-BR.golden", []string{"-o", "xlsx", "--lang", "pt-BR"}, false},
	} {
		t.Run(c.file, func(t *testing.T) {
			out, errs, code := runCapregTTY(t, c.tty, append([]string{"--lang", "en"}, append(args, c.flags...)...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if strings.HasPrefix(c.file, "diff-xlsx") {
				out = xlsxDump(t, []byte(out))
			}
			golden.Equal(t, "./pkg/cli", filepath.Join(repo, "testdata/golden", c.file), out)
		})
	}
}

// xlsxDump is a workbook as text: each sheet's cells (raw values, one row a
// line, tab-separated), then its charts' XML series references and colours.
func xlsxDump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", s)
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			fmt.Fprintf(&b, "%d\t%s\n", i+1, strings.Join(r, "\t"))
		}
	}
	for _, c := range chartXML(t, data) {
		b.WriteString("== chart\n")
		for _, tag := range []string{"<f>", "<a:srgbClr val=", "<a:noFill", "<min val=", "<grouping val=", "<gapWidth val=", "<a:t>"} {
			for rest := c; ; {
				i := strings.Index(rest, tag)
				if i < 0 {
					break
				}
				end := strings.IndexAny(rest[i+len(tag):], "<>")
				fmt.Fprintf(&b, "%s%s\n", tag, rest[i+len(tag):i+len(tag)+end])
				rest = rest[i+len(tag):]
			}
		}
	}
	return b.String()
}

// The JSON's sides are calc's documents of the two workbooks, key for key;
// each step's changes of CR and surplus are the differences of the
// amounts around it, and they add up exactly to the delta.
func TestDiffAgreesWithCalc(t *testing.T) {
	repo := repoRoot(t)
	t.Chdir(t.TempDir())
	diffWorkbooks(t, repo)
	var doc map[string]json.RawMessage
	runJSON(t, &doc, "diff", "anterior.xlsx", "atual.xlsx", "-o", "json")
	for side, file := range map[string]string{"anterior": "anterior.xlsx", "atual": "atual.xlsx"} {
		var calc, got any
		runJSON(t, &calc, "calc", file, "-o", "json")
		must(t, json.Unmarshal(doc[side], &got))
		if !reflect.DeepEqual(got, calc) {
			t.Errorf("%s is not calc's document:\n%s", side, doc[side])
		}
	}
	var d report.DiffDocument
	runJSON(t, &d, "diff", "anterior.xlsx", "atual.xlsx", "-o", "json")
	if len(d.Steps) != 11 || d.Steps[0].Step != "base" || d.Steps[10].Step != "informadas" {
		t.Fatalf("steps %+v", d.Steps)
	}
	prev := d.Anterior.Amounts
	var cr, surplus decimal.Decimal
	for _, s := range d.Steps {
		if !s.DeltaCR.Equal(s.Amounts["cr"].Sub(prev["cr"])) || !s.DeltaSurplus.Equal(s.Amounts["surplus"].Sub(prev["surplus"])) {
			t.Errorf("%s: delta_cr %s, delta_surplus %s", s.Step, s.DeltaCR, s.DeltaSurplus)
		}
		if len(s.Amounts) != len(report.AmountKeys) {
			t.Errorf("%s: %d amounts", s.Step, len(s.Amounts))
		}
		cr, surplus, prev = cr.Add(s.DeltaCR), surplus.Add(s.DeltaSurplus), s.Amounts
	}
	for k, v := range d.Atual.Amounts {
		if !d.Delta[k].Equal(v.Sub(d.Anterior.Amounts[k])) || !prev[k].Equal(v) {
			t.Errorf("%s: delta %s, last step %s, atual − anterior %s", k, d.Delta[k], prev[k], v.Sub(d.Anterior.Amounts[k]))
		}
	}
	if !cr.Equal(d.Delta["cr"]) || !surplus.Equal(d.Delta["surplus"]) || cr.IsZero() {
		t.Errorf("the steps add up to ΔCR %s, Δsurplus %s; delta %s, %s", cr, surplus, d.Delta["cr"], d.Delta["surplus"])
	}
}

// The example against itself: every step zero; the data base did not move
// on, and another operator is named: both warnings, and exit 0.
func TestDiffWarnings(t *testing.T) {
	t.Chdir("../..")
	const example, other = "examples/operadora-exemplo.xlsx", "testdata/fixtures/f01_coop_medica_padrao.xlsx"
	var d report.DiffDocument
	runJSON(t, &d, "diff", example, example, "-o", "json")
	for _, s := range d.Steps {
		if !s.DeltaCR.IsZero() || !s.DeltaSurplus.IsZero() {
			t.Errorf("%s: %s, %s", s.Step, s.DeltaCR, s.DeltaSurplus)
		}
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Code != "data_base_not_after" {
		t.Errorf("warnings %+v", d.Warnings)
	}
	out, errs, code := runCapreg(t, "diff", example, other, "--lang", "pt-BR")
	if code != 0 || !strings.Contains(out, "as planilhas são de operadoras diferentes: registro 303839 (ANTERIOR) e ") {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
}

// An invalid workbook on either side, or both, exits 2 naming each with
// its findings; so does a missing one; --out that exists needs --force,
// and --out that is an input is refused. No output file is left.
func TestDiffExitCodes(t *testing.T) {
	t.Chdir("../..")
	const good, bad = "examples/operadora-exemplo.xlsx", "testdata/invalid/i07_unparsable_number.xlsx"
	out := filepath.Join(t.TempDir(), "d.json")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{good, bad}, []string{"capreg: " + bad + ": Contraprestacoes!D7: CR-E006"}},
		{[]string{bad, good}, []string{"capreg: " + bad + ": Contraprestacoes!D7: CR-E006"}},
		{[]string{bad, bad, "--out", out}, []string{"capreg: " + bad + ": Contraprestacoes!D7", "\n" + bad + ": Contraprestacoes!D7"}},
		{[]string{good, "nothere.xlsx"}, []string{"nothere.xlsx: no such file or directory"}},
		{[]string{good, good, "--out", good}, []string{"it is the workbook ANTERIOR " + good}},
		{[]string{good, good, "--factors", "padrao"}, []string{"unknown flag: --factors"}},
	} {
		_, errs, code := runCapreg(t, append([]string{"--lang", "en"}, append([]string{"diff"}, c.args...)...)...)
		if code != ExitInvalid {
			t.Errorf("%v: exit %d: %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errs)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v left %s", c.args, out)
		}
	}
	must(t, os.WriteFile(out, []byte("x"), 0o644))
	if _, errs, code := runCapreg(t, "--lang", "en", "diff", good, good, "--out", out); code != ExitInvalid || !strings.Contains(errs, "exists: --force replaces it") {
		t.Errorf("existing --out: exit %d: %s", code, errs)
	}
	if _, errs, code := runCapreg(t, "--lang", "en", "diff", good, good, "--out", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
}

// The pt-BR table has no English word but the names the calc table keeps
// (notEnglish) and the steps' ANS terms.
func TestDiffPtBRHasNoEnglish(t *testing.T) {
	repo := repoRoot(t)
	t.Chdir(t.TempDir())
	diffWorkbooks(t, repo)
	en, _, _ := runCapregTTY(t, true, "diff", "anterior.xlsx", "atual.xlsx", "--lang", "en")
	pt, errs, code := runCapregTTY(t, true, "diff", "anterior.xlsx", "atual.xlsx", "--lang", "pt-BR")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	keep := append(slices.Clone(notEnglish), "ANTERIOR", "ATUAL", "diff", "calc", "auto", "Contraprestações", "contraprestações", "Eventos", "eventos", "Δ", "ABI", "hc", "PL", "informado",
		"PROVISÓRIO", "anterior", "atual", "xlsx")
	english := words(en)
	var left []string
	for w := range words(pt) {
		if english[w] && !slices.Contains(keep, w) {
			left = append(left, w)
		}
	}
	slices.Sort(left)
	if len(left) > 0 {
		t.Errorf("English words in the pt-BR table: %s\n%s", strings.Join(left, " "), pt)
	}
}

// The shell completes ANTERIOR and ATUAL with .xlsx files, and nothing
// after them; --output with diff's formats.
func TestDiffCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", ""}, "xlsx\n:8\n"},
		{[]string{"diff", "a.xlsx", ""}, "xlsx\n:8\n"},
		{[]string{"diff", "a.xlsx", "b.xlsx", ""}, ":4\n"},
		{[]string{"diff", "-o", ""}, "table\njson\ncsv\nxlsx\n:4\n"},
	} {
		out, errs, code := runCapreg(t, append([]string{"__complete"}, c.args...)...)
		if code != ExitOK || !strings.HasPrefix(out, c.want) {
			t.Errorf("%v: exit %d, %q (want %q) %s", c.args, code, out, c.want, errs)
		}
	}
}

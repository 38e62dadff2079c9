package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/report"
)

func TestStressFlags(t *testing.T) {
	checkFlags(t, NewCmdStress, func(o *StressOptions) *Streams { return &o.IO }, []flagCase[StressOptions]{
		{"defaults", []string{"w.xlsx"}, nil, StressOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "table"}, Factors: "auto"}, false},
		{"all flags", []string{"w.xlsx", "--cenarios", "c.yaml", "--factors", "padrao", "-o", "csv", "--csv-excel", "--out", "s.csv", "--rules", "r.yaml",
			"--beneficiarios", "b.csv", "--coverage-weighted", "--force", "--fail-on-insufficient"}, nil,
			StressOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "csv", CSVExcel: true, Out: "s.csv", Rules: "r.yaml", Beneficiarios: "b.csv",
				CoverageWeighted: true, Force: true}, Factors: "padrao", Cenarios: "c.yaml", FailOnInsufficient: true}, false},
		{"format from --out", []string{"w.xlsx", "--out", "s.xlsx"}, nil,
			StressOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "xlsx", Out: "s.xlsx"}, Factors: "auto"}, false},
		{"environment", []string{"w.xlsx"}, map[string]string{"CAPREG_CENARIOS": "e.yaml", "CAPREG_FAIL_ON_INSUFFICIENT": "true"},
			StressOptions{workbookOptions: workbookOptions{Workbook: "w.xlsx", Output: "table"}, Factors: "auto", Cenarios: "e.yaml", FailOnInsufficient: true}, false},
		{"bad factors", []string{"w.xlsx", "--factors", "baixo"}, nil, StressOptions{}, true},
		{"bad output", []string{"w.xlsx", "-o", "junit"}, nil, StressOptions{}, true},
		{"no workbook", []string{}, nil, StressOptions{}, true},
	})
}

// --out is never the cenarios file, not even with --force; an existing
// --out needs --force.
func TestStressOutGuard(t *testing.T) {
	dir := t.TempDir()
	cen := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cen, []byte("cenarios:\n  - {nome: a, pl: 0.9}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"w.xlsx", "--cenarios", cen, "--out", cen, "--force", "-o", "csv"}, "it is the cenarios file " + cen},
		{[]string{"w.xlsx", "--cenarios", cen, "--out", cen, "-o", "csv"}, "it is the cenarios file " + cen},
		{[]string{"w.xlsx", "--out", cen, "-o", "csv"}, cen + " exists: --force replaces it"},
	} {
		s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
		cmd := NewCmdStress(s, func(context.Context, *StressOptions) error { t.Error("ran"); return nil })
		cmd.Flags().String("config", "", "")
		cmd.Flags().String("rules", "", "")
		cmd.SetArgs(c.args)
		cmd.SetOut(s.Out)
		cmd.SetErr(s.Err)
		err := cmd.Execute()
		if err == nil || !strings.Contains(err.Error(), c.want) || exitCodeOf(err) != ExitInvalid {
			t.Errorf("%v: %v, want %q (exit 2)", c.args, err, c.want)
		}
	}
}

// --cenarios completes YAML files.
func TestStressCompletion(t *testing.T) {
	out, _, code := runCapreg(t, "__complete", "stress", "w.xlsx", "--cenarios", "")
	if code != ExitOK || out != "yaml\nyml\n:8\n" {
		t.Errorf("exit %d: %q", code, out)
	}
}

// The outputs of capreg stress are golden files: the built-in set on the
// example in both languages, the example cenarios file, an insufficient
// operator with informed parcels, each format.
func TestStressGolden(t *testing.T) {
	t.Chdir("../..")
	const ex, cen, f06 = "examples/operadora-exemplo.xlsx", "examples/cenarios.yaml", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"
	cases := []struct {
		name, file string
		args       []string
		tty        bool
	}{
		{"table", "testdata/golden/stress.golden", []string{"stress", ex}, true},
		{"table pt-BR", "testdata/golden/stress-pt-BR.golden", []string{"stress", ex, "--lang", "pt-BR"}, true},
		{"table cenarios file piped", "testdata/golden/stress-cenarios-plain.golden", []string{"stress", ex, "--cenarios", cen}, false},
		{"table insufficient pt-BR", "testdata/golden/stress-insufficient-pt-BR.golden", []string{"stress", f06, "--lang", "pt-BR", "--cenarios", cen}, true},
		{"json", "testdata/golden/stress.json.golden", []string{"stress", ex, "--cenarios", cen, "-o", "json"}, false},
		{"json pt-BR", "testdata/golden/stress-pt-BR.json.golden", []string{"stress", f06, "--lang", "pt-BR", "-o", "json"}, false},
		{"csv", "testdata/golden/stress-csv.golden", []string{"stress", ex, "-o", "csv"}, false},
		{"csv excel pt-BR", "testdata/golden/stress-csv-excel.golden", []string{"stress", ex, "-o", "csv", "--csv-excel", "--lang", "pt-BR"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCapregTTY(t, c.tty, append([]string{"--lang", "en"}, c.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Equal(t, "./pkg/cli", filepath.FromSlash(c.file), out)
		})
	}
	for _, c := range []struct{ name, file, lang string }{
		{"xlsx", "testdata/golden/stress-xlsx.golden", "en"},
		{"xlsx pt-BR", "testdata/golden/stress-xlsx-pt-BR.golden", "pt-BR"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCapreg(t, "stress", ex, "--cenarios", cen, "-o", "xlsx", "--lang", c.lang)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Equal(t, "./pkg/cli", filepath.FromSlash(c.file), dumpXLSX(t, []byte(out)))
		})
	}
}

// dumpXLSX writes a workbook as text for a golden file: every sheet's
// non-empty cells (raw values) and every chart's title and ranges.
func dumpXLSX(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		if s == report.SheetParametros {
			continue // the rulebook's, golden in rules show
		}
		fmt.Fprintf(&b, "== %s\n", s)
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if v != "" {
					fmt.Fprintf(&b, "%s = %s\n", cellName(j+1, i+1), v)
				}
			}
		}
	}
	text := regexp.MustCompile(`<a:t>([^<]*)</a:t>|<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	for i, c := range chartXML(t, data) {
		fmt.Fprintf(&b, "== chart %d\n", i+1)
		for _, m := range text.FindAllStringSubmatch(c, -1) {
			fmt.Fprintf(&b, "%s%s\n", m[1], m[2])
		}
	}
	return b.String()
}

// The stress workbook holds the JSON's numbers to the centavo as BRL
// numbers, a row per column of the table (the base first), and its chart
// shows the surplus of each.
func TestStressXLSXMatchesJSON(t *testing.T) {
	t.Chdir("../..")
	var doc report.StressDocument
	runJSON(t, &doc, "stress", "examples/operadora-exemplo.xlsx", "-o", "json")
	out, errs, code := runCapreg(t, "stress", "examples/operadora-exemplo.xlsx", "-o", "xlsx")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Estresse", "Cenarios", "Parametros", "Validacao"}) {
		t.Errorf("sheets %v", got)
	}
	amounts := []map[string]string{{}}
	for k, v := range doc.Base.AmountsRounded {
		amounts[0][k] = v.String()
	}
	for _, s := range doc.Scenarios {
		m := map[string]string{}
		for k, v := range s.AmountsRounded {
			m[k] = v.String()
		}
		amounts = append(amounts, m)
	}
	for i, want := range amounts {
		for j, k := range report.AmountKeys {
			cell := cellName(4+j, 4+i)
			raw, _ := f.GetCellValue("Estresse", cell, excelize.Options{RawCellValue: true})
			if got, err := decimalOf(raw); err != nil || got.String() != want[k] {
				t.Errorf("Estresse!%s (%s of column %d) = %s, JSON %s", cell, k, i, raw, want[k])
			}
			if typ, _ := f.GetCellType("Estresse", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s is not numeric", cell)
			}
		}
	}
	charts := chartXML(t, []byte(out))
	if len(charts) != 1 || !strings.Contains(charts[0], "Estresse!$P$4:$P$10") || !strings.Contains(charts[0], "Estresse!$A$4:$A$10") ||
		!strings.Contains(charts[0], "Estresse!$P$3") {
		t.Errorf("charts %v", charts)
	}
}

// --fail-on-insufficient exits 3 when a scenario is insufficient, naming
// it; without it the same run exits 0. A bad cenarios file is exit 2
// before the workbook is read.
func TestStressExitCodes(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	fall := filepath.Join(dir, "fall.yaml")
	if err := os.WriteFile(fall, []byte("cenarios:\n  - nome: Leve\n    pl: 0.9\n  - nome: Colapso\n    pl: 0.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ex := "examples/operadora-exemplo.xlsx"
	if _, errs, code := runCapreg(t, "--lang", "en", "stress", ex, "--cenarios", fall, "--fail-on-insufficient"); code != ExitInsufficient ||
		errs != "capreg: insufficient under Colapso: PLA is below the regulatory capital (--fail-on-insufficient)\n" {
		t.Errorf("exit %d: %q", code, errs)
	}
	if _, errs, code := runCapreg(t, "--lang", "en", "stress", ex, "--cenarios", fall); code != ExitOK {
		t.Errorf("exit %d: %s", code, errs)
	}
	// A warning only a scenario brings is listed under its name, in the
	// table and in its JSON; the base's are not repeated.
	ruin := filepath.Join(dir, "ruin.yaml")
	if err := os.WriteFile(ruin, []byte("cenarios:\n  - nome: Ruína\n    pl: 0.05\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCapreg(t, "stress", ex, "--cenarios", ruin, "--lang", "pt-BR")
	if code != ExitOK || !strings.Contains(out, "\nAvisos em Ruína\n  PLA!B2: CR-W011 aviso: as deduções (R$ 8.941.721,93) excedem o pl (R$ 7.602.045,01)") || strings.Contains(out, "\nAvisos\n") {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
	var st report.StressDocument
	runJSON(t, &st, "stress", ex, "--cenarios", ruin, "-o", "json")
	if w := st.Scenarios[0].Warnings; len(w) != 1 || w[0].Code != "CR-W011" || len(st.Base.Warnings) != 1 || st.Base.Warnings[0].Code != "CR-W005" {
		t.Errorf("warnings: scenario %v, base %v", w, st.Base.Warnings)
	}
	if _, errs, code := runCapreg(t, "--lang", "en", "stress", "nothere.xlsx", "--cenarios", filepath.Join(dir, "none.yaml")); code != ExitInvalid ||
		!strings.HasPrefix(errs, "capreg: cenarios file "+filepath.Join(dir, "none.yaml")+": ") {
		t.Errorf("exit %d: %q", code, errs)
	}
	// -o json of a workbook that cannot be computed: the batch row's document, as calc.
	out, _, code = runCapreg(t, "--lang", "en", "stress", "testdata/invalid/i07_unparsable_number.xlsx", "-o", "json")
	var doc struct{ Errors []json.RawMessage }
	if code != ExitInvalid || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Errors) == 0 {
		t.Errorf("exit %d: %s", code, out)
	}
}

// The JSON's base is calc's document of the workbook, key for key (its
// headroom included).
func TestStressBaseIsCalc(t *testing.T) {
	t.Chdir("../..")
	var doc map[string]json.RawMessage
	runJSON(t, &doc, "stress", "examples/operadora-exemplo.xlsx", "-o", "json")
	var calc, base any
	runJSON(t, &calc, "calc", "examples/operadora-exemplo.xlsx", "-o", "json")
	must(t, json.Unmarshal(doc["base"], &base))
	if !reflect.DeepEqual(base, calc) {
		t.Errorf("base is not calc's document:\n%s", doc["base"])
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/lang"
)

func TestReclamacoesFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"workbook", []string{"r.xlsx"}, nil, "r.xlsx table  "},
		{"json to a file", []string{"r.xlsx", "-o", "json", "--out", "x.json"}, nil, "r.xlsx json x.json "},
		{"environment", []string{"r.xlsx"}, map[string]string{"CAPREG_OUTPUT": "csv"}, "r.xlsx csv  "},
		{"template", []string{"--template", "modelo.xlsx"}, nil, " table  modelo.xlsx"},
		{"template and workbook", []string{"r.xlsx", "--template", "modelo.xlsx"}, nil, "error not both"},
		{"nothing", nil, nil, "error needs a WORKBOOK"},
		{"two workbooks", []string{"a.xlsx", "b.xlsx"}, nil, "error accepts at most 1 arg"},
		{"bad output", []string{"r.xlsx", "-o", "xlsx"}, nil, "error --output"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got string
			cmd := NewCmdReclamacoes(Streams{}, func(_ context.Context, o *ReclamacoesOptions) error {
				got = fmt.Sprintf("%s %s %s %s", o.Workbook, o.Output, o.Out, o.Template)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

// Golden outputs of the ranking in every format.
func TestReclamacoesGolden(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct {
		file, input string
		args        []string
	}{
		{"exemplo.golden", "reclamacoes-exemplo.xlsx", nil},
		{"exemplo.json.golden", "reclamacoes-exemplo.xlsx", []string{"-o", "json"}},
		{"exemplo.csv.golden", "reclamacoes-exemplo.xlsx", []string{"-o", "csv"}},
		{"par3.golden", "reclamacoes-par3.xlsx", nil},
		{"par3.json.golden", "reclamacoes-par3.xlsx", []string{"-o", "json"}},
		{"sem-reclamacoes.golden", "reclamacoes-sem-reclamacoes.xlsx", nil},
		{"sem-reclamacoes.csv.golden", "reclamacoes-sem-reclamacoes.xlsx", []string{"-o", "csv"}},
		{"exemplo-pt-BR.golden", "reclamacoes-exemplo.xlsx", []string{"--lang", "pt-BR"}},
		{"par3-pt-BR.golden", "reclamacoes-par3.xlsx", []string{"--lang", "pt-BR"}},
		{"sem-reclamacoes-pt-BR.golden", "reclamacoes-sem-reclamacoes.xlsx", []string{"--lang", "pt-BR"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			out, errs, code := runCapreg(t, append([]string{"--lang", "en"}, append([]string{"reclamacoes", filepath.Join("testdata/reclamacoes", c.input)}, c.args...)...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Equal(t, "./pkg/cli", filepath.Join("testdata/reclamacoes/golden", c.file), out)
		})
	}
}

// The JSON is the layout of programs-and-filings.md §2, keys and all, and
// the CSV has plain numbers.
func TestReclamacoesJSONLayout(t *testing.T) {
	t.Chdir("../..")
	out, _, code := runCapreg(t, "reclamacoes", "testdata/reclamacoes/reclamacoes-exemplo.xlsx", "-o", "json")
	if code != ExitOK {
		t.Fatal(code)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if keys := sortedKeys(doc); !slices.Equal(keys, []string{"periodo", "products", "total"}) {
		t.Errorf("top keys %v", keys)
	}
	var products []map[string]any
	if err := json.Unmarshal(doc["products"], &products); err != nil {
		t.Fatal(err)
	}
	if keys := sortedKeys(products[0]); !slices.Equal(keys, []string{"at_risk", "cumulative_share", "produto", "rank", "reclamacoes", "share"}) {
		t.Errorf("product keys %v", keys)
	}
	// Shares are decimal strings; the fourth product reaches exactly 80% (160/200).
	if s, ok := products[3]["cumulative_share"].(string); !ok || s != "0.8" || products[3]["at_risk"] != true || products[4]["at_risk"] != false {
		t.Errorf("fourth and fifth products: %v %v", products[3], products[4])
	}
	out, _, _ = runCapreg(t, "reclamacoes", "testdata/reclamacoes/reclamacoes-exemplo.xlsx", "-o", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 9 || rows[4][5] != "0.8" || rows[5][3] != "21" {
		t.Errorf("csv %v %v", err, rows)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	slices.Sort(k)
	return k
}

// A product code that looks like a formula is made safe in the CSV and
// printable in the table.
func TestReclamacoesHostileProduct(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	path := filepath.Join(dir, "t.xlsx")
	_, errs, code := runCapreg(t, "--lang", "en", "reclamacoes", "--template", path)
	if code != ExitOK || !strings.Contains(errs, "wrote") {
		t.Fatalf("template: %d %s", code, errs)
	}
	// The empty template is refused for its empty period, not with a crash.
	_, errs, code = runCapreg(t, "--lang", "en", "reclamacoes", path)
	if code != ExitInvalid || !strings.Contains(errs, "Periodo!B2: CR-E005") {
		t.Errorf("empty template: %d %s", code, errs)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue("Periodo", "B2", "2024-10-01")
	_ = f.SetCellValue("Periodo", "B3", "2025-03-31")
	_ = f.SetSheetRow("Reclamacoes", "A2", &[]any{"=HYPERLINK(\"x\")", 10, 3})
	_ = f.SetSheetRow("Reclamacoes", "A3", &[]any{"P\x1b[31m", 10, 1})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, _, code := runCapreg(t, "--lang", "en", "reclamacoes", path, "-o", "csv")
	if code != ExitOK || !strings.Contains(out, `1,"'=HYPERLINK`) {
		t.Errorf("csv: %d %s", code, out)
	}
	out, _, _ = runCapreg(t, "--lang", "en", "reclamacoes", path)
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape reached the terminal: %q", out)
	}
}

// checkParsed checks a flag-parsing outcome: want "error TEXT" is a usage
// error (exit 2) containing TEXT; anything else is the options got.
func checkParsed(t *testing.T, err error, got, want string) {
	t.Helper()
	if strings.HasPrefix(want, "error") {
		if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(want, "error ")) {
			t.Fatalf("err %v, want %s", err, want)
		}
		if code := exitCode(err, &bytes.Buffer{}, lang.En); code != ExitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("options %q, want %q", got, want)
	}
}

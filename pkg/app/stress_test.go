package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// groupCells are the cells of each group as the layout (input-workbook.md)
// and issue 14 define them, written here independently of analysis.Scale:
// fields (campo in column A, valor in B) and table columns (by header, every
// row below it).
var groupCells = map[analysis.Group]struct {
	fields  map[string][]string // sheet → campos
	columns map[string][]string // sheet → headers
}{
	analysis.PL:               {fields: map[string][]string{"PLA": {"pl"}}},
	analysis.Deducoes:         {fields: map[string][]string{"PLA": {"ded_participacoes", "ded_creditos_tributarios", "ded_despesas_diferidas", "ded_despesas_antecipadas", "ded_intangivel", "ded_goodwill"}}},
	analysis.Remissao:         {fields: map[string][]string{"Remissao": {"ca_temporaria", "ca_vitalicia", "pr_temporaria", "pr_vitalicia"}}},
	analysis.Operacional:      {fields: map[string][]string{"Operacional": {"contraprestacoes_12m_total", "provisoes_tecnicas"}}},
	analysis.Contraprestacoes: {columns: map[string][]string{"Contraprestacoes": {"valor"}}},
	analysis.Eventos:          {columns: map[string][]string{"Eventos": {"valor"}}},
	analysis.ABI:              {columns: map[string][]string{"ABI": {"valor"}}},
	analysis.Credito: {columns: map[string][]string{
		"Credito_Operadoras": {"creditos_operacoes", "intercambio_receber", "creditos_programas", "ppsc_programas", "creditos_adm_programas", "ppsc_adm_programas", "debitos_operacoes", "pesl_intercambio", "debitos_adm_programas"},
		"Credito_Seguros":    {"exposicao"},
		"Credito_Ativos":     {"exposicao"},
	}},
	analysis.Mercado: {columns: map[string][]string{"Mercado_ALM": {"valor"}, "Mercado_Ativos": {"valor"}}},
}

// scaledWorkbook copies the workbook src into dir with every cell of each
// shocked group multiplied by its factor (numeric cells, written back as
// numbers that Excel shows exactly), and returns its path.
func scaledWorkbook(t *testing.T, src, dir string, s analysis.Scenario) string {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scale := func(sheet, cell string, k decimal.Decimal) {
		raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if raw == "" {
			return
		}
		read := decimal.NewFromString // a numeric cell
		if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			read = parse.Number // a number typed as text (pt-BR or plain)
		}
		v, err := read(raw)
		if err != nil {
			t.Fatalf("%s!%s = %q is not a number", sheet, cell, raw)
		}
		x := v.Mul(k)
		if !decimal.NewFromFloat(x.InexactFloat64()).Equal(x) {
			t.Fatalf("%s!%s: %s × %s = %s has more than 15 significant digits: choose another factor", sheet, cell, v, k, x)
		}
		if err := f.SetCellFloat(sheet, cell, x.InexactFloat64(), -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	for g, k := range s.Shocks {
		cells := groupCells[g]
		for sheet, campos := range cells.fields {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, campo := range campos {
				i := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == campo })
				if i < 0 {
					t.Fatalf("%s: no campo %s", sheet, campo)
				}
				scale(sheet, cellName(2, i+1), k)
			}
		}
		for sheet, headers := range cells.columns {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range headers {
				col := slices.Index(rows[0], h)
				if col < 0 {
					t.Fatalf("%s: no column %s", sheet, h)
				}
				for r := 2; r <= len(rows); r++ {
					scale(sheet, cellName(col+1, r), k)
				}
			}
		}
	}
	path := filepath.Join(dir, strings.ReplaceAll(s.Name, " ", "_")+".xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// allFigures are a result's 13 amounts and its ICR.
func allFigures(r *capital.Result) map[string]decimal.Decimal {
	m := figures(r)
	for _, k := range []string{"crs_pre", "crs_pro", "crs_sus", "crs_rem"} {
		if n := r.CRS.Find(k); n != nil {
			m[k] = n.Value
		}
	}
	if r.ICR != nil {
		m["icr"] = r.ICR.Value
	}
	return m
}

// every group at once, with factors whose products Excel shows exactly.
var everyGroup = analysis.Scenario{Name: "every group", Shocks: map[analysis.Group]decimal.Decimal{
	analysis.PL: decimal.RequireFromString("0.95"), analysis.Deducoes: decimal.RequireFromString("1.3"),
	analysis.Contraprestacoes: decimal.RequireFromString("1.05"), analysis.Eventos: decimal.RequireFromString("1.2"),
	analysis.ABI: decimal.RequireFromString("0.7"), analysis.Remissao: decimal.RequireFromString("1.15"),
	analysis.Credito: decimal.RequireFromString("1.5"), analysis.Mercado: decimal.RequireFromString("0.8"),
	analysis.Operacional: decimal.RequireFromString("1.1"),
}}

// Acceptance (issue 14): a scenario equals calc of a workbook whose inputs
// were multiplied by the same factors — every amount, ICR, the factor set
// and sufficiency — for the built-in set and a scenario moving every group,
// on the example, an operator with a program set and an insufficient one
// with informed parcels; under --factors auto and forced padrao.
func TestStressEqualsCalcOfScaledWorkbook(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	ctx := context.Background()
	sc := Scenarios{List: append(builtinSet(t, lang.En), everyGroup)}
	for _, path := range []string{"examples/operadora-exemplo.xlsx", "testdata/fixtures/f03_filantropia_promoprev_reduzido.xlsx", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"} {
		for _, factors := range []string{capital.Auto, "padrao"} {
			opt := capital.Options{Factors: factors}
			st, err := Stress(ctx, path, "", rb, opt, sc)
			if err != nil {
				t.Fatal(err)
			}
			base, err := Calculate(ctx, path, "", rb, opt)
			if err != nil {
				t.Fatal(err)
			}
			same(t, path+" base "+factors, st.Base, base.Result)
			dir := t.TempDir()
			for i, s := range sc.List {
				if st.Scenarios[i].Name != s.Name {
					t.Fatalf("scenario %d is %q, want %q", i, st.Scenarios[i].Name, s.Name)
				}
				calc, err := Calculate(ctx, scaledWorkbook(t, path, dir, s), "", rb, opt)
				if err != nil {
					t.Fatal(err)
				}
				same(t, path+" "+s.Name+" "+factors, st.Scenarios[i].Result, calc.Result)
			}
		}
	}
}

// builtinSet is the built-in set in language l.
func builtinSet(t *testing.T, l lang.Lang) []analysis.Scenario {
	sc, err := ReadScenarios("", l)
	if err != nil || sc.File != "" || len(sc.List) != 6 {
		t.Fatalf("built-in set: %+v, %v", sc, err)
	}
	return sc.List
}

// same fails the test unless two results agree on every figure, the factor
// set and sufficiency.
func same(t *testing.T, what string, got, want *capital.Result) {
	t.Helper()
	g, w := allFigures(got), allFigures(want)
	if len(g) != len(w) {
		t.Errorf("%s: figures %v, calc %v", what, g, w)
	}
	for k, v := range w {
		if !g[k].Equal(v) {
			t.Errorf("%s: %s = %s, calc of the scaled workbook %s", what, k, g[k], v)
		}
	}
	if got.FactorSet != want.FactorSet || got.Sufficient != want.Sufficient {
		t.Errorf("%s: %s sufficient %v, calc %s %v", what, got.FactorSet, got.Sufficient, want.FactorSet, want.Sufficient)
	}
}

// A scenario's warnings are those the base has not: deductions over a PL
// that fell; the provisional parameters, which the base has too, are not
// repeated. The surplus moves by the change of PLA and CR.
func TestStressScenarioWarnings(t *testing.T) {
	t.Chdir("../..")
	fall := analysis.Scenario{Name: "PL ruiu", Shocks: map[analysis.Group]decimal.Decimal{analysis.PL: decimal.RequireFromString("0.05")}}
	st, err := Stress(context.Background(), "examples/operadora-exemplo.xlsx", "", rulestest.Default(t), capital.Options{}, Scenarios{List: []analysis.Scenario{fall}})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(st.Warnings, func(f findings.Finding) bool { return f.Code == findings.DeductionsOverPL }) {
		t.Fatal("the base already has deductions over PL")
	}
	s := st.Scenarios[0]
	if len(s.Warnings) != 1 || s.Warnings[0].Code != findings.DeductionsOverPL || s.Warnings[0].Where() != "PLA!B2" {
		t.Errorf("warnings %v", s.Warnings)
	}
	// PLA falls by 0.95 × 152 040 900.12 = 144 438 855.114; CR does not move.
	if d := st.DeltaSurplus(0); !d.Equal(decimal.RequireFromString("-144438855.114")) {
		t.Errorf("Δ surplus %s", d)
	}
	if s.Result.Sufficient || !slices.Equal(st.Insufficient("Base"), []string{"PL ruiu"}) {
		t.Errorf("insufficient: %v", st.Insufficient("Base"))
	}
}

// The cenarios file: read and parsed, its errors an InvalidError (exit 2)
// naming the file; a file not there names it too.
func TestReadScenarios(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "c.yaml"), filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte("cenarios:\n  - nome: a\n    pl: 0.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("cenarios:\n  - nome: a\n    pll: 0.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := ReadScenarios(good, lang.En)
	if err != nil || sc.File != good || len(sc.List) != 1 || sc.List[0].Name != "a" {
		t.Errorf("%+v, %v", sc, err)
	}
	_, err = ReadScenarios(bad, lang.En)
	var ie InvalidError
	if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "cenarios file "+bad+": line 3: unknown group \"pll\"") {
		t.Errorf("%v", err)
	}
	_, err = ReadScenarios(filepath.Join(dir, "none.yaml"), lang.En)
	if !InputFault(err) || !strings.Contains(err.Error(), "cenarios file "+filepath.Join(dir, "none.yaml")) {
		t.Errorf("%v", err)
	}
}

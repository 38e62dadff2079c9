package app

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// balanceteDir holds the fixtures written by Python and LibreOffice, with
// the fields expected.json computed apart from capreg.
const balanceteDir = "../../testdata/balancete"

// expected is the part of expected.json the import is checked against.
type expected struct {
	Fields  map[string]json.RawMessage `json:"fields"`
	Sources struct {
		ERP map[string]struct {
			Accounts map[string]string `json:"accounts"`
			Absent   []string          `json:"absent"`
		} `json:"erp"`
	} `json:"sources"`
	OrigemChecks map[string]struct {
		Accounts []string `json:"accounts"`
		Value    string   `json:"value"`
	} `json:"origem_checks"`
	Cases map[string]struct {
		Args struct {
			Balancete []string `json:"balancete"`
			Diops     []string `json:"diops"`
			Registro  *string  `json:"registro"`
		} `json:"args"`
		Exit     int              `json:"exit"`
		Writes   bool             `json:"writes_workbook"`
		Fields   []string         `json:"fields"`
		Empty    []string         `json:"empty"`
		Findings []fixtureFinding `json:"findings"`
	} `json:"cases"`
}

type fixtureFinding struct {
	Kind     string  `json:"kind"`
	Severity string  `json:"severity"`
	Blocking bool    `json:"blocking"`
	File     *string `json:"file"`
	Line     *int    `json:"line"`
	Element  *string `json:"element"`
	Month    *string `json:"month"`
	Account  string  `json:"account"`
	Value    string  `json:"value"`
}

// kindCodes maps the fixture's finding kinds to the catalogue's codes.
var kindCodes = map[string]string{
	"missing_month":              findings.BalanceteMissingMonth,
	"flow_unbuildable":           findings.BalanceteFlow,
	"duplicate_account":          findings.BalanceteDuplicate,
	"bad_account_code":           findings.BalanceteConta,
	"bad_number":                 findings.BadNumber,
	"several_operators":          findings.BalanceteOperators,
	"diops_bad_element":          findings.DiopsBadValue,
	"diops_malformed":            findings.DiopsUnreadable,
	"sources_disagree":           findings.BalanceteSources,
	"unbalanced":                 findings.BalanceteUnbalanced,
	"monthly_data_missing":       findings.BalanceteNoMonthly,
	"twelve_month_total_missing": findings.BalanceteNoTotal,
}

func loadExpected(t *testing.T) *expected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(balanceteDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

func fixturePaths(rel []string) []string {
	out := make([]string, len(rel))
	for i, p := range rel {
		out[i] = filepath.Join(balanceteDir, p)
	}
	return out
}

// Every case of expected.json: the fields to the centavo, the fields left
// empty, the findings (kind → code, severity, file, line or element,
// month) and whether the import is blocked (exit 2, no workbook).
func TestImportFixtures(t *testing.T) {
	e := loadExpected(t)
	rb := rulestest.Default(t)
	for name, c := range e.Cases {
		t.Run(name, func(t *testing.T) {
			o := ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Diops: fixturePaths(c.Args.Diops), Rules: rb}
			if c.Args.Registro != nil {
				o.Registro = *c.Args.Registro
			}
			im, err := Import(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if im.Blocked() != !c.Writes || im.Blocked() != (c.Exit == 2) {
				t.Errorf("blocked %v, want exit %d (writes %v); findings:\n%s", im.Blocked(), c.Exit, c.Writes, findingLines(im.Findings))
			}
			checkFindings(t, im.Findings, c.Findings)
			if im.Blocked() {
				if len(im.Records) > 0 {
					t.Errorf("a blocked import has %d records", len(im.Records))
				}
				return
			}
			if im.DataBase != (period.Month{Year: 2025, Month: 9}) {
				t.Errorf("data base %s, want 2025-09", im.DataBase)
			}
			for _, f := range c.Fields {
				checkField(t, e, im, f)
			}
			for _, f := range c.Empty {
				sheet, field, _ := strings.Cut(f, ".")
				for _, r := range im.Records {
					if _, ok := r.Get(field); r.Sheet == sheet && (field == "" || ok) {
						t.Errorf("%s should be empty, has %v", f, r.Values)
						break
					}
				}
			}
		})
	}
}

func findingLines(l findings.List) string {
	var b strings.Builder
	for _, f := range l {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}

// checkFindings checks that every expected finding is there, and that no
// finding of a code the case does not expect is.
func checkFindings(t *testing.T, got findings.List, want []fixtureFinding) {
	t.Helper()
	codes := map[string]bool{}
	for _, w := range want {
		code, ok := kindCodes[w.Kind]
		if !ok {
			t.Fatalf("no code for kind %s", w.Kind)
		}
		codes[code] = true
		found := slices.ContainsFunc(got, func(f findings.Finding) bool {
			switch {
			case f.Code != code || string(f.Severity) != w.Severity:
				return false
			case w.File != nil && f.File != filepath.Join(balanceteDir, *w.File):
				return false
			case w.Element != nil && f.Element != *w.Element:
				return false
			// The disagreement names both files and the accounts, not
			// the line of one of them.
			case w.Line != nil && fileLine(f) != *w.Line && code != findings.BalanceteSources:
				return false
			case w.Month != nil && !strings.Contains(f.Message, *w.Month) && !strings.Contains(f.File, *w.Month):
				return false
			case w.Value != "" && !strings.Contains(f.Message, w.Value):
				return false
			// A number's finding names its cell and text, not the row's
			// account.
			case w.Account != "" && code != findings.BadNumber && !strings.Contains(f.Message, w.Account):
				return false
			}
			return true
		})
		if !found {
			t.Errorf("no finding %s (%s) like %+v in:\n%s", w.Kind, code, w, findingLines(got))
		}
	}
	for _, f := range got {
		if !codes[f.Code] {
			t.Errorf("unexpected finding %s", f)
		}
	}
}

// fileLine is the line a finding names: its Line, or the row of its
// cell in a CSV file.
func fileLine(f findings.Finding) int {
	if f.Line > 0 {
		return f.Line
	}
	_, row, _ := xlsxfile.ParseCellName(f.Cell)
	return row
}

// checkField compares the imported sheet (or Sheet.field) to
// expected.json's fields, value by value.
func checkField(t *testing.T, e *expected, im *Imported, f string) {
	t.Helper()
	sheet, field, _ := strings.Cut(f, ".")
	raw := e.Fields[sheet]
	var got []Record
	for _, r := range im.Records {
		if r.Sheet == sheet {
			got = append(got, r)
		}
	}
	var want []map[string]any
	if err := json.Unmarshal(raw, &want); err != nil { // a campo | valor sheet
		var one map[string]any
		if err := json.Unmarshal(raw, &one); err != nil {
			t.Fatalf("fields.%s: %v", sheet, err)
		}
		if field != "" {
			one = map[string]any{field: one[field]}
		}
		want = []map[string]any{one}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d records, want %d", f, len(got), len(want))
		return
	}
	for i, w := range want {
		for k, wv := range w {
			gv, ok := got[i].Get(k)
			if !ok {
				t.Errorf("%s[%d].%s: no value, want %v", sheet, i, k, wv)
				continue
			}
			if !sameValue(gv, wv) {
				t.Errorf("%s[%d].%s = %v, want %v", sheet, i, k, gv, wv)
			}
		}
	}
}

// sameValue compares an imported value with a JSON one: decimals
// numerically (money to the centavo: both have at most 2 places), months
// and text as written.
func sameValue(got, want any) bool {
	switch g := got.(type) {
	case decimal.Decimal:
		w, err := decimal.NewFromString(fmt.Sprint(want))
		return err == nil && g.Equal(w)
	case period.Month:
		return g.String() == want
	case string:
		return g == want
	}
	return false
}

// The Origem sheet's accounts: each account's value at the data base and
// the accounts no row holds, and the two checks, as expected.json computed
// them from the good set.
func TestImportOrigins(t *testing.T) {
	e := loadExpected(t)
	c := e.Cases["good_erp_csv"]
	im, err := Import(context.Background(), ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Diops: fixturePaths(c.Args.Diops), Rules: rulestest.Default(t)})
	if err != nil || im.Blocked() {
		t.Fatalf("%v %v", err, im.Findings)
	}
	for key, want := range e.Sources.ERP {
		sheet, field, _ := strings.Cut(key, ".")
		o := origin(im, sheet, field)
		if o == nil {
			t.Errorf("%s: no origin", key)
			continue
		}
		var absent []string
		for _, p := range o.Parts {
			if p.Absent {
				absent = append(absent, p.Conta)
				continue
			}
			if !sameValue(p.Value, want.Accounts[p.Conta]) {
				t.Errorf("%s: account %s = %s, want %s", key, p.Conta, p.Value, want.Accounts[p.Conta])
			}
		}
		if !slices.Equal(absent, want.Absent) {
			t.Errorf("%s: absent %v, want %v", key, absent, want.Absent)
		}
		if o.Period.String() != "2025-09" || !slices.Contains(o.Files, filepath.Join(balanceteDir, "erp-csv/balancete-2025-09.csv")) {
			t.Errorf("%s: period %s, files %v", key, o.Period, o.Files)
		}
		if o.Status == "" || o.Source == "" || !strings.HasPrefix(o.Mapping, "balancete.") {
			t.Errorf("%s: mapping %q status %q source %q", key, o.Mapping, o.Status, o.Source)
		}
	}
	checks := map[string]string{"ABI": "abi_hc_x_soma", "Remissao.pr_temporaria + Remissao.pr_vitalicia": "provisao_remissao"}
	if len(im.Checks) != len(checks) {
		t.Fatalf("%d checks", len(im.Checks))
	}
	for _, ch := range im.Checks {
		if want := e.OrigemChecks[checks[ch.Field]]; !sameValue(ch.Value, want.Value) || ch.Origin.Accounts.String() != strings.Join(want.Accounts, " + ") {
			t.Errorf("check %s = %s (%s), want %s (%v)", ch.Field, ch.Value, ch.Origin.Accounts, want.Value, want.Accounts)
		}
	}
}

// origin is the origin of a campo | valor field of the import.
func origin(im *Imported, sheet, field string) *Origin {
	for _, r := range im.Records {
		if r.Sheet != sheet {
			continue
		}
		for _, v := range r.Values {
			if v.Field == field {
				return v.Origin
			}
		}
	}
	return nil
}

// --base copies what the accounts cannot give: without a DIOPS-XML and a
// registro, the example's Operadora (its registro too), ABI, Remissao, the
// credit and market sheets; the accounts' fields stay the accounts'.
func TestImportBase(t *testing.T) {
	e := loadExpected(t)
	c := e.Cases["good_erp_csv"]
	example := "../../examples/operadora-exemplo.xlsx"
	base, _, err := readWorkbook(context.Background(), example)
	if err != nil {
		t.Fatal(err)
	}
	im, err := Import(context.Background(), ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Base: example, Rules: rulestest.Default(t)})
	if err != nil || im.Blocked() {
		t.Fatalf("%v\n%s", err, findingLines(im.Findings))
	}
	count := map[string]int{}
	for _, r := range im.Records {
		count[r.Sheet]++
	}
	for sheet, want := range map[string]int{
		"Operadora": 1, "PLA": 1, "Contraprestacoes": 84, "Eventos": 12, "ABI": len(base.ABI), "Remissao": 1,
		"Credito_Operadoras": len(base.CreditoOperadoras), "Credito_Seguros": len(base.CreditoSeguros),
		"Credito_Ativos": len(base.CreditoAtivos), "Mercado_ALM": len(base.MercadoALM), "Mercado_Ativos": len(base.MercadoAtivos),
		"Operacional": 1, "Beneficiarios": 0,
	} {
		if count[sheet] != want {
			t.Errorf("%s: %d records, want %d", sheet, count[sheet], want)
		}
	}
	if v := origin(im, "Operadora", "registro_ans"); v == nil || !v.Copied {
		t.Errorf("registro_ans: %+v, want copied", v)
	}
	if v := origin(im, "Operadora", "data_base"); v == nil || v.Copied {
		t.Errorf("data_base: %+v, want the import's", v)
	}
	if v := origin(im, "PLA", "pl"); v == nil || v.Copied || v.Accounts.String() != "25" {
		t.Errorf("PLA.pl: %+v, want the accounts'", v)
	}
	if v := origin(im, "Remissao", "pr_vitalicia"); v == nil || !v.Copied || v.Place != base.Remissao.PRVitalicia.Ref {
		t.Errorf("Remissao.pr_vitalicia: %+v, want copied from %s", v, base.Remissao.PRVitalicia.Ref)
	}
	// The example has no Parcelas_Informadas; Beneficiarios is never
	// copied.
	for _, l := range im.Left {
		if l.Copied == (l.Field.String() == "Beneficiarios" || l.Field.String() == "Parcelas_Informadas") {
			t.Errorf("left %+v", l)
		}
	}
	// The example is another operator than the DIOPS-XML's 412345.
	im, err = Import(context.Background(), ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Diops: fixturePaths(c.Args.Diops), Base: example, Rules: rulestest.Default(t)})
	if err != nil || !im.Blocked() || im.Findings[0].Code != findings.BalanceteOperators || im.Findings[0].File != example {
		t.Errorf("a base of another operator: %v %v", err, im.Findings)
	}
}

// validate --balancete: a workbook whose fields differ from the accounts
// gets a warning per field, naming the cell, both values, the accounts and
// the period; rows the accounts do not give are differences too.
func TestCheckAccounts(t *testing.T) {
	e := loadExpected(t)
	c := e.Cases["good_erp_csv"]
	rb := rulestest.Default(t)
	im, err := Import(context.Background(), ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Diops: fixturePaths(c.Args.Diops), Rules: rb})
	if err != nil || im.Blocked() {
		t.Fatal(err)
	}
	rep := CheckAccounts(context.Background(), "../../examples/operadora-exemplo.xlsx", im, rb)
	var pl *findings.Finding
	n := 0
	for i, f := range rep.Findings {
		if f.Code != findings.BalanceteDiffers {
			continue
		}
		n++
		if f.Sheet == "PLA" && f.Cell == "B2" {
			pl = &rep.Findings[i]
		}
	}
	if pl == nil || pl.Severity != findings.Warning || !strings.Contains(pl.Message, "in the workbook and R$ 64.742.207,51 in the accounts (25, 2025-09, ") {
		t.Fatalf("no warning on PLA!B2: %v", pl)
	}
	// Every PLA and Operacional field, the 84 + 12 monthly rows, the 2
	// remission bases, the credit, fund and ALM values differ: the example
	// is another operator.
	if n < 7+2+84+12 {
		t.Errorf("%d differences", n)
	}
	if rep.Valid != true || rep.Warnings != n {
		t.Errorf("report: valid %v, %d warnings, %d differences", rep.Valid, rep.Warnings, n)
	}
}

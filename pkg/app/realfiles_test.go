package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/coletabook"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/workbook"
)

// realFilesDir holds workbooks written by other software (openpyxl,
// LibreOffice, SheetJS, Excel's number storage, Python's zipfile), each
// with one property of issue 10, and expected.json (see its README.md).
const realFilesDir = "../../testdata/realfiles"

// realExpected is testdata/realfiles/expected.json.
type realExpected struct {
	Clean string                   `json:"clean"`
	Files map[string]realExpected1 `json:"files"`
}

type realExpected1 struct {
	// equals: the file computes what the clean file computes, to the
	// centavo; amounts_rounded come from the independent reference
	// (testdata/fixtures/gen/reference_impl.py).
	Equals         string            `json:"equals"`
	FactorSet      string            `json:"factor_set"`
	AmountsRounded map[string]string `json:"amounts_rounded"`
	AbiCount       int               `json:"abi_count"`
	AbiSum         string            `json:"abi_sum"`
	// refused: exactly these findings, nothing computed.
	Refused  bool          `json:"refused"`
	Findings []realFinding `json:"findings"`
	// command "coleta validate": the findings of equals_findings_of.
	Command          string         `json:"command"`
	EqualsFindingsOf string         `json:"equals_findings_of"`
	Calc             *realExpected1 `json:"calc"`
}

type realFinding struct {
	Code        string  `json:"code"`
	Sheet       *string `json:"sheet"`
	Cell        *string `json:"cell"`
	MessageSays string  `json:"message_says"`
	FixSays     string  `json:"fix_says"`
}

// where is the place as findings.Finding.Where names it (null: none).
func (f realFinding) where() string {
	var at findings.Finding
	if f.Sheet != nil {
		at.Sheet = *f.Sheet
	}
	if f.Cell != nil {
		at.Cell = *f.Cell
	}
	return at.Where()
}

// realFileItems are the items of issue 10 the corpus must prove, each by
// a file: a wrong number (or a refused well-formed file) before the fix.
var realFileItems = []string{
	"excel-17digit-doubles.xlsx", "coleta-excel-17digit-doubles.xlsx", // 17-digit doubles
	"openpyxl-1904.xlsx", "libreoffice-1904.xlsx", "sheetjs-1904.xlsx", // the 1904 date system, three writers
	"openpyxl-iso-dates.xlsx",                              // t="d" dates
	"openpyxl-booleans.xlsx", "openpyxl-boolean-flag.xlsx", // booleans
	"openpyxl-duplicate-sheets.xlsx", "openpyxl-duplicate-sheets-case.xlsx", // duplicate sheet names
	"out-of-order-rows.xlsx", "duplicate-row.xlsx", "duplicate-cell.xlsx", // rows and cells out of order or twice
	"styled-blank-rows-1500.xlsx", "styled-blank-rows-5000.xlsx", "styled-blank-rows-5000-libreoffice.xlsx",
	"big-table-numeric.xlsx",
	"libreoffice.ods", "libreoffice.xls", "empty.zip.xlsx", "zip-holding-xlsx.xlsx", "word.docx.xlsx",
}

// Every file of testdata/realfiles, written by other software, computes
// what the clean file computes, to the centavo and to the last digit, with
// the same factor set (and both agree with the independent reference), or
// is refused with exactly the findings expected.json lists, and nothing is
// computed. Runs the path capreg calc, validate and coleta validate run.
func TestRealFiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(realFilesDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want realExpected
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	// The directory and expected.json list the same files.
	entries, err := os.ReadDir(realFilesDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && n != "expected.json" && n != "README.md" {
			files = append(files, n)
			if _, ok := want.Files[n]; !ok {
				t.Errorf("%s is in %s but not in expected.json", n, realFilesDir)
			}
		}
	}
	for n := range want.Files {
		if !slices.Contains(files, n) {
			t.Errorf("expected.json lists %s, which is not in %s", n, realFilesDir)
		}
	}
	for _, n := range realFileItems {
		if _, ok := want.Files[n]; !ok {
			t.Errorf("the corpus lacks %s, the proof of an item of issue 10", n)
		}
	}

	ctx := context.Background()
	rb, err := app.LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	calc := func(t *testing.T, name string) (*app.Calculation, error) {
		t.Helper()
		return app.Calculate(ctx, filepath.Join(realFilesDir, name), "", rb, capital.Options{Factors: capital.Auto})
	}
	clean, err := calc(t, want.Clean)
	if err != nil {
		t.Fatalf("%s: %v", want.Clean, err)
	}
	cleanFigs := report.Figures(clean.Result)
	slices.Sort(files)
	for _, name := range files {
		w := want.Files[name]
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(realFilesDir, name)
			switch {
			case w.Command == "coleta validate":
				got := app.ValidateColeta(ctx, path)
				ref := app.ValidateColeta(ctx, filepath.Join(realFilesDir, w.EqualsFindingsOf))
				if got.Errors != 0 || got.Warnings != 0 || len(w.Findings) != 0 || !slices.Equal(whereCodes(got.Findings), whereCodes(ref.Findings)) {
					t.Errorf("coleta validate: %v; %s: %v; expected.json: %v", got.Findings, w.EqualsFindingsOf, ref.Findings, w.Findings)
				}
				// and it reads the very values the clean sheet holds
				if a, b := coletaSheet(t, path), coletaSheet(t, filepath.Join(realFilesDir, w.EqualsFindingsOf)); !reflect.DeepEqual(a, b) {
					t.Errorf("the sheet reads\n%+v\n%s reads\n%+v", a, w.EqualsFindingsOf, b)
				}
				if w.Calc != nil {
					checkRefused(t, path, w.Calc.Findings, func() (*app.Calculation, error) { return calc(t, name) }, app.Validate(ctx, path, rb))
				}
			case w.Refused:
				checkRefused(t, path, w.Findings, func() (*app.Calculation, error) { return calc(t, name) }, app.Validate(ctx, path, rb))
			default:
				c, err := calc(t, name)
				if err != nil {
					t.Fatal(err)
				}
				if c.Result.FactorSet != w.FactorSet {
					t.Errorf("factor set %s, expected.json %s", c.Result.FactorSet, w.FactorSet)
				}
				checkAmounts(t, c.Result, w.AmountsRounded)
				if len(c.Warnings) != len(clean.Warnings) {
					t.Errorf("warnings %v, clean %v", c.Warnings, clean.Warnings)
				}
				if w.Equals == "" {
					checkABI(t, path, w)
					return
				}
				if w.Equals != want.Clean {
					t.Fatalf("equals %s: only %s is a clean file", w.Equals, want.Clean)
				}
				if c.Result.FactorSet != clean.Result.FactorSet || !slices.Equal(eligibleSets(c.Result), eligibleSets(clean.Result)) {
					t.Errorf("factor set %s of %v, clean %s of %v", c.Result.FactorSet, eligibleSets(c.Result), clean.Result.FactorSet, eligibleSets(clean.Result))
				}
				figs := report.Figures(c.Result)
				for _, k := range report.AmountKeys {
					// to the last digit, not only the centavo: no 17-digit noise
					if !figs[k].Value.Equal(cleanFigs[k].Value) {
						t.Errorf("%s = %s, clean %s", k, figs[k].Value, cleanFigs[k].Value)
					}
				}
			}
		})
	}
}

// checkAmounts compares every amount, rounded to centavos, with the
// reference's.
func checkAmounts(t *testing.T, r *capital.Result, want map[string]string) {
	t.Helper()
	figs := report.Figures(r)
	if len(want) != len(report.AmountKeys) {
		t.Errorf("expected.json has %d amounts, capreg %d", len(want), len(report.AmountKeys))
	}
	for _, k := range report.AmountKeys {
		if got := money.Round(figs[k].Value).StringFixed(2); got != want[k] {
			t.Errorf("%s = %s, the reference %s (full %s)", k, got, want[k], figs[k].Value)
		}
	}
}

// checkABI checks the avisos read from a big table: their count and sum.
func checkABI(t *testing.T, path string, w realExpected1) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, l, err := workbook.Read(context.Background(), f)
	if err != nil || in == nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	sum := decimal.Zero
	for _, a := range in.ABI {
		sum = sum.Add(a.V)
	}
	if len(in.ABI) != w.AbiCount || sum.String() != w.AbiSum {
		t.Errorf("%d avisos summing %s, want %d summing %s", len(in.ABI), sum, w.AbiCount, w.AbiSum)
	}
}

// checkRefused checks that calc computes nothing and reports exactly the
// expected findings (code, sheet, cell), each message and fix saying what
// expected.json says, and that validate reports the same.
func checkRefused(t *testing.T, path string, want []realFinding, calc func() (*app.Calculation, error), validated app.FileReport) {
	t.Helper()
	c, err := calc()
	var ie *findings.InputError
	if c != nil || !errors.As(err, &ie) {
		t.Fatalf("computed %v, error %v; want refused", c != nil, err)
	}
	var wantWhere []string
	for _, f := range want {
		wantWhere = append(wantWhere, f.Code+" "+f.where())
	}
	slices.Sort(wantWhere)
	for _, got := range []findings.List{ie.Findings, validated.Findings} {
		if g := whereCodes(got); !slices.Equal(g, wantWhere) {
			t.Errorf("findings %q, want %q:\n%v", g, wantWhere, got)
			continue
		}
		for _, f := range want {
			i := slices.IndexFunc(got, func(g findings.Finding) bool {
				return g.Code == f.Code && g.Where() == f.where() && strings.Contains(g.Message, f.MessageSays) && strings.Contains(g.Fix, f.FixSays)
			})
			if i < 0 {
				t.Errorf("no %s %s saying %q (fix: %q) in %v", f.Code, f.where(), f.MessageSays, f.FixSays, got)
			}
		}
	}
	if validated.Valid || validated.File != path {
		t.Errorf("validate: %+v", validated)
	}
}

// coletaSheet reads the Coleta sheet of a collection workbook.
func coletaSheet(t *testing.T, path string) *coleta.Sheet {
	t.Helper()
	b, l, err := coletabook.Open(context.Background(), path)
	if err != nil || b == nil {
		t.Fatalf("%s: %v %v", path, l, err)
	}
	defer b.Close()
	return b.Sheet
}

// whereCodes are a list's findings as "code Sheet!Cell", sorted.
func whereCodes(l findings.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code+" "+f.Where())
	}
	slices.Sort(out)
	return out
}

func eligibleSets(r *capital.Result) []string {
	var out []string
	for _, s := range r.Sets {
		if s.Eligible {
			out = append(out, s.Set)
		}
	}
	return out
}

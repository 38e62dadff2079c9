package generate_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// writeOperator writes op's workbook and its balancetes into a new
// directory: the workbook's path, the ERP files, the open-data files and
// the DIOPS-XML.
func writeOperator(t *testing.T, op *generate.Operator, rb *rules.Rulebook) (book string, erp, open []string, xml string) {
	t.Helper()
	dir := t.TempDir()
	f, _, err := op.Workbook(context.Background(), generate.WorkbookOptions{TmpDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	book = filepath.Join(dir, "operadora.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	files, err := op.Balancetes(&rb.Balancete)
	if err != nil {
		t.Fatal(err)
	}
	for _, bf := range files {
		p := filepath.Join(dir, bf.Name)
		if err := os.WriteFile(p, bf.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(bf.Name, "balancete-"):
			erp = append(erp, p)
		case strings.HasPrefix(bf.Name, "dados-abertos-"):
			open = append(open, p)
		default:
			xml = p
		}
	}
	return book, erp, open, xml
}

// roundTrip imports the balancetes and checks that every field they give
// equals the workbook's: no finding of the import, no difference of
// CheckAccounts.
func roundTrip(t *testing.T, name string, op *generate.Operator, rb *rules.Rulebook) {
	t.Helper()
	ctx := context.Background()
	book, erp, open, xml := writeOperator(t, op, rb)
	if len(erp) != 13 || len(open) != 5 || xml == "" {
		t.Fatalf("%s: %d ERP files, %d open-data files, DIOPS %q; want 13, 5 and one", name, len(erp), len(open), xml)
	}
	for _, set := range []struct {
		what  string
		files []string
	}{{"ERP", erp}, {"open data", open}} {
		im, err := app.Import(ctx, app.ImportOptions{Balancetes: set.files, Diops: []string{xml}, Rules: rb})
		if err != nil {
			t.Fatal(err)
		}
		if len(im.Findings) > 0 && (set.what == "ERP" || im.Findings.HasErrors()) {
			t.Fatalf("%s, %s: import findings:\n%v", name, set.what, im.Findings)
		}
		if im.Registro != op.Registro {
			t.Errorf("%s, %s: registro %q, want %q", name, set.what, im.Registro, op.Registro)
		}
		alm := 0
		for _, r := range im.Records {
			if r.Sheet == "Mercado_ALM" {
				alm++
			}
		}
		if alm == 0 {
			t.Errorf("%s, %s: no Mercado_ALM row imported", name, set.what)
		}
		if set.what == "ERP" {
			checkTotals(t, name, book, im)
		}
		rep := app.CheckAccounts(ctx, book, im, rb)
		for _, f := range rep.Findings {
			if f.Code == findings.BalanceteDiffers {
				t.Errorf("%s, %s: %s", name, set.what, f.Message)
			}
		}
		if set.what == "ERP" && len(im.Derived) < 5 {
			t.Errorf("%s, %s: derived sheets %v", name, set.what, im.Derived)
		}
	}
}

func TestBalancetesRoundTripExample(t *testing.T) {
	rb := rulestest.Default(t)
	roundTrip(t, "example seed 1", generate.NewExample(1), rb)
}

// TestBalancetesRoundTripMarket: every operator of a 50-operator market
// (administradoras without pricing cells, odontológicas, operators without
// remission among them) round-trips exactly.
func TestBalancetesRoundTripMarket(t *testing.T) {
	rb := rulestest.Default(t)
	for i := 1; i <= 50; i++ {
		roundTrip(t, generate.MarketFile(i, 50), generate.MarketOperator(42, i, 50), rb)
	}
}

// The files are named as BalanceteNames says, the same bytes from the same
// operator, and balance each month's accounts in both CSV forms' headers.
func TestBalancetesFiles(t *testing.T) {
	rb := rulestest.Default(t)
	a, err := generate.NewExample(1).Balancetes(&rb.Balancete)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := generate.NewExample(1).Balancetes(&rb.Balancete)
	c, _ := generate.NewExample(2).Balancetes(&rb.Balancete)
	names := generate.BalanceteNames()
	if len(a) != len(names) || len(names) != 19 {
		t.Fatalf("%d files, %d names; want 19", len(a), len(names))
	}
	for i, f := range a {
		if f.Name != names[i] {
			t.Errorf("file %d is %s, BalanceteNames says %s", i, f.Name, names[i])
		}
		if string(f.Data) != string(b[i].Data) {
			t.Errorf("%s differs between two runs of seed 1", f.Name)
		}
		if string(f.Data) == string(c[i].Data) {
			t.Errorf("%s is the same for seeds 1 and 2", f.Name)
		}
	}
	for _, want := range []struct{ name, prefix string }{
		{"balancete-2025-09.csv", "registro_ans;mes;conta;descricao;saldo_final\n"},
		{"dados-abertos-3T2025.csv", `"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_INICIAL";"VL_SALDO_FINAL"` + "\n" + `"2025-07-01";`},
		{"diops-3T2025.xml", "<?xml"},
	} {
		i := slices.Index(names, want.name)
		if i < 0 || !strings.HasPrefix(string(a[i].Data), want.prefix) {
			t.Errorf("%s does not start with %q", want.name, want.prefix)
		}
	}
}

// checkTotals: the checks the import shows beside the fields the chart
// cannot give are the workbook's hc × ΣABI (to the centavo) and its
// pr_temporaria + pr_vitalicia.
func checkTotals(t *testing.T, name, book string, im *app.Imported) {
	t.Helper()
	f, err := os.Open(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, _, err := workbook.Read(context.Background(), f)
	if err != nil || in == nil {
		t.Fatalf("%s: %v", name, err)
	}
	var abi decimal.Decimal
	for _, a := range in.ABI {
		abi = abi.Add(a.V)
	}
	want := []decimal.Decimal{in.Operadora.HC.V.Mul(abi).Round(2), in.Remissao.PRTemporaria.V.Add(in.Remissao.PRVitalicia.V)}
	if len(im.Checks) != len(want) {
		t.Fatalf("%s: %d checks, want %d", name, len(im.Checks), len(want))
	}
	for i, c := range im.Checks {
		if !c.Value.Equal(want[i]) {
			t.Errorf("%s: check %s is %s, want %s", name, c.Field, c.Value, want[i])
		}
	}
}

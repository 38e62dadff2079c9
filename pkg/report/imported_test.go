package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// goodSet is the good set of testdata/balancete: 13 ERP exports and the
// quarterly DIOPS-XML.
func goodSet(t *testing.T) (*app.Imported, *rules.Rulebook) {
	t.Helper()
	dir := "../../testdata/balancete"
	bal, _ := filepath.Glob(filepath.Join(dir, "erp-csv", "balancete-*.csv"))
	rb := rulestest.Default(t)
	im, err := app.Import(context.Background(), app.ImportOptions{Balancetes: bal, Diops: []string{filepath.Join(dir, "diops", "diops-3T2025.xml")}, Rules: rb})
	if err != nil || im.Blocked() || len(bal) != 13 {
		t.Fatalf("%v %v %d", err, im.Findings, len(bal))
	}
	return im, rb
}

// The imported workbook reads back through capreg's own reader with every
// derived field as the import gave it, each filled cell carries its
// comment, and Origem lists every value.
func TestImportWorkbookRoundTrip(t *testing.T) {
	im, rb := goodSet(t)
	// The person fills the grau de risco, without which the reader refuses
	// a counterparty's row.
	for i := range im.Records {
		if im.Records[i].Sheet == "Credito_Operadoras" {
			im.Records[i].Values = append(im.Records[i].Values, app.Value{Field: "grau_risco", V: "A"})
		}
	}
	f, err := ImportWorkbook(im, lang.PtBR)
	if err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	in, l, err := workbook.Read(context.Background(), bytes.NewReader(buf.Bytes()))
	if err != nil || in == nil {
		t.Fatal(err)
	}
	// What is left for the person is empty, and only that is reported.
	for _, f := range l.Errors() {
		if f.Sheet != "Operadora" && f.Sheet != "Remissao" {
			t.Errorf("unexpected finding %s", f)
		}
	}
	if in.Operadora.RegistroANS != "412345" || in.Operadora.DataBase.String() != "2025-09" {
		t.Errorf("Operadora: %s %s", in.Operadora.RegistroANS, in.Operadora.DataBase)
	}
	dec := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	for _, c := range []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"pl", in.PLA.PL.V, dec("64742207.51")},
		{"ded_goodwill", in.PLA.Deducoes[5].V, dec("320050.00")},
		{"contraprestacoes_12m_total", in.Operacional.Contraprestacoes12m.V, dec("184646448.91")},
		{"ca_vitalicia", in.Remissao.CAVitalicia.V, dec("612004.18")},
		{"fpr fundo_fdss", in.CreditoAtivos[0].FPR.V, dec("0.425")},
	} {
		if !c.got.Equal(c.want) {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if len(in.Contraprestacoes) != 84 || len(in.Eventos) != 12 || len(in.CreditoAtivos) != 2 || len(in.MercadoALM) != 6 {
		t.Errorf("rows: %d %d %d %d", len(in.Contraprestacoes), len(in.Eventos), len(in.CreditoAtivos), len(in.MercadoALM))
	}
	// Every derived field, value by value: the workbook agrees with the
	// accounts to the centavo.
	path := filepath.Join(t.TempDir(), "importado.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := app.CheckAccounts(context.Background(), path, im, rb)
	for _, f := range rep.Findings {
		if f.Code == findings.BalanceteDiffers {
			t.Errorf("the workbook read back differs: %s", f)
		}
	}

	book, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	comments, err := book.GetComments("PLA")
	if err != nil {
		t.Fatal(err)
	}
	byCell := map[string]string{}
	for _, c := range comments {
		byCell[c.Cell] = c.Text
	}
	for cell, want := range map[string][]string{
		"B2": {"Contas 25, saldo em 09/2025", "25: R$ 64.742.207,51", "balancete-2025-09.csv", "balancete.pla.pl.contas: regulamentação"},
		"B8": {"132129023: ausente", "PROVISÓRIO"},
	} {
		for _, w := range want {
			if !strings.Contains(byCell[cell], w) {
				t.Errorf("comment on PLA!%s = %q, want %q in it", cell, byCell[cell], w)
			}
		}
	}
	if n := countComments(t, book); n != countOrigins(im) {
		t.Errorf("%d comments, %d values with an origin", n, countOrigins(im))
	}
	rows, err := book.GetRows(SheetOrigem)
	if err != nil {
		t.Fatal(err)
	}
	want := countOrigins(im) + len(im.Checks) + len(im.Left) + 1
	if len(rows) != want {
		t.Errorf("Origem has %d rows, want %d", len(rows), want)
	}
	found := false
	for _, r := range rows {
		if len(r) > 8 && r[0] == "Remissao!B3" && strings.Contains(r[3], "contrapBenefRemissaoVital") && r[8] == "PROVISÓRIO" {
			found = true
		}
	}
	if !found {
		t.Errorf("Origem has no row of Remissao!B3 (ca_vitalicia) from the DIOPS, marked PROVISÓRIO")
	}
}

func countOrigins(im *app.Imported) int {
	n := 0
	for _, r := range im.Records {
		for _, v := range r.Values {
			if v.Origin != nil {
				n++
			}
		}
	}
	return n
}

func countComments(t *testing.T, f *excelize.File) int {
	t.Helper()
	n := 0
	for _, s := range f.GetSheetList() {
		c, err := f.GetComments(s)
		if err != nil {
			t.Fatal(err)
		}
		n += len(c)
	}
	return n
}

// The imported workbook's own words follow the language: its comments,
// the situations of Origem and the title; the layout's sheets, headers and
// Origem's header do not.
func TestImportWorkbookLanguages(t *testing.T) {
	im, _ := goodSet(t)
	for l, want := range map[lang.Lang]struct {
		comment []string
		marker  string
		title   string
	}{
		lang.En: {[]string{"Accounts 25, balance at 2025-09", "25: R$ 64.742.207,51", "Files: balancete-2025-09.csv", "Mapping balancete.pla.pl.contas: regulation"},
			"PROVISIONAL", "capreg — imported workbook (412345, 2025-09)"},
		lang.PtBR: {[]string{"Contas 25, saldo em 09/2025", "25: R$ 64.742.207,51", "Arquivos: balancete-2025-09.csv", "Mapeamento balancete.pla.pl.contas: regulamentação"},
			"PROVISÓRIO", "capreg — planilha importada (412345, 09/2025)"},
	} {
		f, err := ImportWorkbook(im, l)
		if err != nil {
			t.Fatal(err)
		}
		comments, _ := f.GetComments("PLA")
		var b2 string
		for _, c := range comments {
			if c.Cell == "B2" {
				b2 = c.Text
			}
		}
		for _, w := range want.comment {
			if !strings.Contains(b2, w) {
				t.Errorf("%s: comment on PLA!B2 = %q, want %q in it", l, b2, w)
			}
		}
		rows, _ := f.GetRows(SheetOrigem)
		if strings.Join(rows[0], ",") != strings.Join(origemHeader, ",") {
			t.Errorf("%s: Origem header %q", l, rows[0])
		}
		marked := false
		for _, r := range rows {
			marked = marked || (len(r) > 8 && r[8] == want.marker)
		}
		if !marked {
			t.Errorf("%s: no row of Origem marked %s", l, want.marker)
		}
		if p, err := f.GetDocProps(); err != nil || p.Title != want.title {
			t.Errorf("%s: title %q (%v)", l, p.Title, err)
		}
		f.Close()
	}
}

// What the import says of its values follows the language: a flow's
// months, a DIOPS element's line, why a field is left for the person
// (the Origem sheet and the summary).
func TestImportOriginsLang(t *testing.T) {
	im, _ := goodSet(t)
	for l, want := range map[lang.Lang]struct {
		flow, diopsPeriod, diopsLine, left, summary string
	}{
		lang.En: {"total of 2024-10..2025-09", "DIOPS-XML 3T2025", " (line 2918))", "to fill: not in the accounts",
			"  Beneficiarios: not in the accounts; never copied from --base (give the beneficiary data to calc with --beneficiarios)\n"},
		lang.PtBR: {"total de 10/2024 a 09/2025", "DIOPS-XML 3T2025", " (linha 2918))", "a preencher: não consta das contas",
			"  Beneficiarios: não consta das contas; nunca é copiado de --base (forneça os dados de beneficiários ao calc com --beneficiarios)\n"},
	} {
		f, err := ImportWorkbook(im, l)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(SheetOrigem)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		byField := map[string][]string{}
		for _, r := range rows {
			if len(r) > 1 {
				byField[r[1]] = append(r, make([]string, len(origemHeader))...)
			}
		}
		if r := byField["Operacional.contraprestacoes_12m_total"]; r[6] != want.flow {
			t.Errorf("%s: period of a 12-month total %q, want %q", l, r[6], want.flow)
		}
		if r := byField["Remissao.ca_temporaria"]; r[6] != want.diopsPeriod || !strings.HasSuffix(r[3], want.diopsLine) {
			t.Errorf("%s: DIOPS origin %q %q, want %q and ...%q", l, r[3], r[6], want.diopsPeriod, want.diopsLine)
		}
		if r := byField["Credito_Seguros"]; r[8] != want.left {
			t.Errorf("%s: left %q, want %q", l, r[8], want.left)
		}
		var b strings.Builder
		if err := ImportSummary(&b, im, "", l); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want.summary) {
			t.Errorf("%s: summary\n%s\nlacks %q", l, b.String(), want.summary)
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

func TestBatchSummary(t *testing.T) {
	s := app.BatchSummary{Total: 5, Computed: 3, Failed: 2, Insufficient: 1, Internal: 1}
	for l, want := range map[lang.Lang]string{
		lang.En:   "5 workbooks: 3 computed (1 insufficient), 2 failed, in 1.5 s",
		lang.PtBR: "5 planilhas: 3 calculadas (1 insuficientes), 2 com falha, em 1,5 s",
	} {
		if got := BatchSummary(l, s, 1549*time.Millisecond); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
	big := app.BatchSummary{Total: 12000, Computed: 12000}
	if got := BatchSummary(lang.PtBR, big, 61*time.Second); got != "12.000 planilhas: 12.000 calculadas (0 insuficientes), 0 com falha, em 61,0 s" {
		t.Errorf("pt-BR, a large batch: %q", got)
	}
}

// A JSON line: error null and the document's keys when computed; the
// error, its findings and no amounts when not.
func TestBatchJSONLine(t *testing.T) {
	var buf bytes.Buffer
	ok := &BatchLine{BatchRow: app.BatchRow{File: "a.xlsx"}, Doc: &Document{SchemaVersion: SchemaVersion, File: "a.xlsx", RegistroANS: "123456", FactorSet: "padrao"}}
	bad := &BatchLine{BatchRow: app.BatchRow{File: "b.xlsx", Error: "PLA!B2: CR-E005", Findings: findings.List{findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("pl is empty"))}}}
	for _, r := range []*BatchLine{ok, bad} {
		if err := BatchJSONLine(&buf, r); err != nil {
			t.Fatal(err)
		}
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if len(lines) != 2 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	var a, b map[string]any
	if json.Unmarshal(lines[0], &a) != nil || json.Unmarshal(lines[1], &b) != nil {
		t.Fatalf("not JSON:\n%s", buf.String())
	}
	if a["schema_version"] != "1" || a["file"] != "a.xlsx" || a["error"] != nil || a["registro_ans"] != "123456" || a["errors"] != nil {
		t.Errorf("computed row: %v", a)
	}
	if _, has := a["error"]; !has {
		t.Error("computed row without the error key (null)")
	}
	errs, _ := b["errors"].([]any)
	if b["schema_version"] != "1" || b["file"] != "b.xlsx" || b["error"] != "PLA!B2: CR-E005" || len(errs) != 1 || b["amounts"] != nil {
		t.Errorf("failed row: %v", b)
	}
}

// batchTestRows are a computed row (provisional), a workbook with seven
// errors and one that could not even be read.
func batchTestRows() []*BatchLine {
	icr := decimal.RequireFromString("1.25")
	var seven findings.List
	for i := range 7 {
		seven = append(seven, findings.New(findings.EmptyValue, "PLA", fmt.Sprintf("B%d", i+2), lang.Text("pl is empty")))
	}
	return []*BatchLine{
		{BatchRow: app.BatchRow{File: "a.xlsx"}, Doc: &Document{RegistroANS: "123456", DataBase: "2025-06", FactorSet: "padrao", Sufficient: true,
			Provisional: []string{"crm.modelo"}, Amounts: map[string]decimal.Decimal{
				"pla": decimal.RequireFromString("1250.004"), "cr": decimal.RequireFromString("1000"), "surplus": decimal.RequireFromString("250.004")},
			ICRRounded: &icr}},
		{BatchRow: app.BatchRow{File: "b.xlsx", Error: seven[0].String() + " (and 6 more)", Findings: seven}},
		{BatchRow: app.BatchRow{File: "c.xlsx", Error: "cannot read c.xlsx: no such file or directory"}},
	}
}

// A plain table streams: each row is out once written, before Close,
// which adds the notes and the workbooks not computed (at most 5 errors
// each); an aligned one waits for Close, which knows the widths.
func TestBatchTable(t *testing.T) {
	var buf bytes.Buffer
	tb := NewBatchTable(&buf, true, lang.En)
	for i, r := range batchTestRows() {
		if err := tb.Write(r); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(buf.String(), "\n"); n != i+2 {
			t.Errorf("after row %d: %d lines out, want %d (header and rows)", i+1, n, i+2)
		}
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("#\tFile\tRegistro\tData base\tSet\tPLA\tCR\tSurplus\tICR\tStatus\tMarkers\n")
	b.WriteString("1\ta.xlsx\t123456\t2025-06\tpadrao\tR$ 1.250,00\tR$ 1.000,00\tR$ 250,00\t1.2500\tsufficient\tPROVISIONAL\n")
	b.WriteString("2\tb.xlsx\t\t\t\t\t\t\t\tERROR\t\n")
	b.WriteString("3\tc.xlsx\t\t\t\t\t\t\t\tERROR\t\n")
	b.WriteString("\nPROVISIONAL: rows so marked use parameters not confirmed in the regulation:\n  crm.modelo\n" +
		"  Confirm them and set them in a rules file (capreg rules export; --rules FILE).\n")
	b.WriteString("\nNot computed\n  b.xlsx\n")
	for i := range 5 {
		fmt.Fprintf(&b, "    PLA!B%d: CR-E005 error: pl is empty (fix: fill the cell (type 0 if the amount really is zero))\n", i+2)
	}
	b.WriteString("    ... and 2 more (capreg validate b.xlsx)\n  c.xlsx\n    cannot read c.xlsx: no such file or directory\n")
	if buf.String() != b.String() {
		t.Errorf("plain table:\n%s\nwant:\n%s", buf.String(), b.String())
	}

	buf.Reset()
	tb = NewBatchTable(&buf, false, lang.En)
	for _, r := range batchTestRows() {
		if err := tb.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("aligned table written before Close: %q", buf.String())
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if lines[0] != "#  File    Registro  Data base  Set             PLA           CR    Surplus     ICR  Status      Markers" ||
		lines[1] != "1  a.xlsx  123456    2025-06    padrao  R$ 1.250,00  R$ 1.000,00  R$ 250,00  1.2500  sufficient  PROVISIONAL" ||
		lines[2] != "2  b.xlsx                                                                            ERROR" {
		t.Errorf("aligned table:\n%s", buf.String())
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n++; f.n > 1 {
		return 0, errors.New("broken pipe")
	}
	return len(p), nil
}

// A write error (a closed pipe, a full disk) is returned, by the row that
// met it when plain, else by Close.
func TestBatchTableWriteError(t *testing.T) {
	rows := batchTestRows()
	tb := NewBatchTable(&failWriter{}, true, lang.En) // the header goes through
	if err := tb.Write(rows[0]); err == nil || err.Error() != "broken pipe" {
		t.Errorf("plain: Write returned %v", err)
	}
	if err := tb.Close(); err == nil {
		t.Error("plain: Close forgot the error")
	}
	tb = NewBatchTable(&failWriter{n: 1}, false, lang.En)
	if err := tb.Write(rows[0]); err != nil {
		t.Errorf("aligned: Write returned %v before anything was written", err)
	}
	if err := tb.Close(); err == nil || err.Error() != "broken pipe" {
		t.Errorf("aligned: Close returned %v", err)
	}
}

// batchWorkbook is the summary workbook of lines in language l (with the
// headroom's columns when headroom), written and opened again; it is closed
// when the test ends.
func batchWorkbook(t *testing.T, l lang.Lang, headroom bool, lines ...*BatchLine) *excelize.File {
	t.Helper()
	x, err := NewBatchXLSX(l, headroom)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, r := range lines {
		if err := x.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// The summary workbook takes the rows as they come: Lote has a row each,
// Erros every error of every failed workbook (all seven, not the table's
// five) under its header, or a line saying there is none.
func TestBatchXLSX(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rows  []*BatchLine
		erros [][]string
	}{
		{"failures", batchTestRows(), nil},
		{"none", batchTestRows()[:1], [][]string{{"Arquivo", "Código", "Local", "Mensagem", "Correção"}, {"nenhum erro: todas as planilhas foram calculadas"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := batchWorkbook(t, lang.PtBR, false, tc.rows...)
			if got := f.GetSheetList(); !slices.Equal(got, []string{SheetLote, SheetGrafico, SheetParametros, SheetErros}) {
				t.Errorf("sheets %v", got)
			}
			lote, _ := f.GetRows(SheetLote)
			if len(lote) != 1+len(tc.rows) || lote[1][0] != "a.xlsx" || lote[1][1] != "123456" {
				t.Errorf("Lote %q", lote)
			}
			erros, _ := f.GetRows(SheetErros)
			if tc.erros != nil {
				if !slices.EqualFunc(erros, tc.erros, slices.Equal) {
					t.Errorf("Erros %q, want %q", erros, tc.erros)
				}
				return
			}
			if len(erros) != 1+7+1 || erros[7][2] != "PLA!B8" || erros[8][0] != "c.xlsx" || erros[8][3] != "cannot read c.xlsx: no such file or directory" {
				t.Errorf("Erros %q", erros)
			}
			if lote[3][len(lote[3])-1] != "cannot read c.xlsx: no such file or directory" {
				t.Errorf("Lote error column %q", lote[3])
			}
			// The header keeps its style over the wrapped message and fix columns.
			a1, _ := f.GetCellStyle(SheetErros, "A1")
			if d1, _ := f.GetCellStyle(SheetErros, "D1"); d1 != a1 {
				t.Errorf("Erros!D1 style %d, A1 %d", d1, a1)
			}
			params, _ := f.GetRows(SheetParametros)
			if len(params) != 4 || !slices.Equal(params[3], []string{"crm.modelo", "provisório", "1"}) {
				t.Errorf("Parametros %q", params)
			}
		})
	}
}

// A document keeps each factor set's verdict and CRS but no tree (its sets
// have no place for one, and the explanation only with Explain): a batch's
// rows wait in memory as documents, and the trees are most of a result.
func TestDocumentKeepsNoTree(t *testing.T) {
	node := func(k string) *capital.Node { return &capital.Node{Key: k, Value: decimal.NewFromInt(1)} }
	crs := node("crs")
	r := &capital.Result{FactorSet: "padrao", CB: node("cb"), PLA: node("pla"), CRS: crs, CRC: node("crc"), CRM: node("crm"),
		BCBR: node("bcbr"), CRO: node("cro"), CBR: node("cbr"), CR: node("cr"), Surplus: node("surplus"), Tree: node("tree"),
		Sets: []capital.SetOutcome{{Set: "padrao", Chosen: true, CRS: crs.Value, Node: crs}, {Set: "aps", CRS: decimal.NewFromInt(2), Node: node("crs")}}}
	d := NewDocument(r, nil, Meta{})
	for i, s := range d.FactorSets {
		if s.Set != r.Sets[i].Set || !s.CRS.Equal(r.Sets[i].CRS) {
			t.Errorf("set %d: %+v", i, s)
		}
	}
	if d.Explanation != nil {
		t.Error("the explanation without Explain")
	}
	if r.Sets[0].Node != crs {
		t.Error("the result's own sets were changed")
	}
}

// A batch line holds the calc document of its row, as calc -o json prints
// it (file and rulebook named), or the row's error and findings.
func TestNewBatchLine(t *testing.T) {
	c, rb := exampleCalculation(t)
	const wb = exampleFile
	l := NewBatchLine(&app.BatchRow{File: wb, Beneficiarios: "b.csv", Calculation: c}, lang.PtBR)
	want := NewDocument(c.Result, c.Warnings, Meta{File: wb, RulebookVer: rb.Versao, Lang: lang.PtBR})
	var got, exp bytes.Buffer
	if err := JSON(&got, l.Doc); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&exp, want); err != nil {
		t.Fatal(err)
	}
	if l.File != wb || l.Beneficiarios != "b.csv" || l.Error != "" || l.Calculation != nil || got.String() != exp.String() || !strings.Contains(got.String(), "aplicado: menor CRS") || l.Doc.File != wb || l.Doc.Explanation != nil {
		t.Errorf("computed row: %+v", l)
	}
	bad := app.FailedRow("x.xlsx", "", &findings.InputError{Findings: findings.List{findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("pl is empty"))}})
	if l := NewBatchLine(bad, lang.En); l.Doc != nil || l.File != "x.xlsx" || l.Error != bad.Error || len(l.Findings) != 1 {
		t.Errorf("failed row: %+v", l)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// reportsTwo are a file with an error and a warning, and a valid one.
func reportsTwo() []app.FileReport {
	e := findings.New(findings.EmptyValue, "PLA", "B2", lang.Text("pl is empty"))
	e.File = "a.xlsx"
	w := findings.New(findings.UnknownField, "Operadora", "A21", lang.Text("unknown campo x")).WithFix(lang.Text("remove it"))
	w.File = "a.xlsx"
	return []app.FileReport{
		{File: "a.xlsx", Errors: 1, Warnings: 1, Findings: findings.List{e, w}},
		{File: "b.xlsx", Valid: true},
	}
}

func TestValidateTable(t *testing.T) {
	for l, want := range map[lang.Lang]string{
		lang.En: "a.xlsx: INVALID — 1 error, 1 warning\n" +
			"  PLA!B2         CR-E005  error    pl is empty (fix: fill the cell (type 0 if the amount really is zero))\n" +
			"  Operadora!A21  CR-W003  warning  unknown campo x (fix: remove it)\n" +
			"b.xlsx: valid — 0 errors, 0 warnings\n" +
			"2 files, 1 error, 1 warning\n",
		// the findings' messages are the test's (no Portuguese); the default
		// fix is the catalogue's, in the language
		lang.PtBR: "a.xlsx: INVÁLIDO — 1 erro, 1 aviso\n" +
			"  PLA!B2         CR-E005  erro   pl is empty (correção: preencha a célula (digite 0 se o valor for mesmo zero))\n" +
			"  Operadora!A21  CR-W003  aviso  unknown campo x (correção: remove it)\n" +
			"b.xlsx: válido — 0 erros, 0 avisos\n" +
			"2 arquivos, 1 erro, 1 aviso\n",
	} {
		var buf bytes.Buffer
		if err := ValidateTable(&buf, reportsTwo(), l); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", l, buf.String(), want)
		}
	}
}

func TestValidateJSONAndCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := ValidateJSON(&buf, reportsTwo()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion string `json:"schema_version"`
		Files         []struct {
			File     string            `json:"file"`
			Valid    bool              `json:"valid"`
			Errors   int               `json:"errors"`
			Findings []json.RawMessage `json:"findings"`
		} `json:"files"`
		Errors, Warnings int
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != SchemaVersion || len(doc.Files) != 2 || doc.Files[0].Valid || doc.Files[0].Errors != 1 || len(doc.Files[0].Findings) != 2 ||
		!doc.Files[1].Valid || doc.Files[1].Findings == nil || doc.Errors != 1 || doc.Warnings != 1 {
		t.Errorf("json %s", buf.String())
	}
	buf.Reset()
	if err := ValidateCSV(&buf, reportsTwo(), CSVPlain); err != nil {
		t.Fatal(err)
	}
	want := "file,sheet,cell,column,code,severity,message,fix\n" +
		"a.xlsx,PLA,B2,,CR-E005,error,pl is empty,fill the cell (type 0 if the amount really is zero)\n" +
		"a.xlsx,Operadora,A21,,CR-W003,warning,unknown campo x,remove it\n"
	if buf.String() != want {
		t.Errorf("csv\n%s\nwant\n%s", buf.String(), want)
	}
}

// The catalogue: every check, one line (or row) each, after a header.
func TestCatalogue(t *testing.T) {
	cat := findings.CatalogueIn(lang.En)
	var table, pt, csv bytes.Buffer
	if err := CatalogueTable(&table, cat, lang.En); err != nil {
		t.Fatal(err)
	}
	if err := CatalogueTable(&pt, cat, lang.PtBR); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(pt.String(), "\n"); strings.Join(strings.Fields(first), " ") != "CÓDIGO SEVERIDADE REGRA CORREÇÃO" ||
		!strings.Contains(pt.String(), "CR-E005  erro ") || !strings.Contains(pt.String(), " aviso ") {
		t.Errorf("pt-BR table:\n%s", pt.String())
	}
	if err := CatalogueCSV(&csv, cat, CSVPlain); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(table.Bytes(), []byte("\n")); n != 1+len(cat) || !bytes.HasPrefix(table.Bytes(), []byte("CODE  ")) {
		t.Errorf("table: %d lines for %d checks", n, len(cat))
	}
	if n := bytes.Count(csv.Bytes(), []byte("\n")); n < 1+len(cat) || !bytes.HasPrefix(csv.Bytes(), []byte("code,severity,rule,fix\n")) {
		t.Errorf("csv: %d lines for %d checks", n, len(cat))
	}
}

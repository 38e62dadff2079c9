package balancete

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
)

// places are the findings as code and place ("CR-E006 f.csv!F3").
func places(l findings.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code+" "+f.Where())
	}
	return out
}

// dump is the sheets as text: a line per sheet, "registro mes q|m" and
// its rows "conta=inicial/final" (inicial "-" when none).
func dump(sheets []*Sheet) string {
	var b strings.Builder
	for _, s := range sheets {
		kind := "m"
		if s.Quarterly {
			kind = "q"
		}
		fmt.Fprintf(&b, "%s %s %s:", s.Registro, s.Mes, kind)
		for _, r := range s.Rows {
			ini := "-"
			if r.HasInicial {
				ini = r.Inicial.String()
			}
			fmt.Fprintf(&b, " %s=%s/%s", r.Conta, ini, r.Final)
		}
		b.WriteString("\n")
	}
	return b.String()
}

const openDataHeader6 = `"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_INICIAL";"VL_SALDO_FINAL"` + "\r\n"

func TestReadCSV(t *testing.T) {
	for _, c := range []struct {
		name, file, data, registro string
		want                       string   // dump of the sheets
		findings                   []string // code and place
	}{
		// The open data: quoted, ;, decimal comma, Latin-1 (SA\xdaDE), CRLF;
		// three operators, one selected; DATA is the quarter's first day.
		{"open data, one operator of three", "1T2025.csv", openDataHeader6 +
			`"2025-01-01";"316458";"3";"RECEITAS";"0";"1070,5"` + "\r\n" +
			`"2025-01-01";"005711";"3";"RECEITAS";"0";"99,99"` + "\r\n" +
			`"2025-01-01";"005711";"311";"CONTRAPRESTA\xc7\xd5ES";"0";"-12,3"` + "\r\n" +
			`"2025-01-01";"333239";"3";"SA\xdaDE";"0";"x"` + "\r\n",
			"5711", "005711 2025-03 q: 3=0/99.99 311=0/-12.3\n", nil},
		// The old layout (no VL_SALDO_INICIAL), DD/MM/AAAA, BOM, UTF-8.
		{"open data, old layout", "4T2020.csv", "\ufeff" + `"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_FINAL"` + "\n" +
			`"01/10/2020";"316458";"25";"PATRIMÔNIO LÍQUIDO";"1234,56"` + "\n",
			"", "316458 2020-12 q: 25=-/1234.56\n", nil},
		{"open data, AAAA/MM/DD", "2T2023.csv", openDataHeader6 + `"2023/04/01";"316458";"1";"ATIVO";"1,00";"2,00"` + "\n",
			"316458", "316458 2023-06 q: 1=1/2\n", nil},
		{"open data, several operators", "1T2025.csv", openDataHeader6 +
			`"2025-01-01";"316458";"3";"R";"0";"1"` + "\n" +
			`"2025-01-01";"5711";"3";"R";"0";"1"` + "\n" +
			`"2025-01-01";"316458";"4";"R";"0";"bad: not read"` + "\n",
			"", "", []string{"CR-E053 1T2025.csv"}},
		{"open data, registro absent", "1T2025.csv", openDataHeader6 + `"2025-01-01";"316458";"3";"R";"0";"1"` + "\n",
			"123456", "", []string{"CR-E054 1T2025.csv"}},
		{"bad registro selected", "1T2025.csv", openDataHeader6, "12a", "", []string{"CR-E012 1T2025.csv"}},
		// An ERP export: , separated, a mes column, two months.
		{"erp with mes", "export.csv", "conta,descricao,saldo_inicial,saldo_final,mes\n" +
			"311,Contraprestações,\"1.000,00\",\"1.500,25\",2025-05\n" +
			"311,Contraprestações,1500.25,2100,2025-06\n" +
			"1,Ativo,10,20,2025-06\n",
			"", " 2025-05 m: 311=1000/1500.25\n 2025-06 m: 1=10/20 311=1500.25/2100\n", nil},
		// Without mes: the month of the name; the header's case, blanks and
		// accents do not matter, saldo is saldo_final; the registro given
		// names the operator.
		{"erp, month of the name", "balancete-2025-06.csv", " CONTA ;Descrição;Saldo;Observação\n31111101;x;12,5;\n", "316458",
			"316458 2025-06 m: 31111101=-/12.5\n", []string{"CR-W002 balancete-2025-06.csv!D1"}},
		{"erp, no month", "balancete.csv", "conta;saldo_final\n1;2\n", "", "", []string{"CR-E055 balancete.csv"}},
		{"erp, registro column", "b-2025-06.csv", "conta;saldo_final;registro_ans\n1;2;5711\n1;3;316458\n", "316458",
			"316458 2025-06 m: 1=-/3\n", nil},
		{"bad values", "b-2025-06.csv", "conta;saldo_inicial;saldo_final\n" +
			"3.1.1;1;2\n" + // line 2: a code with dots
			"311;1;2\n" +
			"312;1;1.234\n" + // line 4: ambiguous
			"313;1;\n" + // line 5: empty
			"311;0;5\n" + // line 6: 311 again
			"314;x;1\n" + // line 7: not a number
			";;\n", // a blank line
			"", "", []string{"CR-E007 b-2025-06.csv!C4", "CR-E005 b-2025-06.csv!C5", "CR-E006 b-2025-06.csv!B7",
				"CR-E051 b-2025-06.csv!A2", "CR-E052 b-2025-06.csv!A6"}},
		{"bad DATA", "1T2025.csv", openDataHeader6 + `"2025-13-01";"316458";"3";"R";"0";"1"` + "\n", "", "", []string{"CR-E008 1T2025.csv!A2"}},
		{"no header", "x.csv", "a;b\n1;2\n", "", "", []string{"CR-E050 x.csv!A1"}},
		{"open data lacking a column", "x.csv", "DATA;CD_CONTA_CONTABIL;VL_SALDO_FINAL\n", "", "", []string{"CR-E050 x.csv!A1"}},
		{"a column twice", "x-2025-01.csv", "conta;saldo;saldo_final\n", "", "", []string{"CR-E050 x-2025-01.csv!C1"}},
		{"empty", "x-2025-01.csv", "", "", "", []string{"CR-E050 x-2025-01.csv"}},
		{"header only", "x-2025-01.csv", "conta;saldo\n", "", "", []string{"CR-E054 x-2025-01.csv"}},
		{"broken quotes", "x-2025-01.csv", "conta;saldo\n\"1;2\n", "", "", []string{"CR-E001 x-2025-01.csv!A2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sheets, l, err := ReadCSV(context.Background(), strings.NewReader(c.data), "dir/"+c.file, c.registro)
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(sheets); got != c.want {
				t.Errorf("sheets\n%s\nwant\n%s", got, c.want)
			}
			if got := places(l); !slices.Equal(got, c.findings) {
				t.Errorf("findings %v, want %v\n%v", got, c.findings, l)
			}
			for _, f := range l {
				if f.File != "dir/"+c.file || f.Message == "" {
					t.Errorf("finding without its file or message: %+v", f)
				}
			}
			for _, s := range sheets {
				if s.File != "dir/"+c.file {
					t.Errorf("sheet of %q", s.File)
				}
			}
		})
	}
}

// The messages name the line, the registros found, the month.
func TestReadCSVMessages(t *testing.T) {
	for _, c := range []struct{ data, file, registro, want string }{
		{openDataHeader6 + `"2025-01-01";"316458";"3";"R";"0";"1"` + "\n" + `"2025-01-01";"5711";"3";"R";"0";"1"` + "\n",
			"a.csv", "", "the file holds 2 operators: 005711, 316458"},
		{openDataHeader6 + `"2025-01-01";"316458";"3";"R";"0";"1"` + "\n", "a.csv", "1", "no line of registro 000001 (it holds 1 operator: 316458)"},
		{"conta;saldo\n1;abc\n", "a-2025-01.csv", "", `line 2: saldo_final: "abc" is not a number`},
		{"conta;saldo\n1;1\n1;2\n", "a-2025-01.csv", "", "account 1 of 2025-01 is already at A2"},
	} {
		_, l, _ := ReadCSV(context.Background(), strings.NewReader(c.data), c.file, c.registro)
		if len(l) != 1 || !strings.Contains(l[0].Message, c.want) {
			t.Errorf("%q: %v, want %q", c.data, l, c.want)
		}
	}
}

// An open-data file of many operators lists the first ten registros.
func TestReadCSVManyOperators(t *testing.T) {
	var b strings.Builder
	b.WriteString(openDataHeader6)
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "\"2025-01-01\";\"%d\";\"3\";\"R\";\"0\";\"1\"\n", 300000+i)
	}
	_, l, _ := ReadCSV(context.Background(), strings.NewReader(b.String()), "a.csv", "")
	if len(l) != 1 || !strings.HasSuffix(l[0].Message, "300009, 300010 and 15 more: a registro ANS must select the one to read") {
		t.Errorf("%v", l)
	}
	sheets, l, _ := ReadCSV(context.Background(), strings.NewReader(b.String()), "a.csv", "300025")
	if len(l) != 0 || dump(sheets) != "300025 2025-03 q: 3=0/1\n" {
		t.Errorf("%v %s", l, dump(sheets))
	}
}

// Past maxErrors errors the reading stops, with a finding that says so.
func TestReadCSVErrorCap(t *testing.T) {
	data := "conta;saldo\n" + strings.Repeat("1;x\n", 3*maxErrors)
	_, l, _ := ReadCSV(context.Background(), strings.NewReader(data), "a-2025-01.csv", "")
	if len(l) != maxErrors+1 || !strings.Contains(l[maxErrors].Message, "the rest of the file is not read") {
		t.Errorf("%d findings, last %v", len(l), l[len(l)-1])
	}
}

// A done context stops the reading with its error.
func TestReadCSVContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := "conta;saldo\n" + strings.Repeat("1;1\n", 2*checkEvery)
	if _, _, err := ReadCSV(ctx, strings.NewReader(data), "a-2025-01.csv", ""); err != context.Canceled {
		t.Errorf("err %v", err)
	}
}

// An ERP export saved as .xlsx: its first sheet, numbers as numeric cells
// or text, the registro a number, the month a date cell or text.
func TestReadXLSX(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Balancete")
	f.NewSheet("Outra")
	f.SetSheetRow("Outra", "A1", &[]any{"not", "read"})
	rows := [][]any{
		{"Conta", "Descrição", "Saldo Inicial", "Saldo Final", "Mês", "Registro ANS"},
		{311, "Contraprestações", 1000.5, 1500.25, "2025-06", 5711},
		{"25", "PL", "1.000,00", "2000", "2025-06", "005711"},
		{1, "Ativo", 0, 82.15, "2025-06", 5711},
		{2, "Passivo", 0, "abc", "2025-06", 5711},
	}
	for i, r := range rows {
		f.SetSheetRow("Balancete", fmt.Sprintf("A%d", i+1), &r)
	}
	path := filepath.Join(dir, "erp.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sheets, l, err := Read(context.Background(), path, "")
	if err != nil || sheets != nil || !slices.Equal(places(l), []string{"CR-E006 Balancete!D5"}) || l[0].File != path {
		t.Fatalf("%v %v %v", dump(sheets), l, err)
	}
	f.SetCellValue("Balancete", "D5", 30)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sheets, l, err = Read(context.Background(), path, "")
	if want := "005711 2025-06 m: 1=0/82.15 2=0/30 25=1000/2000 311=1000.5/1500.25\n"; err != nil || len(l) != 0 || dump(sheets) != want {
		t.Fatalf("%s %v %v", dump(sheets), l, err)
	}
	if p := sheets[0].Rows[3].Place; p != (Place{Sheet: "Balancete", Cell: "A2"}) {
		t.Errorf("place %v", p)
	}
	// Not a workbook: xlsxfile's finding, naming the file.
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("conta;saldo\n"), 0o644)
	if _, l, _ := Read(context.Background(), bad, ""); len(l) != 1 || l[0].Code != findings.Unreadable || l[0].File != bad {
		t.Errorf("%v", l)
	}
	// A CSV by its name; a missing file.
	csvPath := filepath.Join(dir, "b-2025-01.csv")
	os.WriteFile(csvPath, []byte("conta;saldo\n1;2\n"), 0o644)
	if sheets, l, _ := Read(context.Background(), csvPath, ""); len(l) != 0 || dump(sheets) != " 2025-01 m: 1=-/2\n" {
		t.Errorf("%v %s", l, dump(sheets))
	}
	if _, l, _ := Read(context.Background(), filepath.Join(dir, "none.csv"), ""); len(l) != 1 || l[0].Code != findings.Unreadable {
		t.Errorf("%v", l)
	}
}

func TestRegistro6(t *testing.T) {
	for in, want := range map[string]string{"5711": "005711", " 316458 ": "316458", "005711": "005711", "0": "", "1234567": "", "12a": "", "": ""} {
		if got, ok := Registro6(in); got != want || ok != (want != "") {
			t.Errorf("%q: %q %v", in, got, ok)
		}
	}
}

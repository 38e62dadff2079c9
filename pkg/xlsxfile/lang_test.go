package xlsxfile

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
)

// The findings of the reader speak pt-BR: a cell that is not what it is
// read as, an empty cell, a missing or doubled sheet, a sheet or a file
// that cannot be read; numbers in them are written the Portuguese way
// (1.048.576), the English stays as it was.
func TestFindingsInPortuguese(t *testing.T) {
	in := func(f findings.Finding) findings.Finding { return f.In(lang.PtBR) }
	_, boolErr := Cell{Kind: Bool, Value: "TRUE"}.Number()
	_, monthErr := Cell{Kind: Date, Value: "T10:00:00"}.Month(false)
	_, codeErr := Cell{Kind: Text, Value: "sim"}.OneOf([]string{"S", "N"})
	b := testBook{sheets: []testSheet{{name: "PLA", xml: ws("")}, {name: "PLA ", xml: ws("")}, {name: "Eventos", xml: ws("")}}}.open(t)
	_, dup := b.Require("pla", findings.MissingSheet, lang.Msg{})
	_, none := b.Require("Coleta", findings.ColetaLayout, lang.M("correct the formula, or type the value"))
	_, rowsErr := readAll(t, oneSheet(`<row r="1048577"/>`).open(t), "Sheet1")
	_, xmlErr := readAll(t, oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><1/></row>`).open(t), "Sheet1")
	_, ctrlErr := readAll(t, oneSheet("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>a\x01b</t></is></c></row>").open(t), "Sheet1")
	for _, c := range []struct {
		f            findings.Finding
		message, fix string
	}{
		{in(parse.Finding(findings.BadNumber, "PLA", "B3", "pl", boolErr)),
			"pl: TRUE é uma célula booleana (VERDADEIRO/FALSO), não um número", "digite um número (uma célula VERDADEIRO/FALSO nunca é lida como 1 ou 0)"},
		{in(parse.Finding(findings.BadDate, "Periodo", "B2", "inicio", monthErr)),
			`inicio: a célula de data contém "T10:00:00", que não é um mês`, "digite o mês como texto AAAA-MM ou em uma célula de data"},
		{in(parse.Finding(findings.BadEnum, "Dados", "B4", "flag", codeErr)),
			`flag: "sim" não é um dos valores S, N`, "use um dos códigos listados na mensagem (capreg template tem listas suspensas)"},
		{in(Cell{Col: 2}.Missing("PLA", 7, "valor", lang.Msg{})),
			"valor está vazio", "preencha a célula (digite 0 se o valor for mesmo zero)"},
		{in(Cell{Col: 2, Kind: Formula, Formula: "SUM(B1:B6)"}.Missing("PLA", 7, "valor", lang.Msg{})),
			"valor: a fórmula =SUM(B1:B6) não tem valor calculado salvo no arquivo", "abra e salve o arquivo no Excel ou no LibreOffice para que a fórmula seja calculada, ou digite o valor"},
		{in(*dup),
			`as planilhas "PLA" e "PLA " correspondem ambas a pla (os nomes diferem só em maiúsculas e minúsculas ou em espaços); o capreg não tem como saber qual delas ler`, "exclua ou renomeie a planilha que não deve ser lida"},
		{in(*none),
			"a pasta de trabalho não tem a planilha Coleta (ela tem PLA, PLA , Eventos)", "corrija a fórmula, ou digite o valor"},
		{in(UnreadableSheet("Sheet1", rowsErr)),
			`a planilha não pode ser lida: uma linha tem o número "1048577", e não de 1 a 1.048.576`, "salve o arquivo como Pasta de Trabalho do Excel (.xlsx) e tente de novo"},
		{in(UnreadableSheet("Sheet1", xmlErr)),
			`a planilha não pode ser lida: linha 2: o XML está malformado: um nome de tag ou de atributo começa com '1'`, "salve o arquivo como Pasta de Trabalho do Excel (.xlsx) e tente de novo"},
		{in(UnreadableSheet("Sheet1", ctrlErr)),
			`a planilha não pode ser lida: linha 3: o XML está malformado: o caractere de controle U+0001`, "salve o arquivo como Pasta de Trabalho do Excel (.xlsx) e tente de novo"},
	} {
		if c.f.Message != c.message || c.f.Fix != c.fix {
			t.Errorf("%s: got %q (fix %q), want %q (fix %q)", c.f.Code, c.f.Message, c.f.Fix, c.message, c.fix)
		}
	}
	if got, want := lang.Describe(rowsErr, lang.En), `sheet Sheet1: a row is numbered "1048577", not 1 to 1048576`; got != want || rowsErr.Error() != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got, want := lang.Describe(rowsErr, lang.PtBR), `planilha Sheet1: uma linha tem o número "1048577", e não de 1 a 1.048.576`; got != want {
		t.Errorf("pt-BR: %q, want %q", got, want)
	}

	// A file that is no workbook, or no file.
	dir := t.TempDir()
	csv := filepath.Join(dir, "dados.xlsx")
	if err := os.WriteFile(csv, []byte("id;produto\n1;P\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, message, fix string
	}{
		{csv, "não é uma pasta de trabalho .xlsx legível: o arquivo não é um pacote zip, como todo .xlsx é (seria um .csv ou um arquivo de texto, ou está danificado?)",
			"salve o arquivo como Pasta de Trabalho do Excel (.xlsx) e tente de novo"},
		{filepath.Join(dir, "none.xlsx"), filepath.Join(dir, "none.xlsx") + ": arquivo ou diretório inexistente", "confira o caminho: não há arquivo com esse nome"},
		{dir, dir + ": é um diretório, não um arquivo", "informe o caminho do próprio arquivo (salve os dados em um arquivo antes)"},
	} {
		_, bad, err := Open(context.Background(), c.path)
		if err != nil || len(bad) != 1 {
			t.Fatalf("%s: %v %v", c.path, bad, err)
		}
		if f := bad[0].In(lang.PtBR); f.Message != c.message || f.Fix != c.fix {
			t.Errorf("%s: got %q (fix %q), want %q (fix %q)", c.path, f.Message, f.Fix, c.message, c.fix)
		}
	}
}

package coletabook

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/lang"
)

// The findings of the workbook in pt-BR: a value outside the 21 fields, a
// workbook without the Coleta sheet (its fix), a month typed as a number.
func TestFindingsInPortuguese(t *testing.T) {
	g, err := Template(options())
	if err != nil {
		t.Fatal(err)
	}
	fillByHand(t, g, options())
	_ = g.SetCellValue(coleta.SheetName, "W5", "nota")
	_ = g.SetCellValue(coleta.SheetName, "B6", 32018) // 2018-03 as a number: its leading zero lost
	l := validate(t, save(t, g, "extra.xlsx")).Sorted().In(lang.PtBR)
	want := []string{
		`Coleta!W5: os valores à direita da coluna U (aqui "nota") não fazem parte dos 21 campos e não são lidos`,
		`Coleta!B6: campo 2: "32018" tem 5 dígitos: uma célula numérica ou de data perde o zero à esquerda de mmaaaa (6 caracteres, mês e depois ano, por exemplo 032024)`,
	}
	if len(l) != len(want) {
		t.Fatalf("%v", l)
	}
	for i, f := range l {
		if got := f.Where() + ": " + f.Message; got != want[i] {
			t.Errorf("got  %q\nwant %q", got, want[i])
		}
	}
	l = validate(t, save(t, excelize.NewFile(), "nosheet.xlsx")).In(lang.PtBR)
	if len(l) != 1 || l[0].Fix != "renomeie a planilha para Coleta, ou parta de capreg coleta template" {
		t.Errorf("%v", l)
	}
}

package report

import (
	"bytes"
	"testing"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

func TestColetaFilled(t *testing.T) {
	aps := int64(3)
	f := &app.ColetaFill{
		Plan: &coleta.Plan{Row: 13, New: true, Registro: "005711", Month: period.Month{Year: 2019, Month: 4}, Total: 12, APS: &aps,
			Notes: []lang.Msg{lang.Text("field 6 left empty")}},
		Replaced: []string{"E4: 48337 → 12"},
	}
	for l, want := range map[lang.Lang]string{
		lang.En: "wrote c.xlsx: 2019-04 in new row 13 of Coleta: field 1 = 005711, 2 = 042019, 5 = 12, 6 = (empty), 7 = 3\n" +
			"  replaced E4: 48337 → 12\n  note: field 6 left empty\n" +
			"  the sheet still has 2 errors and 1 warnings: capreg coleta validate c.xlsx lists them\n",
		lang.PtBR: "arquivo c.xlsx gravado: 04/2019 na nova linha 13 de Coleta: campo 1 = 005711, 2 = 042019, 5 = 12, 6 = (vazio), 7 = 3\n" +
			"  substituído: E4: 48337 → 12\n  nota: field 6 left empty\n" +
			"  a planilha ainda tem 2 erros e 1 avisos: capreg coleta validate c.xlsx os lista\n",
	} {
		var buf bytes.Buffer
		if err := ColetaFilled(&buf, "c.xlsx", f, app.FileReport{Errors: 2, Warnings: 1}, l); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", l, buf.String(), want)
		}
	}
	var buf bytes.Buffer
	f.Plan.New, f.Replaced, f.Plan.Notes = false, nil, nil
	if err := ColetaFilled(&buf, "c.xlsx", f, app.FileReport{Valid: true}, lang.En); err != nil || buf.String() != "wrote c.xlsx: 2019-04 in row 13 of Coleta: field 1 = 005711, 2 = 042019, 5 = 12, 6 = (empty), 7 = 3\n" {
		t.Errorf("a clean fill: %q", buf.String())
	}
}

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
	var buf bytes.Buffer
	if err := ColetaFilled(&buf, "c.xlsx", f, app.FileReport{Errors: 2, Warnings: 1}); err != nil {
		t.Fatal(err)
	}
	want := "wrote c.xlsx: 2019-04 in new row 13 of Coleta: field 1 = 005711, 2 = 042019, 5 = 12, 6 = (empty), 7 = 3\n" +
		"  replaced E4: 48337 → 12\n  note: field 6 left empty\n" +
		"  the sheet still has 2 errors and 1 warnings: capreg coleta validate c.xlsx lists them\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	f.Plan.New, f.Replaced, f.Plan.Notes = false, nil, nil
	if err := ColetaFilled(&buf, "c.xlsx", f, app.FileReport{Valid: true}); err != nil || buf.String() != "wrote c.xlsx: 2019-04 in row 13 of Coleta: field 1 = 005711, 2 = 042019, 5 = 12, 6 = (empty), 7 = 3\n" {
		t.Errorf("a clean fill: %q", buf.String())
	}
}

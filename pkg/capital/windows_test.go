package capital

import (
	"testing"

	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// Options.Windows ends each monthly group's 12-month window at its own
// month; the zero value ends both at the data base. The input has 13
// months, 2023-01 to 2024-01 (data base), every month 1000 but 2023-01:
// 5000 of contraprestações and 3000 of eventos.
//
//	window ending 2024-01: C = 12·1000 = 12 000, PRE = 0.043·12 000 = 516
//	                       E = 12·1000 = 12 000, PRO = 0.007·12 000 = 84
//	window ending 2023-12: C = 5000 + 11·1000 = 16 000, PRE = 0.043·16 000 = 688
//	                       E = 3000 + 11·1000 = 14 000, PRO = 0.007·14 000 = 98
func TestWindows(t *testing.T) {
	db := mon(2024, 1)
	in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	in.Contraprestacoes = append(months(mon(2023, 12), "individual", "medico_hospitalar", "1000"),
		Monthly{Competencia: db, Tipo: "individual", Segmento: "medico_hospitalar", Valor: a("1000")})
	in.Contraprestacoes[0].Valor = a("5000")
	in.Eventos = append(months(mon(2023, 12), "", "", "1000"), Monthly{Competencia: db, Valor: a("1000")})
	in.Eventos[0].Valor = a("3000")
	dec2023 := mon(2023, 12)
	cases := []struct {
		name     string
		w        Windows
		pre, pro string
		firstC   period.Month // the first month of each window, as the explanation names it
		firstE   period.Month
	}{
		{"zero: the data base", Windows{}, "516", "84", mon(2023, 2), mon(2023, 2)},
		{"the data base given", Windows{Contraprestacoes: db, Eventos: db}, "516", "84", mon(2023, 2), mon(2023, 2)},
		{"contraprestações a month back", Windows{Contraprestacoes: dec2023}, "688", "84", mon(2023, 1), mon(2023, 2)},
		{"eventos a month back", Windows{Eventos: dec2023}, "516", "98", mon(2023, 2), mon(2023, 1)},
		{"both a month back", Windows{Contraprestacoes: dec2023, Eventos: dec2023}, "688", "98", mon(2023, 1), mon(2023, 1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := compute(t, in, rulestest.Default(t), Options{Factors: Padrao, Windows: c.w})
			wantDec(t, "PRE", r.CRS.Find("crs_pre").Value, c.pre)
			wantDec(t, "PRO", r.CRS.Find("crs_pro").Value, c.pro)
			for _, w := range []struct {
				node, label string
				first       period.Month
			}{{"contraprestacoes_individual_medico_hospitalar", "contraprestacoes", c.firstC}, {"eventos", "eventos", c.firstE}} {
				n := r.CRS.Find(w.node)
				if len(n.Inputs) != 12 || n.Inputs[0].Name != w.label+" "+w.first.String() {
					t.Errorf("%s: %d inputs, the first %s; want 12 from %s", w.node, len(n.Inputs), n.Inputs[0].Name, w.first)
				}
			}
			if r.Operadora.DataBase != db {
				t.Errorf("data base %s", r.Operadora.DataBase)
			}
		})
	}
}

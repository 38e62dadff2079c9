package analysis

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
)

func amt(s string) capital.Amount {
	return capital.Amount{V: decimal.RequireFromString(s), Ref: "X!B2"}
}

// groupInput has one distinct value in every place a group covers.
func groupInput() *capital.Input {
	in := &capital.Input{}
	in.PLA.PL = amt("1000")
	for i := range in.PLA.Deducoes {
		in.PLA.Deducoes[i] = amt("10")
	}
	in.Contraprestacoes = []capital.Monthly{{Valor: amt("100")}, {Valor: amt("200")}}
	in.Eventos = []capital.Monthly{{Valor: amt("70")}}
	in.ABI = []capital.Amount{amt("5")}
	in.Remissao = capital.Remissao{CATemporaria: amt("1"), CAVitalicia: amt("2"), PRTemporaria: amt("3"), PRVitalicia: amt("4")}
	in.CreditoOperadoras = []capital.CreditoOperadora{{C2: amt("1"), C3: amt("1"), C4: amt("1"), C5: amt("1"), C6: amt("1"), C7: amt("1"), D8: amt("1"), D9: amt("1"), D10: amt("1")}}
	in.CreditoSeguros = []capital.CreditoSeguro{{Exposicao: amt("30")}}
	in.CreditoAtivos = []capital.CreditoAtivo{{Exposicao: amt("40")}}
	in.MercadoALM = []capital.FluxoALM{{Valor: amt("50")}}
	in.MercadoAtivos = []capital.AtivoMercado{{Valor: amt("60")}}
	in.Operacional = capital.Operacional{Contraprestacoes12m: amt("300"), ProvisoesTecnicas: amt("80")}
	return in
}

// sum adds every value of group g: Scale by k multiplies it by k and leaves
// every other group's sum as it was.
func sum(in *capital.Input, g Group) decimal.Decimal {
	var s decimal.Decimal
	add := func(as ...capital.Amount) {
		for _, a := range as {
			s = s.Add(a.V)
		}
	}
	switch g {
	case PL:
		add(in.PLA.PL)
	case Deducoes:
		add(in.PLA.Deducoes[:]...)
	case Contraprestacoes:
		for _, m := range in.Contraprestacoes {
			add(m.Valor)
		}
	case Eventos:
		for _, m := range in.Eventos {
			add(m.Valor)
		}
	case ABI:
		add(in.ABI...)
	case Remissao:
		r := in.Remissao
		add(r.CATemporaria, r.CAVitalicia, r.PRTemporaria, r.PRVitalicia)
	case Credito:
		for _, c := range in.CreditoOperadoras {
			add(c.C2, c.C3, c.C4, c.C5, c.C6, c.C7, c.D8, c.D9, c.D10)
		}
		for _, c := range in.CreditoSeguros {
			add(c.Exposicao)
		}
		for _, c := range in.CreditoAtivos {
			add(c.Exposicao)
		}
	case Mercado:
		for _, m := range in.MercadoALM {
			add(m.Valor)
		}
		for _, m := range in.MercadoAtivos {
			add(m.Valor)
		}
	case Operacional:
		add(in.Operacional.Contraprestacoes12m, in.Operacional.ProvisoesTecnicas)
	}
	return s
}

func TestScale(t *testing.T) {
	// Each group's sum in groupInput: PL 1000; deductions 6 × 10 = 60;
	// contraprestações 100 + 200 = 300; eventos 70; ABI 5; remissão
	// 1 + 2 + 3 + 4 = 10; crédito 9 × 1 + 30 + 40 = 79; mercado 50 + 60 = 110;
	// operacional 300 + 80 = 380.
	want := map[Group]string{PL: "1000", Deducoes: "60", Contraprestacoes: "300", Eventos: "70", ABI: "5",
		Remissao: "10", Credito: "79", Mercado: "110", Operacional: "380"}
	k := decimal.RequireFromString("1.5")
	for _, g := range Groups {
		in := groupInput()
		out := Scale(in, map[Group]decimal.Decimal{g: k})
		for _, h := range Groups {
			before := decimal.RequireFromString(want[h])
			if got := sum(in, h); !got.Equal(before) {
				t.Errorf("Scale(%s) changed the input's %s: %s, want %s", g, h, got, before)
			}
			after := before
			if h == g {
				after = before.Mul(k)
			}
			if got := sum(out, h); !got.Equal(after) {
				t.Errorf("Scale(%s): %s = %s, want %s", g, h, got, after)
			}
		}
	}
}

func TestParseGroup(t *testing.T) {
	for _, g := range Groups {
		if got, err := ParseGroup(string(g)); got != g || err != nil {
			t.Errorf("ParseGroup(%q) = %q, %v", g, got, err)
		}
	}
	if _, err := ParseGroup("contraprestacao"); err == nil {
		t.Error("ParseGroup(contraprestacao): no error")
	}
}

package capital

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// crmLabel names the CRM, computed or informed.
var crmLabel = lang.M("CRM — market risk")

// crm is the market risk (Anexo VII, provisional form).
func (e *engine) crm() (*Node, error) {
	rb, in := e.rb, e.in
	n := named("crm", crmLabel, lang.M("sqrt(xᵀ·R·x) over PRE, POS, IPCA, IGPM, CAMBIAL, acoes, imoveis"))
	factors := rules.MarketFactors()
	x := make([]decimal.Decimal, len(factors))
	for i, k := range factors {
		c := named("crm_"+strings.ToLower(k), lang.Text("x — "+k), lang.Msg{})
		sum := decimal.Zero
		used := false
		cambial := ans.Indexador(k) == ans.CAMBIAL // no term: the exposure itself
		switch {
		case slices.Contains(ans.Classes(), ans.Classe(k)):
			c.setFormula(lang.M("shock × Σ valor"))
			for _, a := range in.MercadoAtivos {
				if a.Classe == ans.Classe(k) {
					sum, used = sum.Add(c.input(a.Descricao, a.Valor)), true
				}
			}
		default:
			c.setFormula(lang.M("shock × |Σ sinal·valor·prazo/12|"))
			if cambial {
				c.setFormula(lang.M("shock × |Σ sinal·valor|"))
			}
			for _, f := range in.MercadoALM {
				if f.Indexador != ans.Indexador(k) {
					continue
				}
				used = true
				v := c.input("conta "+f.Conta, f.Valor)
				if f.Sinal == "N" {
					v = v.Neg()
				}
				if !cambial {
					v = v.Mul(c.input("prazo_meses", f.Prazo))
				}
				sum = sum.Add(v)
			}
			if !cambial {
				sum = money.Div(sum, decimal.NewFromInt(12))
			}
			sum = sum.Abs()
		}
		if !used {
			continue
		}
		c.Value = e.p.use(c, rb.CRM.Choque[k]).Mul(sum)
		x[i] = c.Value
		n.add(c)
	}
	if len(n.Children) > 0 {
		e.p.form(n, rb.CRM.Modelo)
	}
	if nonZero(x...) > 1 {
		e.p.matrix(n, rb.CRM.Corr)
	}
	var err error
	n.Value, err = quadRoot(x, rb.CRM.Corr)
	return n, err
}

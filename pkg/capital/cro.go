package capital

import (
	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// croLabel names the CRO, computed or informed.
var croLabel = lang.M("CRO — operational and legal risk")

// cro is the operational and legal risk parcel (Anexo VI, provisional form).
// For an administradora de benefícios it is 0 unless the rulebook's
// cro.aplica_administradora says the annex applies to them.
func (e *engine) cro(bcbr *Node) *Node {
	rb, op := e.rb, e.in.Operacional
	n := named("cro", croLabel, lang.M("min(limite·BCBR, max(f_c·contraprestações 12m, f_p·provisões técnicas))"))
	if o := e.in.Operadora; o.Modalidade == ans.AdministradoraDeBeneficios {
		e.p.flag(n, rb.CRO.AplicaAdministradora)
		if !rb.CRO.AplicaAdministradora.Value {
			n.setFormula(lang.M("0: the operational-risk annex does not apply to an administradora de benefícios (cro.aplica_administradora = false)"))
			n.Inputs = append(n.Inputs, CellRef{Name: "modalidade", Text: string(o.Modalidade), Cell: o.ModalRef})
			return n
		}
	}
	e.p.form(n, rb.CRO.Modelo)
	fc := e.p.use(n, rb.CRO.FatorContraprestacoes)
	fp := e.p.use(n, rb.CRO.FatorProvisoes)
	limit := e.p.use(n, rb.CRO.LimiteBCBR)
	c := n.input("contraprestacoes_12m_total", op.Contraprestacoes12m)
	pt := n.input("provisoes_tecnicas", op.ProvisoesTecnicas)
	n.Inputs = append(n.Inputs, CellRef{Name: "BCBR", Value: bcbr.Value})
	n.Value = money.Min(limit.Mul(bcbr.Value), money.Max(fc.Mul(c), fp.Mul(pt)))
	return n
}

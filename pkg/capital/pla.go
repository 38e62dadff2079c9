package capital

import "github.com/capreg/capreg/pkg/lang"

// pla is the adjusted equity (art. 9): PL minus deductions I–VI.
func (e *engine) pla() *Node {
	in := e.in.PLA
	n := named("pla", lang.M("PLA — Patrimônio Líquido Ajustado"),
		lang.M("PL − (I participações + II créditos tributários + III despesas diferidas + IV despesas antecipadas + V intangível + VI goodwill)"))
	v := n.input("pl", in.PL)
	for i, d := range in.Deducoes {
		v = v.Sub(n.input(DeductionNames[i], d))
	}
	n.Value = v
	return n
}

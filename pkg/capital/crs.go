package capital

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// crs is the underwriting risk (Anexo IV) under a factor set.
func (e *engine) crs(set ans.FactorSet) (*Node, error) {
	n := named("crs", lang.M("CRS — underwriting risk (%s)", set), lang.Msg{})
	if e.in.Operadora.Modalidade == ans.AdministradoraDeBeneficios {
		n.setFormula(lang.M("0: an administradora de benefícios bears no underwriting risk"))
		return n, nil
	}
	pre, err := e.pre(set)
	if err != nil {
		return nil, err
	}
	pro, sus, rem := e.pro(set), e.sus(set), e.rem(set)
	n.setFormula(lang.Text("sqrt(PRE² + c·PRE·(PRO + SUS) + (PRO + SUS)² + (RA + RM)²)"))
	c := e.p.use(n, e.rb.CRS.CoefCruzado)
	ps := pro.Value.Add(sus.Value)
	x := pre.Value.Mul(pre.Value).Add(c.Mul(pre.Value).Mul(ps)).Add(ps.Mul(ps)).Add(rem.Value.Mul(rem.Value))
	if n.Value, err = root(x, e.rb.CRS.CoefCruzado.Path()); err != nil {
		return nil, err
	}
	return n.add(pre, pro, sus, rem), nil
}

// pre is the pricing risk: sqrt(vᵀρv), v_i = β_i·C_i over the cells.
func (e *engine) pre(set ans.FactorSet) (*Node, error) {
	in, rb := e.in, e.rb
	n := named("crs_pre", lang.M("PRE — pricing risk"), lang.Text("sqrt(Σ_i Σ_j v_i·ρ_ij·v_j), v_i = β_i·C_i"))
	v := make([]decimal.Decimal, len(ans.TiposContratacao())*len(ans.Segmentos()))
	for _, cell := range cellsOf(in.Contraprestacoes) {
		tipo, seg, k := string(cell.Tipo), string(cell.Segmento), cellKey(cell)
		c := named("contraprestacoes_"+tipo+"_"+seg, lang.Text("C — contraprestações 12m, "+k),
			lang.M("Σ of the 12 monthly contraprestações of the cell"))
		c.Value = windowSum(in.Contraprestacoes, e.windowEnd(e.opt.Windows.Contraprestacoes), k, c, "contraprestacoes")
		vi := named("v_"+tipo+"_"+seg, lang.Text("v — "+k), lang.Text("β("+tipo+", "+string(set)+") × C"))
		beta := e.setFactor(vi, set, rules.PadraoReduzido[rules.Dec]{Padrao: rb.CRS.PRE.Beta.Padrao[tipo], Reduzido: rb.CRS.PRE.Beta.Reduzido[tipo]})
		vi.Value = beta.Mul(c.Value)
		v[rules.PRECell(cell.Segmento, cell.Tipo)] = vi.Value
		n.add(vi.add(c))
	}
	if len(n.Children) > 1 {
		e.p.matrix(n, rb.CRS.PRE.Rho)
	}
	var err error
	n.Value, err = quadRoot(v, rb.CRS.PRE.Rho)
	return n, err
}

// pro is the claims-provision (PEONA) risk: κ·E.
func (e *engine) pro(set ans.FactorSet) *Node {
	rb, in := e.rb, e.in
	n := named("crs_pro", lang.M("PRO — claims-provision risk (PEONA)"), lang.Text("κ("+string(set)+") × E"))
	ev := named("eventos", lang.Text("E — eventos indenizáveis líquidos 12m"), lang.M("Σ of the 12 monthly eventos"))
	ev.Value = windowSum(in.Eventos, e.windowEnd(e.opt.Windows.Eventos), "", ev, "eventos")
	if !ev.Value.IsZero() {
		e.p.form(n, rb.CRS.PRO.Base)
	}
	k := e.setFactor(n, set, rb.CRS.PRO.Kappa)
	n.Value = k.Mul(ev.Value)
	return n.add(ev)
}

// sus is the ressarcimento-ao-SUS risk: Z·sqrt(hc·(1 − hc)·Σ ABI²).
func (e *engine) sus(set ans.FactorSet) *Node {
	rb, in := e.rb, e.in
	n := named("crs_sus", lang.M("SUS — ressarcimento ao SUS risk"), lang.Text("Z("+string(set)+") × sqrt(hc·(1 − hc)·Σ ABI²)"))
	if len(in.ABI) > 0 {
		e.p.form(n, rb.CRS.SUS.Modelo)
	}
	z := e.setFactor(n, set, rb.CRS.SUS.Z)
	hc := n.input("hc", in.Operadora.HC)
	sq := decimal.Zero
	for i, a := range in.ABI {
		sq = sq.Add(a.V.Mul(a.V))
		n.Inputs = append(n.Inputs, CellRef{Name: fmt.Sprintf("ABI %d", i+1), Cell: a.Ref, Value: a.V})
	}
	one := decimal.NewFromInt(1)
	n.Value = z.Mul(money.Sqrt(hc.Mul(one.Sub(hc)).Mul(sq)))
	return n
}

// rem is the remission risk RA + RM; programs keep the padrao factors.
func (e *engine) rem(set ans.FactorSet) *Node {
	rb, in := e.rb, e.in.Remissao
	level := ans.Padrao
	if set == ans.Reduzido {
		level = ans.Reduzido
	}
	n := named("crs_rem", lang.M("RA + RM — remission risk"),
		lang.M("fa_temp·CA_temp + fa_vit·CA_vit + fm_temp·PR_temp + fm_vit·PR_vit (%s factors)", level))
	for _, a := range []Amount{in.CATemporaria, in.CAVitalicia, in.PRTemporaria, in.PRVitalicia} {
		if !a.V.IsZero() {
			e.p.form(n, rb.CRS.Remissao.Bases)
			break
		}
	}
	fa, fm := rb.CRS.Remissao.FA.Padrao, rb.CRS.Remissao.FM.Padrao
	if level == ans.Reduzido {
		fa, fm = rb.CRS.Remissao.FA.Reduzido, rb.CRS.Remissao.FM.Reduzido
	}
	n.Value = e.p.use(n, fa.Temporaria).Mul(n.input("ca_temporaria", in.CATemporaria)).
		Add(e.p.use(n, fa.Vitalicia).Mul(n.input("ca_vitalicia", in.CAVitalicia))).
		Add(e.p.use(n, fm.Temporaria).Mul(n.input("pr_temporaria", in.PRTemporaria))).
		Add(e.p.use(n, fm.Vitalicia).Mul(n.input("pr_vitalicia", in.PRVitalicia)))
	return n
}

// setFactor is a CRS factor under a factor set: padrao, reduzido, or for a
// program padrao − share·(padrao − reduzido).
func (e *engine) setFactor(n *Node, set ans.FactorSet, f rules.PadraoReduzido[rules.Dec]) decimal.Decimal {
	switch set {
	case ans.Padrao:
		return e.p.use(n, f.Padrao)
	case ans.Reduzido:
		return e.p.use(n, f.Reduzido)
	}
	p := e.p.use(n, f.Padrao)
	r := e.p.use(n, f.Reduzido)
	return p.Sub(e.share(n, set).Mul(p.Sub(r)))
}

// share is a program's share of the padrao-to-reduzido gap, scaled by the
// program's beneficiary coverage in coverage-weighted mode.
func (e *engine) share(n *Node, set ans.FactorSet) decimal.Decimal {
	pc := e.rb.Programas.Parcela
	v := map[ans.FactorSet]rules.Dec{ans.Promoprev: pc.Promoprev, ans.PartoAdequado: pc.PartoAdequado, ans.APS: pc.APS}[set]
	s := e.p.use(n, v)
	if !e.opt.CoverageWeighted {
		return s
	}
	b := e.in.Beneficiarios
	covered := map[ans.FactorSet]int64{ans.Promoprev: b.Promoprev, ans.PartoAdequado: b.PartoAdequado, ans.APS: b.APS}[set]
	frac := money.Div(decimal.NewFromInt(covered), decimal.NewFromInt(b.Total))
	name := "coverage " + string(set)
	for _, c := range n.Inputs {
		if c.Name == name {
			return s.Mul(frac)
		}
	}
	n.Inputs = append(n.Inputs, CellRef{Name: name, Cell: b.Source, Value: frac})
	return s.Mul(frac)
}

// cellKey names a Contraprestacoes cell (or "" for Eventos).
func cellKey(m Monthly) string {
	if m.Tipo == "" {
		return ""
	}
	return string(m.Tipo) + "/" + string(m.Segmento)
}

// windowSum adds the rows of one cell inside the 12 months ending at db.
func windowSum(rows []Monthly, db period.Month, key string, n *Node, label string) decimal.Decimal {
	first := db.Add(-11)
	sum := decimal.Zero
	for _, r := range rows {
		if cellKey(r) != key || r.Competencia.Before(first) || r.Competencia.After(db) {
			continue
		}
		sum = sum.Add(n.input(label+" "+r.Competencia.String(), r.Valor))
	}
	return sum
}

// cellsOf lists the Contraprestacoes cells that have rows, in rho order, each
// as a row without competência nor valor.
func cellsOf(rows []Monthly) []Monthly {
	var out []Monthly
	for _, seg := range ans.Segmentos() {
		for _, t := range ans.TiposContratacao() {
			if slices.ContainsFunc(rows, func(m Monthly) bool { return m.Tipo == t && m.Segmento == seg }) {
				out = append(out, Monthly{Tipo: t, Segmento: seg})
			}
		}
	}
	return out
}

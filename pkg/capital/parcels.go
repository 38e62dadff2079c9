package capital

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// quadRoot is sqrt(vᵀ·R·v); a negative form can only come from a user's
// correlation matrix that is not positive semidefinite.
func quadRoot(v []decimal.Decimal, r rules.Matrix) (decimal.Decimal, error) {
	sum := decimal.Zero
	for i := range v {
		for j := range v {
			sum = sum.Add(v[i].Mul(r.Value[i][j].Decimal).Mul(v[j]))
		}
	}
	return root(sum, r.Path())
}

func root(x decimal.Decimal, path string) (decimal.Decimal, error) {
	if x.Sign() < 0 {
		return decimal.Zero, fmt.Errorf("%w: %s is not a valid correlation matrix for this input: it makes a sum of squares negative (%s); use a positive semidefinite matrix", ErrRules, path, x)
	}
	return money.Sqrt(x), nil
}

// setFactor is a CRS factor under a factor set: padrao, reduzido, or for a
// program padrao − share·(padrao − reduzido).
func (e *engine) setFactor(n *Node, set string, f rules.PadraoReduzido[rules.Dec]) decimal.Decimal {
	switch set {
	case Padrao:
		return e.p.use(n, f.Padrao)
	case Reduzido:
		return e.p.use(n, f.Reduzido)
	}
	p := e.p.use(n, f.Padrao)
	r := e.p.use(n, f.Reduzido)
	return p.Sub(e.share(n, set).Mul(p.Sub(r)))
}

// share is a program's share of the padrao-to-reduzido gap, scaled by the
// program's beneficiary coverage in coverage-weighted mode.
func (e *engine) share(n *Node, set string) decimal.Decimal {
	pc := e.rb.Programas.Parcela
	v := map[string]rules.Dec{Promoprev: pc.Promoprev, PartoAdequado: pc.PartoAdequado, APS: pc.APS}[set]
	s := e.p.use(n, v)
	if !e.opt.CoverageWeighted {
		return s
	}
	b := e.in.Beneficiarios
	covered := map[string]int64{Promoprev: b.Promoprev, PartoAdequado: b.PartoAdequado, APS: b.APS}[set]
	frac := money.Div(decimal.NewFromInt(covered), decimal.NewFromInt(b.Total))
	for _, c := range n.Inputs {
		if c.Name == "coverage "+set {
			return s.Mul(frac)
		}
	}
	n.Inputs = append(n.Inputs, CellRef{Name: "coverage " + set, Cell: b.Source, Value: frac})
	return s.Mul(frac)
}

// crs is the underwriting risk (Anexo IV) under a factor set.
func (e *engine) crs(set string) (*Node, error) {
	n := &Node{Key: "crs", Label: "CRS — underwriting risk (" + set + ")"}
	if e.in.Operadora.Modalidade == "administradora_de_beneficios" {
		n.Formula = "0: an administradora de benefícios bears no underwriting risk"
		return n, nil
	}
	pre, err := e.pre(set)
	if err != nil {
		return nil, err
	}
	pro, sus, rem := e.pro(set), e.sus(set), e.rem(set)
	n.Formula = "sqrt(PRE² + c·PRE·(PRO + SUS) + (PRO + SUS)² + (RA + RM)²)"
	c := e.p.use(n, e.rb.CRS.CoefCruzado)
	ps := pro.Value.Add(sus.Value)
	x := pre.Value.Mul(pre.Value).Add(c.Mul(pre.Value).Mul(ps)).Add(ps.Mul(ps)).Add(rem.Value.Mul(rem.Value))
	if n.Value, err = root(x, e.rb.CRS.CoefCruzado.Path()); err != nil {
		return nil, err
	}
	return n.add(pre, pro, sus, rem), nil
}

// pre is the pricing risk: sqrt(vᵀρv), v_i = β_i·C_i over the cells.
func (e *engine) pre(set string) (*Node, error) {
	in, rb := e.in, e.rb
	n := &Node{Key: "crs_pre", Label: "PRE — pricing risk", Formula: "sqrt(Σ_i Σ_j v_i·ρ_ij·v_j), v_i = β_i·C_i"}
	v := make([]decimal.Decimal, len(rules.ContractTypes)*len(rules.Segments))
	for _, k := range cellsOf(in.Contraprestacoes) {
		tipo, seg, _ := strings.Cut(k, "/")
		c := &Node{Key: "contraprestacoes_" + tipo + "_" + seg, Label: "C — contraprestações 12m, " + k,
			Formula: "Σ of the 12 monthly contraprestações of the cell"}
		c.Value = windowSum(in.Contraprestacoes, in.Operadora.DataBase, k, c, "contraprestacoes")
		vi := &Node{Key: "v_" + tipo + "_" + seg, Label: "v — " + k, Formula: "β(" + tipo + ", " + set + ") × C"}
		beta := e.setFactor(vi, set, rules.PadraoReduzido[rules.Dec]{Padrao: rb.CRS.PRE.Beta.Padrao[tipo], Reduzido: rb.CRS.PRE.Beta.Reduzido[tipo]})
		vi.Value = beta.Mul(c.Value)
		v[rules.PRECell(seg, tipo)] = vi.Value
		n.add(vi.add(c))
	}
	if len(n.Children) > 1 {
		e.p.matrix(n, rb.CRS.PRE.Rho)
	}
	var err error
	n.Value, err = quadRoot(v, rb.CRS.PRE.Rho)
	return n, err
}

// matrixText shows a correlation matrix briefly.
func matrixText(m [][]rules.Dec) string {
	first := m[0][0]
	if !slices.ContainsFunc(m, func(row []rules.Dec) bool {
		return slices.ContainsFunc(row, func(d rules.Dec) bool { return !d.Equal(first.Decimal) })
	}) {
		return fmt.Sprintf("%d×%d, all %s", len(m), len(m), first)
	}
	rows := make([]string, len(m))
	for i, row := range m {
		vals := make([]string, len(row))
		for j, d := range row {
			vals[j] = d.String()
		}
		rows[i] = "[" + strings.Join(vals, " ") + "]"
	}
	return strings.Join(rows, " ")
}

// pro is the claims-provision (PEONA) risk: κ·E.
func (e *engine) pro(set string) *Node {
	rb, in := e.rb, e.in
	n := &Node{Key: "crs_pro", Label: "PRO — claims-provision risk (PEONA)", Formula: "κ(" + set + ") × E"}
	ev := &Node{Key: "eventos", Label: "E — eventos indenizáveis líquidos 12m", Formula: "Σ of the 12 monthly eventos"}
	ev.Value = windowSum(in.Eventos, in.Operadora.DataBase, "", ev, "eventos")
	if !ev.Value.IsZero() {
		e.p.form(n, rb.CRS.PRO.Base)
	}
	k := e.setFactor(n, set, rb.CRS.PRO.Kappa)
	n.Value = k.Mul(ev.Value)
	return n.add(ev)
}

// sus is the ressarcimento-ao-SUS risk: Z·sqrt(hc·(1 − hc)·Σ ABI²).
func (e *engine) sus(set string) *Node {
	rb, in := e.rb, e.in
	n := &Node{Key: "crs_sus", Label: "SUS — ressarcimento ao SUS risk", Formula: "Z(" + set + ") × sqrt(hc·(1 − hc)·Σ ABI²)"}
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
func (e *engine) rem(set string) *Node {
	rb, in := e.rb, e.in.Remissao
	level := Padrao
	if set == Reduzido {
		level = Reduzido
	}
	n := &Node{Key: "crs_rem", Label: "RA + RM — remission risk",
		Formula: "fa_temp·CA_temp + fa_vit·CA_vit + fm_temp·PR_temp + fm_vit·PR_vit (" + level + " factors)"}
	for _, a := range []Amount{in.CATemporaria, in.CAVitalicia, in.PRTemporaria, in.PRVitalicia} {
		if !a.V.IsZero() {
			e.p.form(n, rb.CRS.Remissao.Bases)
			break
		}
	}
	fa, fm := rb.CRS.Remissao.FA.Padrao, rb.CRS.Remissao.FM.Padrao
	if level == Reduzido {
		fa, fm = rb.CRS.Remissao.FA.Reduzido, rb.CRS.Remissao.FM.Reduzido
	}
	n.Value = e.p.use(n, fa.Temporaria).Mul(n.input("ca_temporaria", in.CATemporaria)).
		Add(e.p.use(n, fa.Vitalicia).Mul(n.input("ca_vitalicia", in.CAVitalicia))).
		Add(e.p.use(n, fm.Temporaria).Mul(n.input("pr_temporaria", in.PRTemporaria))).
		Add(e.p.use(n, fm.Vitalicia).Mul(n.input("pr_vitalicia", in.PRVitalicia)))
	return n
}

// crc is the credit risk (Anexo V): parcels 1.1, 1.2 and 2, summed.
func (e *engine) crc() *Node {
	rb, in := e.rb, e.in
	n := &Node{Key: "crc", Label: "CRC — credit risk", Formula: "CRC1.1 + CRC1.2 + CRC2"}

	p11 := &Node{Key: "crc_1_1", Label: "CRC1.1 — counterparties that are operators", Formula: "Σ f(grau)·E, E = max(0, c2 + c3 + (c4 − c5) + (c6 − c7) − (d8 + d9 + d10))"}
	if len(in.CreditoOperadoras) > 0 {
		e.p.form(p11, rb.CRC.Exposicao11)
	}
	p11.Value = decimal.Zero
	for _, c := range in.CreditoOperadoras {
		row := &Node{Key: "crc_1_1_" + c.RegistroANS, Label: "CRC1.1 — operator " + c.RegistroANS + " (grau " + c.GrauRisco + ")", Formula: "f × E"}
		x := row.input("c2", c.C2).Add(row.input("c3", c.C3)).
			Add(row.input("c4", c.C4).Sub(row.input("c5", c.C5))).
			Add(row.input("c6", c.C6).Sub(row.input("c7", c.C7))).
			Sub(row.input("d8", c.D8).Add(row.input("d9", c.D9)).Add(row.input("d10", c.D10)))
		x = money.Max(decimal.Zero, x)
		f := e.rowFactor(row, c.Fator, func() decimal.Decimal {
			// Check refused a grade the table does not list; an empty table
			// gives every grade padrao.
			if k, ok := rb.Grau(c.GrauRisco); ok {
				return e.p.use(row, rb.CRC.Fator11.PorGrau[k])
			}
			return e.p.use(row, rb.CRC.Fator11.Padrao)
		})
		row.Value = f.Mul(x)
		p11.Value = p11.Value.Add(row.Value)
		p11.add(row)
	}

	p12 := &Node{Key: "crc_1_2", Label: "CRC1.2 — insurance and reinsurance", Formula: "Σ f·exposição", Value: decimal.Zero}
	for _, s := range in.CreditoSeguros {
		row := &Node{Key: "crc_1_2_row", Label: "CRC1.2 — " + s.Contraparte, Formula: "f × exposição"}
		x := row.input("exposicao", s.Exposicao)
		f := e.rowFactor(row, s.Fator, func() decimal.Decimal { return e.p.use(row, rb.CRC.Fator12) })
		row.Value = f.Mul(x)
		p12.Value = p12.Value.Add(row.Value)
		p12.add(row)
	}

	p2 := &Node{Key: "crc_2", Label: "CRC2 — other exposures", Formula: "F × Σ FPR·exposição"}
	sum := decimal.Zero
	for _, a := range in.CreditoAtivos {
		row := &Node{Key: "crc_2_row", Label: "FPR × exposição — " + a.Descricao + " (" + a.Categoria + ")", Formula: "FPR × exposição"}
		x := row.input("exposicao", a.Exposicao)
		fpr := e.rowFactor(row, a.FPR, func() decimal.Decimal { return e.p.use(row, rb.CRC.FPR[a.Categoria]) })
		row.Value = fpr.Mul(x)
		sum = sum.Add(row.Value)
		p2.add(row)
	}
	if len(in.CreditoAtivos) > 0 {
		p2.Value = e.p.use(p2, rb.CRC.Multiplicador2).Mul(sum)
	}
	n.Value = p11.Value.Add(p12.Value).Add(p2.Value)
	if nonZero(p11.Value, p12.Value, p2.Value) > 1 {
		e.p.form(n, rb.CRC.Agregacao)
	}
	return n.add(p11, p12, p2)
}

// rowFactor is the factor typed in the row when there is one, else the
// rulebook's.
func (e *engine) rowFactor(n *Node, typed *Amount, rulebook func() decimal.Decimal) decimal.Decimal {
	if typed != nil {
		return n.input("fator (row)", *typed)
	}
	return rulebook()
}

// crm is the market risk (Anexo VII, provisional form).
func (e *engine) crm() (*Node, error) {
	rb, in := e.rb, e.in
	n := &Node{Key: "crm", Label: "CRM — market risk", Formula: "sqrt(xᵀ·R·x) over PRE, POS, IPCA, IGPM, CAMBIAL, acoes, imoveis"}
	factors := rules.MarketFactors()
	x := make([]decimal.Decimal, len(factors))
	for i, k := range factors {
		c := &Node{Key: "crm_" + strings.ToLower(k), Label: "x — " + k}
		sum := decimal.Zero
		used := false
		switch {
		case slices.Contains(rules.Holdings, k):
			c.Formula = "shock × Σ valor"
			for _, a := range in.MercadoAtivos {
				if a.Classe == k {
					sum, used = sum.Add(c.input(a.Descricao, a.Valor)), true
				}
			}
		default:
			c.Formula = "shock × |Σ sinal·valor·prazo/12|"
			if k == "CAMBIAL" {
				c.Formula = "shock × |Σ sinal·valor|"
			}
			for _, f := range in.MercadoALM {
				if f.Indexador != k {
					continue
				}
				used = true
				v := c.input("conta "+f.Conta, f.Valor)
				if f.Sinal == "N" {
					v = v.Neg()
				}
				if k != "CAMBIAL" {
					v = v.Mul(c.input("prazo_meses", f.Prazo))
				}
				sum = sum.Add(v)
			}
			if k != "CAMBIAL" {
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

func nonZero(xs ...decimal.Decimal) int {
	n := 0
	for _, x := range xs {
		if !x.IsZero() {
			n++
		}
	}
	return n
}

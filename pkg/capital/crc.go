package capital

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// crcLabel names the CRC, computed or informed.
var crcLabel = lang.M("CRC — credit risk")

// crc is the credit risk (Anexo V): parcels 1.1, 1.2 and 2, summed.
func (e *engine) crc() *Node {
	rb, in := e.rb, e.in
	n := named("crc", crcLabel, lang.Text("CRC1.1 + CRC1.2 + CRC2"))

	p11 := named("crc_1_1", lang.M("CRC1.1 — counterparties that are operators"), lang.Text("Σ f(grau)·E, E = max(0, c2 + c3 + (c4 − c5) + (c6 − c7) − (d8 + d9 + d10))"))
	if len(in.CreditoOperadoras) > 0 {
		e.p.form(p11, rb.CRC.Exposicao11)
	}
	p11.Value = decimal.Zero
	for i, c := range in.CreditoOperadoras {
		key := "crc_1_1_" + c.RegistroANS
		if p11.Find(key) != nil { // the same counterparty on another row
			key += "_" + strconv.Itoa(i+1)
		}
		row := named(key, lang.M("CRC1.1 — operator %s (grau %s)", c.RegistroANS, c.GrauRisco), lang.Text("f × E"))
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

	p12 := named("crc_1_2", lang.M("CRC1.2 — insurance and reinsurance"), lang.Text("Σ f·exposição")).is(decimal.Zero)
	for i, s := range in.CreditoSeguros {
		row := named("crc_1_2_"+strconv.Itoa(i+1), lang.Text("CRC1.2 — "+s.Contraparte), lang.Text("f × exposição"))
		x := row.input("exposicao", s.Exposicao)
		f := e.rowFactor(row, s.Fator, func() decimal.Decimal { return e.p.use(row, rb.CRC.Fator12) })
		row.Value = f.Mul(x)
		p12.Value = p12.Value.Add(row.Value)
		p12.add(row)
	}

	p2 := named("crc_2", lang.M("CRC2 — other exposures"), lang.Text("F × Σ FPR·exposição"))
	sum := decimal.Zero
	for i, a := range in.CreditoAtivos {
		row := named("crc_2_"+strconv.Itoa(i+1), lang.Text("FPR × exposição — "+a.Descricao+" ("+string(a.Categoria)+")"), lang.Text("FPR × exposição"))
		x := row.input("exposicao", a.Exposicao)
		fpr := e.rowFactor(row, a.FPR, func() decimal.Decimal { return e.p.use(row, rb.CRC.FPR[string(a.Categoria)]) })
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

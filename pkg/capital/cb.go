package capital

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
)

// cb is the Capital Base (Anexo I).
func (e *engine) cb() (*Node, error) {
	op := e.in.Operadora
	row, ok := ans.KRow(op.Modalidade, op.Segmentacao)
	if !ok {
		return nil, lang.Errorf("no fator K row for %s/%s", op.Modalidade, op.Segmentacao)
	}
	n := named("cb", lang.M("CB — Capital Base"),
		lang.M("capital de referência × K(%s, região %d) / 100", row, op.Regiao))
	n.Inputs = append(n.Inputs,
		CellRef{Name: "modalidade", Text: string(op.Modalidade), Cell: op.ModalRef},
		CellRef{Name: "regiao", Cell: op.RegiaoRef, Value: decimal.NewFromInt(int64(op.Regiao))})
	if op.Segmentacao != "" {
		n.Inputs = append(n.Inputs, CellRef{Name: "segmentacao", Text: string(op.Segmentacao), Cell: op.SegRef})
	}
	point, ok := e.rb.CapitalReferenciaAt(op.DataBase.LastDay())
	if !ok { // Check reports it (CR-E020) before Compute gets here
		return nil, lang.Errorf("no capital de referência in force at %s", op.DataBase)
	}
	ref := e.p.use(n, point.Valor)
	k := e.p.use(n, e.rb.FatorK[row][op.Regiao-1])
	n.Value = ref.Mul(k).Shift(-2)
	return n, nil
}

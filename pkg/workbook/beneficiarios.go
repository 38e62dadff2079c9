package workbook

import (
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/layout"
)

// beneficiaryCounter aggregates beneficiary rows in one pass.
type beneficiaryCounter struct{ b capital.Beneficiarios }

func newBeneficiaryCounter(source string) *beneficiaryCounter {
	return &beneficiaryCounter{b: capital.Beneficiarios{Source: source, Remissao: map[string]int64{}, PorProduto: map[string]int64{}}}
}

func (bc *beneficiaryCounter) add(r *reader, row tableRow) {
	b := &bc.b
	produto, _ := r.text(row("produto"), "produto", false)
	r.enum(row("tipo_contratacao"), "tipo_contratacao", layout.TiposContratacao, false)
	r.enum(row("segmento"), "segmento", layout.Segmentos, false)
	rem, ok := r.enum(row("remissao"), "remissao", layout.Remissoes, false)
	b.Total++
	b.PorProduto[produto]++
	if ok {
		b.Remissao[rem]++
	}
	if r.flag(row("promoprev"), "promoprev") {
		b.Promoprev++
	}
	if r.flag(row("parto_adequado"), "parto_adequado") {
		b.PartoAdequado++
	}
	if r.flag(row("aps"), "aps") {
		b.APS++
	}
}

func (bc *beneficiaryCounter) counts() *capital.Beneficiarios { return &bc.b }

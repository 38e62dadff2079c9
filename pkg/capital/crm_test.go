package capital

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func marketInput() *Input {
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	in.Informadas.CRM = nil
	in.MercadoALM = []FluxoALM{
		{Conta: "1", Valor: a("100000"), Sinal: "P", Prazo: a("24"), Indexador: "PRE"},
		{Conta: "2", Valor: a("50000"), Sinal: "N", Prazo: a("12"), Indexador: "PRE"},
		{Conta: "3", Valor: a("1000000"), Sinal: "P", Prazo: a("12"), Indexador: "POS"},
		{Conta: "4", Valor: a("120000"), Sinal: "P", Prazo: a("6"), Indexador: "IPCA"},
		{Conta: "5", Valor: a("60000"), Sinal: "P", Prazo: a("12"), Indexador: "IGPM"},
		{Conta: "6", Valor: a("10000"), Sinal: "P", Prazo: a("99"), Indexador: "CAMBIAL"},
		{Conta: "7", Valor: a("2000"), Sinal: "N", Prazo: a("1"), Indexador: "CAMBIAL"},
	}
	in.MercadoAtivos = []AtivoMercado{
		{Descricao: "Ações", Classe: "acoes", Valor: a("10000")},
		{Descricao: "Sede", Classe: "imoveis", Valor: a("15000")},
		{Descricao: "Loja", Classe: "imoveis", Valor: a("5000")},
	}
	return in
}

func TestCRM(t *testing.T) {
	r := compute(t, marketInput(), rulestest.Default(t), Options{})
	x := map[string]string{
		"crm_pre":     "3000", // 0.02·|100000·24/12 − 50000·12/12| = 0.02·150000
		"crm_pos":     "0",    // shock 0
		"crm_ipca":    "900",  // 0.015·120000·6/12
		"crm_igpm":    "1200", // 0.02·60000
		"crm_cambial": "2000", // 0.25·|10000 − 2000| (no term)
		"crm_acoes":   "3900", // 0.39·10000
		"crm_imoveis": "5000", // 0.25·(15000 + 5000)
	}
	for k, v := range x {
		n := r.CRM.Find(k)
		if n == nil {
			t.Errorf("no node %s", k)
			continue
		}
		wantDec(t, k, n.Value, v)
	}
	// R all ones: CRM = Σx = 3000 + 0 + 900 + 1200 + 2000 + 3900 + 5000 = 16000
	wantDec(t, "CRM", r.CRM.Value, "16000")

	// Identity R: √(3000² + 900² + 1200² + 2000² + 3900² + 5000²) = √55 460 000
	var rows []string
	for i := range 7 {
		row := "["
		for j := range 7 {
			if j > 0 {
				row += ", "
			}
			row += map[bool]string{true: "1", false: "0"}[i == j]
		}
		rows = append(rows, row+"]")
	}
	rb := loadRules(t, "crm:\n  correlacao: ["+joined(rows)+"]\n")
	r = compute(t, marketInput(), rb, Options{})
	agree(t, "CRM identity", r.CRM.Value, sqrtF(bf("55460000")))

	// Net short positions count by their absolute value:
	// 0.02·|100000·12/12 − 300000·12/12| = 0.02·200000 = 4000.
	in := marketInput()
	in.MercadoALM = []FluxoALM{
		{Conta: "1", Valor: a("100000"), Sinal: "P", Prazo: a("12"), Indexador: "PRE"},
		{Conta: "2", Valor: a("300000"), Sinal: "N", Prazo: a("12"), Indexador: "PRE"},
	}
	in.MercadoAtivos = nil
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "CRM short", r.CRM.Value, "4000")
	// The absolute value is taken per factor, before the aggregation: with
	// acoes 10000 (x = 3900) next to the short PRE (x = 4000), R all ones,
	// CRM = 4000 + 3900 = 7900 (not |−4000 + 3900| = 100).
	in2 := marketInput()
	in2.MercadoALM = in.MercadoALM
	in2.MercadoAtivos = in2.MercadoAtivos[:1]
	wantDec(t, "CRM short + acoes", compute(t, in2, rulestest.Default(t), Options{}).CRM.Value, "7900")
	// One factor only: the correlation matrix is not a parameter.
	if slices.Contains(r.Provisional(), "crm.correlacao") {
		t.Error("crm.correlacao used with one factor")
	}

	// A term that is not a whole number of years: 0.02·1000·7/12 = 35/3 = 11.666…
	in.MercadoALM = []FluxoALM{{Conta: "1", Valor: a("1000"), Sinal: "P", Prazo: a("7"), Indexador: "PRE"}}
	r = compute(t, in, rulestest.Default(t), Options{})
	agree(t, "CRM 7 months", r.CRM.Value, quo(bf("35"), bf("3")))

	// No market data: CRM = 0 with no CRM parameter used.
	in.MercadoALM = nil
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "CRM none", r.CRM.Value, "0")
	for _, p := range r.Provisional() {
		if len(p) > 3 && p[:4] == "crm." {
			t.Errorf("CRM parameter %s without market data", p)
		}
	}
}

// A correlation matrix that is not positive semidefinite can make a sum of
// squares negative: an ErrRules error, not a panic.
func TestNonPSDCorrelation(t *testing.T) {
	m := [7][7]string{}
	for i := range 7 {
		for j := range 7 {
			m[i][j] = "0"
			if i == j {
				m[i][j] = "1"
			} else if i < 3 && j < 3 {
				m[i][j] = "-1"
			}
		}
	}
	var rows []string
	for _, row := range m {
		rows = append(rows, "["+strings.Join(row[:], ", ")+"]")
	}
	rb := loadRules(t, "crm:\n  choque: {POS: 0.02}\n  correlacao: ["+strings.Join(rows, ", ")+"]\n")
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	in.Informadas.CRM = nil
	// x = (0.02·1200, 0.02·1200, 0.015·1600, 0, …) = (24, 24, 24, 0, …):
	// xᵀRx = 3·576 − 6·576 < 0.
	in.MercadoALM = []FluxoALM{
		{Conta: "a", Valor: a("1200"), Sinal: "P", Prazo: a("12"), Indexador: "PRE"},
		{Conta: "b", Valor: a("1200"), Sinal: "P", Prazo: a("12"), Indexador: "POS"},
		{Conta: "c", Valor: a("1600"), Sinal: "P", Prazo: a("12"), Indexador: "IPCA"},
	}
	_, err := Compute(in, rb, Options{})
	if !errors.Is(err, ErrRules) || !strings.Contains(err.Error(), "crm.correlacao") {
		t.Errorf("err %v", err)
	}
}

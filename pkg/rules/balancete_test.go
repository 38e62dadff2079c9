package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/ans"
)

// The embedded mapping is spec balancete.md §2, typed here from the spec's
// table and not from rulebook.yaml.
func TestBalanceteDefault(t *testing.T) {
	b := mustDefault(t).Balancete
	want := map[string][]string{
		"PLA.pl":                                 {"25"},
		"PLA.ded_participacoes":                  {"13211", "13214"},
		"PLA.ded_creditos_tributarios":           {"13161901"},
		"PLA.ded_despesas_diferidas":             {"125", "1315"},
		"PLA.ded_despesas_antecipadas":           {"128", "13182"},
		"PLA.ded_intangivel":                     {"134"},
		"PLA.ded_goodwill":                       {"132129013", "132129023", "132139013", "132139023", "132159013", "132159023"},
		"Operacional.contraprestacoes_12m_total": {"311"},
		"Operacional.provisoes_tecnicas":         {"211", "231"},
	}
	kinds := map[string]string{"Operacional.contraprestacoes_12m_total": Fluxo12m}
	campos := b.Campos()
	if len(campos) != len(want) {
		t.Errorf("%d campos, want %d", len(campos), len(want))
	}
	for _, c := range campos {
		key := c.Sheet + "." + c.Campo
		if !slices.Equal(c.Map.Contas.Value, want[key]) {
			t.Errorf("%s: contas %v, want %v", key, c.Map.Contas.Value, want[key])
		}
		kind := kinds[key]
		if kind == "" {
			kind = Saldo
		}
		if c.Map.Tipo.Value != kind {
			t.Errorf("%s: tipo %s, want %s", key, c.Map.Tipo.Value, kind)
		}
	}
	cells := map[ans.Segmento]map[ans.TipoContratacao]string{
		ans.MedicoHospitalar: {ans.Individual: "31111101 + 31111102", ans.ColetivoAdesao: "31111103 + 31111104",
			ans.ColetivoEmpresarial: "31111105 + 31111106", ans.CorresponsabilidadeAssumida: "31111108"},
		ans.Odontologico: {ans.Individual: "31112101 + 31112102", ans.ColetivoAdesao: "31112103 + 31112104",
			ans.ColetivoEmpresarial: "31112105 + 31112106", ans.CorresponsabilidadeAssumida: "31112108"},
	}
	for _, s := range ans.Segmentos() {
		for _, tc := range ans.TiposContratacao() {
			m := b.Cell(s, tc)
			if m.String() != cells[s][tc] || m.Tipo.Value != FluxoMensal {
				t.Errorf("cell %s %s: %s (%s), want %s", s, tc, m, m.Tipo.Value, cells[s][tc])
			}
			if want := "balancete.contraprestacoes." + string(s) + "." + string(tc) + ".contas"; m.Contas.Path() != want {
				t.Errorf("cell %s %s: path %s, want %s", s, tc, m.Contas.Path(), want)
			}
		}
	}
	// Σ 411MS1 for M = 1…9, S = 1, 2, and 414: 19 accounts.
	if ev := b.Eventos.Contas.Value; len(ev) != 19 || ev[0] != "411111" || ev[1] != "411121" || ev[17] != "411921" || ev[18] != "414" {
		t.Errorf("eventos: %v", ev)
	}
	if got := b.CreditoOperadoras.Campos["debitos_adm_programas"].Value; got != "CAMPO10" {
		t.Errorf("debitos_adm_programas: %s", got)
	}
	if got := CreditoColumns(); len(got) != 9 || got[0] != "creditos_operacoes" || got[8] != "debitos_adm_programas" {
		t.Errorf("CreditoColumns: %v", got)
	}
	for i, col := range CreditoColumns() {
		if n, ok := CampoN(b.CreditoOperadoras.Campos[col].Value); !ok || n != i+2 {
			t.Errorf("%s: %s, want CAMPO%d", col, b.CreditoOperadoras.Campos[col].Value, i+2)
		}
	}
	rb := mustDefault(t)
	for path, want := range map[string]Status{
		"balancete.pla.pl.contas":                   Regulation,
		"balancete.pla.ded_goodwill.contas":         Provisional,
		"balancete.pla.ded_goodwill.tipo":           Regulation,
		"balancete.eventos.contas":                  Provisional,
		"balancete.remissao.ca_vitalicia.elemento":  Provisional,
		"balancete.credito_ativos.fundo_outros.fpr": Regulation,
		"balancete.mercado_alm.elemento":            Regulation,
	} {
		if got := status(t, rb, path); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
}

// A rules file overrides one mapping like any parameter: the accounts it
// lists replace the embedded list, the kind stays, and the entry becomes
// status user.
func TestBalanceteOverride(t *testing.T) {
	rb := mustLoad(t, `
balancete:
  pla:
    ded_goodwill: {contas: ["132129013"]}
  credito_operadoras:
    campos: {pesl_intercambio: CAMPO10, debitos_adm_programas: CAMPO9}
`)
	g := rb.Balancete.PLA.DedGoodwill
	if !slices.Equal(g.Contas.Value, []string{"132129013"}) || g.Tipo.Value != Saldo {
		t.Errorf("ded_goodwill = %v %s", g.Contas.Value, g.Tipo.Value)
	}
	if got := status(t, rb, "balancete.pla.ded_goodwill.contas"); got != User {
		t.Errorf("ded_goodwill.contas: %s, want user", got)
	}
	if got := status(t, rb, "balancete.pla.ded_goodwill.tipo"); got != Regulation {
		t.Errorf("ded_goodwill.tipo: %s, want regulation", got)
	}
	if got := status(t, rb, "balancete.pla.ded_participacoes.contas"); got != Provisional {
		t.Errorf("ded_participacoes.contas: %s, want provisional", got)
	}
	c := rb.Balancete.CreditoOperadoras.Campos
	if c["pesl_intercambio"].Value != "CAMPO10" || c["debitos_adm_programas"].Value != "CAMPO9" || c["creditos_operacoes"].Value != "CAMPO2" {
		t.Errorf("campos: %v", c)
	}
	if len(c) != 9 {
		t.Errorf("%d campos after the merge, want 9", len(c))
	}
}

func TestBalanceteInvalid(t *testing.T) {
	tests := []struct{ yml, want string }{
		{`balancete: {pla: {pl: {contas: ["2.5"]}}}`, `balancete.pla.pl.contas: "2.5" is not an account code`},
		{`balancete: {pla: {pl: {contas: []}}}`, "balancete.pla.pl.contas: lists no account"},
		{`balancete: {pla: {pl: {tipo: fluxo_12m}}}`, "balancete.pla.pl.contas: 25 is no result account"},
		{`balancete: {pla: {pl: {tipo: mensal}}}`, `balancete.pla.pl.tipo: must be saldo or fluxo_12m (is "mensal")`},
		{`balancete: {eventos: {tipo: saldo}}`, "balancete.eventos.tipo: must be fluxo_mensal"},
		{`balancete: {eventos: {contas: ["211"]}}`, "balancete.eventos.contas: 211 is no result account"},
		{`balancete: {remissao: {ca_temporaria: {elemento: contrap}}}`, "balancete.remissao.ca_temporaria.elemento: must be an element of modeloPadraoCapital"},
		{`balancete: {credito_operadoras: {campos: {pesl_intercambio: CAMPO2}}}`, "is already the CAMPO of"},
		{`balancete: {credito_operadoras: {campos: {pesl_intercambio: CAMPO11}}}`, "balancete.credito_operadoras.campos.pesl_intercambio: must be CAMPO2 to CAMPO10"},
		{`balancete: {credito_operadoras: {campos: {pesl: CAMPO9}}}`, "balancete.credito_operadoras.campos.pesl: unknown column"},
		{`balancete: {credito_ativos: {fundo_fdss: {fpr: "42"}}}`, "balancete.credito_ativos.fundo_fdss.fpr: must be CAMPO1 to CAMPO5"},
		{`balancete: {mercado_alm: {elemento: quadroALM}}`, `balancete.mercado_alm.elemento: capreg implements only "quadroRiscoMercado"`},
		{`balancete: {pla: {pl: {conta: ["25"]}}}`, "unknown key conta"},
	}
	for _, tc := range tests {
		_, err := Load([]byte(tc.yml), "user.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.yml, err, tc.want)
		}
	}
}

func TestExpand(t *testing.T) {
	got := Expand("2111XX024")
	if len(got) != 100 || got[0] != "211100024" || got[13] != "211113024" || got[99] != "211199024" {
		t.Errorf("Expand(2111XX024) = %d codes %v…", len(got), got[:3])
	}
	if got := Expand("311"); !slices.Equal(got, []string{"311"}) {
		t.Errorf("Expand(311) = %v", got)
	}
	for s, want := range map[string]int{"CAMPO2": 2, "CAMPO10": 10, "CAMPO0": 0, "CAMPO": 0, "2": 0, "campo2": 0} {
		if n, ok := CampoN(s); n != want && ok || ok != (want > 0) {
			t.Errorf("CampoN(%q) = %d, %v", s, n, ok)
		}
	}
}

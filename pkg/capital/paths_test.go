package capital

import (
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// pathInputs are inputs that together take every branch that records a
// parameter: every PRE cell, PRO, SUS, remission, the three CRC parcels (in
// every category), every CRM factor, a computed CRO, an administradora, and
// every modality and segmentação in every região at every point of the
// capital de referência series.
func pathInputs() []*Input {
	full := richInput()
	db := full.Operadora.DataBase
	full.Contraprestacoes = nil
	for _, seg := range ans.Spellings(ans.Segmentos()) {
		for _, tipo := range ans.Spellings(ans.TiposContratacao()) {
			full.Contraprestacoes = append(full.Contraprestacoes, months(db, tipo, seg, "1000")...)
		}
	}
	// Rows that take the rulebook's factor where creditInput types its own.
	full.CreditoOperadoras = append(full.CreditoOperadoras, CreditoOperadora{RegistroANS: "444444", GrauRisco: " a ", C2: a("10")})
	full.CreditoAtivos = append(full.CreditoAtivos, CreditoAtivo{Descricao: "FDSS", Categoria: "fundo_fdss", Exposicao: a("10")})
	full.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 30, Promoprev: 10, PartoAdequado: 20, APS: 30}
	adm := richInput()
	adm.Operadora.Modalidade, adm.Operadora.Segmentacao = "administradora_de_beneficios", ""
	adm.Contraprestacoes, adm.Eventos = nil, nil
	adm.Beneficiarios = full.Beneficiarios
	out := []*Input{full, adm}
	dbs := []period.Month{mon(2020, 6), mon(2020, 12), mon(2021, 12), mon(2022, 12), mon(2023, 12), mon(2024, 12), mon(2025, 12)}
	i := 0
	for _, mod := range ans.Modalidades() {
		segs := mod.Segmentacoes()
		if segs == nil {
			segs = []ans.Segmentacao{""}
		}
		for _, seg := range segs {
			for regiao := 1; regiao <= 6; regiao++ {
				in := informedAll(operadora(string(mod), string(seg), regiao, dbs[i%len(dbs)]), "1", "2", "3", "4")
				in.Beneficiarios = full.Beneficiarios
				out = append(out, in)
				i++
			}
		}
	}
	return out
}

// Every parameter the engine records names a parameter of the rulebook, so
// its status and source are the rulebook's; and the inputs above make the
// engine record every parameter of the rulebook but the one it decides
// eligibility with.
func TestEveryRecordedPathExists(t *testing.T) {
	rbs := []*rules.Rulebook{
		rulestest.Default(t),
		loadRules(t, "crc: {fator_1_1: {por_grau: {A: 0.3, B: 0.1, C: 0.2}}}\ncro: {aplica_administradora: true}\n"),
	}
	used := map[string]bool{}
	for _, rb := range rbs {
		for _, in := range pathInputs() {
			for _, opt := range []Options{{}, {Factors: Promoprev, CoverageWeighted: true}} {
				r := compute(t, in, rb, opt)
				trees := []*Node{r.Tree}
				for _, s := range r.Sets {
					if s.Node != nil {
						trees = append(trees, s.Node)
					}
				}
				for _, tree := range trees {
					tree.Walk(func(n *Node) {
						for _, p := range n.Params {
							if _, ok := rb.Provenance(p.Path); !ok {
								t.Errorf("%s %s records %q, which names no parameter", in.Operadora.Modalidade, n.Key, p.Path)
							}
							leaf, _, _ := strings.Cut(p.Path, "[") // fator_k.autogestao[3]
							used[leaf] = true
						}
					})
				}
			}
		}
	}
	leaves, err := rbs[1].Leaves()
	if err != nil {
		t.Fatal(err)
	}
	var unused []string
	for _, l := range leaves {
		// The balancete section maps accounts to the workbook for capreg
		// import; the engine never reads it.
		if !used[l.Path] && !strings.HasPrefix(l.Path, "balancete.") {
			unused = append(unused, l.Path)
		}
	}
	if want := []string{"programas.idss_minimo"}; !slices.Equal(unused, want) {
		t.Errorf("parameters never recorded: %v, want %v", unused, want)
	}
}

// A value that is not a parameter of the rulebook (a table's missing key)
// is an error of the computation, never a parameter of unknown status.
func TestRecordingAnUnknownPathFails(t *testing.T) {
	p := &params{rb: rulestest.Default(t)}
	n := &Node{Key: "crs_pre"}
	p.use(n, rules.Dec{})
	p.use(n, rulestest.Default(t).CRS.PRE.Beta.Padrao["no_such_tipo"])
	if p.err == nil || len(n.Params) != 0 {
		t.Fatalf("err %v, params %v", p.err, n.Params)
	}
	if !strings.Contains(p.err.Error(), "crs_pre uses a parameter the rulebook does not have") {
		t.Errorf("err %v", p.err)
	}
}

package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustDefault(t *testing.T) *Rulebook {
	t.Helper()
	rb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

func mustLoad(t *testing.T, yml string) *Rulebook {
	t.Helper()
	rb, err := Load([]byte(yml), "user.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rb
}

// kTable is Tabela 2 (fator K, %) as printed in rn569-research-notes.md
// §3.2, pt-BR decimals, typed from there and not from rulebook.yaml.
const kTable = `
seguradora_especializada          | 100,00 | 100,00 | 100,00 | 100,00 | 100,00 | 100,00
medicina_de_grupo_filantropia_ST  | 100,00 | 74,19 | 48,39 | 25,81 | 18,06 | 10,32
cooperativa_medica_ST             | 87,10 | 61,29 | 37,10 | 18,06 | 12,65 | 7,23
medicina_de_grupo_filantropia_SSS | 74,39 | 49,19 | 27,58 | 12,65 | 8,85 | 5,06
cooperativa_medica_SSS            | 64,52 | 46,77 | 29,03 | 12,90 | 8,82 | 4,74
autogestao                        | 61,69 | 38,39 | 20,11 | 8,85 | 6,20 | 3,54
medicina_de_grupo_filantropia_SSP | 50,04 | 29,25 | 19,35 | 7,10 | 5,00 | 2,90
cooperativa_medica_SSP            | 45,81 | 22,58 | 15,35 | 6,68 | 4,76 | 2,84
medicina_de_grupo_filantropia_SPS | 34,19 | 20,97 | 14,52 | 6,26 | 4,35 | 2,45
cooperativa_medica_SPS            | 32,58 | 19,74 | 12,89 | 5,85 | 3,98 | 2,10
medicina_de_grupo_filantropia_SPP | 20,16 | 14,31 | 8,37 | 4,98 | 3,37 | 1,77
cooperativa_medica_SPP            | 17,24 | 11,34 | 6,67 | 4,37 | 2,92 | 1,47
odontologia_de_grupo_SOT          | 3,23 | 2,58 | 1,94 | 0,48 | 0,41 | 0,34
cooperativa_odontologica_SOT      | 2,58 | 2,43 | 1,79 | 0,45 | 0,35 | 0,25
odontologia_de_grupo_SOM          | 2,40 | 2,03 | 1,48 | 0,39 | 0,30 | 0,20
cooperativa_odontologica_SOM      | 2,35 | 1,90 | 1,21 | 0,34 | 0,26 | 0,19
odontologia_de_grupo_SOP          | 2,31 | 1,76 | 0,94 | 0,29 | 0,23 | 0,18
cooperativa_odontologica_SOP      | 2,03 | 1,35 | 0,61 | 0,23 | 0,20 | 0,16
administradora_de_beneficios      | 17,24 | 11,34 | 6,67 | 4,37 | 2,92 | 1,47
`

func TestDefaultFatorK(t *testing.T) {
	rb := mustDefault(t)
	rows := strings.Split(strings.TrimSpace(kTable), "\n")
	if len(rows) != 19 || len(rb.FatorK) != 19 {
		t.Fatalf("19 rows expected: table %d, rulebook %d", len(rows), len(rb.FatorK))
	}
	for _, line := range rows {
		cells := strings.Split(line, "|")
		row := strings.TrimSpace(cells[0])
		got := rb.FatorK[row]
		if len(got) != 6 {
			t.Errorf("fator_k.%s has %d values", row, len(got))
			continue
		}
		for i, c := range cells[1:] {
			want := dec(strings.ReplaceAll(strings.TrimSpace(c), ",", "."))
			if !got[i].Equal(want) {
				t.Errorf("fator_k.%s região %d = %s, want %s", row, i+1, got[i], want)
			}
		}
	}
}

// TestDefaultValues checks the embedded parameters against rn569-model.md
// §1, §2, §4, §5 and §8a.
func TestDefaultValues(t *testing.T) {
	rb := mustDefault(t)
	type check struct {
		name string
		got  Dec
		want string
	}
	b := rb.CRS.PRE.Beta
	checks := []check{
		{"cbr.correlacao_crs_crc", rb.CBR.CorrCRSCRC, "0.50"},
		{"cbr.correlacao_crs_crm", rb.CBR.CorrCRSCRM, "0.25"},
		{"cbr.correlacao_crc_crm", rb.CBR.CorrCRCCRM, "0.25"},
		{"crs.coef_cruzado", rb.CRS.CoefCruzado, "0.64"},
		{"beta padrao individual", b.Padrao["individual"], "0.043"},
		{"beta reduzido individual", b.Reduzido["individual"], "0.033"},
		{"beta padrao coletivo_adesao", b.Padrao["coletivo_adesao"], "0.082"},
		{"beta reduzido coletivo_adesao", b.Reduzido["coletivo_adesao"], "0.062"},
		{"beta padrao coletivo_empresarial", b.Padrao["coletivo_empresarial"], "0.114"},
		{"beta reduzido coletivo_empresarial", b.Reduzido["coletivo_empresarial"], "0.087"},
		{"beta padrao corresponsabilidade", b.Padrao["corresponsabilidade_assumida"], "0.114"},
		{"beta reduzido corresponsabilidade", b.Reduzido["corresponsabilidade_assumida"], "0.087"},
		{"kappa padrao", rb.CRS.PRO.Kappa.Padrao, "0.007"},
		{"kappa reduzido", rb.CRS.PRO.Kappa.Reduzido, "0.005"},
		{"z padrao", rb.CRS.SUS.Z.Padrao, "2.58"},
		{"z reduzido", rb.CRS.SUS.Z.Reduzido, "1.96"},
		{"fa padrao temporaria", rb.CRS.Remissao.FA.Padrao.Temporaria, "0.029"},
		{"fa reduzido temporaria", rb.CRS.Remissao.FA.Reduzido.Temporaria, "0.021"},
		{"fa padrao vitalicia", rb.CRS.Remissao.FA.Padrao.Vitalicia, "0.081"},
		{"fa reduzido vitalicia", rb.CRS.Remissao.FA.Reduzido.Vitalicia, "0.061"},
		{"fm padrao temporaria", rb.CRS.Remissao.FM.Padrao.Temporaria, "0.133"},
		{"fm reduzido temporaria", rb.CRS.Remissao.FM.Reduzido.Temporaria, "0.101"},
		{"fm padrao vitalicia", rb.CRS.Remissao.FM.Padrao.Vitalicia, "0.269"},
		{"fm reduzido vitalicia", rb.CRS.Remissao.FM.Reduzido.Vitalicia, "0.205"},
		{"parcela promoprev", rb.Programas.Parcela.Promoprev, "0.25"},
		{"parcela parto_adequado", rb.Programas.Parcela.PartoAdequado, "0.50"},
		{"parcela aps", rb.Programas.Parcela.APS, "0.75"},
		{"idss minimo", rb.Programas.IDSSMinimo, "0.5"},
		{"crc fator 1.1", rb.CRC.Fator11.Padrao, "0.08"},
		{"crc fator 1.2", rb.CRC.Fator12, "0.08"},
		{"crc F", rb.CRC.Multiplicador2, "0.08"},
		{"fpr titulo_publico_federal", rb.CRC.FPR["titulo_publico_federal"], "0"},
		{"fpr fundo_fdss", rb.CRC.FPR["fundo_fdss"], "1"},
		{"fpr fundo_outros", rb.CRC.FPR["fundo_outros"], "1"},
		{"fpr deposito_bancario", rb.CRC.FPR["deposito_bancario"], "1"},
		{"fpr titulo_privado", rb.CRC.FPR["titulo_privado"], "1"},
		{"fpr outros", rb.CRC.FPR["outros"], "1"},
		{"choque PRE", rb.CRM.Choque["PRE"], "0.02"},
		{"choque POS", rb.CRM.Choque["POS"], "0"},
		{"choque IPCA", rb.CRM.Choque["IPCA"], "0.015"},
		{"choque IGPM", rb.CRM.Choque["IGPM"], "0.02"},
		{"choque CAMBIAL", rb.CRM.Choque["CAMBIAL"], "0.25"},
		{"choque acoes", rb.CRM.Choque["acoes"], "0.39"},
		{"choque imoveis", rb.CRM.Choque["imoveis"], "0.25"},
		{"cro f_c", rb.CRO.FatorContraprestacoes, "0.03"},
		{"cro f_p", rb.CRO.FatorProvisoes, "0.03"},
		{"cro cap", rb.CRO.LimiteBCBR, "0.30"},
	}
	for _, c := range checks {
		if !c.got.Equal(dec(c.want)) {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	// The RN 451 point, then the July points of rn569-model.md §2.
	series := [][2]string{{"2020-03-06", "8789791.63"}, {"2020-07-01", "8977014.19"}, {"2021-07-01", "9726594.88"},
		{"2022-07-01", "10883087.01"}, {"2023-07-01", "11226992.56"}, {"2024-07-01", "11701894.35"}, {"2025-07-01", "12327945.69"}}
	if len(rb.CapitalReferencia) != len(series) {
		t.Fatalf("capital_referencia = %+v, want %d points", rb.CapitalReferencia, len(series))
	}
	for i, p := range series {
		if got := rb.CapitalReferencia[i]; !got.Desde.Equal(date(p[0])) || !got.Valor.Equal(dec(p[1])) {
			t.Errorf("capital_referencia[%d] = %s from %s, want %s from %s", i, got.Valor, got.Desde.Format(time.DateOnly), p[1], p[0])
		}
	}
	for name, m := range map[string][][]Dec{"rho": rb.CRS.PRE.Rho.Value, "crm": rb.CRM.Corr.Value} {
		for i, row := range m {
			for j, v := range row {
				if !v.Equal(decimal.NewFromInt(1)) {
					t.Errorf("%s[%d][%d] = %s, want 1 (all-ones default)", name, i, j, v)
				}
			}
		}
	}
	if len(rb.CRS.PRE.Rho.Value) != 8 || len(rb.CRM.Corr.Value) != 7 {
		t.Errorf("matrix sizes %d, %d; want 8, 7", len(rb.CRS.PRE.Rho.Value), len(rb.CRM.Corr.Value))
	}
	if rb.UserFile() != "" {
		t.Errorf("UserFile() = %q for the embedded rulebook", rb.UserFile())
	}
}

// The statuses rn569-model.md assigns (§0–§8a). The longest matching
// proveniencia path decides.
func TestProvenanceDefault(t *testing.T) {
	rb := mustDefault(t)
	tests := []struct {
		path string
		want Status
	}{
		{"capital_referencia@2020-03-06", Regulation},
		{"capital_referencia@2020-07-01", Provisional}, // estimated by the ANS update rule
		{"capital_referencia@2025-07-01", Provisional},
		{"fator_k.cooperativa_medica_SSP", Regulation},
		{"fator_k.cooperativa_medica_SSP[3]", Regulation},
		{"cbr.correlacao_crs_crc", Regulation},
		{"crs.coef_cruzado", Regulation},
		{"crs.pre.beta.padrao.individual", Regulation},
		{"crs.pre.beta.reduzido.coletivo_adesao", Regulation},
		{"crs.pre.rho", Provisional},
		{"crs.pro.kappa.padrao", Regulation},
		{"crs.pro.base", Provisional},
		{"crs.sus.z.reduzido", Regulation},
		{"crs.sus.modelo", Provisional},
		{"crs.remissao.fa.padrao.temporaria", Regulation},
		{"crs.remissao.fm.reduzido.vitalicia", Regulation},
		{"crs.remissao.bases", Provisional},
		{"programas.parcela.aps", Proposal},
		{"programas.idss_minimo", Proposal},
		{"crc.agregacao", Provisional},
		{"crc.exposicao_1_1", Provisional},
		{"crc.fator_1_1.padrao", Provisional},
		{"crc.fator_1_2", Provisional},
		{"crc.multiplicador_2", Provisional},
		{"crc.fpr.titulo_publico_federal", Provisional},
		{"crc.fpr.outros", Provisional},
		{"crc.fpr.fundo_fdss", Regulation},   // fund quotas default FPR 1.00: regulation
		{"crc.fpr.fundo_outros", Regulation}, // same
		{"crm.choque.PRE", Provisional},
		{"crm.correlacao", Provisional},
		{"crm.modelo", Provisional},
		{"cro.limite_bcbr", Provisional},
		{"cro.modelo", Provisional},
		{"cro.aplica_administradora", Provisional},
	}
	for _, tc := range tests {
		p, ok := rb.Provenance(tc.path)
		if !ok || p.Status != tc.want {
			t.Errorf("Provenance(%s) = %s (%s), want %s", tc.path, p.Status, p.Fonte, tc.want)
		}
		if p.Parametro != tc.path || p.Fonte == "" {
			t.Errorf("Provenance(%s) = %+v: path or source missing", tc.path, p)
		}
	}
}

// A path that names no parameter has no provenance: it is not silently
// trusted, nor silently provisional.
func TestProvenanceUnknownPath(t *testing.T) {
	rb := mustDefault(t)
	for _, path := range []string{
		"no.such.path",
		"cbrx",                          // "cbr" must not match a longer key by prefix alone
		"cbr",                           // a section, not a parameter
		"capital_referencia@2030-07-01", // no such point
		"crc.fator_1_1.por_grau.A",      // the embedded table by grade is empty
		"fator_k.autogestao[7]",         // six regiões
		"crs.pre.beta.padrao.coletivo",
		"",
	} {
		if p, ok := rb.Provenance(path); ok {
			t.Errorf("Provenance(%q) = %+v, want no parameter", path, p)
		}
	}
}

// Every parameter carries the path its YAML keys spell, also after a rules
// file merged values and points over the embedded ones; each of them, and
// every leaf that rules show lists, has a provenance.
func TestParameterPaths(t *testing.T) {
	rb := mustLoad(t, `
capital_referencia: [{desde: 2026-07-01, valor: 13000000}]
crc:
  fator_1_1:
    por_grau: {A: 0.02}
`)
	tests := []struct{ got, want string }{
		{rb.CRS.PRO.Kappa.Padrao.Path(), "crs.pro.kappa.padrao"},
		{rb.CRS.PRE.Beta.Reduzido["coletivo_adesao"].Path(), "crs.pre.beta.reduzido.coletivo_adesao"},
		{rb.CRS.PRE.Rho.Path(), "crs.pre.rho"},
		{rb.CRS.PRO.Base.Path(), "crs.pro.base"},
		{rb.CRS.Remissao.FM.Reduzido.Vitalicia.Path(), "crs.remissao.fm.reduzido.vitalicia"},
		{rb.FatorK["autogestao"][2].Path(), "fator_k.autogestao[3]"},
		{rb.CapitalReferencia[0].Valor.Path(), "capital_referencia@2020-03-06"},
		{rb.CapitalReferencia[len(rb.CapitalReferencia)-1].Valor.Path(), "capital_referencia@2026-07-01"},
		{rb.CRC.Fator11.PorGrau["A"].Path(), "crc.fator_1_1.por_grau.A"},
		{rb.CRM.Choque["CAMBIAL"].Path(), "crm.choque.CAMBIAL"},
		{rb.CRM.Corr.Path(), "crm.correlacao"},
		{rb.CRO.AplicaAdministradora.Path(), "cro.aplica_administradora"},
		{rb.Programas.IDSSMinimo.Path(), "programas.idss_minimo"},
		{rb.CBR.CorrCRCCRM.Path(), "cbr.correlacao_crc_crm"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("path %q, want %q", tc.got, tc.want)
		}
		if _, ok := rb.Provenance(tc.want); !ok {
			t.Errorf("Provenance(%s): no parameter", tc.want)
		}
	}
	leaves, err := rb.Leaves()
	if err != nil {
		t.Fatal(err)
	}
	if len(leaves) < 60 {
		t.Fatalf("%d leaves", len(leaves))
	}
}

func status(t *testing.T, rb *Rulebook, path string) Status {
	t.Helper()
	p, ok := rb.Provenance(path)
	if !ok {
		t.Fatalf("Provenance(%s): no parameter", path)
	}
	return p.Status
}

// defaultProvisional is the list of provisional leaves derived from
// rn569-model.md §4 (ρ, PRO base, SUS formula, remission bases), §6 (CRC
// forms and values except the fund FPR), §7 (CRM), §8 (CRO) and §2 (the
// capital de referência points from July 2020, estimated).
var defaultProvisional = []string{
	"balancete.contraprestacoes.medico_hospitalar.coletivo_adesao.contas", "balancete.contraprestacoes.medico_hospitalar.coletivo_empresarial.contas",
	"balancete.contraprestacoes.medico_hospitalar.corresponsabilidade_assumida.contas", "balancete.contraprestacoes.medico_hospitalar.individual.contas",
	"balancete.contraprestacoes.odontologico.coletivo_adesao.contas", "balancete.contraprestacoes.odontologico.coletivo_empresarial.contas",
	"balancete.contraprestacoes.odontologico.corresponsabilidade_assumida.contas", "balancete.contraprestacoes.odontologico.individual.contas",
	"balancete.eventos.contas", "balancete.operacional.contraprestacoes_12m_total.contas", "balancete.operacional.provisoes_tecnicas.contas",
	"balancete.pla.ded_creditos_tributarios.contas", "balancete.pla.ded_despesas_antecipadas.contas", "balancete.pla.ded_despesas_diferidas.contas",
	"balancete.pla.ded_goodwill.contas", "balancete.pla.ded_participacoes.contas",
	"balancete.remissao.ca_temporaria.elemento", "balancete.remissao.ca_vitalicia.elemento",
	"balancete.verificacoes.abi_hc_x_soma.contas", "balancete.verificacoes.provisao_remissao.contas",
	"capital_referencia@2020-07-01", "capital_referencia@2021-07-01", "capital_referencia@2022-07-01",
	"capital_referencia@2023-07-01", "capital_referencia@2024-07-01", "capital_referencia@2025-07-01",
	"crc.agregacao", "crc.exposicao_1_1", "crc.fator_1_1.padrao", "crc.fator_1_2",
	"crc.fpr.deposito_bancario", "crc.fpr.outros", "crc.fpr.titulo_privado", "crc.fpr.titulo_publico_federal",
	"crc.multiplicador_2",
	"crm.choque.CAMBIAL", "crm.choque.IGPM", "crm.choque.IPCA", "crm.choque.POS", "crm.choque.PRE",
	"crm.choque.acoes", "crm.choque.imoveis", "crm.correlacao", "crm.modelo",
	"cro.aplica_administradora", "cro.fator_contraprestacoes", "cro.fator_provisoes", "cro.limite_bcbr", "cro.modelo",
	"crs.pre.rho", "crs.pro.base", "crs.remissao.bases", "crs.sus.modelo",
}

func leavesWith(ls []Leaf, s Status) []string {
	var out []string
	for _, l := range ls {
		if l.Status == s {
			out = append(out, l.Path)
		}
	}
	slices.Sort(out)
	return out
}

func TestLeaves(t *testing.T) {
	rb := mustDefault(t)
	ls, err := rb.Leaves()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Leaf{}
	for _, l := range ls {
		if _, dup := byPath[l.Path]; dup {
			t.Errorf("leaf %s listed twice", l.Path)
		}
		byPath[l.Path] = l
	}
	// 7 capital_referencia points + 19 K rows + 3 cbr + 1 coef + 8 beta + rho
	// + base + 2 kappa + modelo + 2 z + bases + 8 remission + 3 parcela + idss
	// + agregacao + exposicao + fator_1_1.padrao + 1.2 + F + 6 fpr + modelo
	// + 7 choques + correlacao + modelo + 3 cro + aplica_administradora = 83;
	// balancete: (7 pla + 8 cells + eventos + 2 operacional + 2 verificacoes)
	// × (contas, tipo) + 2 remissao × (elemento, tipo) + credito_operadoras
	// elemento, tipo and 9 campos + credito_ativos elemento, tipo and 2 × 2
	// campos + mercado_alm elemento, tipo = 40 + 4 + 11 + 6 + 2 = 63.
	if len(ls) != 83+63 {
		t.Errorf("%d leaves, want %d", len(ls), 83+63)
	}
	for path, want := range map[string]Leaf{
		"capital_referencia@2020-03-06": {Value: "{desde: 2020-03-06, valor: 8789791.63}", Status: Regulation},
		"capital_referencia@2025-07-01": {Value: "{desde: 2025-07-01, valor: 12327945.69}", Status: Provisional},
		"fator_k.autogestao":            {Value: "[61.69, 38.39, 20.11, 8.85, 6.2, 3.54]", Status: Regulation},
		"cbr.correlacao_crs_crc":        {Value: "0.5", Status: Regulation},
		"crs.pro.base":                  {Value: "eventos_liquidos_pre_12m", Status: Provisional},
		"programas.parcela.aps":         {Value: "0.75", Status: Proposal},
		"crc.fpr.fundo_fdss":            {Value: "1", Status: Regulation},
		"cro.limite_bcbr":               {Value: "0.3", Status: Provisional},
		"cro.aplica_administradora":     {Value: "false", Status: Provisional},
	} {
		got, ok := byPath[path]
		if !ok {
			t.Errorf("no leaf %s", path)
			continue
		}
		if got.Value != want.Value || got.Status != want.Status || got.Source == "" {
			t.Errorf("leaf %s = %+v, want value %q status %s", path, got, want.Value, want.Status)
		}
	}
	for _, skip := range []string{"versao", "proveniencia", "confirmados"} {
		for p := range byPath {
			if strings.HasPrefix(p, skip) {
				t.Errorf("leaf %s should not be listed", p)
			}
		}
	}
	if got := leavesWith(ls, Provisional); !slices.Equal(got, defaultProvisional) {
		t.Errorf("provisional leaves:\n got %v\nwant %v", got, defaultProvisional)
	}
	if got := leavesWith(ls, Proposal); !slices.Equal(got, []string{"programas.idss_minimo", "programas.parcela.aps", "programas.parcela.parto_adequado", "programas.parcela.promoprev"}) {
		t.Errorf("proposal leaves: %v", got)
	}
	if got := leavesWith(ls, User); len(got) != 0 {
		t.Errorf("user leaves in the embedded rulebook: %v", got)
	}
}

func TestLoadEmpty(t *testing.T) {
	rb, err := Load(nil, "")
	if err != nil || rb.UserFile() != "" {
		t.Fatalf("Load(nil, \"\") = %v, %v", rb, err)
	}
	rb, err = Load([]byte("# nothing but a comment\n"), "empty.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if rb.UserFile() != "empty.yaml" {
		t.Errorf("UserFile() = %q", rb.UserFile())
	}
	ls, _ := rb.Leaves()
	if got := leavesWith(ls, User); len(got) != 0 {
		t.Errorf("an empty rules file made user leaves: %v", got)
	}
}

// Unquoted YAML numbers must reach decimal exactly: 0.1 as a float64 is
// 0.1000000000000000055511151231257827…, and 0.07 is 0.0700000000000000066…
func TestLoadExactDecimals(t *testing.T) {
	rb := mustLoad(t, `
cro:
  fator_provisoes: 0.1
  fator_contraprestacoes: 0.07
  limite_bcbr: 0.1234567890123456789012345
crs:
  sus:
    z: {padrao: 3}
`)
	for _, c := range []struct {
		got  Dec
		want string
	}{
		{rb.CRO.FatorProvisoes, "0.1"},
		{rb.CRO.FatorContraprestacoes, "0.07"},
		{rb.CRO.LimiteBCBR, "0.1234567890123456789012345"}, // 25 digits: beyond any float
		{rb.CRS.SUS.Z.Padrao, "3"},
		{rb.CRS.SUS.Z.Reduzido, "1.96"}, // sibling keeps the embedded value (maps merge)
	} {
		if c.got.String() != c.want {
			t.Errorf("decoded %s, want exactly %s", c.got, c.want)
		}
	}
	if !rb.CRO.FatorProvisoes.Mul(decimal.NewFromInt(3)).Equal(dec("0.3")) {
		t.Error("0.1 × 3 ≠ 0.3: the value went through a float")
	}
}

func TestLoadMergesAndMarksUser(t *testing.T) {
	rb := mustLoad(t, `
fator_k:
  autogestao: [60, 38.39, 20.11, 8.85, 6.20, 3.54]
crs:
  pre:
    beta:
      padrao: {individual: 0.05}
  pro:
    kappa: {padrao: 0.007}     # equal to the embedded value: keeps its status
cro:
  limite_bcbr: 0.300           # equal, written differently: keeps its status
crc:
  fator_1_1:
    por_grau: {A: 0.02}
confirmados: [cro.fator_provisoes, crs.pre.rho]
`)
	if !rb.CRS.PRE.Beta.Padrao["individual"].Equal(dec("0.05")) || !rb.CRS.PRE.Beta.Padrao["coletivo_adesao"].Equal(dec("0.082")) {
		t.Errorf("beta padrao not merged key by key: %v", rb.CRS.PRE.Beta.Padrao)
	}
	if !rb.FatorK["autogestao"][0].Equal(dec("60")) || !rb.FatorK["cooperativa_medica_SSP"][2].Equal(dec("15.35")) {
		t.Error("fator_k not merged row by row")
	}
	if !rb.CRC.Fator11.PorGrau["A"].Equal(dec("0.02")) {
		t.Error("por_grau.A not set")
	}
	tests := []struct {
		path string
		want Status
	}{
		{"crs.pre.beta.padrao.individual", User},
		{"crs.pre.beta.padrao.coletivo_adesao", Regulation},
		{"crs.pro.kappa.padrao", Regulation},
		{"cro.limite_bcbr", Provisional},
		{"cro.fator_provisoes", User}, // confirmed
		{"cro.fator_contraprestacoes", Provisional},
		{"crs.pre.rho", User}, // confirmed
		{"crc.fator_1_1.por_grau.A", User},
		{"fator_k.autogestao", User},
		{"fator_k.autogestao[1]", User}, // the engine names one região of a row
		{"fator_k.autogestao[6]", User},
		{"fator_k.cooperativa_medica_SSP", Regulation},
		{"fator_k.cooperativa_medica_SSP[3]", Regulation},
	}
	for _, tc := range tests {
		p, _ := rb.Provenance(tc.path)
		if p.Status != tc.want {
			t.Errorf("Provenance(%s) = %s, want %s", tc.path, p.Status, tc.want)
		}
		if tc.want == User && p.Fonte != "user.yaml" {
			t.Errorf("Provenance(%s).Fonte = %q, want the file name", tc.path, p.Fonte)
		}
	}
}

// A rules file adds points to the series (sorted by date) and replaces a
// point of the same date; its points are status user, the others keep
// theirs.
func TestCapitalReferenciaMerge(t *testing.T) {
	rb := mustLoad(t, `
capital_referencia:
  - {desde: 2026-07-01, valor: 13000000.00}
  - {desde: 2025-07-01, valor: 12400000.50}
  - {desde: 2024-01-01, valor: 11500000}
`)
	var dates []string
	for _, p := range rb.CapitalReferencia {
		dates = append(dates, p.Desde.Format(time.DateOnly))
	}
	if want := []string{"2020-03-06", "2020-07-01", "2021-07-01", "2022-07-01", "2023-07-01", "2024-01-01", "2024-07-01", "2025-07-01", "2026-07-01"}; !slices.Equal(dates, want) {
		t.Fatalf("series from %v, want %v (sorted by date)", dates, want)
	}
	tests := []struct {
		at, want, path string
		ok             bool
	}{
		{"2020-03-05", "", "", false}, // before the series
		{"2020-03-06", "8789791.63", "capital_referencia@2020-03-06", true},
		{"2020-06-30", "8789791.63", "capital_referencia@2020-03-06", true},
		{"2020-07-01", "8977014.19", "capital_referencia@2020-07-01", true},
		{"2023-12-31", "11226992.56", "capital_referencia@2023-07-01", true},
		{"2024-01-01", "11500000", "capital_referencia@2024-01-01", true},
		{"2024-07-01", "11701894.35", "capital_referencia@2024-07-01", true},
		{"2025-07-01", "12400000.5", "capital_referencia@2025-07-01", true},
		{"2026-06-30", "12400000.5", "capital_referencia@2025-07-01", true},
		{"2026-07-01", "13000000", "capital_referencia@2026-07-01", true},
		{"2030-01-01", "13000000", "capital_referencia@2026-07-01", true},
	}
	for _, tc := range tests {
		v, ok := rb.CapitalReferenciaAt(date(tc.at))
		if ok != tc.ok || (ok && (!v.Valor.Equal(dec(tc.want)) || v.Valor.Path() != tc.path)) {
			t.Errorf("CapitalReferenciaAt(%s) = %s, %s, %v; want %s, %s, %v", tc.at, v.Valor, v.Valor.Path(), ok, tc.want, tc.path, tc.ok)
		}
	}
	for path, want := range map[string]Status{
		"capital_referencia@2026-07-01": User, "capital_referencia@2025-07-01": User, "capital_referencia@2024-01-01": User,
		"capital_referencia@2024-07-01": Provisional, "capital_referencia@2020-03-06": Regulation,
	} {
		if s := status(t, rb, path); s != want {
			t.Errorf("%s has status %s, want %s", path, s, want)
		}
	}

	// A user point of the same date replaces the embedded one.
	rb = mustLoad(t, "capital_referencia: [{desde: 2020-03-06, valor: 9000000}]\n")
	if v, _ := rb.CapitalReferenciaAt(date("2020-03-06")); len(rb.CapitalReferencia) != 7 || !v.Valor.Equal(dec("9000000")) {
		t.Errorf("same-date point not replaced: %+v", rb.CapitalReferencia)
	}
	if s := status(t, rb, "capital_referencia@2020-03-06"); s != User {
		t.Errorf("replaced point has status %s", s)
	}
	// Restating an embedded point keeps its status; confirming it makes it user.
	rb = mustLoad(t, "capital_referencia: [{desde: 2020-03-06, valor: 8789791.63}, {desde: 2025-07-01, valor: 12327945.69}]\n")
	if s := status(t, rb, "capital_referencia@2020-03-06"); s != Regulation {
		t.Errorf("restated point has status %s", s)
	}
	if s := status(t, rb, "capital_referencia@2025-07-01"); s != Provisional {
		t.Errorf("restated estimated point has status %s", s)
	}
	rb = mustLoad(t, "confirmados: [capital_referencia@2025-07-01]\n")
	if s := status(t, rb, "capital_referencia@2025-07-01"); s != User {
		t.Errorf("confirmed point has status %s", s)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yml string
		want      []string // substrings of the error
	}{
		{"misspelt top key", "capital_referenca: []\n", []string{"user.yaml", "line 1", "unknown key capital_referenca"}},
		{"misspelt nested key", "cro:\n  fator_provisao: 0.1\n", []string{"line 2", "unknown key fator_provisao"}},
		{"two misspelt keys", "cro:\n  fator_provisao: 0.1\n  limite: 0.2\n", []string{"unknown key fator_provisao", "line 3: unknown key limite"}},
		{"point without desde", "capital_referencia: [{valor: 1}]\n", []string{"capital_referencia", "no desde"}},
		{"misspelt key in a typed map", "crs:\n  pre:\n    beta:\n      padrao: {individul: 0.05}\n", []string{"crs.pre.beta.padrao", "unknown key individul"}},
		{"unknown fpr category", "crc:\n  fpr: {acoes: 1}\n", []string{"crc.fpr", "unknown key acoes"}},
		{"unknown K row", "fator_k:\n  cooperativa_medica_XYZ: [1, 1, 1, 1, 1, 1]\n", []string{"unknown row cooperativa_medica_XYZ"}},
		{"unknown choque", "crm:\n  choque: {BTC: 0.9}\n", []string{"crm.choque", "unknown key BTC"}},
		{"not a number", "cro:\n  fator_provisoes: abc\n", []string{"line 2", `"abc" is not a number`}},
		{"float syntax not decimal", "cro:\n  fator_provisoes: .inf\n", []string{"is not a number"}},
		{"number is a list", "cro:\n  fator_provisoes: [1]\n", []string{"expected a number"}},
		{"bad date", "capital_referencia: [{desde: 06/2025, valor: 1}]\n", []string{"not a date AAAA-MM-DD"}},
		{"nonpositive point", "capital_referencia: [{desde: 2025-06-01, valor: 0}]\n", []string{"capital_referencia@2025-06-01", "valor must be positive"}},
		{"switch not a boolean", "cro:\n  aplica_administradora: talvez\n", []string{"user.yaml", "line 2", "talvez", "into bool"}},
		{"negative factor", "cro:\n  fator_provisoes: -0.03\n", []string{"cro.fator_provisoes", "must not be negative"}},
		{"negative beta", "crs:\n  pre:\n    beta:\n      reduzido: {individual: -1}\n", []string{"crs.pre.beta.reduzido.individual", "must not be negative"}},
		{"K over 100", "fator_k:\n  autogestao: [101, 1, 1, 1, 1, 1]\n", []string{"fator_k.autogestao[1]", "between 0 and 100"}},
		{"K row too short", "fator_k:\n  autogestao: [1, 1, 1, 1, 1]\n", []string{"fator_k.autogestao", "must have 6 values"}},
		{"correlation above 1", "cbr:\n  correlacao_crs_crc: 1.5\n", []string{"cbr.correlacao_crs_crc", "between -1 and 1"}},
		{"share above 1", "programas:\n  parcela: {aps: 1.2}\n", []string{"programas.parcela.aps"}},
		{"rho not square", "crs:\n  pre:\n    rho: [[1, 1], [1, 1]]\n", []string{"crs.pre.rho", "must have 8 rows"}},
		{"rho ragged", "crm:\n  correlacao: [[1,1,1,1,1,1,1],[1,1,1,1,1,1,1],[1,1,1,1,1,1,1],[1,1,1,1,1,1,1],[1,1,1,1,1,1,1],[1,1,1,1,1,1,1],[1,1,1,1,1,1]]\n", []string{"crm.correlacao", "row 7 must have 7 values"}},
		{"rho diagonal", "crm:\n  correlacao: " + matrix(7, 0.5, "0.9") + "\n", []string{"crm.correlacao", "diagonal entry 1 must be 1"}},
		{"rho asymmetric", "crm:\n  correlacao: " + asymmetric7() + "\n", []string{"crm.correlacao", "must be symmetric"}},
		{"unsupported form", "crs:\n  sus:\n    modelo: normal\n", []string{"crs.sus.modelo", `capreg implements only "binomial"`}},
		{"empty proveniencia in a user file", "proveniencia:\n", []string{"proveniencia belongs to the embedded rulebook"}},
		{"proveniencia in a user file", "proveniencia: [{parametro: cro, status: regulation, fonte: me}]\n", []string{"proveniencia belongs to the embedded rulebook"}},
		{"confirmados unknown", "confirmados: [cro.fator_provisao]\n", []string{"confirmados", "cro.fator_provisao", "names no parameter"}},
		{"not a mapping", "- 1\n- 2\n", []string{"user.yaml"}},
		{"bad yaml", "cro: [\n", []string{"user.yaml"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb, err := Load([]byte(tc.yml), "user.yaml")
			if err == nil {
				t.Fatalf("Load accepted it: %+v", rb.CRO)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// matrix writes an n×n flow matrix with off-diagonal value off and diagonal diag.
func matrix(n int, off float64, diag string) string {
	rows := make([]string, n)
	for i := range n {
		vals := make([]string, n)
		for j := range n {
			vals[j] = fmt.Sprint(off)
			if i == j {
				vals[j] = diag
			}
		}
		rows[i] = "[" + strings.Join(vals, ", ") + "]"
	}
	return "[" + strings.Join(rows, ", ") + "]"
}

func asymmetric7() string {
	m := matrix(7, 1, "1")
	// Change row 1 column 2 only.
	return strings.Replace(m, "[1, 1,", "[1, 0.5,", 1)
}

// changeAllFile is a rules file that sets every provisional value to a new
// number and confirms every provisional form, so no leaf stays provisional
// (pkg/capital's cross-check reads it too).
func changeAllFile() string {
	data, err := os.ReadFile("testdata/change-all.yaml")
	if err != nil {
		panic(err)
	}
	return string(data)
}

func TestChangeAllLeavesNoProvisional(t *testing.T) {
	rb := mustLoad(t, changeAllFile())
	ls, err := rb.Leaves()
	if err != nil {
		t.Fatal(err)
	}
	if got := leavesWith(ls, Provisional); len(got) != 0 {
		t.Errorf("still provisional: %v", got)
	}
	if got := leavesWith(ls, User); !slices.Equal(got, defaultProvisional) {
		t.Errorf("user leaves:\n got %v\nwant %v", got, defaultProvisional)
	}
}

// leafMap indexes leaves by path.
func leafMap(t *testing.T, rb *Rulebook) map[string]Leaf {
	t.Helper()
	ls, err := rb.Leaves()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Leaf{}
	for _, l := range ls {
		m[l.Path] = l
	}
	return m
}

func TestExportRoundTrip(t *testing.T) {
	cases := map[string]string{
		"default": "",
		"user": `
capital_referencia: [{desde: 2025-06-01, valor: 11000000.00}]
crs:
  pre:
    beta:
      padrao: {individual: 0.05}
crc:
  fator_1_1:
    por_grau: {A: 0.02, "B+": 0.03}
confirmados: [cro.fator_provisoes]
`,
		"change all": changeAllFile(),
	}
	for name, yml := range cases {
		t.Run(name, func(t *testing.T) {
			var rb *Rulebook
			if yml == "" {
				rb = mustDefault(t)
			} else {
				rb = mustLoad(t, yml)
			}
			out, err := rb.Export()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), "provisional — ") && name != "change all" {
				t.Error("export carries no status comments")
			}
			back, err := Load(out, "exported.yaml")
			if err != nil {
				t.Fatalf("exported file does not load: %v\n%s", err, out)
			}
			before, after := leafMap(t, rb), leafMap(t, back)
			if len(before) != len(after) {
				t.Errorf("%d leaves before, %d after", len(before), len(after))
			}
			for p, l := range before {
				a := after[p]
				if a.Value != l.Value {
					t.Errorf("%s: value %q after the round trip, was %q", p, a.Value, l.Value)
				}
				// Statuses survive; user values stay user (under the new file name).
				if a.Status != l.Status {
					t.Errorf("%s: status %s after the round trip, was %s", p, a.Status, l.Status)
				}
			}
		})
	}
}

// The exported default rulebook, loaded back, has exactly the default's
// provisional leaves (passing an export back never hides a provisional value).
func TestExportDefaultKeepsProvisional(t *testing.T) {
	out, err := mustDefault(t).Export()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(out, "rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := back.Leaves()
	if got := leavesWith(ls, Provisional); !slices.Equal(got, defaultProvisional) {
		t.Errorf("provisional after reload:\n got %v\nwant %v", got, defaultProvisional)
	}
	if got := leavesWith(ls, User); len(got) != 0 {
		t.Errorf("user leaves after reloading an unedited export: %v", got)
	}
	if !strings.Contains(string(out), "limite_bcbr: 0.3 # provisional") {
		t.Errorf("export lacks the status comment on cro.limite_bcbr:\n%s", out)
	}
	// Editing one value of the export makes that value, and only it, user.
	edited := strings.Replace(string(out), "limite_bcbr: 0.3", "limite_bcbr: 0.2", 1)
	rb, err := Load([]byte(edited), "rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ls, _ = rb.Leaves()
	if got := leavesWith(ls, User); !slices.Equal(got, []string{"cro.limite_bcbr"}) {
		t.Errorf("user leaves after one edit: %v", got)
	}
}

func TestVocabularies(t *testing.T) {
	// ρ order: medico_hospitalar × the four types, then odontologico × the four.
	for _, tc := range []struct {
		seg  ans.Segmento
		tipo ans.TipoContratacao
		want int
	}{
		{"medico_hospitalar", "individual", 0},
		{"medico_hospitalar", "corresponsabilidade_assumida", 3},
		{"odontologico", "individual", 4},
		{"odontologico", "coletivo_empresarial", 6},
		{"odontologico", "corresponsabilidade_assumida", 7},
	} {
		if got := PRECell(tc.seg, tc.tipo); got != tc.want {
			t.Errorf("PRECell(%s, %s) = %d, want %d", tc.seg, tc.tipo, got, tc.want)
		}
	}
	if got := MarketFactors(); !slices.Equal(got, []string{"PRE", "POS", "IPCA", "IGPM", "CAMBIAL", "acoes", "imoveis"}) {
		t.Errorf("MarketFactors() = %v", got)
	}
	if len(ans.KRows()) != 19 {
		t.Errorf("%d K rows", len(ans.KRows()))
	}
}

func TestLoadRefusesTwoUserPointsOfOneDate(t *testing.T) {
	_, err := Load([]byte("capital_referencia:\n  - {desde: 2025-06-01, valor: 1}\n  - {desde: 2025-06-01, valor: 2}\n"), "u.yaml")
	if err == nil || !strings.Contains(err.Error(), "two points from 2025-06-01") {
		t.Errorf("err = %v", err)
	}
}

// A grau de risco matches the table's key ignoring case and spaces, and
// comes back in the table's own spelling.
func TestGrau(t *testing.T) {
	rb := mustLoad(t, "crc:\n  fator_1_1:\n    por_grau: {A: 0.02, b: 0.03, \"C+\": 0.05}\n")
	tests := []struct {
		grau, want string
		ok         bool
	}{
		{"A", "A", true},
		{"a", "A", true},
		{" a ", "A", true},
		{"\u00a0A\t", "A", true}, // a no-break space and a tab count as spaces
		{"B", "b", true},
		{"c +", "C+", true},
		{"AA", "", false},
		{"C", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		if got, ok := rb.Grau(tc.grau); got != tc.want || ok != tc.ok {
			t.Errorf("Grau(%q) = %q, %v; want %q, %v", tc.grau, got, ok, tc.want, tc.ok)
		}
	}
	if got := rb.Graus(); !slices.Equal(got, []string{"A", "C+", "b"}) {
		t.Errorf("Graus() = %v", got)
	}
	if got := mustDefault(t).Graus(); len(got) != 0 {
		t.Errorf("the embedded rulebook has grades %v; every grade should take padrao", got)
	}
	// Two keys that are one grade, or a blank one, are a rulebook error.
	for yml, want := range map[string]string{
		"crc:\n  fator_1_1:\n    por_grau: {a: 0.02, \" A\": 0.03}\n": `" A" and "a" are the same grade`,
		"crc:\n  fator_1_1:\n    por_grau: {\" \": 0.02}\n":           "a grade is blank",
	} {
		if _, err := Load([]byte(yml), "user.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q) = %v, want an error with %q", yml, err, want)
		}
	}
}

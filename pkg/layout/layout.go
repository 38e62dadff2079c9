// Package layout is the input workbook's public contract, layout version 1
// ("modelo capreg v1"): its sheets, their columns or campos, and what each
// holds. The reader, the template and the example all follow this one
// definition.
package layout

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/capreg/capreg/pkg/ans"
)

// Version names the layout.
const Version = "modelo capreg v1"

// Kind is how a sheet holds its data.
type Kind int

// Sheet kinds.
const (
	Fields Kind = iota + 1 // campo | valor, one field per row
	Table                  // a header row and one record per row
)

// Type is what a field or column holds.
type Type int

// Value types.
const (
	Text Type = iota + 1
	Number
	Percent // a fraction: 0,35 / 0.35 / 35%
	Date
	Month
	Enum
	Flag // S or N, empty = N
	Registro
)

// Field is one campo or column.
type Field struct {
	Name     string
	Type     Type
	Optional bool
	Enum     []string // allowed codes, for Enum
	Doc      string   // what it holds, in Portuguese (Leia-me)
}

// Sheet is one sheet of the layout.
type Sheet struct {
	Name     string
	Kind     Kind
	Optional bool // the whole sheet may be absent
	Fields   []Field
	Doc      string
}

// Column headers of a campo | valor sheet.
const (
	CampoHeader = "campo"
	ValorHeader = "valor"
)

// ReadmeSheet is the explanatory sheet the template writes; the reader
// ignores it silently.
const ReadmeSheet = "Leia-me"

// OrigemSheet is the sheet capreg import writes: where each value came
// from. The reader ignores it silently, like the Leia-me.
const OrigemSheet = "Origem"

// Enumerations: the ANS terms' spellings, then the layout's own codes.
var (
	Modalidades      = ans.Spellings(append(ans.Modalidades(), ans.OutOfScope()...))
	Segmentacoes     = ans.Spellings(ans.Segmentacoes())
	TiposContratacao = ans.Spellings(ans.TiposContratacao())
	Segmentos        = ans.Spellings(ans.Segmentos())
	Categorias       = ans.Spellings(ans.Categorias())
	Indexadores      = ans.Spellings(ans.Indexadores())
	Classes          = ans.Spellings(ans.Classes())
	Remissoes        = ans.Spellings(ans.Remissoes())
	Sinais           = []string{"P", "N"}
	Regioes          = []string{"1", "2", "3", "4", "5", "6"}
	SN               = []string{"S", "N"}
)

// Situacoes are the six blocking-situation campos of Operadora, in order.
var Situacoes = []string{
	"situacao_plano_recuperacao_assistencial", "situacao_adequacao_economico_financeira",
	"situacao_direcao_tecnica", "situacao_direcao_fiscal", "situacao_liquidacao_extrajudicial",
	"situacao_parecer_adverso",
}

func num(name, doc string) Field    { return Field{Name: name, Type: Number, Doc: doc} }
func optNum(name, doc string) Field { return Field{Name: name, Type: Number, Optional: true, Doc: doc} }
func enum(name string, e []string, doc string) Field {
	return Field{Name: name, Type: Enum, Enum: e, Doc: doc}
}

// Sheets returns the layout, in the order the template writes it.
func Sheets() []Sheet {
	operadora := []Field{
		{Name: "registro_ans", Type: Registro, Doc: "Registro da operadora na ANS (6 dígitos)"},
		{Name: "razao_social", Type: Text, Doc: "Razão social"},
		{Name: "data_base", Type: Month, Doc: "Mês de referência do cálculo (AAAA-MM)"},
		enum("modalidade", Modalidades, "Modalidade da operadora (autogestao_rh e autogestao_mantenedor estão fora do escopo da RN 569)"),
		{Name: "segmentacao", Type: Enum, Enum: Segmentacoes, Optional: true, Doc: "Segmentação (RDC 39/2000); vazio para seguradora, autogestão e administradora"},
		{Name: "regiao", Type: Enum, Enum: Regioes, Doc: "Região de comercialização (1 a 6, Anexo I)"},
		{Name: "hc", Type: Percent, Doc: "Percentual histórico de cobrança do ressarcimento ao SUS publicado pela ANS (0 a 1, ou %)"},
		{Name: "governanca_relatorio_data", Type: Date, Optional: true, Doc: "Data de envio do relatório de governança (RN 518 Anexo V, adoção plena)"},
		{Name: "acreditacao_inicio", Type: Date, Optional: true, Doc: "Início da acreditação (RN 507)"},
		{Name: "promoprev_aprovacao", Type: Date, Optional: true, Doc: "Data de aprovação do PROMOPREV"},
		{Name: "parto_adequado_certificacao", Type: Date, Optional: true, Doc: "Data de certificação do Parto Adequado"},
		{Name: "aps_certificacao", Type: Date, Optional: true, Doc: "Data de certificação em APS"},
		{Name: "idss", Type: Percent, Optional: true, Doc: "IDSS da operadora (0 a 1)"},
	}
	for _, s := range Situacoes {
		operadora = append(operadora, Field{Name: s, Type: Flag, Optional: true, Doc: "S se a situação se aplica na data base; vazio = N"})
	}
	return []Sheet{
		{Name: "Operadora", Kind: Fields, Fields: operadora, Doc: "Identificação, classificação e situação regulatória da operadora"},
		{Name: "PLA", Kind: Fields, Doc: "Patrimônio líquido e deduções (art. 9, incisos I a VI), valores positivos", Fields: []Field{
			num("pl", "Patrimônio líquido (ou patrimônio social); pode ser negativo"),
			num("ded_participacoes", "I – participações em outras operadoras e entidades financeiras, seguradoras e de previdência"),
			num("ded_creditos_tributarios", "II – créditos tributários de prejuízo fiscal e base negativa de CSLL"),
			num("ded_despesas_diferidas", "III – despesas diferidas"),
			num("ded_despesas_antecipadas", "IV – despesas antecipadas"),
			num("ded_intangivel", "V – ativo não circulante intangível"),
			num("ded_goodwill", "VI – ágio (goodwill) de participações não abrangidas pelo inciso I"),
		}},
		{Name: "Contraprestacoes", Kind: Table, Doc: "Contraprestações de preço preestabelecido, uma linha por mês × tipo × segmento; os 12 meses até a data base", Fields: []Field{
			{Name: "competencia", Type: Month, Doc: "Mês (AAAA-MM)"},
			enum("tipo_contratacao", TiposContratacao, "Tipo de contratação"),
			enum("segmento", Segmentos, "Segmento"),
			num("valor", "Contraprestações do mês (R$)"),
		}},
		{Name: "Eventos", Kind: Table, Doc: "Eventos indenizáveis líquidos de preço preestabelecido, 12 meses", Fields: []Field{
			{Name: "competencia", Type: Month, Doc: "Mês (AAAA-MM)"},
			num("valor", "Eventos indenizáveis líquidos do mês (R$)"),
		}},
		{Name: "ABI", Kind: Table, Doc: "ABIs notificados e ainda não cobrados (pode ficar vazia)", Fields: []Field{
			{Name: "id_aviso", Type: Text, Doc: "Identificação do aviso"},
			num("valor", "Valor do ABI (R$)"),
		}},
		{Name: "Remissao", Kind: Fields, Doc: "Bases do risco de remissão", Fields: []Field{
			num("ca_temporaria", "Contraprestações 12 meses de beneficiários com cláusula de remissão temporária, não remidos"),
			num("ca_vitalicia", "Contraprestações 12 meses de beneficiários com cláusula de remissão vitalícia, não remidos"),
			num("pr_temporaria", "Provisão de remissão dos remidos temporários"),
			num("pr_vitalicia", "Provisão de remissão dos remidos vitalícios"),
		}},
		{Name: "Credito_Operadoras", Kind: Table, Doc: "CRC parcela 1.1: créditos e débitos com outras operadoras (quadro DIOPS, campos 2 a 10)", Fields: []Field{
			{Name: "registro_ans", Type: Registro, Doc: "Registro ANS da contraparte"},
			{Name: "grau_risco", Type: Text, Doc: "Grau de risco da contraparte publicado pela ANS"},
			num("creditos_operacoes", "Campo 2"), num("intercambio_receber", "Campo 3"),
			num("creditos_programas", "Campo 4"), num("ppsc_programas", "Campo 5"),
			num("creditos_adm_programas", "Campo 6"), num("ppsc_adm_programas", "Campo 7"),
			num("debitos_operacoes", "Campo 8"), num("pesl_intercambio", "Campo 9"),
			num("debitos_adm_programas", "Campo 10"),
			optNum("fator", "Fator da linha (substitui o da tabela)"),
		}},
		{Name: "Credito_Seguros", Kind: Table, Doc: "CRC parcela 1.2: exposições a seguradoras e resseguradoras", Fields: []Field{
			{Name: "contraparte", Type: Text, Doc: "Contraparte"},
			num("exposicao", "Exposição (R$)"),
			optNum("fator", "Fator da linha (substitui o padrão)"),
		}},
		{Name: "Credito_Ativos", Kind: Table, Doc: "CRC parcela 2: demais exposições ponderadas pelo FPR", Fields: []Field{
			{Name: "descricao", Type: Text, Doc: "Descrição"},
			enum("categoria", Categorias, "Categoria"),
			num("exposicao", "Exposição (R$)"),
			optNum("fpr", "FPR da linha (substitui o da categoria; FDSS: o FPR publicado pela ANS)"),
		}},
		{Name: "Mercado_ALM", Kind: Table, Doc: "Quadro ALM do DIOPS (risco de mercado)", Fields: []Field{
			{Name: "conta", Type: Text, Doc: "Conta contábil"},
			num("valor", "Valor (R$, em módulo)"),
			enum("sinal", Sinais, "P entrada, N saída"),
			num("prazo_meses", "Prazo médio ponderado (meses)"),
			enum("indexador", Indexadores, "Indexador"),
		}},
		{Name: "Mercado_Ativos", Kind: Table, Doc: "Ações e imóveis", Fields: []Field{
			{Name: "descricao", Type: Text, Doc: "Descrição"},
			enum("classe", Classes, "Classe"),
			num("valor", "Valor (R$)"),
		}},
		{Name: "Operacional", Kind: Fields, Doc: "Bases do risco operacional", Fields: []Field{
			num("contraprestacoes_12m_total", "Contraprestações dos últimos 12 meses, pré e pós-estabelecido"),
			num("provisoes_tecnicas", "Provisões técnicas"),
		}},
		{Name: "Parcelas_Informadas", Kind: Fields, Optional: true, Doc: "Parcelas já calculadas em outro lugar (por exemplo, na planilha da ANS); preencha só as que quiser informar", Fields: []Field{
			optNum("crs", "CRS informado"), optNum("crc", "CRC informado"), optNum("crm", "CRM informado"), optNum("cro", "CRO informado"),
		}},
		{Name: "Beneficiarios", Kind: Table, Optional: true, Doc: "Beneficiários (opcional; ou arquivo separado com --beneficiarios)", Fields: []Field{
			{Name: "id", Type: Text, Doc: "Identificação do beneficiário"},
			{Name: "produto", Type: Text, Doc: "Produto (registro na ANS)"},
			enum("tipo_contratacao", TiposContratacao, "Tipo de contratação"),
			enum("segmento", Segmentos, "Segmento"),
			enum("remissao", Remissoes, "Situação de remissão"),
			{Name: string(ans.Promoprev), Type: Flag, Optional: true, Doc: "Coberto por PROMOPREV (S/N)"},
			{Name: string(ans.PartoAdequado), Type: Flag, Optional: true, Doc: "Coberto pelo Parto Adequado (S/N)"},
			{Name: string(ans.APS), Type: Flag, Optional: true, Doc: "Coberto pela certificação em APS (S/N)"},
		}},
	}
}

// Lookup returns the sheet of the layout with that name.
func Lookup(name string) (Sheet, bool) {
	sheets := Sheets()
	i := slices.IndexFunc(sheets, func(s Sheet) bool { return s.Name == name })
	if i < 0 {
		return Sheet{}, false
	}
	return sheets[i], true
}

// Field returns the sheet's field with that name.
func (s Sheet) Field(name string) (Field, bool) {
	i := slices.IndexFunc(s.Fields, func(f Field) bool { return f.Name == name })
	if i < 0 {
		return Field{}, false
	}
	return s.Fields[i], true
}

// BeneficiaryFile returns the path of the beneficiary file that goes with
// the input workbook at workbook: DIR/NAME.xlsx gives DIR/NAME.beneficiarios.csv
// for ext "csv" (or DIR/NAME.beneficiarios.xlsx for "xlsx"; the dot is
// optional). A workbook name without the .xlsx extension keeps its name whole.
// capreg example writes beneficiary files by this name; capreg batch looks
// for them by it.
func BeneficiaryFile(workbook, ext string) string {
	base := workbook
	if e := filepath.Ext(workbook); strings.EqualFold(e, ".xlsx") {
		base = strings.TrimSuffix(workbook, e)
	}
	return base + beneficiaryInfix + strings.TrimPrefix(ext, ".")
}

// BeneficiaryExts are the extensions a beneficiary file can have.
var BeneficiaryExts = []string{"csv", "xlsx"}

// beneficiaryInfix sits between a workbook's name and the extension of its
// beneficiary file.
const beneficiaryInfix = ".beneficiarios."

// IsBeneficiaryFile reports whether path is named as a beneficiary file
// (NAME.beneficiarios.csv or NAME.beneficiarios.xlsx, any case), not as an
// input workbook: a directory scan for *.xlsx should skip it.
func IsBeneficiaryFile(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	for _, ext := range BeneficiaryExts {
		if strings.HasSuffix(base, beneficiaryInfix+ext) {
			return true
		}
	}
	return false
}

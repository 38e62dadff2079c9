// Package ans is the vocabulary of the ANS that the input layout, the
// rulebook, the engine and the readers share: modalidades, segmentações,
// tipos de contratação, segmentos, the factor sets, the remission
// situations, the ALM indexadores, the market asset classes, the CRC
// categories and the rows of the fator K table. Each term is a typed
// constant whose value is its spelling in the workbook and the rulebook; no
// other package spells them (a test keeps it so).
package ans

import "slices"

// Modalidade is an operator's modalidade (RN 569 art. 1).
type Modalidade string

// The modalidades.
const (
	SeguradoraEspecializada    Modalidade = "seguradora_especializada"
	MedicinaDeGrupo            Modalidade = "medicina_de_grupo"
	Filantropia                Modalidade = "filantropia"
	CooperativaMedica          Modalidade = "cooperativa_medica"
	Autogestao                 Modalidade = "autogestao"
	OdontologiaDeGrupo         Modalidade = "odontologia_de_grupo"
	CooperativaOdontologica    Modalidade = "cooperativa_odontologica"
	AdministradoraDeBeneficios Modalidade = "administradora_de_beneficios"
	AutogestaoRH               Modalidade = "autogestao_rh"         // outside RN 569
	AutogestaoMantenedor       Modalidade = "autogestao_mantenedor" // outside RN 569
)

// Modalidades lists the modalidades RN 569 computes, in the layout's order.
func Modalidades() []Modalidade {
	return []Modalidade{SeguradoraEspecializada, MedicinaDeGrupo, Filantropia, CooperativaMedica,
		Autogestao, OdontologiaDeGrupo, CooperativaOdontologica, AdministradoraDeBeneficios}
}

// OutOfScope lists the modalidades RN 569 leaves out (art. 1, parágrafo
// único): autogestão by RH department and by mantenedor.
func OutOfScope() []Modalidade { return []Modalidade{AutogestaoRH, AutogestaoMantenedor} }

// Segmentacao is the segmentação assistencial of an operator (RDC 39/2000).
type Segmentacao string

// The segmentações.
const (
	ST     Segmentacao = "ST"
	SSS    Segmentacao = "SSS"
	SSP    Segmentacao = "SSP"
	SPS    Segmentacao = "SPS"
	SPP    Segmentacao = "SPP"
	SPPSUS Segmentacao = "SPP/SUS"
	SOT    Segmentacao = "SOT"
	SOM    Segmentacao = "SOM"
	SOP    Segmentacao = "SOP"
)

func medical() []Segmentacao { return []Segmentacao{ST, SSS, SSP, SPS, SPP, SPPSUS} }
func dental() []Segmentacao  { return []Segmentacao{SOT, SOM, SOP} }

// Segmentacoes lists every segmentação.
func Segmentacoes() []Segmentacao { return append(medical(), dental()...) }

// Segmentacoes lists the segmentações valid for the modalidade; nil means it
// takes none.
func (m Modalidade) Segmentacoes() []Segmentacao {
	switch m {
	case MedicinaDeGrupo, Filantropia, CooperativaMedica:
		return medical()
	case OdontologiaDeGrupo, CooperativaOdontologica:
		return dental()
	}
	return nil
}

// KRow names the row of the fator K table (RN 451 Anexo I, Tabela 2) for a
// modalidade and segmentação: medicina de grupo and filantropia share rows,
// SPP/SUS takes the SPP row, a modalidade without segmentações has a row of
// its own. ok is false for a combination the table does not have.
func KRow(m Modalidade, s Segmentacao) (row string, ok bool) {
	segs := m.Segmentacoes()
	if segs == nil {
		return string(m), slices.Contains(Modalidades(), m)
	}
	if !slices.Contains(segs, s) {
		return "", false
	}
	if s == SPPSUS {
		s = SPP
	}
	if m == MedicinaDeGrupo || m == Filantropia {
		return string(MedicinaDeGrupo) + "_" + string(Filantropia) + "_" + string(s), true
	}
	return string(m) + "_" + string(s), true
}

// KRows lists the rows of the fator K table, in the table's order.
func KRows() []string {
	var out []string
	add := func(m Modalidade, s Segmentacao) {
		if row, ok := KRow(m, s); ok && !slices.Contains(out, row) {
			out = append(out, row)
		}
	}
	add(SeguradoraEspecializada, "")
	for _, s := range []Segmentacao{ST, SSS} {
		add(MedicinaDeGrupo, s)
		add(CooperativaMedica, s)
	}
	add(Autogestao, "")
	for _, s := range []Segmentacao{SSP, SPS, SPP} {
		add(MedicinaDeGrupo, s)
		add(CooperativaMedica, s)
	}
	for _, s := range dental() {
		add(OdontologiaDeGrupo, s)
		add(CooperativaOdontologica, s)
	}
	add(AdministradoraDeBeneficios, "")
	return out
}

// TipoContratacao is a plan's tipo de contratação.
type TipoContratacao string

// The tipos de contratação.
const (
	Individual                  TipoContratacao = "individual"
	ColetivoAdesao              TipoContratacao = "coletivo_adesao"
	ColetivoEmpresarial         TipoContratacao = "coletivo_empresarial"
	CorresponsabilidadeAssumida TipoContratacao = "corresponsabilidade_assumida"
)

// TiposContratacao lists the tipos de contratação, in the order of the
// pricing-risk correlation matrix.
func TiposContratacao() []TipoContratacao {
	return []TipoContratacao{Individual, ColetivoAdesao, ColetivoEmpresarial, CorresponsabilidadeAssumida}
}

// Segmento is the segment of a pricing-risk cell.
type Segmento string

// The segmentos.
const (
	MedicoHospitalar Segmento = "medico_hospitalar"
	Odontologico     Segmento = "odontologico"
)

// Segmentos lists the segmentos, in the order of the pricing-risk
// correlation matrix.
func Segmentos() []Segmento { return []Segmento{MedicoHospitalar, Odontologico} }

// FactorSet is a set of CRS factors: the standard, the reduced (governance
// or accreditation) and the three of the program-incentive proposal.
type FactorSet string

// The factor sets.
const (
	Padrao        FactorSet = "padrao"
	Reduzido      FactorSet = "reduzido"
	Promoprev     FactorSet = "promoprev"
	PartoAdequado FactorSet = "parto_adequado"
	APS           FactorSet = "aps"
)

// FactorSets lists the factor sets in the order ties are broken in.
func FactorSets() []FactorSet { return []FactorSet{Padrao, Reduzido, Promoprev, PartoAdequado, APS} }

// Remissao is a beneficiary's remission situation.
type Remissao string

// The remission situations.
const (
	Nenhuma            Remissao = "nenhuma"
	ClausulaTemporaria Remissao = "clausula_temporaria"
	ClausulaVitalicia  Remissao = "clausula_vitalicia"
	RemidoTemporario   Remissao = "remido_temporario"
	RemidoVitalicio    Remissao = "remido_vitalicio"
)

// Remissoes lists the remission situations.
func Remissoes() []Remissao {
	return []Remissao{Nenhuma, ClausulaTemporaria, ClausulaVitalicia, RemidoTemporario, RemidoVitalicio}
}

// Indexador is the indexer of a line of the DIOPS ALM quadro.
type Indexador string

// The indexadores.
const (
	PRE     Indexador = "PRE"
	POS     Indexador = "POS"
	IPCA    Indexador = "IPCA"
	IGPM    Indexador = "IGPM"
	CAMBIAL Indexador = "CAMBIAL"
)

// Indexadores lists the indexadores, in the order of the market-risk
// correlation matrix.
func Indexadores() []Indexador { return []Indexador{PRE, POS, IPCA, IGPM, CAMBIAL} }

// PricingRisk is the symbol of the pricing-risk part of the CRS (RN 569
// Anexo IV), spelt as the indexador PRE is: a figure's name, not an
// indexador.
const PricingRisk = string(PRE)

// Classe is a market-risk asset class held outside the ALM quadro.
type Classe string

// The asset classes.
const (
	Acoes   Classe = "acoes"
	Imoveis Classe = "imoveis"
)

// Classes lists the asset classes, in the order of the market-risk
// correlation matrix (after the indexadores).
func Classes() []Classe { return []Classe{Acoes, Imoveis} }

// Categoria is the category of an exposure of CRC parcela 2.
type Categoria string

// The categorias.
const (
	TituloPublicoFederal Categoria = "titulo_publico_federal"
	FundoFDSS            Categoria = "fundo_fdss"
	FundoOutros          Categoria = "fundo_outros"
	DepositoBancario     Categoria = "deposito_bancario"
	TituloPrivado        Categoria = "titulo_privado"
	Outros               Categoria = "outros"
)

// Categorias lists the categorias.
func Categorias() []Categoria {
	return []Categoria{TituloPublicoFederal, FundoFDSS, FundoOutros, DepositoBancario, TituloPrivado, Outros}
}

// Spellings returns the terms' spellings.
func Spellings[T ~string](terms []T) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = string(t)
	}
	return out
}

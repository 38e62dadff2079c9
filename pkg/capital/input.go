// Package capital is the RN 569/2022 capital model: Capital Base, PLA, the
// risk parcels CRS, CRC, CRM, CRO, their aggregation into the CBR, the
// regulatory capital CR = max(CB, CBR) and sufficiency, with the choice of
// factor set. It is pure: Go values in, Go values out, every figure a node of
// an explanation tree that names its formula, input cells and parameters.
//
// One file per formula: cb.go, pla.go, crs.go (PRE, PRO, SUS, remission),
// crc.go, crm.go, cro.go, cbr.go (BCBR, CBR, CR, sufficiency), contrib.go
// (the risks' Euler contributions to CBR and CRS), factorsets.go
// (eligibility and the choice of set); check.go validates an input, node.go
// is the explanation tree, reasons.go the words of its typed reasons,
// engine.go runs it all.
package capital

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/period"
)

// Amount is a number read from the input, with the cell it came from
// ("PLA!B2").
type Amount struct {
	V   decimal.Decimal
	Ref string
}

// Dated is a date read from the input, with its cell.
type Dated struct {
	T   time.Time
	Ref string
}

// Flag is an S/N field with its cell.
type Flag struct {
	Name string // the campo, e.g. situacao_direcao_fiscal
	On   bool
	Ref  string
}

// Input is one operator at one data base: everything the model reads.
type Input struct {
	Operadora         Operadora
	PLA               PLAInput
	Contraprestacoes  []Monthly
	Eventos           []Monthly
	ABI               []Amount
	Remissao          Remissao
	CreditoOperadoras []CreditoOperadora
	CreditoSeguros    []CreditoSeguro
	CreditoAtivos     []CreditoAtivo
	MercadoALM        []FluxoALM
	MercadoAtivos     []AtivoMercado
	Operacional       Operacional
	Informadas        Informadas
	Beneficiarios     *Beneficiarios // nil when no beneficiary data was given
	// Incomplete holds the parts the reader could not fully read, already
	// reported: checks that depend on them are skipped, so one error is
	// never reported again as another.
	Incomplete Parts
}

// Part is a part of the input some checks depend on.
type Part uint8

// The parts of the input a reader may leave incomplete.
const (
	SegmentacaoPart      Part = 1 << iota // the operator's segmentação
	DataBasePart                          // the operator's data base
	PLAPart                               // the equity and its deductions
	ContraprestacoesPart                  // the monthly contraprestações
	EventosPart                           // the monthly eventos
)

// Parts is a set of parts.
type Parts uint8

// Add puts p in the set.
func (s *Parts) Add(p Part) { *s |= Parts(p) }

// has reports whether p is in the set.
func (s Parts) has(p Part) bool { return s&Parts(p) != 0 }

// Operadora is the operator's identification and regulatory situation.
type Operadora struct {
	RegistroANS string
	RazaoSocial string
	DataBase    period.Month
	DataBaseRef string
	Modalidade  ans.Modalidade
	ModalRef    string
	Segmentacao ans.Segmentacao // "" where it does not apply
	SegRef      string
	Regiao      int
	RegiaoRef   string
	HC          Amount
	// Eligibility dates; nil when not filled.
	GovernancaRelatorio       *Dated
	AcreditacaoInicio         *Dated
	PromoprevAprovacao        *Dated
	PartoAdequadoCertificacao *Dated
	APSCertificacao           *Dated
	IDSS                      *Amount
	Situacoes                 []Flag // the six blocking situations, in layout order
}

// PLAInput is the equity and its six deductions (RN 569 art. 9, I–VI).
type PLAInput struct {
	PL       Amount
	Deducoes [6]Amount
}

// DeductionNames are the campos of the six deductions, in order I–VI.
var DeductionNames = [6]string{"ded_participacoes", "ded_creditos_tributarios", "ded_despesas_diferidas", "ded_despesas_antecipadas", "ded_intangivel", "ded_goodwill"}

// Monthly is one row of Contraprestacoes (with its cell) or Eventos (no cell).
type Monthly struct {
	Competencia    period.Month
	CompetenciaRef string
	Tipo           ans.TipoContratacao // "" for Eventos
	Segmento       ans.Segmento        // "" for Eventos
	Valor          Amount
}

// Remissao holds the remission bases.
type Remissao struct {
	CATemporaria, CAVitalicia, PRTemporaria, PRVitalicia Amount
}

// CreditoOperadora is a counterparty operator of CRC parcela 1.1: the DIOPS
// quadro fields 2–10.
type CreditoOperadora struct {
	RegistroANS                         string
	RowRef                              string // the registro_ans cell
	GrauRisco                           string
	GrauRef                             string // the grau_risco cell
	C2, C3, C4, C5, C6, C7, D8, D9, D10 Amount
	Fator                               *Amount
}

// CreditoSeguro is an insurance or reinsurance exposure (CRC parcela 1.2).
type CreditoSeguro struct {
	Contraparte string
	Exposicao   Amount
	Fator       *Amount
}

// CreditoAtivo is an exposure of CRC parcela 2.
type CreditoAtivo struct {
	Descricao string
	Categoria ans.Categoria
	CatRef    string
	Exposicao Amount
	FPR       *Amount
}

// FluxoALM is one line of the DIOPS ALM quadro.
type FluxoALM struct {
	Conta     string
	Valor     Amount
	Sinal     string // P or N
	Prazo     Amount // months
	Indexador ans.Indexador
}

// AtivoMercado is an equity or real-estate holding.
type AtivoMercado struct {
	Descricao string
	Classe    ans.Classe
	Valor     Amount
}

// Operacional holds the CRO bases.
type Operacional struct {
	Contraprestacoes12m Amount
	ProvisoesTecnicas   Amount
}

// Informadas are parcels computed elsewhere; nil when not informed.
type Informadas struct {
	CRS, CRC, CRM, CRO *Amount
}

// Beneficiarios are the counts aggregated from the beneficiary data.
type Beneficiarios struct {
	Source        string
	Total         int64
	Promoprev     int64
	PartoAdequado int64
	APS           int64
	Remissao      map[ans.Remissao]int64
	PorProduto    map[string]int64
}

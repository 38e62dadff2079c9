// Package coleta is the monthly data-collection sheet that ANS asks of
// operators with an approved PROMOPREV or an APS certification (deck 003,
// "Proposta de dados"; programs-and-filings.md §1): its 21 fields as ANS
// words them, the checks a filled sheet must pass before it is sent, and the
// fields capreg can derive from the beneficiary data.
//
// The package is pure: the sheet comes in as cell texts (pkg/coletabook
// reads and writes the .xlsx), findings and plans go out.
package coleta

import (
	"strconv"

	"github.com/capreg/capreg/pkg/period"
)

// SheetName is the sheet of the collection workbook.
const SheetName = "Coleta"

// Rows of the sheet: field numbers, field names, then one month per row.
const (
	NumberRow    = 1
	NameRow      = 2
	FirstDataRow = 3
)

// NumFields is the number of fields (columns A–U).
const NumFields = 21

// FirstMonth is the first month ANS asks for (or the operator's registration
// month, when later).
var FirstMonth = period.Month{Year: 2018, Month: 1}

// Format is the kind of value a field holds.
type Format int

// Formats of the fields.
const (
	Registro Format = iota + 1 // numeric, 6 characters
	MMAAAA                     // a month, 6 characters mmaaaa
	Integer                    // a count, up to IntDigits digits
	Decimal                    // IntDigits integer digits plus Places decimals
)

// Program is what a field depends on.
type Program int

// Conditions of the fields.
const (
	Always          Program = iota // every month
	Promoprev                      // from the PROMOPREV start (field 3) on
	APS                            // from the APS homologation (field 4) on
	APSHomologation                // only in the APS homologation month
	ProgramStart                   // fields 3 and 4 themselves
)

// Field is one column of the sheet.
type Field struct {
	Num       int
	Name      string // as ANS words it (row 2)
	Format    Format
	IntDigits int
	Places    int
	Program   Program
	Spec      string // the format as ANS words it ("Campo numérico, tamanho 10")
	Note      string // when and how to fill it (Observação), in Portuguese
}

// Col is the field's column letter (A–U).
func (f Field) Col() string { return colName(f.Num) }

func colName(col int) string {
	s := ""
	for col > 0 {
		col--
		s = string(rune('A'+col%26)) + s
		col /= 26
	}
	return s
}

// Axis names a cell: "E7".
func Axis(col, row int) string { return colName(col) + strconv.Itoa(row) }

const (
	visitas    = "RAZÃO DE VISITAS A EMERGÊNCIAS/PRONTO ATENDIMENTO POR BENEFICIÁRIO"
	internacao = "PERCENTUAL DE INTERNAÇÕES POR CONDIÇÕES SENSÍVEIS -"
	generalist = "TAXA DE MÉDICO GENERALISTA POR BENEFICIÁRIO"
	fichaRN572 = " A forma de cálculo segue a ficha técnica do anexo I da RN 572/2023."
	semParto   = " Retirar do denominador as internações por parto (CID 10 O80 a O84)."
	semPromo   = " Caso não tenha PROMOPREV aprovado, não preencher."
	semAPS     = " Caso não tenha Certificação em APS homologada, não preencher."
	spec32     = "Campo numérico, tamanho 3 mais 2 casas decimais"
	spec102    = "Campo numérico, tamanho 10 mais 2 casas decimais"
	spec34     = "Campo numérico, tamanho 3 mais 4 casas decimais"
	spec10     = "Campo numérico, tamanho 10"
	specMonth  = "Campo data, com 6 caracteres (mmaaaa)"
	fromStart  = "Preencher a partir de janeiro/2018 ou, se a operadora foi registrada depois, a partir do mês do registro."
	fromPromo  = " Preencher a partir do mês de aprovação do PROMOPREV (campo 3)."
	fromAPS    = " Preencher a partir do mês de homologação da Certificação em APS (campo 4)."
)

var fields = []Field{
	{1, "Registro da operadora na ANS", Registro, 6, 0, Always, "Campo numérico, com 6 caracteres", fromStart},
	{2, "Data base da informação, com mês e ano da informação", MMAAAA, 0, 0, Always, specMonth,
		"Um mês por linha, sem lacunas nem repetições, de janeiro/2018 (ou do registro da operadora) até a data base."},
	{3, "Data do início do PROMOPREV aprovado pela ANS", MMAAAA, 0, 0, ProgramStart, specMonth,
		"Data de aprovação pela ANS do Programa de PROMOPREV; com mais de um programa aprovado, a aprovação mais antiga." + semPromo},
	{4, "Data do início da Certificação em APS homologada pela ANS", MMAAAA, 0, 0, ProgramStart, specMonth,
		"Data de homologação pela ANS da Certificação em APS." + semAPS},
	{5, "Quantidade Total de Beneficiários na Operadora", Integer, 10, 0, Always, spec10, "Quantidade total de beneficiários na operadora. " + fromStart},
	{6, "Quantidade total de beneficiários abarcados por Programas de PROMOPREV na data base da informação", Integer, 10, 0, Promoprev, spec10,
		"Beneficiários abarcados por Programas de PROMOPREV na data base; não maior que o campo 5." + fromPromo + semPromo},
	{7, "Quantidade total de Beneficiários abarcados pelos Programas de Certificação APS na data base da informação", Integer, 10, 0, APS, spec10,
		"Beneficiários abarcados pela Certificação APS na data base; não maior que o campo 5." + fromAPS + semAPS},
	{8, "Sinistralidade Total da Operadora na data base da informação", Decimal, 3, 2, Always, spec32, fromStart},
	{9, "Sinistralidade do Grupo de Beneficiários abarcados por Programas de Promoprev na data base da informação", Decimal, 3, 2, Promoprev, spec32,
		"Sinistralidade do grupo de beneficiários abarcados por Programas de PROMOPREV." + fromPromo + semPromo},
	{10, "Sinistralidade do Grupo de Beneficiários abarcados pelas Programas de Certificação APS na data base da informação", Decimal, 3, 2, APS, spec32,
		"Sinistralidade do grupo de beneficiários abarcados pela Certificação APS." + fromAPS + semAPS},
	{11, "Valor total de despesas mensais da operadora em Programas de PROMOPREV na data base da informação", Decimal, 10, 2, Promoprev, spec102,
		"Despesas do mês nos Programas de PROMOPREV: as elencadas no anexo da IN ANS nº 15/2022 (conta 44151 – PROMOPREV)." + fromPromo + semPromo},
	{12, "Valor total de despesas da operadora para obtenção da Certificação em APS", Decimal, 10, 2, APSHomologation, spec102,
		"Total das despesas para obter a Certificação em APS (por exemplo, a auditoria de certificação), só na linha do mês de homologação (campo 4)." + semAPS},
	{13, "Valor total do custeio mensal dos serviços de APS da rede da Operadora que participa da Certificação", Decimal, 10, 2, APS, spec102,
		"Custo mensal dos serviços de APS da rede que participa da certificação (rede própria: pessoal e infraestrutura dedicados à APS)." + fromAPS + semAPS},
	{14, visitas + " (considerando o total de beneficiários da Operadora)", Decimal, 3, 4, Always, spec34,
		"Consultas em unidades de urgência e emergência/pronto-atendimento por beneficiário, todos os beneficiários." + fichaRN572},
	{15, visitas + " (considerando o total de beneficiários abarcados em PROMOPREV)", Decimal, 3, 4, Promoprev, spec34,
		"O mesmo indicador, beneficiários abarcados por PROMOPREV." + fichaRN572 + fromPromo + semPromo},
	{16, visitas + " (considerando o total de beneficiários adscritos na Certificação em APS)", Decimal, 3, 4, APS, spec34,
		"O mesmo indicador, beneficiários adscritos na Certificação em APS." + fichaRN572 + fromAPS + semAPS},
	{17, internacao + " (considerando o total de beneficiários da Operadora)", Decimal, 3, 4, Always, spec34,
		"Percentual de internações por condições sensíveis à atenção primária, todos os beneficiários." + fichaRN572 + semParto},
	{18, internacao + " (considerando o total de beneficiários abarcados em PROMOPREV)", Decimal, 3, 4, Promoprev, spec34,
		"O mesmo indicador, beneficiários abarcados por PROMOPREV." + fichaRN572 + semParto + fromPromo + semPromo},
	{19, internacao + " (considerando o total de beneficiários adscritos na Certificação em APS)", Decimal, 3, 4, APS, spec34,
		"O mesmo indicador, beneficiários adscritos na Certificação em APS." + fichaRN572 + semParto + fromAPS + semAPS},
	{20, generalist + " (considerando o total de beneficiários da Operadora)", Decimal, 3, 4, Always, spec34,
		"Médicos generalistas (Clínica Médica com capacitação em APS, Medicina de Família e Comunidade, Pediatria para menores de 12 anos) por mil beneficiários." + fichaRN572},
	{21, generalist + " ADSCRITO NA CERTIFICAÇÃO em APS (considerando o total de beneficiários adscritos na Certificação em APS)", Decimal, 3, 4, APS, spec34,
		"O mesmo indicador por mil beneficiários adscritos na Certificação em APS (nunca para PROMOPREV)." + fichaRN572 + fromAPS + semAPS},
}

// Fields returns the 21 fields in column order.
func Fields() []Field { return append([]Field(nil), fields...) }

// FieldOf returns field n (1–21).
func FieldOf(n int) Field { return fields[n-1] }

// ProgramName names a program condition for messages.
func (p Program) String() string {
	switch p {
	case Promoprev:
		return "PROMOPREV"
	case APS, APSHomologation:
		return "APS"
	}
	return ""
}

// Applies reports whether field f is filled in month m, given the program
// start months (nil: the operator has no such program). Fields 1–4 and the
// every-month fields always apply.
func (f Field) Applies(m period.Month, promoprev, aps *period.Month) bool {
	switch f.Program {
	case Promoprev:
		return promoprev != nil && !m.Before(*promoprev)
	case APS:
		return aps != nil && !m.Before(*aps)
	case APSHomologation:
		return aps != nil && m == *aps
	}
	return true
}

package lang

// The words several outputs share: the table and xlsx headings of a
// finding, a parameter, a figure, and yes and no.
const (
	Yes          Key = "word.yes"
	No           Key = "word.no"
	Surplus      Key = "word.surplus"
	FactorSet    Key = "word.factor_set"
	Sufficiency  Key = "word.sufficiency"
	Sufficient   Key = "word.sufficient"
	Insufficient Key = "word.insufficient"
	ErrorWord    Key = "word.error"
	File         Key = "word.file"
	Code         Key = "word.code"
	Severity     Key = "word.severity"
	Place        Key = "word.place"
	Message      Key = "word.message"
	Fix          Key = "word.fix"
	Rule         Key = "word.rule"
	Parameter    Key = "word.parameter"
	Value        Key = "word.value"
	Status       Key = "word.status"
	Source       Key = "word.source"
	Figure       Key = "word.figure"
	Markers      Key = "word.markers"
	Operators    Key = "word.operators"
	SevError     Key = "severity.error"
	SevWarning   Key = "severity.warning"
	FindingFix   Key = "finding.fix"
)

// wordMessages are the words several outputs share.
var wordMessages = []entry{
	{Yes, "yes", "sim"},
	{No, "no", "não"},
	{Surplus, "Surplus", "Excedente"},
	{FactorSet, "Factor set", "Conjunto de fatores"},
	{Sufficiency, "Sufficiency", "Suficiência"},
	{Sufficient, "sufficient", "suficiente"},
	{Insufficient, "insufficient", "insuficiente"},
	{ErrorWord, "Error", "Erro"},
	{File, "File", "Arquivo"},
	{Code, "Code", "Código"},
	{Severity, "Severity", "Severidade"},
	{Place, "Place", "Local"},
	{Message, "Message", "Mensagem"},
	{Fix, "Fix", "Correção"},
	{Rule, "Rule", "Regra"},
	{Parameter, "Parameter", "Parâmetro"},
	{Value, "Value", "Valor"},
	{Status, "Status", "Status"},
	{Source, "Source", "Fonte"},
	{Figure, "Figure", "Item"},
	{Markers, "Markers", "Marcadores"},
	{Operators, "Operators", "Operadoras"},
	{SevError, "error", "erro"},
	{SevWarning, "warning", "aviso"},
	// a finding's message and its fix, as a line shows them
	{FindingFix, "%s (fix: %s)", "%s (correção: %s)"},
}

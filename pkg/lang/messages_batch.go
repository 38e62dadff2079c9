package lang

// The messages of capreg batch: its table, progress and summary lines and
// its summary workbook.
const (
	BatchSet            Key = "batch.set"
	BatchStatus         Key = "batch.status"
	BatchNotComputed    Key = "batch.not_computed"
	BatchMore           Key = "batch.more"
	WorkbookNoun        Key = "noun.workbook"
	BatchSummary        Key = "batch.summary"
	BatchProgress       Key = "batch.progress"
	BatchSufficient     Key = "batch.sufficient"
	BatchInformed       Key = "batch.informed"
	BatchNoErrors       Key = "batch.no_errors"
	BatchParametersNote Key = "batch.parameters_note"
	BatchChart          Key = "batch.chart"
)

// batchMessages are capreg batch's messages.
var batchMessages = []entry{
	{BatchSet, "Set", "Fatores"},
	{BatchStatus, "Status", "Situação"},
	{BatchNotComputed, "Not computed", "Não calculadas"},
	{BatchMore, "... and %s more (capreg validate %s)", "... e mais %s (capreg validate %s)"},
	{BatchSummary, "%s: %s computed (%s insufficient), %s failed, in %s s", "%s: %s calculadas (%s insuficientes), %s com falha, em %s s"},
	{WorkbookNoun, "workbook", "planilha"},
	{BatchProgress, "computing", "calculando"},
	{BatchSufficient, "Sufficient", "Suficiente"},
	{BatchInformed, "Informed", "Informadas"},
	{BatchNoErrors, "no errors: every workbook was computed", "nenhum erro: todas as planilhas foram calculadas"},
	{BatchParametersNote, "Operators marked %s use parameters not confirmed in the regulation; %s, the ANS incentive proposal, not yet in force. Confirm them in a rules file (capreg rules export; --rules).",
		"Operadoras marcadas %s usam parâmetros não confirmados na regulamentação; %s, a proposta de incentivo da ANS, ainda não vigente. Confirme-os num arquivo de regras (capreg rules export; --rules)."},
	{BatchChart, "Surplus (PLA − CR) by operator (R$)", "Excedente (PLA − CR) por operadora (R$)"},
}

package lang

// The messages of the calc workbook (capreg calc -o xlsx): its sheets'
// headings, notes and chart titles (the sheets' names stay as they are).
const (
	XlsxProvisionalNote Key = "xlsx.provisional_note"
	XlsxProposalNote    Key = "xlsx.proposal_note"
	XlsxInformedNote    Key = "xlsx.informed_note"
	XlsxCharts          Key = "xlsx.charts"
	XlsxChartCBR        Key = "xlsx.chart_cbr"
	XlsxChartPLA        Key = "xlsx.chart_pla"
	XlsxLevel           Key = "xlsx.level"
	XlsxKey             Key = "xlsx.key"
	XlsxFormula         Key = "xlsx.formula"
	XlsxInputs          Key = "xlsx.inputs"
	XlsxParameters      Key = "xlsx.parameters"
	XlsxUsed            Key = "xlsx.used"
	XlsxNoWarnings      Key = "xlsx.no_warnings"
)

// xlsxMessages are the calc workbook's messages.
var xlsxMessages = []entry{
	{XlsxProvisionalNote, "%s: parameters not confirmed in the regulation (see sheet Parametros):", "%s: parâmetros não confirmados na regulamentação (ver a aba Parametros):"},
	{XlsxProposalNote, "%s: the ANS program-incentive proposal, not yet in force:", "%s: proposta da ANS de incentivo a programas, ainda não vigente:"},
	{XlsxInformedNote, "%s: parcels given in Parcelas_Informadas:", "%s: parcelas dadas em Parcelas_Informadas:"},
	{XlsxCharts, "Charts", "Gráficos"},
	{XlsxChartCBR, "CBR composition (R$)", "Composição do CBR (R$)"},
	{XlsxChartPLA, "PLA and regulatory capital (R$)", "PLA e capital regulatório (R$)"},
	{XlsxLevel, "Level", "Nível"},
	{XlsxKey, "Key", "Chave"},
	{XlsxFormula, "Formula", "Fórmula"},
	{XlsxInputs, "Inputs (cell)", "Entradas (célula)"},
	{XlsxParameters, "Parameters [status]", "Parâmetros [status]"},
	{XlsxUsed, "Used in this result", "Usado neste resultado"},
	{XlsxNoWarnings, "no warnings", "nenhum aviso"},
}

package lang

// The keys of capreg diff's messages (table, CSV labels, xlsx).
const (
	DiffTitle        Key = "diff.title"
	DiffStep         Key = "diff.step"
	DiffChange       Key = "diff.change"
	DiffTotal        Key = "diff.total"
	DiffAmounts      Key = "diff.amounts"
	DiffHow          Key = "diff.how"
	DiffSheetTitle   Key = "diff.sheet_title"
	DiffChartTitle   Key = "diff.chart_title"
	DiffChartData    Key = "diff.chart_data"
	DiffSeriesBase   Key = "diff.series_base"
	DiffSeriesUp     Key = "diff.series_up"
	DiffSeriesDown   Key = "diff.series_down"
	DiffSeriesTotal  Key = "diff.series_total"
	DiffMarkers      Key = "diff.markers"
	DiffSurplus      Key = "diff.surplus"
	DiffDeltaCR      Key = "diff.delta_cr"
	DiffDeltaSurplus Key = "diff.delta_surplus"
	DiffRegistro     Key = "diff.registro_differs"
	DiffDataBase     Key = "diff.data_base_not_after"

	DiffStepBase             Key = "diff.step.base"
	DiffStepPLA              Key = "diff.step.pla"
	DiffStepElegibilidade    Key = "diff.step.elegibilidade"
	DiffStepContraprestacoes Key = "diff.step.contraprestacoes"
	DiffStepEventos          Key = "diff.step.eventos"
	DiffStepABI              Key = "diff.step.abi"
	DiffStepRemissao         Key = "diff.step.remissao"
	DiffStepCredito          Key = "diff.step.credito"
	DiffStepMercado          Key = "diff.step.mercado"
	DiffStepOperacional      Key = "diff.step.operacional"
	DiffStepInformadas       Key = "diff.step.informadas"
)

// diffMessages are capreg diff's messages. ANTERIOR and ATUAL are the
// command's arguments, named the same in both languages.
var diffMessages = []entry{
	{DiffTitle, "capreg diff — analysis of change of the regulatory capital, RN 569/2022", "capreg diff — análise de variação do capital regulatório, RN 569/2022"},
	{DiffStep, "Step", "Etapa"},
	{DiffChange, "Change", "Variação"},
	{DiffTotal, "ATUAL − ANTERIOR", "ATUAL − ANTERIOR"},
	{DiffAmounts, "Amounts", "Valores"},
	{DiffHow, "Each step replaces one group of ANTERIOR's inputs by ATUAL's, in the order above, and computes\nagain as calc does (factor set auto); contraprestações and eventos are totalled over the 12 months\nof their own workbook. The steps add up exactly to ATUAL − ANTERIOR.",
		"Cada etapa troca um grupo de entradas de ANTERIOR pelas de ATUAL, na ordem acima, e calcula de novo\ncomo o calc (conjunto de fatores auto); contraprestações e eventos são somados nos 12 meses da sua\nprópria planilha. As etapas somam exatamente ATUAL − ANTERIOR."},
	{DiffSheetTitle, "Analysis of change — %s %s, %s to %s", "Análise de variação — %s %s, de %s a %s"},
	{DiffChartTitle, "CR from ANTERIOR to ATUAL (R$): increases red, decreases green", "CR de ANTERIOR a ATUAL (R$): aumentos em vermelho, reduções em verde"},
	{DiffChartData, "Chart data", "Dados do gráfico"},
	{DiffSeriesBase, "Base (not shown)", "Base (oculta)"},
	{DiffSeriesUp, "Increase", "Aumento"},
	{DiffSeriesDown, "Decrease", "Redução"},
	{DiffSeriesTotal, "CR", "CR"},
	{DiffMarkers, "Markers", "Marcadores"},
	{DiffSurplus, "Surplus", "Excedente"},
	{DiffDeltaCR, "Δ CR", "Δ CR"},
	{DiffDeltaSurplus, "Δ Surplus", "Δ Excedente"},
	{DiffRegistro, "the workbooks are of different operators: registro %s (ANTERIOR) and %s (ATUAL)", "as planilhas são de operadoras diferentes: registro %s (ANTERIOR) e %s (ATUAL)"},
	{DiffDataBase, "ATUAL's data base %s is not later than ANTERIOR's %s: are the workbooks in the right order?", "a data base de ATUAL, %s, não é posterior à de ANTERIOR, %s: as planilhas estão na ordem certa?"},

	{DiffStepBase, "Data base and classification (CB)", "Data base e classificação (CB)"},
	{DiffStepPLA, "PL and deductions (PLA)", "PL e deduções (PLA)"},
	{DiffStepElegibilidade, "Eligibility (dates, IDSS, situations)", "Elegibilidade (datas, IDSS, situações)"},
	{DiffStepContraprestacoes, "Contraprestações", "Contraprestações"},
	{DiffStepEventos, "Eventos", "Eventos"},
	{DiffStepABI, "ABI and hc", "ABI e hc"},
	{DiffStepRemissao, "Remission", "Remissão"},
	{DiffStepCredito, "Credit", "Crédito"},
	{DiffStepMercado, "Market", "Mercado"},
	{DiffStepOperacional, "Operational", "Operacional"},
	{DiffStepInformadas, "Informed parcels", "Parcelas informadas"},
}

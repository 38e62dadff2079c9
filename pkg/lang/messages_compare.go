package lang

// The messages of capreg compare: its table and its workbook.
const (
	CompareTitle       Key = "compare.title"
	CompareApplied     Key = "compare.applied"
	CompareAppliedWhat Key = "compare.applied_what"
	CompareSaving      Key = "compare.saving"
	CompareWhy         Key = "compare.why"
	CompareReason      Key = "compare.reason"
	CompareSet         Key = "compare.set"
	CompareProvisional Key = "compare.provisional"
	CompareProposal    Key = "compare.proposal"
	CompareChart       Key = "compare.chart"
)

// compareMessages are capreg compare's messages.
var compareMessages = []entry{
	{CompareTitle, "capreg compare — RN 569/2022 factor sets", "capreg compare — conjuntos de fatores, RN 569/2022"},
	{CompareApplied, "Applied", "Aplicado"},
	{CompareAppliedWhat, "%s (what capreg calc applies: the eligible set with the lowest CRS)", "%s (o que capreg calc aplica: o conjunto elegível de menor CRS)"},
	{CompareSaving, "Saving vs padrão (%s)", "Economia vs padrão (%s)"},
	{CompareWhy, "Why", "Motivos"},
	{CompareReason, "Reason", "Motivo"},
	{CompareSet, "Set", "Conjunto"},
	{CompareProvisional, "%s: every column uses parameters not confirmed in the regulation: %s", "%s: todas as colunas usam parâmetros não confirmados na regulamentação: %s"},
	{CompareProposal, "%s: the program columns use the ANS incentive proposal, not yet in force: %s", "%s: as colunas dos programas usam a proposta de incentivo da ANS, ainda não vigente: %s"},
	{CompareChart, "Regulatory capital by factor set (R$)", "Capital regulatório por conjunto de fatores (R$)"},
}

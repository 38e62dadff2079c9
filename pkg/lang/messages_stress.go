package lang

// The keys of capreg stress's messages: its table, its xlsx labels, the
// groups of input values and the built-in scenarios.
const (
	StressTitle          Key = "stress.title"
	StressScenarios      Key = "stress.scenarios"
	StressBuiltin        Key = "stress.builtin"
	StressBase           Key = "stress.base"
	StressDeltaSurplus   Key = "stress.delta_surplus"
	StressLegend         Key = "stress.legend"
	StressAllSufficient  Key = "stress.all_sufficient"
	StressInsufficientIn Key = "stress.insufficient_in"
	StressWarningsUnder  Key = "stress.warnings_under"
	StressInformed       Key = "stress.informed"
	StressProvisional    Key = "stress.provisional"
	StressProposal       Key = "stress.proposal"
	StressSheetTitle     Key = "stress.sheet_title"
	StressScenario       Key = "stress.scenario"
	StressShocks         Key = "stress.shocks"
	StressDescription    Key = "stress.description"
	StressChartTitle     Key = "stress.chart_title"
	StressFactorsTitle   Key = "stress.factors_title"
	StressAllTogether    Key = "stress.all_together"
	StressGroupPL        Key = "stress.group.pl"
	StressGroupDeducoes  Key = "stress.group.deducoes"
	StressGroupContrap   Key = "stress.group.contraprestacoes"
	StressGroupEventos   Key = "stress.group.eventos"
	StressGroupABI       Key = "stress.group.abi"
	StressGroupRemissao  Key = "stress.group.remissao"
	StressGroupCredito   Key = "stress.group.credito"
	StressGroupMercado   Key = "stress.group.mercado"
	StressGroupOperac    Key = "stress.group.operacional"
)

// stressMessages are capreg stress's messages.
var stressMessages = []entry{
	{StressTitle, "capreg stress — RN 569/2022 stress scenarios", "capreg stress — cenários de estresse, RN 569/2022"},
	{StressScenarios, "Scenarios", "Cenários"},
	{StressBuiltin, "built-in set (no --cenarios file)", "conjunto embutido (sem arquivo --cenarios)"},
	{StressBase, "Base", "Base"},
	{StressDeltaSurplus, "Δ surplus vs base", "Δ excedente vs base"},
	{StressLegend, "Scenarios (factors on the inputs)", "Cenários (fatores sobre as entradas)"},
	{StressAllSufficient, "Sufficiency: SUFFICIENT (PLA ≥ CR) in the base and under every scenario", "Suficiência: SUFICIENTE (PLA ≥ CR) na base e em todos os cenários"},
	{StressInsufficientIn, "Sufficiency: INSUFFICIENT (PLA < CR) under %s", "Suficiência: INSUFICIENTE (PLA < CR) em %s"},
	{StressWarningsUnder, "Warnings under %s", "Avisos em %s"},
	{StressInformed, "informed: %s given in Parcelas_Informadas, not computed: no scenario moves them.",
		"informadas: %s dadas em Parcelas_Informadas, não calculadas: nenhum cenário as altera."},
	{StressProvisional, "PROVISIONAL: every column uses parameters not confirmed in the regulation:\n  %s\n  Confirm them and set them in a rules file (capreg rules export; --rules FILE).",
		"PROVISÓRIO: todas as colunas usam parâmetros não confirmados na regulamentação:\n  %s\n  Confirme-os e defina-os num arquivo de regras (capreg rules export; --rules ARQUIVO)."},
	{StressProposal, "PROPOSAL: the columns use the ANS program-incentive proposal, not yet in force:\n  %s",
		"PROPOSTA: as colunas usam a proposta da ANS de incentivo a programas, ainda não vigente:\n  %s"},
	{StressSheetTitle, "Stress scenarios — %s %s, data base %s", "Cenários de estresse — %s %s, data base %s"},
	{StressScenario, "Scenario", "Cenário"},
	{StressShocks, "Shocks", "Choques"},
	{StressDescription, "Description", "Descrição"},
	{StressChartTitle, "Surplus by scenario (R$)", "Excedente por cenário (R$)"},
	{StressFactorsTitle, "Factors on the inputs by scenario (1 = unchanged)", "Fatores sobre as entradas por cenário (1 = sem alteração)"},
	{StressAllTogether, "All together", "Todos juntos"},
	{StressGroupPL, "PL", "PL"},
	{StressGroupDeducoes, "PLA deductions", "deduções do PLA"},
	{StressGroupContrap, "contraprestações", "contraprestações"},
	{StressGroupEventos, "eventos", "eventos"},
	{StressGroupABI, "ABI", "ABI"},
	{StressGroupRemissao, "remission", "remissão"},
	{StressGroupCredito, "credit", "crédito"},
	{StressGroupMercado, "market", "mercado"},
	{StressGroupOperac, "operational", "operacional"},
}

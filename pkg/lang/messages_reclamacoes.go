package lang

// The messages of capreg reclamacoes' table.
const (
	RecTitle        Key = "reclamacoes.title"
	RecPeriod       Key = "reclamacoes.period"
	RecPeriodSpan   Key = "reclamacoes.period_span"
	RecComplaints   Key = "reclamacoes.complaints"
	RecTotals       Key = "reclamacoes.totals"
	RecRank         Key = "reclamacoes.rank"
	RecShare        Key = "reclamacoes.share"
	RecCumulative   Key = "reclamacoes.cumulative"
	RecAtRisk       Key = "reclamacoes.at_risk"
	RecNoProducts   Key = "reclamacoes.no_products"
	RecNoComplaints Key = "reclamacoes.no_complaints"
	RecParagraph3   Key = "reclamacoes.paragraph3"
	RecCaput        Key = "reclamacoes.caput"
	RecTies         Key = "reclamacoes.ties"
)

// reclamacoesMessages are capreg reclamacoes' messages.
var reclamacoesMessages = []entry{
	{RecTitle, "capreg — IN ANS 36/2024 art. 17: products at risk from unresolved complaints", "capreg — IN ANS 36/2024 art. 17: produtos em risco por reclamações não resolvidas"},
	{RecPeriod, "Period", "Período"},
	{RecPeriodSpan, "%s to %s", "%s a %s"},
	{RecComplaints, "Complaints", "Reclamações"},
	{RecTotals, "%s unresolved, %s products, %s at risk", "%s não resolvidas, %s produtos, %s em risco"},
	{RecRank, "RANK", "POSIÇÃO"},
	{RecShare, "SHARE", "PARTICIPAÇÃO"},
	{RecCumulative, "CUMULATIVE", "ACUMULADA"},
	{RecAtRisk, "AT RISK", "EM RISCO"},
	{RecNoProducts, "No products: nothing to rank.", "Nenhum produto: nada a ordenar."},
	{RecNoComplaints, "No unresolved complaints in the period: no product is at risk.", "Nenhuma reclamação não resolvida no período: nenhum produto está em risco."},
	{RecParagraph3, "No product stays within 80%% of the unresolved complaints, so the one with the most is at risk (art. 17 §3).",
		"Nenhum produto fica dentro de 80%% das reclamações não resolvidas; por isso, o que tem mais reclamações está em risco (art. 17 §3)."},
	{RecCaput, "At risk: the products that together hold at most 80%% of the unresolved complaints (art. 17 caput).",
		"Em risco: os produtos que, juntos, somam no máximo 80%% das reclamações não resolvidas (art. 17 caput)."},
	{RecTies, "Products with equal complaints are ordered by fewer beneficiaries (art. 17 §2), then by code.",
		"Produtos com o mesmo número de reclamações são ordenados pelo menor número de beneficiários (art. 17 §2) e, depois, pelo código."},
}

package lang

// The keys of the risk contributions' messages (calc's table, explanation
// and xlsx Resumo).
const (
	ContribTitle           Key = "contrib.title"
	ContribInsideCRS       Key = "contrib.inside_crs"
	ContribUnderwriting    Key = "contrib.underwriting"
	ContribCredit          Key = "contrib.credit"
	ContribMarket          Key = "contrib.market"
	ContribOperational     Key = "contrib.operational"
	ContribPricing         Key = "contrib.pricing"
	ContribProvisions      Key = "contrib.provisions"
	ContribRemission       Key = "contrib.remission"
	ContribTotal           Key = "contrib.total"
	ContribDiversification Key = "contrib.diversification"
	ContribCRSInformed     Key = "contrib.crs_informed"
	ContribExplainTitle    Key = "contrib.explain_title"
	ContribToCBR           Key = "contrib.to_cbr"
	ContribToCRS           Key = "contrib.to_crs"
	ContribValue           Key = "contrib.value"
	ContribShare           Key = "contrib.share"
)

// contribMessages are the risk contributions' messages.
var contribMessages = []entry{
	{ContribTitle, "Risk contributions (Euler allocation): each risk's share of CBR",
		"Contribuições dos riscos (alocação de Euler): a parcela do CBR devida a cada risco"},
	{ContribInsideCRS, "Inside CRS: each risk's share of CRS", "Dentro do CRS: a parcela do CRS devida a cada risco"},
	{ContribUnderwriting, "underwriting risk", "risco de subscrição"},
	{ContribCredit, "credit risk", "risco de crédito"},
	{ContribMarket, "market risk", "risco de mercado"},
	{ContribOperational, "operational and legal risk", "risco operacional e legal"},
	{ContribPricing, "pricing", "precificação"},
	{ContribProvisions, "claims provision (PEONA) and SUS", "provisão de eventos (PEONA) e SUS"},
	{ContribRemission, "remission", "remissão"},
	{ContribTotal, "total", "total"},
	{ContribDiversification, "Diversification benefit", "Benefício de diversificação"},
	{ContribCRSInformed, "CRS informed in Parcelas_Informadas: its parts PRE, PRO + SUS and RA + RM are not known, so CRS has no split.",
		"CRS informado em Parcelas_Informadas: suas partes PRE, PRO + SUS e RA + RM não são conhecidas, por isso o CRS não tem divisão."},
	{ContribExplainTitle, "Risk contributions (each risk's share of a root: x_i·(R·x)_i / root; they add up to CBR and to CRS)",
		"Contribuições dos riscos (a parcela de cada risco numa raiz: x_i·(R·x)_i / raiz; somam o CBR e o CRS)"},
	{ContribToCBR, "Contribution to CBR", "Contribuição ao CBR"},
	{ContribToCRS, "Contribution to CRS", "Contribuição ao CRS"},
	{ContribValue, "Value (R$)", "Valor (R$)"},
	{ContribShare, "Share", "Participação"},
}

package lang

// The messages that say on stderr what a command wrote (template,
// example, coleta template, reclamacoes --template, docs).
const (
	Wrote                 Key = "files.wrote"
	WroteMarket           Key = "files.wrote_market"
	WroteMarketSheet      Key = "files.wrote_market_sheet"
	WroteMarketFile       Key = "files.wrote_market_file"
	WroteMarketBalancetes Key = "files.wrote_market_balancetes"
	WrotePages            Key = "files.wrote_pages"
	NamePlaceholder       Key = "files.name"
)

// fileMessages are the messages of the files written.
var fileMessages = []entry{
	{Wrote, "wrote %s", "arquivo %s gravado"},
	{WroteMarket, "wrote %s operators to %s (%s … %s)%s", "%s operadoras gravadas em %s (%s … %s)%s"},
	{WroteMarketSheet, ", each with %s beneficiaries in its Beneficiarios sheet", ", cada uma com %s beneficiários na sua aba Beneficiarios"},
	{WroteMarketFile, ", each with %s beneficiaries in %s.beneficiarios.%s", ", cada uma com %s beneficiários em %s.beneficiarios.%s"},
	{WroteMarketBalancetes, ", their balancetes and DIOPS-XML in %s", ", seus balancetes e DIOPS-XML em %s"},
	{WrotePages, "wrote %s pages", "%s páginas gravadas"},
	// a file's name in a pattern of names (NAME.beneficiarios.csv)
	{NamePlaceholder, "NAME", "NOME"},
}

package lang

// The messages of capreg import's summary (on stderr).
const (
	ImportWrote  Key = "import.wrote"
	ImportFilled Key = "import.filled"
	ImportCopied Key = "import.copied"
	ImportLeft   Key = "import.left"
	ImportLeftCp Key = "import.left_copied"
	ImportChecks Key = "import.checks"
	ImportCheck  Key = "import.check"
)

// importMessages are capreg import's messages.
var importMessages = []entry{
	{ImportWrote, "wrote %s: operator %s, data base %s", "arquivo %s gravado: operadora %s, data base %s"},
	{ImportFilled, "filled from the accounts: %s values (every one with its origin in sheet %s)", "preenchidos a partir das contas: %s valores (cada um com sua origem na aba %s)"},
	{ImportCopied, "copied from the base workbook: %s values", "copiados da planilha base: %s valores"},
	{ImportLeft, "left for the person:", "a preencher manualmente:"},
	{ImportLeftCp, "%s: copied from the base (%s)", "%s: copiado da base (%s)"},
	{ImportChecks, "checks: %s months of balancetes (%s..%s); each balances within R$ 0,01 unless a warning says otherwise",
		"verificações: %s meses de balancetes (%s..%s); cada um fecha com diferença de até R$ 0,01, salvo aviso em contrário"},
	{ImportCheck, "%s: %s = %s (compare with the fields)", "%s: %s = %s (compare com os campos)"},
}

package lang

// The messages of capreg import: its summary (on stderr) and the words of
// the workbook it writes.
const (
	ImportWrote      Key = "import.wrote"
	ImportFilled     Key = "import.filled"
	ImportCopied     Key = "import.copied"
	ImportLeft       Key = "import.left"
	ImportCopiedFrom Key = "import.copied_from"
	ImportChecks     Key = "import.checks"
	ImportCheck      Key = "import.check"

	ImportTitle       Key = "import.title"
	ImportDescription Key = "import.description"
	ImportIntro       Key = "import.intro"
	ImportIntroOrigem Key = "import.intro_origem"
	ImportNoRegistro  Key = "import.no_registro"
	ImportCheckOf     Key = "import.check_of"
	ImportToFill      Key = "import.to_fill"
	ImportSaldo       Key = "import.saldo"
	ImportFluxo       Key = "import.fluxo"
	ImportTotal       Key = "import.total"
	ImportAbsent      Key = "import.absent"
	ImportCopiedCell  Key = "import.copied_cell"
	ImportAccounts    Key = "import.accounts"
	ImportFiles       Key = "import.files"
	ImportMapping     Key = "import.mapping"
)

// importMessages are capreg import's messages.
var importMessages = []entry{
	{ImportWrote, "wrote %s: operator %s, data base %s", "arquivo %s gravado: operadora %s, data base %s"},
	{ImportFilled, "filled from the accounts: %s values (every one with its origin in sheet %s)", "preenchidos a partir das contas: %s valores (cada um com sua origem na aba %s)"},
	{ImportCopied, "copied from the base workbook: %s values", "copiados da planilha base: %s valores"},
	{ImportLeft, "left for the person:", "a preencher manualmente:"},
	{ImportCopiedFrom, "copied from the base (%s)", "copiado da base (%s)"},
	{ImportChecks, "checks: %s months of balancetes (%s..%s); each balances within R$ 0,01 unless a warning says otherwise",
		"verificações: %s meses de balancetes (de %s a %s); cada um fecha com diferença de até R$ 0,01, salvo aviso em contrário"},
	{ImportCheck, "%s: %s = %s (compare with the fields)", "%s: %s = %s (compare com os campos)"},
	{ImportTitle, "capreg — imported workbook (%s, %s)", "capreg — planilha importada (%s, %s)"},
	{ImportDescription, "Input workbook imported from the balancetes (%s)", "Planilha de entrada importada dos balancetes (%s)"},
	{ImportIntro, "Workbook written by \"capreg import\" from the balancetes and the DIOPS-XML of operator %s, data base %s.",
		"Planilha gerada por \"capreg import\" a partir dos balancetes e do DIOPS-XML da operadora %s, data base %s."},
	{ImportIntroOrigem, "Every filled cell has a comment with its accounts (or the DIOPS element), file and period; sheet %s lists them all, with the fields to fill.",
		"Cada célula preenchida tem um comentário com suas contas (ou o elemento do DIOPS), arquivo e período; a aba %s lista todas, com os campos a preencher."},
	{ImportNoRegistro, "(registro ANS to fill)", "(registro ANS a preencher)"},
	{ImportCheckOf, "check of %s", "verificação de %s"},
	{ImportToFill, "to fill: %s", "a preencher: %s"},
	{ImportSaldo, "balance at %s", "saldo em %s"},
	{ImportFluxo, "flow of %s", "fluxo de %s"},
	{ImportTotal, "total of %s", "total de %s"},
	{ImportAbsent, "absent (zero)", "ausente (zero)"},
	{ImportCopiedCell, "Copied from %s, %s", "Copiado de %s, %s"},
	{ImportAccounts, "Accounts %s, %s", "Contas %s, %s"},
	{ImportFiles, "Files: %s", "Arquivos: %s"},
	{ImportMapping, "Mapping %s: %s", "Mapeamento %s: %s"},
}

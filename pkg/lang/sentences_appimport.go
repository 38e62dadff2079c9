package lang

// appImportSentences are the sentences of capreg import's words in package
// app: why a field is left for the person, what gave a value (the Origem
// sheet, the comments on the cells, the summary) and a span of months.
var appImportSentences = []sentence{
	{"%s..%s", "%s a %s"},
	{"%s, %s", "%s, %s"},
	{"%s.%s (%s)", "%s.%s (%s)"},
	{"the registro ANS of the files (REG_ANS, registro_ans, DIOPS identificacao/registro)",
		"o registro ANS dos arquivos (REG_ANS, registro_ans, DIOPS identificacao/registro)"},
	{"the latest month of the balancetes", "o mês mais recente dos balancetes"},
	{"%s %s absent: 100 %%", "%s %s ausente: 100 %%"},

	{"no file names the operator (give --registro)", "nenhum arquivo indica a operadora (informe --registro)"},
	{"Operadora (every campo but registro_ans and data_base)", "Operadora (todos os campos, exceto registro_ans e data_base)"},
	{"not in the accounts", "não consta das contas"},
	{"the balancetes given are quarterly: monthly balancetes are needed",
		"os balancetes fornecidos são trimestrais: são necessários balancetes mensais"},
	{"the balancetes its 12-month total is built from were not given",
		"não foram fornecidos os balancetes dos quais se calcula o total de 12 meses"},
	{"the chart holds only hc × ΣABI (%s): Origem shows it as a check",
		"o plano de contas traz apenas hc × ΣABI (%s): a aba Origem o mostra como verificação"},
	{"the chart holds only the total remission provision (%s): Origem shows it as a check",
		"o plano de contas traz apenas a provisão de remissão total (%s): a aba Origem a mostra como verificação"},
	{"no DIOPS-XML of the data base %s was given", "não foi fornecido o DIOPS-XML da data base %s"},
	{"the DIOPS-XML given is of %s, not of the data base %s", "o DIOPS-XML fornecido é de %s, não da data base %s"},
	{"the DIOPS-XML leaves its element out", "o DIOPS-XML não traz o elemento"},
	{"the ANS list of graus de risco", "a lista de graus de risco da ANS"},
	{"Credito_Ativos (rows other than the funds)", "Credito_Ativos (linhas que não são dos fundos)"},
	{"not in the accounts; never copied from --base (give the beneficiary data to calc with --beneficiarios)",
		"não consta das contas; nunca é copiado de --base (forneça os dados de beneficiários ao calc com --beneficiarios)"},
}

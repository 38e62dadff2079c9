package lang

// reclamacoesSentences are the sentences of packages reclamacoes and
// reclamacoesbook: the evaluation period and the products of the complaint
// ranking (IN ANS 36/2024), and the reading of its workbook.
var reclamacoesSentences = []sentence{
	// The ranking's checks.
	{"the evaluation period starts %s, before IN ANS 36/2024 came into force on %s: its art. 17 ranking applies to periods from %s",
		"o período de avaliação começa em %s, antes da entrada em vigor da IN ANS 36/2024 em %s: a classificação de seu art. 17 vale para períodos a partir de %s"},
	{"the period ends %s, before it starts (%s)", "o período termina em %s, antes de começar (%s)"},
	{"product %q appears again (first at %s)", "o produto %q aparece de novo (a primeira vez em %s)"},

	// The workbook.
	{"more than %d rows hold values: the sheet holds inicio and fim",
		"mais de %d linhas contêm valores: a planilha traz inicio e fim"},
	{"campo %s appears again (first at A%d)", "o campo %s aparece de novo (a primeira vez em A%d)"},
	{"row 1 must hold the headers campo | valor (found %q | %q)",
		"a linha 1 deve conter os cabeçalhos campo | valor (encontrados %q | %q)"},
	{"campo %s is missing: add a row with %s in column A and the date in column B",
		"falta o campo %s: acrescente uma linha com %s na coluna A e a data na coluna B"},
	{"type the date (a date cell or AAAA-MM-DD)", "digite a data (em uma célula de data ou como AAAA-MM-DD)"},
	{"type the product's code (registro do produto na ANS)", "digite o código do produto (registro do produto na ANS)"},
	{"add the column header in row 1 (capreg reclamacoes --template)",
		"acrescente o cabeçalho da coluna na linha 1 (capreg reclamacoes --template)"},
	{"type the count (0 if there were none)", "digite a quantidade (0 se não houve nenhuma)"},
	{"%s = %s is not a whole number from 0 to 999.999.999.999",
		"%s = %s não é um número inteiro de 0 a 999.999.999.999"},
	{"%s = %s is not a whole number from 0 to 999.999.999.999 (for %s thousand, type %s)",
		"%s = %s não é um número inteiro de 0 a 999.999.999.999 (para %s mil, digite %s)"},
}

package lang

// workbookSentences are the sentences of package workbook: the findings of
// the input workbook's reader (sheets, headers, campos, values).
var workbookSentences = []sentence{
	{"required sheet %s is missing", "falta a planilha obrigatória %s"},
	{"sheet %s is not part of %s and is ignored", "a planilha %s não faz parte do %s e é ignorada"},
	{"give capreg the input workbook (capreg template writes an empty one with every sheet and its headers)",
		"forneça ao capreg a pasta de trabalho de entrada (capreg template gera uma vazia, com todas as planilhas e seus cabeçalhos)"},
	{"this is a data-collection (coleta) workbook: check it with capreg coleta validate; capreg calc reads the input workbook (capreg template writes an empty one)",
		"esta é uma pasta de trabalho de coleta de dados (coleta): verifique-a com capreg coleta validate; capreg calc lê a pasta de trabalho de entrada (capreg template gera uma vazia)"},
	{"this is a beneficiary workbook: give it to capreg calc with --beneficiarios, beside the input workbook (capreg template writes an empty one)",
		"esta é uma pasta de trabalho de beneficiários: forneça-a ao capreg calc com --beneficiarios, junto com a pasta de trabalho de entrada (capreg template gera uma vazia)"},
	{"its sheets are %s", "suas planilhas são %s"},
	{"the workbook has none of the required sheets of %s (Operadora, PLA, Contraprestacoes, …): %s",
		"a pasta de trabalho não tem nenhuma das planilhas obrigatórias do %s (Operadora, PLA, Contraprestacoes, …): %s"},
	{"row 1 must hold the headers %s | %s (found %q | %q)", "a linha 1 deve conter os cabeçalhos %s | %s (encontrados: %q | %q)"},
	{"type campo in A1 and valor in B1", "digite campo em A1 e valor em B1"},
	{"campo %q is not part of sheet %s and is ignored", "o campo %q não faz parte da planilha %s e é ignorado"},
	{"campo %s appears again (first at %s)", "o campo %s aparece de novo (a primeira vez em %s)"},
	{"campo %s is missing from sheet %s", "falta o campo %s na planilha %s"},
	{"add a row with %s in column A and its value in column B", "acrescente uma linha com %s na coluna A e o valor na coluna B"},
	{"column %s holds values (here %q) that are not read", "a coluna %s contém valores (aqui %q) que não são lidos"},
	{"column %q is not part of sheet %s and is ignored", "a coluna %q não faz parte da planilha %s e é ignorada"},
	{"column %s is missing from row 1 of sheet %s", "falta a coluna %s na linha 1 da planilha %s"},
	{"sheet %s is hidden; it is read all the same", "a planilha %s está oculta; ela é lida mesmo assim"},
	{"cells %s:%s are merged in the data area", "as células %s:%s estão mescladas na área de dados"},
	{"%s = %s is outside %d to %d", "%s = %s está fora do intervalo de %d a %d"},
	{"type a fraction between 0 and 1 (0,35 or 35%%)", "digite uma fração entre 0 e 1 (0,35 ou 35%%)"},
	{"%s = %s is negative", "%s = %s é negativo"},
	{"more than %d rows hold values: a campo | valor sheet holds one field per row",
		"mais de %d linhas contêm valores: uma planilha campo | valor tem um campo por linha"},
}

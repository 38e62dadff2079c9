package lang

// beneficiariosSentences are the sentences of package beneficiarios: the
// findings of a beneficiary file (.xlsx or .csv) and of the Beneficiarios
// sheet.
var beneficiariosSentences = []sentence{
	{"column %q is not part of %s and is ignored", "a coluna %q não faz parte de %s e é ignorada"},
	{"column %s is missing from the header (row 1)", "falta a coluna %s no cabeçalho (linha 1)"},
	{"%s: %q is not S or N (empty is N)", "%s: %q não é S nem N (vazio vale N)"},
	{"%s: %q is not one of %s", "%s: %q não é um dos valores %s"},
	{"save the file again as CSV (UTF-8 or Latin-1, separated by , or ;)", "salve o arquivo de novo como CSV (UTF-8 ou Latin-1, separado por , ou ;)"},
	{"line %d has %d fields, the header has %d: the line is not counted", "a linha %d tem %d campos e o cabeçalho tem %d: a linha não é contada"},
	{"give the line all %d fields: an empty value still needs its separator (%c)", "dê à linha todos os %d campos: um valor vazio também precisa do separador (%c)"},
}

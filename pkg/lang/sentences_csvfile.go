package lang

// csvfileSentences are the sentences of package csvfile: why a CSV file
// cannot be read.
var csvfileSentences = []sentence{
	{"a line is longer than %d bytes", "uma linha tem mais de %d bytes"},
	{`bare " in non-quoted-field`, `há aspas (") em um campo que não está entre aspas`},
	{`extraneous or missing " in quoted-field`, `há aspas (") a mais ou faltando em um campo entre aspas`},
	{"line %d cannot be read as CSV: %v", "a linha %d não pode ser lida como CSV: %v"},
	{"the file cannot be read as CSV: %v", "o arquivo não pode ser lido como CSV: %v"},
}

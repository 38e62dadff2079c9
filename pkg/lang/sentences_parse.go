package lang

// parseSentences are the sentences of package parse: why a typed value
// cannot be read, and how to type it.
var parseSentences = []sentence{
	{"%q is not %s", "%q não é %s"},
	{"a number", "um número"},
	{"a date", "uma data"},
	{"a month", "um mês"},
	{"%q is too long for a number", "%q é longo demais para um número"},
	{"type a numeric cell, or text like 1.234.567,89 (pt-BR) or 1234567.89 (plain)",
		"digite o valor em uma célula numérica, ou como texto no formato 1.234.567,89 (pt-BR) ou 1234567.89 (simples)"},
	{"%q is ambiguous: %s thousand or %s", "%q é ambíguo: %s mil ou %s"},
	{"type a numeric cell, or write it unambiguously (1.234,00 or 1234)",
		"digite o valor em uma célula numérica, ou escreva-o sem ambiguidade (1.234,00 ou 1234)"},
	{"type the 6 digits of the registro ANS, leading zeros included (005711)",
		"digite os 6 dígitos do registro ANS, com os zeros à esquerda (005711)"},
	{"%q is not a 6-digit registro ANS", "%q não é um registro ANS de 6 dígitos"},
	{"type a date cell, or text AAAA-MM-DD (or DD/MM/AAAA)",
		"digite a data em uma célula de data, ou como texto AAAA-MM-DD (ou DD/MM/AAAA)"},
	{"type a date cell, or text AAAA-MM (or MM/AAAA)",
		"digite o mês em uma célula de data, ou como texto AAAA-MM (ou MM/AAAA)"},
	{"%s: %v", "%s: %v"},
}

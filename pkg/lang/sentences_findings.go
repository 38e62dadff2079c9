package lang

// findingsSentences are the sentences of package findings: the catalogue
// of checks (rule and fix of each code) and the words of a finding's place.
var findingsSentences = []sentence{
	{"%s (column %s)", "%s (coluna %s)"},
	{"%s (line %d)", "%s (linha %d)"},
	{"line %d", "linha %d"},
	{"%s %s: %s (fix: %s)", "%s %s: %s (correção: %s)"},
	{"error", "erro"},
	{"warning", "aviso"},
	{"%d errors in the input:\n%s", "%d erros na entrada:\n%s"},
	{"more than %d errors in this sheet; the rest are not listed", "mais de %d erros nesta planilha; os demais não são listados"},
	{"fix the errors listed and run again", "corrija os erros listados e execute de novo"},
}

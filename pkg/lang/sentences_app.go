package lang

// appSentences are the sentences of package app: the findings and errors
// of the use cases (import and its base workbook, validate --balancete,
// validate, calc, batch).
var appSentences = []sentence{
	{"rules file %w", "arquivo de regras %w"},
	{"beneficiary file %w", "arquivo de beneficiários %w"},
	{"check the rules file", "confira o arquivo de regras"},
	{"the base workbook is of registro %s, and the balancetes of %s", "a pasta de trabalho base é do registro %s, e os balancetes, do registro %s"},
	{"give the base workbook of the same operator", "forneça a pasta de trabalho base da mesma operadora"},
	{"no balancete was given: the import needs the operator's balancetes (--balancete) or a DIOPS-XML with its balancete (--diops)",
		"nenhum balancete foi fornecido: a importação precisa dos balancetes da operadora (--balancete) ou de um DIOPS-XML com o seu balancete (--diops)"},
	{"no balancete of the data base %s was given (the balancetes are of %s)", "não foi fornecido o balancete da data base %s (os balancetes fornecidos são de %s)"},
	{"the balancete of %s is missing: Contraprestacoes and Eventos take the 12 months %s..%s",
		"falta o balancete de %s: Contraprestacoes e Eventos usam os 12 meses de %s a %s"},
	{"%s.%s is left for the person: %v", "%s.%s deve ser preenchido manualmente: %v"},
	{"the monthly balancetes %s..%s (or %s..%s with saldo_inicial)", "os balancetes mensais de %s a %s (ou de %s a %s com saldo_inicial)"},
	{"%s is left for the person: it needs %s; the balancetes given are quarterly",
		"%s deve ser preenchida manualmente: exige %s; os balancetes fornecidos são trimestrais"},
	{"%s.%s (%s) is %s in the workbook, and the accounts give no such row (%s)",
		"%s.%s (%s) é %s na pasta de trabalho, e as contas não têm essa linha (%s)"},
	{"%s is %s in the workbook and %s in the accounts (%s): a difference of %s",
		"%s é %s na pasta de trabalho e %s nas contas (%s): uma diferença de %s"},
	{"%s is not in the workbook, and the accounts give %s (%s)", "%s não está na pasta de trabalho, e as contas dão %s (%s)"},
	{"%s (and %d more)", "%s (e mais %d)"},
	{"internal error (a bug, please report it): %v", "erro interno (um defeito do capreg; por favor, relate-o): %v"},
}

package lang

// generateSentences are the sentences of package generate (and of the
// template of coletabook, which wraps its errors the same way): what stops
// the writing of a template, an example or a filled workbook.
var generateSentences = []sentence{
	// Where the writing stopped.
	{"sheet %s: %w", "planilha %s: %w"},
	{"campo %s: %w", "campo %s: %w"},
	{"column %s: %w", "coluna %s: %w"},
	{"%s (%s): %w", "%s (%s): %w"},

	// The workbook's layout and its data.
	{"unknown sheet kind %d", "tipo de planilha desconhecido: %d"},
	{"the codes of %s exceed Excel's %d-character limit of a drop-down list",
		"os códigos de %s excedem o limite de %d caracteres de uma lista suspensa do Excel"},
	{"example data for sheet %s, which the layout does not have",
		"dados de exemplo para a planilha %s, que o leiaute não tem"},
	{"a record of sheet %s, which the layout does not have", "um registro da planilha %s, que o leiaute não tem"},
	{"sheet %s: a campo | valor sheet takes one record, not %d",
		"planilha %s: uma planilha campo | valor recebe um só registro, e não %d"},
	{"no field %s in the layout", "o leiaute não tem o campo %s"},
	{"no way to write a %T", "não há como escrever um valor do tipo %T"},
	{"%d beneficiary rows do not fit in a sheet (at most %d): write them to a CSV file",
		"%d linhas de beneficiários não cabem em uma planilha (no máximo %d): grave-as em um arquivo CSV"},

	// The balancetes and the DIOPS of an example.
	{"the rulebook maps %s to no account", "as regras não associam %s a nenhuma conta"},
	{"the account %s of %s is too short to place post-established contraprestações beside it",
		"a conta %s de %s é curta demais para pôr a seu lado as contraprestações de preço pós-estabelecido"},
	{"the account %s of post-established contraprestações must lie under %s and under no monthly mapping: the rulebook's balancete section does not allow it",
		"a conta %s das contraprestações de preço pós-estabelecido deve ficar sob %s e fora de todo mapeamento mensal: a seção balancete das regras não o permite"},
	{"the DIOPS quadro %s holds one %s row, and the workbook has %d",
		"o quadro %s do DIOPS contém uma só linha %s, e a pasta de trabalho tem %d"},
}

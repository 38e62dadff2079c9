package lang

// batchSentences are the sentences of package batch: why an argument of
// capreg batch gives no workbook to compute.
var batchSentences = []sentence{
	{"cannot read the directory: %w", "não foi possível ler a pasta: %w"},
	{"bad pattern: %w", "padrão inválido: %w"},
	{"no workbook (.xlsx) in %s", "nenhuma pasta de trabalho (.xlsx) em %s"},
	{"two beneficiary files for one workbook: %s and %s; keep one",
		"dois arquivos de beneficiários para uma mesma pasta de trabalho: %s e %s; mantenha só um"},
}

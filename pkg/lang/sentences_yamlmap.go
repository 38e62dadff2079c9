package lang

// yamlmapSentences are the sentences of package yamlmap.
var yamlmapSentences = []sentence{
	{"%s is given twice (lines %d and %d)", "%s aparece duas vezes (linhas %d e %d)"},
}

package lang

// sentence is a Msg's format in English, its key, and in Portuguese. The
// verbs are the same, in the same order.
type sentence struct{ en, pt string }

// sentenceSections are the catalog of sentences (the formats given to M
// and Errorf), one slice per package that writes them, each in its own
// file sentences_<package>.go. TestSentencesComplete fails when a format
// of the code has no sentence here, or a sentence is no longer used.
var sentenceSections = [][]sentence{
	findingsSentences,
	explainSentences,
	parseSentences,
	xlsxfileSentences,
	csvfileSentences,
	safefileSentences,
	yamlmapSentences,
	workbookSentences,
	beneficiariosSentences,
	capitalSentences,
	rulesSentences,
	appSentences,
	cenariosSentences,
	balanceteSentences,
	diopsSentences,
	coletaSentences,
	reclamacoesSentences,
	generateSentences,
	batchSentences,
	cliSentences,
	appImportSentences,
}

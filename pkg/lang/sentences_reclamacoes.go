package lang

var reclamacoesSentences = []sentence{}

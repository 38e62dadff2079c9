package lang

var generateSentences = []sentence{}

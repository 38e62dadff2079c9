package lang

var batchSentences = []sentence{}

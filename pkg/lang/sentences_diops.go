package lang

var diopsSentences = []sentence{}

package lang

var coletaSentences = []sentence{}

package lang

// The messages of capreg validate's and coleta validate's table (the
// findings' own messages and fixes are the findings').
const (
	ValidateFile   Key = "validate.file"
	ValidateValid  Key = "validate.valid"
	ValidateBad    Key = "validate.invalid"
	ValidateTotals Key = "validate.totals"
	FileNoun       Key = "noun.file"
)

// validateMessages are the validate table's messages.
var validateMessages = []entry{
	{ValidateFile, "%s: %s — %s, %s", "%s: %s — %s, %s"},
	{ValidateValid, "valid", "válido"},
	{ValidateBad, "INVALID", "INVÁLIDO"},
	{ValidateTotals, "%s, %s, %s", "%s, %s, %s"},
	{FileNoun, "file", "arquivo"},
}

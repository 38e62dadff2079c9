package lang

// The messages of capreg validate's and coleta validate's table (the
// findings' own messages and fixes are the findings').
const (
	ValidateFile   Key = "validate.file"
	ValidateValid  Key = "validate.valid"
	ValidateBad    Key = "validate.invalid"
	ValidateTotals Key = "validate.totals"
)

// validateMessages are the validate table's messages.
var validateMessages = []entry{
	{ValidateFile, "%s: %s — %s errors, %s warnings", "%s: %s — %s erros, %s avisos"},
	{ValidateValid, "valid", "válido"},
	{ValidateBad, "INVALID", "INVÁLIDO"},
	{ValidateTotals, "%s files, %s errors, %s warnings", "%s arquivos, %s erros, %s avisos"},
}

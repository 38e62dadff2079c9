package lang

// The messages of the CI formats (JUnit XML, GitHub Actions annotations)
// of validate, coleta validate and batch: the failures' messages (the
// findings' own messages and fixes are the findings').
const (
	CINotComputed       Key = "ci.not_computed"
	CINotComputedErrors Key = "ci.not_computed_errors"
	CIInsufficient      Key = "ci.insufficient"
	CIInsufficientText  Key = "ci.insufficient_text"
	CIInternal          Key = "ci.internal"
)

// ciMessages are the CI formats' messages.
var ciMessages = []entry{
	{CINotComputed, "not computed", "não calculada"},
	{CINotComputedErrors, "not computed: %s", "não calculada: %s"},
	{CIInsufficient, "insufficient: PLA below CR", "insuficiente: PLA abaixo do CR"},
	{CIInsufficientText, "PLA %s below CR %s (surplus %s)", "PLA %s abaixo do CR %s (excedente %s)"},
	{CIInternal, "internal error of capreg", "erro interno do capreg"},
}

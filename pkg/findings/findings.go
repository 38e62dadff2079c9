// Package findings is the catalogue of everything capreg checks in an input,
// and the findings it reports: each with a stable code, a severity, the
// place (file, Sheet!Cell), the rule broken and the fix.
package findings

import (
	"fmt"
	"sort"
	"strings"

	"github.com/capreg/capreg/pkg/lang"
)

// Severity of a finding.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Check is one entry of the catalogue.
type Check struct {
	Code     string
	Severity Severity
	Rule     lang.Msg // the layout or regulation rule enforced
	Fix      lang.Msg // the default fix
}

// Entry is a check in one language, as the catalogue's outputs show it
// (the JSON keys are the field names, as they always were).
type Entry struct {
	Code     string
	Severity Severity
	Rule     string
	Fix      string
}

// In is c in language l.
func (c Check) In(l lang.Lang) Entry {
	return Entry{Code: c.Code, Severity: c.Severity, Rule: c.Rule.In(l), Fix: c.Fix.In(l)}
}

// CatalogueIn is the catalogue in language l.
func CatalogueIn(l lang.Lang) []Entry {
	var out []Entry
	for _, c := range Catalogue() {
		out = append(out, c.In(l))
	}
	return out
}

// Codes of the catalogue. Codes are stable: never renumber, only add.
const (
	Unreadable        = "CR-E001"
	MissingSheet      = "CR-E002"
	MissingColumn     = "CR-E003"
	MissingField      = "CR-E004"
	EmptyValue        = "CR-E005"
	BadNumber         = "CR-E006"
	AmbiguousNumber   = "CR-E007"
	BadDate           = "CR-E008"
	BadEnum           = "CR-E009"
	FormulaNoValue    = "CR-E010"
	DuplicateField    = "CR-E011"
	BadRegistro       = "CR-E012"
	OutOfScope        = "CR-E013"
	BadCombination    = "CR-E014"
	OutOfRange        = "CR-E015"
	Negative          = "CR-E016"
	MissingMonth      = "CR-E017"
	DuplicateMonth    = "CR-E018"
	NegativeTotal     = "CR-E019"
	NoCapitalRef      = "CR-E020"
	MergedCells       = "CR-E021"
	Encrypted         = "CR-E022"
	DuplicateSheet    = "CR-E023"
	ExtraSheet        = "CR-W001"
	ExtraColumn       = "CR-W002"
	UnknownField      = "CR-W003"
	StaleCapitalRef   = "CR-W004"
	ProvisionalParams = "CR-W005"
	ForcedIneligible  = "CR-W006"
	IgnoredSegment    = "CR-W007"
	NoPreBusiness     = "CR-W008"
	ProposalParams    = "CR-W009"
	DateAfterBase     = "CR-W010"
	DeductionsOverPL  = "CR-W011"
	ProgramNoData     = "CR-W012"
	ValueExtraColumn  = "CR-W013"
	HiddenSheet       = "CR-W014"
	RemissionMismatch = "CR-W015"

	// The data-collection sheet of program operators (capreg coleta).
	ColetaLayout         = "CR-E030"
	ColetaMonthFormat    = "CR-E031"
	ColetaSize           = "CR-E032"
	ColetaSequence       = "CR-E033"
	ColetaBeforeProgram  = "CR-E034"
	ColetaField12        = "CR-E035"
	ColetaOverTotal      = "CR-E036"
	ColetaProgramStart   = "CR-E037"
	ColetaRegistroVaries = "CR-E038"
	ColetaHeaderName     = "CR-W030"
	ColetaLateStart      = "CR-W031"
	ColetaNumberAsText   = "CR-W032"
	ColetaRegistroNumber = "CR-W033"

	// The IN 36/2024 complaint ranking (capreg reclamacoes).
	ReclamacoesLayout    = "CR-E040"
	ReclamacoesBeforeIN  = "CR-E041"
	ReclamacoesPeriod    = "CR-E042"
	ReclamacoesDuplicate = "CR-E043"
	ReclamacoesCount     = "CR-E044"

	// The operator's balancete (ANS open data, ERP export) and its ledger.
	BalanceteHeader     = "CR-E050"
	BalanceteConta      = "CR-E051"
	BalanceteDuplicate  = "CR-E052"
	BalanceteOperators  = "CR-E053"
	BalanceteNoRows     = "CR-E054"
	BalanceteMonth      = "CR-E055"
	BalanceteSources    = "CR-E056"
	BalanceteFlow       = "CR-E057"
	BalanceteUnbalanced = "CR-W050"
	// capreg import and validate --balancete.
	BalanceteMissingMonth = "CR-E058"
	BalanceteNoMonthly    = "CR-W051"
	BalanceteNoTotal      = "CR-W052"
	BalanceteDiffers      = "CR-W053"

	// The DIOPS-XML an operator sends to ANS (capreg import --diops).
	DiopsUnreadable     = "CR-E060"
	DiopsIdentificacao  = "CR-E061"
	DiopsBadValue       = "CR-E062"
	DiopsMissingElement = "CR-E063"
	DiopsDuplicate      = "CR-E064"
)

// Catalogue lists every check, in code order.
func Catalogue() []Check {
	return []Check{
		{Unreadable, Error, lang.M("the input must be a readable .xlsx workbook"), lang.M("save the file as Excel Workbook (.xlsx) and try again")},
		{MissingSheet, Error, lang.M("layout v1: every required sheet must exist, named exactly"), lang.M("add the sheet (capreg template writes every sheet with its headers)")},
		{MissingColumn, Error, lang.M("layout v1: every required column header must be in row 1"), lang.M("add the column header in row 1 (see capreg template)")},
		{MissingField, Error, lang.M("layout v1: every required campo must have a row in its campo | valor sheet"), lang.M("add a row with the campo name in column A and its value in column B")},
		{EmptyValue, Error, lang.M("an empty cell is missing, never zero"), lang.M("fill the cell (type 0 if the amount really is zero)")},
		{BadNumber, Error, lang.M("numbers: numeric cells, or text in pt-BR (1.234.567,89) or plain (1234567.89)"), lang.M("type a numeric cell, or text like 1.234.567,89")},
		{AmbiguousNumber, Error, lang.M("text without a comma whose only dot is followed by three digits (1.234) is ambiguous"), lang.M("type a numeric cell, or write 1.234,00 or 1234")},
		{BadDate, Error, lang.M("dates: date cells or AAAA-MM-DD; months: AAAA-MM or a date cell"), lang.M("type a date cell, or text AAAA-MM-DD (AAAA-MM for a month)")},
		{BadEnum, Error, lang.M("layout v1: the value must be one of the listed codes"), lang.M("use one of the codes listed in the message (capreg template has drop-down lists)")},
		{FormulaNoValue, Error, lang.M("formula cells use their cached value; this one has none"), lang.M("open and save the file in Excel or LibreOffice so the formula is calculated, or type the value")},
		{DuplicateField, Error, lang.M("a campo appears once in its campo | valor sheet"), lang.M("delete the repeated row")},
		{BadRegistro, Error, lang.M("registro ANS has 6 digits"), lang.M("type the 6-digit registro ANS (e.g. 123456 or 005711)")},
		{OutOfScope, Error, lang.M("RN 569 art. 1: autogestão por departamento de RH and autogestão com mantenedor that fully guarantees the risks are out of scope"), lang.M("capreg computes no capital for this operator; check the modalidade")},
		{BadCombination, Error, lang.M("RN 569 Anexo I: the modalidade and segmentação must match a row of the fator K table"), lang.M("use a segmentação valid for the modalidade (listed in the message)")},
		{OutOfRange, Error, lang.M("the value must lie in its range"), lang.M("correct the value (the range is in the message)")},
		{Negative, Error, lang.M("the value must not be negative"), lang.M("type the amount as a positive number")},
		{MissingMonth, Error, lang.M("the 12 months ending at data_base must all be present (a zero month is fine)"), lang.M("add a row for the missing month (with 0 if there was nothing)")},
		{DuplicateMonth, Error, lang.M("one row per month (per cell)"), lang.M("delete or merge the repeated rows")},
		{NegativeTotal, Error, lang.M("a 12-month total used as a risk base must not be negative"), lang.M("check the signs of the monthly values")},
		{NoCapitalRef, Error, lang.M("RN 569 Anexo I: the capital de referência must be known at data_base"), lang.M("add the point in force to capital_referencia in a rules file")},
		{MergedCells, Error, lang.M("layout v1: data areas hold one value per cell; merged cells hide which row a value belongs to"), lang.M("unmerge the cells (Excel: Home > Merge & Center > Unmerge) and type each value in its own cell")},
		{Encrypted, Error, lang.M("the workbook must not be password-protected"), lang.M("save a copy without the password (File > Info > Protect Workbook) and run again")},
		{DuplicateSheet, Error, lang.M("one sheet per name: sheet names that differ only in case or in blanks around them (PLA and \"PLA \") name the same sheet"), lang.M("delete or rename the sheet that should not be read")},
		{ExtraSheet, Warning, lang.M("layout v1: sheets other than the layout's are ignored"), lang.M("remove the sheet, or ignore this warning")},
		{ExtraColumn, Warning, lang.M("layout v1: columns other than the layout's are ignored"), lang.M("remove the column, or ignore this warning")},
		{UnknownField, Warning, lang.M("layout v1: campos other than the layout's are ignored"), lang.M("check the spelling of the campo name")},
		{StaleCapitalRef, Warning, lang.M("the capital de referência in force must be at most 12 months older than the data base: ANS re-indexes it every July by the IPCA of July–June"), lang.M("add the point of the ANS notice: capital_referencia: [{desde: AAAA-07-01, valor: ...}] in a rules file")},
		{ProvisionalParams, Warning, lang.M("parameters that could not be confirmed in the regulation were used"), lang.M("confirm the values with the official text and set them in a rules file (capreg rules export)")},
		{ForcedIneligible, Warning, lang.M("the forced factor set is not one the operator is eligible for"), lang.M("drop --factors to let capreg choose, or check the eligibility dates")},
		{IgnoredSegment, Warning, lang.M("segmentação does not apply to this modalidade"), lang.M("leave segmentacao empty")},
		{NoPreBusiness, Warning, lang.M("no pre-established contraprestações: PRE, PRO are zero"), lang.M("fill Contraprestacoes and Eventos if the operator has pre-established business")},
		{ProposalParams, Warning, lang.M("parameters of the ANS program-incentive proposal (not yet in force) were used"), lang.M("treat the program factor sets as a simulation until ANS publishes them")},
		{DateAfterBase, Warning, lang.M("an eligibility date later than the data base does not count for this data base"), lang.M("check the date or the data_base")},
		{DeductionsOverPL, Warning, lang.M("the PLA deductions exceed the PL: PLA is negative"), lang.M("check the sign and size of pl and of the deductions")},
		{ProgramNoData, Warning, lang.M("a program date and the beneficiary data should agree (program beneficiaries ⇔ program date)"), lang.M("fill the program date, or mark the program's beneficiaries S in Beneficiarios")},
		{ValueExtraColumn, Warning, lang.M("values in columns outside the layout are not read"), lang.M("move the values into the layout's columns, or delete them")},
		{HiddenSheet, Warning, lang.M("a hidden sheet of the layout is read all the same"), lang.M("unhide the sheet to review what capreg reads")},
		{RemissionMismatch, Warning, lang.M("remission bases and the beneficiary data should agree"), lang.M("check the Remissao sheet against the remission status of the beneficiaries")},
		{ColetaLayout, Error, lang.M("coleta: sheet Coleta, the field numbers 1–21 in row 1 (columns A–U), the field names in row 2, data from row 3"), lang.M("start from capreg coleta template, or type the field number in row 1 of the column")},
		{ColetaMonthFormat, Error, lang.M("coleta: fields 2, 3 and 4 are months written with 6 characters, mmaaaa (032024)"), lang.M("format the cell as text and type the month as mmaaaa, e.g. 032024")},
		{ColetaSize, Error, lang.M("coleta: numbers fit their field: integers up to 10 digits; 3+2, 10+2 and 3+4 are integer digits plus decimal places; never negative"), lang.M("round to the field's decimal places (ARRED in Excel) and check the magnitude")},
		{ColetaSequence, Error, lang.M("coleta: one row per month, in order and without gaps, from 2018-01 (or the registration month) to the data base"), lang.M("add the missing months' rows, in month order")},
		{ColetaBeforeProgram, Error, lang.M("coleta: a program's fields stay empty before its start month (field 3 PROMOPREV, field 4 APS) and when the operator has no such program"), lang.M("clear the cell, or fill the program's start month in field 3 (PROMOPREV) or 4 (APS)")},
		{ColetaField12, Error, lang.M("coleta: field 12 (expenses to obtain the APS certification) only in the row of the homologation month (field 4)"), lang.M("move the amount to the row of the homologation month and clear this cell")},
		{ColetaOverTotal, Error, lang.M("coleta: program beneficiaries cannot exceed the operator's total (field 6 ≤ field 5, field 7 ≤ field 5)"), lang.M("check the counts of this month (capreg coleta fill derives them from the beneficiary data)")},
		{ColetaProgramStart, Error, lang.M("coleta: a program has one start month: field 3 (and field 4) holds the same month in every row where it is filled"), lang.M("type the same start month in every row (the earliest approval, for several PROMOPREV programs)")},
		{ColetaRegistroVaries, Error, lang.M("coleta: one operator per sheet: field 1 holds the same registro ANS in every row"), lang.M("type the operator's registro ANS in every row")},
		{ColetaHeaderName, Warning, lang.M("coleta: row 2 holds the field names as ANS words them"), lang.M("copy the names from capreg coleta template")},
		{ColetaLateStart, Warning, lang.M("coleta: the rows start at 2018-01, or at the operator's registration month when it is later"), lang.M("add the months from 2018-01 if the operator was registered before the first month")},
		{ColetaNumberAsText, Warning, lang.M("coleta: ANS asks for numeric fields; a number typed as text may not be read as a number"), lang.M("type the value in a number-formatted cell (capreg coleta template formats every column)")},
		{ColetaRegistroNumber, Warning, lang.M("coleta: field 1 holds the registro ANS with its 6 characters; a number cell keeps no leading zeros (5711 for 005711), which capreg restores but the file sent to ANS does not hold"), lang.M("format the cell as text and type the 6 digits (005711), as capreg coleta template does")},
		{ReclamacoesLayout, Error, lang.M("reclamacoes: sheet Periodo (campo | valor: inicio, fim) and sheet Reclamacoes (produto | beneficiarios | reclamacoes_nao_resolvidas)"), lang.M("start from capreg reclamacoes --template")},
		{ReclamacoesBeforeIN, Error, lang.M("IN ANS 36/2024 (art. 17 as amended) is in force from 2024-10-01: an evaluation period starting earlier is not ranked under it"), lang.M("use an evaluation period starting on or after 2024-10-01")},
		{ReclamacoesPeriod, Error, lang.M("reclamacoes: the evaluation period ends on or after it starts"), lang.M("check inicio and fim in the Periodo sheet")},
		{ReclamacoesDuplicate, Error, lang.M("reclamacoes: one row per product"), lang.M("merge the product's rows into one (add their complaints)")},
		{ReclamacoesCount, Error, lang.M("reclamacoes: beneficiaries and complaints are whole numbers, not negative"), lang.M("type a whole number (0 if there were none)")},
		{BalanceteHeader, Error, lang.M("balancete: the header row names the file's form: the ANS open data (DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_INICIAL;VL_SALDO_FINAL, or without VL_SALDO_INICIAL) or an ERP export (conta, saldo_final or saldo; optional descricao, saldo_inicial, mes, registro_ans)"), lang.M("put the header row first, with the column names of one of the two forms")},
		{BalanceteConta, Error, lang.M("balancete: an account code is the code of the ANS chart of accounts, digits only (311111011)"), lang.M("write the code as digits only (3111, not 3.1.1.1 or 3111-0)")},
		{BalanceteDuplicate, Error, lang.M("balancete: an account appears once per file, operator and month"), lang.M("delete or merge the repeated rows")},
		{BalanceteOperators, Error, lang.M("balancete: one operator at a time: a file with several operators needs the registro ANS of the one to read, and the files read together are of one operator"), lang.M("select the operator with --registro, or give only that operator's files")},
		{BalanceteNoRows, Error, lang.M("balancete: the file holds accounts of the operator read"), lang.M("check the file and the registro ANS")},
		{BalanceteMonth, Error, lang.M("balancete: the month of the balances is in a mes column (AAAA-MM), in DATA (open data) or as AAAA-MM in the file's name"), lang.M("add a mes column, or name the file with its month (balancete-2025-06.csv)")},
		{BalanceteSources, Error, lang.M("balancete: the same month from two sources (an ERP file, the open data, a DIOPS balancete) agrees to the centavo"), lang.M("check which file is right; give only the right one")},
		{BalanceteFlow, Error, lang.M("balancete: result accounts (classes 3, 4, 6) are year-to-date; a month's flow needs that month's saldo_inicial or the previous month's balancete, a 12-month total the balancetes it is built from"), lang.M("add the balancetes of the months named")},
		{BalanceteUnbalanced, Warning, lang.M("balancete: a month balances within R$ 0,01: 1 = 21 + 23 + 25, or 1 = 21 + 23 + 25 + 3 - 4 - 6 while the year's result is in the result classes"), lang.M("check the file: an account missing, a sign, or a month cut short")},
		{BalanceteMissingMonth, Error, lang.M("balancete: monthly balancetes cover every month of the 12 ending at the data base, and the data base has a balancete"), lang.M("add the balancete of the month named (an ERP export, or the DIOPS-XML of that month)")},
		{BalanceteNoMonthly, Warning, lang.M("balancete: Contraprestacoes and Eventos take monthly flows; quarterly data (the open data, a quarterly DIOPS) never becomes monthly rows, so they are left for the person"), lang.M("give the monthly balancetes named (ERP exports), or fill the sheet (--base copies it from a workbook)")},
		{BalanceteNoTotal, Warning, lang.M("balancete: a 12-month total needs the balancetes it is built from (the data base, December before and the data base a year before, or 12 monthly flows); without them the field is left for the person"), lang.M("give the balancetes named, or fill the field (--base copies it from a workbook)")},
		{BalanceteDiffers, Warning, lang.M("validate --balancete: every mapped field of the workbook agrees with the operator's accounts within R$ 0,01"), lang.M("correct the cell (capreg import writes it from the accounts), or check the balancete and the mapping (capreg rules show)")},
		{DiopsUnreadable, Error, lang.M("DIOPS-XML: a well-formed XML file (UTF-8 or Latin-1) whose root element is diops, within capreg's limits"), lang.M("export the DIOPS-XML again from the ERP and give that file")},
		{DiopsIdentificacao, Error, lang.M("DIOPS-XML: identificacao gives registro (the registro ANS), ano and either trimestre (1 to 4, or AAAA00T) or mes (1 to 12)"), lang.M("correct identificacao in the file, or export the DIOPS-XML again")},
		{DiopsBadValue, Error, lang.M("DIOPS-XML: numbers have a decimal point and no thousands separator (1234567.89); account codes and registros are digits; movimentacao, tpSinal and tpIndexador take the codes of the ANS schema"), lang.M("correct the element's text (the accepted forms are in the message), or export the DIOPS-XML again")},
		{DiopsMissingElement, Error, lang.M("DIOPS-XML: every item has its required elements: a balancete account conta and saldoFinal; a lancOperadoraCreditosDebitosCRC operadora, and each of its lançamentos movimentacao and valor; a lancFundosInvestimentosCRC movimentacao; a lancQuadroRiscoMercado cdContaContabil, vlValor, tpSinal, vlPrazoPonderadoFluxo and tpIndexador"), lang.M("add the element named in the message, or export the DIOPS-XML again")},
		{DiopsDuplicate, Error, lang.M("DIOPS-XML: an account appears once in the balancete, an element once in its item, a CAMPO once per operadora and in fundosInvestimentosCRC, an operadora once in creditosDebitosCRC, one lancModeloPadraoCapital"), lang.M("delete the repeated element, or export the DIOPS-XML again")},
	}
}

// Lookup returns the catalogue entry for code.
func Lookup(code string) (Check, bool) {
	for _, c := range Catalogue() {
		if c.Code == code {
			return c, true
		}
	}
	return Check{}, false
}

// Finding is one problem found in one place. Message and Fix are in
// English until the finding is put in the language of the output (In).
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Column   string   `json:"column,omitempty"`
	Element  string   `json:"element,omitempty"` // an XML element's path: diops/financeiro/balancete/ativo[3]/conta
	Line     int      `json:"line,omitempty"`    // the line of a text file (or of the element)
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`

	msg, fix lang.Msg  // Message and Fix in every language
	lang     lang.Lang // the language of Message, Fix, Where and String
}

// New makes a finding of the catalogue's code, with the code's default
// fix (WithFix gives another).
func New(code, sheet, cell string, message lang.Msg) Finding {
	c, ok := Lookup(code)
	if !ok {
		panic("findings: unknown code " + code)
	}
	return Finding{Code: code, Severity: c.Severity, Sheet: sheet, Cell: cell,
		Message: message.String(), Fix: c.Fix.String(), msg: message, fix: c.Fix}
}

// WithFix is f with another fix than its code's default; the zero Msg
// keeps the default.
func (f Finding) WithFix(fix lang.Msg) Finding {
	if fix.IsZero() {
		return f
	}
	f.fix, f.Fix = fix, fix.String()
	return f
}

// language is the language of f's texts: English until In puts f in
// another.
func (f Finding) language() lang.Lang {
	if f.lang == "" {
		return lang.En
	}
	return f.lang
}

// In is f in language l: Message, Fix, Where and String in l's words. A
// finding made without a Msg (a literal in a test) keeps its text.
func (f Finding) In(l lang.Lang) Finding {
	if !f.msg.IsZero() {
		f.Message = f.msg.In(l)
	}
	if !f.fix.IsZero() {
		f.Fix = f.fix.In(l)
	}
	f.lang = l.Resolved()
	return f
}

// clipRunes is how much of a value a message quotes.
const clipRunes = 40

// Clip shortens a value a message quotes (a cell's text, a header, a
// formula) to 40 characters, marking the cut with "...", and makes it valid
// UTF-8: a cell can hold 32,767 characters, or broken bytes.
func Clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > clipRunes {
		return string(r[:clipRunes-3]) + "..."
	}
	return s
}

// Where names the place: "Sheet!B7", "Sheet (column valor)", "Sheet", an
// element path with its line ("diops/identificacao/ano (line 4)"), a line
// ("line 12") or "", in the finding's language.
func (f Finding) Where() string {
	l := f.language()
	switch {
	case f.Sheet != "" && f.Cell != "":
		return f.Sheet + "!" + f.Cell
	case f.Sheet != "" && f.Column != "":
		return lang.M("%s (column %s)", f.Sheet, f.Column).In(l)
	case f.Sheet != "":
		return f.Sheet
	case f.Element != "" && f.Line > 0:
		return lang.M("%s (line %d)", f.Element, lang.Ordinal(f.Line)).In(l)
	case f.Element != "":
		return f.Element
	case f.Line > 0:
		return lang.M("line %d", lang.Ordinal(f.Line)).In(l)
	}
	return ""
}

// String is the one-line form: "Sheet!B7: CR-E006 error: message (fix: ...)",
// in the finding's language.
func (f Finding) String() string {
	var b strings.Builder
	if f.File != "" {
		b.WriteString(f.File + ": ")
	}
	if w := f.Where(); w != "" {
		b.WriteString(w + ": ")
	}
	l := f.language()
	b.WriteString(f.Code + " " + f.Severity.In(l) + ": " + l.T(lang.FindingFix, f.Message, f.Fix))
	return b.String()
}

// In is the severity's word in l ("error", "erro").
func (s Severity) In(l lang.Lang) string {
	if s == Error {
		return l.T(lang.SevError)
	}
	return l.T(lang.SevWarning)
}

// List is a set of findings.
type List []Finding

// In is every finding of l in language lang (see Finding.In).
func (l List) In(lg lang.Lang) List {
	out := make(List, len(l))
	for i, f := range l {
		out[i] = f.In(lg)
	}
	return out
}

// Add appends a finding.
func (l *List) Add(f Finding) { *l = append(*l, f) }

// Errors returns the error findings.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns the warning findings.
func (l List) Warnings() List { return l.only(Warning) }

func (l List) only(s Severity) List {
	var out List
	for _, f := range l {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// HasErrors reports whether any finding is an error.
func (l List) HasErrors() bool { return len(l.Errors()) > 0 }

// Sorted returns the findings ordered by file, sheet, cell (row then
// column), line, code.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if ka, kb := cellKey(a.Cell), cellKey(b.Cell); ka != kb {
			return ka < kb
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Code < b.Code
	})
	return out
}

// cellKey orders "B10" after "B9": row first, then column.
func cellKey(cell string) string {
	i := strings.IndexAny(cell, "0123456789")
	if i < 0 {
		return cell
	}
	return fmt.Sprintf("%09s%05s", cell[i:], cell[:i])
}

// MaxErrorsPerSheet bounds the errors a Collector keeps of one sheet, so
// that a sheet of a million bad rows gives a readable report in bounded
// memory.
const MaxErrorsPerSheet = 50

// A Collector gathers the findings of one input as a reader finds them,
// keeping at most MaxErrorsPerSheet errors of each sheet: past them, one
// finding says the rest are not listed, and Full tells the reader it can
// stop reading the sheet. Warnings are all kept. The zero Collector is
// ready to use.
type Collector struct {
	list List
	errs map[string]int // errors added, by sheet
}

// Add adds f, unless it is an error past its sheet's cap.
func (c *Collector) Add(f Finding) {
	if f.Severity == Error {
		if c.errs == nil {
			c.errs = map[string]int{}
		}
		c.errs[f.Sheet]++
		switch n := c.errs[f.Sheet]; {
		case n == MaxErrorsPerSheet+1:
			note := New(f.Code, f.Sheet, "", lang.M("more than %d errors in this sheet; the rest are not listed", MaxErrorsPerSheet)).
				WithFix(lang.M("fix the errors listed and run again"))
			note.File = f.File
			c.list.Add(note)
			return
		case n > MaxErrorsPerSheet:
			return
		}
	}
	c.list.Add(f)
}

// Full reports whether the sheet's errors passed the cap: the rest of the
// sheet need not be read.
func (c *Collector) Full(sheet string) bool { return c.errs[sheet] > MaxErrorsPerSheet }

// Findings are the findings added, in order, with the note of each sheet
// past the cap where its errors stopped being listed.
func (c *Collector) Findings() List { return c.list }

// InputError is an input rejected for its findings (exit code 2).
type InputError struct{ Findings List }

func (e *InputError) Error() string { return e.In(lang.En) }

// In is the error's text in language l: its error findings, one per line.
func (e *InputError) In(l lang.Lang) string {
	errs := e.Findings.Errors().In(l)
	if len(errs) == 1 {
		return errs[0].String()
	}
	lines := make([]string, len(errs))
	for i, f := range errs {
		lines[i] = "  " + f.String()
	}
	return lang.M("%d errors in the input:\n%s", len(errs), strings.Join(lines, "\n")).In(l)
}

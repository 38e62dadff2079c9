// Package findings is the catalogue of everything capreg checks in an input,
// and the findings it reports: each with a stable code, a severity, the
// place (file, Sheet!Cell), the rule broken and the fix.
package findings

import (
	"fmt"
	"sort"
	"strings"
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
	Rule     string // the layout or regulation rule enforced
	Fix      string // the default fix
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
		{Unreadable, Error, "the input must be a readable .xlsx workbook", "save the file as Excel Workbook (.xlsx) and try again"},
		{MissingSheet, Error, "layout v1: every required sheet must exist, named exactly", "add the sheet (capreg template writes every sheet with its headers)"},
		{MissingColumn, Error, "layout v1: every required column header must be in row 1", "add the column header in row 1 (see capreg template)"},
		{MissingField, Error, "layout v1: every required campo must have a row in its campo | valor sheet", "add a row with the campo name in column A and its value in column B"},
		{EmptyValue, Error, "an empty cell is missing, never zero", "fill the cell (type 0 if the amount really is zero)"},
		{BadNumber, Error, "numbers: numeric cells, or text in pt-BR (1.234.567,89) or plain (1234567.89)", "type a numeric cell, or text like 1.234.567,89"},
		{AmbiguousNumber, Error, "text without a comma whose only dot is followed by three digits (1.234) is ambiguous", "type a numeric cell, or write 1.234,00 or 1234"},
		{BadDate, Error, "dates: date cells or AAAA-MM-DD; months: AAAA-MM or a date cell", "type a date cell, or text AAAA-MM-DD (AAAA-MM for a month)"},
		{BadEnum, Error, "layout v1: the value must be one of the listed codes", "use one of the codes listed in the message (capreg template has drop-down lists)"},
		{FormulaNoValue, Error, "formula cells use their cached value; this one has none", "open and save the file in Excel or LibreOffice so the formula is calculated, or type the value"},
		{DuplicateField, Error, "a campo appears once in its campo | valor sheet", "delete the repeated row"},
		{BadRegistro, Error, "registro ANS has 6 digits", "type the 6-digit registro ANS (e.g. 123456 or 005711)"},
		{OutOfScope, Error, "RN 569 art. 1: autogestão por departamento de RH and autogestão com mantenedor that fully guarantees the risks are out of scope", "capreg computes no capital for this operator; check the modalidade"},
		{BadCombination, Error, "RN 569 Anexo I: the modalidade and segmentação must match a row of the fator K table", "use a segmentação valid for the modalidade (listed in the message)"},
		{OutOfRange, Error, "the value must lie in its range", "correct the value (the range is in the message)"},
		{Negative, Error, "the value must not be negative", "type the amount as a positive number"},
		{MissingMonth, Error, "the 12 months ending at data_base must all be present (a zero month is fine)", "add a row for the missing month (with 0 if there was nothing)"},
		{DuplicateMonth, Error, "one row per month (per cell)", "delete or merge the repeated rows"},
		{NegativeTotal, Error, "a 12-month total used as a risk base must not be negative", "check the signs of the monthly values"},
		{NoCapitalRef, Error, "RN 569 Anexo I: the capital de referência must be known at data_base", "add the point in force to capital_referencia in a rules file"},
		{MergedCells, Error, "layout v1: data areas hold one value per cell; merged cells hide which row a value belongs to", "unmerge the cells (Excel: Home > Merge & Center > Unmerge) and type each value in its own cell"},
		{Encrypted, Error, "the workbook must not be password-protected", "save a copy without the password (File > Info > Protect Workbook) and run again"},
		{DuplicateSheet, Error, "one sheet per name: sheet names that differ only in case or in blanks around them (PLA and \"PLA \") name the same sheet", "delete or rename the sheet that should not be read"},
		{ExtraSheet, Warning, "layout v1: sheets other than the layout's are ignored", "remove the sheet, or ignore this warning"},
		{ExtraColumn, Warning, "layout v1: columns other than the layout's are ignored", "remove the column, or ignore this warning"},
		{UnknownField, Warning, "layout v1: campos other than the layout's are ignored", "check the spelling of the campo name"},
		{StaleCapitalRef, Warning, "the capital de referência in force must be at most 12 months older than the data base: ANS re-indexes it every July by the IPCA of July–June", "add the point of the ANS notice: capital_referencia: [{desde: AAAA-07-01, valor: ...}] in a rules file"},
		{ProvisionalParams, Warning, "parameters that could not be confirmed in the regulation were used", "confirm the values with the official text and set them in a rules file (capreg rules export)"},
		{ForcedIneligible, Warning, "the forced factor set is not one the operator is eligible for", "drop --factors to let capreg choose, or check the eligibility dates"},
		{IgnoredSegment, Warning, "segmentação does not apply to this modalidade", "leave segmentacao empty"},
		{NoPreBusiness, Warning, "no pre-established contraprestações: PRE, PRO are zero", "fill Contraprestacoes and Eventos if the operator has pre-established business"},
		{ProposalParams, Warning, "parameters of the ANS program-incentive proposal (not yet in force) were used", "treat the program factor sets as a simulation until ANS publishes them"},
		{DateAfterBase, Warning, "an eligibility date later than the data base does not count for this data base", "check the date or the data_base"},
		{DeductionsOverPL, Warning, "the PLA deductions exceed the PL: PLA is negative", "check the sign and size of pl and of the deductions"},
		{ProgramNoData, Warning, "a program date and the beneficiary data should agree (program beneficiaries ⇔ program date)", "fill the program date, or mark the program's beneficiaries S in Beneficiarios"},
		{ValueExtraColumn, Warning, "values in columns outside the layout are not read", "move the values into the layout's columns, or delete them"},
		{HiddenSheet, Warning, "a hidden sheet of the layout is read all the same", "unhide the sheet to review what capreg reads"},
		{RemissionMismatch, Warning, "remission bases and the beneficiary data should agree", "check the Remissao sheet against the remission status of the beneficiaries"},
		{ColetaLayout, Error, "coleta: sheet Coleta, the field numbers 1–21 in row 1 (columns A–U), the field names in row 2, data from row 3", "start from capreg coleta template, or type the field number in row 1 of the column"},
		{ColetaMonthFormat, Error, "coleta: fields 2, 3 and 4 are months written with 6 characters, mmaaaa (032024)", "format the cell as text and type the month as mmaaaa, e.g. 032024"},
		{ColetaSize, Error, "coleta: numbers fit their field: integers up to 10 digits; 3+2, 10+2 and 3+4 are integer digits plus decimal places; never negative", "round to the field's decimal places (ARRED in Excel) and check the magnitude"},
		{ColetaSequence, Error, "coleta: one row per month, in order and without gaps, from 2018-01 (or the registration month) to the data base", "add the missing months' rows, in month order"},
		{ColetaBeforeProgram, Error, "coleta: a program's fields stay empty before its start month (field 3 PROMOPREV, field 4 APS) and when the operator has no such program", "clear the cell, or fill the program's start month in field 3 (PROMOPREV) or 4 (APS)"},
		{ColetaField12, Error, "coleta: field 12 (expenses to obtain the APS certification) only in the row of the homologation month (field 4)", "move the amount to the row of the homologation month and clear this cell"},
		{ColetaOverTotal, Error, "coleta: program beneficiaries cannot exceed the operator's total (field 6 ≤ field 5, field 7 ≤ field 5)", "check the counts of this month (capreg coleta fill derives them from the beneficiary data)"},
		{ColetaProgramStart, Error, "coleta: a program has one start month: field 3 (and field 4) holds the same month in every row where it is filled", "type the same start month in every row (the earliest approval, for several PROMOPREV programs)"},
		{ColetaRegistroVaries, Error, "coleta: one operator per sheet: field 1 holds the same registro ANS in every row", "type the operator's registro ANS in every row"},
		{ColetaHeaderName, Warning, "coleta: row 2 holds the field names as ANS words them", "copy the names from capreg coleta template"},
		{ColetaLateStart, Warning, "coleta: the rows start at 2018-01, or at the operator's registration month when it is later", "add the months from 2018-01 if the operator was registered before the first month"},
		{ColetaNumberAsText, Warning, "coleta: ANS asks for numeric fields; a number typed as text may not be read as a number", "type the value in a number-formatted cell (capreg coleta template formats every column)"},
		{ColetaRegistroNumber, Warning, "coleta: field 1 holds the registro ANS with its 6 characters; a number cell keeps no leading zeros (5711 for 005711), which capreg restores but the file sent to ANS does not hold", "format the cell as text and type the 6 digits (005711), as capreg coleta template does"},
		{ReclamacoesLayout, Error, "reclamacoes: sheet Periodo (campo | valor: inicio, fim) and sheet Reclamacoes (produto | beneficiarios | reclamacoes_nao_resolvidas)", "start from capreg reclamacoes --template"},
		{ReclamacoesBeforeIN, Error, "IN ANS 36/2024 (art. 17 as amended) is in force from 2024-10-01: an evaluation period starting earlier is not ranked under it", "use an evaluation period starting on or after 2024-10-01"},
		{ReclamacoesPeriod, Error, "reclamacoes: the evaluation period ends on or after it starts", "check inicio and fim in the Periodo sheet"},
		{ReclamacoesDuplicate, Error, "reclamacoes: one row per product", "merge the product's rows into one (add their complaints)"},
		{ReclamacoesCount, Error, "reclamacoes: beneficiaries and complaints are whole numbers, not negative", "type a whole number (0 if there were none)"},
		{BalanceteHeader, Error, "balancete: the header row names the file's form: the ANS open data (DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_INICIAL;VL_SALDO_FINAL, or without VL_SALDO_INICIAL) or an ERP export (conta, saldo_final or saldo; optional descricao, saldo_inicial, mes, registro_ans)", "put the header row first, with the column names of one of the two forms"},
		{BalanceteConta, Error, "balancete: an account code is the code of the ANS chart of accounts, digits only (311111011)", "write the code as digits only (3111, not 3.1.1.1 or 3111-0)"},
		{BalanceteDuplicate, Error, "balancete: an account appears once per file, operator and month", "delete or merge the repeated rows"},
		{BalanceteOperators, Error, "balancete: one operator at a time: a file with several operators needs the registro ANS of the one to read, and the files read together are of one operator", "select the operator with --registro, or give only that operator's files"},
		{BalanceteNoRows, Error, "balancete: the file holds accounts of the operator read", "check the file and the registro ANS"},
		{BalanceteMonth, Error, "balancete: the month of the balances is in a mes column (AAAA-MM), in DATA (open data) or as AAAA-MM in the file's name", "add a mes column, or name the file with its month (balancete-2025-06.csv)"},
		{BalanceteSources, Error, "balancete: the same month from two sources (an ERP file, the open data, a DIOPS balancete) agrees to the centavo", "check which file is right; give only the right one"},
		{BalanceteFlow, Error, "balancete: result accounts (classes 3, 4, 6) are year-to-date; a month's flow needs that month's saldo_inicial or the previous month's balancete, a 12-month total the balancetes it is built from", "add the balancetes of the months named"},
		{BalanceteUnbalanced, Warning, "balancete: a month balances within R$ 0,01: 1 = 21 + 23 + 25, or 1 = 21 + 23 + 25 + 3 - 4 - 6 while the year's result is in the result classes", "check the file: an account missing, a sign, or a month cut short"},
		{BalanceteMissingMonth, Error, "balancete: monthly balancetes cover every month of the 12 ending at the data base, and the data base has a balancete", "add the balancete of the month named (an ERP export, or the DIOPS-XML of that month)"},
		{BalanceteNoMonthly, Warning, "balancete: Contraprestacoes and Eventos take monthly flows; quarterly data (the open data, a quarterly DIOPS) never becomes monthly rows, so they are left for the person", "give the monthly balancetes named (ERP exports), or fill the sheet (--base copies it from a workbook)"},
		{BalanceteNoTotal, Warning, "balancete: a 12-month total needs the balancetes it is built from (the data base, December before and the data base a year before, or 12 monthly flows); without them the field is left for the person", "give the balancetes named, or fill the field (--base copies it from a workbook)"},
		{BalanceteDiffers, Warning, "validate --balancete: every mapped field of the workbook agrees with the operator's accounts within R$ 0,01", "correct the cell (capreg import writes it from the accounts), or check the balancete and the mapping (capreg rules show)"},
		{DiopsUnreadable, Error, "DIOPS-XML: a well-formed XML file (UTF-8 or Latin-1) whose root element is diops, within capreg's limits", "export the DIOPS-XML again from the ERP and give that file"},
		{DiopsIdentificacao, Error, "DIOPS-XML: identificacao gives registro (the registro ANS), ano and either trimestre (1 to 4, or AAAA00T) or mes (1 to 12)", "correct identificacao in the file, or export the DIOPS-XML again"},
		{DiopsBadValue, Error, "DIOPS-XML: numbers have a decimal point and no thousands separator (1234567.89); account codes and registros are digits; movimentacao, tpSinal and tpIndexador take the codes of the ANS schema", "correct the element's text (the accepted forms are in the message), or export the DIOPS-XML again"},
		{DiopsMissingElement, Error, "DIOPS-XML: every item has its required elements: a balancete account conta and saldoFinal; a lancOperadoraCreditosDebitosCRC operadora, and each of its lançamentos movimentacao and valor; a lancFundosInvestimentosCRC movimentacao; a lancQuadroRiscoMercado cdContaContabil, vlValor, tpSinal, vlPrazoPonderadoFluxo and tpIndexador", "add the element named in the message, or export the DIOPS-XML again"},
		{DiopsDuplicate, Error, "DIOPS-XML: an account appears once in the balancete, an element once in its item, a CAMPO once per operadora and in fundosInvestimentosCRC, an operadora once in creditosDebitosCRC, one lancModeloPadraoCapital", "delete the repeated element, or export the DIOPS-XML again"},
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

// Finding is one problem found in one place.
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
}

// New makes a finding of the catalogue's code; fix "" takes the default.
func New(code, sheet, cell, message, fix string) Finding {
	c, ok := Lookup(code)
	if !ok {
		panic("findings: unknown code " + code)
	}
	if fix == "" {
		fix = c.Fix
	}
	return Finding{Code: code, Severity: c.Severity, Sheet: sheet, Cell: cell, Message: message, Fix: fix}
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
// ("line 12") or "".
func (f Finding) Where() string {
	switch {
	case f.Sheet != "" && f.Cell != "":
		return f.Sheet + "!" + f.Cell
	case f.Sheet != "" && f.Column != "":
		return fmt.Sprintf("%s (column %s)", f.Sheet, f.Column)
	case f.Sheet != "":
		return f.Sheet
	case f.Element != "" && f.Line > 0:
		return fmt.Sprintf("%s (line %d)", f.Element, f.Line)
	case f.Element != "":
		return f.Element
	case f.Line > 0:
		return fmt.Sprintf("line %d", f.Line)
	}
	return ""
}

// String is the one-line form: "Sheet!B7: CR-E006 error: message (fix: ...)".
func (f Finding) String() string {
	var b strings.Builder
	if f.File != "" {
		b.WriteString(f.File + ": ")
	}
	if w := f.Where(); w != "" {
		b.WriteString(w + ": ")
	}
	fmt.Fprintf(&b, "%s %s: %s (fix: %s)", f.Code, f.Severity, f.Message, f.Fix)
	return b.String()
}

// List is a set of findings.
type List []Finding

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
			note := New(f.Code, f.Sheet, "", fmt.Sprintf("more than %d errors in this sheet; the rest are not listed", MaxErrorsPerSheet), "fix the errors listed and run again")
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

func (e *InputError) Error() string {
	errs := e.Findings.Errors()
	if len(errs) == 1 {
		return errs[0].String()
	}
	lines := make([]string, len(errs))
	for i, f := range errs {
		lines[i] = "  " + f.String()
	}
	return fmt.Sprintf("%d errors in the input:\n%s", len(errs), strings.Join(lines, "\n"))
}

package lang

// Key names a message of the catalog.
type Key string

// entry is a message of the catalog in every language.
type entry struct {
	key    Key
	en, pt string
}

// texts are the message's texts by language.
func (m entry) texts() map[Lang]string { return map[Lang]string{En: m.en, PtBR: m.pt} }

// The keys of the messages: the calc table, the reasons of the factor
// sets and the words of the explanation tree.
const (
	TableTitle          Key = "table.title"
	TableFactorSet      Key = "table.factor_set"
	TableInput          Key = "table.input"
	TableRulebook       Key = "table.rulebook"
	TableCB             Key = "table.cb"
	TablePLA            Key = "table.pla"
	TableCRS            Key = "table.crs"
	TablePRE            Key = "table.pre"
	TablePRO            Key = "table.pro"
	TableSUS            Key = "table.sus"
	TableRem            Key = "table.remission"
	TableCRC            Key = "table.crc"
	TableCRM            Key = "table.crm"
	TableCRO            Key = "table.cro"
	TableCBR            Key = "table.cbr"
	TableCR             Key = "table.cr"
	TableSurplus        Key = "table.surplus"
	TableICRUndefined   Key = "table.icr_undefined"
	TableSufficient     Key = "table.sufficient"
	TableInsufficient   Key = "table.insufficient"
	TableSufficiency    Key = "table.sufficiency"
	TableFactorSets     Key = "table.factor_sets"
	TableInformed       Key = "table.informed"
	TableWarnings       Key = "table.warnings"
	Eligible            Key = "eligible"
	NotEligible         Key = "not_eligible"
	Provisional         Key = "marker.provisional"
	Proposal            Key = "marker.proposal"
	Informed            Key = "marker.informed"
	ProvisionalNote     Key = "note.provisional"
	ProposalNote        Key = "note.proposal"
	NoteFigures         Key = "note.figures"
	NoteRows            Key = "note.rows"
	ProgramPromoprev    Key = "program.promoprev"
	ProgramParto        Key = "program.parto_adequado"
	ProgramAPS          Key = "program.aps"
	AlwaysAvailable     Key = "eligibility.always"
	GovernanceCovers    Key = "eligibility.governance_covers"
	AccreditationCovers Key = "eligibility.accreditation_covers"
	GovernanceOnly      Key = "eligibility.governance_only"
	AccreditationOnly   Key = "eligibility.accreditation_only"
	NotDataBase         Key = "eligibility.not_data_base"
	NoReducedDate       Key = "eligibility.no_reduced_date"
	NoProgramDate       Key = "eligibility.no_program_date"
	ProgramAfter        Key = "eligibility.program_after"
	BlockedBySituation  Key = "eligibility.blocked_situation"
	NoIDSS              Key = "eligibility.no_idss"
	IDSSBelow           Key = "eligibility.idss_below"
	ProgramQualifies    Key = "eligibility.program_qualifies"
	Applied             Key = "choice.applied"
	LowerBenefit        Key = "choice.lower_benefit"
	Forced              Key = "choice.forced"
	ForcedIneligible    Key = "choice.forced_ineligible"
	OtherForced         Key = "choice.other_forced"
	CRSInformed         Key = "choice.crs_informed"
	NotEligibleBecause  Key = "choice.not_eligible"
	ForcedWarning       Key = "warning.forced_ineligible"
	ExplainTitle        Key = "explain.title"
	ExplainFormula      Key = "explain.formula"
	ExplainInput        Key = "explain.input"
	ExplainParameter    Key = "explain.parameter"
	StatusRegulation    Key = "status.regulation"
	StatusProvisional   Key = "status.provisional"
	StatusProposal      Key = "status.proposal"
	StatusUser          Key = "status.user"
)

// sections are the catalog, one slice per output (each in its own file
// but for the calc table's here): every message in English and in
// Portuguese. A new output adds its slice to this list.
var sections = [][]entry{calcMessages, contribMessages, diffMessages, wordMessages, compareMessages, batchMessages, xlsxMessages,
	validateMessages, reclamacoesMessages, importMessages, coletaMessages, ciMessages, fileMessages, helpWords, headroomMessages,
	stressMessages}

// calcMessages are the calc table's messages, the reasons of the factor
// sets and the words of the explanation tree.
var calcMessages = []entry{
	{TableTitle, "capreg — RN 569/2022 regulatory capital", "capreg — capital regulatório, RN 569/2022"},
	{TableFactorSet, "Factor set", "Fatores"},
	{TableInput, "Input", "Entrada"},
	{TableRulebook, "Rulebook", "Regras"},
	{TableCB, "CB   Capital Base", "CB   Capital Base"},
	{TablePLA, "PLA  Patrimônio Líquido Ajustado", "PLA  Patrimônio Líquido Ajustado"},
	{TableCRS, "CRS  underwriting risk", "CRS  risco de subscrição"},
	{TablePRE, "PRE    pricing", "PRE    precificação"},
	{TablePRO, "PRO    claims provision (PEONA)", "PRO    provisão de eventos (PEONA)"},
	{TableSUS, "SUS    ressarcimento ao SUS", "SUS    ressarcimento ao SUS"},
	{TableRem, "RA+RM  remission", "RA+RM  remissão"},
	{TableCRC, "CRC  credit risk", "CRC  risco de crédito"},
	{TableCRM, "CRM  market risk", "CRM  risco de mercado"},
	{TableCRO, "CRO  operational and legal risk", "CRO  risco operacional e legal"},
	{TableCBR, "CBR  Capital Baseado em Riscos", "CBR  Capital Baseado em Riscos"},
	{TableCR, "CR   Capital Regulatório = max(CB, CBR)", "CR   Capital Regulatório = max(CB, CBR)"},
	{TableSurplus, "Surplus = PLA − CR", "Excedente = PLA − CR"},
	{TableICRUndefined, "undefined (CR = 0)", "indefinido (CR = 0)"},
	{TableSufficient, "SUFFICIENT (PLA ≥ CR)", "SUFICIENTE (PLA ≥ CR)"},
	{TableInsufficient, "INSUFFICIENT (PLA < CR)", "INSUFICIENTE (PLA < CR)"},
	{TableSufficiency, "Sufficiency: %s", "Suficiência: %s"},
	{TableFactorSets, "Factor sets", "Conjuntos de fatores"},
	{TableInformed, "informed: %s given in Parcelas_Informadas, not computed.", "informadas: %s dadas em Parcelas_Informadas, não calculadas."},
	{TableWarnings, "Warnings", "Avisos"},
	{Eligible, "eligible", "elegível"},
	{NotEligible, "not eligible", "não elegível"},
	{Provisional, "PROVISIONAL", "PROVISÓRIO"},
	{Proposal, "PROPOSAL", "PROPOSTA"},
	{Informed, "informed", "informado"},
	{ProvisionalNote, "PROVISIONAL: %s so marked use parameters not confirmed in the regulation:\n  %s\n  Confirm them and set them in a rules file (capreg rules export; --rules FILE).",
		"PROVISÓRIO: %s com esta marca usam parâmetros não confirmados na regulamentação:\n  %s\n  Confirme-os e defina-os num arquivo de regras (capreg rules export; --rules ARQUIVO)."},
	{ProposalNote, "PROPOSAL: %s so marked use the ANS program-incentive proposal, not yet in force:\n  %s",
		"PROPOSTA: %s com esta marca usam a proposta da ANS de incentivo a programas, ainda não vigente:\n  %s"},
	{NoteFigures, "figures", "valores"},
	{NoteRows, "rows", "linhas"},
	{ProgramPromoprev, "PROMOPREV approval", "aprovação do PROMOPREV"},
	{ProgramParto, "Parto Adequado certification", "certificação Parto Adequado"},
	{ProgramAPS, "APS certification", "certificação APS"},
	{AlwaysAvailable, "the standard factors are always available", "os fatores padrão estão sempre disponíveis"},
	{GovernanceCovers, "governance report (RN 518 Anexo V) sent %s (%s) covers %s", "relatório de governança (RN 518 Anexo V) enviado em %s (%s) cobre %s"},
	{AccreditationCovers, "accreditation (RN 507) from %s (%s) covers %s", "acreditação (RN 507) desde %s (%s) cobre %s"},
	{GovernanceOnly, "the governance report sent %s (%s) covers %s only", "o relatório de governança enviado em %s (%s) cobre só %s"},
	{AccreditationOnly, "the accreditation from %s (%s) covers %s only (from %s, the end of its quarter)", "a acreditação desde %s (%s) cobre só %s (a partir de %s, fim do seu trimestre)"},
	{NotDataBase, "%s, not data base %s", "%s, não a data base %s"},
	{NoReducedDate, "no governance report date (governanca_relatorio_data) nor accreditation start (acreditacao_inicio)", "sem data do relatório de governança (governanca_relatorio_data) nem início da acreditação (acreditacao_inicio)"},
	{NoProgramDate, "no %s date (%s)", "sem data de %s (%s)"},
	{ProgramAfter, "%s on %s (%s) is after the data base %s", "%s em %s (%s) é posterior à data base %s"},
	{BlockedBySituation, "blocked by %s = S (%s)", "bloqueado por %s = S (%s)"},
	{NoIDSS, "blocked: IDSS not informed (idss), the proposal needs IDSS ≥ %s", "bloqueado: IDSS não informado (idss); a proposta exige IDSS ≥ %s"},
	{IDSSBelow, "blocked by IDSS %s < %s (%s)", "bloqueado pelo IDSS %s < %s (%s)"},
	{ProgramQualifies, "%s on %s (%s), no blocking situation, IDSS %s ≥ %s", "%s em %s (%s), sem situação bloqueante, IDSS %s ≥ %s"},
	{Applied, "applied: lowest CRS of the eligible sets; %s", "aplicado: menor CRS dos conjuntos elegíveis; %s"},
	{LowerBenefit, "eligible (%s), but lower benefit: CRS %s ≥ %s under %s", "elegível (%s), mas de benefício menor: CRS %s ≥ %s com %s"},
	{Forced, "forced with --factors; %s", "forçado com --factors; %s"},
	{ForcedIneligible, "forced with --factors; not eligible: %s", "forçado com --factors; não elegível: %s"},
	{OtherForced, "eligible, not applied (--factors %s): %s", "elegível, não aplicado (--factors %s): %s"},
	{CRSInformed, "%s; CRS informed, no factor set applied", "%s; CRS informado, nenhum conjunto de fatores aplicado"},
	{NotEligibleBecause, "not eligible: %s", "não elegível: %s"},
	{ForcedWarning, "factor set %s forced with --factors, but the operator is not eligible: %s", "conjunto de fatores %s forçado com --factors, mas a operadora não é elegível: %s"},
	{ExplainTitle, "Explanation (every figure: formula, inputs with their cells, parameters with status and source)",
		"Explicação (cada valor: fórmula, entradas com suas células, parâmetros com status e fonte)"},
	{ExplainFormula, "formula: %s", "fórmula: %s"},
	{ExplainInput, "input: %s = %s", "entrada: %s = %s"},
	{ExplainParameter, "parameter: %s = %s [%s: %s]", "parâmetro: %s = %s [%s: %s]"},
	{StatusRegulation, "regulation", "regulamentação"},
	{StatusProvisional, "provisional", "provisório"},
	{StatusProposal, "proposal", "proposta"},
	{StatusUser, "user", "usuário"},
}

package lang

// The keys of the headroom's messages (calc's table and xlsx Resumo, the
// batch's Lote columns).
const (
	HeadroomTitle            Key = "headroom.title"
	HeadroomPL               Key = "headroom.pl"
	HeadroomFactors          Key = "headroom.factors"
	HeadroomAtLeast          Key = "headroom.at_least"
	HeadroomInert            Key = "headroom.inert"
	HeadroomNoteAtLeast      Key = "headroom.note_at_least"
	HeadroomNoteInert        Key = "headroom.note_inert"
	HeadroomNone             Key = "headroom.none"
	HeadroomContraprestacoes Key = "headroom.group.contraprestacoes"
	HeadroomEventos          Key = "headroom.group.eventos"
	HeadroomABI              Key = "headroom.group.abi"
	HeadroomCredito          Key = "headroom.group.credito"
	HeadroomMercado          Key = "headroom.group.mercado"
	HeadroomPLLabel          Key = "headroom.pl_label"
	HeadroomAporteLabel      Key = "headroom.aporte_label"
	HeadroomGroupHead        Key = "headroom.group_head"
	HeadroomFactorHead       Key = "headroom.factor_head"
	HeadroomWhatHead         Key = "headroom.what_head"
	HeadroomFactorColumn     Key = "headroom.factor_column"
)

// headroomMessages are the headroom's messages.
var headroomMessages = []entry{
	{HeadroomTitle, "Headroom (how far PLA ≥ CR holds)", "Folga (até onde PLA ≥ CR se mantém)"},
	{HeadroomPL, "PL can fall by %s (the surplus) before PLA = CR.", "O PL pode cair %s (o excedente) até PLA = CR."},
	{HeadroomFactors, "k: the largest factor by which each group of inputs can be multiplied, the other inputs as they are,\n  with PLA ≥ CR still true (k + 0.0001 makes PLA < CR; each k computed as calc does, the factor set included):",
		"k: o maior fator pelo qual cada grupo de entradas pode ser multiplicado, mantidas as demais entradas,\n  com PLA ≥ CR ainda verdadeiro (k + 0,0001 leva a PLA < CR; cada k calculado como no calc, inclusive o conjunto de fatores):"},
	{HeadroomAtLeast, "≥ %s", "≥ %s"},
	{HeadroomInert, "—", "—"},
	{HeadroomNoteAtLeast, "≥ %s: PLA ≥ CR still holds at k = %s, where the search stops.", "≥ %s: PLA ≥ CR ainda vale com k = %s, onde a busca para."},
	{HeadroomNoteInert, "—: the group does not move the CR (its values are all zero or do not enter this operator's capital, its parcel is informed, or the CB stays above the CBR).",
		"—: o grupo não altera o CR (seus valores são todos zero ou não entram no capital desta operadora, sua parcela é informada ou o CB continua acima do CBR)."},
	{HeadroomNone, "No headroom: PLA is %s below CR; an aporte of %s makes PLA = CR.", "Sem folga: o PLA está %s abaixo do CR; um aporte de %s leva a PLA = CR."},
	{HeadroomContraprestacoes, "every value of Contraprestacoes (not Operacional nor Remissao)", "todos os valores de Contraprestacoes (não os de Operacional nem Remissao)"},
	{HeadroomEventos, "every value of Eventos", "todos os valores de Eventos"},
	{HeadroomABI, "every value of ABI", "todos os valores de ABI"},
	{HeadroomCredito, "the nine amounts of Credito_Operadoras, the exposicao of Credito_Seguros and Credito_Ativos",
		"os nove valores de Credito_Operadoras, a exposicao de Credito_Seguros e de Credito_Ativos"},
	{HeadroomMercado, "the valor of Mercado_ALM and Mercado_Ativos", "o valor de Mercado_ALM e de Mercado_Ativos"},
	{HeadroomPLLabel, "Fall of PL that makes PLA = CR (R$)", "Queda do PL que leva a PLA = CR (R$)"},
	{HeadroomAporteLabel, "Aporte that makes PLA = CR (R$)", "Aporte que leva a PLA = CR (R$)"},
	{HeadroomGroupHead, "Group", "Grupo"},
	{HeadroomFactorHead, "Largest factor k", "Maior fator k"},
	{HeadroomWhatHead, "Inputs multiplied", "Entradas multiplicadas"},
	{HeadroomFactorColumn, "k %s", "k %s"},
}

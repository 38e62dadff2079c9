package lang

// The messages of capreg coleta fill's summary (on stderr).
const (
	ColetaWrote    Key = "coleta.wrote"
	ColetaRow      Key = "coleta.row"
	ColetaNewRow   Key = "coleta.new_row"
	ColetaEmpty    Key = "coleta.empty"
	ColetaReplaced Key = "coleta.replaced"
	ColetaNote     Key = "coleta.note"
	ColetaStillHas Key = "coleta.still_has"
)

// coletaMessages are capreg coleta fill's messages.
var coletaMessages = []entry{
	{ColetaWrote, "wrote %s: %s in %s of %s: field 1 = %s, 2 = %s, 5 = %s, 6 = %s, 7 = %s", "arquivo %s gravado: %s na %s de %s: campo 1 = %s, 2 = %s, 5 = %s, 6 = %s, 7 = %s"},
	{ColetaRow, "row %s", "linha %s"},
	{ColetaNewRow, "new row %s", "nova linha %s"},
	{ColetaEmpty, "(empty)", "(vazio)"},
	{ColetaReplaced, "replaced %s", "substituído: %s"},
	{ColetaNote, "note: %s", "nota: %s"},
	{ColetaStillHas, "the sheet still has %s errors and %s warnings: capreg coleta validate %s lists them", "a planilha ainda tem %s erros e %s avisos: capreg coleta validate %s os lista"},
}

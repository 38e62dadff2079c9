package lang

// diffHelp is capreg diff's help.
var diffHelp = []entry{
	helpText("What moved the capital between two workbooks, step by step, adding up exactly",
		"O que moveu o capital entre duas planilhas, passo a passo, somando exatamente"),
	helpText(`Analyse the change of the regulatory capital between two workbooks of an operator, usually
two months (ANTERIOR the earlier, ATUAL the later). Starting from ANTERIOR, the inputs are
replaced by ATUAL's one group at a time, in this order, and computed again as capreg calc
computes them (factor set auto):`,
		`Analisa a variação do capital regulatório entre duas planilhas de uma operadora, em geral
dois meses (ANTERIOR o mais antigo, ATUAL o mais recente). Partindo de ANTERIOR, as entradas
são substituídas pelas de ATUAL um grupo por vez, nesta ordem, e calculadas de novo como o
capreg calc as calcula (conjunto de fatores auto):`),
	helpText(`  base              data base and classification (modalidade, segmentação, região: the CB)
  pla               PL and the six deductions
  elegibilidade     eligibility dates, IDSS and blocking situations
  contraprestacoes  the monthly contraprestações
  eventos           the monthly eventos
  abi               the ABI amounts and hc
  remissao          the remission bases
  credito           the credit exposures
  mercado           the ALM flows and the equity and real-estate holdings
  operacional       the CRO bases
  informadas        the parcels informed in Parcelas_Informadas`,
		`  base              data base e classificação (modalidade, segmentação, região: o CB)
  pla               o PL e as seis deduções
  elegibilidade     datas de elegibilidade, IDSS e situações bloqueantes
  contraprestacoes  as contraprestações mensais
  eventos           os eventos mensais
  abi               os valores de ABI e o hc
  remissao          as bases de remissão
  credito           as exposições de crédito
  mercado           os fluxos de ALM e as participações em ações e imóveis
  operacional       as bases do CRO
  informadas        as parcelas informadas em Parcelas_Informadas`),
	helpText(`Each monthly group is totalled over the 12 months of its own workbook, whatever the data
base of the step. After each step: every amount, and the step's change of CR and surplus.
The first state is capreg calc ANTERIOR, the last capreg calc ATUAL, and the steps add up
exactly to ATUAL − ANTERIOR. Beneficiary data is not compared: the amounts do not depend on
it. Workbooks of two operators (another registro ANS), or an ATUAL whose data base is not
later than ANTERIOR's, give a warning. The xlsx output has a waterfall chart of CR from
ANTERIOR to ATUAL.`,
		`Cada grupo mensal é totalizado nos 12 meses da sua própria planilha, qualquer que seja a
data base do passo. Depois de cada passo: todos os valores e a variação do CR e do excedente
no passo. O primeiro estado é o capreg calc ANTERIOR, o último o capreg calc ATUAL, e os passos
somam exatamente ATUAL − ANTERIOR. Os dados de beneficiários não são comparados: os valores
não dependem deles. Planilhas de duas operadoras (outro registro ANS), ou uma ATUAL cuja data
base não é posterior à de ANTERIOR, geram um aviso. A saída xlsx tem um gráfico em cascata do
CR de ANTERIOR a ATUAL.`),
}

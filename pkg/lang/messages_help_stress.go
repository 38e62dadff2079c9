package lang

// stressHelp is capreg stress's help.
var stressHelp = []entry{
	helpText("stress WORKBOOK", "stress PLANILHA"),
	helpText("The operator under named stress scenarios side by side, the base first",
		"A operadora sob cenários de estresse nomeados, lado a lado, a base primeiro"),
	helpText(`Compute the operator in WORKBOOK as capreg calc does (the base), then under each
scenario: a set of factors multiplying groups of its input values. Every scenario is
computed like calc (eligibility and factor set included, under --factors and --rules),
and shown side by side with the base: every figure, the change of the surplus, ICR and
sufficiency.`,
		`Calcula a operadora da PLANILHA como o capreg calc a calcula (a base) e depois sob cada
cenário: um conjunto de fatores que multiplicam grupos dos seus valores de entrada. Cada
cenário é calculado como no calc (elegibilidade e conjunto de fatores incluídos, sob --factors
e --rules) e mostrado lado a lado com a base: todos os valores, a variação do excedente, o ICR
e a suficiência.`),
	helpText(`The groups: pl (PLA!pl), deducoes (the six PLA deductions), contraprestacoes (every
value of Contraprestacoes), eventos, abi, remissao (the four Remissao values), credito
(the nine amounts of Credito_Operadoras, Credito_Seguros and Credito_Ativos exposicao),
mercado (Mercado_ALM and Mercado_Ativos valor), operacional (both Operacional values).`,
		`Os grupos: pl (PLA!pl), deducoes (as seis deduções do PLA), contraprestacoes (todos os
valores de Contraprestacoes), eventos, abi, remissao (os quatro valores de Remissao), credito
(os nove valores de Credito_Operadoras, e a exposicao de Credito_Seguros e Credito_Ativos),
mercado (o valor de Mercado_ALM e Mercado_Ativos), operacional (os dois valores de Operacional).`),
	helpText("--cenarios FILE.yaml names the scenarios (see examples/cenarios.yaml):",
		"--cenarios ARQUIVO.yaml nomeia os cenários (veja examples/cenarios.yaml):"),
	helpText(`  cenarios:
    - nome: Sinistralidade +15%      # unique: the column's name
      descricao: eventos sobem 15%   # optional
      eventos: 1.15                  # group: factor (+15%)
    - nome: Queda do PL
      pl: 0.80                       # −20%`,
		`  cenarios:
    - nome: Sinistralidade +15%      # único: o nome da coluna
      descricao: eventos sobem 15%   # opcional
      eventos: 1.15                  # grupo: fator (+15%)
    - nome: Queda do PL
      pl: 0.80                       # −20%`),
	helpText(`Without it, the built-in set: contraprestações +10%, eventos +10%, PL −10%,
crédito +25%, mercado +25%, and all of them together. A factor is a decimal above 0
and at most 100 (1.10 is +10%); a misspelt group or a bad factor is an error naming
the file and the line. --fail-on-insufficient exits 3 when the base or any scenario
has PLA < CR (a CI stress gate).`,
		`Sem ele, o conjunto embutido: contraprestações +10%, eventos +10%, PL −10%,
crédito +25%, mercado +25% e todos juntos. Um fator é um decimal acima de 0 e no
máximo 100 (1.10 é +10%); um grupo com erro de grafia ou um fator inválido é um erro que
nomeia o arquivo e a linha. --fail-on-insufficient sai com 3 quando a base ou algum cenário
tem PLA < CR (uma verificação de estresse na CI).`),
	helpText("the scenarios (YAML; see examples/cenarios.yaml); default the built-in set",
		"o `ARQUIVO` de cenários (YAML; veja examples/cenarios.yaml); sem ele, o conjunto embutido"),
	helpText("exit 3 when the base's or any scenario's PLA < CR (for CI gates)",
		"sai com 3 quando o PLA da base ou de algum cenário é < CR (para verificações na CI)"),
}

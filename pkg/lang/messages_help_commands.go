package lang

// The help texts of capreg's commands (see messages_help.go): each
// command's in its own slice, in the order of the command tree; a new
// command adds its slice here and to helpTexts. The texts several commands
// share (the exit codes, the output formats, the shared flags) are in
// sharedHelp, once.

// sharedHelp are the texts of the help several commands share.
var sharedHelp = []entry{
	helpText(`Exit codes:
  0    done; every input valid
  1    unexpected internal error (a bug: the message says so)
  2    usage error or invalid input (validation errors found, unreadable file)
  3    computed, and some operator's PLA is below its CR (only with --fail-on-insufficient)
  130  interrupted (Ctrl-C / SIGTERM)`,
		`Códigos de saída:
  0    concluído; todas as entradas válidas
  1    erro interno inesperado (um bug: a mensagem avisa)
  2    erro de uso ou entrada inválida (erros de validação encontrados, arquivo ilegível)
  3    calculado, e o PLA de alguma operadora está abaixo do seu CR (só com --fail-on-insufficient)
  130  interrompido (Ctrl-C / SIGTERM)`),
	helpText(`Output: --output (-o) chooses the format; without it, the extension of --out does
(.xlsx, .json, .jsonl, .csv, .xml for junit, .txt/.tsv for table), else CAPREG_OUTPUT, the config file, or
table. --out never names an input, and replaces an existing file only with --force.`,
		`Saída: --output (-o) escolhe o formato; sem ela, a extensão de --out o escolhe
(.xlsx, .json, .jsonl, .csv, .xml para junit, .txt/.tsv para table), senão CAPREG_OUTPUT, o arquivo de
configuração, ou table. --out nunca nomeia uma entrada, e só substitui um arquivo existente com --force.`),
	helpText("output format: table, json, csv, xlsx (without it, --out's extension chooses)",
		"`FORMATO` da saída: table, json, csv, xlsx (sem ela, a extensão de --out escolhe)"),
	helpText("output format: table, json, csv (without it, --out's extension chooses)",
		"`FORMATO` da saída: table, json, csv (sem ela, a extensão de --out escolhe)"),
	helpText("output format: table, json, csv, junit, github (without it, --out's extension chooses)",
		"`FORMATO` da saída: table, json, csv, junit, github (sem ela, a extensão de --out escolhe)"),
	helpText("output format: table, json, csv, xlsx, junit, github (without it, --out's extension chooses)",
		"`FORMATO` da saída: table, json, csv, xlsx, junit, github (sem ela, a extensão de --out escolhe)"),
	helpText("with csv output: the CSV for Excel or LibreOffice in Portuguese (; separator, decimal comma, UTF-8 BOM, CRLF)",
		"com a saída csv: o CSV para o Excel ou o LibreOffice em português (separador ;, vírgula decimal, BOM UTF-8, CRLF)"),
	helpText("write the output to this file (atomically) instead of stdout; never an input",
		"grava a saída neste `ARQUIVO` (de forma atômica) em vez da saída padrão; nunca uma entrada"),
	helpText("replace an existing output file (an input never is)",
		"substitui um arquivo de saída existente (nunca uma entrada)"),
	helpText("factor set: auto, padrao, reduzido, promoprev, parto_adequado, aps",
		"`CONJUNTO` de fatores: auto, padrao, reduzido, promoprev, parto_adequado, aps"),
	helpText("scale each program's share by the fraction of beneficiaries it covers",
		"pondera a parcela de cada programa pela fração dos beneficiários que ele cobre"),
	helpText("beneficiary data as a separate .xlsx (sheet Beneficiarios) or .csv (UTF-8 or Latin-1, , or ;), read streaming",
		"`ARQUIVO` de dados de beneficiários à parte: .xlsx (aba Beneficiarios) ou .csv (UTF-8 ou Latin-1, separado por , ou ;), lido em streaming"),
	helpText("a balancete: the ANS open data (.csv) or an ERP export (.csv, .xlsx); repeat for each file, or give a directory or a quoted glob ('erp/*.csv')",
		"um balancete, `ARQUIVO`: os dados abertos da ANS (.csv) ou uma exportação do ERP (.csv, .xlsx); repita para cada arquivo, ou dê um diretório ou um glob entre aspas ('erp/*.csv')"),
	helpText("a DIOPS-XML file (quarterly or monthly); repeat for each file, or give a directory or a quoted glob",
		"um `ARQUIVO` DIOPS-XML (trimestral ou mensal); repita para cada arquivo, ou dê um diretório ou um glob entre aspas"),
	helpText("the operator's registro ANS: selects it in files of several operators, names it when no file does",
		"o `REGISTRO` ANS da operadora: a seleciona em arquivos de várias operadoras e a identifica quando nenhum arquivo o faz"),
	helpText("the data base AAAA-MM (default: the latest month of the balancetes)",
		"a data base `AAAA-MM` (padrão: o último mês dos balancetes)"),
}

// rootHelp is capreg's own help, and its flags'.
var rootHelp = []entry{
	helpText("Regulatory capital of Brazilian health-plan operators (ANS RN 569/2022)",
		"Capital regulatório das operadoras de planos de saúde (ANS RN 569/2022)"),
	helpText(`capreg computes the regulatory capital of a health-plan operator under ANS RN 569/2022:
Capital Base, PLA, the risk parcels CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, the CBR,
CR = max(CB, CBR), surplus and sufficiency, choosing the factor set the operator is
eligible for. Every figure is explained down to the input cell and the rulebook
parameter behind it; parameters the regulation does not confirm are marked PROVISIONAL.`,
		`capreg calcula o capital regulatório de uma operadora de planos de saúde segundo a ANS RN 569/2022:
Capital Base, PLA, as parcelas de risco CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, o CBR,
CR = max(CB, CBR), excedente e suficiência, escolhendo o conjunto de fatores a que a operadora
tem direito. Cada valor é explicado até a célula de entrada e o parâmetro das regras que o
sustenta; os parâmetros que a regulamentação não confirma são marcados PROVISÓRIO.`),
	helpText(`Configuration: flags > environment CAPREG_* (e.g. CAPREG_RULES, CAPREG_OUTPUT) >
config file (--config, else ./capreg.yaml, else the user config dir) > defaults.
The config file holds the shared keys rules, jobs and lang, and a section per command
named by its path (calc:, coleta validate:) whose keys are that command's flags;
an unknown key is an error. --out, --force and --config come from the command
line only: no config file or variable decides which files are written.`,
		`Configuração: opções > ambiente CAPREG_* (p. ex. CAPREG_RULES, CAPREG_OUTPUT) >
arquivo de configuração (--config, senão ./capreg.yaml, senão o diretório de configuração do
usuário) > padrões. O arquivo de configuração tem as chaves compartilhadas rules, jobs e lang,
e uma seção por comando, nomeada pelo seu caminho (calc:, coleta validate:), cujas chaves são
as opções desse comando; uma chave desconhecida é um erro. --out, --force e --config vêm só
da linha de comando: nenhum arquivo de configuração nem variável decide quais arquivos são gravados.`),
	helpText("config file (default ./capreg.yaml, else the user config dir)",
		"`ARQUIVO` de configuração (padrão ./capreg.yaml, senão o diretório de configuração do usuário)"),
	helpText("rules file (YAML) merged over the embedded rulebook",
		"`ARQUIVO` de regras (YAML) mesclado sobre as regras embutidas"),
	helpText("language of the output for a person: pt-BR or en (pt-BR becomes the default once every output speaks it)",
		"`IDIOMA` da saída para pessoas: pt-BR ou en (pt-BR passa a ser o padrão quando todas as saídas estiverem traduzidas)"),
}

// batchHelp is capreg batch's help.
var batchHelp = []entry{
	helpText("batch DIR|GLOB|WORKBOOK...", "batch DIR|GLOB|PLANILHA..."),
	helpText("Compute many operators in parallel, one row each",
		"Calcula muitas operadoras em paralelo, uma linha para cada"),
	helpText(`Compute every workbook given, in parallel (--jobs, default every core), and report one
row per workbook in the order given: a directory gives its .xlsx workbooks sorted by name
(not its subdirectories; an .xls, .xlsm, .xlsb or .ods file there gets a row saying how to save
it as .xlsx), a quoted glob pattern the workbooks it matches.`,
		`Calcula cada planilha dada, em paralelo (--jobs, por padrão todos os núcleos), e relata uma
linha por planilha na ordem dada: um diretório dá as suas planilhas .xlsx ordenadas pelo nome
(não os seus subdiretórios; um arquivo .xls, .xlsm, .xlsb ou .ods ali ganha uma linha que diz
como salvá-lo como .xlsx), um padrão glob entre aspas, as planilhas que ele encontra.`),
	helpText(`A workbook that cannot be computed (unreadable, invalid) is reported in its row, with its
errors, and never stops the rest. A progress bar shows on stderr when it is a terminal;
the summary (computed, insufficient, failed, time) goes to stderr at the end.`,
		`Uma planilha que não pode ser calculada (ilegível, inválida) é relatada na sua linha, com os
seus erros, e nunca interrompe as demais. Uma barra de progresso aparece no stderr quando ele é
um terminal; o resumo (calculadas, insuficientes, com falha, tempo) vai para o stderr no final.`),
	helpText(`Beneficiary data per operator: the workbook DIR/NAME.xlsx takes DIR/NAME.beneficiarios.csv
or DIR/NAME.beneficiarios.xlsx when one exists beside it (read streaming, as calc
--beneficiarios); such files are not themselves taken as workbooks.`,
		`Dados de beneficiários por operadora: a planilha DIR/NOME.xlsx usa DIR/NOME.beneficiarios.csv
ou DIR/NOME.beneficiarios.xlsx quando um deles existe ao lado dela (lido em streaming, como em
calc --beneficiarios); esses arquivos não são tomados, eles mesmos, como planilhas.`),
	helpText(`Outputs: table; json (JSON Lines: one calc document per line plus "file" and "error",
null when computed); csv (one row per workbook); xlsx (a summary workbook: sheet Lote, a
row per operator; Grafico, the surplus of each operator; Parametros, the unconfirmed
parameters used and by how many operators; Erros, every error found); junit (JUnit XML:
a test case per workbook, failing when not computed or, with --fail-on-insufficient,
insufficient); github (GitHub Actions annotations: ::error for each error of a workbook
not computed, ::warning for each warning, and the insufficient operators).
json, csv and a table not to a terminal are written as the rows come, in order; --out
writes a file atomically. --headroom adds calc's headroom to json (its "headroom" object)
and xlsx (Lote's columns), at some tens of computations per operator.`,
		`Saídas: table; json (JSON Lines: um documento de calc por linha, mais "file" e "error",
null quando calculada); csv (uma linha por planilha); xlsx (uma planilha de resumo: aba Lote,
uma linha por operadora; Grafico, o excedente de cada operadora; Parametros, os parâmetros não
confirmados usados e por quantas operadoras; Erros, todos os erros encontrados); junit (JUnit
XML: um caso de teste por planilha, que falha quando ela não é calculada ou, com
--fail-on-insufficient, quando é insuficiente); github (anotações do GitHub Actions: ::error
para cada erro de uma planilha não calculada, ::warning para cada aviso, e as operadoras
insuficientes). json, csv e uma tabela que não vai para um terminal são gravados à medida que
as linhas chegam, em ordem; --out grava um arquivo de forma atômica. --headroom acrescenta a
folga do calc ao json (o seu objeto "headroom") e ao xlsx (colunas da aba Lote), ao custo de
algumas dezenas de cálculos por operadora.`),
	helpText("also search each operator's headroom, as calc shows it (json and xlsx outputs; some tens of computations per operator)",
		"busca também a folga de cada operadora, como o calc a mostra (saídas json e xlsx; algumas dezenas de cálculos por operadora)"),
	helpText(`Exit codes:
  0    done; every input valid
  1    unexpected internal error (a bug: the message says so)
  2    usage error or invalid input (validation errors found, unreadable file)
  3    computed, and some operator's PLA is below its CR (only with --fail-on-insufficient)
  130  interrupted (Ctrl-C / SIGTERM)
In a batch, 2 means some workbook could not be computed (the others were), and 3 that
some operator is insufficient (with --fail-on-insufficient).`,
		`Códigos de saída:
  0    concluído; todas as entradas válidas
  1    erro interno inesperado (um bug: a mensagem avisa)
  2    erro de uso ou entrada inválida (erros de validação encontrados, arquivo ilegível)
  3    calculado, e o PLA de alguma operadora está abaixo do seu CR (só com --fail-on-insufficient)
  130  interrompido (Ctrl-C / SIGTERM)
Num lote, 2 significa que alguma planilha não pôde ser calculada (as demais foram), e 3 que
alguma operadora está insuficiente (com --fail-on-insufficient).`),
	helpText("scale each program's share by the fraction of beneficiaries it covers (needs each operator's beneficiary data)",
		"pondera a parcela de cada programa pela fração dos beneficiários que ele cobre (exige os dados de beneficiários de cada operadora)"),
	helpText("exit 3 when some operator's PLA < CR (for CI gates)",
		"sai com 3 quando o PLA de alguma operadora < CR (para barrar pipelines de CI)"),
	helpText("workbooks computed at once (0 = one per core)",
		"`N` planilhas calculadas ao mesmo tempo (0 = uma por núcleo)"),
}

// calcHelp is capreg calc's help.
var calcHelp = []entry{
	helpText("calc WORKBOOK", "calc PLANILHA"),
	helpText("Compute the regulatory capital of one operator",
		"Calcula o capital regulatório de uma operadora"),
	helpText(`Compute CB, PLA, CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, CBR, CR, surplus, ICR and
sufficiency of the operator in WORKBOOK (input layout v1; see capreg template).`,
		`Calcula CB, PLA, CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, CBR, CR, excedente, ICR e
suficiência da operadora em PLANILHA (layout de entrada v1; veja capreg template).`),
	helpText(`The factor set is chosen automatically (--factors auto): of the sets the operator is
eligible for at its data base (padrao, reduzido, promoprev, parto_adequado, aps), the one
with the lowest CRS. --explain adds the explanation tree: every figure with its formula,
its input cells (Sheet!Cell) and its parameters with status and source.`,
		`O conjunto de fatores é escolhido automaticamente (--factors auto): dos conjuntos a que a
operadora tem direito na sua data base (padrao, reduzido, promoprev, parto_adequado, aps), o de
menor CRS. --explain acrescenta a árvore de explicação: cada valor com a sua fórmula, as suas
células de entrada (Aba!Célula) e os seus parâmetros com status e fonte.`),
	helpText("include the explanation tree (formula, input cells, parameters of every figure)",
		"inclui a árvore de explicação (fórmula, células de entrada e parâmetros de cada valor)"),
	helpText("exit 3 when PLA < CR (for CI gates)",
		"sai com 3 quando PLA < CR (para barrar pipelines de CI)"),
}

// coletaHelp is the help of capreg coleta and its subcommands.
var coletaHelp = []entry{
	helpText("The monthly data-collection sheet of PROMOPREV and APS operators: template, validate, fill",
		"A planilha mensal de coleta de dados das operadoras com PROMOPREV e APS: template, validate, fill"),
	helpText(`The spreadsheet ANS asks of operators with an approved PROMOPREV or a homologated APS
certification (fields 1 to 21, one row per month from 2018-01 to the data base), sent
through the ANS electronic protocol:`,
		`A planilha que a ANS pede às operadoras com PROMOPREV aprovado ou certificação APS
homologada (campos 1 a 21, uma linha por mês de 01/2018 até a data base), enviada
pelo protocolo eletrônico da ANS:`),
	helpText(`  capreg coleta template FILE   the empty sheet for a period, fields 1-4 filled
  capreg coleta validate FILE   every check before it is sent, each at Coleta!Cell
  capreg coleta fill FILE       fields 1, 2, 5, 6 and 7 of a month from the beneficiary data`,
		`  capreg coleta template ARQUIVO   a planilha vazia de um período, com os campos 1-4 preenchidos
  capreg coleta validate ARQUIVO   todas as verificações antes do envio, cada uma em Coleta!Célula
  capreg coleta fill ARQUIVO       os campos 1, 2, 5, 6 e 7 de um mês a partir dos dados de beneficiários`),

	helpText("fill FILE --beneficiarios B --mes AAAA-MM", "fill ARQUIVO --beneficiarios B --mes AAAA-MM"),
	helpText("Fill fields 1, 2, 5, 6 and 7 of a month from the beneficiary data, into a new file",
		"Preenche os campos 1, 2, 5, 6 e 7 de um mês a partir dos dados de beneficiários, num arquivo novo"),
	helpText(`Count the beneficiary data (--beneficiarios: a .xlsx with a Beneficiarios sheet, or a .csv
with the same header, UTF-8 or Latin-1, separated by , or ;) and write the month's
fields into a copy of FILE: 1 registro ANS (from the sheet, or --registro), 2 the month
mmaaaa, 5 every beneficiary, 6 those marked promoprev S (only from the PROMOPREV start
in field 3 on), 7 those marked aps S (only from the APS homologation in field 4 on).`,
		`Conta os dados de beneficiários (--beneficiarios: um .xlsx com uma aba Beneficiarios, ou um .csv
com o mesmo cabeçalho, UTF-8 ou Latin-1, separado por , ou ;) e grava os campos do mês numa
cópia de ARQUIVO: 1 o registro ANS (da planilha, ou --registro), 2 o mês mmaaaa, 5 todos os
beneficiários, 6 os marcados promoprev S (só a partir do início do PROMOPREV no campo 3),
7 os marcados aps S (só a partir da homologação da APS no campo 4).`),
	helpText(`The month's row must exist, or be the month after the last row (a row is then added).
The input is never modified: the result goes to --out (default FILE-preenchido.xlsx).`,
		`A linha do mês precisa existir, ou ser o mês seguinte à última linha (uma linha é então
acrescentada). A entrada nunca é modificada: o resultado vai para --out (padrão ARQUIVO-preenchido.xlsx).`),
	helpText("beneficiary data: .xlsx with a Beneficiarios sheet, or .csv with the same header",
		"`ARQUIVO` de dados de beneficiários: .xlsx com uma aba Beneficiarios, ou .csv com o mesmo cabeçalho"),
	helpText("the month to fill, AAAA-MM", "o mês a preencher, `AAAA-MM`"),
	helpText("the filled workbook (default: FILE with -preenchido before .xlsx); never an input",
		"a planilha preenchida, `ARQUIVO` (padrão: ARQUIVO com -preenchido antes de .xlsx); nunca uma entrada"),
	helpText("registro ANS for field 1 when the sheet has none (6 digits)",
		"`REGISTRO` ANS para o campo 1 quando a planilha não tem nenhum (6 dígitos)"),

	helpText("template FILE --registro N --desde AAAA-MM --ate AAAA-MM", "template ARQUIVO --registro N --desde AAAA-MM --ate AAAA-MM"),
	helpText("Write the empty collection sheet for a period, with a Leia-me sheet",
		"Grava a planilha de coleta vazia de um período, com uma aba Leia-me"),
	helpText(`Write the collection workbook: sheet Coleta with the field numbers in row 1, the field
names as ANS words them in row 2, and a row per month from --desde to --ate with fields 1
to 4 filled (registro, month mmaaaa, the PROMOPREV and APS start months). Every column has
its field's number format and a validation of its size; the cells of a program's fields
before the program starts, or without it, are grey and refuse values, as is field 12
outside the APS homologation month. A Leia-me sheet explains every field.`,
		`Grava a planilha de coleta: aba Coleta com os números dos campos na linha 1, os nomes dos
campos como a ANS os redige na linha 2, e uma linha por mês de --desde a --ate com os campos 1
a 4 preenchidos (registro, mês mmaaaa, os meses de início do PROMOPREV e da APS). Cada coluna
tem o formato numérico do seu campo e uma validação do seu tamanho; as células dos campos de
um programa antes do início do programa, ou sem ele, ficam cinza e recusam valores, assim como
o campo 12 fora do mês da homologação da APS. Uma aba Leia-me explica cada campo.`),
	helpText("homologation of the APS certification, AAAA-MM; omit without APS",
		"homologação da certificação APS, `AAAA-MM`; omita sem APS"),
	helpText("last month, the data base, AAAA-MM", "último mês, a data base, `AAAA-MM`"),
	helpText("first month, AAAA-MM (2018-01, or the registration month if later)",
		"primeiro mês, `AAAA-MM` (2018-01, ou o mês do registro, se posterior)"),
	helpText("start of the approved PROMOPREV (the earliest approval), AAAA-MM; omit without PROMOPREV",
		"início do PROMOPREV aprovado (a aprovação mais antiga), `AAAA-MM`; omita sem PROMOPREV"),
	helpText("registro ANS of the operator (6 digits)", "`REGISTRO` ANS da operadora (6 dígitos)"),

	helpText("validate FILE...", "validate ARQUIVO..."),
	helpText("Check collection sheets before they are sent: every finding at Coleta!Cell with code and fix",
		"Verifica planilhas de coleta antes do envio: cada apontamento em Coleta!Célula, com código e correção"),
	helpText(`Check the Coleta sheet of each file: the header (field numbers 1-21 in row 1), formats and
sizes (registro of 6 digits, months mmaaaa, counts up to 10 digits, 3+2, 10+2 and 3+4
decimals, never negative), one row per month from 2018-01 without gaps or repeats,
a program's fields empty before its start month or without it and filled after, field 12
only in the APS homologation month, and fields 6 and 7 not above field 5.`,
		`Verifica a aba Coleta de cada arquivo: o cabeçalho (números dos campos 1-21 na linha 1),
formatos e tamanhos (registro de 6 dígitos, meses mmaaaa, contagens de até 10 dígitos, 3+2,
10+2 e 3+4 decimais, nunca negativos), uma linha por mês desde 01/2018 sem lacunas nem
repetições, os campos de um programa vazios antes do seu mês de início, ou sem ele, e
preenchidos depois, o campo 12 só no mês da homologação da APS, e os campos 6 e 7 não
acima do campo 5.`),
	helpText(`--output junit writes a JUnit XML test report (a test case per file), --output github a
GitHub Actions annotation per finding.`,
		`--output junit grava um relatório de testes JUnit XML (um caso de teste por arquivo),
--output github uma anotação do GitHub Actions por apontamento.`),
	helpText(`Exit 0 when no file has an error (--strict: nor a warning), 2 otherwise.
capreg validate --rules-list lists every code (CR-E030 to CR-E038, CR-W030 to CR-W033).`,
		`Sai com 0 quando nenhum arquivo tem erro (--strict: nem aviso), com 2 caso contrário.
capreg validate --rules-list lista todos os códigos (CR-E030 a CR-E038, CR-W030 a CR-W033).`),
	helpText("fail (exit 2) on warnings too", "falha (sai com 2) também com avisos"),
}

// calcHeadroomHelp is the paragraph of capreg calc's help on the headroom.
var calcHeadroomHelp = []entry{
	helpText(`The headroom follows (table, json, xlsx): how far PL can fall before PLA = CR, and the
largest factor k by which each group of inputs (contraprestacoes, eventos, abi, credito,
mercado) can be multiplied with PLA ≥ CR still true; for an insufficient operator, the
aporte that makes PLA = CR.`,
		`Segue a folga (tabela, json, xlsx): quanto o PL pode cair até PLA = CR, e o maior fator k
pelo qual cada grupo de entradas (contraprestacoes, eventos, abi, credito, mercado) pode ser
multiplicado com PLA ≥ CR ainda verdadeiro; para uma operadora insuficiente, o aporte que leva
a PLA = CR.`),
}

// compareHelp is capreg compare's help.
var compareHelp = []entry{
	helpText("compare WORKBOOK", "compare PLANILHA"),
	helpText("The operator under every factor set side by side, with eligibility and saving against padrão",
		"A operadora sob cada conjunto de fatores, lado a lado, com a elegibilidade e a economia frente ao padrão"),
	helpText(`Compute the operator in WORKBOOK under padrao, reduzido, promoprev, parto_adequado and aps
side by side: CRS and its parts, CBR, CR, surplus, the capital each set frees against padrão
(CR(padrão) − CR(set), in R$ and %), whether the operator is eligible for it and why not, and
which set capreg calc applies (marked *). Every column equals capreg calc --factors SET.`,
		`Calcula a operadora em PLANILHA com padrao, reduzido, promoprev, parto_adequado e aps, lado
a lado: o CRS e as suas partes, CBR, CR, excedente, o capital que cada conjunto libera frente ao
padrão (CR(padrão) − CR(conjunto), em R$ e %), se a operadora tem direito a ele e por que não,
e qual conjunto o capreg calc aplica (marcado com *). Cada coluna é igual a capreg calc
--factors CONJUNTO.`),
}

// docsHelp is capreg docs's help.
var docsHelp = []entry{
	helpText("Write the manual: a man page or a Markdown page per command",
		"Grava o manual: uma página man ou uma página Markdown por comando"),
	helpText(`Write a page per command of capreg (its help: usage, flags, examples, and links to its
parent and subcommands): man pages (section 1, capreg-calc.1 …) into the --man
directory, Markdown (capreg_calc.md …) into the --markdown directory, or both. A directory
not there is made; an existing page is replaced only with --force.`,
		`Grava uma página por comando do capreg (a sua ajuda: uso, opções, exemplos e links para o
comando superior e os subcomandos): páginas man (seção 1, capreg-calc.1 …) no diretório
--man, Markdown (capreg_calc.md …) no diretório --markdown, ou ambos. Um diretório que não
existe é criado; uma página existente só é substituída com --force.`),
	helpText("write the man pages (section 1) into this directory",
		"grava as páginas man (seção 1) neste diretório `DIR`"),
	helpText("write the Markdown pages into this directory",
		"grava as páginas Markdown neste diretório `DIR`"),
}

// exampleHelp is capreg example's help.
var exampleHelp = []entry{
	helpText("example FILE | example --market N DIR", "example ARQUIVO | example --market N DIR"),
	helpText("Write a filled, realistic input workbook (deterministic with --seed), or a market of them",
		"Grava uma planilha de entrada preenchida e realista (determinística com --seed), ou um mercado delas"),
	helpText(`Write a filled, realistic input workbook of a fictitious operator, deterministic with --seed
(seed 1 is the shipped example).`,
		`Grava uma planilha de entrada preenchida e realista de uma operadora fictícia, determinística
com --seed (a semente 1 é o exemplo distribuído).`),
	helpText(`--beneficiarios N adds N beneficiary rows coherent with the operator (its contraprestações
cells, products, remission bases and programs), streamed: up to 1048575 rows go to the
Beneficiarios sheet of the workbook, more to a CSV file beside it. The beneficiary file of
DIR/NAME.xlsx is always named DIR/NAME.beneficiarios.csv (or .beneficiarios.xlsx), which is
where capreg batch looks for it. --beneficiarios-format chooses: auto (default), sheet, csv
or xlsx (a separate workbook with a Beneficiarios sheet).`,
		`--beneficiarios N acrescenta N linhas de beneficiários coerentes com a operadora (as suas
células de contraprestações, produtos, bases de remissão e programas), em streaming: até
1048575 linhas vão para a aba Beneficiarios da planilha, mais do que isso para um arquivo CSV
ao lado dela. O arquivo de beneficiários de DIR/NOME.xlsx sempre se chama
DIR/NOME.beneficiarios.csv (ou .beneficiarios.xlsx), que é onde o capreg batch o procura.
--beneficiarios-format escolhe: auto (padrão), sheet, csv ou xlsx (uma planilha à parte com
uma aba Beneficiarios).`),
	helpText(`--market N DIR writes N varied operators into DIR (created if missing), operadora-0001.xlsx
and so on: modalidades, sizes, regions, programs and capital differ, a few are insufficient
(PLA < CR). Each file is written whole or not at all.`,
		`--market N DIR grava N operadoras variadas em DIR (criado se não existir), operadora-0001.xlsx
e assim por diante: modalidades, portes, regiões, programas e capital variam, e algumas são
insuficientes (PLA < CR). Cada arquivo é gravado inteiro ou não é gravado.`),
	helpText(`--balancetes DIR writes, beside the workbook, the operator's accounts into DIR (created if
missing), coherent to the centavo with the workbook: the 13 monthly ERP exports
balancete-AAAA-MM.csv (the data base 2025-09 and the 12 months before it), the ANS open-data
file of each quarter they end (dados-abertos-NTAAAA.csv) and the quarterly DIOPS-XML of the
data base (diops-3T2025.xml) with its balancete and the quadros of remission, credit, funds
and ALM. capreg import reproduces every derivable field of the workbook from them. Each field
takes the first account of its mapping in the rulebook (--rules applies). With --market,
each operator's files go to DIR/NAME/ (DIR/operadora-0001/ and so on).`,
		`--balancetes DIR grava, ao lado da planilha, as contas da operadora em DIR (criado se não
existir), coerentes até o centavo com a planilha: as 13 exportações mensais do ERP
balancete-AAAA-MM.csv (a data base 09/2025 e os 12 meses anteriores), o arquivo de dados
abertos da ANS de cada trimestre que elas encerram (dados-abertos-NTAAAA.csv) e o DIOPS-XML
trimestral da data base (diops-3T2025.xml), com o seu balancete e os quadros de remissão,
crédito, fundos e ALM. O capreg import reproduz a partir deles cada campo derivável da
planilha. Cada campo usa a primeira conta do seu mapeamento nas regras (--rules vale). Com
--market, os arquivos de cada operadora vão para DIR/NOME/ (DIR/operadora-0001/ e assim por diante).`),
	helpText("also write the operator's balancetes and DIOPS-XML into the directory DIR (with --market: DIR/NAME/)",
		"grava também os balancetes e o DIOPS-XML da operadora no diretório `DIR` (com --market: DIR/NOME/)"),
	helpText("add N beneficiary rows (sheet up to 1048575 rows, CSV beyond)",
		"acrescenta `N` linhas de beneficiários (na aba até 1048575 linhas, em CSV além disso)"),
	helpText("where the beneficiary rows go: auto, sheet, csv, xlsx (csv, xlsx: FILE's NAME.beneficiarios.csv|.xlsx beside it)",
		"`FORMATO`, onde vão as linhas de beneficiários: auto, sheet, csv, xlsx (csv, xlsx: o NOME.beneficiarios.csv|.xlsx de ARQUIVO, ao lado dele)"),
	helpText("write N varied operators into the directory DIR (at most 99999)",
		"grava `N` operadoras variadas no diretório DIR (no máximo 99999)"),
	helpText("seed of the generated operator (1 is the shipped example), or of the market",
		"`SEMENTE` da operadora gerada (1 é o exemplo distribuído), ou do mercado"),
}

// importHelp is capreg import's help.
var importHelp = []entry{
	helpText("import --balancete FILE... [--diops FILE.xml...] --out NEW.xlsx",
		"import --balancete ARQUIVO... [--diops ARQUIVO.xml...] --out NOVA.xlsx"),
	helpText("Write the input workbook from the operator's balancetes and DIOPS-XML, with the origin of every number",
		"Grava a planilha de entrada a partir dos balancetes e do DIOPS-XML da operadora, com a origem de cada número"),
	helpText(`Write a new input workbook (layout v1) from the operator's accounts: its balancetes (the ANS
open data of a quarter, ERP exports as .csv or .xlsx) and its DIOPS-XML files.`,
		`Grava uma planilha de entrada nova (layout v1) a partir das contas da operadora: os seus
balancetes (os dados abertos da ANS de um trimestre, exportações do ERP em .csv ou .xlsx) e os
seus arquivos DIOPS-XML.`),
	helpText(`PLA and Operacional come from the balances at the data base and the 12-month totals;
Contraprestacoes and Eventos from the monthly flows of the 12 months ending at the data base
(monthly balancetes only: a quarter is never spread over months); Remissao (ca_*),
Credito_Operadoras, the fund rows of Credito_Ativos and Mercado_ALM from the DIOPS quadros of
the data base. Which accounts each field takes is the rulebook's section balancete (capreg
rules show; a rules file overrides it). Every filled cell has a comment naming its accounts (or
DIOPS element), file and period; the sheet Origem lists them all with each account's value
and the mapping's status. What the accounts cannot give (the rest of Operadora, ABI,
Remissao.pr_*, graus de risco, ...) is listed on stderr; --base WORKBOOK copies it from a
workbook (last month's, say).`,
		`PLA e Operacional vêm dos saldos na data base e dos totais de 12 meses; Contraprestacoes e
Eventos, dos fluxos mensais dos 12 meses que terminam na data base (só de balancetes mensais:
um trimestre nunca é repartido em meses); Remissao (ca_*), Credito_Operadoras, as linhas de
fundos de Credito_Ativos e Mercado_ALM, dos quadros do DIOPS da data base. Quais contas cada
campo usa é a seção balancete das regras (capreg rules show; um arquivo de regras a
substitui). Cada célula preenchida tem um comentário com as suas contas (ou o elemento do
DIOPS), o arquivo e o período; a aba Origem lista todas, com o valor de cada conta e o status
do mapeamento. O que as contas não fornecem (o resto de Operadora, ABI, Remissao.pr_*, graus
de risco, ...) é listado no stderr; --base PLANILHA o copia de outra planilha (a do mês
anterior, por exemplo).`),
	helpText(`The accounts are checked: an unparsable number, a non-numeric account code, an account twice
in one file and month, a month of the window missing, a monthly flow that cannot be built,
several operators without --registro, a DIOPS element present but unparsable, two sources
disagreeing on one month block the import (exit 2, no file written, every finding printed
with its file and line or element); a month that does not balance is a warning.`,
		`As contas são verificadas: um número ilegível, um código de conta não numérico, uma conta
repetida no mesmo arquivo e mês, um mês da janela faltando, um fluxo mensal que não pode ser
montado, várias operadoras sem --registro, um elemento do DIOPS presente mas ilegível, duas
fontes divergentes num mesmo mês bloqueiam a importação (sai com 2, nenhum arquivo gravado,
cada apontamento impresso com o seu arquivo e linha ou elemento); um mês que não fecha é um aviso.`),
	helpText(`--data-base defaults to the latest month of the balancetes. --out never names an input, and
replaces an existing file only with --force.`,
		`--data-base é, por padrão, o último mês dos balancetes. --out nunca nomeia uma entrada, e
só substitui um arquivo existente com --force.`),
	helpText("a workbook whose fields the accounts cannot give are copied (the derivable ones are refreshed)",
		"uma `PLANILHA` da qual se copiam os campos que as contas não fornecem (os deriváveis são atualizados)"),
	helpText("the workbook to write (.xlsx), whole or not at all; never an input",
		"a planilha a gravar, `ARQUIVO` (.xlsx), inteira ou nada; nunca uma entrada"),
}

// reclamacoesHelp is capreg reclamacoes's help.
var reclamacoesHelp = []entry{
	helpText("reclamacoes WORKBOOK", "reclamacoes PLANILHA"),
	helpText("Products at risk from unresolved complaints (IN ANS 36/2024, art. 17)",
		"Produtos em risco por reclamações não resolvidas (IN ANS 36/2024, art. 17)"),
	helpText(`Rank the operator's products by the complaints of the evaluation period marked
"Não resolvida" after the beneficiary's return (IN ANS 31/2022 art. 17 as amended by
IN ANS 36/2024, in force from 2024-10-01): descending by complaints, ties by fewer
beneficiaries (§2); a product is at risk while the accumulated share of all those
complaints, including its own, is at most 80%; when that leaves none at risk although
there are complaints, the product with the most is at risk (§3); a product without
complaints never is. Every product is listed with its rank, complaints, share,
accumulated share and verdict. A period starting before 2024-10-01 is refused.`,
		`Ordena os produtos da operadora pelas reclamações do período de avaliação marcadas
"Não resolvida" após o retorno do beneficiário (IN ANS 31/2022, art. 17, na redação da
IN ANS 36/2024, em vigor desde 01/10/2024): em ordem decrescente de reclamações, os empates
pelo menor número de beneficiários (§2); um produto está em risco enquanto a participação
acumulada de todas essas reclamações, incluídas as suas, é de no máximo 80%; quando isso não
deixa nenhum em risco, embora haja reclamações, o produto com mais reclamações está em risco
(§3); um produto sem reclamações nunca está. Cada produto é listado com a sua posição,
reclamações, participação, participação acumulada e veredito. Um período que começa antes de
01/10/2024 é recusado.`),
	helpText(`WORKBOOK: sheet Periodo (campo | valor: inicio, fim) and sheet Reclamacoes (produto |
beneficiarios | reclamacoes_nao_resolvidas); --template FILE writes it empty.`,
		`PLANILHA: aba Periodo (campo | valor: inicio, fim) e aba Reclamacoes (produto |
beneficiarios | reclamacoes_nao_resolvidas); --template ARQUIVO a grava vazia.`),
	helpText("write the empty input workbook to this file and stop",
		"grava a planilha de entrada vazia neste `ARQUIVO` e termina"),
}

// rulesHelp is the help of capreg rules and its subcommands.
var rulesHelp = []entry{
	helpText("Show or export the effective rulebook (embedded + --rules FILE)",
		"Mostra ou exporta as regras efetivas (embutidas + --rules ARQUIVO)"),
	helpText("Write the effective rulebook as a rules file to edit and pass back with --rules",
		"Grava as regras efetivas como um arquivo de regras para editar e passar de volta com --rules"),
	helpText("List every parameter with value, status (regulation, provisional, proposal, user) and source",
		"Lista cada parâmetro com valor, status (regulamentação, provisório, proposta, usuário) e fonte"),
}

// templateHelp is capreg template's help.
var templateHelp = []entry{
	helpText("template FILE", "template ARQUIVO"),
	helpText("Write the empty input workbook (layout v1) with a Leia-me sheet",
		"Grava a planilha de entrada vazia (layout v1) com uma aba Leia-me"),
}

// validateHelp is capreg validate's help.
var validateHelp = []entry{
	helpText("validate WORKBOOK...", "validate PLANILHA..."),
	helpText("Check workbooks without computing: every finding with Sheet!Cell, code, severity and fix",
		"Verifica planilhas sem calcular: cada apontamento com Aba!Célula, código, gravidade e correção"),
	helpText(`Check one or more input workbooks (layout v1) and report every finding of every file in
one run: structure (sheets, columns, campos), values (numbers, dates, codes, ranges), the
12-month windows, the consistency of dates, PLA and beneficiary data, and what the rulebook
(--rules) cannot serve: a capital de referência for the data base (and one more than 12
months old), a factor for each grau de risco. Each finding has the file, Sheet!Cell (or
sheet and column), a stable code, its severity, the message and the fix. --rules-list
prints the catalogue of every check.`,
		`Verifica uma ou mais planilhas de entrada (layout v1) e relata cada apontamento de cada
arquivo numa só execução: estrutura (abas, colunas, campos), valores (números, datas, códigos,
faixas), as janelas de 12 meses, a consistência das datas, do PLA e dos dados de beneficiários,
e o que as regras (--rules) não atendem: um capital de referência para a data base (e um com
mais de 12 meses), um fator para cada grau de risco. Cada apontamento tem o arquivo, Aba!Célula
(ou aba e coluna), um código estável, a sua gravidade, a mensagem e a correção. --rules-list
imprime o catálogo de todas as verificações.`),
	helpText(`validate reads and computes each workbook as calc does, so it reports every error and every
warning calc would print for it with the same --rules and no other option, except two
notices about the rulebook rather than the workbook: CR-W005 (the result uses provisional parameters) and CR-W009
(proposal parameters). With the shipped rulebook nearly every result uses provisional
values, which calc marks on each figure; capreg rules show lists them.`,
		`validate lê e calcula cada planilha como o calc, e assim relata cada erro e cada aviso que o
calc imprimiria para ela com o mesmo --rules e nenhuma outra opção, exceto dois avisos sobre
as regras, e não sobre a planilha: CR-W005 (o resultado usa parâmetros provisórios) e CR-W009
(parâmetros de proposta). Com as regras distribuídas, quase todo resultado usa valores
provisórios, que o calc marca em cada valor; capreg rules show os lista.`),
	helpText(`For CI: --output junit writes a JUnit XML test report (a test case per file, failing with
its errors listed), --output github a GitHub Actions annotation per finding.`,
		`Para CI: --output junit grava um relatório de testes JUnit XML (um caso de teste por arquivo,
que falha com os seus erros listados), --output github uma anotação do GitHub Actions por apontamento.`),
	helpText(`Exit 0 when no file has an error (warnings allowed), 2 otherwise. --strict fails (exit 2)
on any warning too: a workbook that passes validate --strict gets no warning from calc
but CR-W005 and CR-W009.`,
		`Sai com 0 quando nenhum arquivo tem erro (avisos são permitidos), com 2 caso contrário.
--strict falha (sai com 2) também com qualquer aviso: uma planilha que passa em validate
--strict não recebe do calc nenhum aviso além de CR-W005 e CR-W009.`),
	helpText(`--balancete FILE (and --diops FILE.xml, --registro, --data-base, as capreg import takes them)
checks every workbook against the operator's accounts as well: every field the accounts give
(PLA, Operacional, Contraprestacoes, Eventos, and the DIOPS quadros) that differs by more than
R$ 0,01 is a warning CR-W053 naming the cell, both values, the accounts and the period; with
--strict an error. This is the CI gate "the capital workbook agrees with the filed accounts".
Accounts that cannot be read (the findings capreg import blocks on) fail the run (exit 2).`,
		`--balancete ARQUIVO (e --diops ARQUIVO.xml, --registro, --data-base, como o capreg import os
recebe) confere também cada planilha com as contas da operadora: cada campo que as contas
fornecem (PLA, Operacional, Contraprestacoes, Eventos e os quadros do DIOPS) que difere em mais
de R$ 0,01 é um aviso CR-W053 que nomeia a célula, os dois valores, as contas e o período; com
--strict, um erro. É a trava de CI "a planilha de capital confere com as contas enviadas".
Contas que não podem ser lidas (os apontamentos que bloqueiam o capreg import) fazem a execução
falhar (sai com 2).`),
	helpText(`  capreg validate operadora.xlsx
  capreg validate filings/*.xlsx --output json
  capreg validate operadora.xlsx --strict
  capreg validate filings/*.xlsx --output junit --out validate.xml
  capreg validate filings/*.xlsx --output github   # annotations in a GitHub Actions step
  capreg validate operadora.xlsx --balancete erp/balancete-2025-09.csv --diops diops-3T2025.xml --strict
  capreg validate --rules-list`,
		`  capreg validate operadora.xlsx
  capreg validate entregas/*.xlsx --output json
  capreg validate operadora.xlsx --strict
  capreg validate entregas/*.xlsx --output junit --out validate.xml
  capreg validate entregas/*.xlsx --output github   # anotações num passo do GitHub Actions
  capreg validate operadora.xlsx --balancete erp/balancete-2025-09.csv --diops diops-3T2025.xml --strict
  capreg validate --rules-list`),
	helpText("print the catalogue of checks (code, severity, rule, fix)",
		"imprime o catálogo de verificações (código, gravidade, regra, correção)"),
	helpText("fail (exit 2) on warnings too: every warning calc would print but the rulebook notices CR-W005, CR-W009",
		"falha (sai com 2) também com avisos: cada aviso que o calc imprimiria, exceto os avisos das regras CR-W005, CR-W009"),
}

// versionHelp is capreg version's help.
var versionHelp = []entry{
	helpText("Print capreg's version, commit, build date, Go version, rulebook and JSON schema versions",
		"Imprime a versão do capreg, o commit, a data do build, a versão do Go e as versões das regras e do esquema JSON"),
	helpText(`Print capreg's version (git describe, as the Makefile stamps it; else the module's build
info: the module version, or the git revision it was built from, -dirty when modified;
"(devel)" when no source of a version exists), the commit, the build date (without the
Makefile's stamp, the commit's time), the Go version, the embedded rulebook's version and
the JSON schema version. --output json prints them for programs.`,
		`Imprime a versão do capreg (git describe, como o Makefile a grava; senão as informações de
build do módulo: a versão do módulo, ou a revisão git da qual foi compilado, com -dirty quando
modificado; "(devel)" quando não existe nenhuma fonte de versão), o commit, a data do build
(sem a gravação do Makefile, a hora do commit), a versão do Go, a versão das regras embutidas
e a versão do esquema JSON. --output json os imprime para programas.`),
	helpText("output format: table, json", "`FORMATO` da saída: table, json"),
}

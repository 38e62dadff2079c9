package lang

import "slices"

// The help of capreg (--help, capreg help, capreg docs) in both languages.
//
// Two kinds of message make it. The words of cobra's usage template and
// of the manual's headings are messages of the catalog like any other,
// with keys (helpWords). The texts of the commands and flags — a command's
// Use, Short, each paragraph of its Long and its Example, a flag's usage —
// are written in English beside their command, where cobra code reads
// them (pkg/cli); the catalog maps each English text, as it is written
// there, to its Portuguese (helpTexts, in messages_help_*.go): the English
// text is the key, as gettext's msgid is. A command or flag added or
// reworded in English without its Portuguese fails pkg/cli's
// TestHelpTranslated, which names the text to add. Help texts are looked
// up verbatim (Help), never formatted: a % or a ${ in them is literal.

// The keys of the words of the help.
const (
	HelpUsage       Key = "help.usage"
	HelpAliases     Key = "help.aliases"
	HelpExamples    Key = "help.examples"
	HelpCommands    Key = "help.commands"
	HelpFlags       Key = "help.flags"
	HelpGlobalFlags Key = "help.global_flags"
	HelpTopics      Key = "help.topics"
	HelpMore        Key = "help.more"
	HelpCommandArg  Key = "help.command_arg"
	HelpFlagsArg    Key = "help.flags_arg"
	HelpDefault     Key = "help.default"
	HelpFlag        Key = "help.help_flag"
	HelpRunHelp     Key = "help.run_help"
	DocSynopsis     Key = "doc.synopsis"
	DocOptions      Key = "doc.options"
	DocInherited    Key = "doc.inherited"
	DocExamples     Key = "doc.examples"
	DocSeeAlso      Key = "doc.see_also"
	ManName         Key = "man.name"
	ManSynopsis     Key = "man.synopsis"
	ManDescription  Key = "man.description"
	ManOptions      Key = "man.options"
	ManInherited    Key = "man.inherited"
	ManExample      Key = "man.example"
	ManSeeAlso      Key = "man.see_also"
	ManManual       Key = "man.manual"
)

// helpWords are the words cobra writes around the texts of the commands:
// its usage template's (in English as cobra writes them), the usage line
// of a command-line mistake, and the headings of the Markdown (Doc*) and
// man (Man*) pages of capreg docs, in English as cobra/doc writes them.
var helpWords = []entry{
	{HelpUsage, "Usage:", "Uso:"},
	{HelpAliases, "Aliases:", "Apelidos:"},
	{HelpExamples, "Examples:", "Exemplos:"},
	{HelpCommands, "Available Commands:", "Comandos disponíveis:"},
	{HelpFlags, "Flags:", "Opções:"},
	{HelpGlobalFlags, "Global Flags:", "Opções globais:"},
	{HelpTopics, "Additional help topics:", "Outros tópicos de ajuda:"},
	{HelpMore, `Use "%s [command] --help" for more information about a command.`, `Use "%s [comando] --help" para mais informações sobre um comando.`},
	{HelpCommandArg, "[command]", "[comando]"},
	{HelpFlagsArg, "[flags]", "[opções]"},
	{HelpDefault, "default", "padrão"},
	{HelpFlag, "help for %s", "ajuda de %s"},
	{HelpRunHelp, "Run 'capreg --help' for usage.", "Execute 'capreg --help' para ver como usar."},
	{DocSynopsis, "Synopsis", "Sinopse"},
	{DocOptions, "Options", "Opções"},
	{DocInherited, "Options inherited from parent commands", "Opções herdadas dos comandos superiores"},
	{DocExamples, "Examples", "Exemplos"},
	{DocSeeAlso, "SEE ALSO", "VEJA TAMBÉM"},
	{ManName, "NAME", "NOME"},
	{ManSynopsis, "SYNOPSIS", "SINOPSE"},
	{ManDescription, "DESCRIPTION", "DESCRIÇÃO"},
	{ManOptions, "OPTIONS", "OPÇÕES"},
	{ManInherited, "OPTIONS INHERITED FROM PARENT COMMANDS", "OPÇÕES HERDADAS DOS COMANDOS SUPERIORES"},
	{ManExample, "EXAMPLE", "EXEMPLOS"},
	{ManSeeAlso, "SEE ALSO", "VEJA TAMBÉM"},
	{ManManual, "capreg manual", "manual do capreg"},
}

// helpText is a help text: en, as its command writes it, is its key.
func helpText(en, pt string) entry { return entry{Key(en), en, pt} }

// helpTexts are the help texts of every command: a command's slice each
// (messages_help_commands.go, in the order of the command tree; a new
// command adds its own), those several share, cobra's own commands'.
var helpTexts = slices.Concat(sharedHelp, rootHelp, batchHelp, calcHelp, coletaHelp, compareHelp, docsHelp,
	exampleHelp, importHelp, reclamacoesHelp, rulesHelp, templateHelp, validateHelp, versionHelp, diffHelp, calcHeadroomHelp,
	stressHelp, cobraHelp)

// helpIndex finds a help text by its English.
var helpIndex = func() map[string]entry {
	m := make(map[string]entry, len(helpTexts))
	for _, e := range helpTexts {
		m[e.en] = e
	}
	return m
}()

// Help is the help text en — a command's Use or Short, a paragraph of its
// Long or Example, a flag's usage, as the command writes it in English —
// in language l; en itself when the catalog has no translation of it.
func (l Lang) Help(en string) string {
	if e, ok := helpIndex[en]; ok {
		return e.texts()[l.Resolved()]
	}
	return en
}

// HelpTexts are the English help texts the catalog translates.
func HelpTexts() []string {
	out := make([]string, len(helpTexts))
	for i, e := range helpTexts {
		out[i] = e.en
	}
	return out
}

package lang

// cobraHelp is the help of the commands cobra adds — help and completion
// (its texts as cobra writes them, capreg's name in them) — see
// messages_help.go. A new version of cobra that rewords them fails
// pkg/cli's TestHelpTranslated, naming the texts to update here.
var cobraHelp = []entry{
	helpText("help [command]", "help [comando]"),
	helpText("Help about any command", "Ajuda sobre qualquer comando"),

	helpText("Generate the autocompletion script for the specified shell",
		"Gera o script de autocompletar para o shell indicado"),
	helpText(`Generate the autocompletion script for capreg for the specified shell.
See each sub-command's help for details on how to use the generated script.`,
		`Gera o script de autocompletar do capreg para o shell indicado.
Veja a ajuda de cada subcomando para saber como usar o script gerado.`),
	helpText("disable completion descriptions", "desativa as descrições no autocompletar"),
	helpText("To load completions in your current shell session:",
		"Para carregar o autocompletar na sessão atual do shell:"),
	helpText("To load completions for every new session, execute once:",
		"Para carregar o autocompletar em toda sessão nova, execute uma vez:"),
	helpText("You will need to start a new shell for this setup to take effect.",
		"Você precisará abrir um novo shell para que esta configuração tenha efeito."),

	helpText("Generate the autocompletion script for bash", "Gera o script de autocompletar para o bash"),
	helpText("Generate the autocompletion script for the bash shell.", "Gera o script de autocompletar para o shell bash."),
	helpText(`This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.`,
		`Este script depende do pacote 'bash-completion'.
Se ele ainda não estiver instalado, você pode instalá-lo pelo gerenciador de pacotes do seu sistema.`),

	helpText("Generate the autocompletion script for fish", "Gera o script de autocompletar para o fish"),
	helpText("Generate the autocompletion script for the fish shell.", "Gera o script de autocompletar para o shell fish."),

	helpText("Generate the autocompletion script for powershell", "Gera o script de autocompletar para o powershell"),
	helpText("Generate the autocompletion script for powershell.", "Gera o script de autocompletar para o powershell."),
	helpText(`To load completions for every new session, add the output of the above command
to your powershell profile.`,
		`Para carregar o autocompletar em toda sessão nova, acrescente a saída do comando acima
ao seu perfil do powershell.`),

	helpText("Generate the autocompletion script for zsh", "Gera o script de autocompletar para o zsh"),
	helpText("Generate the autocompletion script for the zsh shell.", "Gera o script de autocompletar para o shell zsh."),
	helpText(`If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:`,
		`Se o autocompletar do shell ainda não estiver ativado no seu ambiente, você precisará
ativá-lo. Você pode executar o seguinte uma vez:`),
}

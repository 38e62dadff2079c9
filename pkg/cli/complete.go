package cli

import (
	"runtime"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
)

// Shell completion (capreg completion bash|zsh|fish|powershell) of flag
// values and of the files capreg reads, by extension: cobra asks the
// binary through its hidden __complete command, and these functions answer.

// Extensions (without the dot, as ShellCompDirectiveFilterFileExt wants
// them) of the files capreg reads.
var (
	workbookExts = []string{"xlsx"}
	tableExts    = []string{"csv", "xlsx"} // --balancete, --beneficiarios
	diopsExts    = []string{"xml"}
	yamlExts     = []string{"yaml", "yml"} // --rules, --config
)

// completeFiles completes the names of files ending in one of exts (and
// directories, to walk into).
func completeFiles(exts ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(exts, cobra.ShellCompDirectiveFilterFileExt)
}

// completeArgs completes a command's arguments: files ending in one of
// exts, until it has max of them (0: no limit).
func completeArgs(max int, exts ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completeValues completes one of values, never a file name.
func completeValues(values ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
}

// completeFlag registers f as the completion of cmd's flag name. The flag
// is the command's own, defined just before: an error is a bug of capreg,
// which every test building the command tree shows.
func completeFlag(cmd *cobra.Command, name string, f cobra.CompletionFunc) {
	if err := cmd.RegisterFlagCompletionFunc(name, f); err != nil {
		panic("capreg: completion of --" + name + ": " + err.Error())
	}
}

// factorValues are the values of --factors: auto and every factor set.
func factorValues() []string { return append([]string{capital.Auto}, capital.Sets()...) }

// langValues are the values of --lang: the languages capreg speaks.
func langValues() []string {
	v := make([]string, len(lang.All))
	for i, l := range lang.All {
		v[i] = string(l)
	}
	return v
}

// jobValues are the useful values of --jobs: 1 to the number of cores.
func jobValues() []string {
	n := runtime.NumCPU()
	v := make([]string, n)
	for i := range v {
		v[i] = strconv.Itoa(i + 1)
	}
	return v
}

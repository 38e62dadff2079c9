package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/capital"
)

// The flags several commands share are defined here, once.

// outputHelp tells how a command's output is chosen, for its --help.
const outputHelp = `Output: --output (-o) chooses the format; without it, the extension of --out does
(.xlsx, .json, .jsonl, .csv, .txt/.tsv for table), else CAPREG_OUTPUT, the config file, or
table. --out never names an input, and replaces an existing file only with --force.`

// calcOutputs are the formats of the commands that compute (calc, compare,
// batch); textOutputs those of the commands that check.
var (
	calcOutputs = []string{"table", "json", "csv", "xlsx"}
	textOutputs = []string{"table", "json", "csv"}
)

// addOutputFlags adds --output (-o, one of formats), --out and --force.
func addOutputFlags(cmd *cobra.Command, output *string, formats []string, out *string, force *bool) {
	cmd.Flags().StringVarP(output, "output", "o", "table", "output format: "+strings.Join(formats, ", ")+" (without it, --out's extension chooses)")
	addOutFlags(cmd, out, outUsage, force)
}

// outUsage is the usage of --out where it names the output.
const outUsage = "write the output to this file (atomically) instead of stdout; never an input"

// addOutFlags adds --out (with its usage) and --force.
func addOutFlags(cmd *cobra.Command, out *string, usage string, force *bool) {
	cmd.Flags().StringVar(out, "out", "", usage)
	addForceFlag(cmd, force)
}

// addForceFlag adds --force.
func addForceFlag(cmd *cobra.Command, force *bool) {
	cmd.Flags().BoolVar(force, "force", false, "replace an existing output file (an input never is)")
}

// addFactorsFlag adds --factors.
func addFactorsFlag(cmd *cobra.Command, factors *string) {
	cmd.Flags().StringVar(factors, "factors", capital.Auto, "factor set: auto, "+strings.Join(capital.Sets(), ", "))
}

// addFailOnInsufficientFlag adds --fail-on-insufficient; who says whose
// PLA.
func addFailOnInsufficientFlag(cmd *cobra.Command, fail *bool, who string) {
	cmd.Flags().BoolVar(fail, "fail-on-insufficient", false, "exit 3 when "+who+"PLA < CR (for CI gates)")
}

// addCoverageWeightedFlag adds --coverage-weighted; needs says what it
// needs, if anything.
func addCoverageWeightedFlag(cmd *cobra.Command, weighted *bool, needs string) {
	cmd.Flags().BoolVar(weighted, "coverage-weighted", false, "scale each program's share by the fraction of beneficiaries it covers"+needs)
}

// addBeneficiaryFlags adds --beneficiarios FILE and --coverage-weighted.
func addBeneficiaryFlags(cmd *cobra.Command, benef *string, weighted *bool) {
	cmd.Flags().StringVar(benef, "beneficiarios", "", "beneficiary data as a separate .xlsx (sheet Beneficiarios) or .csv (UTF-8 or Latin-1, , or ;), read streaming")
	addCoverageWeightedFlag(cmd, weighted, "")
}

// checkOutput settles --output among the calc formats, and refuses to
// write a workbook to a terminal.
func checkOutput(s Streams, set *settings, output *string, out string) error {
	if err := set.outputFormat(output, out, calcOutputs); err != nil {
		return err
	}
	if *output == "xlsx" && out == "" && s.OutTTY {
		return usageError{errors.New("--output xlsx writes a workbook: give --out FILE.xlsx (or redirect stdout)")}
	}
	return nil
}

// checkFactors checks --factors: auto or a factor set.
func checkFactors(factors string) error {
	if factors != capital.Auto && !slices.Contains(capital.Sets(), factors) {
		return usageError{fmt.Errorf("--factors %q: use auto or one of %s", factors, strings.Join(capital.Sets(), ", "))}
	}
	return nil
}

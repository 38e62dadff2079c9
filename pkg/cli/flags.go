package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// The flags several commands share are defined here, once.

// outputHelp tells how a command's output is chosen, for its --help.
const outputHelp = `Output: --output (-o) chooses the format; without it, the extension of --out does
(.xlsx, .json, .jsonl, .csv, .xml for junit, .txt/.tsv for table), else CAPREG_OUTPUT, the config file, or
table. --out never names an input, and replaces an existing file only with --force.`

// calcOutputs are the formats of the commands that compute (calc, compare);
// textOutputs those of the commands that check; validateOutputs and
// batchOutputs add the CI formats (JUnit XML, GitHub Actions annotations).
var (
	calcOutputs     = []string{"table", "json", "csv", "xlsx"}
	textOutputs     = []string{"table", "json", "csv"}
	validateOutputs = append(textOutputs[:len(textOutputs):len(textOutputs)], "junit", "github")
	batchOutputs    = append(calcOutputs[:len(calcOutputs):len(calcOutputs)], "junit", "github")
)

// addOutputFlags adds --output (-o, one of formats), --csv-excel, --out
// and --force.
func addOutputFlags(cmd *cobra.Command, output *string, formats []string, csvExcel *bool, out *string, force *bool) {
	cmd.Flags().StringVarP(output, "output", "o", "table", "output format: "+strings.Join(formats, ", ")+" (without it, --out's extension chooses)")
	completeFlag(cmd, "output", completeValues(formats...))
	cmd.Flags().BoolVar(csvExcel, "csv-excel", false, "with csv output: the CSV for Excel or LibreOffice in Portuguese (; separator, decimal comma, UTF-8 BOM, CRLF)")
	addOutFlags(cmd, out, outUsage, force)
}

// csvDialect is the CSV dialect --csv-excel asks for.
func csvDialect(excel bool) report.CSVDialect {
	if excel {
		return report.CSVExcel
	}
	return report.CSVPlain
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
	completeFlag(cmd, "factors", completeValues(factorValues()...))
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
	completeFlag(cmd, "beneficiarios", completeFiles(tableExts...))
	addCoverageWeightedFlag(cmd, weighted, "")
}

// balanceteOptions are the flags that name an operator's accounts
// (import, validate --balancete).
type balanceteOptions struct {
	Balancetes []string
	Diops      []string
	Registro   string
	DataBase   string
	dataBase   period.Month // DataBase read
}

// addBalanceteFlags adds --balancete, --diops, --registro and --data-base.
func addBalanceteFlags(cmd *cobra.Command, o *balanceteOptions) {
	cmd.Flags().StringArrayVar(&o.Balancetes, "balancete", nil, "a balancete: the ANS open data (.csv) or an ERP export (.csv, .xlsx); repeat for each file, or give a directory or a quoted glob ('erp/*.csv')")
	cmd.Flags().StringArrayVar(&o.Diops, "diops", nil, "a DIOPS-XML file (quarterly or monthly); repeat for each file, or give a directory or a quoted glob")
	completeFlag(cmd, "balancete", completeFiles(tableExts...))
	completeFlag(cmd, "diops", completeFiles(diopsExts...))
	cmd.Flags().StringVar(&o.Registro, "registro", "", "the operator's registro ANS: selects it in files of several operators, names it when no file does")
	cmd.Flags().StringVar(&o.DataBase, "data-base", "", "the data base AAAA-MM (default: the latest month of the balancetes)")
}

// check expands --balancete and --diops and reads --registro and
// --data-base (usage errors).
func (o *balanceteOptions) check() error {
	var err error
	if o.Balancetes, err = expandFiles("--balancete", o.Balancetes, ".csv", ".xlsx"); err != nil {
		return err
	}
	if o.Diops, err = expandFiles("--diops", o.Diops, ".xml"); err != nil {
		return err
	}
	if o.Registro != "" {
		r, err := parse.Registro(o.Registro, true) // typed like a number: 5711 is 005711
		if err != nil {
			return usageError{lang.Errorf("--registro %q: give the operator's registro ANS, up to 6 digits (e.g. 412345 or 005711)", o.Registro)}
		}
		o.Registro = r
	}
	if o.DataBase != "" {
		m, err := parse.Month(o.DataBase)
		if err != nil {
			return usageError{lang.Errorf("--data-base %q: give the month as AAAA-MM (e.g. 2025-09)", o.DataBase)}
		}
		o.dataBase = m
	}
	return nil
}

// expandFiles turns each value of flag into files: a directory gives its
// files with one of exts (sorted by name; hidden and Excel lock files
// left out), a pattern with * ? or [ the paths it matches (quoted, so the
// shell leaves it to capreg), anything else stays as given. A directory or
// pattern that gives no file is a usage error.
func expandFiles(flag string, values []string, exts ...string) ([]string, error) {
	var out []string
	for _, v := range values {
		var got []string
		if st, err := os.Stat(v); err == nil && st.IsDir() {
			entries, err := os.ReadDir(v)
			if err != nil {
				return nil, app.InvalidError{Err: app.NewFileError(v, err)}
			}
			for _, e := range entries {
				n := e.Name()
				if !e.IsDir() && !strings.HasPrefix(n, ".") && !strings.HasPrefix(n, "~$") && slices.Contains(exts, strings.ToLower(filepath.Ext(n))) {
					got = append(got, filepath.Join(v, n))
				}
			}
		} else if strings.ContainsAny(v, "*?[") {
			if got, err = filepath.Glob(v); err != nil { // ErrBadPattern, the only error of Glob
				return nil, usageError{lang.Errorf("%s %s: syntax error in pattern", flag, v)}
			}
		} else {
			out = append(out, v)
			continue
		}
		if len(got) == 0 {
			return nil, usageError{lang.Errorf("%s %s: no %s file there", flag, v, orList(exts))}
		}
		out = append(out, got...)
	}
	return out, nil
}

// orList is "a or b or c", in the language where it is printed.
func orList(items []string) lang.Msg {
	list := lang.Text(items[0])
	for _, it := range items[1:] {
		list = lang.M("%s or %s", list, it)
	}
	return list
}

// noArgs refuses the arguments a shell glob left after --balancete or
// --diops (only the first file goes to the flag), saying how to give them.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		got := lang.Text(strings.Join(args[:min(len(args), 2)], " "))
		if len(args) > 2 {
			got = lang.M("%s and %d more", got, len(args)-2)
		}
		return lang.Errorf("%s takes no arguments, but got %s: name each file with --balancete (or --diops), or give a directory or a quoted glob: --balancete 'erp/*.csv'", cmd.CommandPath(), got)
	}
	return nil
}

// inputs are the files the flags name, for the guard.
func (o *balanceteOptions) inputs() []inputFile {
	return append(inputFiles(lang.M("a balancete"), o.Balancetes), inputFiles(lang.M("a DIOPS-XML file"), o.Diops)...)
}

// given reports whether the flags name any file.
func (o *balanceteOptions) given() bool { return len(o.Balancetes)+len(o.Diops) > 0 }

// importOptions are the options of the import use case the flags give.
func (o *balanceteOptions) importOptions(rb *rules.Rulebook) app.ImportOptions {
	return app.ImportOptions{Balancetes: o.Balancetes, Diops: o.Diops, Registro: o.Registro, DataBase: o.dataBase, Rules: rb}
}

// checkOutput settles --output among formats, and refuses to
// write a workbook to a terminal.
func checkOutput(s Streams, set *settings, output *string, out string, formats []string) error {
	if err := set.outputFormat(output, out, formats); err != nil {
		return err
	}
	if *output == "xlsx" && out == "" && s.OutTTY {
		return usageError{lang.Errorf("--output xlsx writes a workbook: give --out FILE.xlsx (or redirect stdout)")}
	}
	return nil
}

// checkFactors checks --factors: auto or a factor set.
func checkFactors(factors string) error {
	if factors != capital.Auto && !slices.Contains(capital.Sets(), factors) {
		return usageError{lang.Errorf("--factors %q: use auto or one of %s", factors, strings.Join(capital.Sets(), ", "))}
	}
	return nil
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/capreg/capreg/pkg/rules"
)

const exitCodesHelp = `Exit codes:
  0    done; every input valid
  1    unexpected internal error (a bug: the message says so)
  2    usage error or invalid input (validation errors found, unreadable file)
  3    computed, and some operator's PLA is below its CR (only with --fail-on-insufficient)
  130  interrupted (Ctrl-C / SIGTERM)`

// NewRootCmd builds the command tree.
func NewRootCmd(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "capreg",
		Short: "Regulatory capital of Brazilian health-plan operators (ANS RN 569/2022)",
		Long: `capreg computes the regulatory capital of a health-plan operator under ANS RN 569/2022:
Capital Base, PLA, the risk parcels CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, the CBR,
CR = max(CB, CBR), surplus and sufficiency, choosing the factor set the operator is
eligible for. Every figure is explained down to the input cell and the rulebook
parameter behind it; parameters the regulation does not confirm are marked PROVISIONAL.

Configuration: flags > environment CAPREG_* (e.g. CAPREG_RULES, CAPREG_OUTPUT) >
config file (--config, else ./capreg.yaml, else the user config dir) > defaults.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.PersistentFlags().String("config", "", "config file (default ./capreg.yaml, else the user config dir)")
	root.PersistentFlags().String("rules", "", "rules file (YAML) merged over the embedded rulebook")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{err}
	})
	root.AddCommand(
		NewCmdCalc(s, nil),
		NewCmdValidate(s),
		NewCmdCompare(s),
		NewCmdBatch(s, nil),
		NewCmdTemplate(s),
		NewCmdExample(s),
		NewCmdRules(s),
		NewCmdColeta(s), NewCmdReclamacoes(s, nil),
		NewCmdVersion(s),
	)
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
	}
	return root
}

// wrapArgs marks argument-count errors as usage errors.
func wrapArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	if v == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// config resolves a command's settings: flags > CAPREG_* > config file >
// defaults, with a fresh viper per invocation.
func config(cmd *cobra.Command) (*viper.Viper, error) {
	v := viper.New()
	v.SetEnvPrefix("CAPREG")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err := v.BindPFlag(f.Name, f); err != nil {
			bindErr = err
		}
	})
	if bindErr != nil {
		return nil, bindErr
	}
	file, _ := cmd.Flags().GetString("config")
	if file == "" {
		if _, err := os.Stat("capreg.yaml"); err == nil {
			file = "capreg.yaml"
		} else if dir, err := os.UserConfigDir(); err == nil {
			if p := filepath.Join(dir, "capreg", "capreg.yaml"); fileExists(p) {
				file = p
			}
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, invalidError{fmt.Errorf("config file %s: %w", file, err)}
		}
	}
	return v, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// loadRules returns the embedded rulebook merged with the rules file, if any.
func loadRules(path string) (*rules.Rulebook, error) {
	if path == "" {
		rb, err := rules.Default()
		if err != nil {
			return nil, err
		}
		return rb, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, invalidError{fmt.Errorf("rules file: %w", err)}
	}
	rb, err := rules.Load(data, path)
	if err != nil {
		return nil, invalidError{err}
	}
	return rb, nil
}

// openInput opens an input file read-only, with an exit-2 error when it
// cannot be read.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, invalidError{fmt.Errorf("cannot read %s: %v", path, pe.Err)}
		}
		return nil, invalidError{err}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, invalidError{fmt.Errorf("%s is a directory, not a workbook", path)}
	}
	return f, nil
}

// writeOutput writes to --out FILE atomically, or to stdout.
func writeOutput(cmd *cobra.Command, out string, stdout io.Writer, fill func(io.Writer) error) error {
	if out == "" || out == "-" {
		return fill(stdout)
	}
	return safeWrite(cmd.Context(), out, fill)
}

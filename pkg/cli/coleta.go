package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/coletabook"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/report"
)

// NewCmdColeta builds capreg coleta and its subcommands.
func NewCmdColeta(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "coleta",
		Short: "The monthly data-collection sheet of PROMOPREV and APS operators: template, validate, fill",
		Long: `The spreadsheet ANS asks of operators with an approved PROMOPREV or a homologated APS
certification (fields 1 to 21, one row per month from 2018-01 to the data base), sent
through the ANS electronic protocol:

  capreg coleta template FILE   the empty sheet for a period, fields 1-4 filled
  capreg coleta validate FILE   every check before it is sent, each at Coleta!Cell
  capreg coleta fill FILE       fields 1, 2, 5, 6 and 7 of a month from the beneficiary data

` + exitCodesHelp,
		Example: `  capreg coleta template coleta.xlsx --registro 005711 --desde 2018-01 --ate 2025-06 --promoprev 2021-03 --aps 2023-09
  capreg coleta validate coleta.xlsx
  capreg coleta fill coleta.xlsx --beneficiarios beneficiarios.csv --mes 2025-06`,
	}
	cmd.AddCommand(NewCmdColetaTemplate(s, nil), NewCmdColetaValidate(s, nil), NewCmdColetaFill(s, nil))
	return cmd
}

// ColetaTemplateOptions are the streams and settings of capreg coleta
// template.
type ColetaTemplateOptions struct {
	IO      Streams
	File    string
	Options coleta.TemplateOptions
	Force   bool      // FILE may replace an existing file
	Lang    lang.Lang // --lang, the root's
}

// monthFlag reads an AAAA-MM flag; "" gives nil.
func monthFlag(name, text string) (*period.Month, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	m, err := parse.Month(text)
	if err != nil {
		return nil, usageError{lang.Errorf("--%s %q: use AAAA-MM", name, text)}
	}
	return &m, nil
}

// templateFlags are the flags of capreg coleta template, as given.
type templateFlags struct{ registro, desde, ate, promoprev, aps string }

// options parses the flags into the template's options (usage errors).
func (f *templateFlags) options() (coleta.TemplateOptions, error) {
	o := coleta.TemplateOptions{Registro: f.registro}
	for _, m := range []struct {
		name, text string
		dst        *period.Month
	}{{"desde", f.desde, &o.Desde}, {"ate", f.ate, &o.Ate}} {
		p, err := monthFlag(m.name, m.text)
		if err != nil {
			return o, err
		}
		if p == nil {
			return o, usageError{lang.Errorf("--%s AAAA-MM is required", m.name)}
		}
		*m.dst = *p
	}
	var err error
	if o.Promoprev, err = monthFlag(string(ans.Promoprev), f.promoprev); err != nil {
		return o, err
	}
	if o.APS, err = monthFlag(string(ans.APS), f.aps); err != nil {
		return o, err
	}
	if err := o.Check(); err != nil {
		return o, usageError{err}
	}
	return o, nil
}

// NewCmdColetaTemplate builds capreg coleta template; runF replaces the run
// (tests of flag parsing), nil runs it.
func NewCmdColetaTemplate(s Streams, runF func(context.Context, *ColetaTemplateOptions) error) *cobra.Command {
	o := &ColetaTemplateOptions{IO: s}
	var f templateFlags
	cmd := &cobra.Command{
		Use:   "template FILE --registro N --desde AAAA-MM --ate AAAA-MM",
		Short: "Write the empty collection sheet for a period, with a Leia-me sheet",
		Long: `Write the collection workbook: sheet Coleta with the field numbers in row 1, the field
names as ANS words them in row 2, and a row per month from --desde to --ate with fields 1
to 4 filled (registro, month mmaaaa, the PROMOPREV and APS start months). Every column has
its field's number format and a validation of its size; the cells of a program's fields
before the program starts, or without it, are grey and refuse values, as is field 12
outside the APS homologation month. A Leia-me sheet explains every field.

` + exitCodesHelp,
		Example: `  capreg coleta template coleta.xlsx --registro 005711 --desde 2018-01 --ate 2025-06
  capreg coleta template coleta.xlsx --registro 005711 --desde 2018-01 --ate 2025-06 --promoprev 2021-03 --aps 2023-09`,
		Args: cobra.ExactArgs(1),
		RunE: runE(o, func(set *settings, args []string) (err error) {
			o.File, o.Lang = args[0], set.lang
			if o.Options, err = f.options(); err != nil {
				return err
			}
			return set.guard(o.Force, []string{o.File})
		}, runF, func(ctx context.Context, o *ColetaTemplateOptions) error {
			return writeWorkbook(ctx, o.IO, o.Lang, o.File, func() (*excelize.File, error) { return coletabook.Template(o.Options) })
		}),
	}
	cmd.Flags().StringVar(&f.registro, "registro", "", "registro ANS of the operator (6 digits)")
	cmd.Flags().StringVar(&f.desde, "desde", "", "first month, AAAA-MM (2018-01, or the registration month if later)")
	cmd.Flags().StringVar(&f.ate, "ate", "", "last month, the data base, AAAA-MM")
	cmd.Flags().StringVar(&f.promoprev, string(ans.Promoprev), "", "start of the approved PROMOPREV (the earliest approval), AAAA-MM; omit without PROMOPREV")
	cmd.Flags().StringVar(&f.aps, string(ans.APS), "", "homologation of the APS certification, AAAA-MM; omit without APS")
	addForceFlag(cmd, &o.Force)
	return cmd
}

// ColetaValidateOptions are the streams and settings of capreg coleta
// validate.
type ColetaValidateOptions struct {
	IO       Streams
	Files    []string
	Output   string
	CSVExcel bool // --csv-excel
	Out      string
	Strict   bool
	Force    bool      // --out may replace an existing file
	Lang     lang.Lang // --lang, the root's
}

// NewCmdColetaValidate builds capreg coleta validate; runF replaces the
// run (tests of flag parsing), nil runs it.
func NewCmdColetaValidate(s Streams, runF func(context.Context, *ColetaValidateOptions) error) *cobra.Command {
	o := &ColetaValidateOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check collection sheets before they are sent: every finding at Coleta!Cell with code and fix",
		Long: `Check the Coleta sheet of each file: the header (field numbers 1-21 in row 1), formats and
sizes (registro of 6 digits, months mmaaaa, counts up to 10 digits, 3+2, 10+2 and 3+4
decimals, never negative), one row per month from 2018-01 without gaps or repeats,
a program's fields empty before its start month or without it and filled after, field 12
only in the APS homologation month, and fields 6 and 7 not above field 5.

--output junit writes a JUnit XML test report (a test case per file), --output github a
GitHub Actions annotation per finding.

Exit 0 when no file has an error (--strict: nor a warning), 2 otherwise.
capreg validate --rules-list lists every code (CR-E030 to CR-E038, CR-W030 to CR-W033).

` + exitCodesHelp,
		Example: `  capreg coleta validate coleta.xlsx
  capreg coleta validate coleta.xlsx -o json
  capreg coleta validate coleta.xlsx -o junit --out coleta.xml`,
		ValidArgsFunction: completeArgs(0, workbookExts...),
		Args:              cobra.MinimumNArgs(1),
		RunE: runE(o, func(set *settings, args []string) error {
			o.Files, o.Lang = args, set.lang
			if err := set.guard(o.Force, []string{o.Out}, inputFiles(lang.M("a sheet to validate"), args)...); err != nil {
				return err
			}
			return set.outputFormat(&o.Output, o.Out, validateOutputs)
		}, runF, func(ctx context.Context, o *ColetaValidateOptions) error {
			return validateFiles(ctx, o.IO, "capreg coleta validate", o.Files, o.Output, csvDialect(o.CSVExcel), o.Out, o.Strict, o.Lang, app.ValidateColeta)
		}),
	}
	addOutputFlags(cmd, &o.Output, validateOutputs, &o.CSVExcel, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "fail (exit 2) on warnings too")
	return cmd
}

// ColetaFillOptions are the streams and settings of capreg coleta fill.
type ColetaFillOptions struct {
	IO            Streams
	File          string
	Beneficiarios string
	Mes           period.Month
	Out           string
	Registro      string
	Force         bool      // the output may replace an existing file
	Lang          lang.Lang // --lang, the root's
}

// NewCmdColetaFill builds capreg coleta fill; runF replaces the run (tests
// of flag parsing), nil runs it.
func NewCmdColetaFill(s Streams, runF func(context.Context, *ColetaFillOptions) error) *cobra.Command {
	o := &ColetaFillOptions{IO: s}
	var mes string // parsed into o.Mes
	cmd := &cobra.Command{
		Use:   "fill FILE --beneficiarios B --mes AAAA-MM",
		Short: "Fill fields 1, 2, 5, 6 and 7 of a month from the beneficiary data, into a new file",
		Long: `Count the beneficiary data (--beneficiarios: a .xlsx with a Beneficiarios sheet, or a .csv
with the same header, UTF-8 or Latin-1, separated by , or ;) and write the month's
fields into a copy of FILE: 1 registro ANS (from the sheet, or --registro), 2 the month
mmaaaa, 5 every beneficiary, 6 those marked promoprev S (only from the PROMOPREV start
in field 3 on), 7 those marked aps S (only from the APS homologation in field 4 on).

The month's row must exist, or be the month after the last row (a row is then added).
The input is never modified: the result goes to --out (default FILE-preenchido.xlsx).

` + exitCodesHelp,
		Example: `  capreg coleta fill coleta.xlsx --beneficiarios beneficiarios.csv --mes 2025-06
  capreg coleta fill coleta.xlsx --beneficiarios base.xlsx --mes 2025-07 --out coleta-julho.xlsx`,
		ValidArgsFunction: completeArgs(1, workbookExts...),
		Args:              cobra.ExactArgs(1),
		RunE: runE(o, func(set *settings, args []string) error {
			o.File, o.Lang = args[0], set.lang
			return o.complete(set, mes)
		}, runF, runColetaFill),
	}
	cmd.Flags().StringVar(&o.Beneficiarios, "beneficiarios", "", "beneficiary data: .xlsx with a Beneficiarios sheet, or .csv with the same header")
	completeFlag(cmd, "beneficiarios", completeFiles(tableExts...))
	cmd.Flags().StringVar(&mes, "mes", "", "the month to fill, AAAA-MM")
	cmd.Flags().StringVar(&o.Out, "out", "", "the filled workbook (default: FILE with -preenchido before .xlsx); never an input")
	addForceFlag(cmd, &o.Force)
	cmd.Flags().StringVar(&o.Registro, "registro", "", "registro ANS for field 1 when the sheet has none (6 digits)")
	return cmd
}

// complete checks --beneficiarios, reads --mes and defaults --out, and
// checks the files.
func (o *ColetaFillOptions) complete(set *settings, mes string) error {
	if o.Beneficiarios == "" {
		return usageError{lang.Errorf("--beneficiarios FILE is required (.xlsx with a Beneficiarios sheet, or .csv)")}
	}
	m, err := monthFlag("mes", mes)
	if err != nil {
		return err
	}
	if m == nil {
		return usageError{lang.Errorf("--mes AAAA-MM is required")}
	}
	o.Mes = *m
	if o.Out == "" {
		o.Out = filledName(o.File)
	}
	return set.guard(o.Force, []string{o.Out}, inputFile{lang.M("the sheet to fill"), o.File},
		inputFile{lang.M("the beneficiary file"), o.Beneficiarios})
}

// filledName is the default output of fill: coleta.xlsx → coleta-preenchido.xlsx.
func filledName(path string) string {
	ext := filepath.Ext(path)
	if !strings.EqualFold(ext, ".xlsx") {
		return path + "-preenchido.xlsx"
	}
	return strings.TrimSuffix(path, ext) + "-preenchido" + ext
}

func runColetaFill(ctx context.Context, o *ColetaFillOptions) error {
	counts, warnings, err := app.ColetaCounts(ctx, o.File, o.Beneficiarios)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(o.IO.Err, "capreg: %s\n", w.In(o.Lang))
	}
	f, err := app.FillColeta(ctx, o.File, o.Mes, counts, o.Registro)
	if err != nil {
		return err
	}
	defer f.Book.Close()
	if err := safeWrite(ctx, o.Out, func(w io.Writer) error { return f.Book.File.Write(w) }); err != nil {
		return err
	}
	_ = report.ColetaFilled(o.IO.Err, o.Out, f, app.ValidateColeta(ctx, o.Out), o.Lang) // stderr: nothing to do when it fails
	return nil
}

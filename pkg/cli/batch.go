package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/batch"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
)

// BatchOptions are the streams and settings of capreg batch.
type BatchOptions struct {
	IO                 Streams
	Args               []string
	Inputs             []batch.Input // Args expanded
	Jobs               int
	Factors            string
	Output             string
	CSVExcel           bool // --csv-excel
	Out                string
	FailOnInsufficient bool
	Rules              string
	CoverageWeighted   bool
	Headroom           bool      // --headroom
	Force              bool      // --out may replace an existing file
	Lang               lang.Lang // --lang, the root's
}

// NewCmdBatch builds capreg batch; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdBatch(s Streams, runF func(context.Context, *BatchOptions) error) *cobra.Command {
	o := &BatchOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "batch DIR|GLOB|WORKBOOK...",
		Short: "Compute many operators in parallel, one row each",
		Long: `Compute every workbook given, in parallel (--jobs, default every core), and report one
row per workbook in the order given: a directory gives its .xlsx workbooks sorted by name
(not its subdirectories; an .xls, .xlsm, .xlsb or .ods file there gets a row saying how to save
it as .xlsx), a quoted glob pattern the workbooks it matches.

A workbook that cannot be computed (unreadable, invalid) is reported in its row, with its
errors, and never stops the rest. A progress bar shows on stderr when it is a terminal;
the summary (computed, insufficient, failed, time) goes to stderr at the end.

Beneficiary data per operator: the workbook DIR/NAME.xlsx takes DIR/NAME.beneficiarios.csv
or DIR/NAME.beneficiarios.xlsx when one exists beside it (read streaming, as calc
--beneficiarios); such files are not themselves taken as workbooks.

Outputs: table; json (JSON Lines: one calc document per line plus "file" and "error",
null when computed); csv (one row per workbook); xlsx (a summary workbook: sheet Lote, a
row per operator; Grafico, the surplus of each operator; Parametros, the unconfirmed
parameters used and by how many operators; Erros, every error found); junit (JUnit XML:
a test case per workbook, failing when not computed or, with --fail-on-insufficient,
insufficient); github (GitHub Actions annotations: ::error for each error of a workbook
not computed, ::warning for each warning, and the insufficient operators).
json, csv and a table not to a terminal are written as the rows come, in order; --out
writes a file atomically. --headroom adds calc's headroom to json (its "headroom" object)
and xlsx (Lote's columns), at some tens of computations per operator.

` + exitCodesHelp + `
In a batch, 2 means some workbook could not be computed (the others were), and 3 that
some operator is insufficient (with --fail-on-insufficient).`,
		Example: `  capreg batch operadoras/
  capreg batch 'mercado/*.xlsx' --jobs 4 --output json > resultado.jsonl
  capreg batch operadoras/ --output xlsx --out lote.xlsx
  capreg batch operadoras/ --output csv --fail-on-insufficient
  capreg batch operadoras/ --output junit --out lote.xml --fail-on-insufficient`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeArgs(0, workbookExts...),
		RunE:              runE(o, o.complete, runF, runBatch),
	}
	cmd.Flags().IntVarP(&o.Jobs, "jobs", "j", 0, "workbooks computed at once (0 = one per core)")
	completeFlag(cmd, "jobs", completeValues(jobValues()...))
	addFactorsFlag(cmd, &o.Factors)
	addOutputFlags(cmd, &o.Output, batchOutputs, &o.CSVExcel, &o.Out, &o.Force)
	addFailOnInsufficientFlag(cmd, &o.FailOnInsufficient, "some operator's ")
	addCoverageWeightedFlag(cmd, &o.CoverageWeighted, " (needs each operator's beneficiary data)")
	cmd.Flags().BoolVar(&o.Headroom, "headroom", false, "also search each operator's headroom, as calc shows it (json and xlsx outputs; some tens of computations per operator)")
	return cmd
}

// complete takes the workbooks from args and the rules file from set,
// checks --jobs (0: one per core), --output and --factors, and expands the
// workbooks given, whose files the output must not be.
func (o *BatchOptions) complete(set *settings, args []string) error {
	o.Args, o.Rules, o.Lang = args, set.rules, set.lang
	if o.Jobs < 0 {
		return usageError{lang.Errorf("--jobs %s: give a number of workers ≥ 1 (0 = one per core)", fmt.Sprint(o.Jobs))}
	}
	if o.Jobs == 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}
	if err := checkOutput(o.IO, set, &o.Output, o.Out, batchOutputs); err != nil {
		return err
	}
	if err := checkFactors(o.Factors); err != nil {
		return err
	}
	if o.Headroom && o.Output != "json" && o.Output != "xlsx" {
		return usageError{lang.Errorf("--headroom adds columns to the json and xlsx outputs only, not to %s (--output json or xlsx; or leave --headroom, CAPREG_HEADROOM and the config key headroom unset)", o.Output)}
	}
	o.Inputs = batch.Inputs(o.Args)
	var files []inputFile
	for _, in := range o.Inputs {
		files = append(files, inputFile{lang.M("a workbook of the batch"), in.Workbook}, inputFile{lang.M("a beneficiary file of the batch"), in.Beneficiarios})
	}
	return set.guard(o.Force, []string{o.Out}, files...)
}

// batchGCPercent is the garbage collector's target during a batch: a batch
// keeps little alive (a workbook per worker, a line per operator), so a
// larger target trades some megabytes for far less collector work, which
// otherwise takes a share of the cores from the workers.
const batchGCPercent = 400

func runBatch(ctx context.Context, o *BatchOptions) error {
	start := time.Now()
	if os.Getenv("GOGC") == "" { // the user's own setting wins
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	}
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		return err
	}
	opt := app.BatchOptions{Inputs: o.Inputs, Rulebook: rb, Jobs: o.Jobs, Headroom: o.Headroom,
		Capital: capital.Options{Factors: o.Factors, CoverageWeighted: o.CoverageWeighted}}
	bar := progressBar(o.IO, len(o.Inputs), o.Lang)
	if bar != nil {
		opt.Done = func() { _ = bar.Add(1) }
	}
	var sum app.BatchSummary
	err = writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) (err error) {
		sum, err = writeBatch(ctx, w, o, opt)
		return err
	})
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Err, "capreg batch: %s\n", report.BatchSummary(o.Lang, sum, time.Since(start)))
	switch {
	case sum.Internal > 0:
		return lang.Errorf("%d workbook(s) met an internal error; their rows say where", sum.Internal)
	case sum.Failed > 0:
		return errFindings // the rows say why
	case o.FailOnInsufficient && sum.Insufficient > 0:
		return lang.Errorf("%d operator(s) with PLA below CR: %w", sum.Insufficient, errInsufficient)
	}
	return nil
}

// progressBar is the batch's progress bar on stderr when it is a terminal,
// else nil; its words in language l.
func progressBar(s Streams, n int, l lang.Lang) *progressbar.ProgressBar {
	if !s.ErrTTY {
		return nil
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(s.Err),
		progressbar.OptionSetDescription(l.T(lang.BatchProgress)), progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetWidth(30))
}

// finishedBatch is a batch output that takes the lines as they come into a
// temporary place and writes the whole document only when the batch is
// done (the xlsx workbook, the JUnit suite whose counts come first).
type finishedBatch interface {
	Write(*report.BatchLine) error
	Finish(io.Writer) error
	Close() error
}

// runFinished runs the batch into the output open makes, then writes it
// whole to w; the output is closed (its temporary data removed) either way.
func runFinished(run func(func(*report.BatchLine) error) (app.BatchSummary, error), w io.Writer, open func() (finishedBatch, error)) (app.BatchSummary, error) {
	f, err := open()
	if err != nil {
		return app.BatchSummary{}, err
	}
	defer f.Close()
	sum, err := run(f.Write)
	if err != nil {
		return sum, err
	}
	return sum, f.Finish(w)
}

// writeBatch runs the batch into w in the format asked: every format takes
// the lines as they come and keeps none of them.
func writeBatch(ctx context.Context, w io.Writer, o *BatchOptions, opt app.BatchOptions) (app.BatchSummary, error) {
	run := func(emit func(*report.BatchLine) error) (app.BatchSummary, error) {
		return app.Batch(ctx, opt, func(r *app.BatchRow) *report.BatchLine { return report.NewBatchLine(r, o.Lang) }, emit)
	}
	switch o.Output {
	case "json":
		return run(func(l *report.BatchLine) error { return report.BatchJSONLine(w, l) })
	case "csv":
		c, err := report.NewBatchCSV(w, csvDialect(o.CSVExcel))
		if err != nil {
			return app.BatchSummary{}, err
		}
		return run(c.Write)
	case "xlsx":
		return runFinished(run, w, func() (finishedBatch, error) { return report.NewBatchXLSX(o.Lang, o.Headroom) })
	case "junit":
		return runFinished(run, w, func() (finishedBatch, error) { return report.NewBatchJUnit(o.FailOnInsufficient, o.Lang) })
	case "github":
		return run(report.NewBatchGitHub(w, o.FailOnInsufficient, o.Lang).Write)
	}
	t := report.NewBatchTable(w, !o.IO.OutTTY || o.Out != "", o.Lang)
	sum, err := run(t.Write)
	if err != nil {
		return sum, err
	}
	return sum, t.Close()
}

package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/batch"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// BatchOptions are the settings of capreg batch.
type BatchOptions struct {
	Args               []string
	Jobs               int
	Factors            string
	Output             string
	Out                string
	FailOnInsufficient bool
	Rules              string
	CoverageWeighted   bool
	Force              bool // --out may replace an existing file
}

// NewCmdBatch builds capreg batch; runF replaces the run (tests of flag
// parsing), nil runs it.
func NewCmdBatch(s Streams, runF func(context.Context, *BatchOptions) error) *cobra.Command {
	o := &BatchOptions{}
	cmd := &cobra.Command{
		Use:   "batch DIR|GLOB|WORKBOOK...",
		Short: "Compute many operators in parallel, one row each",
		Long: `Compute every workbook given, in parallel (--jobs, default every core), and report one
row per workbook in the order given: a directory gives its .xlsx workbooks sorted by name
(not its subdirectories), a quoted glob pattern the workbooks it matches.

A workbook that cannot be computed (unreadable, invalid) is reported in its row, with its
errors, and never stops the rest. A progress bar shows on stderr when it is a terminal;
the summary (computed, insufficient, failed, time) goes to stderr at the end.

Beneficiary data per operator: the workbook DIR/NAME.xlsx takes DIR/NAME.beneficiarios.csv
or DIR/NAME.beneficiarios.xlsx when one exists beside it (read streaming, as calc
--beneficiarios); such files are not themselves taken as workbooks.

Outputs: table; json (JSON Lines: one calc document per line plus "file" and "error",
null when computed); csv (one row per workbook); xlsx (a summary workbook: sheet Lote, a
row per operator; Grafico, the surplus of each operator; Parametros, the unconfirmed
parameters used and by how many operators; Erros, every error found).
json, csv and a table not to a terminal are written as the rows come, in order; --out
writes a file atomically.

` + exitCodesHelp + `
In a batch, 2 means some workbook could not be computed (the others were), and 3 that
some operator is insufficient (with --fail-on-insufficient).`,
		Example: `  capreg batch operadoras/
  capreg batch 'mercado/*.xlsx' --jobs 4 --output json > resultado.jsonl
  capreg batch operadoras/ --output xlsx --out lote.xlsx
  capreg batch operadoras/ --output csv --fail-on-insufficient`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			o.Args, o.Rules = args, set.rules
			if o.Jobs < 0 {
				return usageError{fmt.Errorf("--jobs %d: give a number of workers ≥ 1 (0 = one per core)", o.Jobs)}
			}
			if o.Jobs == 0 {
				o.Jobs = runtime.GOMAXPROCS(0)
			}
			if err := checkOutputFactors(s, set, &o.Output, o.Out, o.Factors); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runBatch(cmd, s, set, o)
		},
	}
	cmd.Flags().IntVarP(&o.Jobs, "jobs", "j", 0, "workbooks computed at once (0 = one per core)")
	cmd.Flags().StringVar(&o.Factors, "factors", capital.Auto, "factor set: auto, "+strings.Join(capital.Sets(), ", "))
	addOutputFlags(cmd, &o.Output, calcOutputs, &o.Out, &o.Force)
	cmd.Flags().BoolVar(&o.FailOnInsufficient, "fail-on-insufficient", false, "exit 3 when some operator's PLA < CR (for CI gates)")
	cmd.Flags().BoolVar(&o.CoverageWeighted, "coverage-weighted", false, "scale each program's share by the fraction of beneficiaries it covers (needs each operator's beneficiary data)")
	return cmd
}

// batchRow computes one input of a batch into its row; a bad workbook or a
// bug met in it becomes the row's error, never the batch's.
func batchRow(ctx context.Context, in batch.Input, rb *rules.Rulebook, opt capital.Options) (row *report.BatchRow) {
	row = &report.BatchRow{File: in.Workbook, Beneficiarios: in.Beneficiarios}
	defer func() {
		if p := recover(); p != nil {
			row.Doc, row.Error, row.Internal = nil, fmt.Sprintf("internal error (a bug, please report it): %v", p), true
		}
	}()
	if in.Err != nil {
		row.Error = in.Err.Error()
		return row
	}
	c, err := Calculate(ctx, in.Workbook, in.Beneficiarios, rb, opt)
	switch {
	case err != nil:
		rowFailed(row, err)
		row.Internal = exitCodeOf(err) == ExitInternal && ctx.Err() == nil
	default:
		row.Doc = report.NewDocument(c.Result, c.Warnings, report.Meta{File: in.Workbook, RulebookVer: rb.Versao, RulesFile: rb.UserFile()})
	}
	return row
}

// batchGCPercent is the garbage collector's target during a batch: a batch
// keeps little alive (a workbook per worker, a row per operator), so a
// larger target trades some megabytes for far less collector work, which
// otherwise takes a share of the cores from the workers.
const batchGCPercent = 400

func runBatch(cmd *cobra.Command, s Streams, set *settings, o *BatchOptions) error {
	start := time.Now()
	if os.Getenv("GOGC") == "" { // the user's own setting wins
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	}
	inputs := batch.Inputs(o.Args)
	var files []inputFile
	for _, in := range inputs {
		files = append(files, inputFile{"a workbook of the batch", in.Workbook}, inputFile{"a beneficiary file of the batch", in.Beneficiarios})
	}
	if err := set.guard(o.Force, []string{o.Out}, files...); err != nil {
		return err
	}
	rb, err := loadRules(o.Rules)
	if err != nil {
		return err
	}
	opt := capital.Options{Factors: o.Factors, CoverageWeighted: o.CoverageWeighted}
	var bar *progressbar.ProgressBar
	var done func()
	if s.ErrTTY {
		bar = progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(s.Err),
			progressbar.OptionSetDescription("computing"), progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetWidth(30))
		done = func() { _ = bar.Add(1) }
	}
	var sum report.BatchSummary
	run := func(emit func(*report.BatchRow) error) error {
		return batch.Run(cmd.Context(), len(inputs), o.Jobs,
			func(ctx context.Context, i int) *report.BatchRow { return batchRow(ctx, inputs[i], rb, opt) },
			func(_ int, r *report.BatchRow) error {
				sum.Add(r)
				return emit(r)
			}, done)
	}
	// Every format takes the rows as they come and keeps none of them.
	err = writeOutput(cmd, o.Out, s.Out, func(w io.Writer) error {
		switch o.Output {
		case "json":
			return run(func(r *report.BatchRow) error { return report.BatchJSONLine(w, r) })
		case "csv":
			c, err := report.NewBatchCSV(w)
			if err != nil {
				return err
			}
			return run(c.Write)
		case "xlsx":
			x, err := report.NewBatchXLSX()
			if err != nil {
				return err
			}
			defer x.Close()
			if err := run(x.Write); err != nil {
				return err
			}
			return x.Finish(w)
		}
		t := report.NewBatchTable(w, !s.OutTTY || o.Out != "")
		if err := run(t.Write); err != nil {
			return err
		}
		return t.Close()
	})
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return err
	}
	sum.Elapsed = time.Since(start)
	fmt.Fprintf(s.Err, "capreg batch: %s\n", sum)
	switch {
	case sum.Internal > 0:
		return fmt.Errorf("%d workbook(s) met an internal error; their rows say where", sum.Internal)
	case sum.Failed > 0:
		return errFindings // the rows say why
	case o.FailOnInsufficient && sum.Insufficient > 0:
		return fmt.Errorf("%d operator(s) with PLA below CR: %w", sum.Insufficient, errInsufficient)
	}
	return nil
}

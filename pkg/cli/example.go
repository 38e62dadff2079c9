package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/rules"
)

// Where --beneficiarios rows go.
const (
	benefAuto  = "auto"  // the sheet up to its limit, a CSV file beyond
	benefSheet = "sheet" // the workbook's Beneficiarios sheet
	benefCSV   = "csv"   // NAME.beneficiarios.csv next to the workbook
	benefXLSX  = "xlsx"  // NAME.beneficiarios.xlsx next to the workbook
)

var benefFormats = []string{benefAuto, benefSheet, benefCSV, benefXLSX}

// ExampleOptions are the streams and settings of capreg example.
type ExampleOptions struct {
	IO            Streams
	Path          string // FILE, or DIR with --market
	Seed          uint64
	Market        int   // operators to write into Path; 0: one example into FILE
	Beneficiarios int64 // beneficiary rows per operator; 0: none
	Format        string
	Force         bool      // existing files may be replaced
	Lang          lang.Lang // --lang, the root's
	// Balancetes, when not "", is the directory of the operator's
	// balancetes and DIOPS-XML (with Market, of a subdirectory per
	// operator, named as its workbook without .xlsx).
	Balancetes string
	Rules      string // the rules file whose balancete mapping the accounts follow; "" the default
	mapping    *rules.Balancete
}

// NewCmdExample builds capreg example; runF replaces the run (tests of
// flag parsing), nil runs it.
func NewCmdExample(s Streams, runF func(context.Context, *ExampleOptions) error) *cobra.Command {
	o := &ExampleOptions{IO: s}
	cmd := &cobra.Command{
		Use:   "example FILE | example --market N DIR",
		Short: "Write a filled, realistic input workbook (deterministic with --seed), or a market of them",
		Long: `Write a filled, realistic input workbook of a fictitious operator, deterministic with --seed
(seed 1 is the shipped example).

--beneficiarios N adds N beneficiary rows coherent with the operator (its contraprestações
cells, products, remission bases and programs), streamed: up to 1048575 rows go to the
Beneficiarios sheet of the workbook, more to a CSV file beside it. The beneficiary file of
DIR/NAME.xlsx is always named DIR/NAME.beneficiarios.csv (or .beneficiarios.xlsx), which is
where capreg batch looks for it. --beneficiarios-format chooses: auto (default), sheet, csv
or xlsx (a separate workbook with a Beneficiarios sheet).

--market N DIR writes N varied operators into DIR (created if missing), operadora-0001.xlsx
and so on: modalidades, sizes, regions, programs and capital differ, a few are insufficient
(PLA < CR). Each file is written whole or not at all.

--balancetes DIR writes, beside the workbook, the operator's accounts into DIR (created if
missing), coherent to the centavo with the workbook: the 13 monthly ERP exports
balancete-AAAA-MM.csv (the data base 2025-09 and the 12 months before it), the ANS open-data
file of each quarter they end (dados-abertos-NTAAAA.csv) and the quarterly DIOPS-XML of the
data base (diops-3T2025.xml) with its balancete and the quadros of remission, credit, funds
and ALM. capreg import reproduces every derivable field of the workbook from them. Each field
takes the first account of its mapping in the rulebook (--rules applies). With --market,
each operator's files go to DIR/NAME/ (DIR/operadora-0001/ and so on).`,
		Example: `  capreg example exemplo.xlsx
  capreg example outro.xlsx --seed 7
  capreg example grande.xlsx --beneficiarios 1000000
  capreg example grande.xlsx --beneficiarios 1048575 --beneficiarios-format csv
  capreg calc grande.xlsx --beneficiarios grande.beneficiarios.csv --coverage-weighted
  capreg example --market 1000 mercado --seed 42
  capreg example exemplo.xlsx --balancetes contas
  capreg import --balancete contas/balancete-*.csv --diops contas/diops-3T2025.xml --base exemplo.xlsx --out importado.xlsx`,
		Args: cobra.ExactArgs(1),
	}
	cmd.RunE = runE(o, func(set *settings, args []string) error {
		o.Path, o.Lang = args[0], set.lang
		if err := o.check(cmd.Flags().Changed("market"), cmd.Flags().Changed("beneficiarios")); err != nil {
			return err
		}
		o.Rules = set.rules
		return set.guard(o.Force, o.targets())
	}, runF, runExample)
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "seed of the generated operator (1 is the shipped example), or of the market")
	cmd.Flags().Int64Var(&o.Beneficiarios, "beneficiarios", 0, "add N beneficiary rows (sheet up to 1048575 rows, CSV beyond)")
	cmd.Flags().StringVar(&o.Format, "beneficiarios-format", benefAuto, "where the beneficiary rows go: "+strings.Join(benefFormats, ", ")+
		" (csv, xlsx: FILE's NAME.beneficiarios.csv|.xlsx beside it)")
	cmd.Flags().IntVar(&o.Market, "market", 0, fmt.Sprintf("write N varied operators into the directory DIR (at most %d)", generate.MaxMarket))
	cmd.Flags().StringVar(&o.Balancetes, "balancetes", "", "also write the operator's balancetes and DIOPS-XML into the directory DIR (with --market: DIR/NAME/)")
	addForceFlag(cmd, &o.Force)
	return cmd
}

// check refuses contradictory or impossible flags (usage errors).
func (o *ExampleOptions) check(market, benef bool) error {
	var err error
	// A flag's value is quoted as typed (%s: no digit grouping).
	switch n, rows := fmt.Sprint(o.Market), fmt.Sprint(o.Beneficiarios); {
	case market && o.Market <= 0:
		err = lang.Errorf("--market %s: give the number of operators, at least 1", n)
	case market && o.Market > generate.MaxMarket:
		err = lang.Errorf("--market %s: at most %d operators", n, generate.MaxMarket)
	case market && strings.EqualFold(filepath.Ext(o.Path), ".xlsx"):
		err = lang.Errorf("--market writes %d workbooks into a directory: give DIR, not the file %s", o.Market, o.Path)
	case o.Balancetes != "" && !isDir(o.Balancetes) && exists(o.Balancetes):
		err = lang.Errorf("--balancetes %s is a file: give the directory the balancetes go to", o.Balancetes)
	case !market && isDir(o.Path):
		err = lang.Errorf("%s is a directory: give FILE.xlsx, or --market N %s to fill it with operators", o.Path, o.Path)
	case benef && o.Beneficiarios <= 0:
		err = lang.Errorf("--beneficiarios %s: give the number of beneficiary rows, at least 1", rows)
	case !slices.Contains(benefFormats, o.Format):
		err = lang.Errorf("--beneficiarios-format %q: use one of %s", o.Format, strings.Join(benefFormats, ", "))
	case o.Format != benefAuto && !benef:
		err = lang.Errorf("--beneficiarios-format %s needs --beneficiarios N", o.Format)
	case (o.Format == benefSheet || o.Format == benefXLSX) && o.Beneficiarios > generate.MaxSheetRows:
		err = lang.Errorf("--beneficiarios %s does not fit in an xlsx sheet (at most %d rows): use --beneficiarios-format csv (or auto)",
			rows, generate.MaxSheetRows)
	}
	if err != nil {
		return usageError{err}
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// format is where the beneficiary rows go ("" without rows).
func (o *ExampleOptions) format() string {
	switch {
	case o.Beneficiarios <= 0:
		return ""
	case o.Format != benefAuto:
		return o.Format
	case o.Beneficiarios > generate.MaxSheetRows:
		return benefCSV
	}
	return benefSheet
}

// targets are the files the command writes: each operator's workbook and
// its beneficiary file, if any.
func (o *ExampleOptions) targets() []string {
	paths := []string{o.Path}
	if o.Market > 0 {
		paths = paths[:0]
		for i := 1; i <= o.Market; i++ {
			paths = append(paths, filepath.Join(o.Path, generate.MarketFile(i, o.Market)))
		}
	}
	books := paths
	if f := o.format(); f == benefCSV || f == benefXLSX {
		for _, p := range books {
			paths = append(paths, layout.BeneficiaryFile(p, f))
		}
	}
	if o.Balancetes != "" {
		for _, p := range books {
			for _, name := range generate.BalanceteNames() {
				paths = append(paths, filepath.Join(o.balanceteDir(p), name))
			}
		}
	}
	return paths
}

// balanceteDir is the directory of the balancetes of the operator whose
// workbook is at path.
func (o *ExampleOptions) balanceteDir(path string) string {
	if o.Market > 0 {
		return filepath.Join(o.Balancetes, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	}
	return o.Balancetes
}

func runExample(ctx context.Context, o *ExampleOptions) error {
	if o.Balancetes != "" {
		rb, err := app.LoadRules(o.Rules)
		if err != nil {
			return err
		}
		o.mapping = &rb.Balancete
	}
	if o.Market > 0 {
		return writeMarket(ctx, o)
	}
	files, err := writeOperator(ctx, generate.NewExample(o.Seed), o.Path, o)
	for _, f := range files {
		fmt.Fprintln(o.IO.Err, o.Lang.T(lang.Wrote, f))
	}
	return err
}

// writeOperator writes an operator's workbook at path and its beneficiary
// file, if any, first: a workbook never names a file that is not there.
// It returns the files written.
func writeOperator(ctx context.Context, op *generate.Operator, path string, o *ExampleOptions) ([]string, error) {
	var files []string
	tmp := filepath.Dir(path) // streamed sheets wait beside the output, not in a RAM-backed /tmp
	wopt := generate.WorkbookOptions{TmpDir: tmp}
	switch format := o.format(); format {
	case benefSheet:
		wopt.Beneficiarios = o.Beneficiarios
	case benefCSV, benefXLSX:
		bf := layout.BeneficiaryFile(path, format)
		if err := writeBeneficiaryFile(ctx, op, bf, format, o.Beneficiarios, tmp); err != nil {
			return files, err
		}
		files = append(files, bf)
		wopt.BeneficiaryFile, wopt.BeneficiaryRows = filepath.Base(bf), o.Beneficiarios
	}
	f, _, err := op.Workbook(ctx, wopt)
	if err != nil {
		return files, err
	}
	defer f.Close()
	if err := safeWrite(ctx, path, func(w io.Writer) error { return f.Write(w) }); err != nil {
		return files, err
	}
	files = append(files, path)
	if o.mapping == nil {
		return files, nil
	}
	bfs, err := op.Balancetes(o.mapping)
	if err != nil {
		return files, app.InvalidError{Err: err}
	}
	dir := o.balanceteDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return files, app.InvalidError{Err: lang.Errorf("cannot create the directory %w", app.NewFileError(dir, err))}
	}
	for _, bf := range bfs {
		p := filepath.Join(dir, bf.Name)
		if err := safeWrite(ctx, p, func(w io.Writer) error { _, err := w.Write(bf.Data); return err }); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}

// writeBeneficiaryFile writes n beneficiary rows of op at path, as CSV or
// as a workbook (format benefCSV or benefXLSX).
func writeBeneficiaryFile(ctx context.Context, op *generate.Operator, path, format string, n int64, tmp string) error {
	if format == benefCSV {
		return safeWrite(ctx, path, func(w io.Writer) error {
			_, err := op.WriteBeneficiaryCSV(ctx, w, n)
			return err
		})
	}
	f, _, err := op.BeneficiaryWorkbook(ctx, n, tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	return safeWrite(ctx, path, func(w io.Writer) error { return f.Write(w) })
}

// writeMarket writes o.Market operators into the directory o.Path, one per
// core at a time; the first failure stops the rest.
func writeMarket(parent context.Context, o *ExampleOptions) error {
	if err := os.MkdirAll(o.Path, 0o755); err != nil {
		return app.InvalidError{Err: lang.Errorf("cannot create the directory %w", app.NewFileError(o.Path, err))}
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	jobs := make(chan int)
	for range min(runtime.GOMAXPROCS(0), o.Market) {
		wg.Go(func() {
			for i := range jobs {
				path := filepath.Join(o.Path, generate.MarketFile(i, o.Market))
				_, err := writeOperator(ctx, generate.MarketOperator(o.Seed, i, o.Market), path, o)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				mu.Unlock()
			}
		})
	}
feed:
	for i := 1; i <= o.Market; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = parent.Err()
	}
	if firstErr != nil {
		return firstErr
	}
	l, what := o.Lang, ""
	switch o.format() {
	case benefSheet:
		what = l.T(lang.WroteMarketSheet, l.Count(int(o.Beneficiarios)))
	case benefCSV, benefXLSX:
		what = l.T(lang.WroteMarketFile, l.Count(int(o.Beneficiarios)), l.T(lang.NamePlaceholder), o.format())
	}
	if o.Balancetes != "" {
		what += l.T(lang.WroteMarketBalancetes, filepath.Join(o.Balancetes, l.T(lang.NamePlaceholder)))
	}
	// no error: every operator was fed and written
	fmt.Fprintln(o.IO.Err, l.T(lang.WroteMarket, l.Count(o.Market), o.Path,
		generate.MarketFile(1, o.Market), generate.MarketFile(o.Market, o.Market), what))
	return nil
}

// Command bench measures capreg against baselines in the same run (make
// bench): every figure is the median wall time and the peak RSS of real
// processes on the same files, the baseline run interleaved with capreg.
//
//	go run ./scripts/bench [-capreg bin/capreg] [-dir bin/bench] [-budget 60s] [-reps 3] [-only e,f]
//
// The data (a 1,048,575-row beneficiary sheet as .xlsx, as .csv and inside
// an input workbook, markets of 1,000 and 3,000 operators, and an open-data
// quarter of about 2,000,000 balancete rows) is generated into -dir, once,
// with capreg example and by this program (opendata.go): a manifest of the
// commands that wrote it tells what is there already. -only generates the
// data of the figures it names alone.
//
// The baselines are this program run as "bench -baseline
// excelize|csv|csv-semicolon FILE": the bare loops of the libraries capreg
// reads with (see baseline.go), and for (f) capreg version.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	if len(os.Args) == 4 && os.Args[1] == "-baseline" {
		os.Exit(runBaseline(os.Args[2], os.Args[3]))
	}
	capreg := flag.String("capreg", "bin/capreg", "the capreg binary to measure")
	dir := flag.String("dir", "bin/bench", "where the generated data goes")
	example := flag.String("example", "examples/operadora-exemplo.xlsx", "the typical operator of the calc figure")
	reps := flag.Int("reps", 3, "runs of each measurement, at most (the median is reported)")
	budget := flag.Duration("budget", 60*time.Second, "no further run of a figure once its runs took this long")
	rows := flag.Int("rows", 1048575, "beneficiary rows of (a) and (b)")
	market := flag.Int("market", 1000, "operators of (c)")
	bigMarket := flag.Int("big-market", 3000, "operators of (d), the batch's peak RSS in each format")
	operators := flag.Int("operators", 1000, "operators of the open-data quarter of (e), about 2,000 rows each")
	only := flag.String("only", "", "the figures to run, comma-separated, of a, b, calc, c, d, e, f (default all)")
	strict := flag.Bool("strict", false, "exit 1 when a figure misses its target (a gate; figures on a shared machine vary)")
	flag.Parse()
	b := &bench{capreg: *capreg, reps: max(1, *reps), budget: *budget, strict: *strict}
	if *only != "" {
		b.only = strings.Split(*only, ",")
		for _, f := range b.only {
			if !slices.Contains(figures, f) {
				fmt.Fprintf(os.Stderr, "bench: -only: no figure %q (%s)\n", f, strings.Join(figures, ", "))
				os.Exit(2)
			}
		}
	}
	if err := b.run(*dir, *example, *rows, *market, *bigMarket, *operators); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// figures are the names -only takes.
var figures = []string{"a", "b", "calc", "c", "d", "e", "f"}

type bench struct {
	capreg string
	self   string
	only   []string // the figures to run; none: all
	reps   int
	budget time.Duration
	strict bool
	table  []row
	mem    []memRow
}

// row is one line of the report.
type row struct {
	figure           string
	capreg, baseline time.Duration // 0: none
	runs             int
	ratio            float64
	target           string
	rssMB            float64
	rssTarget        float64 // 0: none
	ok               bool
}

// memRow is one line of the memory report: a peak RSS against its target
// and a baseline measured in the same run.
type memRow struct {
	figure        string
	wall          time.Duration
	rssMB, baseMB float64
	targetMB      float64
	ok            bool
}

// chosen tells whether figure runs.
func (b *bench) chosen(figure string) bool {
	return len(b.only) == 0 || slices.Contains(b.only, figure)
}

func (b *bench) run(dir, example string, rows, market, bigMarket, operators int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	b.self = self
	if _, err := os.Stat(b.capreg); err != nil {
		return fmt.Errorf("no capreg binary at %s (make build)", b.capreg)
	}
	d, err := b.data(dir, rows, market, bigMarket, operators)
	if err != nil {
		return err
	}
	calc := func(args ...string) []string {
		return append([]string{b.capreg, "calc"}, append(args, "--coverage-weighted", "-o", "json")...)
	}
	if err := b.beneficiarios(d, calc, rows); err != nil {
		return err
	}
	// A typical calc, process start to exit.
	if b.chosen("calc") {
		if err := b.absolute("calc of "+filepath.Base(example)+", process start to exit", []string{b.capreg, "calc", example}, 150*time.Millisecond, 10); err != nil {
			return err
		}
	}
	// (c) batch: --jobs 2 against --jobs 1.
	if b.chosen("c") {
		if err := b.batch(d.market, market); err != nil {
			return err
		}
	}
	// (d) batch: peak RSS in each output format.
	if b.chosen("d") {
		if err := b.batchRSS(d.bigMarket, d.out, bigMarket); err != nil {
			return err
		}
	}
	// (e) one operator of the open-data quarter. Quarterly data only: the
	// import writes the balance items, leaves the monthly sheets with a
	// warning each (CR-W051, CR-W052) and exits 0, as measure expects.
	if b.chosen("e") {
		if _, err := b.pair(fmt.Sprintf("(e) open-data quarter, %d operators: import --registro vs bare encoding/csv", operators),
			[]string{b.capreg, "import", "--balancete", d.openData, "--registro", openDataRegistro, "--data-base", "2025-09",
				"--out", filepath.Join(d.out, "import-e.xlsx"), "--force"},
			[]string{b.self, "-baseline", "csv-semicolon", d.openData}, 1.5, 50); err != nil {
			return err
		}
	}
	// (f) one operator from its 13 monthly ERP files and its DIOPS-XML.
	if b.chosen("f") {
		if err := b.importERP(d.out); err != nil {
			return err
		}
	}
	b.print()
	for _, r := range b.table {
		if !r.ok && b.strict {
			return fmt.Errorf("a figure misses its target (-strict)")
		}
	}
	for _, r := range b.mem {
		if !r.ok && b.strict {
			return fmt.Errorf("a figure misses its target (-strict)")
		}
	}
	return nil
}

// beneficiarios is figures (a) and (b): calc with a million beneficiary
// rows against the bare loops of the libraries that read them.
func (b *bench) beneficiarios(d *dataset, calc func(...string) []string, rows int) error {
	n := fmt.Sprintf("%d", rows)
	if b.chosen("a") {
		// (a) the .xlsx beneficiary file, then the same rows as a sheet of the workbook.
		if _, err := b.pair("(a) "+n+"-row .xlsx: calc --beneficiarios vs bare excelize Rows loop",
			calc(d.xlsxOp, "--beneficiarios", d.xlsx), []string{b.self, "-baseline", "excelize", d.xlsx}, 1.15, 150); err != nil {
			return err
		}
		if _, err := b.pair("(a) same rows in the workbook's Beneficiarios sheet: calc vs bare loop",
			calc(d.sheetOp), []string{b.self, "-baseline", "excelize", d.sheetOp}, 1.15, 150); err != nil {
			return err
		}
	}
	if b.chosen("b") {
		// (b) the same rows as CSV.
		if _, err := b.pair("(b) "+n+"-row .csv: calc --beneficiarios vs bare encoding/csv loop",
			calc(d.csvOp, "--beneficiarios", d.csv), []string{b.self, "-baseline", "csv", d.csv}, 1.5, 50); err != nil {
			return err
		}
	}
	return nil
}

// importTarget is the most process time (user + system) the import of one
// operator from its monthly ERP files and its DIOPS-XML may take.
const importTarget = 300 * time.Millisecond

// importERP is figure (f): capreg import of the fixture operator from its
// 13 monthly ERP files and its DIOPS-XML (testdata/balancete), its process
// time against that of capreg version, interleaved, the median of at least
// 10 runs each.
func (b *bench) importERP(out string) error {
	files, err := filepath.Glob("testdata/balancete/erp-csv/balancete-*.csv")
	if err != nil || len(files) != 13 {
		return fmt.Errorf("testdata/balancete/erp-csv: %d monthly files, want 13 (run the bench from the repository's root)", len(files))
	}
	cmd := []string{b.capreg, "import"}
	for _, f := range files {
		cmd = append(cmd, "--balancete", f)
	}
	cmd = append(cmd, "--diops", "testdata/balancete/diops/diops-3T2025.xml", "--out", filepath.Join(out, "import-f.xlsx"), "--force")
	vs, cs, err := b.interleave(max(b.reps, 10), run([]string{b.capreg, "version"}), run(cmd))
	if err != nil {
		return err
	}
	c, base := medianCPU(cs), medianCPU(vs)
	b.table = append(b.table, row{figure: "(f) import of 13 ERP files + DIOPS-XML vs capreg version (process time)",
		capreg: c, baseline: base, runs: len(cs), ratio: c.Seconds() / base.Seconds(), target: "≤ " + importTarget.String(),
		rssMB: maxRSS(cs), ok: c <= importTarget})
	return nil
}

// pair measures capreg and its baseline, interleaved, and adds the row.
func (b *bench) pair(figure string, capreg, baseline []string, maxRatio, rssMB float64) (row, error) {
	bs, cs, err := b.interleave(b.reps, run(baseline), run(capreg))
	if err != nil {
		return row{}, err
	}
	r := b.add(figure, median(cs), median(bs), len(cs), maxRatio, rssMB, maxRSS(cs))
	return r, nil
}

func (b *bench) add(figure string, c, base time.Duration, runs int, maxRatio, rssMB, rss float64) row {
	r := row{figure: figure, capreg: c, baseline: base, runs: runs, ratio: c.Seconds() / base.Seconds(),
		target: fmt.Sprintf("≤ %.2f×", maxRatio), rssMB: rss, rssTarget: rssMB}
	r.ok = r.ratio <= maxRatio && (rssMB == 0 || rss <= rssMB)
	b.table = append(b.table, r)
	return r
}

// absolute measures a command against a time target.
func (b *bench) absolute(figure string, cmd []string, target time.Duration, reps int) error {
	var cs []sample
	for range reps {
		s, err := measure(cmd)
		if err != nil {
			return err
		}
		cs = append(cs, s)
	}
	m := median(cs)
	b.table = append(b.table, row{figure: figure, capreg: m, runs: len(cs), target: "≤ " + target.String(),
		rssMB: maxRSS(cs), ok: m <= target})
	return nil
}

// batch is figure (c): the speedup of --jobs 2 over --jobs 1, and 2 jobs
// within 60 s; then the machine's own ceiling for the same work: two
// separate --jobs 1 processes, each on half the operators, run at once,
// against one of them alone (nothing shared between them, so what they
// lose to each other is the machine's: two vCPUs that are not two whole
// cores, shared caches, memory bandwidth).
func (b *bench) batch(dir string, n int) error {
	cmd := func(jobs string) []string {
		return []string{b.capreg, "batch", dir, "--jobs", jobs, "--output", "json"}
	}
	one, two, err := b.interleave(b.reps, run(cmd("1")), run(cmd("2")))
	if err != nil {
		return err
	}
	j1, j2 := median(one), median(two)
	speedup := j1.Seconds() / j2.Seconds()
	b.table = append(b.table, row{figure: fmt.Sprintf("(c) batch of %d operators: --jobs 2 vs --jobs 1 (ratio: speedup)", n),
		capreg: j2, baseline: j1, runs: len(two), ratio: speedup, target: "≥ 1.70× and ≤ 60s",
		rssMB: maxRSS(two), ok: speedup >= 1.7 && j2 <= 60*time.Second})

	files, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil || len(files) < 2 {
		return fmt.Errorf("no market in %s", dir)
	}
	half := func(h []string) []string {
		return append([]string{b.capreg, "batch", "--jobs", "1", "--output", "json"}, h...)
	}
	first, second := half(files[:len(files)/2]), half(files[len(files)/2:])
	alone, both, err := b.interleave(b.reps, run(first), func() (sample, error) { return measureTogether(first, second) })
	if err != nil {
		return err
	}
	ceiling := 2 * median(alone).Seconds() / median(both).Seconds()
	b.table = append(b.table, row{figure: "(c) this machine's ceiling: 2 separate --jobs 1 processes on halves vs 1 alone",
		capreg: median(both), baseline: median(alone), runs: len(both), ratio: ceiling,
		target: fmt.Sprintf("batch at %.0f%%", 100*speedup/ceiling), rssMB: maxRSS(both), ok: true})
	return nil
}

// batchRSSTarget is the most a batch may hold in memory, in MB, whatever the
// number of operators and the output format.
const batchRSSTarget = 150

// batchRSS is figure (d): the peak RSS of a batch of n operators written
// with --out in each output format, one run each, against the same batch
// of its first operator alone (what a batch costs before its rows), so the
// ratio is what n operators add.
func (b *bench) batchRSS(dir, out string, n int) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no market in %s", dir)
	}
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"json", "jsonl"}, {"csv", "csv"}, {"xlsx", "xlsx"}} {
		file := filepath.Join(out, "batch."+f.ext)
		cmd := func(in string) []string {
			return []string{b.capreg, "batch", in, "-o", f.format, "--out", file, "--force"}
		}
		one, err := measure(cmd(files[0]))
		if err != nil {
			return err
		}
		all, err := measure(cmd(dir))
		if err != nil {
			return err
		}
		if err := os.Remove(file); err != nil {
			return fmt.Errorf("the batch wrote no %s: %v", file, err)
		}
		b.mem = append(b.mem, memRow{figure: fmt.Sprintf("(d) batch of %d operators -o %s --out FILE", n, f.format),
			wall: all.wall, rssMB: all.rssMB, baseMB: one.rssMB, targetMB: batchRSSTarget, ok: all.rssMB <= batchRSSTarget})
	}
	return nil
}

// interleave runs x and y in turns, up to reps times each within -budget,
// alternating which goes first so an order effect (a warm page cache, the
// host's turbo) favours neither.
func (b *bench) interleave(reps int, x, y func() (sample, error)) (xs, ys []sample, err error) {
	start := time.Now()
	for len(xs) < reps && (len(xs) == 0 || time.Since(start) < b.budget) {
		first, second := x, y
		if len(xs)%2 == 1 {
			first, second = y, x
		}
		s1, err := first()
		if err != nil {
			return nil, nil, err
		}
		s2, err := second()
		if err != nil {
			return nil, nil, err
		}
		if len(xs)%2 == 1 {
			s1, s2 = s2, s1
		}
		xs, ys = append(xs, s1), append(ys, s2)
	}
	return xs, ys, nil
}

// run is measure(args) to call later.
func run(args []string) func() (sample, error) {
	return func() (sample, error) { return measure(args) }
}

// measureTogether runs two commands at once and returns the wall time until
// both ended, with the larger peak RSS.
func measureTogether(a, c []string) (sample, error) {
	start := time.Now()
	done := make(chan error, 1)
	var other sample
	go func() {
		s, err := measure(c)
		other = s
		done <- err
	}()
	s, err := measure(a)
	if err2 := <-done; err == nil {
		err = err2
	}
	return sample{wall: time.Since(start), rssMB: max(s.rssMB, other.rssMB)}, err
}

func (b *bench) print() {
	w := os.Stdout
	fmt.Fprintf(w, "\n%-78s %10s %10s %4s %7s %-18s %9s %s\n", "figure", "capreg", "baseline", "runs", "ratio", "target", "peak RSS", "")
	for _, r := range b.table {
		base, ratio := "-", "-"
		if r.baseline > 0 {
			base, ratio = secs(r.baseline), fmt.Sprintf("%.2f×", r.ratio)
		}
		rss := fmt.Sprintf("%.0f MB", r.rssMB)
		if r.rssTarget > 0 {
			rss += fmt.Sprintf(" (≤ %.0f)", r.rssTarget)
		}
		verdict := "PASS"
		if !r.ok {
			verdict = "MISS"
		}
		fmt.Fprintf(w, "%-78s %10s %10s %4d %7s %-18s %9s %s\n", r.figure, secs(r.capreg), base, r.runs, ratio, r.target, rss, verdict)
	}
	fmt.Fprintf(w, "\ntimes are medians of the runs (wall clock, process start to exit; (f): process time, user + system); peak RSS is the largest of capreg's runs\n")
	if len(b.mem) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-50s %10s %9s %9s %12s %7s\n", "figure (one run each)", "capreg", "peak RSS", "target", "1 operator", "ratio")
	for _, r := range b.mem {
		verdict := "PASS"
		if !r.ok {
			verdict = "MISS"
		}
		fmt.Fprintf(w, "%-50s %10s %6.0f MB %9s %9.0f MB %6.1f× %s\n", r.figure, secs(r.wall), r.rssMB,
			fmt.Sprintf("≤ %.0f MB", r.targetMB), r.baseMB, r.rssMB/r.baseMB, verdict)
	}
	fmt.Fprintf(w, "1 operator: the peak RSS of the same command on the market's first operator alone, in the same run; ratio: peak RSS over it\n")
}

func secs(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// sample is one run of a command.
type sample struct {
	wall  time.Duration
	cpu   time.Duration // user + system
	rssMB float64
}

// measure runs args (stdout discarded) and returns its wall time and peak
// RSS; a failure gives its stderr.
func measure(args []string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, tail(stderr.String()))
	}
	ps := cmd.ProcessState
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rssMB: peakRSS(ps)}, nil
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

// median is the median wall time of s.
func median(s []sample) time.Duration {
	w := make([]time.Duration, len(s))
	for i, x := range s {
		w[i] = x.wall
	}
	return middle(w)
}

// medianCPU is the median process time of s.
func medianCPU(s []sample) time.Duration {
	w := make([]time.Duration, len(s))
	for i, x := range s {
		w[i] = x.cpu
	}
	return middle(w)
}

func middle(w []time.Duration) time.Duration {
	slices.Sort(w)
	if len(w)%2 == 1 {
		return w[len(w)/2]
	}
	return (w[len(w)/2-1] + w[len(w)/2]) / 2
}

func maxRSS(s []sample) float64 {
	m := 0.0
	for _, x := range s {
		m = max(m, x.rssMB)
	}
	return m
}

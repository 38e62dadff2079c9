package generate

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// tally counts rows (header first) as the layout defines them, apart from
// the generator and from pkg/beneficiarios.
func tally(t *testing.T, rows [][]string) *capital.Beneficiarios {
	t.Helper()
	want := []string{"id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"}
	if !slices.Equal(rows[0], want) {
		t.Fatalf("header %v, want %v", rows[0], want)
	}
	b := &capital.Beneficiarios{Remissao: map[ans.Remissao]int64{}, PorProduto: map[string]int64{}}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		if ids[r[0]] {
			t.Fatalf("id %s twice", r[0])
		}
		ids[r[0]] = true
		b.Total++
		b.PorProduto[r[1]]++
		b.Remissao[ans.Remissao(r[4])]++
		for i, dst := range []*int64{&b.Promoprev, &b.PartoAdequado, &b.APS} {
			if r[5+i] == "S" {
				*dst++
			} else if r[5+i] != "N" {
				t.Fatalf("flag %q", r[5+i])
			}
		}
	}
	return b
}

func sameCounts(t *testing.T, what string, got, want *capital.Beneficiarios) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s: no counts", what)
	}
	g, w := *got, *want
	g.Source, w.Source = "", ""
	clean := func(m map[ans.Remissao]int64) map[ans.Remissao]int64 {
		out := map[ans.Remissao]int64{}
		for k, v := range m {
			if v != 0 {
				out[k] = v
			}
		}
		return out
	}
	g.Remissao, w.Remissao = clean(g.Remissao), clean(w.Remissao)
	if g.Total != w.Total || g.Promoprev != w.Promoprev || g.PartoAdequado != w.PartoAdequado || g.APS != w.APS ||
		!mapsEqual(g.Remissao, w.Remissao) || !mapsEqual(g.PorProduto, w.PorProduto) {
		t.Errorf("%s: counts\n got %+v\nwant %+v", what, g, w)
	}
}

func mapsEqual[K comparable](a, b map[K]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func csvBytes(t *testing.T, o *Operator, n int64) ([]byte, *capital.Beneficiarios) {
	t.Helper()
	var buf bytes.Buffer
	c, err := o.WriteBeneficiaryCSV(context.Background(), &buf, n)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), c
}

// deterministic writes n rows of the example of seed with write, twice from
// fresh operators, and fails unless the bytes are the same; it returns the
// operator, the bytes and the counts of the first.
func deterministic(t *testing.T, what string, write func(*testing.T, *Operator, int64) ([]byte, *capital.Beneficiarios),
	seed uint64, n int64) (*Operator, []byte, *capital.Beneficiarios) {
	t.Helper()
	o := NewExample(seed)
	data, counts := write(t, o, n)
	if again, _ := write(t, NewExample(seed), n); !bytes.Equal(data, again) {
		t.Fatalf("the same seed and row count gave different %s bytes", what)
	}
	return o, data, counts
}

// The CSV rows: deterministic, counted right by the generator and by
// pkg/beneficiarios, and coherent with the operator's workbook.
func TestBeneficiaryCSV(t *testing.T) {
	t.Parallel()
	const n = 5000
	o, b1, said := deterministic(t, "CSV", csvBytes, 7, n)
	if b3, _ := csvBytes(t, NewExample(8), n); bytes.Equal(b1, b3) {
		t.Error("seeds 7 and 8 gave the same CSV")
	}
	// the first rows do not depend on how many follow
	short, _ := csvBytes(t, o, 100)
	if !bytes.HasPrefix(b1, short) {
		t.Error("the first 100 rows of 5000 differ from a file of 100")
	}
	rows, err := csv.NewReader(bytes.NewReader(b1)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 {
		t.Fatalf("%d lines, want %d", len(rows), n+1)
	}
	want := tally(t, rows)
	sameCounts(t, "generator", said, want)
	read, l, err := beneficiarios.ReadCSV(context.Background(), bytes.NewReader(b1), "b.csv")
	if err != nil || len(l) > 0 {
		t.Fatalf("ReadCSV: %v %v", err, l)
	}
	sameCounts(t, "beneficiarios.ReadCSV", read, want)

	// coherent with the operator: cells of Contraprestacoes, programs it has
	// a date for, remission where its base is not zero, a realistic mix
	v := read2(t, o)
	cells := map[string]bool{}
	for _, r := range v.records["Contraprestacoes"] {
		cells[r["tipo_contratacao"]+"/"+r["segmento"]] = true
	}
	for _, r := range rows[1:] {
		if !cells[r[2]+"/"+r[3]] {
			t.Fatalf("row %v: cell %s/%s has no contraprestações", r, r[2], r[3])
		}
		if r[0][:6] != o.Registro {
			t.Fatalf("id %s does not start with the registro %s", r[0], o.Registro)
		}
	}
	if want.Promoprev < n/20 || want.Promoprev > n/3 {
		t.Errorf("%d of %d in PROMOPREV, want 5–33 %%", want.Promoprev, n)
	}
	if want.PartoAdequado != 0 || want.APS != 0 {
		t.Errorf("Parto Adequado %d, APS %d: the operator has no such certification", want.PartoAdequado, want.APS)
	}
	remitted := n - want.Remissao["nenhuma"]
	if remitted == 0 || remitted > n/10 {
		t.Errorf("%d of %d with remission, want a few", remitted, n)
	}
	if len(want.PorProduto) < 6 {
		t.Errorf("%d products, want at least one per cell", len(want.PorProduto))
	}
}

// read2 reads an operator's workbook (without beneficiaries) as records.
func read2(t *testing.T, o *Operator) view {
	t.Helper()
	f, _, err := o.Workbook(context.Background(), WorkbookOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return read(t, f)
}

// compute reads workbook bytes as capreg calc does and computes them; it
// fails on any error finding.
func compute(t *testing.T, data []byte, opt capital.Options) (*capital.Result, findings.List) {
	t.Helper()
	in, l, _ := workbook.Read(context.Background(), bytes.NewReader(data))
	if in == nil {
		t.Fatalf("unreadable: %v", l)
	}
	rb := rulestest.Default(t)
	l = append(l, capital.Check(in, rb)...)
	if l.HasErrors() {
		t.Fatalf("error findings: %v", l)
	}
	res, err := capital.Compute(in, rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res, append(l, res.Warnings...)
}

func codes(l findings.List) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code)
	}
	return out
}

func workbookBytes(t *testing.T, o *Operator, n int64) ([]byte, *capital.Beneficiarios) {
	t.Helper()
	f, c, err := o.Workbook(context.Background(), WorkbookOptions{Beneficiarios: n, TmpDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), c
}

// The Beneficiarios sheet holds the same rows as the CSV, read back right by
// both readers, and the workbook computes coverage-weighted without a
// beneficiary warning.
func TestBeneficiarySheet(t *testing.T) {
	t.Parallel()
	const n = 3000
	o, data, said := deterministic(t, "workbook", workbookBytes, 3, n)
	csvData, _ := csvBytes(t, o, n)
	rows, err := csv.NewReader(bytes.NewReader(csvData)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := tally(t, rows)
	sameCounts(t, "generator", said, want)

	f := open(t, data)
	sheetRows := rawRows(t, f, "Beneficiarios")
	if len(sheetRows) != n+1 {
		t.Fatalf("%d rows in the sheet, want %d", len(sheetRows), n+1)
	}
	if !slices.Equal(sheetRows[n], rows[n]) {
		t.Errorf("last row: sheet %v, CSV %v", sheetRows[n], rows[n])
	}
	if dim, _ := f.GetSheetDimension("Beneficiarios"); dim != "A1:H3001" {
		t.Errorf("dimension %s, want A1:H3001", dim)
	}
	if len(validations(t, f, "Beneficiarios")) == 0 {
		t.Error("the Beneficiarios sheet lost its drop-down lists")
	}

	path := filepath.Join(t.TempDir(), "op.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	read, l, err := beneficiarios.Read(context.Background(), path)
	if err != nil || len(l) > 0 {
		t.Fatalf("beneficiarios.Read: %v %v", err, l)
	}
	sameCounts(t, "beneficiarios.Read", read, want)

	res, warnings := compute(t, data, capital.Options{CoverageWeighted: true})
	for _, c := range codes(warnings) {
		if c == findings.ProgramNoData || c == findings.RemissionMismatch {
			t.Errorf("warning %s: the beneficiaries disagree with the operator: %v", c, warnings)
		}
	}
	if res.CR == nil || res.CR.Value.Sign() <= 0 {
		t.Error("no CR")
	}
}

// The separate beneficiary workbook holds the CSV's rows.
func TestBeneficiaryWorkbook(t *testing.T) {
	t.Parallel()
	const n = 1000
	o := NewExample(1)
	f, said, err := o.BeneficiaryWorkbook(context.Background(), n, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	path := filepath.Join(t.TempDir(), "op.beneficiarios.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, fromCSV := csvBytes(t, o, n)
	sameCounts(t, "generator", said, fromCSV)
	read, l, err := beneficiarios.Read(context.Background(), path)
	if err != nil || len(l) > 0 {
		t.Fatalf("beneficiarios.Read: %v %v", err, l)
	}
	sameCounts(t, "beneficiarios.Read", read, fromCSV)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Beneficiarios"}) {
		t.Errorf("sheets %v", got)
	}
}

func TestBeneficiaryLimitsAndInterrupt(t *testing.T) {
	t.Parallel()
	if MaxSheetRows != excelize.TotalRows-1 {
		t.Errorf("MaxSheetRows = %d, want Excel's %d rows less the header", MaxSheetRows, excelize.TotalRows)
	}
	if excelize.TotalRows != 1_048_576 {
		t.Errorf("excelize.TotalRows = %d, want Excel's 1048576", excelize.TotalRows)
	}
	o := NewExample(1)
	if _, _, err := o.Workbook(context.Background(), WorkbookOptions{Beneficiarios: MaxSheetRows + 1}); err == nil {
		t.Error("a sheet of 1048576 beneficiary rows was accepted")
	}
	if _, _, err := o.BeneficiaryWorkbook(context.Background(), MaxSheetRows+1, ""); err == nil {
		t.Error("a beneficiary workbook of 1048576 rows was accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := o.WriteBeneficiaryCSV(ctx, io.Discard, 100_000); !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted CSV: %v, want context.Canceled", err)
	}
	if _, _, err := o.Workbook(ctx, WorkbookOptions{Beneficiarios: 100_000, TmpDir: t.TempDir()}); !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted sheet: %v, want context.Canceled", err)
	}
}

package generate

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
)

// beneficiariosSheet is the layout's beneficiary sheet.
const beneficiariosSheet = "Beneficiarios"

// MaxSheetRows is the most beneficiary rows one sheet holds: Excel's
// 1 048 576 rows less the header. More go to a CSV file.
const MaxSheetRows = excelize.TotalRows - 1

// fitsSheet refuses more beneficiary rows than a sheet holds.
func fitsSheet(n int64) error {
	if n > MaxSheetRows {
		return lang.Errorf("%d beneficiary rows do not fit in a sheet (at most %d): write them to a CSV file", n, MaxSheetRows)
	}
	return nil
}

// checkEvery is how many rows are written between looks at the context.
const checkEvery = 4096

// Remission codes of the Beneficiarios sheet, in the order of the Remissao
// bases (ca_temporaria, ca_vitalicia, pr_temporaria, pr_vitalicia), and how
// many in 10 000 individual or coletivo por adesão beneficiaries have each:
// contracts with a remission clause are common, remitted beneficiaries few.
var (
	remissionCodes = [4]string{string(ans.ClausulaTemporaria), string(ans.ClausulaVitalicia), string(ans.RemidoTemporario), string(ans.RemidoVitalicio)}
	remissionRate  = [4]int64{600, 150, 50, 30}
)

// benefCell is a tipo_contratacao × segmento cell with its products.
type benefCell struct {
	tipo, segmento string
	products       []string
	cum            []int64 // cumulative product weights
}

// benefPlan is how an operator's beneficiary rows are drawn: cells weighted
// by the beneficiaries they cover, products of the cell, remission only
// where the Remissao base is not zero, program flags only for the programs
// the operator has a date for.
type benefPlan struct {
	registro string
	cells    []benefCell
	cum      []int64 // cumulative cell weights
	// How many in 10 000 beneficiaries are covered by each program (0 when
	// the operator is not in it). Parto Adequado and APS cover
	// médico-hospitalar beneficiaries only.
	promoprev, partoAdequado, aps int64
	remit                         [4]bool
	seed                          uint64
}

// plan draws the operator's products and program shares. It has its own
// random stream, so the workbook does not depend on the row count.
func (o *Operator) plan() *benefPlan {
	d := newDraw(o.Seed ^ 0x6a09e667f3bcc908)
	pl := &benefPlan{registro: o.Registro, remit: o.p.remissao, seed: o.Seed ^ 0xbb67ae8584caa73b}
	cells := o.p.cells
	if len(cells) == 0 { // an administradora: the collective contracts it administers
		cells = []priceCell{{string(ans.ColetivoAdesao), string(ans.MedicoHospitalar), 0, 1}}
	}
	seen := map[string]bool{}
	var total int64
	for _, c := range cells {
		bc := benefCell{tipo: c.tipo, segmento: c.segmento}
		n := 1 + d.intn(min(5, 1+c.heads/2_000))
		var cum int64
		for k := range n {
			code := ""
			for code == "" || seen[code] {
				// registro de produto na ANS: nine digits
				code = strconv.FormatInt(d.between(400_000_000, 499_999_999), 10)
			}
			seen[code] = true
			bc.products = append(bc.products, code)
			cum += 60 / (k + 1) // the first product sells most
			bc.cum = append(bc.cum, cum)
		}
		pl.cells = append(pl.cells, bc)
		total += max(c.heads, 1)
		pl.cum = append(pl.cum, total)
	}
	if o.p.promoprev {
		pl.promoprev = d.between(800, 2_500)
	}
	if o.p.partoAdequado {
		pl.partoAdequado = d.between(200, 600)
	}
	if o.p.aps {
		pl.aps = d.between(1_000, 3_500)
	}
	return pl
}

// rowGen draws beneficiary rows one at a time and counts them.
type rowGen struct {
	p      *benefPlan
	d      *draw
	n      int64
	counts capital.Beneficiarios
	vals   [8]string // id, produto, tipo_contratacao, segmento, remissao, promoprev, parto_adequado, aps
}

func (o *Operator) rows(source string) *rowGen {
	p := o.plan()
	return &rowGen{p: p, d: newDraw(p.seed), counts: capital.Beneficiarios{
		Source: source, Remissao: map[ans.Remissao]int64{}, PorProduto: map[string]int64{}}}
}

// weighted returns the index of the first cumulative weight above a draw.
func (g *rowGen) weighted(cum []int64) int {
	x := g.d.intn(cum[len(cum)-1])
	for i, c := range cum {
		if x < c {
			return i
		}
	}
	return len(cum) - 1
}

func (g *rowGen) flag(per10k int64, dst *int64) string {
	if per10k > 0 && g.d.intn(10_000) < per10k {
		*dst++
		return "S"
	}
	return "N"
}

// id is row g.n's id: the registro and g.n in at least nine digits, as
// fmt's "%09d" would write it, built in one allocation (it runs per row).
func (g *rowGen) id() string {
	var buf [32]byte
	b := append(buf[:0], g.p.registro...)
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], g.n, 10)
	for range 9 - len(d) {
		b = append(b, '0')
	}
	return string(append(b, d...))
}

// next draws the next row into g.vals.
func (g *rowGen) next() []string {
	g.n++
	p, b := g.p, &g.counts
	c := &p.cells[g.weighted(p.cum)]
	produto := c.products[g.weighted(c.cum)]
	rem := string(ans.Nenhuma)
	if c.tipo == string(ans.Individual) || c.tipo == string(ans.ColetivoAdesao) {
		x := g.d.intn(10_000)
		for i, rate := range remissionRate {
			if x < rate {
				if p.remit[i] {
					rem = remissionCodes[i]
				}
				break
			}
			x -= rate
		}
	}
	medico := c.segmento == string(ans.MedicoHospitalar)
	pa, aps := int64(0), int64(0)
	if medico {
		pa, aps = p.partoAdequado, p.aps
	}
	g.vals = [8]string{
		g.id(), produto, c.tipo, c.segmento, rem,
		g.flag(p.promoprev, &b.Promoprev), g.flag(pa, &b.PartoAdequado), g.flag(aps, &b.APS),
	}
	b.Total++
	b.PorProduto[produto]++
	b.Remissao[ans.Remissao(rem)]++
	return g.vals[:]
}

// header is the Beneficiarios header row, in layout order.
func header() []string {
	s, _ := layout.Lookup(beneficiariosSheet)
	h := make([]string, len(s.Fields))
	for i, fd := range s.Fields {
		h[i] = fd.Name
	}
	return h
}

// streamRows writes n rows to the (empty, formatted) Beneficiarios sheet of
// b with excelize's StreamWriter, which keeps them in a temporary file.
func (o *Operator) streamRows(ctx context.Context, b *book, n int64) (*capital.Beneficiarios, error) {
	h := header()
	if err := b.f.SetSheetDimension(beneficiariosSheet, "A1:"+cellName(len(h), int(n)+1)); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(beneficiariosSheet)
	if err != nil {
		return nil, err
	}
	row := make([]any, len(h))
	for i, v := range h {
		row[i] = excelize.Cell{StyleID: b.st.header, Value: v}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return nil, err
	}
	g := o.rows(beneficiariosSheet)
	for r := int64(1); r <= n; r++ {
		if r%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for i, v := range g.next() {
			row[i] = v
		}
		if err := sw.SetRow("A"+strconv.FormatInt(r+1, 10), row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	return &g.counts, nil
}

// BeneficiaryWorkbook returns a beneficiary file as a workbook: a
// Beneficiarios sheet of n rows (at most MaxSheetRows), streamed, for
// capreg calc --beneficiarios FILE.xlsx.
func (o *Operator) BeneficiaryWorkbook(ctx context.Context, n int64, tmpDir string) (*excelize.File, *capital.Beneficiarios, error) {
	if err := fitsSheet(n); err != nil {
		return nil, nil, err
	}
	b := &book{f: excelize.NewFile(excelize.Options{TmpDir: tmpDir})}
	s, _ := layout.Lookup(beneficiariosSheet)
	err := b.f.SetSheetName(b.f.GetSheetName(0), beneficiariosSheet)
	if err == nil {
		err = b.newStyles()
	}
	if err == nil {
		err = b.writeTableSheet(s)
	}
	if err == nil {
		err = b.f.SetDocProps(docProps(fmt.Sprintf("capreg — beneficiários fictícios da operadora %s", o.Registro),
			"Beneficiários fictícios ("+layout.Version+")"))
	}
	if err != nil {
		return nil, nil, b.fail(err)
	}
	counts, err := o.streamRows(ctx, b, n)
	if err != nil {
		return nil, nil, b.fail(err)
	}
	return b.f, counts, nil
}

// WriteBeneficiaryCSV writes n beneficiary rows to w as CSV (UTF-8, comma
// separated, the Beneficiarios header), streamed, and returns their counts.
// The rows are those the sheet of the same operator and n would hold.
func (o *Operator) WriteBeneficiaryCSV(ctx context.Context, w io.Writer, n int64) (*capital.Beneficiarios, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	writeLine := func(vals []string) {
		// no value the generator writes needs quoting: digits and codes
		for i, v := range vals {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(v)
		}
		bw.WriteByte('\n')
	}
	writeLine(header())
	g := o.rows(beneficiariosSheet)
	for r := int64(1); r <= n; r++ {
		if r%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		writeLine(g.next())
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return &g.counts, nil
}

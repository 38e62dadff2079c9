package generate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/layout"
)

// Values of the example's cells, by how they are written.
type (
	// cents is an amount in centavos, written as a numeric cell
	// float64(cents)/100, which excelize writes in the shortest form that
	// reads back exactly (1234567.89).
	cents int64
	// day is a date, written as a date cell (yyyy-mm-dd).
	day time.Time
	// monthCell is a month, written as a date cell on its first day
	// (yyyy-mm). A month given as a string is written as text AAAA-MM.
	monthCell time.Time
	// ratio is a fraction (hc, idss, fpr), written as a numeric cell.
	ratio float64
)

// record is one row of a table sheet, or the whole of a campo | valor sheet:
// field name to value (string, int, cents, day, monthCell or ratio). Fields
// absent from the record stay empty.
type record map[string]any

// exampleSheet is the example's data of one sheet.
type exampleSheet struct {
	name string
	rows []record // one record for a campo | valor sheet
}

// dataBase is the example's reference month; its window is the 12 months
// ending there.
var dataBase = time.Date(2025, time.September, 1, 0, 0, 0, 0, time.UTC)

// Example returns a filled input workbook for a fictitious mid-size
// medicina de grupo operator (SSP, região 2, data base 2025-09, about 80 000
// beneficiaries), deterministic for a seed. Seed 1 is the shipped example.
// It has every sheet of the layout but Beneficiarios.
func Example(seed uint64) (*excelize.File, error) {
	data := exampleData(seed)
	var sheets []layout.Sheet
	for _, s := range layout.Sheets() {
		if s.Name != "Beneficiarios" {
			sheets = append(sheets, s)
		}
	}
	b, err := newBook(sheets, []string{
		fmt.Sprintf("Este arquivo é um EXEMPLO FICTÍCIO, gerado por \"capreg example --seed %d\": uma operadora de medicina de grupo,", seed),
		"segmentação SSP, região 2, data base 2025-09, com cerca de 80 mil beneficiários. Nenhum valor corresponde a uma operadora real.",
	})
	if err != nil {
		return nil, err
	}
	if err := b.fill(sheets, data); err != nil {
		return nil, b.fail(err)
	}
	if err := b.f.SetDocProps(docProps(fmt.Sprintf("capreg — exemplo fictício (seed %d)", seed),
		"Planilha de entrada preenchida com uma operadora fictícia ("+layout.Version+")")); err != nil {
		return nil, b.fail(err)
	}
	return b.f, nil
}

// ExampleBytes returns Example(seed) as xlsx bytes, identical on every call.
func ExampleBytes(seed uint64) ([]byte, error) {
	f, err := Example(seed)
	if err != nil {
		return nil, err
	}
	return toBytes(f)
}

// fill writes data into the empty sheets newBook wrote.
func (b *book) fill(sheets []layout.Sheet, data []exampleSheet) error {
	for _, d := range data {
		i := slices.IndexFunc(sheets, func(s layout.Sheet) bool { return s.Name == d.name })
		if i < 0 {
			return fmt.Errorf("example data for sheet %s, which the layout does not have", d.name)
		}
		s := sheets[i]
		if s.Kind == layout.Fields && len(d.rows) != 1 {
			return fmt.Errorf("sheet %s: a campo | valor sheet takes one record, not %d", s.Name, len(d.rows))
		}
		for r, rec := range d.rows {
			if err := b.writeRecord(s, r, rec); err != nil {
				return fmt.Errorf("sheet %s: %w", s.Name, err)
			}
		}
	}
	return nil
}

// writeRecord writes the r-th record (0-based) of sheet s, in layout order.
func (b *book) writeRecord(s layout.Sheet, r int, rec record) error {
	keys := make([]string, 0, len(rec))
	for k := range rec {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if _, ok := s.Field(k); !ok {
			return fmt.Errorf("no field %s in the layout", k)
		}
	}
	for i, fd := range s.Fields {
		v, ok := rec[fd.Name]
		if !ok {
			continue
		}
		cell := cellName(2, i+2) // campo | valor: the field's row, column B
		if s.Kind == layout.Table {
			cell = cellName(i+1, r+2)
		}
		if err := b.writeValue(s.Name, cell, v); err != nil {
			return fmt.Errorf("%s (%s): %w", fd.Name, cell, err)
		}
	}
	return nil
}

func (b *book) writeValue(sheet, cell string, v any) error {
	f := b.f
	switch v := v.(type) {
	case string:
		return f.SetCellStr(sheet, cell, v)
	case int:
		if err := f.SetCellInt(sheet, cell, int64(v)); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, b.st.integer)
	case cents:
		if err := f.SetCellFloat(sheet, cell, float64(v)/100, -1, 64); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, b.st.money)
	case ratio:
		return f.SetCellFloat(sheet, cell, float64(v), -1, 64)
	case day:
		return b.timeCell(sheet, cell, time.Time(v), b.st.date)
	case monthCell:
		return b.timeCell(sheet, cell, time.Time(v), b.st.month)
	}
	return fmt.Errorf("no way to write a %T", v)
}

// timeCell writes a date cell. excelize gives it a default date format; the
// style is set afterwards so that ours wins.
func (b *book) timeCell(sheet, cell string, t time.Time, style int) error {
	if err := b.f.SetCellValue(sheet, cell, t); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

// draw is the example's random source. It uses the PCG generator's raw
// output and integer arithmetic only, so that a seed gives the same workbook
// on every Go release and platform (math/rand/v2 does not promise stable
// streams from its derived methods; floating point may fuse differently).
type draw struct{ src *rand.PCG }

func newDraw(seed uint64) *draw {
	return &draw{src: rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)}
}

// intn returns an integer in [0, n).
func (d *draw) intn(n int64) int64 { return int64(d.src.Uint64() % uint64(n)) }

// between returns an integer in [lo, hi].
func (d *draw) between(lo, hi int64) int64 { return lo + d.intn(hi-lo+1) }

// around returns reais (whole reais) moved by a random fraction within
// ±spread parts per million, in centavos, with random centavos.
func (d *draw) around(reais, spread int64) cents {
	c := scale(cents(reais*100), 1_000_000+d.between(-spread, spread))
	return c - c%100 + cents(d.intn(100))
}

// scale returns c × ppm / 1 000 000, rounded half away from zero.
func scale(c cents, ppm int64) cents {
	p := int64(c) * ppm
	if p < 0 {
		return cents(-((-p + 500_000) / 1_000_000))
	}
	return cents((p + 500_000) / 1_000_000)
}

// pick returns one of the options.
func pick[T any](d *draw, options []T) T { return options[d.intn(int64(len(options)))] }

// Per cent as parts per million.
const pct = 10_000

// priceCell is one pricing cell of Contraprestacoes with its nominal monthly
// amount in reais.
type priceCell struct {
	tipo, segmento string
	monthly        int64
}

var exampleCells = []priceCell{
	{"individual", "medico_hospitalar", 6_000_000},
	{"coletivo_adesao", "medico_hospitalar", 3_000_000},
	{"coletivo_empresarial", "medico_hospitalar", 12_000_000},
	{"corresponsabilidade_assumida", "medico_hospitalar", 300_000},
	{"individual", "odontologico", 100_000},
	{"coletivo_empresarial", "odontologico", 400_000},
}

// exampleData draws the example operator, in layout order.
func exampleData(seed uint64) []exampleSheet {
	d := newDraw(seed)
	registro := func(not ...string) string {
		for {
			r := fmt.Sprintf("%06d", d.between(300_000, 399_999))
			if !slices.Contains(not, r) {
				return r
			}
		}
	}
	dayIn := func(from time.Time, days int64) day { return day(from.AddDate(0, 0, int(d.intn(days)))) }

	// Operadora
	own := registro()
	operadora := record{
		"registro_ans": own,
		"razao_social": "Exemplo " + pick(d, []string{"Horizonte", "Serra Azul", "Vale Verde", "Litoral", "Planalto", "Bom Pastor"}) +
			" " + pick(d, []string{"Saúde", "Assistência Médica", "Medicina de Grupo"}) + " " + pick(d, []string{"Ltda.", "S.A."}),
		"data_base":                 dataBase.Format("2006-01"), // a month as text
		"modalidade":                "medicina_de_grupo",
		"segmentacao":               "SSP",
		"regiao":                    2,
		"hc":                        ratio(0.35),
		"governanca_relatorio_data": dayIn(time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC), 120),
		"promoprev_aprovacao":       dayIn(time.Date(2024, time.February, 1, 0, 0, 0, 0, time.UTC), 240),
		"idss":                      ratio(0.72),
	}
	for _, s := range layout.Situacoes {
		operadora[s] = "N"
	}

	// PLA
	pla := record{
		"pl":                       d.around(150_000_000, 5*pct),
		"ded_participacoes":        d.around(3_000_000, 15*pct),
		"ded_creditos_tributarios": d.around(1_500_000, 15*pct),
		"ded_despesas_diferidas":   d.around(400_000, 15*pct),
		"ded_despesas_antecipadas": d.around(800_000, 15*pct),
		"ded_intangivel":           d.around(2_500_000, 15*pct),
		"ded_goodwill":             d.around(1_000_000, 15*pct),
	}

	// Contraprestacoes (competência as text) and Eventos (as date cells):
	// each cell at its level ±8 %, growing 0,4 % a month with ±1,5 % noise;
	// eventos 80 % ±5 % of the month's contraprestações.
	levels := make([]cents, len(exampleCells))
	for i, c := range exampleCells {
		levels[i] = d.around(c.monthly, 8*pct)
	}
	var contra, eventos []record
	var total cents
	for m := range 12 {
		month := dataBase.AddDate(0, m-11, 0)
		var monthTotal cents
		for i, c := range exampleCells {
			v := scale(levels[i], 1_000_000+int64(m-11)*4_000+d.between(-15_000, 15_000))
			monthTotal += v
			contra = append(contra, record{
				"competencia": month.Format("2006-01"), "tipo_contratacao": c.tipo, "segmento": c.segmento, "valor": v,
			})
		}
		total += monthTotal
		eventos = append(eventos, record{"competencia": monthCell(month), "valor": scale(monthTotal, d.between(75*pct, 85*pct))})
	}

	// ABI: about 40 notices of R$ 1.000 to R$ 50.000, more small than large.
	var abi []record
	n := d.between(36, 44)
	for i := range n {
		v := 100_000 + min(d.intn(4_900_001), d.intn(4_900_001))
		abi = append(abi, record{
			"id_aviso": fmt.Sprintf("ABI %d/%06d", d.between(95, 101), 1000+int64(i)*37+d.intn(37)),
			"valor":    cents(v),
		})
	}

	remissao := record{
		"ca_temporaria": d.around(2_000_000, 10*pct),
		"ca_vitalicia":  d.around(500_000, 10*pct),
		"pr_temporaria": d.around(1_200_000, 10*pct),
		"pr_vitalicia":  d.around(800_000, 10*pct),
	}

	// Credito_Operadoras: three counterparties; the last owes less than it
	// is owed (debits far above credits), so its exposure nets negative.
	counterparty := func(reg, grau string, c2, c3, c4, c5, c6, c7, d8, d9, d10 int64) record {
		v := func(reais int64) cents { return d.around(reais, 15*pct) }
		return record{
			"registro_ans": reg, "grau_risco": grau,
			"creditos_operacoes": v(c2), "intercambio_receber": v(c3),
			"creditos_programas": v(c4), "ppsc_programas": v(c5),
			"creditos_adm_programas": v(c6), "ppsc_adm_programas": v(c7),
			"debitos_operacoes": v(d8), "pesl_intercambio": v(d9), "debitos_adm_programas": v(d10),
		}
	}
	regA := registro(own)
	regB := registro(own, regA)
	regC := registro(own, regA, regB)
	operadoras := []record{
		counterparty(regA, "A", 850_000, 420_000, 120_000, 15_000, 60_000, 8_000, 230_000, 140_000, 20_000),
		counterparty(regB, "B", 380_000, 210_000, 45_000, 6_000, 25_000, 3_000, 160_000, 95_000, 12_000),
		counterparty(regC, "C", 140_000, 70_000, 20_000, 4_000, 10_000, 2_000, 420_000, 260_000, 30_000),
	}

	seguros := []record{{"contraparte": "Resseguradora Exemplo S.A.", "exposicao": d.around(1_800_000, 20*pct)}}

	ativos := []record{
		{"descricao": "Tesouro Prefixado (LTN) 2027", "categoria": "titulo_publico_federal", "exposicao": d.around(42_000_000, 10*pct)},
		{"descricao": "FDSS — fundo dedicado ao setor de saúde", "categoria": "fundo_fdss", "exposicao": d.around(24_000_000, 10*pct), "fpr": ratio(0.35)},
		{"descricao": "Fundo de investimento multimercado", "categoria": "fundo_outros", "exposicao": d.around(6_000_000, 10*pct)},
		{"descricao": "CDB de banco de grande porte", "categoria": "deposito_bancario", "exposicao": d.around(9_000_000, 10*pct)},
		{"descricao": "Debêntures incentivadas", "categoria": "titulo_privado", "exposicao": d.around(4_500_000, 10*pct)},
	}

	alm := func(conta string, reais int64, sinal string, prazo int, indexador string) record {
		return record{"conta": conta, "valor": d.around(reais, 10*pct), "sinal": sinal, "prazo_meses": prazo, "indexador": indexador}
	}
	mercadoALM := []record{
		alm("Aplicações prefixadas (LTN)", 42_000_000, "P", 18, "PRE"),
		alm("Aplicações pós-fixadas (CDB, fundos DI)", 30_000_000, "P", 3, "POS"),
		alm("Títulos indexados ao IPCA (NTN-B)", 8_000_000, "P", 42, "IPCA"),
		alm("Provisões técnicas (PESL, PEONA)", 55_000_000, "N", 2, "PRE"),
		alm("Aluguéis a pagar (IGP-M)", 2_400_000, "N", 60, "IGPM"),
		alm("Fornecedores em moeda estrangeira", 600_000, "N", 1, "CAMBIAL"),
	}

	mercadoAtivos := []record{
		{"descricao": "Ações — carteira própria", "classe": "acoes", "valor": d.around(3_200_000, 15*pct)},
		{"descricao": "Imóvel — sede administrativa", "classe": "imoveis", "valor": d.around(12_500_000, 10*pct)},
	}

	// Operacional: pre-established contraprestações plus 12–18 % of
	// post-established business.
	operacional := record{
		"contraprestacoes_12m_total": total + scale(total, d.between(12*pct, 18*pct)),
		"provisoes_tecnicas":         d.around(60_000_000, 5*pct),
	}

	return []exampleSheet{
		{"Operadora", []record{operadora}},
		{"PLA", []record{pla}},
		{"Contraprestacoes", contra},
		{"Eventos", eventos},
		{"ABI", abi},
		{"Remissao", []record{remissao}},
		{"Credito_Operadoras", operadoras},
		{"Credito_Seguros", seguros},
		{"Credito_Ativos", ativos},
		{"Mercado_ALM", mercadoALM},
		{"Mercado_Ativos", mercadoAtivos},
		{"Operacional", []record{operacional}},
	}
}

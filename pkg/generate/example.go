package generate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/period"
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

// fill writes data into the empty sheets newBook wrote.
func (b *book) fill(sheets []layout.Sheet, data []exampleSheet) error {
	for _, d := range data {
		i := slices.IndexFunc(sheets, func(s layout.Sheet) bool { return s.Name == d.name })
		if i < 0 {
			return lang.Errorf("example data for sheet %s, which the layout does not have", d.name)
		}
		s := sheets[i]
		if s.Kind == layout.Fields && len(d.rows) != 1 {
			return lang.Errorf("sheet %s: a campo | valor sheet takes one record, not %d", s.Name, len(d.rows))
		}
		for r, rec := range d.rows {
			if err := b.writeRecord(s, r, rec, nil); err != nil {
				return lang.Errorf("sheet %s: %w", s.Name, err)
			}
		}
	}
	return nil
}

// writeRecord writes the r-th record (0-based) of sheet s, in layout order,
// and the comments (by field) on their cells.
func (b *book) writeRecord(s layout.Sheet, r int, rec record, comments map[string]string) error {
	keys := make([]string, 0, len(rec))
	for k := range rec {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if _, ok := s.Field(k); !ok {
			return lang.Errorf("no field %s in the layout", k)
		}
	}
	for i, fd := range s.Fields {
		v, ok := rec[fd.Name]
		if !ok {
			continue
		}
		cell := fieldCell(s, i, r)
		if err := b.writeValue(s.Name, cell, v); err != nil {
			return lang.Errorf("%s (%s): %w", fd.Name, cell, err)
		}
		if c := comments[fd.Name]; c != "" {
			if err := b.f.AddComment(s.Name, excelize.Comment{Author: "capreg", Cell: cell, Text: c}); err != nil {
				return lang.Errorf("%s (%s): %w", fd.Name, cell, err)
			}
		}
	}
	return nil
}

// fieldCell is the cell of the i-th field of sheet s in its r-th record
// (0-based): a campo | valor sheet's field row, column B; a table's
// column, row r+2.
func fieldCell(s layout.Sheet, i, r int) string {
	if s.Kind == layout.Table {
		return cellName(i+1, r+2)
	}
	return cellName(2, i+2)
}

// Cell is the cell of field in the r-th record (0-based) of the layout
// sheet named sheet, as Filled writes it; false when the layout has no
// such field.
func Cell(sheet string, r int, field string) (string, bool) {
	s, ok := layout.Lookup(sheet)
	if !ok {
		return "", false
	}
	i := slices.IndexFunc(s.Fields, func(f layout.Field) bool { return f.Name == field })
	if i < 0 {
		return "", false
	}
	return fieldCell(s, i, r), true
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
	case decimal.Decimal:
		// The shortest float that reads back as the decimal: exact to 15
		// significant digits, as Excel shows numbers.
		if err := f.SetCellFloat(sheet, cell, v.InexactFloat64(), -1, 64); err != nil {
			return err
		}
		if v.Exponent() < -2 { // a factor (0,425), not an amount
			return nil
		}
		return f.SetCellStyle(sheet, cell, cell, b.st.money)
	case period.Month:
		return b.timeCell(sheet, cell, v.FirstDay(), b.st.month)
	case time.Time:
		return b.timeCell(sheet, cell, v, b.st.date)
	}
	return lang.Errorf("no way to write a %T", v)
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
// amount in reais and about how many beneficiaries it covers (the weight of
// the cell in generated beneficiary rows).
type priceCell struct {
	tipo, segmento string
	monthly        int64
	heads          int64
}

// exampleCells are the example operator's cells: R$ 21,8 million a month
// for about 80 000 beneficiaries.
var exampleCells = []priceCell{
	{string(ans.Individual), string(ans.MedicoHospitalar), 6_000_000, 11_000},
	{string(ans.ColetivoAdesao), string(ans.MedicoHospitalar), 3_000_000, 6_500},
	{string(ans.ColetivoEmpresarial), string(ans.MedicoHospitalar), 12_000_000, 45_000},
	{string(ans.CorresponsabilidadeAssumida), string(ans.MedicoHospitalar), 300_000, 1_500},
	{string(ans.Individual), string(ans.Odontologico), 100_000, 3_000},
	{string(ans.ColetivoEmpresarial), string(ans.Odontologico), 400_000, 13_000},
}

// profile is what makes one fictitious operator differ from another: its
// classification, size, programs and capital. The example's profile
// (exampleProfile) gives exactly the draws the shipped example was made
// with; every other branch below is taken by market operators only.
type profile struct {
	modalidade, segmentacao string
	regiao                  int
	hc                      ratio
	idss                    ratio // 0: not informed
	lives                   int64 // about how many beneficiaries (Leia-me)
	// size scales every balance-sheet amount against the example's, in
	// parts per million (1 000 000 = the example).
	size int64
	// pl is the patrimônio líquido in reais (before its ±5 % noise).
	pl    int64
	icr   int64 // the PLA / CR aimed at, ppm (market operators)
	cells []priceCell
	// revenue is the monthly revenue, in reais, of an operator without
	// pre-established cells (an administradora de benefícios).
	revenue                                                int64
	eventosLo, eventosHi                                   int64 // eventos as % of contraprestações
	abiLo, abiHi                                           int64 // how many ABI notices
	counterparties                                         int   // rows of Credito_Operadoras (1–3)
	remissao                                               [4]bool
	governanca, promoprev, partoAdequado, aps, acreditacao bool
	situacoes                                              []string // blocking situations marked S
	registro                                               string   // "" draws one
	places                                                 []string
	kinds                                                  []string
	suffixes                                               []string
}

func exampleProfile() profile {
	return profile{
		modalidade: string(ans.MedicinaDeGrupo), segmentacao: string(ans.SSP), regiao: 2,
		hc: 0.35, idss: 0.72, lives: 80_000, size: 1_000_000, pl: 150_000_000,
		cells: exampleCells, eventosLo: 75, eventosHi: 85, abiLo: 36, abiHi: 44,
		counterparties: 3, remissao: [4]bool{true, true, true, true},
		governanca: true, promoprev: true,
		places:   []string{"Horizonte", "Serra Azul", "Vale Verde", "Litoral", "Planalto", "Bom Pastor"},
		kinds:    []string{"Saúde", "Assistência Médica", "Medicina de Grupo"},
		suffixes: []string{"Ltda.", "S.A."},
	}
}

// r scales an amount of the example (reais) to the operator's size.
func (p *profile) r(reais int64) int64 {
	if p.size == 1_000_000 {
		return reais
	}
	return reais * p.size / 1_000_000
}

// operatorData draws an operator of profile p, in layout order.
func operatorData(d *draw, p *profile) []exampleSheet {
	registro := func(not ...string) string {
		for {
			r := fmt.Sprintf("%06d", d.between(300_000, 399_999))
			if !slices.Contains(not, r) {
				return r
			}
		}
	}
	dayIn := func(from time.Time, days int64) day { return day(from.AddDate(0, 0, int(d.intn(days)))) }
	around := func(reais, spread int64) cents { return d.around(p.r(reais), spread) }

	// Operadora
	own := registro()
	if p.registro != "" {
		own = p.registro
	}
	name := "Exemplo " + pick(d, p.places) + " " + pick(d, p.kinds)
	if suffix := pick(d, p.suffixes); suffix != "" {
		name += " " + suffix
	}
	operadora := record{
		"registro_ans": own,
		"razao_social": name,
		"data_base":    dataBase.Format("2006-01"), // a month as text
		"modalidade":   p.modalidade,
		"regiao":       p.regiao,
		"hc":           p.hc,
	}
	if p.segmentacao != "" {
		operadora["segmentacao"] = p.segmentacao
	}
	if p.governanca {
		operadora["governanca_relatorio_data"] = dayIn(time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC), 120)
	}
	if p.promoprev {
		operadora["promoprev_aprovacao"] = dayIn(time.Date(2024, time.February, 1, 0, 0, 0, 0, time.UTC), 240)
	}
	if p.partoAdequado {
		operadora["parto_adequado_certificacao"] = dayIn(time.Date(2023, time.June, 1, 0, 0, 0, 0, time.UTC), 600)
	}
	if p.aps {
		operadora["aps_certificacao"] = dayIn(time.Date(2023, time.January, 1, 0, 0, 0, 0, time.UTC), 900)
	}
	if p.acreditacao {
		operadora["acreditacao_inicio"] = dayIn(time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC), 1000)
	}
	if p.idss != 0 {
		operadora["idss"] = p.idss
	}
	for _, s := range layout.Situacoes {
		operadora[s] = "N"
		if slices.Contains(p.situacoes, s) {
			operadora[s] = "S"
		}
	}

	// PLA
	pla := record{
		"pl":                       d.around(p.pl, 5*pct),
		"ded_participacoes":        around(3_000_000, 15*pct),
		"ded_creditos_tributarios": around(1_500_000, 15*pct),
		"ded_despesas_diferidas":   around(400_000, 15*pct),
		"ded_despesas_antecipadas": around(800_000, 15*pct),
		"ded_intangivel":           around(2_500_000, 15*pct),
		"ded_goodwill":             around(1_000_000, 15*pct),
	}

	// Contraprestacoes (competência as text) and Eventos (as date cells):
	// each cell at its level ±8 %, growing 0,4 % a month with ±1,5 % noise;
	// eventos 80 % ±5 % of the month's contraprestações (the example).
	levels := make([]cents, len(p.cells))
	for i, c := range p.cells {
		levels[i] = d.around(c.monthly, 8*pct)
	}
	var contra, eventos []record
	var total cents
	if len(p.cells) > 0 {
		for m := range 12 {
			month := dataBase.AddDate(0, m-11, 0)
			var monthTotal cents
			for i, c := range p.cells {
				v := scale(levels[i], 1_000_000+int64(m-11)*4_000+d.between(-15_000, 15_000))
				monthTotal += v
				contra = append(contra, record{
					"competencia": month.Format("2006-01"), "tipo_contratacao": c.tipo, "segmento": c.segmento, "valor": v,
				})
			}
			total += monthTotal
			eventos = append(eventos, record{"competencia": monthCell(month), "valor": scale(monthTotal, d.between(p.eventosLo*pct, p.eventosHi*pct))})
		}
	}

	// ABI: notices of R$ 1.000 to R$ 50.000, more small than large.
	var abi []record
	n := int64(0)
	if p.abiHi > 0 {
		n = d.between(p.abiLo, p.abiHi)
	}
	for i := range n {
		v := 100_000 + min(d.intn(4_900_001), d.intn(4_900_001))
		if p.size < 1_000_000 { // a smaller operator's claims are smaller
			v = max(10_000, p.r(v))
		}
		abi = append(abi, record{
			"id_aviso": fmt.Sprintf("ABI %d/%06d", d.between(95, 101), 1000+int64(i)*37+d.intn(37)),
			"valor":    cents(v),
		})
	}

	remissao := record{}
	for i, b := range []struct {
		name  string
		reais int64
	}{{"ca_temporaria", 2_000_000}, {"ca_vitalicia", 500_000}, {"pr_temporaria", 1_200_000}, {"pr_vitalicia", 800_000}} {
		remissao[b.name] = cents(0)
		if p.remissao[i] {
			remissao[b.name] = around(b.reais, 10*pct)
		}
	}

	// Credito_Operadoras: up to three counterparties; the last owes less
	// than it is owed (debits far above credits), so its exposure nets
	// negative.
	counterparty := func(reg, grau string, c2, c3, c4, c5, c6, c7, d8, d9, d10 int64) record {
		v := func(reais int64) cents { return around(reais, 15*pct) }
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
	counterparties := []func() record{
		func() record {
			return counterparty(regA, "A", 850_000, 420_000, 120_000, 15_000, 60_000, 8_000, 230_000, 140_000, 20_000)
		},
		func() record {
			return counterparty(regB, "B", 380_000, 210_000, 45_000, 6_000, 25_000, 3_000, 160_000, 95_000, 12_000)
		},
		func() record {
			return counterparty(regC, "C", 140_000, 70_000, 20_000, 4_000, 10_000, 2_000, 420_000, 260_000, 30_000)
		},
	}
	var operadoras []record
	for _, c := range counterparties[:p.counterparties] {
		operadoras = append(operadoras, c())
	}

	seguros := []record{{"contraparte": "Resseguradora Exemplo S.A.", "exposicao": around(1_800_000, 20*pct)}}

	ativos := []record{
		{"descricao": "Tesouro Prefixado (LTN) 2027", "categoria": string(ans.TituloPublicoFederal), "exposicao": around(42_000_000, 10*pct)},
		{"descricao": "FDSS — fundo dedicado ao setor de saúde", "categoria": string(ans.FundoFDSS), "exposicao": around(24_000_000, 10*pct), "fpr": ratio(0.35)},
		{"descricao": "Fundo de investimento multimercado", "categoria": string(ans.FundoOutros), "exposicao": around(6_000_000, 10*pct)},
		{"descricao": "CDB de banco de grande porte", "categoria": string(ans.DepositoBancario), "exposicao": around(9_000_000, 10*pct)},
		{"descricao": "Debêntures incentivadas", "categoria": string(ans.TituloPrivado), "exposicao": around(4_500_000, 10*pct)},
	}

	alm := func(conta string, reais int64, sinal string, prazo int, indexador string) record {
		return record{"conta": conta, "valor": around(reais, 10*pct), "sinal": sinal, "prazo_meses": prazo, "indexador": indexador}
	}
	// The ALM rows name their account by code, as the DIOPS quadro
	// quadroRiscoMercado does (cdContaContabil).
	mercadoALM := []record{
		alm("12212", 42_000_000, "P", 18, string(ans.PRE)), // aplicações garantidoras, títulos públicos prefixados (LTN)
		alm("12211", 30_000_000, "P", 3, string(ans.POS)),  // aplicações garantidoras, títulos privados pós-fixados (CDB, fundos DI)
		alm("12222", 8_000_000, "P", 42, string(ans.IPCA)), // aplicações livres, títulos públicos indexados ao IPCA (NTN-B)
		alm("2111", 55_000_000, "N", 2, string(ans.PRE)),   // provisões técnicas (PESL, PEONA)
		alm("2188", 2_400_000, "N", 60, string(ans.IGPM)),  // aluguéis a pagar (IGP-M)
		alm("2186", 600_000, "N", 1, string(ans.CAMBIAL)),  // fornecedores em moeda estrangeira
	}

	mercadoAtivos := []record{
		{"descricao": "Ações — carteira própria", "classe": string(ans.Acoes), "valor": around(3_200_000, 15*pct)},
		{"descricao": "Imóvel — sede administrativa", "classe": string(ans.Imoveis), "valor": around(12_500_000, 10*pct)},
	}

	// Operacional: pre-established contraprestações plus 12–18 % of
	// post-established business (or, without pre-established business,
	// twelve months of revenue).
	if len(p.cells) == 0 {
		total = d.around(12*p.revenue, 5*pct)
	}
	operacional := record{
		"contraprestacoes_12m_total": total + scale(total, d.between(12*pct, 18*pct)),
		"provisoes_tecnicas":         around(60_000_000, 5*pct),
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

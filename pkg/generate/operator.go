package generate

import (
	"context"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/layout"
)

// Operator is one fictitious operator drawn from a seed: the example
// (NewExample) or an operator of a market (MarketOperator). Its workbook and
// its beneficiary rows are deterministic: the same operator and row count
// give the same bytes.
type Operator struct {
	Seed       uint64
	Registro   string
	Modalidade string
	Lives      int64 // about how many beneficiaries it has

	p     profile
	data  []exampleSheet
	intro []string // the Leia-me's opening lines
	title string   // the document title
}

// NewExample returns the example operator of a seed (seed 1 is the shipped
// example): a fictitious mid-size medicina de grupo operator (SSP, região
// 2, data base 2025-09, about 80 000 beneficiaries). Its Workbook has every
// sheet of the layout, Beneficiarios only when rows are asked for.
func NewExample(seed uint64) *Operator {
	p := exampleProfile()
	o := newOperator(seed, p, operatorData(newDraw(seed), &p))
	o.intro = []string{
		fmt.Sprintf("Este arquivo é um EXEMPLO FICTÍCIO, gerado por \"capreg example --seed %d\": uma operadora de medicina de grupo,", seed),
		"segmentação SSP, região 2, data base 2025-09, com cerca de 80 mil beneficiários. Nenhum valor corresponde a uma operadora real.",
	}
	o.title = fmt.Sprintf("capreg — exemplo fictício (seed %d)", seed)
	return o
}

func newOperator(seed uint64, p profile, data []exampleSheet) *Operator {
	o := &Operator{Seed: seed, Modalidade: p.modalidade, Lives: p.lives, p: p, data: data}
	o.Registro, _ = data[0].rows[0]["registro_ans"].(string)
	return o
}

// WorkbookOptions say what goes with an operator's workbook.
type WorkbookOptions struct {
	// Beneficiarios > 0 adds a Beneficiarios sheet of that many rows
	// (at most MaxSheetRows), streamed: memory does not grow with it.
	Beneficiarios int64
	// BeneficiaryFile, when not "", is the name of the separate
	// beneficiary file written with the workbook; the Leia-me points to it.
	BeneficiaryFile string
	// BeneficiaryRows is the row count of that file, for the Leia-me.
	BeneficiaryRows int64
	// TmpDir is where excelize keeps a streamed sheet until the workbook is
	// written ("" is the system's temporary directory).
	TmpDir string
}

// Workbook returns the operator's input workbook and, with a Beneficiarios
// sheet, the counts of the rows written to it (nil without). A done ctx
// stops the rows with ctx's error.
func (o *Operator) Workbook(ctx context.Context, opt WorkbookOptions) (*excelize.File, *capital.Beneficiarios, error) {
	if err := fitsSheet(opt.Beneficiarios); err != nil {
		return nil, nil, err
	}
	var sheets []layout.Sheet
	for _, s := range layout.Sheets() {
		if s.Name != beneficiariosSheet || opt.Beneficiarios > 0 {
			sheets = append(sheets, s)
		}
	}
	intro := o.intro
	switch {
	case opt.Beneficiarios > 0:
		intro = append(intro[:len(intro):len(intro)], fmt.Sprintf("A aba %s tem %s beneficiários fictícios, coerentes com as contraprestações, a remissão e os programas da operadora.",
			beneficiariosSheet, thousands(opt.Beneficiarios)))
	case opt.BeneficiaryFile != "":
		intro = append(intro[:len(intro):len(intro)], fmt.Sprintf("Os %s beneficiários fictícios estão no arquivo %s:  capreg calc ARQUIVO.xlsx --beneficiarios %s",
			thousands(opt.BeneficiaryRows), opt.BeneficiaryFile, opt.BeneficiaryFile))
	}
	b, err := newBook(sheets, intro, excelize.Options{TmpDir: opt.TmpDir})
	if err != nil {
		return nil, nil, err
	}
	if err := b.fill(sheets, o.data); err != nil { // operatorData draws no beneficiary rows
		return nil, nil, b.fail(err)
	}
	if err := b.f.SetDocProps(docProps(o.title,
		"Planilha de entrada preenchida com uma operadora fictícia ("+layout.Version+")")); err != nil {
		return nil, nil, b.fail(err)
	}
	if opt.Beneficiarios == 0 {
		return b.f, nil, nil
	}
	counts, err := o.streamRows(ctx, b, opt.Beneficiarios)
	if err != nil {
		return nil, nil, b.fail(err)
	}
	return b.f, counts, nil
}

// thousands writes n with pt-BR thousands separators (1.048.575).
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

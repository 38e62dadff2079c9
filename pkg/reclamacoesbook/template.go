package reclamacoesbook

import (
	"github.com/xuri/excelize/v2"
)

// docDate is the fixed date of the document properties: the same bytes on
// every run.
const docDate = "2025-10-01T00:00:00Z"

// Template returns the empty input workbook: Leia-me, Periodo with the
// campos inicio and fim, Reclamacoes with its header, number formats and
// validations (whole numbers from 0).
func Template() (*excelize.File, error) {
	f := excelize.NewFile()
	if err := buildTemplate(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func buildTemplate(f *excelize.File) error {
	if err := f.SetSheetName(f.GetSheetName(0), ReadmeSheet); err != nil {
		return err
	}
	for _, s := range []string{PeriodoSheet, ReclamacoesSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}})
	if err != nil {
		return err
	}
	ptr := func(s string) *string { return &s }
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	integer, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}

	// Periodo: campo | valor.
	steps := []func() error{
		func() error { return f.SetSheetRow(PeriodoSheet, "A1", &[]any{"campo", "valor"}) },
		func() error { return f.SetSheetRow(PeriodoSheet, "A2", &[]any{"inicio"}) },
		func() error { return f.SetSheetRow(PeriodoSheet, "A3", &[]any{"fim"}) },
		func() error { return f.SetCellStyle(PeriodoSheet, "A1", "B1", head) },
		func() error { return f.SetCellStyle(PeriodoSheet, "B2", "B3", date) },
		func() error { return f.SetColWidth(PeriodoSheet, "A", "B", 16) },
		func() error {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = "B2:B3"
			dv.SetInput("Data", "Início e fim do período de avaliação (AAAA-MM-DD). A IN ANS 36/2024 vale para períodos a partir de 2024-10-01.")
			return f.AddDataValidation(PeriodoSheet, dv)
		},
		// Reclamacoes: the header and column formats.
		func() error {
			return f.SetSheetRow(ReclamacoesSheet, "A1", &[]any{ColProduto, ColBeneficiarios, ColReclamacoes})
		},
		func() error { return f.SetColStyle(ReclamacoesSheet, "A", text) },
		func() error { return f.SetColStyle(ReclamacoesSheet, "B:C", integer) },
		func() error { return f.SetCellStyle(ReclamacoesSheet, "A1", "C1", head) },
		func() error { return f.SetColWidth(ReclamacoesSheet, "A", "A", 24) },
		func() error { return f.SetColWidth(ReclamacoesSheet, "B", "C", 28) },
		func() error {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = "B2:C1048576"
			if err := dv.SetRange(0, 999999999999.0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetInput("Quantidade", "Número inteiro, 0 ou mais.")
			dv.SetError(excelize.DataValidationErrorStyleStop, "Quantidade", "Digite um número inteiro, 0 ou mais.")
			return f.AddDataValidation(ReclamacoesSheet, dv)
		},
		func() error {
			return f.SetPanes(ReclamacoesSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
				Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
		},
	}
	lines := []string{
		"capreg — produtos em risco por reclamações não resolvidas (IN ANS nº 36/2024, art. 17 da IN ANS nº 31/2022)",
		"",
		"Aba Periodo: campo | valor, com inicio e fim do período de avaliação (datas AAAA-MM-DD ou células de data). Vale para períodos que começam a partir de 2024-10-01, quando a IN ANS nº 36/2024 entrou em vigor.",
		"Aba Reclamacoes: um produto por linha; produto (código do produto), beneficiarios (número de beneficiários do produto) e reclamacoes_nao_resolvidas (reclamações do período indicadas como \"Não resolvidas\" após o retorno do beneficiário).",
		"Célula vazia = valor ausente (erro); para zero, digite 0.",
		"",
		"A regra:",
		"• Os produtos são ordenados pelas reclamações não resolvidas, da maior para a menor; empates, pelo menor número de beneficiários (§ 2º), e depois pelo código do produto.",
		"• Estão em risco os produtos que, somados na ordem, concentram até 80% de todas as reclamações não resolvidas do período (caput).",
		"• Se nenhum produto ficar em risco assim, está em risco o produto com o maior número de reclamações (§ 3º).",
		"• Produto sem reclamação não resolvida nunca está em risco.",
		"",
		"Rode:  capreg reclamacoes ARQUIVO.xlsx   (ou -o json, -o csv)",
	}
	for i, s := range lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := i
		steps = append(steps, func() error {
			if s == "" {
				return nil
			}
			if err := f.SetCellStr(ReadmeSheet, cell, s); err != nil {
				return err
			}
			if row == 0 {
				return f.SetCellStyle(ReadmeSheet, cell, cell, title)
			}
			return nil
		})
	}
	steps = append(steps, func() error {
		return f.SetDocProps(&excelize.DocProperties{
			Title: "capreg — reclamações não resolvidas por produto (IN ANS 36/2024)", Creator: "capreg",
			LastModifiedBy: "capreg", Language: "pt-BR", Created: docDate, Modified: docDate,
		})
	})
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}

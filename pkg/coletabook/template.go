package coletabook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// ReadmeSheet explains the sheet; capreg coleta validate ignores it (and any
// other sheet but Coleta).
const ReadmeSheet = "Leia-me"

// docDate is the fixed date of the document properties, so the same options
// give the same bytes.
const docDate = "2025-10-01T00:00:00Z"

// Excel's limits on data-validation texts (UTF-16 units).
const (
	maxPromptTitle = 32
	maxPrompt      = 255
)

// Template writes the empty collection sheet for the options: the Leia-me
// sheet, then Coleta with the field numbers in row 1, ANS's field names in
// row 2 and a row per month with fields 1 to 4 filled (registro, month,
// program starts). Each column has its field's number format and a data
// validation of its size; cells of a program's fields before the program
// starts (or without it) are grey and refuse any value, as does field 12
// outside the homologation month.
func Template(o coleta.TemplateOptions) (*excelize.File, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	w := &writer{f: excelize.NewFile(), o: o, styles: map[styleKey]int{}}
	if err := w.build(); err != nil {
		w.f.Close()
		return nil, err
	}
	return w.f, nil
}

type writer struct {
	f      *excelize.File
	o      coleta.TemplateOptions
	styles map[styleKey]int
}

type styleKey struct {
	kind  string // header, name, cell, title, section, wrap, tablehead
	field int    // for cell: the field (its number format)
	grey  bool
}

func (w *writer) build() error {
	f := w.f
	if err := f.SetSheetName(f.GetSheetName(0), ReadmeSheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(coleta.SheetName); err != nil {
		return err
	}
	if err := w.readme(); err != nil {
		return lang.Errorf("sheet %s: %w", ReadmeSheet, err)
	}
	if err := w.coleta(); err != nil {
		return lang.Errorf("sheet %s: %w", coleta.SheetName, err)
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{
		Title:          "Coleta de dados – PROMOPREV e Certificação em APS – registro " + w.o.Registro,
		Description:    fmt.Sprintf("Planilha de coleta mensal de dados (campos 1 a 21), %s a %s, gerada pelo capreg", w.o.Desde, w.o.Ate),
		Creator:        "capreg",
		LastModifiedBy: "capreg",
		Language:       "pt-BR",
		Created:        docDate,
		Modified:       docDate,
	})
}

// style returns (creating once) the style of a kind of cell.
func (w *writer) style(k styleKey) (int, error) {
	if id, ok := w.styles[k]; ok {
		return id, nil
	}
	headFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	var s excelize.Style
	switch k.kind {
	case "header":
		s = excelize.Style{Font: &excelize.Font{Bold: true}, Fill: headFill, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center"}}
	case "name":
		s = excelize.Style{Font: &excelize.Font{Bold: true, Size: 9}, Fill: headFill, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case "title":
		s = excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}
	case "section":
		s = excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}
	case "tablehead":
		s = excelize.Style{Font: &excelize.Font{Bold: true}, Fill: headFill, Border: border}
	case "wrap":
		s = excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case "cell":
		s = cellStyle(coleta.FieldOf(k.field))
		if k.grey {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
			s.Font = &excelize.Font{Color: "808080"}
		}
	}
	id, err := w.f.NewStyle(&s)
	if err != nil {
		return 0, err
	}
	w.styles[k] = id
	return id, nil
}

// cellStyle is the number format matching a field's size.
func cellStyle(fd coleta.Field) excelize.Style {
	ptr := func(s string) *string { return &s }
	switch {
	case fd.Format == coleta.Registro || fd.Format == coleta.MMAAAA:
		return excelize.Style{NumFmt: 49} // @: text keeps the leading zeros
	case fd.Format == coleta.Integer:
		return excelize.Style{NumFmt: 1} // 0
	case fd.Places == 2:
		return excelize.Style{NumFmt: 2} // 0.00
	}
	return excelize.Style{CustomNumFmt: ptr("0.0000")}
}

// coleta writes the Coleta sheet.
func (w *writer) coleta() error {
	f, sh := w.f, coleta.SheetName
	months := w.o.Months()
	for _, fd := range coleta.Fields() {
		col := fd.Col()
		if err := f.SetCellInt(sh, col+"1", int64(fd.Num)); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, col+"2", fd.Name); err != nil {
			return err
		}
		width := 18.0
		if fd.Num <= 4 {
			width = 12
		}
		if err := f.SetColWidth(sh, col, col, width); err != nil {
			return err
		}
	}
	for _, k := range []struct {
		kind string
		row  int
	}{{"header", 1}, {"name", 2}} {
		id, err := w.style(styleKey{kind: k.kind})
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, "A"+fmt.Sprint(k.row), "U"+fmt.Sprint(k.row), id); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, 2, 150); err != nil {
		return err
	}
	for i, m := range months {
		row := coleta.FirstDataRow + i
		vals := []any{w.o.Registro, coleta.FormatMonth(m), startText(w.o.Promoprev), startText(w.o.APS)}
		for j, v := range vals {
			if s := v.(string); s != "" {
				if err := f.SetCellStr(sh, coleta.Axis(j+1, row), s); err != nil {
					return err
				}
			}
		}
	}
	for _, fd := range coleta.Fields() {
		if err := w.column(fd, months); err != nil {
			return lang.Errorf("field %d: %w", fd.Num, err)
		}
	}
	return f.SetPanes(sh, &excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: 2, TopLeftCell: "C3", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C3", ActiveCell: "C3", Pane: "bottomRight"}},
	})
}

func startText(m *period.Month) string {
	if m == nil {
		return ""
	}
	return coleta.FormatMonth(*m)
}

// column styles a field's data cells and validates them, in runs of months
// where the field applies or not.
func (w *writer) column(fd coleta.Field, months []period.Month) error {
	applies := func(m period.Month) bool {
		switch fd.Num {
		case 3:
			return w.o.Promoprev != nil
		case 4:
			return w.o.APS != nil
		}
		return fd.Applies(m, w.o.Promoprev, w.o.APS)
	}
	for start := 0; start < len(months); {
		on := applies(months[start])
		end := start
		for end+1 < len(months) && applies(months[end+1]) == on {
			end++
		}
		first, lastRow := coleta.FirstDataRow+start, coleta.FirstDataRow+end
		id, err := w.style(styleKey{kind: "cell", field: fd.Num, grey: !on})
		if err != nil {
			return err
		}
		top, bottom := coleta.Axis(fd.Num, first), coleta.Axis(fd.Num, lastRow)
		if err := w.f.SetCellStyle(coleta.SheetName, top, bottom, id); err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = top + ":" + bottom
		title := fmt.Sprintf("Campo %d", fd.Num)
		if on {
			dv.Type, dv.Formula1 = "custom", xmlEscaper.Replace(validFormula(fd, top))
			dv.SetInput(title, xlsxfile.ClipUTF16(fd.Spec+". "+fd.Note, maxPrompt))
			dv.SetError(excelize.DataValidationErrorStyleStop, title, xlsxfile.ClipUTF16(fd.Spec+".", maxPrompt))
		} else {
			dv.Type, dv.Formula1 = "custom", "ISBLANK("+top+")"
			why := notApplicable(fd, w.o)
			dv.SetInput(title+": não preencher", xlsxfile.ClipUTF16(why, maxPrompt))
			dv.SetError(excelize.DataValidationErrorStyleStop, title+": não preencher", xlsxfile.ClipUTF16(why, maxPrompt))
		}
		if err := w.f.AddDataValidation(coleta.SheetName, dv); err != nil {
			return err
		}
		start = end + 1
	}
	return nil
}

// xmlEscaper escapes a formula for the sheet XML: excelize writes a
// validation's formula as it is.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// validFormula is the custom validation of a cell that applies: its format
// and size, relative to the run's first cell.
func validFormula(fd coleta.Field, c string) string {
	switch fd.Format {
	case coleta.Registro, coleta.MMAAAA:
		return fmt.Sprintf("AND(LEN(%s)=6,ISNUMBER(VALUE(%s)))", c, c)
	case coleta.Integer:
		return fmt.Sprintf("AND(ISNUMBER(%s),%s>=0,%s<1%s,%s=INT(%s))", c, c, c, strings.Repeat("0", fd.IntDigits), c, c)
	}
	return fmt.Sprintf("AND(ISNUMBER(%s),%s>=0,%s<1%s,ROUND(%s,%d)=%s)", c, c, c, strings.Repeat("0", fd.IntDigits), c, fd.Places, c)
}

// notApplicable says, in Portuguese, why a grey cell stays empty.
func notApplicable(fd coleta.Field, o coleta.TemplateOptions) string {
	switch {
	case fd.Num == 3:
		return "Sem PROMOPREV aprovado: não preencher."
	case fd.Num == 4:
		return "Sem Certificação em APS homologada: não preencher."
	case fd.Program == coleta.Promoprev && o.Promoprev == nil:
		return "A operadora não tem PROMOPREV aprovado (campo 3 vazio): não preencher."
	case fd.Program == coleta.Promoprev:
		return "Antes do início do PROMOPREV (" + coleta.FormatMonth(*o.Promoprev) + ", campo 3): não preencher."
	case o.APS == nil:
		return "A operadora não tem Certificação em APS homologada (campo 4 vazio): não preencher."
	case fd.Program == coleta.APSHomologation:
		return "Só na linha do mês de homologação da Certificação em APS (" + coleta.FormatMonth(*o.APS) + ", campo 4)."
	}
	return "Antes da homologação da Certificação em APS (" + coleta.FormatMonth(*o.APS) + ", campo 4): não preencher."
}

// readme writes the Leia-me sheet.
func (w *writer) readme() error {
	f, sh := w.f, ReadmeSheet
	row := 1
	var err error
	put := func(col int, text string, kind string) {
		if err != nil || text == "" {
			return
		}
		cell := coleta.Axis(col, row)
		if err = f.SetCellStr(sh, cell, text); err == nil && kind != "" {
			var id int
			if id, err = w.style(styleKey{kind: kind}); err == nil {
				err = f.SetCellStyle(sh, cell, cell, id)
			}
		}
	}
	line := func(text, kind string) { put(1, text, kind); row++ }
	o := w.o
	line("capreg — coleta de dados para subsídios regulatórios (PROMOPREV e Certificação em APS)", "title")
	line("Planilha mensal pedida pela ANS às operadoras com Programas de PROMOPREV aprovados, Certificação em APS homologada ou participantes do Projeto-Piloto Cuidado Integral à Saúde, enviada pelo e-Protocolo.", "")
	line(fmt.Sprintf("Gerada para o registro ANS %s, de %s a %s; PROMOPREV desde %s; Certificação em APS desde %s.",
		o.Registro, coleta.FormatMonth(o.Desde), coleta.FormatMonth(o.Ate), orNone(o.Promoprev), orNone(o.APS)), "")
	row++
	line("Regras", "section")
	for _, s := range []string{
		"Aba " + coleta.SheetName + ": a linha 1 tem os números dos campos (1 a 21, colunas A a U), a linha 2 os nomes dos campos como a ANS os escreve; os dados começam na linha 3, um mês por linha.",
		"Uma linha por mês, de janeiro/2018 (ou do mês do registro da operadora, se posterior) até a data base, sem lacunas nem meses repetidos, em ordem.",
		"Campos 1 a 4 são texto de 6 caracteres: registro ANS (005711) e meses mmaaaa (032024). Não digite como número nem como data: o zero à esquerda se perde.",
		"Célula vazia = campo não preenchido. Para informar zero, digite 0.",
		"Números: no tamanho do campo (3 mais 2 casas decimais = até 999,99; 10 mais 2 = até 9.999.999.999,99; 3 mais 4 = até 999,9999), nunca negativos; arredonde (ARRED) para as casas decimais do campo.",
		"Células cinza não se aplicam naquele mês: campos do PROMOPREV (6, 9, 11, 15, 18) antes do início do PROMOPREV (campo 3) ou sem PROMOPREV; campos da APS (7, 10, 13, 16, 19, 21) antes da homologação (campo 4) ou sem certificação; o campo 12 só no mês da homologação.",
		"A partir do início de cada programa, os seus campos são obrigatórios.",
		"Os beneficiários de cada programa não podem passar do total: campo 6 ≤ campo 5 e campo 7 ≤ campo 5.",
		"Conferir antes de enviar:  capreg coleta validate ARQUIVO.xlsx   (cada erro indica Coleta!Célula, a regra e como corrigir).",
		"Preencher os campos 1, 2, 5, 6 e 7 de um mês a partir dos beneficiários:  capreg coleta fill ARQUIVO.xlsx --beneficiarios BENEFICIARIOS.csv --mes AAAA-MM",
		"Esta aba " + ReadmeSheet + " é ignorada pelo capreg; pode ser apagada antes do envio.",
	} {
		line("• "+s, "")
	}
	row++
	line("Campos", "section")
	for i, h := range []string{"número", "dados", "especificação do campo", "observação"} {
		put(i+1, h, "tablehead")
	}
	row++
	for _, fd := range coleta.Fields() {
		for i, text := range []string{fmt.Sprint(fd.Num), fd.Name, fd.Spec, fd.Note} {
			put(i+1, text, "wrap")
		}
		row++
	}
	if err != nil {
		return err
	}
	for _, c := range []struct {
		col   string
		width float64
	}{{"A", 10}, {"B", 60}, {"C", 30}, {"D", 90}} {
		if err := f.SetColWidth(sh, c.col, c.col, c.width); err != nil {
			return err
		}
	}
	return nil
}

func orNone(m *period.Month) string {
	if m == nil {
		return "— (não tem)"
	}
	return coleta.FormatMonth(*m)
}

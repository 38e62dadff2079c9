package generate

import (
	"fmt"
	"strings"

	"github.com/capreg/capreg/pkg/layout"
)

// typeName is how the Leia-me sheet names a value type.
func typeName(t layout.Type) string {
	switch t {
	case layout.Text:
		return "texto"
	case layout.Number:
		return "número"
	case layout.Percent:
		return "percentual (0,35 · 0.35 · 35%)"
	case layout.Date:
		return "data (AAAA-MM-DD ou célula de data)"
	case layout.Month:
		return "mês (AAAA-MM ou célula de data)"
	case layout.Enum:
		return "código da lista"
	case layout.Flag:
		return "S ou N (vazio = N)"
	case layout.Registro:
		return "registro ANS (6 dígitos)"
	}
	return fmt.Sprintf("tipo %d", t)
}

// sheetNames lists the names of the sheets that satisfy keep, as prose.
func sheetNames(sheets []layout.Sheet, keep func(layout.Sheet) bool) string {
	var names []string
	for _, s := range sheets {
		if keep(s) {
			names = append(names, s.Name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " e " + names[len(names)-1]
}

// generalRules are the rules of the input workbook that hold for every sheet
// (input-workbook.md, "General rules").
func generalRules(sheets []layout.Sheet) []string {
	rules := []string{
		"Os nomes das abas e dos cabeçalhos devem ser exatamente os deste modelo: cabeçalho na linha 1, dados a partir da linha 2.",
		"Abas campo | valor (" + sheetNames(sheets, func(s layout.Sheet) bool { return s.Kind == layout.Fields }) +
			"): um campo por linha, o nome do campo na coluna A (" + layout.CampoHeader + ") e o valor na coluna B (" +
			layout.ValorHeader + "); a ordem das linhas é livre.",
		"Abas em tabela (" + sheetNames(sheets, func(s layout.Sheet) bool { return s.Kind == layout.Table }) +
			"): um registro por linha, colunas identificadas pelo cabeçalho.",
		"Números: células numéricas, ou texto no formato brasileiro (1.234.567,89) ou simples (1234567.89). Texto com vírgula é lido no formato brasileiro: os pontos são separadores de milhar.",
		"Texto sem vírgula cujo único ponto é seguido de exatamente três dígitos (por exemplo 1.234) é ambíguo e é recusado: use uma célula numérica ou uma forma inequívoca (1.234,00 ou 1234).",
		"Percentuais: 0,35, 0.35 ou 35%.",
		"Datas: células de data ou texto AAAA-MM-DD. Meses: texto AAAA-MM ou uma célula de data.",
		"Fórmulas valem pelo valor calculado salvo no arquivo; uma fórmula sem valor salvo é erro.",
		"Uma célula vazia é um valor AUSENTE, nunca zero. Um valor obrigatório ausente é erro; para informar zero, digite 0. Campos marcados como opcionais podem ficar vazios.",
		"As abas ABI, Credito_* e Mercado_* podem ficar sem linhas de dados (exposição zero). Contraprestacoes e Eventos precisam dos 12 meses que terminam na data base.",
		"Abas e colunas a mais são ignoradas, com um aviso (esta aba " + layout.ReadmeSheet + " é ignorada sem aviso); a falta de uma aba ou coluna obrigatória é erro.",
	}
	if opt := sheetNames(sheets, func(s layout.Sheet) bool { return s.Optional }); opt != "" {
		rules = append(rules, "Abas opcionais: "+opt+"; as demais são obrigatórias.")
	}
	return append(rules,
		"Os campos com códigos têm lista suspensa; os códigos aceitos estão também nas tabelas abaixo. Ao selecionar uma célula, uma nota mostra o que o campo contém.",
		"Cada erro encontrado indica a célula (Aba!Célula), a regra violada e como corrigir.",
	)
}

// readme writes the Leia-me sheet top to bottom; the first error sticks and
// makes the rest a no-op.
type readme struct {
	b   *book
	row int
	err error
}

func (r *readme) put(col int, text string, style int) {
	if r.err != nil || text == "" {
		return
	}
	f, cell := r.b.f, cellName(col, r.row)
	if r.err = f.SetCellStr(layout.ReadmeSheet, cell, text); r.err == nil && style != 0 {
		r.err = f.SetCellStyle(layout.ReadmeSheet, cell, cell, style)
	}
}

// line writes text in column A and moves to the next row.
func (r *readme) line(text string, style int) {
	r.put(1, text, style)
	r.row++
}

// writeReadme writes the Leia-me sheet: what capreg is, the general rules,
// then every sheet with every field. intro lines, when given, follow the title.
func (b *book) writeReadme(sheets []layout.Sheet, intro []string) error {
	r := &readme{b: b, row: 1}
	r.line("capreg — planilha de entrada ("+layout.Version+")", b.st.title)
	for _, s := range intro {
		r.line(s, 0)
	}
	if len(intro) > 0 {
		r.row++
	}
	for _, s := range []string{
		"O capreg calcula o capital regulatório das operadoras de planos de saúde segundo a RN ANS nº 569/2022:",
		"Capital Base (CB), patrimônio líquido ajustado (PLA), capital baseado em riscos (CBR) com as parcelas de risco de subscrição (CRS),",
		"de crédito (CRC), de mercado (CRM) e operacional (CRO), capital regulatório CR = máx(CB; CBR) e suficiência (PLA ≥ CR).",
		"Preencha uma planilha por operadora e data base e rode:  capreg calc ARQUIVO.xlsx   (capreg validate ARQUIVO.xlsx só confere a planilha).",
	} {
		r.line(s, 0)
	}
	r.row++
	r.line("Regras gerais", b.st.section)
	for _, s := range generalRules(sheets) {
		r.line("• "+s, 0)
	}
	r.row++
	r.line("Abas e campos", b.st.section)
	r.row++
	for _, s := range sheets {
		r.sheet(s)
	}
	if r.err != nil {
		return r.err
	}
	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 42}, {"B", 16}, {"C", 36}, {"D", 44}, {"E", 90}} {
		if err := b.f.SetColWidth(layout.ReadmeSheet, w.col, w.col, w.width); err != nil {
			return err
		}
	}
	return nil
}

// sheet writes one sheet's section: its name, kind and doc, then a row per
// field with name, whether it is required, type, codes and doc.
func (r *readme) sheet(s layout.Sheet) {
	st := r.b.st
	title := "Aba " + s.Name
	if s.Optional {
		title += " (opcional)"
	}
	kind := "tabela: cabeçalho na linha 1, um registro por linha"
	if s.Kind == layout.Fields {
		kind = "campo | valor: um campo por linha"
	}
	r.put(2, kind, 0)
	r.line(title, st.section)
	r.line(s.Doc, 0)
	for i, h := range []string{"campo", "obrigatório", "tipo", "códigos aceitos", "descrição"} {
		r.put(i+1, h, st.tableHead)
	}
	r.row++
	for _, fd := range s.Fields {
		required := "sim"
		if fd.Optional {
			required = "não (opcional)"
		}
		for i, text := range []string{fd.Name, required, typeName(fd.Type), strings.Join(codesOf(fd), ", "), fd.Doc} {
			r.put(i+1, text, st.wrap)
		}
		r.row++
	}
	r.row++
}

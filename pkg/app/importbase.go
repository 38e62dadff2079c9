package app

import (
	"context"
	"slices"
	"strconv"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/workbook"
)

// readWorkbook reads the input workbook at path; its findings name it.
func readWorkbook(ctx context.Context, path string) (*capital.Input, findings.List, error) {
	f, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	in, l, err := workbook.Read(ctx, f)
	for i := range l {
		l[i].File = path
	}
	return in, l, err
}

// copyBase copies from the workbook at path every field the accounts did
// not give (spec §3, --base); the data base is always the import's, and
// the Beneficiarios sheet is never copied. A base with errors, or of
// another operator, blocks the import.
func (x *importer) copyBase(ctx context.Context, path string) error {
	in, l, err := readWorkbook(ctx, path)
	if err != nil {
		return err
	}
	x.im.Files = append(x.im.Files, path)
	if in == nil || l.HasErrors() {
		x.im.Findings = append(x.im.Findings, l.Errors()...)
		return nil
	}
	if r := in.Operadora.RegistroANS; x.im.Registro != "" && r != "" && r != x.im.Registro {
		f := findings.New(findings.BalanceteOperators, "", "", lang.M("the base workbook is of registro %s, and the balancetes of %s", r, x.im.Registro)).
			WithFix(lang.M("give the base workbook of the same operator"))
		f.File = path
		x.im.Findings.Add(f)
		return nil
	}
	if x.im.Registro == "" {
		x.im.Registro = in.Operadora.RegistroANS
	}
	base := inputRecords(in, path)
	for _, s := range layout.Sheets() {
		recs := base[s.Name]
		if s.Kind == layout.Fields {
			for _, r := range recs {
				for _, v := range r.Values {
					if x.has(s.Name, v.Field) || s.Name == "Operadora" && v.Field == "data_base" {
						continue
					}
					x.put(s.Name, v)
					x.copied[s.Name+"."+v.Field] = true
					x.copied[s.Name] = true
				}
			}
			continue
		}
		x.copyRows(s.Name, recs)
	}
	return nil
}

// copyRows copies the base's rows of a table sheet where the accounts gave
// none, or what its rows lack (grau de risco), or the rows beside those the
// accounts gave (Credito_Ativos other than the funds).
func (x *importer) copyRows(sheet string, recs []Record) {
	var keep []Record
	switch {
	case sheet == "Beneficiarios":
	case sheet == "Credito_Operadoras" && x.derived[sheet]:
		rows := x.tables[sheet]
		for i := range rows {
			reg, _ := rows[i].Get("registro_ans")
			j := slices.IndexFunc(recs, func(r Record) bool { v, _ := r.Get("registro_ans"); return v == reg })
			if j < 0 {
				continue
			}
			for _, v := range recs[j].Values {
				if v.Field == "grau_risco" || v.Field == "fator" {
					rows[i].Values = append(rows[i].Values, v)
					x.copied[sheet+"."+v.Field] = true
				}
			}
		}
	case sheet == "Credito_Ativos" && x.derived[sheet]:
		for _, r := range recs {
			if c, _ := r.Get("categoria"); c != string(ans.FundoFDSS) && c != string(ans.FundoOutros) {
				keep = append(keep, r)
			}
		}
	case (sheet == "Contraprestacoes" || sheet == "Eventos") && !x.derived[sheet]:
		for _, r := range recs { // the months of the window only
			if m, _ := r.Get("competencia"); slices.Contains(x.im.Window, m.(period.Month)) {
				keep = append(keep, r)
			}
		}
	case !x.derived[sheet]:
		keep = recs
	}
	if len(keep) > 0 {
		x.tables[sheet] = append(x.tables[sheet], keep...)
		x.copied[sheet] = true
	}
}

// inputRecords are the records of an input as read from the workbook at
// file, by sheet, each value's origin its cell there.
func inputRecords(in *capital.Input, file string) map[string][]Record {
	out := map[string][]Record{}
	from := func(ref string) *Origin { return &Origin{Copied: true, Files: []string{file}, Place: ref} }
	amount := func(field string, a capital.Amount) Value { return Value{Field: field, V: a.V, Origin: from(a.Ref)} }
	field := func(sheet string, vals ...Value) {
		if len(out[sheet]) == 0 {
			out[sheet] = []Record{{Sheet: sheet}}
		}
		out[sheet][0].Values = append(out[sheet][0].Values, vals...)
	}
	row := func(sheet string, vals ...Value) { out[sheet] = append(out[sheet], Record{Sheet: sheet, Values: vals}) }

	op := &in.Operadora
	field("Operadora", Value{Field: "registro_ans", V: op.RegistroANS, Origin: from("")},
		Value{Field: "razao_social", V: op.RazaoSocial, Origin: from("")},
		Value{Field: "data_base", V: op.DataBase, Origin: from(op.DataBaseRef)},
		Value{Field: "modalidade", V: string(op.Modalidade), Origin: from(op.ModalRef)},
		Value{Field: "regiao", V: strconv.Itoa(op.Regiao), Origin: from(op.RegiaoRef)},
		amount("hc", op.HC))
	if op.Segmentacao != "" {
		field("Operadora", Value{Field: "segmentacao", V: string(op.Segmentacao), Origin: from(op.SegRef)})
	}
	for _, d := range []struct {
		field string
		d     *capital.Dated
	}{
		{"governanca_relatorio_data", op.GovernancaRelatorio}, {"acreditacao_inicio", op.AcreditacaoInicio},
		{"promoprev_aprovacao", op.PromoprevAprovacao}, {"parto_adequado_certificacao", op.PartoAdequadoCertificacao},
		{"aps_certificacao", op.APSCertificacao},
	} {
		if d.d != nil {
			field("Operadora", Value{Field: d.field, V: d.d.T, Origin: from(d.d.Ref)})
		}
	}
	if op.IDSS != nil {
		field("Operadora", amount("idss", *op.IDSS))
	}
	for _, s := range op.Situacoes {
		sn := layout.SN[1]
		if s.On {
			sn = layout.SN[0]
		}
		field("Operadora", Value{Field: s.Name, V: sn, Origin: from(s.Ref)})
	}

	field("PLA", amount("pl", in.PLA.PL))
	for i, d := range capital.DeductionNames {
		field("PLA", amount(d, in.PLA.Deducoes[i]))
	}
	for _, m := range in.Contraprestacoes {
		row("Contraprestacoes", Value{Field: "competencia", V: m.Competencia}, Value{Field: "tipo_contratacao", V: string(m.Tipo)},
			Value{Field: "segmento", V: string(m.Segmento)}, amount("valor", m.Valor))
	}
	for _, m := range in.Eventos {
		row("Eventos", Value{Field: "competencia", V: m.Competencia}, amount("valor", m.Valor))
	}
	for _, a := range in.ABI {
		row("ABI", amount("valor", a))
	}
	rm := &in.Remissao
	field("Remissao", amount("ca_temporaria", rm.CATemporaria), amount("ca_vitalicia", rm.CAVitalicia),
		amount("pr_temporaria", rm.PRTemporaria), amount("pr_vitalicia", rm.PRVitalicia))
	for _, c := range in.CreditoOperadoras {
		vals := []Value{{Field: "registro_ans", V: c.RegistroANS, Origin: from(c.RowRef)}, {Field: "grau_risco", V: c.GrauRisco, Origin: from(c.GrauRef)}}
		for i, a := range creditoAmounts(&c) {
			vals = append(vals, amount(rules.CreditoColumns()[i], *a))
		}
		if c.Fator != nil {
			vals = append(vals, amount("fator", *c.Fator))
		}
		row("Credito_Operadoras", vals...)
	}
	for _, c := range in.CreditoSeguros {
		vals := []Value{{Field: "contraparte", V: c.Contraparte}, amount("exposicao", c.Exposicao)}
		if c.Fator != nil {
			vals = append(vals, amount("fator", *c.Fator))
		}
		row("Credito_Seguros", vals...)
	}
	for _, c := range in.CreditoAtivos {
		vals := []Value{{Field: "descricao", V: c.Descricao}, {Field: "categoria", V: string(c.Categoria)}, amount("exposicao", c.Exposicao)}
		if c.FPR != nil {
			vals = append(vals, amount("fpr", *c.FPR))
		}
		row("Credito_Ativos", vals...)
	}
	for _, f := range in.MercadoALM {
		row("Mercado_ALM", Value{Field: "conta", V: f.Conta}, amount("valor", f.Valor), Value{Field: "sinal", V: f.Sinal},
			amount("prazo_meses", f.Prazo), Value{Field: "indexador", V: string(f.Indexador)})
	}
	for _, a := range in.MercadoAtivos {
		row("Mercado_Ativos", Value{Field: "descricao", V: a.Descricao}, Value{Field: "classe", V: string(a.Classe)}, amount("valor", a.Valor))
	}
	op2 := &in.Operacional
	field("Operacional", amount("contraprestacoes_12m_total", op2.Contraprestacoes12m), amount("provisoes_tecnicas", op2.ProvisoesTecnicas))
	inf := &in.Informadas
	for _, p := range []struct {
		field string
		a     *capital.Amount
	}{{"crs", inf.CRS}, {"crc", inf.CRC}, {"crm", inf.CRM}, {"cro", inf.CRO}} {
		if p.a != nil {
			field("Parcelas_Informadas", amount(p.field, *p.a))
		}
	}
	return out
}

// creditoAmounts are a counterparty's amounts in the order of
// rules.CreditoColumns (c2 … d10).
func creditoAmounts(c *capital.CreditoOperadora) []*capital.Amount {
	return []*capital.Amount{&c.C2, &c.C3, &c.C4, &c.C5, &c.C6, &c.C7, &c.D8, &c.D9, &c.D10}
}

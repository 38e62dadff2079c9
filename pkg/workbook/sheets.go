package workbook

import (
	"strconv"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/layout"
)

// readInto reads one layout sheet into the input.
func (r *reader) readInto(in *capital.Input, s layout.Sheet, name string) error {
	if s.Kind == layout.Fields {
		cells, err := r.fieldCells(s, name)
		if err != nil {
			return err
		}
		fs := fieldSheet{r: r, cells: cells}
		switch s.Name {
		case "Operadora":
			r.operadora(&in.Operadora, fs, &in.Incomplete)
		case "PLA":
			in.PLA.PL = fs.num("pl", false)
			for i, d := range capital.DeductionNames {
				in.PLA.Deducoes[i] = fs.nonNeg(d)
			}
		case "Remissao":
			rm := &in.Remissao
			rm.CATemporaria, rm.CAVitalicia = fs.nonNeg("ca_temporaria"), fs.nonNeg("ca_vitalicia")
			rm.PRTemporaria, rm.PRVitalicia = fs.nonNeg("pr_temporaria"), fs.nonNeg("pr_vitalicia")
		case "Operacional":
			in.Operacional.Contraprestacoes12m = fs.nonNeg("contraprestacoes_12m_total")
			in.Operacional.ProvisoesTecnicas = fs.nonNeg("provisoes_tecnicas")
		case "Parcelas_Informadas":
			inf := &in.Informadas
			inf.CRS, inf.CRC, inf.CRM, inf.CRO = fs.opt("crs"), fs.opt("crc"), fs.opt("crm"), fs.opt("cro")
		}
		return nil
	}
	switch s.Name {
	case "Contraprestacoes":
		return r.table(s, name, func(row tableRow) {
			m, ok1 := r.month(row("competencia"), "competencia")
			t, ok2 := term[ans.TipoContratacao](r.enum(row("tipo_contratacao"), "tipo_contratacao", layout.TiposContratacao, false))
			g, ok3 := term[ans.Segmento](r.enum(row("segmento"), "segmento", layout.Segmentos, false))
			v, _ := r.number(row("valor"), "valor", false, false)
			// A row whose valor is bad (already reported) still counts as
			// present, so the window check reports no missing month for it.
			if !(ok1 && ok2 && ok3) {
				in.Incomplete.Add(sheetParts[s.Name])
			} else {
				in.Contraprestacoes = append(in.Contraprestacoes, capital.Monthly{Competencia: m, CompetenciaRef: row("competencia").ref(), Tipo: t, Segmento: g, Valor: v})
			}
		})
	case "Eventos":
		return r.table(s, name, func(row tableRow) {
			m, ok1 := r.month(row("competencia"), "competencia")
			v, _ := r.number(row("valor"), "valor", false, false)
			if !ok1 {
				in.Incomplete.Add(sheetParts[s.Name])
			} else {
				in.Eventos = append(in.Eventos, capital.Monthly{Competencia: m, CompetenciaRef: row("competencia").ref(), Valor: v})
			}
		})
	case "ABI":
		return r.table(s, name, func(row tableRow) {
			r.text(row("id_aviso"), "id_aviso", true)
			if v, ok := r.amount(row("valor"), "valor"); ok {
				in.ABI = append(in.ABI, v)
			}
		})
	case "Credito_Operadoras":
		return r.table(s, name, func(row tableRow) {
			c := capital.CreditoOperadora{RowRef: row("registro_ans").ref(), GrauRef: row("grau_risco").ref()}
			ok := true
			var ok1 bool
			c.RegistroANS, ok1 = r.registro(row("registro_ans"), "registro_ans")
			ok = ok && ok1
			c.GrauRisco, ok1 = r.text(row("grau_risco"), "grau_risco", false)
			ok = ok && ok1
			for _, f := range []struct {
				col string
				dst *capital.Amount
			}{
				{"creditos_operacoes", &c.C2}, {"intercambio_receber", &c.C3}, {"creditos_programas", &c.C4},
				{"ppsc_programas", &c.C5}, {"creditos_adm_programas", &c.C6}, {"ppsc_adm_programas", &c.C7},
				{"debitos_operacoes", &c.D8}, {"pesl_intercambio", &c.D9}, {"debitos_adm_programas", &c.D10},
			} {
				v, ok1 := r.amount(row(f.col), f.col)
				*f.dst, ok = v, ok && ok1
			}
			c.Fator = r.optAmount(row("fator"), "fator", true)
			if ok {
				in.CreditoOperadoras = append(in.CreditoOperadoras, c)
			}
		})
	case "Credito_Seguros":
		return r.table(s, name, func(row tableRow) {
			p, ok1 := r.text(row("contraparte"), "contraparte", false)
			v, ok2 := r.amount(row("exposicao"), "exposicao")
			f := r.optAmount(row("fator"), "fator", true)
			if ok1 && ok2 {
				in.CreditoSeguros = append(in.CreditoSeguros, capital.CreditoSeguro{Contraparte: p, Exposicao: v, Fator: f})
			}
		})
	case "Credito_Ativos":
		return r.table(s, name, func(row tableRow) {
			d, ok1 := r.text(row("descricao"), "descricao", false)
			cat, ok2 := term[ans.Categoria](r.enum(row("categoria"), "categoria", layout.Categorias, false))
			v, ok3 := r.amount(row("exposicao"), "exposicao")
			f := r.optAmount(row("fpr"), "fpr", true)
			if ok1 && ok2 && ok3 {
				in.CreditoAtivos = append(in.CreditoAtivos, capital.CreditoAtivo{Descricao: d, Categoria: cat, CatRef: row("categoria").ref(), Exposicao: v, FPR: f})
			}
		})
	case "Mercado_ALM":
		return r.table(s, name, func(row tableRow) {
			conta, ok1 := r.text(row("conta"), "conta", false)
			v, ok2 := r.amount(row("valor"), "valor")
			sinal, ok3 := r.enum(row("sinal"), "sinal", layout.Sinais, false)
			prazo, ok4 := r.amount(row("prazo_meses"), "prazo_meses")
			idx, ok5 := term[ans.Indexador](r.enum(row("indexador"), "indexador", layout.Indexadores, false))
			if ok1 && ok2 && ok3 && ok4 && ok5 {
				in.MercadoALM = append(in.MercadoALM, capital.FluxoALM{Conta: conta, Valor: v, Sinal: sinal, Prazo: prazo, Indexador: idx})
			}
		})
	case "Mercado_Ativos":
		return r.table(s, name, func(row tableRow) {
			d, ok1 := r.text(row("descricao"), "descricao", false)
			cl, ok2 := term[ans.Classe](r.enum(row("classe"), "classe", layout.Classes, false))
			v, ok3 := r.amount(row("valor"), "valor")
			if ok1 && ok2 && ok3 {
				in.MercadoAtivos = append(in.MercadoAtivos, capital.AtivoMercado{Descricao: d, Classe: cl, Valor: v})
			}
		})
	case beneficiarios.SheetName:
		return r.beneficiarios(in, s, name)
	}
	return nil
}

// optAmount reads an optional amount (percent: a factor, which takes
// "35%") that must not be negative; nil when the cell is empty, or bad.
func (r *reader) optAmount(c cell, name string, percent bool) *capital.Amount {
	v, ok := r.number(c, name, true, percent)
	if !ok {
		return nil
	}
	r.nonNegative(v, c, name)
	return &v
}

// fieldSheet reads the values of a campo | valor sheet.
type fieldSheet struct {
	r     *reader
	cells map[string]cell
}

func (fs fieldSheet) num(name string, percent bool) capital.Amount {
	c, ok := fs.cells[name]
	if !ok {
		return capital.Amount{}
	}
	v, _ := fs.r.number(c, name, false, percent)
	return v
}

func (fs fieldSheet) nonNeg(name string) capital.Amount {
	c, ok := fs.cells[name]
	if !ok {
		return capital.Amount{}
	}
	v, _ := fs.r.amount(c, name)
	return v
}

func (fs fieldSheet) opt(name string) *capital.Amount {
	c, ok := fs.cells[name]
	if !ok {
		return nil
	}
	return fs.r.optAmount(c, name, false)
}

func (fs fieldSheet) date(name string) *capital.Dated {
	c, ok := fs.cells[name]
	if !ok {
		return nil
	}
	d, _ := fs.r.date(c, name, true)
	return d
}

func (r *reader) operadora(op *capital.Operadora, fs fieldSheet, incomplete *capital.Parts) {
	get := func(name string) (cell, bool) { c, ok := fs.cells[name]; return c, ok }
	if c, ok := get("registro_ans"); ok {
		op.RegistroANS, _ = r.registro(c, "registro_ans")
	}
	if c, ok := get("razao_social"); ok {
		op.RazaoSocial, _ = r.text(c, "razao_social", false)
	}
	if c, ok := get("data_base"); ok {
		var good bool
		if op.DataBase, good = r.month(c, "data_base"); !good {
			incomplete.Add(capital.DataBasePart)
		}
		op.DataBaseRef = c.ref()
	} else {
		incomplete.Add(capital.DataBasePart)
	}
	if c, ok := get("modalidade"); ok { // a bad one is "": the checks that need it are skipped
		op.Modalidade, _ = term[ans.Modalidade](r.enum(c, "modalidade", layout.Modalidades, false))
		op.ModalRef = c.ref()
	}
	if c, ok := get("segmentacao"); ok {
		var good bool
		if op.Segmentacao, good = term[ans.Segmentacao](r.enum(c, "segmentacao", layout.Segmentacoes, true)); !good && !c.empty() {
			incomplete.Add(capital.SegmentacaoPart)
		}
		op.SegRef = c.ref()
	} else {
		op.SegRef = "Operadora!segmentacao"
	}
	if c, ok := get("regiao"); ok {
		reg, ok := r.enum(c, "regiao", layout.Regioes, false)
		if ok {
			op.Regiao, _ = strconv.Atoi(reg)
		}
		op.RegiaoRef = c.ref()
	}
	if c, ok := get("hc"); ok {
		if v, ok := r.number(c, "hc", false, true); ok && r.within(v, c, "hc", 0, 1) {
			op.HC = v
		}
	}
	op.GovernancaRelatorio = fs.date("governanca_relatorio_data")
	op.AcreditacaoInicio = fs.date("acreditacao_inicio")
	op.PromoprevAprovacao = fs.date("promoprev_aprovacao")
	op.PartoAdequadoCertificacao = fs.date("parto_adequado_certificacao")
	op.APSCertificacao = fs.date("aps_certificacao")
	if c, ok := get("idss"); ok {
		if v, ok := r.number(c, "idss", true, true); ok && r.within(v, c, "idss", 0, 1) {
			op.IDSS = &v
		}
	}
	for _, name := range layout.Situacoes {
		flag := capital.Flag{Name: name}
		if c, ok := get(name); ok {
			flag.On, flag.Ref = r.flag(c, name), c.ref()
		}
		op.Situacoes = append(op.Situacoes, flag)
	}
}

package capital

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// Check finds what the model rules out in an input (errors) and what looks
// wrong in it (warnings): the operator's classification, ranges, the
// 12-month windows, the consistency of dates, PLA and beneficiary data, and
// what the rulebook cannot serve (a capital de referência for the data base,
// a factor for each grau de risco). A reader that dropped a bad row still
// passes the rest: Check reports what it sees, never a consequence of an
// error already reported.
func Check(in *Input, rb *rules.Rulebook) findings.List {
	var l findings.List
	op := in.Operadora
	at := func(code, ref string, msg lang.Msg) {
		l.Add(findings.New(code, sheetOf(ref), cellOf(ref), msg))
	}
	switch {
	case slices.Contains(ans.OutOfScope(), op.Modalidade):
		at(findings.OutOfScope, op.ModalRef, lang.M("modalidade %s is outside RN 569 (art. 1, parágrafo único)", op.Modalidade))
		return l
	case op.Modalidade != "" && !slices.Contains(ans.Modalidades(), op.Modalidade):
		at(findings.BadEnum, op.ModalRef, lang.M("modalidade %q is not one of %s", op.Modalidade, strings.Join(ans.Spellings(ans.Modalidades()), ", ")))
	}
	segs := op.Modalidade.Segmentacoes()
	switch {
	case op.Modalidade == "" || in.Incomplete.has(SegmentacaoPart):
	case segs != nil && !slices.Contains(segs, op.Segmentacao):
		msg := lang.M("segmentação %q is not valid for %s (valid: %s)", op.Segmentacao, op.Modalidade, strings.Join(ans.Spellings(segs), ", "))
		if op.Segmentacao == "" {
			msg = lang.M("%s needs a segmentação (one of %s)", op.Modalidade, strings.Join(ans.Spellings(segs), ", "))
		}
		at(findings.BadCombination, op.SegRef, msg)
	case segs == nil && op.Segmentacao != "":
		at(findings.IgnoredSegment, op.SegRef, lang.M("segmentação %s does not apply to %s and is ignored", op.Segmentacao, op.Modalidade))
	}
	if op.Regiao != 0 && (op.Regiao < 1 || op.Regiao > 6) {
		at(findings.OutOfRange, op.RegiaoRef, lang.M("região %d is outside 1 to 6", op.Regiao))
	}
	one := decimal.NewFromInt(1)
	if op.HC.V.Sign() < 0 || op.HC.V.GreaterThan(one) {
		at(findings.OutOfRange, op.HC.Ref, lang.M("hc = %s is outside 0 to 1", op.HC.V))
	}
	if op.IDSS != nil && (op.IDSS.V.Sign() < 0 || op.IDSS.V.GreaterThan(one)) {
		at(findings.OutOfRange, op.IDSS.Ref, lang.M("idss = %s is outside 0 to 1", op.IDSS.V))
	}
	noBase := op.DataBase.IsZero() || in.Incomplete.has(DataBasePart)
	if !noBase {
		l = append(l, checkDates(op)...)
		l = append(l, checkCapitalReferencia(op, rb)...)
	}
	if !in.Incomplete.has(PLAPart) {
		l = append(l, checkPLA(in.PLA)...)
	}
	l = append(l, checkBeneficiarios(in)...)
	l = append(l, checkGraus(in.CreditoOperadoras, rb)...)
	if op.Modalidade == ans.AdministradoraDeBeneficios || noBase || op.Modalidade == "" {
		return l
	}
	for _, r := range in.Contraprestacoes {
		if !slices.Contains(ans.TiposContratacao(), r.Tipo) || !slices.Contains(ans.Segmentos(), r.Segmento) {
			at(findings.BadEnum, r.CompetenciaRef, lang.M("cell %s/%s is not a tipo_contratacao/segmento of the layout", r.Tipo, r.Segmento))
			return l
		}
	}
	contra, eventos := !in.Incomplete.has(ContraprestacoesPart), !in.Incomplete.has(EventosPart)
	if contra {
		l = append(l, checkWindow(in.Contraprestacoes, op.DataBase, "Contraprestacoes", true)...)
	}
	if !contra || !eventos {
		return l
	}
	if len(in.Contraprestacoes) > 0 || len(in.Eventos) > 0 {
		l = append(l, checkWindow(in.Eventos, op.DataBase, "Eventos", false)...)
		if len(in.Eventos) == 0 {
			l.Add(findings.New(findings.MissingMonth, "Eventos", "", lang.M("Eventos has no rows, but the 12 months %s to %s are needed for PRO", op.DataBase.Add(-11), op.DataBase)))
		}
	} else if op.Modalidade != "" {
		l.Add(findings.New(findings.NoPreBusiness, "Contraprestacoes", "", lang.M("Contraprestacoes and Eventos have no rows: PRE and PRO are zero")))
	}
	return l
}

// staleMonths is how old the capital de referência in force may be: ANS
// re-indexes it every July, so a point more than 12 months older than the
// data base means the rulebook lacks a later one.
const staleMonths = 12

// checkCapitalReferencia needs a point of the capital de referência series
// in force at the data base, and warns when the data base is more than
// staleMonths months after that point's month (point 2025-07-01: data base
// 2026-07 is fine, 2026-08 is stale).
func checkCapitalReferencia(op Operadora, rb *rules.Rulebook) findings.List {
	var l findings.List
	at := op.DataBase.LastDay()
	point, ok := rb.CapitalReferenciaAt(at)
	switch {
	case !ok:
		l.Add(findings.New(findings.NoCapitalRef, sheetOf(op.DataBaseRef), cellOf(op.DataBaseRef),
			lang.M("no capital de referência in force on %s (the series starts %s)", at, rb.CapitalReferencia[0].Desde.Time)))
	case op.DataBase.After(period.MonthOf(point.Desde.Time).Add(staleMonths)):
		l.Add(findings.New(findings.StaleCapitalRef, sheetOf(op.DataBaseRef), cellOf(op.DataBaseRef),
			lang.M("the capital de referência in force, %s from %s, is more than %d months older than the data base %s: ANS re-indexes it every July (IPCA July–June) and the rulebook has no later point",
				money.BRL(point.Valor.Decimal), point.Desde.Time, staleMonths, op.DataBase)))
	}
	return l
}

// checkGraus needs a factor for the grau de risco of every counterparty
// operator whose row does not type its own: when the rulebook has a table by
// grade (crc.fator_1_1.por_grau), the grade must be in it, case and spaces
// not counting.
func checkGraus(rows []CreditoOperadora, rb *rules.Rulebook) findings.List {
	var l findings.List
	graus := rb.Graus()
	if len(graus) == 0 {
		return l
	}
	known := make([]string, len(graus))
	for i, k := range graus {
		known[i] = strconv.Quote(k)
	}
	for _, c := range rows {
		if _, ok := rb.Grau(c.GrauRisco); ok || c.Fator != nil {
			continue
		}
		l.Add(findings.New(findings.BadEnum, sheetOf(c.GrauRef), cellOf(c.GrauRef),
			lang.M("grau_risco %q is not a grade of the rulebook's factor table crc.fator_1_1.por_grau (known: %s; case and spaces do not count)", c.GrauRisco, strings.Join(known, ", "))).
			WithFix(lang.M("use a known grade, add the grade to crc.fator_1_1.por_grau in your rules file, or type the row's factor in the fator column")))
	}
	return l
}

// checkDates warns of eligibility dates that cannot count at the data base.
func checkDates(op Operadora) findings.List {
	var l findings.List
	end := op.DataBase.LastDay()
	for _, d := range []struct {
		what string
		d    *Dated
	}{
		{"acreditacao_inicio", op.AcreditacaoInicio}, {"promoprev_aprovacao", op.PromoprevAprovacao},
		{"parto_adequado_certificacao", op.PartoAdequadoCertificacao}, {"aps_certificacao", op.APSCertificacao},
	} {
		if d.d != nil && d.d.T.After(end) {
			l.Add(findings.New(findings.DateAfterBase, sheetOf(d.d.Ref), cellOf(d.d.Ref),
				lang.M("%s %s is after the data base %s: it does not count for this data base", d.what, d.d.T, op.DataBase)))
		}
	}
	if g := op.GovernancaRelatorio; g != nil && g.T.Year() > op.DataBase.Year {
		l.Add(findings.New(findings.DateAfterBase, sheetOf(g.Ref), cellOf(g.Ref),
			lang.M("governanca_relatorio_data %s is in a later year than the data base %s: it covers %s only", g.T, op.DataBase, strconv.Itoa(g.T.Year()))))
	}
	return l
}

// checkPLA warns when the deductions exceed the PL.
func checkPLA(p PLAInput) findings.List {
	var l findings.List
	sum := decimal.Zero
	for _, d := range p.Deducoes {
		sum = sum.Add(d.V)
	}
	if p.PL.Ref != "" && sum.GreaterThan(p.PL.V) {
		l.Add(findings.New(findings.DeductionsOverPL, sheetOf(p.PL.Ref), cellOf(p.PL.Ref),
			lang.M("the deductions (%s) exceed pl (%s): PLA is negative", money.BRL(sum), money.BRL(p.PL.V))))
	}
	return l
}

// checkBeneficiarios compares the beneficiary data with the program dates
// and the remission bases.
func checkBeneficiarios(in *Input) findings.List {
	var l findings.List
	b, op := in.Beneficiarios, in.Operadora
	if b == nil || b.Total == 0 {
		return l
	}
	for _, p := range []struct {
		campo ans.FactorSet // the program, as the beneficiaries' column names it
		date  *Dated
		count int64
	}{
		{ans.Promoprev, op.PromoprevAprovacao, b.Promoprev},
		{ans.PartoAdequado, op.PartoAdequadoCertificacao, b.PartoAdequado},
		{ans.APS, op.APSCertificacao, b.APS},
	} {
		switch {
		case p.date != nil && p.count == 0:
			l.Add(findings.New(findings.ProgramNoData, sheetOf(p.date.Ref), cellOf(p.date.Ref),
				lang.M("the %s date is filled but no beneficiary in %s is marked %s = S", p.campo, b.Source, p.campo)))
		case p.date == nil && p.count > 0:
			l.Add(findings.New(findings.ProgramNoData, b.Source, "",
				lang.M("%d beneficiaries are marked %s = S but the operator has no %s date", p.count, p.campo, p.campo)))
		}
	}
	rm := in.Remissao
	for _, c := range []struct {
		code ans.Remissao
		base Amount
		name string
	}{
		{ans.ClausulaTemporaria, rm.CATemporaria, "ca_temporaria"}, {ans.ClausulaVitalicia, rm.CAVitalicia, "ca_vitalicia"},
		{ans.RemidoTemporario, rm.PRTemporaria, "pr_temporaria"}, {ans.RemidoVitalicio, rm.PRVitalicia, "pr_vitalicia"},
	} {
		if n := b.Remissao[c.code]; n > 0 && c.base.Ref != "" && c.base.V.IsZero() {
			l.Add(findings.New(findings.RemissionMismatch, sheetOf(c.base.Ref), cellOf(c.base.Ref),
				lang.M("%d beneficiaries are %s but %s is zero", n, c.code, c.name)))
		}
	}
	return l
}

func checkWindow(rows []Monthly, db period.Month, sheet string, cells bool) findings.List {
	var l findings.List
	first := db.Add(-11)
	seen := map[string]map[period.Month]string{}
	var order []string
	for _, r := range rows {
		k := cellKey(r)
		if seen[k] == nil {
			seen[k] = map[period.Month]string{}
			order = append(order, k)
		}
		if prev, dup := seen[k][r.Competencia]; dup {
			what := lang.M("competência %s", r.Competencia)
			if cells {
				what = lang.M("competência %s × %s", r.Competencia, k)
			}
			l.Add(findings.New(findings.DuplicateMonth, sheet, cellOf(r.CompetenciaRef),
				lang.M("%s appears twice (also at %s)", what, prev)))
			continue
		}
		seen[k][r.Competencia] = r.CompetenciaRef
	}
	for _, k := range order {
		total, firstRef := decimal.Zero, ""
		for _, r := range rows {
			if cellKey(r) == k && !r.Competencia.Before(first) && !r.Competencia.After(db) {
				total = total.Add(r.Valor.V)
				if firstRef == "" {
					firstRef = r.Valor.Ref
				}
			}
		}
		if total.Sign() < 0 {
			msg := lang.M("the 12-month total is negative (%s)", total)
			if cells {
				msg = lang.M("the 12-month total of %s is negative (%s)", k, total)
			}
			f := findings.New(findings.NegativeTotal, sheet, cellOf(firstRef), msg)
			f.Column = "valor"
			l.Add(f)
		}
		var missing []period.Month
		for m := first; !m.After(db); m = m.Add(1) {
			if _, ok := seen[k][m]; !ok {
				missing = append(missing, m)
			}
		}
		if len(missing) > 0 {
			msg := lang.M("missing competência %s (the window is %s to %s)", lang.Join(missing, ", "), first, db)
			if cells {
				msg = lang.M("missing competência %s for %s (the window is %s to %s)", lang.Join(missing, ", "), k, first, db)
			}
			f := findings.New(findings.MissingMonth, sheet, "", msg)
			f.Column = "competencia"
			l.Add(f)
		}
	}
	return l
}

func sheetOf(ref string) string {
	s, _, _ := strings.Cut(ref, "!")
	return s
}

func cellOf(ref string) string {
	_, c, _ := strings.Cut(ref, "!")
	return c
}

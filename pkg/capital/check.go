package capital

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// Modalities the model computes, and the two it refuses (RN 569 art. 1).
var (
	Modalities = []string{"seguradora_especializada", "medicina_de_grupo", "filantropia", "cooperativa_medica",
		"autogestao", "odontologia_de_grupo", "cooperativa_odontologica", "administradora_de_beneficios"}
	OutOfScopeModalities = []string{"autogestao_rh", "autogestao_mantenedor"}
	Segmentations        = []string{"ST", "SSS", "SSP", "SPS", "SPP", "SPP/SUS", "SOT", "SOM", "SOP"}
)

// segmentationsOf lists the segmentações valid for a modality; nil means the
// modality takes none.
func segmentationsOf(modalidade string) []string {
	switch modalidade {
	case "medicina_de_grupo", "filantropia", "cooperativa_medica":
		return []string{"ST", "SSS", "SSP", "SPS", "SPP", "SPP/SUS"}
	case "odontologia_de_grupo", "cooperativa_odontologica":
		return []string{"SOT", "SOM", "SOP"}
	}
	return nil
}

// KRow names the row of the fator K table for a modality and segmentação.
func KRow(modalidade, segmentacao string) (string, bool) {
	segs := segmentationsOf(modalidade)
	if segs == nil {
		return modalidade, slices.Contains(Modalities, modalidade)
	}
	if !slices.Contains(segs, segmentacao) {
		return "", false
	}
	seg := strings.TrimSuffix(segmentacao, "/SUS")
	switch modalidade {
	case "medicina_de_grupo", "filantropia":
		return "medicina_de_grupo_filantropia_" + seg, true
	default:
		return modalidade + "_" + seg, true
	}
}

// Check finds what the model rules out in an input the reader accepted:
// out-of-scope modalities, modality × segmentação, and the 12-month windows.
func Check(in *Input) findings.List {
	var l findings.List
	op := in.Operadora
	if slices.Contains(OutOfScopeModalities, op.Modalidade) {
		l.Add(findings.New(findings.OutOfScope, sheetOf(op.ModalRef), cellOf(op.ModalRef),
			fmt.Sprintf("modalidade %s is outside RN 569 (art. 1, parágrafo único)", op.Modalidade), ""))
		return l
	}
	if segs := segmentationsOf(op.Modalidade); segs != nil && !slices.Contains(segs, op.Segmentacao) {
		msg := fmt.Sprintf("segmentação %q is not valid for %s (valid: %s)", op.Segmentacao, op.Modalidade, strings.Join(segs, ", "))
		if op.Segmentacao == "" {
			msg = fmt.Sprintf("%s needs a segmentação (one of %s)", op.Modalidade, strings.Join(segs, ", "))
		}
		l.Add(findings.New(findings.BadCombination, sheetOf(op.SegRef), cellOf(op.SegRef), msg, ""))
	}
	if op.Modalidade == "administradora_de_beneficios" {
		return l
	}
	l = append(l, checkWindow(in.Contraprestacoes, op.DataBase, "Contraprestacoes", true)...)
	if len(in.Contraprestacoes) > 0 || len(in.Eventos) > 0 {
		l = append(l, checkWindow(in.Eventos, op.DataBase, "Eventos", false)...)
		if len(in.Eventos) == 0 {
			l.Add(findings.New(findings.MissingMonth, "Eventos", "", fmt.Sprintf("Eventos has no rows, but the 12 months %s to %s are needed for PRO", op.DataBase.Add(-11), op.DataBase), ""))
		}
	}
	return l
}

// cellKey names a Contraprestacoes cell (or "" for Eventos).
func cellKey(m Monthly) string {
	if m.Tipo == "" {
		return ""
	}
	return m.Tipo + "/" + m.Segmento
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
			what := "competência " + r.Competencia.String()
			if cells {
				what += " × " + k
			}
			l.Add(findings.New(findings.DuplicateMonth, sheet, cellOf(r.CompetenciaRef),
				fmt.Sprintf("%s appears twice (also at %s)", what, prev), ""))
			continue
		}
		seen[k][r.Competencia] = r.CompetenciaRef
	}
	for _, k := range order {
		var missing []string
		for m := first; !m.After(db); m = m.Add(1) {
			if _, ok := seen[k][m]; !ok {
				missing = append(missing, m.String())
			}
		}
		if len(missing) > 0 {
			where := ""
			if cells {
				where = " for " + k
			}
			f := findings.New(findings.MissingMonth, sheet, "",
				fmt.Sprintf("missing competência %s%s (the window is %s to %s)", strings.Join(missing, ", "), where, first, db), "")
			f.Column = "competencia"
			l.Add(f)
		}
	}
	return l
}

// windowSum adds the rows of one cell inside the 12 months ending at db.
func windowSum(rows []Monthly, db period.Month, key string, n *Node, label string) decimal.Decimal {
	first := db.Add(-11)
	sum := decimal.Zero
	for _, r := range rows {
		if cellKey(r) != key || r.Competencia.Before(first) || r.Competencia.After(db) {
			continue
		}
		sum = sum.Add(n.input(label+" "+r.Competencia.String(), r.Valor))
	}
	return sum
}

func sheetOf(ref string) string {
	s, _, _ := strings.Cut(ref, "!")
	return s
}

func cellOf(ref string) string {
	_, c, _ := strings.Cut(ref, "!")
	return c
}

// cellsOf lists the Contraprestacoes cells that have rows, in rho order.
func cellsOf(rows []Monthly) []string {
	var out []string
	for _, seg := range rules.Segments {
		for _, t := range rules.ContractTypes {
			k := t + "/" + seg
			if slices.ContainsFunc(rows, func(m Monthly) bool { return cellKey(m) == k }) {
				out = append(out, k)
			}
		}
	}
	return out
}

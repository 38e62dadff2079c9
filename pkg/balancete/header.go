package balancete

import (
	"strings"
	"unicode"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// form is the form of a balancete file, known by its header row.
type form int

const (
	openData form = iota + 1 // the ANS open data: DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;[VL_SALDO_INICIAL;]VL_SALDO_FINAL
	erp                      // an ERP export: conta, saldo_final (or saldo), optional descricao, saldo_inicial, mes, registro_ans
)

// The columns a balancete has, by what they hold.
const (
	colConta = iota
	colFinal
	colInicial
	colRegistro
	colMes // the ERP's month, or the open data's DATA (the quarter's first day)
	colDescricao
	nCols
)

// header is a recognised header row: the form, the 0-based index of each
// column in a row (-1 when the file has none) and the other columns.
type header struct {
	form  form
	idx   [nCols]int
	extra []int // indexes of columns neither form has, ignored
}

// A column name of each form, as fold leaves it, and the column it is.
var (
	openDataNames = map[string]int{
		"data": colMes, "reg_ans": colRegistro, "registro_operadora": colRegistro, "cd_conta_contabil": colConta,
		"descricao": colDescricao, "vl_saldo_inicial": colInicial, "vl_saldo_final": colFinal,
	}
	erpNames = map[string]int{
		"conta": colConta, "saldo_final": colFinal, "saldo": colFinal, "saldo_inicial": colInicial,
		"mes": colMes, "registro_ans": colRegistro, "descricao": colDescricao,
	}
)

// The header of each form, as the messages describe it.
var (
	openDataHeader = lang.M("DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_INICIAL;VL_SALDO_FINAL (VL_SALDO_INICIAL optional)")
	erpHeader      = lang.M("conta, saldo_final (or saldo), and optional descricao, saldo_inicial, mes, registro_ans")
)

// headerProblem is why a header row was not recognised, or a column it
// has that is not read: Col is its 0-based index, -1 for the row itself.
type headerProblem struct {
	Col     int
	Warning bool
	Msg     lang.Msg
}

// recognise reads a header row: names are matched whatever their case,
// the blanks around them and their accents (descrição is descricao), and a
// blank inside a name is an underscore (Saldo Final is saldo_final). A
// header with CD_CONTA_CONTABIL is the open data's, one with conta an
// ERP's; either must have its required columns, each once. Columns of
// neither form are warnings.
func recognise(names []string) (header, []headerProblem) {
	h := header{}
	for i := range h.idx {
		h.idx[i] = -1
	}
	folded := make([]string, len(names))
	has := map[string]bool{}
	for i, n := range names {
		folded[i] = fold(n)
		has[folded[i]] = true
	}
	var known map[string]int
	switch {
	case has["cd_conta_contabil"]:
		h.form, known = openData, openDataNames
	case has["conta"]:
		h.form, known = erp, erpNames
	default:
		return h, []headerProblem{{Col: -1, Msg: lang.M("the first row (%s) is no balancete header: the ANS open data's is %s, an ERP export's %s",
			findings.Clip(strings.Join(names, ", ")), openDataHeader, erpHeader)}}
	}
	var probs []headerProblem
	first := map[int]int{} // column → index of the name that gave it
	for i, f := range folded {
		if f == "" {
			continue
		}
		c, ok := known[f]
		if !ok {
			h.extra = append(h.extra, i)
			probs = append(probs, headerProblem{Col: i, Warning: true, Msg: lang.M("column %q is not a balancete column and is ignored", findings.Clip(strings.TrimSpace(names[i])))})
			continue
		}
		if j, dup := first[c]; dup {
			probs = append(probs, headerProblem{Col: i, Msg: lang.M("column %q gives the same values as column %q: keep one", findings.Clip(strings.TrimSpace(names[i])), findings.Clip(strings.TrimSpace(names[j])))})
			continue
		}
		first[c] = i
		h.idx[c] = i
	}
	required := []int{colConta, colFinal}
	if h.form == openData {
		required = append(required, colRegistro, colMes)
	}
	var missing []string
	for _, c := range required {
		if h.idx[c] < 0 {
			missing = append(missing, columnNames[h.form][c])
		}
	}
	if len(missing) > 0 {
		want := erpHeader
		if h.form == openData {
			want = openDataHeader
		}
		probs = append(probs, headerProblem{Col: -1, Msg: lang.M("the header lacks %s (a balancete header: %s)", strings.Join(missing, ", "), want)})
	}
	return h, probs
}

// columnNames are the columns as each form names them, for messages.
var columnNames = map[form][nCols]string{
	openData: {"CD_CONTA_CONTABIL", "VL_SALDO_FINAL", "VL_SALDO_INICIAL", "REG_ANS", "DATA", "DESCRICAO"},
	erp:      {"conta", "saldo_final", "saldo_inicial", "registro_ans", "mes", "descricao"},
}

// fold is a column name as recognise compares it: lower case, without
// the blanks around it and the accents, inner blanks as underscores.
func fold(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return '_'
		}
		r = unicode.ToLower(r)
		if p, ok := unaccented[r]; ok {
			return p
		}
		return r
	}, s)
}

// unaccented is the letter of each accented letter of Portuguese.
var unaccented = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ç': 'c', 'ñ': 'n',
}

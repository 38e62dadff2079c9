package report

import (
	"io"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// RulesTable writes the rulebook's parameters (capreg rules show): each
// with its value, status and source, the headings and statuses in
// language l.
func RulesTable(w io.Writer, leaves []rules.Leaf, l lang.Lang) error {
	var rows [][]string
	for _, p := range leaves {
		rows = append(rows, []string{p.Path, p.Value, statusText(l, p.Status), p.Source})
	}
	return listing(w, headings(l, lang.Parameter, lang.Value, lang.Status, lang.Source), rows)
}

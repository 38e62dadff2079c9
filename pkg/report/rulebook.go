package report

import (
	"io"

	"github.com/capreg/capreg/pkg/rules"
)

// RulesTable writes the rulebook's parameters (capreg rules show): each
// with its value, status and source.
func RulesTable(w io.Writer, leaves []rules.Leaf) error {
	var rows [][]string
	for _, l := range leaves {
		rows = append(rows, []string{l.Path, l.Value, string(l.Status), l.Source})
	}
	return listing(w, []string{"PARAMETER", "VALUE", "STATUS", "SOURCE"}, rows)
}

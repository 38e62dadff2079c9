package report

import (
	"fmt"
	"io"

	"github.com/capreg/capreg/pkg/rules"
)

// RulesTable writes the rulebook's parameters (capreg rules show): each
// with its value, status and source.
func RulesTable(w io.Writer, leaves []rules.Leaf) error {
	tw := columns(w)
	fmt.Fprintf(tw, "PARAMETER\tVALUE\tSTATUS\tSOURCE\n")
	for _, l := range leaves {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Path, l.Value, l.Status, l.Source)
	}
	return tw.Flush()
}

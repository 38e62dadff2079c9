package cli

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Completion goes through cobra's hidden __complete command, as the shell
// scripts of capreg completion call it: the values one a line, then
// :DIRECTIVE (4 no file names, 8 file names filtered by the extensions
// listed).
func TestCompletion(t *testing.T) {
	jobs := make([]string, runtime.NumCPU())
	for i := range jobs {
		jobs[i] = strconv.Itoa(i + 1)
	}
	const noFiles, byExt = ":4", ":8"
	factors := []string{"auto", "padrao", "reduzido", "promoprev", "parto_adequado", "aps"}
	cases := []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{"calc", "--factors", ""}, factors, noFiles},
		{[]string{"batch", "dir", "--factors", ""}, factors, noFiles},
		{[]string{"calc", "--output", ""}, []string{"table", "json", "csv", "xlsx"}, noFiles},
		{[]string{"batch", "-o", ""}, []string{"table", "json", "csv", "xlsx", "junit", "github"}, noFiles},
		{[]string{"validate", "--output", ""}, []string{"table", "json", "csv", "junit", "github"}, noFiles},
		{[]string{"coleta", "validate", "-o", ""}, []string{"table", "json", "csv", "junit", "github"}, noFiles},
		{[]string{"reclamacoes", "-o", ""}, []string{"table", "json", "csv"}, noFiles},
		{[]string{"version", "-o", ""}, []string{"table", "json"}, noFiles},
		{[]string{"batch", "--jobs", ""}, jobs, noFiles},
		{[]string{"batch", "-j", ""}, jobs, noFiles},
		{[]string{"calc", "w.xlsx", "--lang", ""}, []string{"pt-BR", "en"}, noFiles},
		{[]string{"rules", "show", "--lang", ""}, []string{"pt-BR", "en"}, noFiles},
		{[]string{"calc", ""}, []string{"xlsx"}, byExt},
		{[]string{"calc", "op.xlsx", ""}, nil, noFiles}, // one workbook only
		{[]string{"compare", ""}, []string{"xlsx"}, byExt},
		{[]string{"reclamacoes", ""}, []string{"xlsx"}, byExt},
		{[]string{"validate", "a.xlsx", ""}, []string{"xlsx"}, byExt},
		{[]string{"batch", "a.xlsx", "b.xlsx", ""}, []string{"xlsx"}, byExt},
		{[]string{"coleta", "validate", ""}, []string{"xlsx"}, byExt},
		{[]string{"coleta", "fill", ""}, []string{"xlsx"}, byExt},
		{[]string{"import", "--base", ""}, []string{"xlsx"}, byExt},
		{[]string{"calc", "op.xlsx", "--beneficiarios", ""}, []string{"csv", "xlsx"}, byExt},
		{[]string{"coleta", "fill", "c.xlsx", "--beneficiarios", ""}, []string{"csv", "xlsx"}, byExt},
		{[]string{"import", "--balancete", ""}, []string{"csv", "xlsx"}, byExt},
		{[]string{"validate", "--balancete", ""}, []string{"csv", "xlsx"}, byExt},
		{[]string{"import", "--diops", ""}, []string{"xml"}, byExt},
		{[]string{"calc", "--rules", ""}, []string{"yaml", "yml"}, byExt},
		{[]string{"rules", "show", "--rules", ""}, []string{"yaml", "yml"}, byExt},
		{[]string{"batch", "--config", ""}, []string{"yaml", "yml"}, byExt},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out, _, code := runCapreg(t, append([]string{"__complete"}, c.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d", code)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			got, directive := lines[:len(lines)-1], lines[len(lines)-1]
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if directive != c.directive {
				t.Errorf("directive %s, want %s", directive, c.directive)
			}
		})
	}
}

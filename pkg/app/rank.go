package app

import (
	"context"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/reclamacoes"
	"github.com/capreg/capreg/pkg/reclamacoesbook"
)

// Rank reads one reclamações workbook and ranks its products (IN ANS
// 36/2024 art. 17); a workbook with errors is a *findings.InputError.
func Rank(ctx context.Context, path string) (*reclamacoes.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := Regular(path); err != nil {
		return nil, err
	}
	in, l, err := reclamacoesbook.Read(ctx, path)
	if err != nil {
		return nil, err
	}
	if in != nil {
		res, checks := reclamacoes.Evaluate(*in)
		l = append(l, checks...)
		if !l.HasErrors() {
			return res, nil
		}
	}
	for i := range l {
		l[i].File = path
	}
	return nil, &findings.InputError{Findings: l.Sorted()}
}

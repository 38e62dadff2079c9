package balancete

import (
	"context"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
)

// FuzzReadCSV reads any bytes as a balancete CSV, with and without a
// registro selected: no panic; every finding has a code, a message and the
// file; sheets only without errors, each with valid codes, sorted, once.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		openDataHeader6 + `"2025-01-01";"316458";"3";"RECEITAS";"0";"1070,5"` + "\r\n" + `"2025-01-01";"5711";"3";"R";"0";"1"` + "\r\n",
		`"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_FINAL"` + "\n" + `"01/10/2020";"316458";"25";"PL";"-1,5"` + "\n",
		openDataHeader6 + `"2023/04/01";"316458";"1";"SA\xdaDE";"1,00";"2,00"` + "\n",
		"conta,descricao,saldo_inicial,saldo_final,mes\n311,x,\"1.000,00\",\"1.500,25\",2025-05\n311,x,1,2,2025-06\n",
		"\ufeffConta;Saldo;Registro ANS\r1;2;316458\r1;3;316458\r",
		"conta;saldo\n3.1;x\n;;\n", "", "\ufeff", "conta;saldo\n\"", "a;b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, registro := range []string{"", "316458"} {
			sheets, l, err := ReadCSV(context.Background(), strings.NewReader(string(data)), "b-2025-06.csv", registro)
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range l {
				if fd.Code == "" || fd.Message == "" || fd.File != "b-2025-06.csv" {
					t.Fatalf("finding without code, message or file: %+v", fd)
				}
				if _, ok := findings.Lookup(fd.Code); !ok {
					t.Fatalf("unknown code %q", fd.Code)
				}
			}
			if len(sheets) > 0 && l.HasErrors() {
				t.Fatalf("sheets with errors: %v", l)
			}
			for _, s := range sheets {
				if registro != "" && s.Registro != registro {
					t.Fatalf("sheet of %q, selected %q", s.Registro, registro)
				}
				for i, r := range s.Rows {
					if !validConta(r.Conta) || i > 0 && s.Rows[i-1].Conta >= r.Conta {
						t.Fatalf("rows not valid, sorted and unique: %v", s.Rows)
					}
				}
			}
		}
	})
}

// FuzzHeader recognises any header row: no panic; a header without errors
// has its form's required columns, each at one index of the row.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{
		"DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_INICIAL;VL_SALDO_FINAL",
		"DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_FINAL",
		" Conta ;Descrição;Saldo Final;Mês;x", "conta;saldo;saldo_final", "conta", "", ";;", "\ufeffCONTA;SALDO",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		names := strings.Split(line, ";")
		h, probs := recognise(names)
		failed := false
		for _, p := range probs {
			if p.Msg.IsZero() || p.Col < -1 || p.Col >= len(names) {
				t.Fatalf("problem %+v of %q", p, names)
			}
			failed = failed || !p.Warning
		}
		if failed {
			return
		}
		required := []int{colConta, colFinal}
		if h.form == openData {
			required = append(required, colRegistro, colMes)
		} else if h.form != erp {
			t.Fatalf("no form and no error: %q", names)
		}
		for _, c := range required {
			if h.idx[c] < 0 {
				t.Fatalf("column %d missing without an error: %q", c, names)
			}
		}
		seen := map[int]bool{}
		for _, i := range h.idx {
			if i >= len(names) || i >= 0 && seen[i] {
				t.Fatalf("indexes %v of %q", h.idx, names)
			}
			seen[i] = i >= 0
		}
		for _, n := range names {
			if f := fold(n); fold(f) != f {
				t.Fatalf("fold(%q) = %q, not a fixed point", n, f)
			}
		}
	})
}

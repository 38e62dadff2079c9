package diops

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/parse"
)

// FuzzRead reads any bytes as a DIOPS-XML: no panic, the findings bounded
// and well formed, and a File only when the document was read to its end,
// holding only what the reader accepts.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtures, "*.xml"))
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "<diops/>", "<diops>" + ident + "</diops>",
		"<diops>" + ident + "<financeiro><balancete><ativo><conta>1</conta><saldoFinal>1</saldoFinal></ativo><ativo><conta>1</conta><saldoFinal>2</saldoFinal></ativo></balancete></financeiro></diops>",
		"<diops>" + ident + "<creditosDebitosCRC><lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO2", "1") + lanc("CAMPO2", "x") + "</lancOperadoraCreditosDebitosCRC></creditosDebitosCRC></diops>",
		"<diops>" + ident + "<fundosInvestimentosCRC>" + fundo("CAMPO4", "<valor/>") + "</fundosInvestimentosCRC></diops>",
		"<diops>" + ident + "<quadroRiscoMercado>" + linha("1", "1", "P", "007", "IGPM") + "</quadroRiscoMercado></diops>",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><diops>\xe9</diops>",
		"<diops><identificacao><registro>1</registro><mes>2024013</mes></identificacao></diops>",
		"<a:diops xmlns:a='u'><a:x><![CDATA[<diops>]]></a:x></a:diops>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, l, err := read(context.Background(), bytes.NewReader(data), "f.xml")
		if err != nil {
			t.Fatalf("error without a done context: %v", err)
		}
		if len(l) > maxErrors+1 {
			t.Fatalf("%d findings", len(l))
		}
		for _, x := range l {
			if _, ok := findings.Lookup(x.Code); !ok || x.File != "f.xml" || x.Message == "" || x.Fix == "" || x.Severity != findings.Error {
				t.Fatalf("bad finding %+v", x)
			}
			if x.Code != findings.DiopsUnreadable && !strings.HasPrefix(x.Element, "diops") {
				t.Fatalf("finding without its element: %+v", x)
			}
		}
		if file == nil {
			if len(l) == 0 || l[len(l)-1].Code != findings.DiopsUnreadable {
				t.Fatalf("no File, and no finding that says why: %v", l)
			}
			return
		}
		for _, x := range l {
			if x.Code == findings.DiopsUnreadable {
				t.Fatalf("a File with %v", x)
			}
		}
		check(t, file)
	})
}

// check asserts what the reader promises of every File it returns.
func check(t *testing.T, f *File) {
	t.Helper()
	if f.Registro != "" && (len(f.Registro) != 6 || !parse.Digits(f.Registro)) || f.Trimestre < 0 || f.Trimestre > 4 {
		t.Fatalf("identificacao %q T%d", f.Registro, f.Trimestre)
	}
	if !f.Mes.IsZero() && (f.Mes.Year != f.Ano || f.Quarterly() && int(f.Mes.Month) != 3*f.Trimestre) {
		t.Fatalf("mes %v of ano %d T%d", f.Mes, f.Ano, f.Trimestre)
	}
	placed := func(p Place) {
		if !strings.HasPrefix(p.Element, "diops/") || p.Line < 1 {
			t.Fatalf("an item without its place: %+v", p)
		}
	}
	contas := map[string]bool{}
	for _, a := range f.Balancete {
		placed(a.Place)
		if !parse.Digits(a.Conta) || contas[a.Conta] || !slices.Contains([]Grupo{Ativo, Passivo, Receita, Despesa}, a.Grupo) {
			t.Fatalf("account %+v", a)
		}
		contas[a.Conta] = true
	}
	if f.Remissao != nil {
		placed(f.Remissao.Place)
	}
	ops := map[string]bool{}
	for _, c := range f.Creditos {
		placed(c.Place)
		if len(c.Operadora) != 6 || ops[c.Operadora] {
			t.Fatalf("operadora %+v", c)
		}
		ops[c.Operadora] = true
		for _, x := range c.Campos {
			placed(x.Place)
			if v, _ := c.Valor(x.N); x.N < 2 || x.N > 10 || !v.Equal(x.Valor) {
				t.Fatalf("campo %+v", x)
			}
		}
	}
	campos := map[int]bool{}
	for _, x := range f.Fundos {
		placed(x.Place)
		if x.N < 1 || x.N > 5 || campos[x.N] {
			t.Fatalf("fundo %+v", x)
		}
		campos[x.N] = true
	}
	for _, x := range f.Mercado {
		placed(x.Place)
		if !parse.Digits(x.Conta) || !slices.Contains(layout.Sinais, x.Sinal) || !slices.Contains(ans.Indexadores(), x.Indexador) {
			t.Fatalf("mercado %+v", x)
		}
	}
}

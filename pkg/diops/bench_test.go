package diops

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// benchDoc is a quarterly DIOPS-XML whose balancete has n accounts, as ERP
// code writes it (one element a line, ADVPL's right-aligned numbers).
func benchDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<diops xmlns="http://www.ans.gov.br/ws/diops/financeiro/schema">` + "\n" +
		"<identificacao><registro>005711</registro><ano>2024</ano><trimestre>2024003</trimestre></identificacao>\n" +
		"<financeiro><balancete>\n")
	groups := []string{"ativo", "passivo", "receita", "despesa"}
	for i := range n {
		g := groups[i%4]
		fmt.Fprintf(&b, "<%s>\n<conta>%d%08d</conta>\n<saldoInicial>%17.2f</saldoInicial>\n<debitos>%17.2f</debitos>\n<creditos>%17.2f</creditos>\n<saldoFinal>%17.2f</saldoFinal>\n</%s>\n",
			g, i%4+1, i, float64(i)*1.25, float64(i%1000)*3.5, float64(i%777)*2.25, float64(i)*1.25+1, g)
	}
	b.WriteString("</balancete></financeiro>\n</diops>\n")
	return b.Bytes()
}

// BenchmarkRead reads a balancete of 100,000 accounts (about 20 MB): the
// MB/s and the allocations of the reader.
func BenchmarkRead(b *testing.B) {
	data := benchDoc(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, l, err := read(context.Background(), bytes.NewReader(data), "b.xml")
		if err != nil || len(l) > 0 || len(f.Balancete) != 100_000 {
			b.Fatalf("%v %v", err, l)
		}
	}
}

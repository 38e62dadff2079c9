package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
)

// The open-data quarter of figure (e), as the generator
// testdata/balancete/gen/opendata_big.py writes it (a port, with every
// operator balanced): the ANS layout of testdata/balancete/opendata/3T2025.csv
// (header DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;VL_SALDO_INICIAL;
// VL_SALDO_FINAL, every field quoted, ';', decimal comma, Latin-1, CRLF, DATA
// 2025-07-01, every hierarchy level, each parent the sum of the rows under it).
// The fixture operator 412345 sits in the middle with exactly its rows of
// that file, so its import gives the values of the fixtures' case
// quarterly_3t2025_alone.

// openDataFixture is the quarter whose operator and account names the
// generated file takes (relative to the repository, where make bench runs).
const openDataFixture = "testdata/balancete/opendata/3T2025.csv"

// openDataRegistro is the fixture operator, the one figure (e) imports.
const openDataRegistro = "412345"

// openDataLevels are the code lengths of the chart's levels (no 7-digit codes).
var openDataLevels = []int{1, 2, 3, 4, 5, 6, 8}

// writeOpenData writes the quarter of operators random operators of about
// rowsPerOperator rows each, plus the fixture operator, to path; the same
// file for the same arguments.
func writeOpenData(path string, operators, rowsPerOperator int) error {
	fixture, names, err := openDataFixtureRows()
	if err != nil {
		return err
	}
	leaves, parents := openDataTemplate(names, rowsPerOperator*66/100)
	for len(leaves)+len(parents) > rowsPerOperator && len(leaves) > 10 {
		leaves, parents = openDataTemplate(names, len(leaves)-20)
	}
	codes := slices.Concat(leaves, parents)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	index := make(map[string]int, len(codes))
	for i, c := range codes {
		index[c] = i
	}
	// Each leaf with the rows above it (itself first), and its sign in the
	// balance 1 = 21 + 23 + 25 + 3 − 4 − 6.
	type leaf struct {
		ups  []int
		sign int64
	}
	ls := make([]leaf, len(leaves))
	plug := -1 // a class-1 leaf that balances the operator
	for k, c := range leaves {
		ls[k].ups = []int{index[c]}
		for _, n := range openDataLevels {
			if n < len(c) {
				ls[k].ups = append(ls[k].ups, index[c[:n]])
			}
		}
		switch {
		case c[0] == '1':
			ls[k].sign = 1
			if plug < 0 {
				plug = k
			}
		case c[:2] == "21" || c[:2] == "23" || c[:2] == "25" || c[0] == '3':
			ls[k].sign = -1
		case c[0] == '4' || c[0] == '6':
			ls[k].sign = 1
		}
	}
	if plug < 0 {
		return fmt.Errorf("%s: no account of class 1 to balance the operators with", openDataFixture)
	}
	prefix := make([][]byte, len(codes))
	for i, c := range codes {
		name, ok := names[c]
		if !ok {
			name = []byte("Conta Anal\xedtica " + c) // Latin-1
		}
		prefix[i] = fmt.Appendf(nil, `";"%s";"%s";"`, c, name)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(`"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_INICIAL";"VL_SALDO_FINAL"` + "\r\n")
	rnd := rand.New(rand.NewPCG(1, 2))
	ini, fin := make([]int64, len(codes)), make([]int64, len(codes))
	leafIni, leafFin := make([]int64, len(leaves)), make([]int64, len(leaves))
	line := make([]byte, 0, 256)
	reg := 100000
	for k := range operators {
		if reg == 412345 {
			reg += 7
		}
		if k == operators/2 {
			w.Write(fixture)
		}
		scale := int64(math.Pow(10, 4+4*rnd.Float64()))
		var diffIni, diffFin int64 // 1 − (21 + 23 + 25 + 3 − 4 − 6)
		for j, l := range ls {
			v := rnd.Int64N(scale+scale/20+1) - scale/20
			leafFin[j], leafIni[j] = v, v+rnd.Int64N(scale/5+1)-scale/10
			diffIni += l.sign * leafIni[j]
			diffFin += l.sign * leafFin[j]
		}
		leafIni[plug] -= diffIni
		leafFin[plug] -= diffFin
		clear(ini)
		clear(fin)
		for j, l := range ls {
			for _, p := range l.ups {
				ini[p] += leafIni[j]
				fin[p] += leafFin[j]
			}
		}
		head := fmt.Appendf(nil, `"2025-07-01";"%06d`, reg)
		for i := range codes {
			line = append(append(line[:0], head...), prefix[i]...)
			line = appendCentavos(line, ini[i])
			line = append(line, `";"`...)
			line = appendCentavos(line, fin[i])
			line = append(line, "\"\r\n"...)
			w.Write(line)
		}
		reg += 7
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// appendCentavos appends c centavos in pt-BR form: -1234,56.
func appendCentavos(b []byte, c int64) []byte {
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, ',', byte('0'+c%100/10), byte('0'+c%10))
}

// openDataFixtureRows returns the fixture operator's lines, CRLF-ended, and
// the account names of the fixture file (Latin-1 bytes, as they are).
func openDataFixtureRows() ([]byte, map[string][]byte, error) {
	data, err := os.ReadFile(openDataFixture)
	if err != nil {
		return nil, nil, fmt.Errorf("%v (run the bench from the repository's root)", err)
	}
	var rows []byte
	names := map[string][]byte{}
	lines := bytes.Split(data, []byte("\n"))
	for _, ln := range lines[1:] {
		ln = bytes.TrimSuffix(ln, []byte("\r"))
		parts := bytes.Split(ln, []byte(`";"`))
		if len(parts) < 6 {
			continue
		}
		if string(parts[1]) == openDataRegistro {
			rows = append(append(rows, ln...), '\r', '\n')
		}
		names[string(parts[2])] = parts[3]
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("%s: no row of operator %s", openDataFixture, openDataRegistro)
	}
	return rows, names, nil
}

// openDataTemplate returns about wanted 9-digit leaves under the fixture's
// 4-digit accounts, and the parents of the leaves at every level.
func openDataTemplate(names map[string][]byte, wanted int) (leaves, parents []string) {
	var contas []string
	for c := range names {
		if len(c) >= 4 && !slices.Contains(contas, c[:4]) {
			contas = append(contas, c[:4])
		}
	}
	slices.Sort(contas)
	seen := map[string]bool{}
	for k := 0; len(seen) < wanted && k < 100*wanted; k++ {
		n := k / len(contas)
		// conta + subconta digit + 1º desdobramento + 2 digits + 1 item digit
		seen[fmt.Sprintf("%s%d%d%02d%d", contas[k%len(contas)], 1+n%2, 1+(n/2)%2, 1+(n/4)%8, 1+(n/32)%9)] = true
	}
	ps := map[string]bool{}
	for c := range seen {
		leaves = append(leaves, c)
		for _, n := range openDataLevels {
			if n < len(c) {
				ps[c[:n]] = true
			}
		}
	}
	for c := range ps {
		parents = append(parents, c)
	}
	slices.Sort(leaves)
	slices.Sort(parents)
	return leaves, parents
}

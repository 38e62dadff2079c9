package diops

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// fixtures is the directory of the DIOPS-XML files written by Python
// (testdata/diops/gen/make.py), with the values that script put in them.
var fixtures = filepath.Join("..", "..", "testdata", "diops")

// The shape of expected.json: decimals as text, nulls for absent values.
type (
	wantFile struct {
		Registro  string          `json:"registro"`
		Ano       int             `json:"ano"`
		Trimestre int             `json:"trimestre"`
		Mes       string          `json:"mes"`
		Quarterly bool            `json:"quarterly"`
		Balancete []wantAccount   `json:"balancete"`
		Remissao  *wantRemissao   `json:"remissao"`
		Creditos  []wantOperadora `json:"creditos"`
		Fundos    []wantCampo     `json:"fundos"`
		Mercado   []wantMercado   `json:"mercado"`
	}
	wantPlace struct {
		Element string `json:"element"`
		Line    int    `json:"line"`
	}
	wantAccount struct {
		Grupo        string  `json:"grupo"`
		Conta        string  `json:"conta"`
		SaldoInicial *string `json:"saldo_inicial"`
		Debitos      *string `json:"debitos"`
		Creditos     *string `json:"creditos"`
		SaldoFinal   string  `json:"saldo_final"`
		wantPlace
	}
	wantRemissao struct {
		ContrapTemp  *string `json:"contrapBenefRemissaoTemp"`
		ContrapVital *string `json:"contrapBenefRemissaoVital"`
		BenefTemp    *string `json:"benefRemissaoTemp"`
		BenefVital   *string `json:"benefRemissaoVital"`
		DespTemp     *string `json:"despBenefRemissaoTemp"`
		DespVital    *string `json:"despBenefRemissaoVital"`
		wantPlace
	}
	wantOperadora struct {
		Operadora string      `json:"operadora"`
		Campos    []wantCampo `json:"campos"`
		wantPlace
	}
	wantCampo struct {
		N     int     `json:"n"`
		Valor *string `json:"valor"`
		wantPlace
	}
	wantMercado struct {
		Conta     string `json:"conta"`
		Valor     string `json:"valor"`
		Sinal     string `json:"sinal"`
		Prazo     string `json:"prazo"`
		Indexador string `json:"indexador"`
		wantPlace
	}
	wantFinding struct {
		Code    string `json:"code"`
		Element string `json:"element"`
		Line    int    `json:"line"`
	}
)

// got turns what Read returned into expected.json's shape. Decimals are
// written as decimal.String does, without trailing zeros (1234.5, 1200, 0):
// the script writes them the same way, so equal texts are equal values.
func got(f *File) *wantFile {
	if f == nil {
		return nil
	}
	opt := func(d *decimal.Decimal) *string {
		if d == nil {
			return nil
		}
		s := d.String()
		return &s
	}
	place := func(p Place) wantPlace { return wantPlace{p.Element, p.Line} }
	out := &wantFile{Registro: f.Registro, Ano: f.Ano, Trimestre: f.Trimestre, Quarterly: f.Quarterly(),
		Balancete: []wantAccount{}, Creditos: []wantOperadora{}, Fundos: []wantCampo{}, Mercado: []wantMercado{}}
	if !f.Mes.IsZero() {
		out.Mes = f.Mes.String()
	}
	for _, a := range f.Balancete {
		out.Balancete = append(out.Balancete, wantAccount{string(a.Grupo), a.Conta,
			opt(a.SaldoInicial), opt(a.Debitos), opt(a.Creditos), a.SaldoFinal.String(), place(a.Place)})
	}
	if m := f.Remissao; m != nil {
		out.Remissao = &wantRemissao{opt(m.ContrapBenefRemissaoTemp), opt(m.ContrapBenefRemissaoVital),
			opt(m.BenefRemissaoTemp), opt(m.BenefRemissaoVital),
			opt(m.DespBenefRemissaoTemp), opt(m.DespBenefRemissaoVital), place(m.Place)}
	}
	for _, c := range f.Creditos {
		o := wantOperadora{Operadora: c.Operadora, wantPlace: place(c.Place)}
		for _, x := range c.Campos {
			o.Campos = append(o.Campos, wantCampo{x.N, opt(&x.Valor), place(x.Place)})
		}
		out.Creditos = append(out.Creditos, o)
	}
	for _, x := range f.Fundos {
		out.Fundos = append(out.Fundos, wantCampo{x.N, opt(x.Valor), place(x.Place)})
	}
	for _, x := range f.Mercado {
		out.Mercado = append(out.Mercado, wantMercado{x.Conta, x.Valor.String(), x.Sinal,
			x.Prazo.String(), string(x.Indexador), place(x.Place)})
	}
	return out
}

// Every fixture reads as the script that wrote it says: every value, path
// and line, and exactly the findings listed.
func TestFixtures(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]struct {
		File     *wantFile     `json:"file"`
		Findings []wantFinding `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&expected); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.xml"))
	if len(files) != len(expected) {
		t.Errorf("%d files, %d in expected.json", len(files), len(expected))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := expected[name]
			if !ok {
				t.Fatal("not in expected.json")
			}
			f, l, err := Read(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			var gotF []wantFinding
			for _, x := range l {
				if x.File != path {
					t.Errorf("finding names %q, not the file", x.File)
				}
				gotF = append(gotF, wantFinding{x.Code, x.Element, x.Line})
			}
			if gotF == nil {
				gotF = []wantFinding{}
			}
			if !reflect.DeepEqual(gotF, want.Findings) {
				t.Errorf("findings\n got %+v\nwant %+v\n%v", gotF, want.Findings, l)
			}
			if f != nil && f.Path != path {
				t.Errorf("Path = %q", f.Path)
			}
			if g := got(f); !reflect.DeepEqual(g, want.File) {
				gj, _ := json.MarshalIndent(got(f), "", " ")
				wj, _ := json.MarshalIndent(want.File, "", " ")
				t.Errorf("file differs\n got %s\nwant %s", gj, wj)
			}
		})
	}
}

// Package rules is the rulebook of the capital model: every factor,
// correlation, table and series of RN 569/2022 as data (an embedded YAML
// file). Each parameter carries the path that names it in that file, and by
// the path its status (regulation, provisional, proposal, user) and source.
// A user's rules file is decoded strictly and merged over it.
package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/lang"
)

//go:embed rulebook.yaml
var embedded []byte

// Status says where a parameter's value comes from and how far to trust it.
type Status string

// The statuses of a parameter.
const (
	Regulation  Status = "regulation"
	Provisional Status = "provisional"
	Proposal    Status = "proposal"
	User        Status = "user"
)

// Dec is a numeric parameter: a decimal decoded from YAML through its text,
// so 0.1 stays 0.1, and the path that names it in the rulebook
// ("crs.pro.kappa.padrao", "fator_k.autogestao[3]").
type Dec struct {
	decimal.Decimal
	path string
}

// Path is the parameter's path in the rulebook ("" for a value that is not
// in one: a table's missing key).
func (d Dec) Path() string { return d.path }

func (d *Dec) setPath(p string) { d.path = p }

// UnmarshalYAML reads a scalar's text as an exact decimal.
func (d *Dec) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return lang.Errorf("line %d: expected a number", lang.Ordinal(n.Line))
	}
	v, err := decimal.NewFromString(n.Value)
	if err != nil {
		return lang.Errorf("line %d: %q is not a number", lang.Ordinal(n.Line), n.Value)
	}
	d.Decimal = v
	return nil
}

// MarshalYAML writes the exact decimal text.
func (d Dec) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: d.String()}, nil
}

// Date is a civil date written AAAA-MM-DD.
type Date struct{ time.Time }

// UnmarshalYAML reads AAAA-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		return lang.Errorf("line %d: %q is not a date AAAA-MM-DD", lang.Ordinal(n.Line), n.Value)
	}
	d.Time = t
	return nil
}

// MarshalYAML writes AAAA-MM-DD.
func (d Date) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: d.Format(time.DateOnly)}, nil
}

// Param is a parameter that is not a number (a formula form, a switch, a
// correlation matrix) with the path that names it in the rulebook.
type Param[T any] struct {
	Value T
	path  string
}

// Path is the parameter's path in the rulebook.
func (p Param[T]) Path() string { return p.path }

func (p *Param[T]) setPath(path string) { p.path = path }

// UnmarshalYAML decodes the value.
func (p *Param[T]) UnmarshalYAML(n *yaml.Node) error { return n.Decode(&p.Value) }

// MarshalYAML encodes the value.
func (p Param[T]) MarshalYAML() (any, error) { return p.Value, nil }

// Matrix is a correlation matrix.
type Matrix = Param[[][]Dec]

// DatedValue is one point of a series: valor from desde on. Its path is the
// series' name and the date: "capital_referencia@2020-03-06".
type DatedValue struct {
	Desde Date `yaml:"desde"`
	Valor Dec  `yaml:"valor"`
}

func (d *DatedValue) setPath(p string) { d.Valor.path = p }

// PadraoReduzido is a factor under the standard and the reduced sets.
type PadraoReduzido[T any] struct {
	Padrao   T `yaml:"padrao"`
	Reduzido T `yaml:"reduzido"`
}

// TempVit is a remission factor for temporary and lifetime remission.
type TempVit struct {
	Temporaria Dec `yaml:"temporaria"`
	Vitalicia  Dec `yaml:"vitalicia"`
}

// Rulebook holds every parameter of the model.
type Rulebook struct {
	Versao            string           `yaml:"versao"`
	CapitalReferencia []DatedValue     `yaml:"capital_referencia"`
	FatorK            map[string][]Dec `yaml:"fator_k"`
	CBR               struct {
		CorrCRSCRC Dec `yaml:"correlacao_crs_crc"`
		CorrCRSCRM Dec `yaml:"correlacao_crs_crm"`
		CorrCRCCRM Dec `yaml:"correlacao_crc_crm"`
	} `yaml:"cbr"`
	CRS struct {
		CoefCruzado Dec `yaml:"coef_cruzado"`
		PRE         struct {
			Beta PadraoReduzido[map[string]Dec] `yaml:"beta"`
			Rho  Matrix                         `yaml:"rho"`
		} `yaml:"pre"`
		PRO struct {
			Base  Param[string]       `yaml:"base"`
			Kappa PadraoReduzido[Dec] `yaml:"kappa"`
		} `yaml:"pro"`
		SUS struct {
			Modelo Param[string]       `yaml:"modelo"`
			Z      PadraoReduzido[Dec] `yaml:"z"`
		} `yaml:"sus"`
		Remissao struct {
			Bases Param[string]           `yaml:"bases"`
			FA    PadraoReduzido[TempVit] `yaml:"fa"`
			FM    PadraoReduzido[TempVit] `yaml:"fm"`
		} `yaml:"remissao"`
	} `yaml:"crs"`
	Programas struct {
		Parcela struct {
			Promoprev     Dec `yaml:"promoprev"`
			PartoAdequado Dec `yaml:"parto_adequado"`
			APS           Dec `yaml:"aps"`
		} `yaml:"parcela"`
		IDSSMinimo Dec `yaml:"idss_minimo"`
	} `yaml:"programas"`
	CRC struct {
		Agregacao   Param[string] `yaml:"agregacao"`
		Exposicao11 Param[string] `yaml:"exposicao_1_1"`
		Fator11     struct {
			Padrao  Dec            `yaml:"padrao"`
			PorGrau map[string]Dec `yaml:"por_grau"`
		} `yaml:"fator_1_1"`
		Fator12        Dec            `yaml:"fator_1_2"`
		Multiplicador2 Dec            `yaml:"multiplicador_2"`
		FPR            map[string]Dec `yaml:"fpr"`
	} `yaml:"crc"`
	CRM struct {
		Modelo Param[string]  `yaml:"modelo"`
		Choque map[string]Dec `yaml:"choque"`
		Corr   Matrix         `yaml:"correlacao"`
	} `yaml:"crm"`
	CRO struct {
		Modelo                Param[string] `yaml:"modelo"`
		FatorContraprestacoes Dec           `yaml:"fator_contraprestacoes"`
		FatorProvisoes        Dec           `yaml:"fator_provisoes"`
		LimiteBCBR            Dec           `yaml:"limite_bcbr"`
		// AplicaAdministradora computes the CRO of an administradora de
		// benefícios as for any operator; false makes it 0.
		AplicaAdministradora Param[bool] `yaml:"aplica_administradora"`
	} `yaml:"cro"`
	// Balancete maps the operator's accounts and DIOPS-XML quadros to the
	// input workbook (capreg import, validate --balancete).
	Balancete    Balancete    `yaml:"balancete"`
	Proveniencia []Provenance `yaml:"proveniencia,omitempty"`
	// Confirmados lists, in a user's rules file, parameters whose embedded
	// value the user confirms as official: they become status user too.
	Confirmados []string `yaml:"confirmados,omitempty"`

	userPaths map[string]bool // leaf paths set by the user's rules file
	userFile  string
	paths     map[string]bool // every parameter's path (name)
}

// Provenance is the status and source of the parameters under a path.
type Provenance struct {
	Parametro string `yaml:"parametro"`
	Status    Status `yaml:"status"`
	Fonte     string `yaml:"fonte"`
}

// Default returns the embedded rulebook.
func Default() (*Rulebook, error) {
	rb, err := decodeStrict(embedded, "embedded rulebook")
	if err != nil {
		return nil, err
	}
	if err := rb.finish(); err != nil {
		return nil, lang.Errorf("embedded rulebook: %w", err)
	}
	return rb, nil
}

// Load returns the embedded rulebook with the user's rules file (its bytes
// and its name, for messages and provenance) merged over it.
func Load(user []byte, name string) (*Rulebook, error) {
	if len(user) == 0 && name == "" {
		return Default()
	}
	over, err := decodeStrict(user, name)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(user, &root); err != nil {
		return nil, lang.Errorf("%s: %w", name, err)
	}
	// An empty "proveniencia:" decodes to nil but would still erase the
	// embedded provenance: look for the key itself.
	if over.Proveniencia != nil || hasTopKey(&root, "proveniencia") {
		return nil, lang.Errorf("%s: proveniencia belongs to the embedded rulebook; a rules file sets values only (remove it)", name)
	}
	rb, err := decodeStrict(embedded, "embedded rulebook")
	if err != nil {
		return nil, err
	}
	seen := map[time.Time]bool{}
	for _, p := range over.CapitalReferencia {
		if seen[p.Desde.Time] {
			return nil, lang.Errorf("%s: capital_referencia has two points from %s (keep one)", name, p.Desde.Time)
		}
		seen[p.Desde.Time] = true
	}
	base := rb.CapitalReferencia
	if err := decodeInto(user, rb, name); err != nil {
		return nil, err
	}
	rb.CapitalReferencia = mergeSeries(base, over.CapitalReferencia)
	if err := rb.finish(); err != nil {
		return nil, lang.Errorf("%s: %w", name, err)
	}
	if err := rb.markUser(&root, name); err != nil {
		return nil, err
	}
	return rb, nil
}

func hasTopKey(doc *yaml.Node, key string) bool {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; doc.Kind == yaml.MappingNode && i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == key {
			return true
		}
	}
	return false
}

// markUser records which leaves the user's file really sets: a value that
// differs from the embedded one, or one listed under confirmados. A value
// equal to the embedded one keeps its status, so exporting the rulebook and
// passing it back never hides a provisional value.
func (rb *Rulebook) markUser(userDoc *yaml.Node, name string) error {
	def, err := Default()
	if err != nil {
		return err
	}
	before, err := def.leafValues()
	if err != nil {
		return err
	}
	after, err := rb.leafValues()
	if err != nil {
		return err
	}
	rb.userFile = name
	rb.userPaths = map[string]bool{}
	for _, l := range walk(userDoc) {
		for path, v := range after {
			if covers(l.path, path) && before[path] != v {
				rb.userPaths[path] = true
			}
		}
	}
	for _, c := range rb.Confirmados {
		found := false
		for path := range after {
			if covers(c, path) {
				rb.userPaths[path], found = true, true
			}
		}
		if !found {
			return lang.Errorf("%s: confirmados: %q names no parameter (see `capreg rules show`)", name, c)
		}
	}
	return nil
}

// covers reports whether the user path p names leaf (itself or a parent).
func covers(p, leaf string) bool {
	return p == leaf || strings.HasPrefix(leaf, p+".") || strings.HasPrefix(leaf, p+"@")
}

func (rb *Rulebook) leafValues() (map[string]string, error) {
	doc, err := rb.document()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range walk(doc) {
		out[l.path] = flow(l.node)
	}
	return out, nil
}

func decodeStrict(data []byte, name string) (*Rulebook, error) {
	rb := &Rulebook{}
	if err := decodeInto(data, rb, name); err != nil {
		return nil, err
	}
	return rb, nil
}

func decodeInto(data []byte, rb *Rulebook, name string) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(rb)
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	msgs := []lang.Msg{lang.Text(strings.TrimPrefix(err.Error(), "yaml: "))} // the YAML parser's words
	var le *lang.Error
	var te *yaml.TypeError
	switch {
	case errors.As(err, &le): // a value's (Dec, Date)
		msgs[0] = lang.Err(err)
	case errors.As(err, &te):
		msgs = msgs[:0]
		for _, m := range te.Errors {
			msg := lang.Text(m)
			if sub := unknownField.FindStringSubmatch(m); sub != nil {
				line, _ := strconv.Atoi(sub[1])
				msg = lang.M("line %d: unknown key %s (check the spelling; capreg rules show lists every parameter)", lang.Ordinal(line), sub[2])
			}
			msgs = append(msgs, msg)
		}
	}
	return lang.Errorf("%s: %s (`capreg rules export` writes a valid file to start from)", name, lang.Join(msgs, "; "))
}

var unknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type`)

// mergeSeries adds the user's points to the series; a user point replaces an
// embedded one of the same date.
func mergeSeries(base, user []DatedValue) []DatedValue {
	out := slices.Clone(base)
	for _, u := range user {
		out = slices.DeleteFunc(out, func(b DatedValue) bool { return b.Desde.Equal(u.Desde.Time) })
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Desde.Before(out[j].Desde.Time) })
	return out
}

// UserFile is the name of the user's rules file, or "" for none.
func (rb *Rulebook) UserFile() string { return rb.userFile }

// finish names every parameter by its path and validates the values.
func (rb *Rulebook) finish() error {
	rb.paths = map[string]bool{}
	name(reflect.ValueOf(rb).Elem(), "", rb.paths)
	return rb.validate()
}

// notParams are the top-level keys that hold no parameter.
var notParams = []string{"versao", "proveniencia", "confirmados"}

// name gives every parameter under v (a Dec, a Param, a point of a series)
// the path its YAML keys spell, and adds each path to paths. A list is a
// parameter too, and each of its values one by index from 1
// ("fator_k.autogestao", "fator_k.autogestao[3]"); a point of a series is
// named by its date ("capital_referencia@2020-03-06").
func name(v reflect.Value, path string, paths map[string]bool) {
	if p, ok := v.Addr().Interface().(interface{ setPath(string) }); ok {
		p.setPath(path)
		paths[path] = true
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			if key == "" || key == "-" || (path == "" && slices.Contains(notParams, key)) {
				continue
			}
			if path != "" {
				key = path + "." + key
			}
			name(v.Field(i), key, paths)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(it.Value())
			name(e, path+"."+it.Key().String(), paths)
			v.SetMapIndex(it.Key(), e)
		}
	case reflect.Slice:
		paths[path] = true
		for i := range v.Len() {
			e := v.Index(i)
			p := fmt.Sprintf("%s[%d]", path, i+1)
			if d, ok := e.Addr().Interface().(*DatedValue); ok {
				p = path + "@" + d.Desde.Format(time.DateOnly)
			}
			name(e, p, paths)
		}
	}
}

// Provenance returns the status and source of the parameter at path (a
// dotted path such as "crs.pre.beta.padrao.individual", one value of a list
// such as "fator_k.autogestao[3]", or "capital_referencia@2020-03-06" for a
// point of the series); ok is false when no parameter has that path.
func (rb *Rulebook) Provenance(path string) (p Provenance, ok bool) {
	if !rb.paths[path] {
		return Provenance{}, false
	}
	// "fator_k.autogestao[3]" is one value of the list fator_k.autogestao.
	leaf := path
	if i := strings.IndexByte(path, '['); i > 0 && strings.HasSuffix(path, "]") {
		leaf = path[:i]
	}
	if rb.userPaths[path] || rb.userPaths[leaf] {
		return Provenance{Parametro: path, Status: User, Fonte: rb.userFile}, true
	}
	best := Provenance{Parametro: path, Status: Provisional, Fonte: "no provenance recorded"}
	bestLen := -1
	// A point of a series is named by the series or by the point itself
	// ("capital_referencia@2020-03-06"), the longer name winning.
	key := strings.SplitN(path, "@", 2)[0]
	for _, p := range rb.Proveniencia {
		if (path == p.Parametro || key == p.Parametro || strings.HasPrefix(key, p.Parametro+".")) && len(p.Parametro) > bestLen {
			best, bestLen = Provenance{Parametro: path, Status: p.Status, Fonte: p.Fonte}, len(p.Parametro)
		}
	}
	return best, true
}

// grauKey is a grau de risco as matched: case and spaces do not count, so
// " a " and "A" are the same grade.
func grauKey(grau string) string { return strings.ToUpper(strings.Join(strings.Fields(grau), "")) }

// Grau finds a grau de risco in the table of crc.fator_1_1.por_grau, case and
// spaces not counting, and returns the table's own spelling of it; ok is
// false when the table does not list it.
func (rb *Rulebook) Grau(grau string) (key string, ok bool) {
	for k := range rb.CRC.Fator11.PorGrau {
		if grauKey(k) == grauKey(grau) {
			return k, true
		}
	}
	return "", false
}

// Graus lists the grades of crc.fator_1_1.por_grau, sorted; none means every
// grade takes crc.fator_1_1.padrao.
func (rb *Rulebook) Graus() []string {
	out := make([]string, 0, len(rb.CRC.Fator11.PorGrau))
	for k := range rb.CRC.Fator11.PorGrau {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// CapitalReferenciaAt returns the point of the series in force on date t;
// ok is false when t precedes the series.
func (rb *Rulebook) CapitalReferenciaAt(t time.Time) (v DatedValue, ok bool) {
	for _, p := range rb.CapitalReferencia {
		if !p.Desde.After(t) {
			v, ok = p, true
		}
	}
	return v, ok
}

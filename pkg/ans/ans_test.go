package ans

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// spellings are every term of the vocabulary.
func spellings() []string {
	var out []string
	out = append(out, Spellings(Modalidades())...)
	out = append(out, Spellings(OutOfScope())...)
	out = append(out, Spellings(Segmentacoes())...)
	out = append(out, Spellings(TiposContratacao())...)
	out = append(out, Spellings(Segmentos())...)
	out = append(out, Spellings(FactorSets())...)
	out = append(out, Spellings(Remissoes())...)
	out = append(out, Spellings(Indexadores())...)
	out = append(out, Spellings(Classes())...)
	out = append(out, Spellings(Categorias())...)
	return append(out, KRows()...)
}

// No Go file outside this package spells a term of the vocabulary as a
// string literal (struct tags, which name YAML keys, do not count); tests
// and testdata generators may.
func TestNoSpellingOutsideTheVocabulary(t *testing.T) {
	terms := spellings()
	root := filepath.Join("..", "..")
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") && path != root || path == filepath.Join(root, "pkg", "ans") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		tags := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if n.Tag != nil {
					tags[n.Tag] = true
				}
			case *ast.ImportSpec:
				tags[n.Path] = true
			case *ast.BasicLit:
				if n.Kind != token.STRING || tags[n] {
					return true
				}
				if s, err := strconv.Unquote(n.Value); err == nil && slices.Contains(terms, s) {
					rel, _ := filepath.Rel(root, path)
					found = append(found, rel+":"+strconv.Itoa(fset.Position(n.Pos()).Line)+": "+n.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("spell these with the constants of package ans:\n  %s", strings.Join(found, "\n  "))
	}
}

func TestKRow(t *testing.T) {
	tests := []struct {
		m    Modalidade
		s    Segmentacao
		want string
		ok   bool
	}{
		{CooperativaMedica, SSP, "cooperativa_medica_SSP", true},
		{CooperativaMedica, SPPSUS, "cooperativa_medica_SPP", true},
		{Filantropia, SPPSUS, "medicina_de_grupo_filantropia_SPP", true},
		{Filantropia, SPS, "medicina_de_grupo_filantropia_SPS", true},
		{MedicinaDeGrupo, ST, "medicina_de_grupo_filantropia_ST", true},
		{OdontologiaDeGrupo, SOT, "odontologia_de_grupo_SOT", true},
		{OdontologiaDeGrupo, SOP, "odontologia_de_grupo_SOP", true},
		{CooperativaOdontologica, SOP, "cooperativa_odontologica_SOP", true},
		{Autogestao, "", "autogestao", true},
		{SeguradoraEspecializada, "", "seguradora_especializada", true},
		{AdministradoraDeBeneficios, "", "administradora_de_beneficios", true},
		{CooperativaMedica, SOT, "", false},
		{CooperativaMedica, SOP, "", false},
		{OdontologiaDeGrupo, SSP, "", false},
		{CooperativaMedica, "", "", false},
		{AutogestaoRH, "", "autogestao_rh", false},
		{"hospital", "", "hospital", false},
	}
	for _, tc := range tests {
		got, ok := KRow(tc.m, tc.s)
		if got != tc.want || ok != tc.ok {
			t.Errorf("KRow(%s, %s) = %q, %v; want %q, %v", tc.m, tc.s, got, ok, tc.want, tc.ok)
		}
		if ok && !slices.Contains(KRows(), got) {
			t.Errorf("KRow(%s, %s) = %s is not a row of the table", tc.m, tc.s, got)
		}
	}
	rows := KRows()
	if len(rows) != 19 || rows[0] != "seguradora_especializada" || rows[5] != "autogestao" || rows[18] != "administradora_de_beneficios" {
		t.Errorf("KRows() = %v", rows)
	}
}

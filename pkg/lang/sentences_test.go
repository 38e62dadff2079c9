package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// formatsInCode returns every format given to lang.M and lang.Errorf in
// the module's code (tests excluded), with where it is; a format that is
// not a string literal is an error of the test.
func formatsInCode(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isSentenceCall(call.Fun, f.Name.Name) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the format of a sentence must be a string literal", fset.Position(call.Pos()))
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			found[s] = fset.Position(call.Pos()).String()
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// isSentenceCall reports whether fun is lang.M or lang.Errorf (M or
// Errorf inside package lang).
func isSentenceCall(fun ast.Expr, pkg string) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "lang" && (f.Sel.Name == "M" || f.Sel.Name == "Errorf")
	case *ast.Ident:
		return pkg == "lang" && (f.Name == "M" || f.Name == "Errorf")
	}
	return false
}

// Every sentence the code writes has its Portuguese, with the same verbs;
// every sentence of the catalog is written somewhere; none is there twice.
func TestSentencesComplete(t *testing.T) {
	used := formatsInCode(t)
	known := map[string]bool{}
	for _, sec := range sentenceSections {
		for _, s := range sec {
			if known[s.en] {
				t.Errorf("sentence in the catalog twice: %q", s.en)
			}
			known[s.en] = true
			if strings.TrimSpace(s.pt) == "" {
				t.Errorf("sentence without Portuguese: %q", s.en)
			}
			if v, w := verbList(s.en), verbList(s.pt); v != w {
				t.Errorf("sentence %q: the Portuguese takes other verbs (%s, not %s): %q", s.en, w, v, s.pt)
			}
			if _, ok := used[s.en]; !ok {
				t.Errorf("sentence no longer written by the code (delete it): %q", s.en)
			}
		}
	}
	for f, where := range used {
		if !known[f] {
			t.Errorf("%s: sentence without Portuguese in the catalog (pkg/lang/sentences_*.go): %q", where, f)
		}
	}
}

// verbList is the verbs of a format, in order ("%s %d").
func verbList(s string) string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.[]*", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] != '%' {
			out = append(out, s[i:j+1])
		}
		i = j
	}
	return strings.Join(out, " ")
}

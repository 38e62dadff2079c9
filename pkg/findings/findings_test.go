package findings

import (
	"strings"
	"testing"
)

func TestCatalogueCodesAreUniqueAndWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Catalogue() {
		if seen[c.Code] {
			t.Errorf("code %s twice", c.Code)
		}
		seen[c.Code] = true
		wantSev := map[byte]Severity{'E': Error, 'W': Warning}[c.Code[3]]
		if !strings.HasPrefix(c.Code, "CR-") || len(c.Code) != 7 || c.Severity != wantSev {
			t.Errorf("%s: malformed code or severity %s", c.Code, c.Severity)
		}
		if c.Rule == "" || c.Fix == "" {
			t.Errorf("%s: rule and fix must be stated", c.Code)
		}
	}
}

func TestFindingPlaceAndOrder(t *testing.T) {
	l := List{
		New(BadNumber, "PLA", "B10", "x", ""),
		New(BadNumber, "PLA", "B9", "x", ""),
		New(ExtraSheet, "Aux", "", "x", ""),
	}
	s := l.Sorted()
	if s[0].Sheet != "Aux" || s[1].Cell != "B9" || s[2].Cell != "B10" {
		t.Errorf("order %v", s)
	}
	if got := s[1].String(); got != "PLA!B9: CR-E006 error: x (fix: type a numeric cell, or text like 1.234.567,89)" {
		t.Errorf("String() = %q", got)
	}
	if !l.HasErrors() || len(l.Warnings()) != 1 {
		t.Error("severity filters")
	}
	f := New(MissingColumn, "Eventos", "", "x", "")
	f.Column = "valor"
	if f.Where() != "Eventos (column valor)" {
		t.Errorf("Where() = %q", f.Where())
	}
	x := New(DiopsBadValue, "", "", "x", "")
	x.Element, x.Line = "diops/identificacao/ano", 4
	y := New(DiopsUnreadable, "", "", "x", "")
	y.Line = 12
	if x.Where() != "diops/identificacao/ano (line 4)" || y.Where() != "line 12" {
		t.Errorf("Where() = %q, %q", x.Where(), y.Where())
	}
	if s := (List{y, x}).Sorted(); s[0].Line != 4 {
		t.Errorf("lines out of order: %v", s)
	}
}

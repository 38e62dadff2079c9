package findings

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
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
		if c.Rule.IsZero() || c.Fix.IsZero() {
			t.Errorf("%s: rule and fix must be stated", c.Code)
		}
	}
}

func TestFindingPlaceAndOrder(t *testing.T) {
	l := List{
		New(BadNumber, "PLA", "B10", lang.Text("x")),
		New(BadNumber, "PLA", "B9", lang.Text("x")),
		New(ExtraSheet, "Aux", "", lang.Text("x")),
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
	f := New(MissingColumn, "Eventos", "", lang.Text("x"))
	f.Column = "valor"
	if f.Where() != "Eventos (column valor)" {
		t.Errorf("Where() = %q", f.Where())
	}
	x := New(DiopsBadValue, "", "", lang.Text("x"))
	x.Element, x.Line = "diops/identificacao/ano", 4
	y := New(DiopsUnreadable, "", "", lang.Text("x"))
	y.Line = 12
	if x.Where() != "diops/identificacao/ano (line 4)" || y.Where() != "line 12" {
		t.Errorf("Where() = %q, %q", x.Where(), y.Where())
	}
	if s := (List{y, x}).Sorted(); s[0].Line != 4 {
		t.Errorf("lines out of order: %v", s)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("é", 41)
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"1.234,56", "1.234,56"},
		{strings.Repeat("x", 40), strings.Repeat("x", 40)},                                     // 40 characters stay
		{long, strings.Repeat("é", 37) + "..."},                                                // 41 are cut, by characters, not bytes
		{"a\xff\xfeb" + strings.Repeat("z", 40), "a\uFFFDb" + strings.Repeat("z", 34) + "..."}, // a run of broken bytes is one character
	} {
		if got := Clip(c.in); got != c.want {
			t.Errorf("Clip(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A Collector keeps every warning and MaxErrorsPerSheet errors of each
// sheet; the first error past the cap becomes the note that says so.
func TestCollectorCapsErrorsPerSheet(t *testing.T) {
	var c Collector
	for i := range MaxErrorsPerSheet {
		if c.Full("PLA") {
			t.Fatalf("full after %d errors", i)
		}
		c.Add(New(BadNumber, "PLA", "B2", lang.Text("x")))
	}
	if c.Full("PLA") {
		t.Fatal("full at the cap")
	}
	past := New(BadDate, "PLA", "B3", lang.Text("x"))
	past.File = "a.xlsx"
	c.Add(past)                                            // the first past the cap: the note, in its file
	c.Add(New(BadNumber, "PLA", "B4", lang.Text("x")))     // dropped
	c.Add(New(ExtraColumn, "PLA", "C1", lang.Text("x")))   // a warning: kept
	c.Add(New(BadNumber, "Eventos", "B2", lang.Text("x"))) // another sheet: its own count
	if !c.Full("PLA") || c.Full("Eventos") {
		t.Errorf("Full: PLA %v, Eventos %v", c.Full("PLA"), c.Full("Eventos"))
	}
	l := c.Findings()
	if len(l) != MaxErrorsPerSheet+3 {
		t.Fatalf("%d findings, want %d", len(l), MaxErrorsPerSheet+3)
	}
	note := l[MaxErrorsPerSheet]
	if note.Code != BadDate || note.File != "a.xlsx" || note.Sheet != "PLA" || note.Cell != "" || note.Message != "more than 50 errors in this sheet; the rest are not listed" || note.Fix != "fix the errors listed and run again" {
		t.Errorf("note %+v", note)
	}
	if l[MaxErrorsPerSheet+1].Code != ExtraColumn || l[MaxErrorsPerSheet+2].Sheet != "Eventos" {
		t.Errorf("after the note: %v", l[MaxErrorsPerSheet+1:])
	}
}

// The catalogue and a finding speak pt-BR: rule, fix, place and the
// one-line form, a decimal argument of the message with its comma (the
// message's own format, a test's, has no Portuguese); English stays.
func TestFindingInPortuguese(t *testing.T) {
	c, _ := Lookup(BadNumber)
	if e := c.In(lang.PtBR); e.Rule != "números: células numéricas, ou texto no formato pt-BR (1.234.567,89) ou simples (1234567.89)" ||
		e.Fix != "digite o valor em uma célula numérica, ou como texto no formato 1.234.567,89" || e.Code != BadNumber || e.Severity != Error {
		t.Errorf("catalogue in pt-BR: %+v", e)
	}
	for _, e := range CatalogueIn(lang.PtBR) {
		en, _ := Lookup(e.Code)
		if e.Rule == en.Rule.String() || e.Fix == en.Fix.String() {
			t.Errorf("%s: rule or fix not in Portuguese: %+v", e.Code, e)
		}
	}
	f := New(Negative, "PLA", "B7", lang.M("the %s is %s", "valor", decimal.RequireFromString("-1234.5")))
	f.Column = "valor"
	if got, want := f.String(), "PLA!B7: CR-E016 error: the valor is -1234.5 (fix: type the amount as a positive number)"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got, want := f.In(lang.PtBR).String(), "PLA!B7: CR-E016 erro: the valor is -1.234,5 (correção: digite o valor como número positivo)"; got != want {
		t.Errorf("pt-BR: %q, want %q", got, want)
	}
	f.Cell = ""
	if got := f.In(lang.PtBR).Where(); got != "PLA (coluna valor)" {
		t.Errorf("Where in pt-BR: %q", got)
	}
	g := New(DiopsBadValue, "", "", lang.Text("x"))
	g.Line = 1234
	if got := g.In(lang.PtBR).Where(); got != "linha 1234" {
		t.Errorf("a line in pt-BR: %q", got)
	}
	var col Collector
	for range MaxErrorsPerSheet + 1 {
		col.Add(New(BadNumber, "PLA", "B2", lang.Text("x")))
	}
	if note := col.Findings()[MaxErrorsPerSheet].In(lang.PtBR); note.Message != "mais de 50 erros nesta planilha; os demais não são listados" || note.Fix != "corrija os erros listados e execute de novo" {
		t.Errorf("the note of the cap in pt-BR: %+v", note)
	}
}

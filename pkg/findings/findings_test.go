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
		if c.Rule.IsZero() || c.Fix.IsZero() {
			t.Errorf("%s: rule and fix must be stated", c.Code)
		}
	}
}

func TestFindingPlaceAndOrder(t *testing.T) {
	l := List{
		NewText(BadNumber, "PLA", "B10", "x", ""),
		NewText(BadNumber, "PLA", "B9", "x", ""),
		NewText(ExtraSheet, "Aux", "", "x", ""),
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
	f := NewText(MissingColumn, "Eventos", "", "x", "")
	f.Column = "valor"
	if f.Where() != "Eventos (column valor)" {
		t.Errorf("Where() = %q", f.Where())
	}
	x := NewText(DiopsBadValue, "", "", "x", "")
	x.Element, x.Line = "diops/identificacao/ano", 4
	y := NewText(DiopsUnreadable, "", "", "x", "")
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
		c.Add(NewText(BadNumber, "PLA", "B2", "x", ""))
	}
	if c.Full("PLA") {
		t.Fatal("full at the cap")
	}
	past := NewText(BadDate, "PLA", "B3", "x", "")
	past.File = "a.xlsx"
	c.Add(past)                                         // the first past the cap: the note, in its file
	c.Add(NewText(BadNumber, "PLA", "B4", "x", ""))     // dropped
	c.Add(NewText(ExtraColumn, "PLA", "C1", "x", ""))   // a warning: kept
	c.Add(NewText(BadNumber, "Eventos", "B2", "x", "")) // another sheet: its own count
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

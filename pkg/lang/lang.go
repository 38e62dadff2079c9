// Package lang holds the languages capreg speaks to a person (pt-BR and
// en): the message catalog of both, and each language's way of writing
// dates, months and numbers. The renderers take a Lang in their options;
// nothing here is global state but the catalog, which never changes.
package lang

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
)

// Lang is a language of capreg's output for a person. The zero value is
// Default.
type Lang string

// The languages capreg speaks.
const (
	PtBR Lang = "pt-BR"
	En   Lang = "en"
)

// Default is the language without --lang, CAPREG_LANG or the config key
// lang: the actuaries' and their boards'.
const Default = PtBR

// All are the languages, as --lang takes them.
var All = []Lang{PtBR, En}

// Parse returns the language named s ("pt-BR" or "en", in any case).
func Parse(s string) (Lang, error) {
	for _, l := range All {
		if strings.EqualFold(s, string(l)) {
			return l, nil
		}
	}
	return "", Errorf("unknown language %q: capreg speaks pt-BR and en", s)
}

// String is the language's name, as --lang takes it.
func (l Lang) String() string { return string(l.Resolved()) }

// Set makes l the language named s (l is the value of --lang).
func (l *Lang) Set(s string) error {
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Type names the value of --lang in the help.
func (l *Lang) Type() string { return "lang" }

// Resolved is l, or Default for the zero value.
func (l Lang) Resolved() Lang {
	if l == "" {
		return Default
	}
	return l
}

// tags are the catalog's tags of the languages.
var tags = map[Lang]language.Tag{PtBR: language.BrazilianPortuguese, En: language.English}

// all is every message of every section.
func all() []entry {
	var out []entry
	for _, s := range sections {
		out = append(out, s...)
	}
	return out
}

// printers print the catalog's messages, one per language.
var printers = func() map[Lang]*message.Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, m := range all() {
		for l, text := range m.texts() {
			if err := b.SetString(tags[l], string(m.key), text); err != nil {
				panic("lang: message " + string(m.key) + ": " + err.Error())
			}
		}
	}
	for _, sec := range sentenceSections {
		for _, m := range sec {
			if err := b.SetString(tags[PtBR], m.en, verbs(m.pt)); err != nil {
				panic("lang: sentence " + m.en + ": " + err.Error())
			}
		}
	}
	p := map[Lang]*message.Printer{}
	for l, t := range tags {
		p[l] = message.NewPrinter(t, message.Catalog(b))
	}
	return p
}()

// T is the message key in language l, its verbs filled with args (give
// numbers already written by Number, Date, ..., as strings: the printer
// would group digits of its own).
func (l Lang) T(key Key, args ...any) string {
	return printers[l.Resolved()].Sprintf(string(key), args...)
}

// Date writes a day: dd/mm/aaaa in pt-BR, ISO (2025-04-26) in English.
func (l Lang) Date(t time.Time) string {
	if l.Resolved() == PtBR {
		return t.Format("02/01/2006")
	}
	return period.Date(t)
}

// Month writes a month: mm/aaaa in pt-BR, ISO (2025-09) in English.
func (l Lang) Month(m period.Month) string {
	if l.Resolved() == PtBR {
		return fmt.Sprintf("%02d/%04d", int(m.Month), m.Year)
	}
	return m.String()
}

// Number writes x with the places it has: with a decimal comma and
// thousands points in pt-BR (0,72), as x.String() in English (0.72).
func (l Lang) Number(x decimal.Decimal) string {
	if l.Resolved() != PtBR {
		return x.String()
	}
	places := int32(0)
	if _, frac, ok := strings.Cut(x.String(), "."); ok {
		places = int32(len(frac))
	}
	return money.PtBR(x, places)
}

// Fixed writes x rounded half away from zero to places: with a decimal
// comma and thousands points in pt-BR (5,0850; 1.500), with a decimal
// point and no grouping in English (5.0850; 1500).
func (l Lang) Fixed(x decimal.Decimal, places int32) string {
	if l.Resolved() != PtBR {
		return x.Round(places).StringFixed(places)
	}
	return money.PtBR(x, places)
}

// Percent writes the fraction x as a percentage to places: 19,98% in
// pt-BR, 19.98% in English.
func (l Lang) Percent(x decimal.Decimal, places int32) string {
	return l.Fixed(x.Shift(2), places) + "%"
}

// Count writes a count of things: 1.234 in pt-BR, 1234 in English (the
// catalog's messages take it as a string, see T).
func (l Lang) Count(n int) string { return l.Fixed(decimal.NewFromInt(int64(n)), 0) }

// Quantity writes n of the thing noun names, in the singular for one: "1
// erro", "2 erros", "1.500 erros"; "1 error", "2 errors". noun's plural
// adds an s in both languages (erro, aviso, arquivo; error, warning, file).
func (l Lang) Quantity(n int, noun Key) string {
	if n == 1 {
		return "1 " + l.T(noun)
	}
	return l.Count(n) + " " + l.T(noun) + "s"
}

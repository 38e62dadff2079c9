package report

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

// This file words, in a language, what several renderers show alike:
// headings, labels, yes and no, months. (A finding is worded by its own
// In: findings.Finding.In, findings.Severity.In.)

// label is a heading or a row's label: a message of the catalog, or a
// term that is the same in every language (an acronym, an ANS term).
type label struct {
	term string
	word lang.Key
}

// in is the label in language l.
func (x label) in(l lang.Lang) string {
	if x.word != "" {
		return l.T(x.word)
	}
	return x.term
}

// labels are the labels in language l.
func labels(l lang.Lang, xs []label) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.in(l)
	}
	return out
}

// yesNo words a boolean in language l.
func yesNo(l lang.Lang, ok bool) string {
	if ok {
		return l.T(lang.Yes)
	}
	return l.T(lang.No)
}

// upperFirst is s with its first letter in upper case: a word of the
// catalog as a column's heading ("elegível" → "Elegível").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// headings are the catalog's words in language l, as a listing's header in
// upper case (CÓDIGO, SEVERIDADE, ...).
func headings(l lang.Lang, keys ...lang.Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = strings.ToUpper(l.T(k))
	}
	return out
}

// monthText writes a document's month (data_base, AAAA-MM) in language l:
// 09/2025 in pt-BR; a text that is no such month stays as it is.
func monthText(l lang.Lang, iso string) string {
	t, err := time.Parse("2006-01", iso)
	if err != nil {
		return iso
	}
	return l.Month(period.MonthOf(t))
}

package diops

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// reader reads one document: the XML tokens, the path of open elements,
// the findings and the File being filled.
type reader struct {
	ctx    context.Context
	dec    *xml.Decoder
	src    *limitReader
	name   string
	stack  []frame
	tokens int
	items  int
	errs   int
	capped bool // an error past maxErrors was found
	l      findings.List
	f      File
	text   []byte // the text of the element being read

	ident      *Place           // the identificacao read
	contas     map[string]Place // the balancete's accounts
	operadoras map[string]Place // creditosDebitosCRC's counterparties
	fundos     map[int]Place    // fundosInvestimentosCRC's CAMPOs
}

// frame is an open element.
type frame struct {
	name   string
	index  int // n of name[n] for an item, else 0
	line   int
	counts map[string]int // the items among the element's children so far
	path   string         // its path, once asked for
}

func newReader(ctx context.Context, src io.Reader, name string) *reader {
	lr := &limitReader{r: src, n: maxFileSize}
	dec := xml.NewDecoder(bufio.NewReaderSize(lr, 64<<10))
	dec.CharsetReader = charsetReader
	return &reader{ctx: ctx, dec: dec, src: lr, name: name,
		contas: map[string]Place{}, operadoras: map[string]Place{}, fundos: map[int]Place{}}
}

// isItem reports whether elements named name repeat among their siblings,
// and so are numbered in paths.
func isItem(name string) bool {
	switch name {
	case "ativo", "passivo", "receita", "despesa", "lancModeloPadraoCapital",
		"lancOperadoraCreditosDebitosCRC", "lancCreditosDebitosCRC",
		"lancFundosInvestimentosCRC", "lancQuadroRiscoMercado":
		return true
	}
	return false
}

// next returns the next token, looking at the context now and then. A
// malformed document, a read error, too large a file or too many errors end
// the reading (*fatal); io.EOF is returned as it is.
func (r *reader) next() (xml.Token, error) {
	if r.capped {
		return nil, &fatal{unreadable(r.name, r.line(),
			lang.M("more than %d errors; the rest of the file is not read", maxErrors))}
	}
	r.tokens++
	if r.tokens%checkEvery == 0 {
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
	}
	tok, err := r.dec.Token()
	if err == nil || err == io.EOF {
		return tok, err
	}
	if r.src.over {
		return nil, &fatal{tooLarge(r.name)}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return nil, &fatal{unreadable(r.name, se.Line, lang.M("the file is not well-formed XML: %s", se.Msg))}
	}
	var enc *encodingError
	if errors.As(err, &enc) {
		return nil, &fatal{unreadable(r.name, r.line(), lang.M("the file cannot be read as XML: opening charset %q: %v", enc.label, enc))}
	}
	return nil, &fatal{unreadable(r.name, r.line(), lang.M("the file cannot be read as XML: %s", strings.TrimPrefix(err.Error(), "xml: ")))}
}

// line is the line the decoder is at.
func (r *reader) line() int {
	l, _ := r.dec.InputPos()
	return l
}

// push opens the element name, just read.
func (r *reader) push(name string) error {
	if len(r.stack) >= maxDepth {
		return &fatal{unreadable(r.name, r.line(), lang.M("elements are nested more than %d deep at %s", maxDepth, r.path()))}
	}
	fr := frame{name: name, line: r.line()}
	if n := len(r.stack); n > 0 && isItem(name) {
		p := &r.stack[n-1]
		if p.counts == nil {
			p.counts = map[string]int{}
		}
		p.counts[name]++
		fr.index = p.counts[name]
	}
	r.stack = append(r.stack, fr)
	return nil
}

func (r *reader) pop() { r.stack = r.stack[:len(r.stack)-1] }

// path is the path of the open element: diops/financeiro/balancete/ativo[3].
func (r *reader) path() string { return r.pathAt(len(r.stack) - 1) }

// pathAt is the path of the open element at depth i, computed once.
func (r *reader) pathAt(i int) string {
	fr := &r.stack[i]
	if fr.path == "" {
		seg := fr.name
		if fr.index > 0 {
			seg = seg + "[" + strconv.Itoa(fr.index) + "]"
		}
		if i > 0 {
			seg = r.pathAt(i-1) + "/" + seg
		}
		fr.path = seg
	}
	return fr.path
}

// place is where the open element is.
func (r *reader) place() Place {
	return Place{Element: r.path(), Line: r.stack[len(r.stack)-1].line}
}

// add records an error finding at p; past maxErrors, it only notes that
// there was one more (the reading stops at the next token).
func (r *reader) add(code string, p Place, msg, fix lang.Msg) {
	if r.errs >= maxErrors {
		r.capped = true
		return
	}
	f := findings.New(code, "", "", msg).WithFix(fix)
	f.File, f.Element, f.Line = r.name, p.Element, p.Line
	r.errs++
	r.l.Add(f)
}

// bad records that the open element's text cannot be read.
func (r *reader) bad(msg, fix lang.Msg) { r.add(findings.DiopsBadValue, r.place(), msg, fix) }

// counted counts an item kept, against maxItems.
func (r *reader) counted() error {
	r.items++
	if r.items > maxItems {
		return &fatal{unreadable(r.name, r.line(), lang.M("the file holds more than %d items (accounts and quadro lines)", maxItems))}
	}
	return nil
}

// children reads the open element's content up to its end: each child
// element is pushed, handed to f (which reads it up to its end) and popped;
// text between them is ignored.
func (r *reader) children(f func(name string) error) error {
	for {
		tok, err := r.next()
		if err == io.EOF {
			return &fatal{unreadable(r.name, r.line(), lang.M("the file ends inside %s", r.path()))}
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.push(t.Name.Local); err != nil {
				return err
			}
			if err := f(t.Name.Local); err != nil {
				return err
			}
			r.pop()
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads the open element up to its end, ignoring it.
func (r *reader) skip() error {
	return r.children(func(string) error { return r.skip() })
}

// leaf reads the open element's text up to its end, without the blanks
// around it. Text too long and child elements are findings (ok false).
func (r *reader) leaf() (text string, ok bool, err error) {
	r.text = r.text[:0]
	name := r.openName()
	long, nested := false, false
	for {
		tok, err := r.next()
		if err == io.EOF {
			return "", false, &fatal{unreadable(r.name, r.line(), lang.M("the file ends inside %s", r.path()))}
		}
		if err != nil {
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(r.text)+len(t) > 4*maxText { // room for blanks around the text
				long = true
			} else {
				r.text = append(r.text, t...)
			}
		case xml.StartElement:
			if !nested && !long {
				r.bad(lang.M("%s holds an element <%s>: capreg expects a number or a code", name, t.Name.Local), lang.Msg{})
			}
			nested = true
			if err := r.push(t.Name.Local); err != nil {
				return "", false, err
			}
			if err := r.skip(); err != nil {
				return "", false, err
			}
			r.pop()
		case xml.EndElement:
			if nested {
				return "", false, nil
			}
			text := bytes.TrimSpace(r.text)
			if long || len(text) > maxText {
				r.bad(lang.M("%s holds more than %d characters: capreg expects a number or a code", name, maxText), lang.Msg{})
				return "", false, nil
			}
			return string(text), true, nil
		}
	}
}

// fields reads the children of the open item: the text of each child
// named in names goes to set with the name's index, while the child is
// open (so set's findings name it); other children go to other (nil:
// skipped). A name twice is a finding. seen has bit i set when names[i]
// was there.
func (r *reader) fields(names []string, set func(i int, text string), other func(name string) error) (seen uint32, err error) {
	item := r.openName()
	err = r.children(func(name string) error {
		i := slices.Index(names, name)
		if i < 0 {
			if other != nil {
				return other(name)
			}
			return r.skip()
		}
		text, ok, err := r.leaf()
		if err != nil {
			return err
		}
		if seen&(1<<i) != 0 {
			r.add(findings.DiopsDuplicate, r.place(), lang.M("%s appears twice in %s", name, item), lang.Msg{})
			return nil
		}
		seen |= 1 << i
		if ok {
			set(i, text)
		}
		return nil
	})
	return seen, err
}

// require records a finding at p for each of names[i] (i in want) not seen.
func (r *reader) require(p Place, seen uint32, names []string, want ...int) {
	item := r.openName()
	for _, i := range want {
		if seen&(1<<i) == 0 {
			r.add(findings.DiopsMissingElement, p, lang.M("%s has no %s", item, names[i]), lang.Msg{})
		}
	}
}

// item reads the open item's fields as fields does, requires the fields
// whose indexes are in want as require does, and reports whether the
// item is whole: read without a new finding.
func (r *reader) item(at Place, names []string, set func(i int, text string), other func(name string) error, want ...int) (whole bool, err error) {
	before := r.errs
	seen, err := r.fields(names, set, other)
	if err != nil {
		return false, err
	}
	r.require(at, seen, names, want...)
	return r.errs == before, nil
}

// once records that the item at is the one of key in seen and reports
// true, or, when key was met before, adds that the item (what: "account
// 1234 appears twice in the balancete") repeats the first and reports
// false.
func once[K comparable](r *reader, seen map[K]Place, key K, at Place, what, fix lang.Msg) bool {
	if first, dup := seen[key]; dup {
		r.add(findings.DiopsDuplicate, at, lang.M("%s: first at %s (line %d)", what, first.Element, lang.Ordinal(first.Line)), fix)
		return false
	}
	seen[key] = at
	return true
}

// limitReader reads at most n bytes of r; past them it fails, and says so
// in over.
type limitReader struct {
	r    io.Reader
	n    int64
	over bool
}

var errTooLarge = errors.New("file too large")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 { // one byte more says whether the file goes on
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			l.over = true
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// charsetReader reads the encodings a DIOPS-XML declares besides UTF-8:
// ISO-8859-1, and windows-1252 read as ISO-8859-1 (the text capreg reads
// is ASCII).
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
		"windows-1252", "cp1252", "us-ascii", "ascii":
		return &latin1{r: in}, nil
	}
	return nil, &encodingError{label}
}

// encodingError is the error of an encoding a DIOPS-XML declares and
// capreg does not read.
type encodingError struct{ label string }

func (e *encodingError) msg() lang.Msg {
	return lang.M("the encoding %q is not supported: save the file as UTF-8 or ISO-8859-1", e.label)
}

func (e *encodingError) Error() string { return e.msg().String() }

// In is the error in language l.
func (e *encodingError) In(l lang.Lang) string { return e.msg().In(l) }

// latin1 turns ISO-8859-1 into UTF-8.
type latin1 struct {
	r       io.Reader
	in, buf []byte
	out     []byte // what of buf is not yet returned
	err     error
}

func (l *latin1) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		if l.err != nil {
			return 0, l.err
		}
		if l.in == nil {
			l.in = make([]byte, 16<<10)
		}
		n, err := l.r.Read(l.in)
		l.err = err
		l.buf = l.buf[:0]
		for _, b := range l.in[:n] {
			l.buf = utf8.AppendRune(l.buf, rune(b))
		}
		l.out = l.buf
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

package xlsxfile

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// scanner reads the XML of one part as a stream of tokens: start tags, end
// tags and text (entities decoded, line ends normalized). It is a strict
// subset of XML 1.0 for SpreadsheetML parts, written for speed (a sheet of
// a million rows is read in seconds, where encoding/xml takes minutes of
// allocations): names are ASCII, a DOCTYPE is refused, the encoding is
// UTF-8. It checks what makes the document well-formed: tags and
// attributes in their syntax, every end tag closing the element open, one
// root element, only blanks outside it, known entities, valid characters.
// Whatever it accepts, encoding/xml reads alike (FuzzScanner checks it).
type scanner struct {
	r    io.Reader
	buf  []byte
	pos  int // the next byte to read in buf
	end  int // buf[:end] is read
	eof  bool
	rerr error

	name     []byte     // the tag's name, as written (prefix:local)
	local    []byte     // the name without its prefix
	attrs    []attrSpan // offsets from tok
	tok      int        // where the current start tag begins in buf
	text     []byte
	scratch  []byte
	selfEnd  bool // the start tag was <x/>: its end tag comes next
	names    []byte
	ends     []int // the open elements: names[ends[i-1]:ends[i]]
	root     bool  // the root element was opened
	declSeen bool  // past the start of the document
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// attrSpan locates one attribute of the current start tag, from its '<'.
type attrSpan struct{ name, value [2]int }

// maxToken bounds one tag or text: far beyond any a spreadsheet writes (a
// cell holds 32,767 characters).
const maxToken = 4 << 20

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 64<<10)}
}

// depth is the number of elements open: 1 inside the root element.
func (s *scanner) depth() int { return len(s.ends) }

// openLocal is the local name of the i-th open element (0: the root).
func (s *scanner) openLocal(i int) []byte {
	from := 0
	if i > 0 {
		from = s.ends[i-1]
	}
	n := s.names[from:s.ends[i]]
	if k := bytes.IndexByte(n, ':'); k >= 0 {
		n = n[k+1:]
	}
	return n
}

// is reports whether the current tag's local name is name.
func (s *scanner) is(name string) bool { return string(s.local) == name }

// fill reads more into buf, keeping buf[pos:end]; false at the end of the
// input or on an error (s.rerr).
func (s *scanner) fill() bool {
	if s.eof || s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.rerr = lang.Errorf("the XML has a tag or text longer than %d MiB", maxToken>>20)
			return false
		}
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.rerr = lang.Errorf("the part is damaged: %v", err)
		}
		if n > 0 || s.eof || s.rerr != nil {
			return n > 0
		}
	}
}

// need makes buf[pos:pos+n] readable; false when the input ends first.
func (s *scanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// upTo finds the first sep at or after offset from of the token starting
// at pos, reading more as needed: its offset from pos, or -1.
func (s *scanner) upTo(from int, sep []byte) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], sep); i >= 0 {
			return from + i
		}
		from = max(from, s.end-s.pos-len(sep)+1)
		if !s.fill() {
			return -1
		}
	}
}

// malformed is the error of XML that is not well-formed, saying why.
func (s *scanner) malformed(why lang.Msg) error {
	return lang.Errorf("the XML is malformed: %v", why)
}

// next reads the next token; io.EOF at the end of a well-formed document.
// The token's name, attributes and text are valid until the next call.
func (s *scanner) next() (tokKind, error) {
	if s.selfEnd {
		s.selfEnd = false
		return s.pop(s.name)
	}
	for {
		if !s.need(1) {
			if s.rerr != nil {
				return 0, s.rerr
			}
			switch {
			case len(s.ends) > 0:
				return 0, lang.Errorf("the XML ends with element <%s> open", string(s.names[s.openStart(len(s.ends)-1):]))
			case !s.root:
				return 0, lang.Errorf("the part holds no XML element")
			}
			return 0, io.EOF
		}
		first := !s.declSeen
		s.declSeen = true
		if first && s.need(3) && bytes.HasPrefix(s.buf[s.pos:s.end], []byte("\xef\xbb\xbf")) {
			s.pos += 3 // a UTF-8 byte order mark; the declaration may follow
			s.declSeen = false
			continue
		}
		if s.buf[s.pos] != '<' {
			k, err := s.readText()
			if err != nil || k != 0 {
				return k, err
			}
			continue
		}
		if !s.need(2) {
			return 0, s.malformed(lang.M("the part ends inside a tag"))
		}
		switch s.buf[s.pos+1] {
		case '/':
			return s.endTag()
		case '?':
			if err := s.procInst(first); err != nil {
				return 0, err
			}
		case '!':
			if k, err := s.bang(); err != nil || k != 0 {
				return k, err
			}
		default:
			return s.startTag()
		}
	}
}

func (s *scanner) openStart(i int) int {
	if i == 0 {
		return 0
	}
	return s.ends[i-1]
}

// textChunk is the length past which a text is given in several tokens,
// so a long one is never held whole.
const textChunk = 1 << 20

// readText reads the text up to the next tag (or the next textChunk bytes
// of it): a token inside the root element, only blanks outside it (then no
// token: kind 0).
func (s *scanner) readText() (tokKind, error) {
	i := -1
	for from := 0; ; {
		if k := bytes.IndexByte(s.buf[s.pos+from:s.end], '<'); k >= 0 {
			i = from + k
			break
		}
		from = s.end - s.pos
		if from >= textChunk {
			i = textCut(s.buf[s.pos:s.end])
			break
		}
		if !s.fill() {
			if s.rerr != nil {
				return 0, s.rerr
			}
			i = s.end - s.pos
			break
		}
	}
	raw := s.buf[s.pos : s.pos+i]
	s.pos += i
	if len(s.ends) == 0 {
		if len(trimSpace(raw)) > 0 {
			return 0, s.malformed(lang.M("text outside the root element"))
		}
		return 0, nil
	}
	if bytes.IndexByte(raw, ']') >= 0 && bytes.Contains(raw, []byte("]]>")) {
		return 0, s.malformed(lang.M("]]> outside a CDATA section"))
	}
	return s.textToken(raw, false)
}

// textToken makes raw text (or a CDATA section's) the text token.
func (s *scanner) textToken(raw []byte, cdata bool) (tokKind, error) {
	t, err := s.decode(raw, cdata)
	if err != nil {
		return 0, err
	}
	s.text = t
	return tokText, nil
}

// textCut is where a long text b may be cut between two tokens: not
// inside an entity, a character, a \r\n or a ]]>.
func textCut(b []byte) int {
	n := len(b)
	k := n - 1 // where the last character starts
	for k > 0 && !utf8.RuneStart(b[k]) {
		k--
	}
	if k >= 0 && !utf8.FullRune(b[k:]) {
		n = k
	}
	if j := bytes.LastIndexByte(b[:n], '&'); j > 0 && bytes.IndexByte(b[j:n], ';') < 0 {
		n = j
	}
	for trailing := 0; n > 1 && trailing < 2 && (b[n-1] == ']' || b[n-1] == '\r'); trailing++ {
		n--
	}
	return n
}

// procInst skips a processing instruction; the XML declaration must come
// first, and declare UTF-8 if any encoding.
func (s *scanner) procInst(first bool) error {
	i := s.upTo(2, []byte("?>"))
	if i < 0 {
		return s.malformed(lang.M("a processing instruction is not closed"))
	}
	body := s.buf[s.pos+2 : s.pos+i]
	s.pos += i + 2
	target, rest := body, []byte(nil)
	if k := bytes.IndexAny(body, " \t\r\n"); k >= 0 {
		target, rest = body[:k], body[k:]
	}
	if !validName(target) {
		return s.malformed(lang.M("a processing instruction without a name"))
	}
	if !bytes.EqualFold(target, []byte("xml")) {
		return nil
	}
	if !first {
		return s.malformed(lang.M("an XML declaration that is not at the start"))
	}
	if v, ok := pseudoAttr(rest, "version"); ok && string(v) != "1.0" {
		return s.malformed(lang.M("XML version %q", findings.Clip(string(v))))
	}
	if enc, ok := pseudoAttr(rest, "encoding"); ok && !bytes.EqualFold(enc, []byte("utf-8")) {
		return lang.Errorf("the XML is in the encoding %q; capreg reads UTF-8", findings.Clip(string(enc)))
	}
	return nil
}

// pseudoAttr finds name="value" in an XML declaration.
func pseudoAttr(decl []byte, name string) ([]byte, bool) {
	j := bytes.Index(decl, []byte(name))
	if j < 0 {
		return nil, false
	}
	v := bytes.TrimLeft(decl[j+len(name):], " \t\r\n=")
	if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
		return nil, false
	}
	k := bytes.IndexByte(v[1:], v[0])
	if k < 0 {
		return nil, false
	}
	return v[1 : 1+k], true
}

// validName reports whether b is a name as nameAt reads one.
func validName(b []byte) bool {
	colons := 0
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9' || c == '.' || c == '-') && i > 0:
		case c == ':' && i > 0:
			colons++
		default:
			return false
		}
	}
	return len(b) > 0 && colons <= 1 && b[len(b)-1] != ':'
}

// bang reads a comment (skipped), a CDATA section (text) or a DOCTYPE
// (refused).
func (s *scanner) bang() (tokKind, error) {
	s.need(9)
	rest := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		i := s.upTo(4, []byte("-->"))
		if i < 0 {
			return 0, s.malformed(lang.M("a comment is not closed"))
		}
		s.pos += i + 3
		return 0, nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		i := s.upTo(9, []byte("]]>"))
		if i < 0 {
			return 0, s.malformed(lang.M("a CDATA section is not closed"))
		}
		raw := s.buf[s.pos+9 : s.pos+i]
		s.pos += i + 3
		if len(s.ends) == 0 {
			return 0, s.malformed(lang.M("a CDATA section outside the root element"))
		}
		return s.textToken(raw, true)
	}
	return 0, s.malformed(lang.M("a DOCTYPE or other declaration, which a workbook part never holds"))
}

// name reads an XML name at offset i of the token: ASCII letters, digits
// and _ : . - (not first: digits . -), at most one colon inside.
func (s *scanner) nameAt(i int) (int, error) {
	start := i
	colons := 0
	for {
		if s.pos+i == s.end && !s.fill() {
			return 0, s.malformed(lang.M("the part ends inside a tag"))
		}
		c := s.buf[s.pos+i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9' || c == '.' || c == '-') && i > start:
		case c == ':' && i > start:
			colons++
		default:
			if i == start {
				return 0, s.malformed(lang.M("a tag or attribute name starts with %q", c))
			}
			if colons > 1 || s.buf[s.pos+i-1] == ':' {
				return 0, s.malformed(lang.M("the name %q", string(s.buf[s.pos+start:s.pos+i])))
			}
			return i, nil
		}
		i++
	}
}

// skipSpace skips blanks at offset i of the token.
func (s *scanner) skipSpace(i int) (int, bool) {
	for {
		if s.pos+i == s.end && !s.fill() {
			return i, false
		}
		if !isSpace(s.buf[s.pos+i]) {
			return i, true
		}
		i++
	}
}

func (s *scanner) startTag() (tokKind, error) {
	if len(s.ends) == 0 && s.root {
		return 0, s.malformed(lang.M("a second root element"))
	}
	n, err := s.nameAt(1)
	if err != nil {
		return 0, err
	}
	nameEnd := n
	s.attrs = s.attrs[:0]
	i := n
	for {
		spaced := i
		var ok bool
		if i, ok = s.skipSpace(i); !ok {
			return 0, s.malformed(lang.M("the part ends inside a tag"))
		}
		c := s.buf[s.pos+i]
		if c == '>' || c == '/' {
			if c == '/' {
				if !s.need(i + 2) {
					return 0, s.malformed(lang.M("the part ends inside a tag"))
				}
				if s.buf[s.pos+i+1] != '>' {
					return 0, s.malformed(lang.M("a / inside a tag"))
				}
				i++
				s.selfEnd = true
			}
			s.tok = s.pos
			s.setNameAbs(s.pos+1, s.pos+nameEnd)
			s.pos += i + 1
			s.names = append(s.names, s.name...)
			s.ends = append(s.ends, len(s.names))
			s.root = true
			return tokStart, nil
		}
		if i == spaced {
			return 0, s.malformed(lang.M("no blank between the attributes of <%s>", string(s.buf[s.pos+1:s.pos+nameEnd])))
		}
		an, err := s.nameAt(i)
		if err != nil {
			return 0, err
		}
		span := attrSpan{name: [2]int{i, an}}
		if i, ok = s.skipSpace(an); !ok || s.buf[s.pos+i] != '=' {
			return 0, s.malformed(lang.M("an attribute without a value in <%s>", string(s.buf[s.pos+1:s.pos+nameEnd])))
		}
		if i, ok = s.skipSpace(i + 1); !ok {
			return 0, s.malformed(lang.M("the part ends inside a tag"))
		}
		q := s.buf[s.pos+i]
		if q != '"' && q != '\'' {
			return 0, s.malformed(lang.M("an attribute value without quotes in <%s>", string(s.buf[s.pos+1:s.pos+nameEnd])))
		}
		j := s.upTo(i+1, []byte{q})
		if j < 0 {
			return 0, s.malformed(lang.M("the part ends inside a tag"))
		}
		if bytes.IndexByte(s.buf[s.pos+i+1:s.pos+j], '<') >= 0 {
			return 0, s.malformed(lang.M("a < inside an attribute value"))
		}
		span.value = [2]int{i + 1, j}
		s.attrs = append(s.attrs, span)
		i = j + 1
	}
}

// setNameAbs sets the tag's name from absolute offsets in buf.
func (s *scanner) setNameAbs(from, to int) {
	s.name = s.buf[from:to]
	s.local = s.name
	if k := bytes.IndexByte(s.name, ':'); k >= 0 {
		s.local = s.name[k+1:]
	}
}

func (s *scanner) endTag() (tokKind, error) {
	n, err := s.nameAt(2)
	if err != nil {
		return 0, err
	}
	i, ok := s.skipSpace(n)
	if !ok || s.buf[s.pos+i] != '>' {
		return 0, s.malformed(lang.M("an end tag </%s is not closed", string(s.buf[s.pos+2:s.pos+n])))
	}
	s.setNameAbs(s.pos+2, s.pos+n)
	s.pos += i + 1
	return s.pop(s.name)
}

// pop closes the element open, which must be name.
func (s *scanner) pop(name []byte) (tokKind, error) {
	if len(s.ends) == 0 {
		return 0, s.malformed(lang.M("an end tag </%s> with no element open", string(name)))
	}
	from := s.openStart(len(s.ends) - 1)
	if top := s.names[from:]; !bytes.Equal(top, name) {
		return 0, s.malformed(lang.M("element <%s> closed by </%s>", string(top), string(name)))
	}
	s.name = s.names[from:]
	s.local = s.name
	if k := bytes.IndexByte(s.name, ':'); k >= 0 {
		s.local = s.name[k+1:]
	}
	s.names = s.names[:from]
	s.ends = s.ends[:len(s.ends)-1]
	return tokEnd, nil
}

// attr is the value of the current start tag's unprefixed attribute
// local, entities decoded.
func (s *scanner) attr(local string) ([]byte, bool, error) {
	for _, a := range s.attrs {
		n := s.buf[s.tok+a.name[0] : s.tok+a.name[1]]
		if string(n) == local {
			v, err := s.decode(s.buf[s.tok+a.value[0]:s.tok+a.value[1]], false)
			return v, true, err
		}
	}
	return nil, false, nil
}

// relID is the value of the current start tag's r:id (any prefix: the
// relationships namespace of transitional and strict OOXML alike).
func (s *scanner) relID() (string, error) {
	for _, a := range s.attrs {
		n := s.buf[s.tok+a.name[0] : s.tok+a.name[1]]
		if k := bytes.IndexByte(n, ':'); k > 0 && string(n[k+1:]) == "id" && string(n[:k]) != "xml" && string(n[:k]) != "xmlns" {
			v, err := s.decode(s.buf[s.tok+a.value[0]:s.tok+a.value[1]], false)
			return string(v), err
		}
	}
	return "", nil
}

// attrString is attr as a string, "" when absent.
func (s *scanner) attrString(local string) (string, error) {
	v, _, err := s.attr(local)
	return string(v), err
}

// decode checks raw text's characters and decodes its entities (never in
// CDATA) and line ends (\r\n and \r are \n, as XML reads them).
func (s *scanner) decode(raw []byte, cdata bool) ([]byte, error) {
	special := false
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return nil, s.malformed(lang.M("the control character %U", rune(c)))
			}
			special = special || c == '\r' || (c == '&' && !cdata)
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return nil, s.malformed(lang.M("invalid UTF-8 or a character XML does not allow"))
		}
		i += n
	}
	if !special {
		return raw, nil
	}
	out := s.scratch[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c == '&' && !cdata:
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return nil, s.malformed(lang.M("an & that starts no entity"))
			}
			ent := raw[i+1 : i+semi]
			i += semi
			switch string(ent) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "apos":
				out = append(out, '\'')
			case "quot":
				out = append(out, '"')
			default:
				r, ok := charRef(ent)
				if !ok {
					return nil, s.malformed(lang.M("the entity &%s;", findings.Clip(string(ent))))
				}
				out = utf8.AppendRune(out, r)
			}
		default:
			out = append(out, c)
		}
	}
	s.scratch = out
	return out, nil
}

// charRef reads a character reference's body: #65 or #x41; the character
// must be one XML allows.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 || digits[0] == '+' || digits[0] == '-' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	ok := r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	return r, ok
}

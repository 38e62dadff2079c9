// Package xlsxfile is capreg's one reader of .xlsx workbooks: it opens a
// file with bounded sizes (a finding, not an error text, when the file is
// no workbook, saying what it is instead) and streams a sheet's rows as
// typed cells, decoding the sheet's XML itself: numbers as Excel shows them
// (15 significant digits), dates in the workbook's date system, booleans,
// errors and formulas without a cached value told apart from text. Every
// reader of a workbook (pkg/workbook, pkg/beneficiarios, pkg/coletabook,
// pkg/reclamacoesbook) reads through it, with the same words for the same
// problems: a cell read as a number, date, month, registro or code (the
// Cell methods, whose errors parse.Finding reports), an empty required cell
// (Cell.Missing), a header row (Rows.Header, HeaderColumns), a sheet that
// is missing (Book.Require) or cannot be read (UnreadableSheet). excelize
// only writes (Edit opens a workbook with it to be filled in).
package xlsxfile

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/safefile"
)

// Limits: the file itself, everything it unpacks, a part parsed whole
// (the workbook, relationships, shared strings) and a sheet whose merged
// cells are looked up.
const (
	MaxFileSize = 512 << 20
	maxUnpacked = 1 << 30
	maxPartXML  = 256 << 20
	// maxMergesXML is the largest sheet part whose merged cells Merges
	// looks up (they follow the rows, so the part is read twice).
	maxMergesXML = 32 << 20
)

// inMemory is the size up to which a file is read whole into memory: one
// read instead of the many small reads of a zip read in place (a typical
// operator's workbook is tens of kilobytes).
const inMemory = 4 << 20

// cfbSignature starts an OLE compound file: a legacy .xls, or an xlsx
// encrypted with a password.
var cfbSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Book is an opened workbook. Close it.
type Book struct {
	src      io.ReaderAt
	size     int64
	closer   io.Closer
	parts    map[string]*zip.File // by lower-case name (OPC part names ignore case)
	sheets   []sheet
	date1904 bool
	sstPart  string
	sst      []string
}

type sheet struct {
	name, part string
	hidden     bool
}

// Open opens the workbook at path read-only and checks its package (see
// Read). A path that is not a regular file (a directory, a FIFO, a device)
// is refused before anything is read from it: a FIFO blocks forever and a
// device never ends. A file that cannot be used gives no Book but the
// finding that says why (CR-E001 or CR-E022), which its reader returns;
// the error is ctx's, when it ended the check.
func Open(ctx context.Context, path string) (*Book, findings.List, error) {
	fh, bad := OpenRegular(path)
	if bad != nil {
		return nil, bad, nil
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, cannotRead(path, err), nil
	}
	if st.Size() <= inMemory {
		defer fh.Close()
		return Read(ctx, fh)
	}
	b, bad, err := open(ctx, fh, st.Size())
	if b == nil {
		fh.Close()
		return nil, bad, err
	}
	b.closer = fh
	return b, nil, nil
}

// Read reads a workbook from src and checks its package: every part
// unpacks to its declared size and checksum (a damaged part or a zip bomb
// is refused, never read as a shorter sheet), the workbook and its shared
// strings are well-formed. A regular *os.File larger than a few megabytes
// is read in place, never copied into memory whole: it must stay open,
// unchanged, until the Book is closed. A file that cannot be used gives no
// Book but the finding that says why (CR-E001 or CR-E022); the error is
// ctx's, when it ended the check.
func Read(ctx context.Context, src io.Reader) (*Book, findings.List, error) {
	if fh, ok := src.(*os.File); ok {
		st, err := fh.Stat()
		if err != nil {
			return nil, cannotRead(fh.Name(), err), nil
		}
		if err := safefile.RegularInfo(st); err != nil {
			return nil, cannotRead(fh.Name(), err), nil
		}
		if st.Size() > inMemory {
			return open(ctx, fh, st.Size())
		}
	}
	data, err := io.ReadAll(io.LimitReader(src, MaxFileSize+1))
	if err != nil {
		return nil, unreadable(lang.M("cannot read the file: %v", err), lang.Msg{}), nil
	}
	return open(ctx, bytes.NewReader(data), int64(len(data)))
}

// OpenRegular opens the file at path for reading, refusing (CR-E001),
// before anything is read from it, whatever is not a regular file: a
// directory, a FIFO (which blocks forever), a device (which never ends).
func OpenRegular(path string) (*os.File, findings.List) {
	fh, err := safefile.OpenRegular(path)
	if err != nil {
		return nil, cannotRead(path, err)
	}
	return fh, nil
}

func cannotRead(path string, err error) findings.List {
	var fix lang.Msg
	switch {
	case errors.Is(err, safefile.ErrNotRegular):
		fix = lang.M("give the path of the file itself (save the data to a file first)")
	case errors.Is(err, fs.ErrNotExist):
		fix = lang.M("check the path: there is no file by that name")
	case errors.Is(err, fs.ErrPermission):
		fix = lang.M("check the file's permissions: capreg only reads it")
	}
	return unreadable(lang.M("%s: %v", path, safefile.PathCause(err)), fix)
}

// open reads the package: its parts, the workbook part and its sheets,
// the shared strings.
func open(ctx context.Context, src io.ReaderAt, size int64) (*Book, findings.List, error) {
	b, msg, fix := openZip(src, size)
	if b == nil {
		if msg.IsZero() {
			return nil, compoundFile(io.NewSectionReader(src, 0, size)), nil
		}
		return nil, unreadable(msg, fix), nil
	}
	err := b.verify(ctx)
	if err == nil {
		err = b.sharedStrings(ctx)
	}
	switch {
	case ctx.Err() != nil:
		return nil, nil, ctx.Err()
	case err != nil:
		return nil, unreadable(notWorkbook(err), lang.Msg{}), nil
	}
	return b, nil, nil
}

// notWorkbook is the message of a file that is no readable workbook, and
// why: a lang.Msg, or an error.
func notWorkbook(why any) lang.Msg {
	return lang.M("not a readable .xlsx workbook: %v", why)
}

// openZip reads the zip directory and the workbook part; a nil Book comes
// with what the file is instead, and how to make a workbook of it (the
// zero Msg for an OLE compound file: see compoundFile).
func openZip(src io.ReaderAt, size int64) (b *Book, msg, fix lang.Msg) {
	switch {
	case size > MaxFileSize:
		return nil, lang.M("the file is larger than %d MiB", MaxFileSize>>20), lang.Msg{}
	case size == 0:
		return nil, notWorkbook(lang.M("the file is empty (0 bytes)")), lang.Msg{}
	}
	head := make([]byte, len(cfbSignature))
	n, _ := src.ReadAt(head, 0)
	if bytes.Equal(head[:n], cfbSignature) {
		return nil, lang.Msg{}, lang.Msg{}
	}
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return nil, notWorkbook(lang.M("the file is not a zip package, as every .xlsx is (is it a .csv or a text file, or damaged?)")), lang.Msg{}
	}
	b = &Book{src: src, size: size, parts: map[string]*zip.File{}}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		key := strings.ToLower(f.Name)
		if _, dup := b.parts[key]; dup {
			return nil, notWorkbook(lang.M("the package holds two parts named %s", findings.Clip(f.Name))), lang.Msg{}
		}
		b.parts[key] = f
	}
	if declared > maxUnpacked {
		return nil, notWorkbook(lang.M("it would unpack to more than %d MiB (a zip bomb?)", maxUnpacked>>20)), lang.Msg{}
	}
	wb := b.officeDocument()
	if wb == "" || !strings.HasSuffix(strings.ToLower(wb), ".xml") {
		msg, fix := describe(zr, b.parts)
		return nil, notWorkbook(msg), fix
	}
	if err := b.readWorkbook(wb); errors.Is(err, errNotWorkbook) {
		msg, fix := describe(zr, b.parts)
		return nil, notWorkbook(msg), fix
	} else if err != nil {
		return nil, notWorkbook(err), lang.Msg{}
	}
	return b, lang.Msg{}, lang.Msg{}
}

// verify unpacks every part once, without keeping it: archive/zip checks
// each part's size and checksum against its headers, so a part that lies
// about its size or is damaged is refused before any is read, and the
// declared total is bounded (zip bombs).
func (b *Book) verify(ctx context.Context) error {
	buf := make([]byte, 256<<10)
	for _, f := range b.parts {
		rc, err := f.Open()
		if err != nil {
			return lang.Errorf("part %s is damaged: %v", f.Name, err)
		}
		for {
			_, err = rc.Read(buf)
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				break
			}
		}
		rc.Close()
		if err != io.EOF {
			return lang.Errorf("part %s is damaged: %v", f.Name, err)
		}
	}
	return nil
}

// officeDocument is the workbook part the package's relationships name,
// or xl/workbook.xml when they name none; "" when there is none.
func (b *Book) officeDocument() string {
	rels, _ := b.rels("_rels/.rels")
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") && b.part(r.target) != nil {
			return r.target
		}
	}
	if b.part("xl/workbook.xml") != nil {
		return "xl/workbook.xml"
	}
	return ""
}

// part finds a part by name, ignoring case.
func (b *Book) part(name string) *zip.File { return b.parts[strings.ToLower(name)] }

// openPart opens a part for reading, refusing one larger than limit.
func (b *Book) openPart(name string, limit uint64) (io.ReadCloser, error) {
	f := b.part(name)
	if f == nil {
		return nil, lang.Errorf("the package has no part %s", name)
	}
	if f.UncompressedSize64 > limit {
		return nil, lang.Errorf("part %s is larger than %d MiB", name, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, lang.Errorf("part %s is damaged: %v", name, err)
	}
	return rc, nil
}

type relationship struct{ id, typ, target string }

// rels reads a relationships part; targets become part names.
func (b *Book) rels(name string) ([]relationship, error) {
	rc, err := b.openPart(name, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	base := path.Dir(path.Dir(name)) // the source part's folder: a/_rels/b.xml.rels → a
	var out []relationship
	x := newScanner(rc)
	for {
		k, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, lang.Errorf("part %s: %v", name, err)
		}
		if k != tokStart || !x.is("Relationship") || x.depth() != 2 {
			continue
		}
		var r relationship
		var mode, target string
		for _, a := range []struct {
			name string
			dst  *string
		}{{"Id", &r.id}, {"Type", &r.typ}, {"Target", &target}, {"TargetMode", &mode}} {
			if *a.dst, err = x.attrString(a.name); err != nil {
				return nil, lang.Errorf("part %s: %v", name, err)
			}
		}
		if mode == "External" {
			continue
		}
		if strings.Contains(target, "%") {
			if t, err := url.PathUnescape(target); err == nil {
				target = t
			}
		}
		if strings.HasPrefix(target, "/") {
			r.target = path.Clean(target)[1:]
		} else {
			r.target = path.Join(base, target)
		}
		out = append(out, r)
	}
}

// errNotWorkbook: the package's main part is not a workbook (a Word
// document or a presentation names its own main part as officeDocument).
var errNotWorkbook = lang.Errorf("the main part is not a workbook")

// readWorkbook reads the workbook part: the date system and the sheets.
func (b *Book) readWorkbook(name string) error {
	// A missing or bad relationships part is reported once the root
	// element shows the part is a workbook at all.
	rels, relsErr := b.rels(path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"))
	targets := map[string]string{}
	for _, r := range rels {
		targets[r.id] = r.target
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			b.sstPart = r.target
		}
	}
	rc, err := b.openPart(name, maxPartXML)
	if err != nil {
		return err
	}
	defer rc.Close()
	x := newScanner(rc)
	for {
		k, err := x.next()
		if err == io.EOF {
			return relsErr
		}
		if err == nil && k == tokStart {
			switch {
			case x.depth() == 1 && !x.is("workbook"):
				return errNotWorkbook
			case x.depth() == 1 && relsErr != nil:
				return relsErr
			case x.is("workbookPr") && x.depth() == 2:
				var v string
				v, err = x.attrString("date1904")
				b.date1904 = v == "1" || v == "true"
			case x.is("sheet") && x.depth() == 3:
				var sh sheet
				var state, id string
				if sh.name, err = x.attrString("name"); err == nil {
					if state, err = x.attrString("state"); err == nil {
						id, err = x.relID()
					}
				}
				sh.part, sh.hidden = targets[id], state == "hidden" || state == "veryHidden"
				b.sheets = append(b.sheets, sh)
			}
		}
		if err != nil {
			return lang.Errorf("part %s: %v", name, err)
		}
	}
}

// describe says what a zip package that holds no workbook is, and how to
// make one of it.
func describe(zr *zip.Reader, parts map[string]*zip.File) (msg, fix lang.Msg) {
	give := lang.M("give capreg the .xlsx workbook itself (in Excel or LibreOffice: Save As, Excel Workbook (.xlsx))")
	if len(zr.File) == 0 {
		return lang.M("it is an empty zip archive"), give
	}
	if f := parts["mimetype"]; f != nil {
		if rc, err := f.Open(); err == nil {
			mime, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			switch m := strings.TrimSpace(string(mime)); {
			case m == "application/vnd.oasis.opendocument.spreadsheet":
				return lang.M("it is an OpenDocument spreadsheet (.ods)"), lang.M("open it in LibreOffice Calc or Excel and save it as Excel 2007-365 (.xlsx): File > Save As, file type Excel 2007-365 (.xlsx)")
			case strings.HasPrefix(m, "application/vnd.oasis.opendocument."):
				return lang.M("it is an OpenDocument file (%s), not a spreadsheet", findings.Clip(m)), give
			}
		}
	}
	if parts["xl/workbook.bin"] != nil {
		return lang.M("it is an Excel Binary Workbook (.xlsb)"), lang.M("open it in Excel and save it as Excel Workbook (.xlsx): File > Save As, file type Excel Workbook (.xlsx)")
	}
	var inner []string
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "word/"):
			return lang.M("it is a Word document (.docx), not a workbook"), give
		case strings.HasPrefix(f.Name, "ppt/"):
			return lang.M("it is a PowerPoint presentation (.pptx), not a workbook"), give
		}
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".xlsx", ".xlsm", ".xls", ".ods", ".csv":
			if len(inner) < 3 {
				inner = append(inner, findings.Clip(f.Name))
			}
		}
	}
	if len(inner) > 0 {
		return lang.M("it is a zip archive holding %s, not a workbook itself", strings.Join(inner, ", ")), lang.M("extract the archive and give capreg the .xlsx file inside")
	}
	return lang.M("it is a zip archive without a workbook (no xl/workbook.xml)"), give
}

// compoundFile tells a password-protected workbook from a legacy .xls: an
// encrypted one has an EncryptionInfo stream, found in chunks.
func compoundFile(r io.Reader) findings.List {
	var marker []byte
	for _, c := range "EncryptionInfo" {
		marker = append(marker, byte(c), 0) // UTF-16LE stream name
	}
	buf := make([]byte, 0, 1<<20+len(marker))
	chunk := make([]byte, 1<<20)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if bytes.Contains(buf, marker) {
			return findings.List{findings.New(findings.Encrypted, "", "", lang.M("the workbook is password-protected (encrypted); capreg cannot read it"))}
		}
		buf = append(buf[:0], buf[max(0, len(buf)-len(marker)+1):]...)
		if err != nil {
			break
		}
	}
	return unreadable(notWorkbook(lang.M("it is a legacy Excel 97-2003 (.xls) workbook or another OLE compound file")), lang.M("open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx): File > Save As, file type Excel Workbook (.xlsx)"))
}

// unreadable is the finding CR-E001 of the file, with fix (the zero Msg
// for the catalogue's).
func unreadable(msg, fix lang.Msg) findings.List {
	return findings.List{findings.New(findings.Unreadable, "", "", msg).WithFix(fix)}
}

// Close closes the file the book was opened from (Open's, not Read's).
func (b *Book) Close() error {
	if b.closer != nil {
		return b.closer.Close()
	}
	return nil
}

// Date1904 reports whether the workbook counts date serials in the 1904
// date system (workbookPr date1904) instead of the 1900 one.
func (b *Book) Date1904() bool { return b.date1904 }

// Sheets are the names of the workbook's sheets, in its order.
func (b *Book) Sheets() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// Sheet returns the file's name of the sheet called name, case and blanks
// around it forgiven: "" when there is none; a finding when two sheets
// answer to it (PLA and "PLA "), since which one to read cannot be told.
func (b *Book) Sheet(name string) (string, *findings.Finding) {
	var found []string
	for _, s := range b.sheets {
		if SameSheet(s.name, name) {
			found = append(found, s.name)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	quoted := make([]string, len(found))
	for i, s := range found {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	name = strings.TrimSpace(name)
	msg := lang.M("the sheets %s and %s both answer to %s (their names differ only in case or blanks); capreg cannot tell which one to read", quoted[0], quoted[1], name)
	if n := len(quoted); n > 2 {
		msg = lang.M("the sheets %s and %s all answer to %s (their names differ only in case or blanks); capreg cannot tell which one to read", strings.Join(quoted[:n-1], ", "), quoted[n-1], name)
	}
	f := findings.New(findings.DuplicateSheet, name, "", msg)
	return "", &f
}

// Require returns the file's name of the sheet called name, as Sheet does,
// or the finding that the workbook lacks it: two sheets answering to name
// (CR-E023), or none, of the reader's code and fix (the zero Msg for the
// code's), naming the sheets the workbook has.
func (b *Book) Require(name, code string, fix lang.Msg) (string, *findings.Finding) {
	found, dup := b.Sheet(name)
	if found != "" || dup != nil {
		return found, dup
	}
	has := lang.M("it has no sheets")
	if len(b.sheets) > 0 {
		has = lang.M("it has %s", strings.Join(b.Sheets(), ", "))
	}
	f := findings.New(code, name, "", lang.M("the workbook has no sheet %s (%s)", name, has)).WithFix(fix)
	return "", &f
}

// SameSheet reports whether two sheet names name the same sheet for
// capreg: case and blanks around them forgiven.
func SameSheet(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// Hidden reports whether the sheet (the file's name) is hidden.
func (b *Book) Hidden(name string) bool {
	for _, s := range b.sheets {
		if s.name == name {
			return s.hidden
		}
	}
	return false
}

// Rows starts streaming the rows of the sheet (the file's name, as Sheets
// gives it). ctx stops the reading when done.
func (b *Book) Rows(ctx context.Context, name string) (*Rows, error) {
	var part string
	found := false
	for _, s := range b.sheets {
		if s.name == name {
			part, found = s.part, true
			break
		}
	}
	if !found {
		return nil, &SheetError{Sheet: name, Err: lang.Errorf("the workbook has no such sheet")}
	}
	rc, err := b.openPart(part, maxUnpacked)
	if err != nil {
		return nil, &SheetError{Sheet: name, Err: err}
	}
	return &Rows{ctx: ctx, book: b, sheet: name, rc: rc, x: newScanner(rc)}, nil
}

// sharedStrings reads the shared strings: the text of each si, its rich
// text runs (r > t) joined, phonetic runs (rPh) left out; a text longer
// than a cell holds is cut there.
func (b *Book) sharedStrings(ctx context.Context) error {
	if b.sstPart == "" || b.part(b.sstPart) == nil {
		return nil
	}
	rc, err := b.openPart(b.sstPart, maxPartXML)
	if err != nil {
		return err
	}
	defer rc.Close()
	x := newScanner(rc)
	var text []byte
	in := false // inside a text of the current si
	for {
		k, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return lang.Errorf("part %s: %v", b.sstPart, err)
		}
		switch d := x.depth(); k {
		case tokStart:
			switch {
			case d == 2 && x.is("si"):
				text = text[:0]
				if len(b.sst)%checkEvery == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
			case x.is("t") && (d == 3 || d == 4 && string(x.openLocal(2)) == "r"):
				in = true
			}
		case tokEnd:
			in = false
			if d == 1 && x.is("si") {
				b.sst = append(b.sst, string(unescape(text)))
			}
		case tokText:
			if in {
				text = appendCapped(text, x.text)
			}
		}
	}
}

// appendCapped appends text to a cell's text, up to maxCellText bytes (a
// cell holds 32,767 characters; a longer text, which no spreadsheet
// writes, is cut on a character boundary and cannot read as a number).
func appendCapped(dst, text []byte) []byte {
	if room := maxCellText - len(dst); len(text) > room {
		text = text[:max(room, 0)]
		k := len(text) - 1 // where the last character starts
		for k > 0 && !utf8.RuneStart(text[k]) {
			k--
		}
		if k >= 0 && !utf8.FullRune(text[k:]) {
			text = text[:k]
		}
	}
	return append(dst, text...)
}

// Merges are the merged ranges of the sheet ("A2:B3"); known is false when
// the sheet is too large to look them up (see maxMergesXML) or its XML
// cannot be read (which reading its rows reports).
func (b *Book) Merges(name string) (refs []string, known bool) {
	for _, s := range b.sheets {
		if s.name != name {
			continue
		}
		rc, err := b.openPart(s.part, maxMergesXML)
		if err != nil {
			return nil, false
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			return nil, false
		}
		if !bytes.Contains(data, []byte("mergeCell")) {
			return nil, true
		}
		x := newScanner(bytes.NewReader(data))
		for {
			k, err := x.next()
			if err == io.EOF {
				return refs, true
			}
			if err != nil {
				return nil, false
			}
			if k == tokStart && x.is("mergeCell") && x.depth() == 3 && string(x.openLocal(1)) == "mergeCells" {
				ref, ok, err := x.attr("ref")
				if err != nil {
					return nil, false
				}
				if ok {
					refs = append(refs, string(ref))
				}
			}
		}
	}
	return nil, false
}

// Edit opens the workbook with excelize, to be changed and written (the
// coleta sheet capreg fills in). excelize parses parts this package never
// reads (styles, drawings), and panics on some malformed ones: such a panic
// is an error.
func (b *Book) Edit() (f *excelize.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, lang.Errorf("the workbook is malformed: %v", p)
		}
	}()
	return excelize.OpenReader(io.NewSectionReader(b.src, 0, b.size), excelize.Options{UnzipSizeLimit: maxUnpacked, UnzipXMLSizeLimit: 16 << 20})
}

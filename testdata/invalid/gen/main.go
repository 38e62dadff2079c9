// Command gen writes the hostile files of testdata/invalid (i71 and up):
// files that are not workbooks at all, damaged packages, a password-protected
// workbook, zip bombs, huge and invalid strings, renamed .xls/.ods/.xlsm. It
// merges their entries into testdata/invalid/expected.json (the entries of the
// other files, written by testdata/fixtures/gen/make_invalid.py, are kept).
//
// A directory named testdata is ignored by go build ./..., so this package
// main does not become part of capreg. Run it from the module root:
//
//	go run ./testdata/invalid/gen               # deterministic files; keeps the others if present
//	go run ./testdata/invalid/gen -all          # also rewrites the password-protected file and the
//	                                            # LibreOffice conversions (their bytes differ per run)
//	go run ./testdata/invalid/gen -extra /tmp/x # also writes large bombs that are NOT committed
//
// Every committed file stays under 5 MB. The files are built from
// testdata/fixtures/f01_coop_medica_padrao.xlsx (openpyxl, inline strings)
// and, where shared strings are needed, f02_..._governanca-libreoffice.xlsx.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const (
	outDir = "testdata/invalid"
	f01    = "testdata/fixtures/f01_coop_medica_padrao.xlsx"
	f02LO  = "testdata/fixtures/f02_medgrupo_reduzido_governanca-libreoffice.xlsx"
)

var fixedTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// finding is one expected finding of expected.json.
type finding struct {
	Code, Sheet, Cell, Column, What string
}

func (f finding) json() map[string]any {
	sev := "error"
	if strings.HasPrefix(f.Code, "CR-W") {
		sev = "warning"
	}
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	return map[string]any{"code": f.Code, "severity": sev, "sheet": null(f.Sheet), "cell": null(f.Cell),
		"column": null(f.Column), "what": f.What}
}

// unreadable is the expectation of a file that is no workbook at all.
func unreadable(what string) []finding { return []finding{{Code: "CR-E001", What: what}} }

// requiredSheets are the layout's required sheets (f01 and f02 have no optional one).
var requiredSheets = []string{"Operadora", "PLA", "Contraprestacoes", "Eventos", "ABI", "Remissao",
	"Credito_Operadoras", "Credito_Seguros", "Credito_Ativos", "Mercado_ALM", "Mercado_Ativos", "Operacional"}

// everySheetUnreadable is CR-E001 on every required sheet (a shared part is damaged).
type hostile struct {
	name  string
	want  []finding
	build func() ([]byte, error)
	// nondeterministic files are only rewritten with -all (or when absent).
	nondeterministic bool
}

func main() {
	all := flag.Bool("all", false, "also rewrite the files whose bytes differ per run (password, LibreOffice)")
	extra := flag.String("extra", "", "directory for the large bombs that are not committed (empty: none)")
	flag.Parse()
	if _, err := os.Stat(f01); err != nil {
		log.Fatalf("run from the module root (%v)", err)
	}
	expected := map[string]any{}
	for _, h := range hostiles() {
		path := filepath.Join(outDir, h.name)
		_, statErr := os.Stat(path)
		if !h.nondeterministic || *all || statErr != nil {
			data, err := h.build()
			if err != nil {
				log.Printf("%s: not written: %v", h.name, err)
				if statErr != nil {
					continue
				}
			} else {
				if len(data) > 5<<20 {
					log.Fatalf("%s: %d bytes, more than 5 MB", h.name, len(data))
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					log.Fatal(err)
				}
			}
		}
		st, _ := os.Stat(path)
		var list []any
		for _, f := range h.want {
			list = append(list, f.json())
		}
		if list == nil {
			list = []any{}
		}
		expected[h.name] = list
		codes := []string{}
		for _, f := range h.want {
			codes = append(codes, f.Code)
		}
		fmt.Printf("%-48s %9d bytes  %s\n", h.name, st.Size(), strings.Join(codes, " "))
	}
	if err := mergeExpected(expected); err != nil {
		log.Fatal(err)
	}
	if *extra != "" {
		if err := writeExtra(*extra); err != nil {
			log.Fatal(err)
		}
	}
}

// mergeExpected replaces our entries in expected.json and keeps the others
// (those whose file exists).
func mergeExpected(ours map[string]any) error {
	path := filepath.Join(outDir, "expected.json")
	cur := map[string]any{}
	if data, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(data, &cur); err != nil {
			return err
		}
	}
	out := map[string]any{}
	for k, v := range cur {
		if _, err := os.Stat(filepath.Join(outDir, k)); err == nil {
			out[k] = v
		}
	}
	for k, v := range ours {
		out[k] = v
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func hostiles() []hostile {
	return []hostile{
		{name: "i71_not_xlsx_csv_renamed.xlsx", want: unreadable("a CSV file renamed .xlsx"), build: csvFile},
		{name: "i72_not_xlsx_png_renamed.xlsx", want: unreadable("a PNG image renamed .xlsx"), build: pngFile},
		{name: "i73_not_xlsx_empty_file.xlsx", want: unreadable("an empty (0-byte) file"),
			build: func() ([]byte, error) { return []byte{}, nil }},
		{name: "i74_truncated_half.xlsx", want: unreadable("the first half of f01 (no central directory)"), build: truncated},
		{name: "i75_corrupted_zip_flipped_bytes.xlsx",
			want:  unreadable("f01 with 64 bytes inverted in the middle of the compressed Contraprestacoes part (xl/worksheets/sheet3.xml): deflate or checksum error"),
			build: corrupted},
		{name: "i76_password_protected.xlsx",
			want:  []finding{{Code: "CR-E022", What: "f01 saved by excelize with the password \"segredo\" (ECMA-376 agile encryption in an OLE2 container)"}},
			build: encrypted, nondeterministic: true},
		{name: "i77_zip_bomb_sheet_1_6_gb.xlsx",
			want:  unreadable("f01 whose PLA part (xl/worksheets/sheet2.xml) is padded with 1.6 GB of blanks inside sheetData; about 1.6 MB compressed; must be refused before it is unpacked"),
			build: func() ([]byte, error) { return bomb("xl/worksheets/sheet2.xml", 1_600_000_000, false) }},
		{name: "i78_zip_bomb_lying_size.xlsx",
			want: []finding{{Code: "CR-E001", What: "the same 1.6 GB PLA part, but the zip headers claim 1469 bytes uncompressed: " +
				"the part cannot be read whole (size mismatch); it must be refused, not read as a truncated, empty sheet"}},
			build: func() ([]byte, error) { return bomb("xl/worksheets/sheet2.xml", 1_600_000_000, true) }},
		{name: "i79_huge_text_in_number_cell.xlsx",
			want: []finding{{Code: "CR-E006", Sheet: "PLA", Cell: "B2", Column: "pl",
				What: "PLA pl is a 5 MB inline string of letters and digits (\"1.234,56 abc \" repeated)"}},
			build: func() ([]byte, error) {
				return replaceCell(f01, "xl/worksheets/sheet2.xml", `<c r="B2" t="n"><v>61250400.33</v></c>`,
					`<c r="B2" t="inlineStr"><is><t>`+strings.Repeat("1.234,56 abc ", 5<<20/13)+`</t></is></c>`)
			}},
		{name: "i80_huge_digits_in_number_cell.xlsx",
			want: []finding{{Code: "CR-E006", Sheet: "PLA", Cell: "B2", Column: "pl",
				What: "PLA pl is a numeric cell whose <v> holds 5,000,000 digits: not a usable amount (it must not be accepted, nor hang the computation)"}},
			build: func() ([]byte, error) {
				return replaceCell(f01, "xl/worksheets/sheet2.xml", `<c r="B2" t="n"><v>61250400.33</v></c>`,
					`<c r="B2" t="n"><v>`+strings.Repeat("9876543210", 500_000)+`</v></c>`)
			}},
		{name: "i81_invalid_utf8_registro_ans.xlsx",
			want: unreadable("f02-libreoffice whose shared string of registro_ans is the bytes 34 31 32 FF FE 33 33 (invalid UTF-8): " +
				"xl/sharedStrings.xml is not well-formed: the file is refused once (no crash)"),
			build: func() ([]byte, error) {
				return patchPart(f02LO, "xl/sharedStrings.xml", []byte(`>412233<`), []byte(">412\xff\xfe33<"))
			}},
		{name: "i82_invalid_utf8_razao_social.xlsx",
			want: unreadable("f02-libreoffice whose shared string of razao_social has a Latin-1 byte E9 (\"M\\xe9dico\", invalid UTF-8): " +
				"xl/sharedStrings.xml is not well-formed: the file is refused once (no crash)"),
			build: func() ([]byte, error) {
				return patchPart(f02LO, "xl/sharedStrings.xml", []byte(`>Grupo Medico Horizonte Ltda.<`), []byte(">Grupo M\xe9dico Horizonte Ltda.<"))
			}},
		{name: "i83_xls_renamed.xlsx", want: unreadable("f01 converted to Excel 97-2003 (.xls, BIFF8 in OLE2) by LibreOffice, renamed .xlsx: not CR-E022 although it is an OLE2 file"),
			build: func() ([]byte, error) { return libreoffice(f01, "xls") }, nondeterministic: true},
		{name: "i84_ods_renamed.xlsx", want: unreadable("f01 converted to OpenDocument (.ods, also a zip) by LibreOffice, renamed .xlsx"),
			build: func() ([]byte, error) { return libreoffice(f01, "ods") }, nondeterministic: true},
		// A macro-enabled package is an xlsx package: read like one (recorded: exit 0, no finding).
		{name: "i85_xlsm_renamed.xlsx", want: []finding{},
			build: xlsm},
		{name: "i86_xml_entity_bomb.xlsx",
			want: []finding{{Code: "CR-E001", What: "f01 whose Operadora part declares nested entities (a9 = 10^10 × \"d\") " +
				"and uses &a9; as razao_social: not expanded, and the sheet refused as malformed, not read as truncated (campos missing)"}},
			build: entityBomb},
		{name: "i87_sheet_part_missing.xlsx",
			want: []finding{{Code: "CR-E001", Sheet: "PLA", What: "f01 without its PLA part xl/worksheets/sheet2.xml (the workbook still lists the sheet)"}},
			build: func() ([]byte, error) {
				return rewrite(f01, func(name string, data []byte) ([]byte, bool) { return data, name != "xl/worksheets/sheet2.xml" })
			}},
	}
}

// ---- plain files -------------------------------------------------------

func csvFile() ([]byte, error) {
	return []byte("campo;valor\r\nregistro_ans;345678\r\nrazao_social;Cooperativa Medica Vale Verde\r\n" +
		"data_base;2024-12\r\nmodalidade;cooperativa_medica\r\nsegmentacao;SSP\r\nregiao;3\r\nhc;0,35\r\n"), nil
}

// pngFile is a valid 1×1 grey PNG.
func pngFile() ([]byte, error) {
	var b bytes.Buffer
	b.Write([]byte("\x89PNG\r\n\x1a\n"))
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0})
	var z bytes.Buffer
	zw, _ := flate.NewWriter(&z, flate.BestCompression)
	zw.Write([]byte{0, 0x80})
	zw.Close()
	// zlib wrapper: CMF, FLG, deflate data, Adler-32 of the raw bytes.
	raw := []byte{0, 0x80}
	a, bb := uint32(1), uint32(0)
	for _, c := range raw {
		a = (a + uint32(c)) % 65521
		bb = (bb + a) % 65521
	}
	idat := append([]byte{0x78, 0xda}, z.Bytes()...)
	idat = binary.BigEndian.AppendUint32(idat, bb<<16|a)
	chunk("IDAT", idat)
	chunk("IEND", nil)
	return b.Bytes(), nil
}

func truncated() ([]byte, error) {
	data, err := os.ReadFile(f01)
	if err != nil {
		return nil, err
	}
	return data[:len(data)/2], nil
}

func corrupted() ([]byte, error) {
	data, err := os.ReadFile(f01)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet3.xml" {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			return nil, err
		}
		mid := off + int64(f.CompressedSize64)/2
		out := append([]byte(nil), data...)
		for i := mid; i < mid+64; i++ {
			out[i] ^= 0xff
		}
		return out, nil
	}
	return nil, fmt.Errorf("no sheet3.xml in %s", f01)
}

func encrypted() ([]byte, error) {
	f, err := excelize.OpenFile(f01)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tmp, err := os.MkdirTemp("", "capreg-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	p := filepath.Join(tmp, "x.xlsx")
	if err := f.SaveAs(p, excelize.Options{Password: "segredo"}); err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

func libreoffice(src, format string) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, fmt.Errorf("soffice (LibreOffice) not found")
	}
	tmp, err := os.MkdirTemp("", "capreg-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	abs, _ := filepath.Abs(src)
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+tmp+"/profile", "--headless",
		"--convert-to", format, "--outdir", tmp, abs)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice: %v: %s", err, out)
	}
	return os.ReadFile(filepath.Join(tmp, strings.TrimSuffix(filepath.Base(src), ".xlsx")+"."+format))
}

// ---- zip rewriting -----------------------------------------------------

// bestZip is a zip writer into b that deflates at the best ratio, so that a
// bomb stays small.
func bestZip(b *bytes.Buffer) *zip.Writer {
	zw := zip.NewWriter(b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	return zw
}

// readEntry reads an entry of a package whole.
func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// entry starts the deflated entry name of zw, with the fixed timestamp.
func entry(zw *zip.Writer, name string) (io.Writer, error) {
	return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
}

// rewrite copies a package entry by entry through edit (which may drop an
// entry by returning false), with fixed timestamps.
func rewrite(src string, edit func(name string, data []byte) ([]byte, bool)) ([]byte, error) {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		data, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		data, keep := edit(f.Name, data)
		if !keep {
			continue
		}
		w, err := entry(zw, f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// patchPart replaces old by new (exactly once) in one part.
func patchPart(src, part string, old, new []byte) ([]byte, error) {
	found := false
	out, err := rewrite(src, func(name string, data []byte) ([]byte, bool) {
		if name == part && bytes.Count(data, old) == 1 {
			found = true
			data = bytes.Replace(data, old, new, 1)
		}
		return data, true
	})
	if err == nil && !found {
		err = fmt.Errorf("%s: %q not found once in %s", src, old, part)
	}
	return out, err
}

func replaceCell(src, part, old, new string) ([]byte, error) {
	return patchPart(src, part, []byte(old), []byte(new))
}

func xlsm() ([]byte, error) {
	return rewrite(f01, func(name string, data []byte) ([]byte, bool) {
		switch name {
		case "[Content_Types].xml":
			data = bytes.Replace(data, []byte("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
				[]byte("application/vnd.ms-excel.sheet.macroEnabled.main+xml"), 1)
		}
		return data, true
	})
}

func entityBomb() ([]byte, error) {
	var dtd strings.Builder
	dtd.WriteString(`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY a0 "dddddddddd">`)
	for i := 1; i <= 9; i++ {
		dtd.WriteString(fmt.Sprintf(`<!ENTITY a%d "%s">`, i, strings.Repeat(fmt.Sprintf("&a%d;", i-1), 10)))
	}
	dtd.WriteString(`]>`)
	found := false
	out, err := rewrite(f01, func(name string, data []byte) ([]byte, bool) {
		if name == "xl/worksheets/sheet1.xml" && bytes.Contains(data, []byte("<t>Cooperativa Medica Vale Verde</t>")) {
			found = true
			data = bytes.Replace(data, []byte("<t>Cooperativa Medica Vale Verde</t>"), []byte("<t>&a9;</t>"), 1)
			data = append([]byte(dtd.String()), data...)
		}
		return data, true
	})
	if err == nil && !found {
		err = fmt.Errorf("razao_social not found in sheet1.xml")
	}
	return out, err
}

// bomb copies f01 and pads one sheet part with n blanks right after
// <sheetData>, compressed at the best ratio. With lie, the headers claim the
// part's original size.
func bomb(part string, n int64, lie bool) ([]byte, error) {
	zr, err := zip.OpenReader(f01)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var b bytes.Buffer
	zw := bestZip(&b)
	for _, f := range zr.File {
		data, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		if f.Name != part {
			w, err := entry(zw, f.Name)
			if err != nil {
				return nil, err
			}
			w.Write(data)
			continue
		}
		i := bytes.Index(data, []byte("<sheetData>"))
		if i < 0 {
			return nil, fmt.Errorf("%s has no <sheetData>", part)
		}
		head, tail := data[:i+len("<sheetData>")], data[i+len("<sheetData>"):]
		// Compress head + n blanks + tail ourselves, counting the CRC.
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		crc := crc32.NewIEEE()
		mw := io.MultiWriter(fw, crc)
		mw.Write(head)
		blanks := bytes.Repeat([]byte{' '}, 1<<20)
		for left := n; left > 0; {
			k := min(left, int64(len(blanks)))
			mw.Write(blanks[:k])
			left -= k
		}
		mw.Write(tail)
		fw.Close()
		size := uint64(int64(len(head)) + n + int64(len(tail)))
		if lie {
			size = uint64(len(data))
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: fixedTime,
			CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			return nil, err
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ---- large files that are not committed ---------------------------------

func writeExtra(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	type ex struct {
		name  string
		build func() ([]byte, error)
	}
	list := []ex{
		// A padded sheet below excelize's 1 GiB package limit but above its
		// 64 MiB XML limit: unpacked to a temporary file, then streamed.
		{"x1_sheet_padded_1_0_gb_under_limit.xlsx", func() ([]byte, error) { return bomb("xl/worksheets/sheet3.xml", 1_000_000_000, false) }},
		// The same with one empty required cell: the reader then asks excelize
		// for the cell's formula, which loads the whole sheet into memory.
		{"x2_sheet_padded_300_mb_empty_cell.xlsx", func() ([]byte, error) {
			data, err := bomb("xl/worksheets/sheet3.xml", 300_000_000, false)
			if err != nil {
				return nil, err
			}
			return patchBytes(data, "xl/worksheets/sheet3.xml")
		}},
		// A part that is no sheet (unreferenced), 1.0 GB of blanks: read whole
		// into memory by excelize (only sheets and sharedStrings go to disk).
		{"x3_non_sheet_part_1_0_gb.xlsx", func() ([]byte, error) { return bigPart("customXml/item1.xml", 1_000_000_000) }},
	}
	for _, e := range list {
		data, err := e.build()
		if err != nil {
			return fmt.Errorf("%s: %v", e.name, err)
		}
		p := filepath.Join(dir, e.name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		fmt.Printf("extra %-44s %9d bytes\n", p, len(data))
	}
	return nil
}

// patchBytes empties the valor of Contraprestacoes!D2 in a bomb (the part is
// re-read and re-compressed, streaming).
func patchBytes(pkg []byte, part string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw := bestZip(&b)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		w, err := entry(zw, f.Name)
		if err != nil {
			return nil, err
		}
		if f.Name != part {
			io.Copy(w, rc)
			rc.Close()
			continue
		}
		// The padding precedes the rows: copy it, then patch the small rest.
		pad := int64(f.UncompressedSize64) - 100_000
		if _, err := io.CopyN(w, rc, pad); err != nil {
			return nil, err
		}
		rest, _ := io.ReadAll(rc)
		rc.Close()
		w.Write(emptyD2(rest))
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// emptyD2 makes cell D2 an empty cell.
func emptyD2(rest []byte) []byte {
	i := bytes.Index(rest, []byte(`<c r="D2" t="n"><v>`))
	if i < 0 {
		return rest
	}
	j := bytes.Index(rest[i:], []byte(`</c>`))
	return append(append(append([]byte(nil), rest[:i]...), []byte(`<c r="D2"/>`)...), rest[i+j+len(`</c>`):]...)
}

func bigPart(name string, n int64) ([]byte, error) {
	base, err := rewrite(f01, func(_ string, data []byte) ([]byte, bool) { return data, true })
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw := bestZip(&b)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	w, err := entry(zw, name)
	if err != nil {
		return nil, err
	}
	w.Write([]byte("<x>"))
	blanks := bytes.Repeat([]byte{' '}, 1<<20)
	for left := n; left > 0; {
		k := min(left, int64(len(blanks)))
		w.Write(blanks[:k])
		left -= k
	}
	w.Write([]byte("</x>"))
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

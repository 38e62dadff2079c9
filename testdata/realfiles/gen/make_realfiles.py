#!/usr/bin/python3
"""Writes testdata/realfiles: input workbooks as other software writes them (openpyxl, LibreOffice
Calc, SheetJS, Excel's number storage, Python's zipfile), one property of issue 10 each, and
expected.json. Run through make.sh (it installs SheetJS first); see ../README.md.

    /usr/bin/python3 make_realfiles.py     # from anywhere; writes ../*.xlsx etc. and ../expected.json

Every variant starts from ONE clean workbook (clean.xlsx), built from a configuration of
testdata/fixtures/gen/make_fixtures.py (its build() and write(), fixed seed), so every file that
must compute "the same as the clean file" carries the same values. The expected amounts come from
the independent reference implementation testdata/fixtures/gen/reference_impl.py, run on the
clean file AND on each such variant (it must agree with itself: this checks that the variant really
holds the clean values, e.g. that the 1904 dates are the same days).

Deterministic: openpyxl and Python-written files are re-zipped with fixed timestamps (same bytes
on every run); SheetJS files are byte-identical too; LibreOffice files keep the same cell values
(their metadata and zip timestamps vary).
"""
import copy
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal as D

import openpyxl
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ROOT = os.path.normpath(os.path.join(OUT, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "testdata", "fixtures", "gen"))
import make_fixtures as mf  # noqa: E402  (the fixture generator: build() and write())
import reference_impl as ref  # noqa: E402  (the independent reference implementation)

ZIP_TIME = (2025, 1, 1, 12, 0, 0)
CLEAN = "clean.xlsx"
MH, OD = "medico_hospitalar", "odontologico"

# The clean workbook: medicina de grupo SPP, regiao 2, data_base 2024-12 typed as a date cell
# (2024-12-31), every competencia a mid-month date cell, numeric cells throughout. Reduzido is
# eligible through the governance report dated 2024-01-01 (a date cell): read in the wrong date
# system (1904 serials taken as 1900) that date becomes 2019-12-31, the year no longer matches
# data_base (2020-12-30), and the capital changes without a word. PROMOPREV is eligible too
# (2023-09-01, idss 0.7) but reduzido gives the lower CRS. Values chosen to be stored differently
# by Excel: hc 0.3, an ABI of 82.15, ded_intangivel 3086419.64, fpr 0.3, and crm informed as
# 3086419.635, which Excel stores as 3086419.6349999998: read literally, the CRM shown drops from
# 3086419.64 to 3086419.63.
CLEAN_CFG = dict(
    seed=1010, registro_ans="364821", razao_social="Operadora Arquivos Reais Ltda.",
    data_base=(2024, 12), data_base_cell=dt.date(2024, 12, 31),
    modalidade="medicina_de_grupo", segmentacao="SPP", regiao=2, hc=0.3,
    list_all_fields=True,
    operadora_extra={"governanca_relatorio_data": dt.date(2024, 1, 1),
                     "promoprev_aprovacao": dt.date(2023, 9, 1), "idss": 0.7,
                     "situacao_direcao_fiscal": "N"},
    num_style="num", month_style="date_mid", extra_months=[-12, 1],
    cells=[("individual", MH, 2400000), ("coletivo_empresarial", MH, 5100000),
           ("coletivo_adesao", MH, 860000), ("coletivo_empresarial", OD, 120000)],
    abi_count=12,
    remissao=dict(ca_temporaria="1240310.17", ca_vitalicia="412004.55", pr_temporaria="186420.09",
                  pr_vitalicia="82.15"),
    pla=dict(pl="48250400.33", ded_participacoes="1120000.10", ded_creditos_tributarios="318230.71",
             ded_despesas_diferidas="95120.30", ded_despesas_antecipadas="110455.62",
             ded_intangivel="3086419.64", ded_goodwill="0"),
    crc_operadoras=3, crc_operadoras_fator={2: 0.04},
    crc_seguros=[("Resseguradora Alfa S.A.", 350000, 0.05)],
    crc_ativos=[("LTN 2027", "titulo_publico_federal", 9000000, None),
                ("FIDC Saude", "fundo_fdss", 3500000, 0.3),
                ("CDB Banco X", "deposito_bancario", 2600000, None)],
    alm=[("123110011", 6000000, "P", 18, "PRE"), ("211110011", 3200000, "N", 4, "PRE"),
         ("122210021", 4400000, "P", 36, "IPCA"), ("129910011", 450000, "P", 1, "CAMBIAL")],
    mercado_ativos=[("Acoes", "acoes", 1500000), ("Imovel sede", "imoveis", 2300000)],
    provisoes_tecnicas="15450300.88",
    parcelas=[("crm", 3086419.635)],
    overrides=[("ABI", (0, "valor"), 82.15)],
)

# The software that wrote each file, for the README and expected.json.
OPENPYXL = "openpyxl %s (Debian python3-openpyxl)" % openpyxl.__version__


def soffice_version():
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True, check=True).stdout
    return out.split("(")[0].strip() or out.strip()


# ---------------------------------------------------------------------------------------------
# zip and XML helpers
# ---------------------------------------------------------------------------------------------
def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_zip(path, entries):
    """Writes entries [(name, bytes)] with fixed timestamps: the same bytes on every run."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)


def sheet_parts(entries):
    """Sheet name -> part name (xl/worksheets/sheetN.xml), from workbook.xml and its rels."""
    d = dict(entries)
    rels = dict(re.findall(rb'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', d["xl/_rels/workbook.xml.rels"]))
    rels.update({k: v for v, k in re.findall(rb'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"',
                                             d["xl/_rels/workbook.xml.rels"])})
    out = {}
    for m in re.finditer(rb"<sheet\b[^>]*>", d["xl/workbook.xml"]):
        tag = m.group(0)
        name = re.search(rb'name="([^"]*)"', tag).group(1).decode()
        rid = re.search(rb'r:id="([^"]+)"', tag).group(1)
        target = rels[rid].decode().lstrip("/")
        out[name] = target if target.startswith("xl/") else "xl/" + target
    return out


def edit_parts(src, dst, edits):
    """Copies the package src to dst, replacing parts: edits maps part name -> f(bytes) -> bytes."""
    entries = [(n, edits[n](b) if n in edits else b) for n, b in read_zip(src)]
    write_zip(dst, entries)


CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.S)


def excel_doubles(xml, changed):
    """Every numeric <v> written as Excel writes a double: 17 significant digits (%.17g), where
    openpyxl and excelize write the shortest decimal that reads back as the same double."""
    def cell(m):
        attrs, body = m.group(1), m.group(3)
        t = re.search(rb'\bt="([^"]*)"', attrs)
        if body is None or (t and t.group(1) != b"n") or b"<f" in body:
            return m.group(0)

        def v(mv):
            old = mv.group(1).decode()
            new = "%.17g" % float(old)
            if new != old:
                changed.append((old, new))
            return b"<v>" + new.encode() + b"</v>"
        return m.group(0).replace(body, re.sub(rb"<v>([^<]*)</v>", v, body))
    return CELL.sub(cell, xml)


# ---------------------------------------------------------------------------------------------
# workbook writers
# ---------------------------------------------------------------------------------------------
def clean_spec():
    return mf.build(CLEAN_CFG)


def write_openpyxl(spec, name, post=None):
    """mf.write (openpyxl), then re-zipped with fixed timestamps."""
    path = os.path.join(OUT, name)
    mf.write(spec, path, post)
    write_zip(path, read_zip(path))
    return path


def kv_row(spec, sheet, field):
    """Row number of field in a campo | valor sheet of spec (header in row 1)."""
    sh = next(s for s in spec if s["name"] == sheet)
    return 2 + [k for k, _ in sh["rows"]].index(field)


def set_kv(spec, sheet, field, value):
    sh = next(s for s in spec if s["name"] == sheet)
    sh["rows"] = [(k, value if k == field else v) for k, v in sh["rows"]]
    return "B%d" % kv_row(spec, sheet, field)


def table(spec, sheet):
    return next(s for s in spec if s["name"] == sheet)


def spec_json(spec, epoch):
    """The spec as the SheetJS writer reads it: sheets of rows of cells; a date becomes its serial
    in the given epoch (1900 or 1904), formatted yyyy-mm-dd, as Excel stores a typed date."""
    base = dt.date(1899, 12, 30) if epoch == 1900 else dt.date(1904, 1, 1)

    def cell(v):
        fmt = None
        if isinstance(v, mf.Fmt):
            v, fmt = v.value, v.number_format
        if v is None:
            return None
        if isinstance(v, bool):
            return {"t": "b", "v": v}
        if isinstance(v, (int, float)):
            c = {"t": "n", "v": v}
        elif isinstance(v, dt.date):
            c = {"t": "n", "v": (v - base).days, "z": "yyyy-mm-dd"}
        else:
            c = {"t": "s", "v": str(v)}
        if fmt:
            c["z"] = fmt
        return c

    sheets = []
    for sh in spec:
        if sh["kind"] == "kv":
            rows = [["campo", "valor"]] + [[k, v] for k, v in sh["rows"]]
        else:
            rows = [sh["columns"]] + [[r.get(c) for c in sh["columns"]] for r in sh["rows"]]
        sheets.append({"name": sh["name"], "rows": [[cell(v) for v in r] for r in rows]})
    return {"sheets": sheets, "date1904": epoch == 1904}


def write_sheetjs(spec, name, epoch, tmp):
    src = os.path.join(tmp, name + ".json")
    with open(src, "w") as f:
        json.dump(spec_json(spec, epoch), f)
    subprocess.run(["node", os.path.join(HERE, "sheetjs.js"), src, os.path.join(OUT, name)], check=True)


def soffice(tmp, src, target, outdir):
    """soffice --headless --convert-to target, with a private profile; returns the output path."""
    os.makedirs(outdir, exist_ok=True)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"), "--headless",
                    "--convert-to", target, "--outdir", outdir, src], check=True, capture_output=True)
    stem = os.path.splitext(os.path.basename(src))[0]
    ext = target.split(":")[0]
    return os.path.join(outdir, stem + "." + ext)


# ---------------------------------------------------------------------------------------------
# the variants
# ---------------------------------------------------------------------------------------------
def style_blank_rows(sheets, n):
    """post(wb): n formatted empty rows under the data of each named sheet, as an accountant's
    template has them: fill, border and number format on empty cells (no values)."""
    fill = PatternFill("solid", fgColor="FFF2CC")
    side = Side(style="thin", color="BFBFBF")
    border = Border(left=side, right=side, top=side, bottom=side)

    def post(wb):
        for name in sheets:
            ws = wb[name]
            first = ws.max_row + 1
            for r in range(first, first + n):
                for c in (1, 2):
                    cell = ws.cell(row=r, column=c)
                    cell.fill = fill
                    cell.border = border
                    cell.number_format = "#,##0.00" if c == 2 else "@"
    return post


def rows_of(xml):
    return [int(x) for x in re.findall(rb'<row\b[^>]*?\br="(\d+)"', xml)]


def row_span(xml, r):
    """(start, end) of the <row r="r"> element in xml."""
    m = re.search(rb'<row\b[^>]*?\br="%d"[^>]*?(/>|>.*?</row>)' % r, xml, re.S)
    return m.start(), m.end()


def swap_rows(a, b):
    def f(xml):
        (sa, ea), (sb, eb) = row_span(xml, a), row_span(xml, b)
        assert ea <= sb
        return xml[:sa] + xml[sb:eb] + xml[ea:sb] + xml[sa:ea] + xml[eb:]
    return f


def renumber_row(src, dst):
    """Row src takes the number dst (its cells too): dst then appears twice."""
    def f(xml):
        s, e = row_span(xml, src)
        el = xml[s:e]
        el = re.sub(rb'(<row\b[^>]*?\br=")%d"' % src, rb'\g<1>%d"' % dst, el)
        el = re.sub(rb'(<c\b[^>]*?\br="[A-Z]+)%d"' % src, rb'\g<1>%d"' % dst, el)
        return xml[:s] + el + xml[e:]
    return f


def repeat_cell(ref_, value):
    """The cell ref_ appears a second time, right after itself, with another numeric value."""
    def f(xml):
        m = re.search(rb'<c\b[^>]*?\br="%s"[^>]*?(/>|>.*?</c>)' % ref_.encode(), xml, re.S)
        dup = re.sub(rb"<v>[^<]*</v>", b"<v>" + value.encode() + b"</v>", m.group(0))
        return xml[:m.end()] + dup + xml[m.end():]
    return f


# ---------------------------------------------------------------------------------------------
# checks: every file really has its property
# ---------------------------------------------------------------------------------------------
def finding(code, sheet, cell, message_says, column=None, fix_says=None):
    """One finding capreg reports: code, sheet and cell exactly (None: none), a part of its message
    and of its fix."""
    f = {"code": code, "sheet": sheet, "cell": cell}
    if column:
        f["column"] = column
    f["message_says"] = message_says
    if fix_says:
        f["fix_says"] = fix_says
    return f


def check(cond, what):
    if not cond:
        sys.exit("make_realfiles: check failed: " + what)
    print("  ok: " + what)


def part(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def reference(path):
    """The reference implementation's result, or its problems."""
    inp, problems = ref.read_inputs(path)
    if problems:
        return None, problems
    return ref.compute(inp), None


def dates_of(path):
    """Every date cell value of the workbook, as openpyxl reads it (epoch honoured)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return sorted((ws.title, c.coordinate, c.value.date() if isinstance(c.value, dt.datetime) else c.value)
                  for ws in wb for row in ws.iter_rows() for c in row
                  if isinstance(c.value, (dt.date, dt.datetime)))


def main():
    lo = soffice_version()
    sheetjs = json.load(open(os.path.join(HERE, "node_modules", "xlsx", "package.json")))["version"]
    sheetjs = "SheetJS xlsx %s (npm)" % sheetjs
    files = {}       # name -> expectation
    spec = clean_spec()
    tmp = tempfile.mkdtemp(prefix="capreg-realfiles-")
    try:
        # -------------------------------------------------------------- clean
        clean = write_openpyxl(copy.deepcopy(spec), CLEAN)
        want, problems = reference(clean)
        check(problems is None, "clean.xlsx is valid for the reference implementation")
        check(want["factor_set"] == "reduzido", "clean.xlsx applies reduzido (through the 2024-01-01 governance date)")
        amounts = want["amounts"]

        def equals(writer, prop, **extra):
            return dict({"writer": writer, "property": prop, "equals": CLEAN, "factor_set": want["factor_set"],
                         "amounts_rounded": amounts}, **extra)

        files[CLEAN] = equals(OPENPYXL, "the clean workbook every variant starts from")

        # -------------------------------------------------------------- 1. Excel doubles
        changed = []
        sheets = sheet_parts(read_zip(clean))
        edit_parts(clean, os.path.join(OUT, "excel-17digit-doubles.xlsx"),
                   {p: (lambda x: excel_doubles(x, changed)) for p in sheets.values()})
        news = {n: o for o, n in changed}
        check(len(changed) >= 100, "excel-17digit-doubles.xlsx: %d numeric <v> rewritten at 17 digits" % len(changed))
        for v, w in [("82.15", "82.150000000000006"), ("0.3", "0.29999999999999999"),
                     ("3086419.64", "3086419.6400000001"), ("3086419.635", "3086419.6349999998")]:
            check(w in news and repr(float(w)) == v, "excel-17digit-doubles.xlsx: %s stored as %s (openpyxl: %s)" % (v, w, news.get(w)))
        sixteen = [(o, repr(float(o))) for o, _ in changed if o != repr(float(o))]
        check(len(sixteen) > 0, "clean.xlsx: openpyxl wrote %d values at 16 digits ('%%.16g'), e.g. %s for %s"
              % (len(sixteen), sixteen[0][0], sixteen[0][1]))
        files["excel-17digit-doubles.xlsx"] = equals(
            OPENPYXL + ", then every numeric <v> rewritten as Excel stores it ('%.17g')",
            "17-significant-digit doubles (<v>82.150000000000006</v>, %d values changed)" % len(changed))

        coleta_src = os.path.join(ROOT, "testdata", "coleta", "coleta-valida.xlsx")
        cchanged = []
        cparts = sheet_parts(read_zip(coleta_src))
        edit_parts(coleta_src, os.path.join(OUT, "coleta-excel-17digit-doubles.xlsx"),
                   {cparts["Coleta"]: lambda x: excel_doubles(x, cchanged)})
        two = [(o, n) for o, n in cchanged if re.fullmatch(r"\d+\.\d\d", o)]
        check(len(two) >= 10, "coleta-excel-17digit-doubles.xlsx: %d values of 2 decimals stored at 17 digits (e.g. %s -> %s)"
              % (len(two), two[0][0], two[0][1]))
        files["coleta-excel-17digit-doubles.xlsx"] = {
            "writer": "capreg's coleta generator (testdata/coleta/gen, excelize), then every numeric <v> of "
                      "sheet Coleta rewritten as Excel stores it ('%.17g')",
            "property": "a coleta sheet whose 2- and 4-decimal fields are 17-digit doubles (%d values changed)" % len(cchanged),
            "command": "coleta validate", "equals_findings_of": "../coleta/coleta-valida.xlsx", "exit": 0, "findings": [],
            "calc": {"refused": True, "findings": [finding(
                "CR-E002", None, None, "the workbook has none of the required sheets of modelo capreg v1 "
                "(Operadora, PLA, Contraprestacoes, …): its sheets are Leia-me, Coleta",
                fix_says="check it with capreg coleta validate")]}}

        # -------------------------------------------------------------- 2. date systems
        def epoch1904(wb):
            wb.epoch = CALENDAR_MAC_1904
        o1904 = write_openpyxl(copy.deepcopy(spec), "openpyxl-1904.xlsx", epoch1904)
        check(b'date1904="1"' in part(o1904, "xl/workbook.xml"), "openpyxl-1904.xlsx: workbookPr date1904=\"1\"")
        sh = part(o1904, sheet_parts(read_zip(o1904))["Operadora"])
        s1904 = (dt.date(2024, 1, 1) - dt.date(1904, 1, 1)).days
        check(b"<v>%d</v>" % s1904 in sh and b"<v>45292</v>" not in sh,
              "openpyxl-1904.xlsx: governanca 2024-01-01 stored as 1904 serial %d (1900: 45292)" % s1904)
        lo1904 = soffice(tmp, o1904, "xlsx:Calc MS Excel 2007 XML", os.path.join(tmp, "lo"))
        shutil.copy(lo1904, os.path.join(OUT, "libreoffice-1904.xlsx"))
        lo1904 = os.path.join(OUT, "libreoffice-1904.xlsx")
        wbxml = part(lo1904, "xl/workbook.xml")
        check(re.search(rb'date1904="(1|true)"', wbxml) is not None,
              "libreoffice-1904.xlsx: LibreOffice kept date1904 (%s)" % re.search(rb"<workbookPr[^>]*>", wbxml).group(0).decode())
        ojs = os.path.join(OUT, "sheetjs-1904.xlsx")
        write_sheetjs(spec, "sheetjs-1904.xlsx", 1904, tmp)
        check(re.search(rb'date1904="(1|true)"', part(ojs, "xl/workbook.xml")) is not None,
              "sheetjs-1904.xlsx: workbookPr date1904")

        def iso(wb):
            wb.iso_dates = True
        s = copy.deepcopy(spec)
        set_kv(s, "Operadora", "promoprev_aprovacao", dt.datetime(2023, 9, 1))  # a datetime: ...T00:00:00
        oiso = write_openpyxl(s, "openpyxl-iso-dates.xlsx", iso)
        isoxml = part(oiso, sheet_parts(read_zip(oiso))["Operadora"])
        for v in [b"2024-01-01", b"2023-09-01T00:00:00"]:
            check(re.search(rb'<c r="B\d+"[^>]*t="d"[^>]*><v>%s</v>' % v, isoxml) is not None,
                  "openpyxl-iso-dates.xlsx: t=\"d\" cell <v>%s</v>" % v.decode())
        clean_dates = dates_of(clean)
        check(len(clean_dates) > 50, "clean.xlsx has %d date cells" % len(clean_dates))
        for name, writer, prop in [
            ("openpyxl-1904.xlsx", OPENPYXL + " with wb.epoch = CALENDAR_MAC_1904",
             "1904 date system: workbookPr date1904=\"1\", date serials counted from 1904-01-01"),
            ("libreoffice-1904.xlsx", lo + " (soffice --headless --convert-to xlsx) re-saving openpyxl-1904.xlsx",
             "1904 date system kept by LibreOffice"),
            ("sheetjs-1904.xlsx", sheetjs + " with Workbook.WBProps.date1904 = true, dates given as 1904 serials "
             "formatted yyyy-mm-dd", "1904 date system written by SheetJS"),
            ("openpyxl-iso-dates.xlsx", OPENPYXL + " with iso_dates = True",
             "ISO 8601 date cells, t=\"d\" (<v>2024-01-01</v>, and <v>2023-09-01T00:00:00</v> for "
             "promoprev_aprovacao, given as a datetime)")]:
            p = os.path.join(OUT, name)
            check(dates_of(p) == clean_dates, "%s: openpyxl reads the same %d dates as clean.xlsx" % (name, len(clean_dates)))
            got, problems = reference(p)
            check(problems is None and got["amounts"] == amounts, "%s: the reference computes the clean amounts" % name)
            files[name] = equals(writer, prop)

        # -------------------------------------------------------------- 3. booleans
        s = copy.deepcopy(spec)
        bools = [("Operadora", set_kv(s, "Operadora", "hc", True), "hc", "CR-E006"),
                 ("Operadora", set_kv(s, "Operadora", "governanca_relatorio_data", True), "governanca_relatorio_data", "CR-E008"),
                 ("PLA", set_kv(s, "PLA", "ded_goodwill", True), "ded_goodwill", "CR-E006")]
        t = table(s, "Contraprestacoes")
        t["rows"][4]["valor"] = True
        bools.append(("Contraprestacoes", "%s6" % "ABCD"[t["columns"].index("valor")], "valor", "CR-E006"))
        p = write_openpyxl(s, "openpyxl-booleans.xlsx")
        parts_ = sheet_parts(read_zip(p))
        for sheet, cell, _, _ in bools:
            check(re.search(rb'<c r="%s"[^>]*t="b"[^>]*><v>1</v>' % cell.encode(), part(p, parts_[sheet])) is not None,
                  "openpyxl-booleans.xlsx: %s!%s is a boolean cell TRUE (t=\"b\")" % (sheet, cell))
        _, problems = reference(p)
        check(problems is not None and {(q["sheet"], q["cell"]) for q in problems} == {(a, b) for a, b, _, _ in bools},
              "openpyxl-booleans.xlsx: the reference refuses exactly the 4 boolean cells")
        files["openpyxl-booleans.xlsx"] = {
            "writer": OPENPYXL, "property": "boolean cells TRUE where a number (hc, ded_goodwill, a valor) and a date "
            "(governanca_relatorio_data) are expected",
            "refused": True, "findings": [finding(c, a, b, "%s: TRUE is a TRUE/FALSE (boolean) cell" % f, column=f,
                                                  fix_says="a TRUE/FALSE cell is never read as 1 or 0")
                                          for a, b, f, c in bools]}

        s = copy.deepcopy(spec)
        flag = set_kv(s, "Operadora", "situacao_direcao_fiscal", False)
        p = write_openpyxl(s, "openpyxl-boolean-flag.xlsx")
        check(re.search(rb'<c r="%s"[^>]*t="b"[^>]*><v>0</v>' % flag.encode(), part(p, sheet_parts(read_zip(p))["Operadora"])) is not None,
              "openpyxl-boolean-flag.xlsx: Operadora!%s (situacao_direcao_fiscal) is a boolean FALSE" % flag)
        files["openpyxl-boolean-flag.xlsx"] = {
            "writer": OPENPYXL, "property": "an S/N flag (situacao_direcao_fiscal) typed as a boolean FALSE",
            "decided": "refused (CR-E009 at the cell): one rule for every TRUE/FALSE cell, never read as a "
                       "number, a date or a code; the S/N fields are typed codes (the template's drop-down "
                       "lists), so capreg does not guess what FALSE stands for",
            "refused": True, "findings": [finding(
                "CR-E009", "Operadora", flag, "situacao_direcao_fiscal: FALSE is a TRUE/FALSE (boolean) cell, not one of S, N",
                column="situacao_direcao_fiscal", fix_says="type one of the codes as text")]}

        # -------------------------------------------------------------- 4. duplicate sheet names
        pla = next(sh for sh in spec if sh["name"] == "PLA")

        def dup_sheet(title, index):
            def post(wb):
                ws = wb.create_sheet(title, index)
                ws.append(["campo", "valor"])
                for k, v in pla["rows"]:
                    ws.append([k, 99000000.5 if k == "pl" else v])
            return post
        p = write_openpyxl(copy.deepcopy(spec), "openpyxl-duplicate-sheets.xlsx", dup_sheet("PLA ", 2))
        names = list(sheet_parts(read_zip(p)))
        check("PLA" in names and "PLA " in names, "openpyxl-duplicate-sheets.xlsx: sheets 'PLA' and 'PLA ' (%s)" % names)
        # openpyxl renames a title equal but for case ("pla" -> "pla1"): the name is set back in
        # xl/workbook.xml and docProps/app.xml, as Excel and LibreOffice would keep it.
        pc = os.path.join(tmp, "case.xlsx")
        mf.write(copy.deepcopy(spec), pc, dup_sheet("pla", 1))
        edit_parts(pc, os.path.join(OUT, "openpyxl-duplicate-sheets-case.xlsx"),
                   {"xl/workbook.xml": lambda x: x.replace(b'name="pla1"', b'name="pla"'),
                    "docProps/app.xml": lambda x: x.replace(b">pla1<", b">pla<")})
        names = list(sheet_parts(read_zip(os.path.join(OUT, "openpyxl-duplicate-sheets-case.xlsx"))))
        check(names.index("pla") < names.index("PLA"), "openpyxl-duplicate-sheets-case.xlsx: sheet 'pla' before 'PLA' (%s)" % names)
        files["openpyxl-duplicate-sheets.xlsx"] = {
            "writer": OPENPYXL, "property": "sheets 'PLA' and 'PLA ' (trailing space, after PLA) with different pl",
            "refused": True, "findings": [finding("CR-E023", "PLA", None, 'the sheets "PLA" and "PLA " both answer to PLA',
                                                  fix_says="delete or rename the sheet that should not be read")]}
        files["openpyxl-duplicate-sheets-case.xlsx"] = {
            "writer": OPENPYXL + ", then sheet 'pla1' renamed 'pla' in xl/workbook.xml and docProps/app.xml "
                      "(openpyxl refuses a title equal but for case)",
            "property": "sheets 'pla' (before PLA) and 'PLA' with different pl",
            "refused": True, "findings": [finding("CR-E023", "PLA", None, 'the sheets "pla" and "PLA" both answer to PLA',
                                                  fix_says="delete or rename the sheet that should not be read")]}

        # -------------------------------------------------------------- 5. rows out of order
        cpart = sheets["Contraprestacoes"]
        crow = part(clean, cpart)
        for name, edit, prop, cell, says in [
            ("out-of-order-rows.xlsx", swap_rows(5, 6), "row 6 comes before row 5 in the XML", None,
             "row 5: the row comes after row 6 in the sheet's XML (rows out of order)"),
            ("duplicate-row.xlsx", renumber_row(6, 5), "row 6 renumbered 5: two <row r=\"5\">, no row 6", None,
             "row 5: the row appears twice in the sheet's XML"),
            ("duplicate-cell.xlsx", repeat_cell("D5", "1234.56"), "cell D5 twice in row 5 (second value 1234.56)", "D5",
             "row 5: cell D5 appears twice in the row")]:
            p = os.path.join(OUT, name)
            edit_parts(clean, p, {cpart: edit})
            xml = part(p, cpart)
            rs = rows_of(xml)
            if name == "duplicate-cell.xlsx":
                check(len(re.findall(rb'<c r="D5"', xml)) == 2, name + ": <c r=\"D5\"> twice")
            elif name == "duplicate-row.xlsx":
                check(rs.count(5) == 2 and 6 not in rs, name + ": <row r=\"5\"> twice, no row 6")
            else:
                check(rs.index(6) < rs.index(5) and sorted(rs) == rows_of(crow),
                      name + ": <row r=\"6\"> before <row r=\"5\">, the same rows")
            files[name] = {"writer": OPENPYXL + ", then xl/worksheets XML of Contraprestacoes edited", "property": prop,
                           "refused": True, "findings": [finding("CR-E001", "Contraprestacoes", cell, says,
                                                                 fix_says="save the file as Excel Workbook (.xlsx)")]}

        # -------------------------------------------------------------- 6. styled blank rows
        for n, sheets_ in [(1500, ["PLA"]), (5000, ["PLA", "Operadora"])]:
            name = "styled-blank-rows-%d.xlsx" % n
            p = write_openpyxl(copy.deepcopy(spec), name, style_blank_rows(sheets_, n))
            lp = soffice(tmp, p, "xlsx:Calc MS Excel 2007 XML", os.path.join(tmp, "lo%d" % n))
            lname = "styled-blank-rows-%d-libreoffice.xlsx" % n
            shutil.copy(lp, os.path.join(OUT, lname))
            # LibreOffice 7.4 keeps at most 1000 formatted empty rows after a sheet's last value.
            for f_, writer, kept in [(name, OPENPYXL, n), (lname, lo + " re-saving " + name, min(n, 1000))]:
                fp = os.path.join(OUT, f_)
                ps = sheet_parts(read_zip(fp))
                for sh_ in sheets_:
                    xml = part(fp, ps[sh_])
                    styled = len(re.findall(rb'<c r="[AB]\d+" s="\d+"(?: t="n")?\s*(?:/>|></c>)', xml))
                    check(max(rows_of(xml)) > 1000 and styled == 2 * kept,
                          "%s: %s has %d rows, %d formatted empty cells" % (f_, sh_, max(rows_of(xml)), styled))
                got, problems = reference(fp)
                check(problems is None and got["amounts"] == amounts, "%s: the reference computes the clean amounts" % f_)
                files[f_] = equals(writer, "%s followed by %d formatted empty rows (fill, border, number format)"
                                   % (" and ".join(sheets_), kept))

        # -------------------------------------------------------------- 7. a big table
        s = copy.deepcopy(spec)
        abi = table(s, "ABI")
        rng = random.Random(7007)
        rows = []
        for i in range(25000):
            v = D(rng.randint(100000, 99999999)) / 1000        # 100.000 .. 99999.999, three places
            if i == 19999:
                v = D("1520.125")
            rows.append({"id_aviso": "AV-%06d" % i if i % 2 else 500000 + i, "valor": mf.numeric(v)})
        abi["rows"] = rows
        p = write_openpyxl(s, "big-table-numeric.xlsx")
        xml = part(p, sheet_parts(read_zip(p))["ABI"])
        check(max(rows_of(xml)) == 25001 and b"<v>1520.125</v>" in xml,
              "big-table-numeric.xlsx: ABI has 25,000 avisos (rows 2..25001), B20001 = 1520.125 numeric")
        got, problems = reference(p)
        check(problems is None, "big-table-numeric.xlsx: the reference computes it")
        abi_sum = sum((D(str(r["valor"])) for r in rows), D(0))
        files["big-table-numeric.xlsx"] = {
            "writer": OPENPYXL, "property": "ABI with 25,000 numeric avisos of three decimals (B20001 = 1520.125)",
            "factor_set": got["factor_set"], "amounts_rounded": got["amounts"],
            "abi_count": 25000, "abi_sum": str(abi_sum),
            "abi_sum_squares": got["intermediates"]["abi_sum_squares"],
            "note": "amounts from reference_impl.py on this file (not equal to clean.xlsx: the ABIs differ)"}

        # -------------------------------------------------------------- 8. not an xlsx
        ods = soffice(tmp, clean, "ods", os.path.join(tmp, "ods"))
        shutil.copy(ods, os.path.join(OUT, "libreoffice.ods"))
        xls = soffice(tmp, clean, "xls:MS Excel 97", os.path.join(tmp, "xls"))
        shutil.copy(xls, os.path.join(OUT, "libreoffice.xls"))
        write_zip(os.path.join(OUT, "empty.zip.xlsx"), [])
        with open(clean, "rb") as f:
            write_zip(os.path.join(OUT, "zip-holding-xlsx.xlsx"), [(CLEAN, f.read())])
        txt = os.path.join(tmp, "nota.txt")
        with open(txt, "w") as f:
            f.write("Capital regulatorio: planilha enviada em anexo.\n")
        docx = soffice(tmp, txt, 'docx:MS Word 2007 XML', os.path.join(tmp, "docx"))
        shutil.copy(docx, os.path.join(OUT, "word.docx.xlsx"))
        check(part(os.path.join(OUT, "libreoffice.ods"), "mimetype") == b"application/vnd.oasis.opendocument.spreadsheet",
              "libreoffice.ods: an OpenDocument spreadsheet (mimetype)")
        with open(os.path.join(OUT, "libreoffice.xls"), "rb") as f:
            check(f.read(8) == bytes.fromhex("d0cf11e0a1b11ae1"), "libreoffice.xls: an OLE2 compound file (Excel 97-2003)")
        check(zipfile.ZipFile(os.path.join(OUT, "empty.zip.xlsx")).namelist() == [], "empty.zip.xlsx: a zip without entries")
        check(zipfile.ZipFile(os.path.join(OUT, "zip-holding-xlsx.xlsx")).namelist() == [CLEAN],
              "zip-holding-xlsx.xlsx: a zip whose one entry is clean.xlsx")
        check("word/document.xml" in zipfile.ZipFile(os.path.join(OUT, "word.docx.xlsx")).namelist(),
              "word.docx.xlsx: a Word document (word/document.xml)")
        save_as = "Save As, Excel Workbook (.xlsx)"
        for name, writer, what, says, fix in [
            ("libreoffice.ods", lo + " (--convert-to ods) from clean.xlsx", "an OpenDocument spreadsheet (.ods)",
             "it is an OpenDocument spreadsheet (.ods)", "save it as Excel 2007-365 (.xlsx)"),
            ("libreoffice.xls", lo + " (--convert-to 'xls:MS Excel 97') from clean.xlsx", "an Excel 97-2003 workbook (.xls)",
             "it is a legacy Excel 97-2003 (.xls) workbook", "save it as Excel Workbook (.xlsx)"),
            ("empty.zip.xlsx", "Python zipfile", "an empty zip", "it is an empty zip archive", save_as),
            ("zip-holding-xlsx.xlsx", "Python zipfile", "a zip holding a workbook (clean.xlsx), not a workbook",
             "it is a zip archive holding clean.xlsx, not a workbook itself", "extract the archive and give capreg the .xlsx file inside"),
            ("word.docx.xlsx", lo + " (--convert-to docx) from a text file, renamed", "a Word document (.docx)",
             "it is a Word document (.docx), not a workbook", save_as)]:
            files[name] = {"writer": writer, "property": what, "refused": True,
                           "findings": [finding("CR-E001", None, None, "not a readable .xlsx workbook: " + says, fix_says=fix)]}

        # -------------------------------------------------------------- 9. SheetJS
        write_sheetjs(spec, "sheetjs.xlsx", 1900, tmp)
        p = os.path.join(OUT, "sheetjs.xlsx")
        check(b"date1904" not in part(p, "xl/workbook.xml"), "sheetjs.xlsx: 1900 date system")
        check(dates_of(p) == clean_dates, "sheetjs.xlsx: openpyxl reads the same dates as clean.xlsx")
        got, problems = reference(p)
        check(problems is None and got["amounts"] == amounts, "sheetjs.xlsx: the reference computes the clean amounts")
        files["sheetjs.xlsx"] = equals(sheetjs, "the clean workbook written by SheetJS (shared strings, its own zip)")

        # the clean values in the 17-digit file, through openpyxl (floats read back equal)
        got, problems = reference(os.path.join(OUT, "excel-17digit-doubles.xlsx"))
        check(problems is None and got["amounts"] == amounts, "excel-17digit-doubles.xlsx: the reference computes the clean amounts")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    out = {
        "about": "testdata/realfiles: see README.md. 'equals': the file computes the same capital as "
                 "clean.xlsx to the centavo (amounts_rounded: reference_impl.py, no rules file, "
                 "capital_referencia %s, the point in force at data base 2024-12). 'refused': capreg "
                 "exits 2 with exactly these findings (code, sheet, cell; null: none), each message "
                 "containing message_says and each fix fix_says. Checked by pkg/cli/realfiles_test.go."
                 % want["intermediates"]["capital_referencia"],
        "clean": CLEAN,
        "files": files,
        "made_at_test_time": {
            "fifo": {"how": "syscall.Mkfifo in a temp dir, named in.xlsx (git cannot hold a FIFO)",
                     "property": "a FIFO given as the input workbook (and as --beneficiarios)",
                     "refused": True, "findings": [finding("CR-E001", None, None, "is a named pipe (FIFO), not a regular file")],
                     "note": "refused before it is opened for reading: returns at once, does not block",
                     "tested_by": "cmd/capreg/testdata/script/fifo.txtar, pkg/xlsxfile/fifo_unix_test.go"}},
    }
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %d files and expected.json to %s" % (len(files), OUT))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Beneficiary files written by software other than capreg, for the reader's
fixture test (pkg/beneficiarios TestForeignFiles):

  openpyxl.xlsx          openpyxl: a Beneficiarios sheet, ids as numbers, enums in
                         mixed case, flags empty/S/N/s, blank rows, accented products
  libreoffice.xlsx       the same, saved again by LibreOffice Calc
  libreoffice-latin1.csv the same, exported by LibreOffice as CSV in ISO-8859-1, ;
  python-lf.csv          the rows written by Python's csv module: UTF-8, every field
                         quoted, lines ending in LF
  python-cr.csv          the same with classic Mac line ends, a CR alone (lineterminator='\r')
  python-short-line.csv  python-lf.csv with one line cut after its 5th field (flags
                         missing): that line must be named, not counted
  expected.json          the counts, computed here from the rows, apart from capreg;
                         under "python_short_line", the short line and the counts without it

Run from the repository root: /usr/bin/python3 testdata/beneficiarios/gen/make.py
(needs python3-openpyxl and libreoffice-calc; deterministic: a fixed seed).
"""
import csv, json, os, random, shutil, subprocess, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
rnd = random.Random(20261123)

PRODUTOS = ["Plano Saúde Família", "Odonto Básico", "Empresarial Ômega", "Adesão Ação"]
TIPOS = ["individual", "coletivo_adesao", "coletivo_empresarial", "corresponsabilidade_assumida"]
SEGMENTO = {"Odonto Básico": "odontologico"}
REMISSOES = ["nenhuma"] * 40 + ["clausula_temporaria", "clausula_vitalicia", "remido_temporario", "remido_vitalicio"]

header = ["id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"]
rows = []
for i in range(1, 801):
    p = rnd.choice(PRODUTOS)
    rows.append([i, p, rnd.choice(TIPOS), SEGMENTO.get(p, "medico_hospitalar"), rnd.choice(REMISSOES),
                 rnd.choice(["S", "N", "", "s"]), rnd.choice(["N", "", "S"]), rnd.choice(["", "N", "N", "S"])])

def cased(v):  # the reader forgives case in enums and flags
    return v.upper() if rnd.random() < 0.1 else v

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Leia-me"
ws["A1"] = "Beneficiários de teste, escritos por openpyxl"
ws = wb.create_sheet("Beneficiarios")
ws.append(header)
for n, r in enumerate(rows):
    ws.append([r[0], r[1], cased(r[2]), r[3], cased(r[4])] + r[5:])
    if n % 97 == 0:
        ws.append([None] * len(header))  # a blank row: skipped
wb.save(os.path.join(OUT, "openpyxl.xlsx"))

counts = {"total": len(rows), "promoprev": 0, "parto_adequado": 0, "aps": 0, "remissao": {}, "por_produto": {}}
for r in rows:
    counts["por_produto"][r[1]] = counts["por_produto"].get(r[1], 0) + 1
    counts["remissao"][r[4]] = counts["remissao"].get(r[4], 0) + 1
    for name, v in zip(["promoprev", "parto_adequado", "aps"], r[5:]):
        if v.upper() == "S":
            counts[name] += 1
def count(rows):
    c = {"total": len(rows), "promoprev": 0, "parto_adequado": 0, "aps": 0, "remissao": {}, "por_produto": {}}
    for r in rows:
        c["por_produto"][r[1]] = c["por_produto"].get(r[1], 0) + 1
        c["remissao"][r[4]] = c["remissao"].get(r[4], 0) + 1
        for name, v in zip(["promoprev", "parto_adequado", "aps"], r[5:]):
            if v.upper() == "S":
                c[name] += 1
    return c

assert count(rows) == counts

# Python's csv module, an independent writer: the same rows, every field quoted (a reader
# turning CR into line ends must follow the quotes), with LF and with CR alone.
for name, eol in [("python-lf.csv", "\n"), ("python-cr.csv", "\r")]:
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator=eol)
        w.writerow(header)
        w.writerows(rows)
with open(os.path.join(OUT, "python-cr.csv"), "rb") as f:
    assert b"\n" not in f.read()

# One line cut short (the flags of row SHORT missing, as a hand edit or a cut export
# leaves it): the line is named and not counted; the others are.
SHORT = 137  # 0-based row index: line SHORT + 2 of the file
with open(os.path.join(OUT, "python-short-line.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for i, r in enumerate(rows):
        w.writerow(r[:5] if i == SHORT else r)
counts["python_short_line"] = dict(count(rows[:SHORT] + rows[SHORT + 1:]), line=SHORT + 2, fields=5,
                                   header_fields=len(header))

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(counts, f, ensure_ascii=False, indent=2, sort_keys=True)
    f.write("\n")

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "libreoffice.xlsx")
    shutil.copy(os.path.join(OUT, "openpyxl.xlsx"), src)
    prof = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
    subprocess.run(["soffice", prof, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                    os.path.join(tmp, "x"), src], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "x", "libreoffice.xlsx"), os.path.join(OUT, "libreoffice.xlsx"))
    # The Beneficiarios sheet (the 2nd) as CSV: ; separated, " quoted, ISO-8859-1 (charset 12).
    subprocess.run(["soffice", prof, "--headless", "--convert-to",
                    'csv:Text - txt - csv (StarCalc):59,34,12,1,,0,false,true,false,false,false,2',
                    "--outdir", os.path.join(tmp, "c"), src], check=True, capture_output=True)
    produced = [f for f in os.listdir(os.path.join(tmp, "c")) if f.endswith(".csv")]
    csv = [f for f in produced if "Beneficiarios" in f] or produced
    shutil.copy(os.path.join(tmp, "c", csv[0]), os.path.join(OUT, "libreoffice-latin1.csv"))

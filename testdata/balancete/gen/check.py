#!/usr/bin/python3
"""Re-reads every fixture from its bytes (csv module, openpyxl, ElementTree) with a small
reader written from spec §1-§2 only, recomputes each case of ../expected.json, and asserts
that the fields and findings agree. It imports nothing from make.py: make.py computes the
expected values from its ledger, this script from the files, so a writer slip (a wrong
sign, a lost row, a number LibreOffice changed) shows up as a difference.

Run: /usr/bin/python3 testdata/balancete/gen/check.py   (prints PASS or the differences)
"""
import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
C = Decimal("0.01")


class Finding(Exception):
    def __init__(self, kind, **kw):
        super().__init__(kind)
        self.kind, self.kw = kind, kw


# --------------------------------------------------------------------------- numbers and text


def number(text, where):
    """pt-BR (1.234,56) or plain (1234.56) text; a numeric cell (float) as shown."""
    if isinstance(text, (int, float)):
        d = Decimal(repr(text))
        if d != d.quantize(C):
            raise Finding("bad_number", value=repr(text), **where)
        return d
    t = text.strip()
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d+|-?\d+,\d+", t):
        return Decimal(t.replace(".", "").replace(",", "."))
    if re.fullmatch(r"-?\d+(\.\d+)?", t):
        return Decimal(t)
    raise Finding("bad_number", value=t, **where)


def code_of(v, where):
    t = str(v).strip() if not isinstance(v, float) else str(int(v))
    if not re.fullmatch(r"\d{1,9}", t):
        raise Finding("bad_account_code", value=t, **where)
    return t


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def month_end_of_quarter(data):
    for fmt in (r"(\d{4})-(\d{2})-(\d{2})", r"(\d{4})/(\d{2})/(\d{2})", r"(\d{2})/(\d{2})/(\d{4})"):
        m = re.fullmatch(fmt, data)
        if m:
            g = m.groups()
            y, mo, d = (g[2], g[1], g[0]) if len(g[0]) == 2 else g
            assert d == "01" and mo in ("01", "04", "07", "10"), data
            return "%s-%02d" % (y, int(mo) + 2)
    raise ValueError(data)


# --------------------------------------------------------------------------- readers
# A source: {"file", "month", "kind" ("monthly"|"quarterly"), "rows" {code: saldo},
#            "opening" {code: saldo_inicial} or None, "registro", "lines" {code: line}}


def read_table(relpath):
    p = os.path.join(ROOT, relpath)
    if p.endswith(".xlsx"):
        ws = openpyxl.load_workbook(p, read_only=True, data_only=True).worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        return [[("" if v is None else v) for v in r] for r in rows]
    text = decode(open(p, "rb").read())
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(text.splitlines(), delimiter=delim))


def read_balancete(relpath, registro):
    table = read_table(relpath)
    header = [str(h).strip().lower() for h in table[0]]
    if header[:3] == ["data", "reg_ans", "cd_conta_contabil"]:
        return read_opendata(relpath, table, header, registro)
    col = {h: i for i, h in enumerate(header)}
    m = re.search(r"(\d{4}-\d{2})", os.path.basename(relpath))
    out = {"file": relpath, "kind": "monthly", "rows": {}, "opening": {} if "saldo_inicial" in col else None,
           "registro": None, "lines": {}, "month": m.group(1) if m else None}
    for ln, r in enumerate(table[1:], start=2):
        if "mes" in col:
            out["month"] = str(r[col["mes"]]).strip()
        where = {"file": relpath, "line": ln, "month": out["month"]}
        code = code_of(r[col["conta"]], where)
        if code in out["rows"]:
            raise Finding("duplicate_account", account=code, first_line=out["lines"][code], **where)
        out["lines"][code] = ln
        out["rows"][code] = number(r[col["saldo_final"]], dict(where, column="saldo_final", account=code))
        if out["opening"] is not None:
            out["opening"][code] = number(r[col["saldo_inicial"]], dict(where, column="saldo_inicial", account=code))
    return [out]


def read_opendata(relpath, table, header, registro):
    col = {h: i for i, h in enumerate(header)}
    regs = sorted({r[col["reg_ans"]] for r in table[1:]})
    if registro is None and len(regs) > 1:
        raise Finding("several_operators", file=relpath, registros=regs)
    reg = registro or regs[0]
    out = {"file": relpath, "kind": "quarterly", "rows": {}, "opening": None, "registro": reg, "lines": {}}
    if "vl_saldo_inicial" in col:
        out["opening"] = {}
    for ln, r in enumerate(table[1:], start=2):
        if r[col["reg_ans"]] != reg:
            continue
        out["month"] = month_end_of_quarter(r[col["data"]])
        where = {"file": relpath, "line": ln}
        code = code_of(r[col["cd_conta_contabil"]], where)
        if code in out["rows"]:
            raise Finding("duplicate_account", account=code, **where)
        out["rows"][code] = number(r[col["vl_saldo_final"]], where)
        if out["opening"] is not None:
            out["opening"][code] = number(r[col["vl_saldo_inicial"]], where)
    return [out]


def local(tag):
    return tag.rsplit("}", 1)[-1]


def read_diops(relpath):
    p = os.path.join(ROOT, relpath)
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as e:
        raise Finding("diops_malformed", file=relpath, line=e.position[0])
    # line numbers of elements, for findings (ElementTree keeps none): scan the text
    lines = open(p, "rb").read().decode("latin-1").split("\n")
    kids = lambda e, name: [k for k in e if local(k.tag) == name]
    one = lambda e, name: kids(e, name)[0]
    ident = one(root, "identificacao")
    tri = one(ident, "trimestre").text.strip()
    q = int(tri[-1]) if len(tri) == 7 else int(tri)
    month = "%s-%02d" % (one(ident, "ano").text.strip(), 3 * q)
    fin = one(root, "financeiro")
    src = {"file": relpath, "kind": "quarterly", "rows": {}, "opening": {}, "registro": one(ident, "registro").text.strip(),
           "lines": {}, "month": month}

    def num(e, path):
        t = e.text.strip() if e.text else ""
        if not re.fullmatch(r"-?\d+(\.\d+)?", t):
            # the element's line: the n-th occurrence of its tag after its parent's tag
            raise Finding("diops_bad_element", file=relpath, element=path, value=t)
        return Decimal(t)

    for e in one(fin, "balancete"):
        code = one(e, "conta").text.strip()
        src["rows"][code] = num(one(e, "saldoFinal"), "balancete/%s/saldoFinal" % local(e.tag))
        src["opening"][code] = num(one(e, "saldoInicial"), "balancete/%s/saldoInicial" % local(e.tag))
    lmp = one(one(fin, "modeloPadraoCapital"), "lancModeloPadraoCapital")
    remissao = {"ca_temporaria": num(one(lmp, "contrapBenefRemissaoTemp"), "x"),
                "ca_vitalicia": num(one(lmp, "contrapBenefRemissaoVital"), "x")}
    cols = ["creditos_operacoes", "intercambio_receber", "creditos_programas", "ppsc_programas",
            "creditos_adm_programas", "ppsc_adm_programas", "debitos_operacoes", "pesl_intercambio",
            "debitos_adm_programas"]
    crc = []
    for lo in kids(one(fin, "creditosDebitosCRC"), "lancOperadoraCreditosDebitosCRC"):
        vals = {one(it, "movimentacao").text.strip(): num(one(it, "valor"), "x")
                for it in kids(lo, "lancCreditosDebitosCRC")}
        r = {"registro_ans": one(lo, "operadora").text.strip()}
        r.update({c: vals["CAMPO%d" % k] for k, c in enumerate(cols, start=2)})
        crc.append(r)
    fu = {one(it, "movimentacao").text.strip(): (one(it, "valor").text or "").strip()
          for it in kids(one(fin, "fundosInvestimentosCRC"), "lancFundosInvestimentosCRC")}
    ativos = [{"categoria": "fundo_fdss", "exposicao": Decimal(fu["CAMPO1"]), "fpr": Decimal(fu["CAMPO2"]) / 100},
              {"categoria": "fundo_outros", "exposicao": Decimal(fu["CAMPO3"]),
               "fpr": Decimal(fu["CAMPO4"]) / 100 if fu.get("CAMPO4") else Decimal(1)}]
    alm = []
    for n, it in enumerate(kids(one(fin, "quadroRiscoMercado"), "lancQuadroRiscoMercado"), start=1):
        path = "diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado[%d]/vlValor" % n
        try:
            v = num(one(it, "vlValor"), path)
        except Finding as f:
            start = [i for i, l in enumerate(lines) if "<lancQuadroRiscoMercado>" in l][n - 1]
            f.kw["line"] = next(i + 1 for i in range(start, len(lines)) if "<vlValor>" in lines[i])
            raise
        alm.append({"conta": one(it, "cdContaContabil").text.strip(), "valor": v,
                    "sinal": one(it, "tpSinal").text.strip(),
                    "prazo_meses": int(one(it, "vlPrazoPonderadoFluxo").text.strip()),
                    "indexador": one(it, "tpIndexador").text.strip()})
    src["quadros"] = {"Remissao": remissao, "Credito_Operadoras": crc, "Credito_Ativos": ativos, "Mercado_ALM": alm}
    return src


# --------------------------------------------------------------------------- spec rules


def value(rows, code):
    if code in rows:
        return rows[code], True
    under = [c for c in rows if c.startswith(code) and c != code]
    top = [c for c in under if not any(o != c and c.startswith(o) for o in under)]
    return sum((rows[c] for c in top), Decimal(0)), bool(top)


def prev(m):
    y, mo = int(m[:4]), int(m[5:])
    return "%04d-%02d" % ((y - 1, 12) if mo == 1 else (y, mo - 1))


SALDO = {"PLA.pl": ["25"], "PLA.ded_participacoes": ["13211", "13214"],
         "PLA.ded_creditos_tributarios": ["13161901"], "PLA.ded_despesas_diferidas": ["125", "1315"],
         "PLA.ded_despesas_antecipadas": ["128", "13182"], "PLA.ded_intangivel": ["134"],
         "PLA.ded_goodwill": ["132129013", "132129023", "132139013", "132139023", "132159013", "132159023"],
         "Operacional.provisoes_tecnicas": ["211", "231"]}
CELLS = [("individual", "medico_hospitalar", ["31111101", "31111102"]),
         ("coletivo_adesao", "medico_hospitalar", ["31111103", "31111104"]),
         ("coletivo_empresarial", "medico_hospitalar", ["31111105", "31111106"]),
         ("corresponsabilidade_assumida", "medico_hospitalar", ["31111108"]),
         ("individual", "odontologico", ["31112101", "31112102"]),
         ("coletivo_adesao", "odontologico", ["31112103", "31112104"]),
         ("coletivo_empresarial", "odontologico", ["31112105", "31112106"]),
         ("corresponsabilidade_assumida", "odontologico", ["31112108"])]
EVENTOS = ["411%d%d1" % (m, s) for m in range(1, 10) for s in (1, 2)] + ["414"]


def run(args):
    """Fields (flat "Sheet.field" or "Sheet" for tables) and findings of one case."""
    findings = []
    sources = []
    for f in args["balancete"]:
        sources += read_balancete(f, args["registro"])
    for f in args["diops"]:
        sources.append(read_diops(f))
    monthly = {}
    for s in sources:
        if s["kind"] == "monthly":
            monthly[s["month"]] = s
    months = sorted({s["month"] for s in sources})
    db = args["data_base"] or months[-1]
    window = [db]
    while len(window) < 12:
        window.insert(0, prev(window[0]))
    fields = {}
    # balance check, every monthly or quarterly source
    for s in sources:
        t = {c: value(s["rows"], c)[0] for c in ["1", "21", "23", "25", "3", "4", "6"]}
        opened = t["1"] - (t["21"] + t["23"] + t["25"] + t["3"] - t["4"] - t["6"])
        closed = t["1"] - (t["21"] + t["23"] + t["25"])
        if abs(opened) > C and abs(closed) > C:
            findings.append(Finding("unbalanced", file=s["file"], month=s["month"], diff_open=str(opened),
                                    diff_closed=str(closed)))
    # saldo fields: every source at the data base must agree
    at_db = [s for s in sources if s["month"] == db]
    for field, accs in SALDO.items():
        vals = {s["file"]: sum(value(s["rows"], a)[0] for a in accs) for s in at_db}
        if len(set(vals.values())) > 1:
            f = Finding("sources_disagree", field=field, month=db, values=vals)
            diops = [s["file"] for s in at_db if s["file"].endswith(".xml")]
            if diops and len(accs) == 1:  # the line of the account's saldoFinal in the XML
                lines = open(os.path.join(ROOT, diops[0]), encoding="utf-8").read().split("\n")
                i = lines.index(next(l for l in lines if l.strip() == "<conta>%s</conta>" % accs[0]))
                f.kw.update(file=diops[0], account=accs[0],
                            line=next(k + 1 for k in range(i, len(lines)) if "<saldoFinal>" in lines[k]))
            raise f
        fields[field] = next(iter(vals.values()))
    if monthly:
        missing = [m for m in window if m not in monthly]
        if missing:
            raise Finding("missing_month", month=missing[0])

        def flow(m, code):
            s = monthly[m]
            if s["opening"] is not None:
                return value(s["rows"], code)[0] - value(s["opening"], code)[0]
            if m.endswith("-01"):
                return value(s["rows"], code)[0]
            if prev(m) not in monthly:
                raise Finding("flow_unbuildable", month=m)
            return value(s["rows"], code)[0] - value(monthly[prev(m)]["rows"], code)[0]

        rows = []
        for tipo, seg, accs in CELLS:
            if any(value(monthly[m]["rows"], a)[1] for m in window for a in accs):
                rows += [{"competencia": m, "tipo_contratacao": tipo, "segmento": seg,
                          "valor": sum(flow(m, a) for a in accs)} for m in window]
        fields["Contraprestacoes"] = rows
        fields["Eventos"] = [{"competencia": m, "valor": sum(flow(m, a) for a in EVENTOS)} for m in window]
        fields["Operacional.contraprestacoes_12m_total"] = sum(flow(m, "311") for m in window)
    else:
        for f in ("Contraprestacoes", "Eventos"):
            findings.append(Finding("monthly_data_missing", field=f))
        y, mo = int(db[:4]), db[5:]
        q = {s["month"]: s for s in sources if s["kind"] == "quarterly"}
        need = [db, "%d-12" % (y - 1), "%d-%s" % (y - 1, mo)]
        if all(n in q for n in need):
            fields["Operacional.contraprestacoes_12m_total"] = (value(q[need[0]]["rows"], "311")[0]
                                                                + value(q[need[1]]["rows"], "311")[0]
                                                                - value(q[need[2]]["rows"], "311")[0])
        else:
            findings.append(Finding("twelve_month_total_missing", field="Operacional.contraprestacoes_12m_total"))
    for s in sources:
        if "quadros" in s:
            fields.update(s["quadros"])
    registros = {s["registro"] for s in sources if s["registro"]} | ({args["registro"]} if args["registro"] else set())
    assert len(registros) == 1, registros
    fields["Operadora"] = {"registro_ans": registros.pop(), "data_base": db}
    return fields, findings


# --------------------------------------------------------------------------- comparison


def norm(v):
    """Decimals to 2-decimal strings (money) or normalized strings; recursively."""
    if isinstance(v, Decimal):
        return str(v.quantize(C)) if v == v.quantize(C) else str(v.normalize())
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v


def expected_field(exp, name):
    if "." in name:
        sheet, f = name.split(".")
        return exp["fields"][sheet][f]
    return exp["fields"][name]


def got_field(fields, name):
    if name in fields:
        return fields[name]
    sub = {k.split(".", 1)[1]: v for k, v in fields.items() if k.startswith(name + ".")}
    return sub or None


def same(a, b):
    """Compare with decimals as numbers (fpr 0.425 = 0.4250)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except Exception:
        return a == b


def main():
    exp = json.load(open(os.path.join(ROOT, "expected.json"), encoding="utf-8"))
    bad = []
    for name, c in exp["cases"].items():
        try:
            fields, findings = run(c["args"])
            exit_code = 0
        except Finding as f:
            fields, findings, exit_code = {}, [f], 2
        if exit_code != c["exit"]:
            bad.append("%s: exit %d, expected %d (%s)" % (name, exit_code, c["exit"], [(f.kind, f.kw) for f in findings]))
            continue
        got = [(f.kind, f.kw) for f in findings]
        for ef in c["findings"]:
            match = [kw for k, kw in got if k == ef["kind"]]
            if not match:
                bad.append("%s: finding %s not produced (got %s)" % (name, ef["kind"], got))
                continue
            for key in ("file", "line", "element", "month", "first_line", "account", "value", "field", "registros"):
                if ef.get(key) is not None and not any(kw.get(key) == ef[key] for kw in match):
                    bad.append("%s: %s %s=%r, got %r" % (name, ef["kind"], key, ef[key], [kw.get(key) for kw in match]))
            if ef["kind"] == "unbalanced" and not any(Decimal(kw["diff_open"]) == Decimal(ef["diff_open"]) for kw in match):
                bad.append("%s: unbalanced diff %s, got %s" % (name, ef["diff_open"], match))
        if len(got) != len(c["findings"]):
            bad.append("%s: findings %s, expected %s" % (name, [k for k, _ in got], [f["kind"] for f in c["findings"]]))
        for fname in c["fields"]:
            want, have = expected_field(exp, fname), got_field(fields, fname)
            if have is None or not same(norm(have), want):
                bad.append("%s: field %s\n  expected %s\n  got      %s" % (name, fname, json.dumps(want)[:300],
                                                                       json.dumps(norm(have))[:300]))
        for fname in c["empty"]:
            if got_field(fields, fname) is not None:
                bad.append("%s: field %s should be empty" % (name, fname))
        if exit_code == 0:
            reg = got_field(fields, "Operadora")
            if reg != exp["fields"]["Operadora"]:
                bad.append("%s: Operadora %s" % (name, reg))
    # the fields of the good case, all of them, once more in full
    fields, _ = run(exp["cases"]["good_erp_csv"]["args"])
    full = {k: v for k, v in exp["fields"].items()}
    for sheet, want in full.items():
        if not same(norm(got_field(fields, sheet)), want):
            bad.append("full fields: %s differs" % sheet)
    # every monthly file balances; the listed account values match the files
    for m, b in exp["balance_check"].items():
        src = read_balancete("erp-csv/balancete-%s.csv" % m, None)[0]
        for code, v in exp["saldos"][m].items():
            if value(src["rows"], code)[0] != Decimal(v):
                bad.append("saldo %s %s: %s vs %s" % (m, code, v, value(src["rows"], code)[0]))
        if not b["balanced"]:
            bad.append("month %s not balanced" % m)
    # every ERP variant file (xlsx from LibreOffice, UTF-8 CSV) holds the same saldos as set A
    for f in sorted(os.listdir(os.path.join(ROOT, "erp-mixed"))):
        b = read_balancete("erp-mixed/" + f, None)[0]
        a = read_balancete("erp-csv/balancete-%s.csv" % b["month"], None)[0]
        if b["rows"] != a["rows"] or not f.startswith("balancete-%s." % b["month"]):
            bad.append("erp-mixed/%s differs from erp-csv" % f)
    # the open-data hierarchy: every parent row is the sum of its children rows
    for f in ("opendata/3T2025.csv", "opendata/4T2024.csv", "opendata/3T2024.csv", "opendata/3T2025-layout-antigo.csv"):
        table = read_table(f)
        by_reg = {}
        for r in table[1:]:
            by_reg.setdefault(r[1], {})[r[2]] = number(r[-1], {})
        for reg, rows in by_reg.items():
            for code, v in rows.items():
                kids = [c for c in rows if c.startswith(code) and c != code]
                top = [c for c in kids if not any(o != c and c.startswith(o) for o in kids)]
                if top and sum(rows[c] for c in top) != v:
                    bad.append("%s %s %s: parent %s != children %s" % (f, reg, code, v, sum(rows[c] for c in top)))
    if bad:
        print("\n".join(bad))
        sys.exit(1)
    print("PASS: %d cases" % len(exp["cases"]))


if __name__ == "__main__":
    main()

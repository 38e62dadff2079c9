#!/usr/bin/python3
"""Writes the DIOPS-XML fixtures of testdata/diops, independently of capreg.

The files are written the ways other software writes them: by hand as text
(as ERP code does, with ADVPL's right-aligned Str() numbers, ISO-8859-1, a
default namespace, CRLF lines) and with Python's xml.etree (UTF-8, no
namespace). The element names and nesting follow the spec (balancete.md
§1.2) and the public ERP code (reference balance-sheet-input.md §3).

expected.json holds, for every file, what a DIOPS-XML reader must return:
"file" (null when the file cannot be read to its end) with every value the
script put in, and "findings" (code, element path, line) in file order.
Values come from the script's own data; element paths from its own
structure; lines from Python's expat parser over the bytes written.

Run from the module root:  /usr/bin/python3 testdata/diops/gen/make.py
"""

import json
import os
import xml.etree.ElementTree as ET
import xml.parsers.expat
from decimal import Decimal

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
NS = "http://www.ans.gov.br/ws/diops/financeiro/schema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# Elements that repeat among their siblings: a path numbers them from 1.
ITEMS = {"ativo", "passivo", "receita", "despesa", "lancModeloPadraoCapital",
         "lancOperadoraCreditosDebitosCRC", "lancCreditosDebitosCRC",
         "lancFundosInvestimentosCRC", "lancQuadroRiscoMercado"}
GROUPS = {"1": "ativo", "2": "passivo", "3": "receita", "4": "despesa"}


def canon(d):
    """A decimal as a plain string: Decimal('1234.50') -> '1234.5'."""
    if d is None:
        return None
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "+0") else s


def money(cents):
    return Decimal(cents) / 100


# --- the data -----------------------------------------------------------------

def balancete(seed, quarterly):
    """Accounts (code, saldoInicial, debitos, creditos, saldoFinal) with
    presentation signs: debit-nature classes 1 and 4 end at inicial + D - C,
    credit-nature classes 2 and 3 at inicial - D + C; "(-)" accounts are
    negative."""
    codes = ["1", "12", "121", "1211", "12111", "123", "1231", "125", "128",
             "131", "13161901", "13211", "134", "2", "21", "211", "2111",
             "211111014", "23", "231", "25", "251", "3", "31", "311",
             "31111101", "31111103", "31111105", "31112101", "4", "41",
             "411", "41111", "411211", "414"]
    out = []
    for i, code in enumerate(codes):
        x = (seed * 7919 + i * 104729) % 9_000_000 + 100_000  # centavos
        ini = money(x * 37)
        deb = money((x * 3) % 700_000 + (0 if quarterly else 11))
        cred = money((x * 5) % (x // 2) + 37)
        if code[0] in "14":
            fin = ini + deb - cred
        else:
            fin = ini - deb + cred
        if code == "1231":  # (-) provisão para perdas: negative
            ini, fin = -ini, -fin
        out.append((code, ini, deb, cred, fin))
    return out


def advpl(d):
    """ADVPL Str(n, 17, 2): right-aligned in 17 characters, 2 decimals."""
    return format(d, "17.2f")


# --- serialisation and line numbers -------------------------------------------

def lines_of(data):
    """Every element's path (items numbered among like-named siblings) and
    the line its start tag is on, by Python's expat."""
    p = xml.parsers.expat.ParserCreate(namespace_separator="}")
    stack, counts, where = [], [{}], {}

    def start(name, attrs):
        local = name.split("}")[-1].split(":")[-1]
        c = counts[-1]
        c[local] = c.get(local, 0) + 1
        seg = "%s[%d]" % (local, c[local]) if local in ITEMS else local
        stack.append(seg)
        counts.append({})
        where.setdefault("/".join(stack), p.CurrentLineNumber)

    def end(name):
        stack.pop()
        counts.pop()

    p.StartElementHandler, p.EndElementHandler = start, end
    p.Parse(data, True)
    return where


class Text:
    """A document written line by line, as ERP code writes it."""

    def __init__(self, prefix="", nl="\n"):
        self.out, self.depth, self.prefix, self.nl = [], 0, prefix, nl

    def line(self, s):
        self.out.append("  " * self.depth + s)

    def open(self, name, attrs=""):
        self.line("<%s%s%s>" % (self.prefix, name, attrs))
        self.depth += 1

    def close(self, name):
        self.depth -= 1
        self.line("</%s%s>" % (self.prefix, name))

    def leaf(self, name, text):
        if text is None:
            return
        if text == "":
            self.line("<%s%s/>" % (self.prefix, name))
        else:
            self.line("<%s%s>%s</%s%s>" % (self.prefix, name, text, self.prefix, name))

    def data(self, encoding):
        return (self.nl.join(self.out) + self.nl).encode(encoding)


# --- the documents ------------------------------------------------------------

def doc(registro, ano, periodo, accounts, remissao=None, creditos=(), fundos=(), mercado=(),
        quadros_in_financeiro=True, fmt=str):
    """A document as plain data: what the writers serialise and the expected
    values are taken from. periodo is ("trimestre"|"mes", text)."""
    return dict(registro=registro, ano=ano, periodo=periodo, accounts=accounts,
                remissao=remissao, creditos=list(creditos), fundos=list(fundos),
                mercado=list(mercado), inside=quadros_in_financeiro, fmt=fmt)


def write_text(d, t):
    """Writes d with the Text writer t; returns nothing (t holds it)."""
    fmt = d["fmt"]
    t.open("identificacao")
    if d["registro"] is not None:
        t.leaf("registro", d["registro"])
    t.leaf("cnpj", "12345678000190")
    t.leaf("ano", d["ano"])
    t.leaf(d["periodo"][0], d["periodo"][1])
    t.close("identificacao")
    t.open("financeiro", ' xsi:type="padrao"' if d["inside"] else "")
    t.open("balancete")
    for code, ini, deb, cred, fin in d["accounts"]:
        t.open(GROUPS[code[0]])
        t.leaf("conta", code)
        t.leaf("saldoInicial", None if ini is None else fmt(ini))
        t.leaf("debitos", None if deb is None else fmt(deb))
        t.leaf("creditos", None if cred is None else fmt(cred))
        t.leaf("saldoFinal", fin if isinstance(fin, str) else fmt(fin))
        t.close(GROUPS[code[0]])
    t.close("balancete")
    t.open("ativoGarantidor")  # a quadro capreg does not read
    t.leaf("valor", "1.234,56")
    t.close("ativoGarantidor")
    if not d["inside"]:
        t.close("financeiro")
    write_quadros(d, t)
    if d["inside"]:
        t.close("financeiro")


def write_quadros(d, t):
    fmt = d["fmt"]
    if d["remissao"] is not None:
        t.open("modeloPadraoCapital")
        t.open("lancModeloPadraoCapital")
        for name, v in d["remissao"]:
            t.leaf(name, fmt(v))
        t.close("lancModeloPadraoCapital")
        t.close("modeloPadraoCapital")
    if d["creditos"]:
        t.open("creditosDebitosCRC")
        for op, campos in d["creditos"]:
            t.open("lancOperadoraCreditosDebitosCRC")
            t.leaf("operadora", op)
            for n, v in campos:
                t.open("lancCreditosDebitosCRC")
                t.leaf("movimentacao", "CAMPO%d" % n)
                t.leaf("valor", v if isinstance(v, str) else fmt(v))
                t.close("lancCreditosDebitosCRC")
            t.close("lancOperadoraCreditosDebitosCRC")
        t.close("creditosDebitosCRC")
    if d["fundos"]:
        t.open("fundosInvestimentosCRC")
        for n, v in d["fundos"]:
            t.open("lancFundosInvestimentosCRC")
            t.leaf("movimentacao", "CAMPO%d" % n)
            t.leaf("valor", "" if v is None else fmt(v))
            t.close("lancFundosInvestimentosCRC")
        t.close("fundosInvestimentosCRC")
    if d["mercado"]:
        t.open("quadroRiscoMercado")
        for conta, valor, sinal, prazo, idx in d["mercado"]:
            t.open("lancQuadroRiscoMercado")
            t.leaf("nrAnoReferencia", d["ano"])
            t.leaf("tpTrimestreReferencia", d["periodo"][1])
            t.leaf("cdContaContabil", conta)
            t.leaf("vlValor", fmt(valor))
            t.leaf("tpSinal", sinal)
            t.leaf("vlPrazoPonderadoFluxo", prazo)
            t.leaf("tpIndexador", idx)
            t.close("lancQuadroRiscoMercado")
        t.close("quadroRiscoMercado")


def write_etree(d):
    """Writes d with xml.etree: no namespace, UTF-8, indented."""
    root = ET.Element("diops")
    ident = ET.SubElement(root, "identificacao")
    ET.SubElement(ident, "registro").text = d["registro"]
    ET.SubElement(ident, "ano").text = d["ano"]
    ET.SubElement(ident, d["periodo"][0]).text = d["periodo"][1]
    fin = ET.SubElement(root, "financeiro")
    bal = ET.SubElement(fin, "balancete")
    for code, ini, deb, cred, final in d["accounts"]:
        a = ET.SubElement(bal, GROUPS[code[0]])
        ET.SubElement(a, "conta").text = code
        for name, v in (("saldoInicial", ini), ("debitos", deb), ("creditos", cred), ("saldoFinal", final)):
            if v is not None:
                ET.SubElement(a, name).text = str(v)
    fc = ET.SubElement(fin, "fluxoCaixa")  # the monthly DIOPS's other quadro
    ET.SubElement(ET.SubElement(fc, "lancFluxoCaixa"), "valor").text = "999.99"
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# --- expected values ----------------------------------------------------------

def expected_file(d, where, trimestre, mes, registro, drop=()):
    """What the reader must return for d; drop lists the element paths of
    items left out for their errors."""
    fin = "diops/financeiro" if d["inside"] else "diops"
    bal = []
    seen = {}
    for code, ini, deb, cred, final in d["accounts"]:
        g = GROUPS[code[0]]
        seen[g] = seen.get(g, 0) + 1
        el = "diops/financeiro/balancete/%s[%d]" % (g, seen[g])
        if el in drop:
            continue
        bal.append(dict(grupo=g, conta=code, saldo_inicial=canon(ini), debitos=canon(deb),
                        creditos=canon(cred), saldo_final=canon(final), element=el, line=where[el]))
    rem = None
    if d["remissao"] is not None:
        el = fin + "/modeloPadraoCapital/lancModeloPadraoCapital[1]"
        rem = {name: canon(v) for name, v in d["remissao"]}
        rem.update(element=el, line=where[el])
    cred = []
    for i, (op, campos) in enumerate(d["creditos"], 1):
        el = fin + "/creditosDebitosCRC/lancOperadoraCreditosDebitosCRC[%d]" % i
        if el in drop:
            continue
        cs = []
        for j, (n, v) in enumerate(campos, 1):
            cel = el + "/lancCreditosDebitosCRC[%d]" % j
            cs.append(dict(n=n, valor=canon(v), element=cel, line=where[cel]))
        cred.append(dict(operadora=op.zfill(6), campos=cs, element=el, line=where[el]))
    fundos = []
    for i, (n, v) in enumerate(d["fundos"], 1):
        el = fin + "/fundosInvestimentosCRC/lancFundosInvestimentosCRC[%d]" % i
        fundos.append(dict(n=n, valor=canon(v), element=el, line=where[el]))
    merc = []
    for i, (conta, valor, sinal, prazo, idx) in enumerate(d["mercado"], 1):
        el = fin + "/quadroRiscoMercado/lancQuadroRiscoMercado[%d]" % i
        if el in drop:
            continue
        merc.append(dict(conta=conta, valor=canon(valor), sinal=sinal, prazo=canon(Decimal(prazo)),
                         indexador=idx, element=el, line=where[el]))
    return dict(registro=registro, ano=int(d["ano"]), trimestre=trimestre, mes=mes,
                quarterly=trimestre > 0, balancete=bal, remissao=rem, creditos=cred,
                fundos=fundos, mercado=merc)


def finding(code, element, where, line=None):
    return dict(code=code, element=element, line=where[element] if line is None else line)


# --- the fixtures -------------------------------------------------------------

REMISSAO = [("contrapBenefRemissaoTemp", Decimal("1523400.17")),
            ("contrapBenefRemissaoVital", Decimal("387000.5")),
            ("benefRemissaoTemp", Decimal("42")),
            ("benefRemissaoVital", Decimal("7")),
            ("despBenefRemissaoTemp", Decimal("98211.03")),
            ("despBenefRemissaoVital", Decimal("15002"))]

CREDITOS = [("1234", [(2, Decimal("150000.00")), (3, Decimal("0.00")), (4, Decimal("2500.5")),
                      (5, Decimal("0")), (6, Decimal("300.25")), (7, Decimal("0")),
                      (8, Decimal("88000.00")), (9, Decimal("1200.40")), (10, Decimal("99.99"))]),
            ("345678", [(2, Decimal("9999999999999.99")), (8, Decimal("12.34"))])]

FUNDOS = [(1, Decimal("2500000.00")), (2, Decimal("50.00")), (3, Decimal("780000.10")),
          (4, Decimal("100.00")), (5, Decimal("3300.00"))]

MERCADO = [("12211", Decimal("1500000.00"), "P", "012", "PRE"),
           ("12212", Decimal("800000.55"), "P", "036", "IPCA"),
           ("2111", Decimal("950000.00"), "N", "003", "POS"),
           ("21311", Decimal("120000.00"), "N", "024", "IGPM"),
           ("12213", Decimal("45000.00"), "P", "000", "CAMBIAL")]

HEAD_NS = ('<diops xmlns="%s" xmlns:xsi="%s" '
           'xsi:schemaLocation="http://www.ans.gov.br/padroes/diops/2024/schemas/Diops2024.xsd">' % (NS, XSI))


def quarterly_text(d, name, encoding="ISO-8859-1", prefix="", nl="\n", tamper=None):
    t = Text(prefix, nl)
    t.out.append('<?xml version="1.0" encoding="%s"?>' % encoding)
    if prefix:
        t.out.append('<ans:diops xmlns:ans="%s">' % NS)
    else:
        t.out.append(HEAD_NS)
    t.depth = 1
    write_text(d, t)
    if encoding == "ISO-8859-1":
        t.open("responsavel")  # text in Latin-1, in an element capreg skips
        t.leaf("nome", "Jos\u00e9 Concei\u00e7\u00e3o, atu\u00e1rio")
        t.close("responsavel")
    t.depth = 0
    t.out.append("</%sdiops>" % prefix)
    if tamper:
        tamper(t.out)
    data = t.data("latin-1" if encoding == "ISO-8859-1" else "utf-8")
    with open(os.path.join(DIR, name), "wb") as f:
        f.write(data)
    return data


def main():
    exp = {}

    # d01: quarterly as ERP code writes it: default namespace, ISO-8859-1,
    # ADVPL numbers, trimestre AAAA00T, the four quadros inside financeiro.
    d = doc("005711", "2024", ("trimestre", "2024003"), balancete(1, True), REMISSAO,
            CREDITOS, FUNDOS, MERCADO, fmt=advpl)
    where = lines_of(quarterly_text(d, "d01_trimestral_erp.xml"))
    exp["d01_trimestral_erp.xml"] = dict(
        file=expected_file(d, where, 3, "2024-09", "005711"), findings=[])

    # d02: monthly written by xml.etree: no namespace, UTF-8, mes, a
    # registro to pad, an account given with conta and saldoFinal only.
    accts = balancete(2, False)
    accts[3] = (accts[3][0], None, None, None, accts[3][4])
    d = doc("5711", "2024", ("mes", "11"), accts)
    data = write_etree(d)
    with open(os.path.join(DIR, "d02_mensal_etree.xml"), "wb") as f:
        f.write(data)
    where = lines_of(data)
    exp["d02_mensal_etree.xml"] = dict(
        file=expected_file(d, where, 0, "2024-11", "005711"), findings=[])

    # d03: quarterly with a namespace prefix, CRLF lines, trimestre 4, the
    # quadros directly under the root, CAMPO4 of the funds empty, a remission
    # lançamento without the counts, a value in CDATA, comments.
    fundos = [(1, Decimal("120000")), (3, Decimal("64000.9")), (4, None)]
    d = doc("345678", "2023", ("trimestre", "4"), balancete(3, True), REMISSAO[:2] + REMISSAO[4:],
            CREDITOS[1:], fundos, MERCADO[:2], quadros_in_financeiro=False)

    def cdata(out):
        i = next(i for i, s in enumerate(out) if "<ans:vlValor>" in s)
        out[i] = out[i].replace("<ans:vlValor>", "<ans:vlValor><![CDATA[").replace("</ans:vlValor>", "]]></ans:vlValor>")
        out.insert(i, "      <!-- valor em <CDATA> -->")
        out.insert(3, "  <!-- gerado por make.py, coment\u00e1rio em UTF-8 -->")

    where = lines_of(quarterly_text(d, "d03_trimestral_prefixo.xml", encoding="UTF-8", prefix="ans:", nl="\r\n",
                                    tamper=cdata))
    exp["d03_trimestral_prefixo.xml"] = dict(
        file=expected_file(d, where, 4, "2023-12", "345678"), findings=[])

    # e01: a broken element: an unknown tpIndexador and tpSinal.
    merc = MERCADO[:2] + [("2111", Decimal("10"), "N", "004", "SELIC"), ("2112", Decimal("5"), "X", "001", "PRE")]
    d = doc("005711", "2024", ("trimestre", "2"), balancete(4, True), mercado=merc, fmt=advpl)
    where = lines_of(quarterly_text(d, "e01_elemento_quebrado.xml"))
    m = "diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado[%d]"
    exp["e01_elemento_quebrado.xml"] = dict(
        file=expected_file(d, where, 2, "2024-06", "005711", drop={m % 3, m % 4}),
        findings=[finding("CR-E062", m % 3 + "/tpIndexador", where), finding("CR-E062", m % 4 + "/tpSinal", where)])

    # e02: numbers that are not decimals with a point: a pt-BR saldoFinal, a
    # valor of letters.
    accts = balancete(5, True)
    accts[2] = (accts[2][0], accts[2][1], accts[2][2], accts[2][3], "1.234,56")
    cred = [CREDITOS[1], ("2222", [(2, Decimal("10")), (3, "abc")])]
    d = doc("005711", "2024", ("trimestre", "1"), accts, creditos=cred, fmt=advpl)
    where = lines_of(quarterly_text(d, "e02_valor_nao_numerico.xml"))
    a3 = "diops/financeiro/balancete/ativo[3]"
    op2 = "diops/financeiro/creditosDebitosCRC/lancOperadoraCreditosDebitosCRC[2]"
    exp["e02_valor_nao_numerico.xml"] = dict(
        file=expected_file(d, where, 1, "2024-03", "005711", drop={a3, op2}),
        findings=[finding("CR-E062", a3 + "/saldoFinal", where),
                  finding("CR-E062", op2 + "/lancCreditosDebitosCRC[2]/valor", where)])

    # e03: malformed XML: an end tag misspelt.
    d = doc("005711", "2024", ("trimestre", "1"), balancete(6, True), fmt=advpl)
    bad = {}

    def misspell(out):
        for i, s in enumerate(out):
            if "</saldoFinal>" in s and i > 30:
                out[i] = s.replace("</saldoFinal>", "</saldoFinl>")
                bad["line"] = i + 1
                return

    quarterly_text(d, "e03_xml_malformado.xml", tamper=misspell)
    exp["e03_xml_malformado.xml"] = dict(file=None, findings=[dict(code="CR-E060", element="", line=bad["line"])])

    # e04: identificacao without registro.
    d = doc(None, "2024", ("trimestre", "3"), balancete(7, True), fmt=advpl)
    where = lines_of(quarterly_text(d, "e04_sem_registro.xml"))
    exp["e04_sem_registro.xml"] = dict(
        file=expected_file(d, where, 3, "2024-09", ""),
        findings=[finding("CR-E061", "diops/identificacao", where)])

    # e05: an account twice in the balancete.
    accts = balancete(8, True)
    accts.insert(20, accts[19])  # 231 twice
    d = doc("005711", "2024", ("trimestre", "3"), accts, fmt=advpl)
    where = lines_of(quarterly_text(d, "e05_conta_duplicada.xml"))
    dup = "diops/financeiro/balancete/passivo[8]"
    exp["e05_conta_duplicada.xml"] = dict(
        file=expected_file(d, where, 3, "2024-09", "005711", drop={dup}),
        findings=[finding("CR-E064", dup, where)])

    # e06: a trimestre of 5.
    d = doc("005711", "2024", ("trimestre", "5"), balancete(9, True), fmt=advpl)
    where = lines_of(quarterly_text(d, "e06_trimestre_5.xml"))
    exp["e06_trimestre_5.xml"] = dict(
        file=expected_file(d, where, 0, "", "005711"),
        findings=[finding("CR-E061", "diops/identificacao/trimestre", where)])

    with open(os.path.join(DIR, "expected.json"), "w") as f:
        json.dump(exp, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

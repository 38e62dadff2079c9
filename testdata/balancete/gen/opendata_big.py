#!/usr/bin/python3
"""Writes a large ANS open-data quarter for benchmarks (NOT committed: generate on demand).

  /usr/bin/python3 testdata/balancete/gen/opendata_big.py OUT.csv [--operators 1000]
        [--rows-per-operator 2000] [--seed 1]

Layout as ../opendata/3T2025.csv: header DATA;REG_ANS;CD_CONTA_CONTABIL;DESCRICAO;
VL_SALDO_INICIAL;VL_SALDO_FINAL, every field quoted, ';', decimal comma, Latin-1, DATA
2025-07-01, every hierarchy level (each parent row = the sum of the rows under it).
Defaults: 1,000 operators x about 2,000 rows = about 2,000,000 rows (about 165 MB).

The operator 412345 of the fixtures sits in the middle of the file with exactly its rows of
../opendata/3T2025.csv, so `capreg import --balancete OUT.csv --registro 412345` must give
the balance fields of expected.json's case quarterly_3t2025_alone. The other operators are
random (registros from 100000 up, skipping 412345), their leaf values random; they are not
balanced and not meant to be read, only skipped.
Deterministic for a given seed and size. Takes about 5 seconds on one core.
"""
import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(os.path.dirname(HERE), "opendata", "3T2025.csv")
DATA = "2025-07-01"
LEVELS = (1, 2, 3, 4, 5, 6, 8)


def fixture_rows():
    """The fixture operator's lines, as bytes of Latin-1 text, and its codes with names."""
    lines, names = [], {}
    with open(FIXTURE, encoding="latin-1", newline="") as f:
        next(f)
        for ln in f:
            parts = ln.split('";"')
            if parts[1] == "412345":
                lines.append(ln if ln.endswith("\r\n") else ln.rstrip("\n") + "\r\n")
            names[parts[2]] = parts[3]
    return lines, names


def template(names, leaves_wanted):
    """About leaves_wanted 9-digit leaves under the fixture's 4-digit accounts."""
    contas = sorted({c[:4] for c in names if len(c) >= 4})
    leaves = []
    k = 0
    while len(leaves) < leaves_wanted:
        conta = contas[k % len(contas)]
        n = k // len(contas)
        # conta + subconta digit + 1º desdobramento + 2 digits + 1 item digit
        leaves.append("%s%d%d%02d%d" % (conta, 1 + n % 2, 1 + (n // 2) % 2, 1 + (n // 4) % 8, 1 + (n // 32) % 9))
        k += 1
    leaves = sorted(set(leaves))
    parents = sorted({c[:n] for c in leaves for n in LEVELS if n < len(c)})
    return leaves, parents


def br(c):
    s = "-" if c < 0 else ""
    u, d = divmod(abs(c), 100)
    return "%s%d,%02d" % (s, u, d)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--operators", type=int, default=1000)
    ap.add_argument("--rows-per-operator", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    fix_lines, names = fixture_rows()
    # leaves + parents = rows: about 1 parent row for every 2 leaves at this density
    leaves, parents = template(names, int(a.rows_per_operator * 0.66))
    while len(leaves) + len(parents) > a.rows_per_operator and len(leaves) > 10:
        leaves, parents = template(names, len(leaves) - 20)
    codes = sorted(set(leaves) | set(parents))
    index = {c: i for i, c in enumerate(codes)}
    leaf_ix = [index[c] for c in leaves]
    up = [[index[c[:n]] for n in LEVELS if n < len(c)] for c in leaves]
    prefix = ['";"%s";"%s";"' % (c, names.get(c, "Conta Analítica %s" % c)) for c in codes]
    regs = [r for r in range(100000, 100000 + 7 * a.operators + 7, 7) if r != 412345][:a.operators]
    middle = a.operators // 2
    rows = 0
    with open(a.out, "w", encoding="latin-1", newline="") as f:
        f.write('"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_INICIAL";"VL_SALDO_FINAL"\r\n')
        for k, reg in enumerate(regs):
            if k == middle:
                f.writelines(fix_lines)
                rows += len(fix_lines)
            scale = int(10 ** rnd.uniform(4, 8))
            fin = [0] * len(codes)
            ini = [0] * len(codes)
            for li, ups in zip(leaf_ix, up):
                v = rnd.randint(-scale // 20, scale)
                w = v + rnd.randint(-scale // 10, scale // 10)
                fin[li] = v
                ini[li] = w
                for p in ups:
                    fin[p] += v
                    ini[p] += w
            head = '"%s";"%06d' % (DATA, reg)
            f.write("".join('%s%s%s";"%s"\r\n' % (head, prefix[i], br(ini[i]), br(fin[i]))
                            for i in range(len(codes))))
            rows += len(codes)
    print("%s: %d rows, %d operators + 412345, %d bytes" % (a.out, rows, len(regs), os.path.getsize(a.out)))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Collection sheets written by openpyxl, an independent writer: shared
strings for text, floats for numbers, formulas without cached values.

Run from the module root with Debian's python3-openpyxl, after
`go run ./testdata/coleta/gen` (it takes the field names from
coleta-valida.xlsx and merges its entries into expected.json):

    /usr/bin/python3 testdata/coleta/gen/make_openpyxl.py
"""
import datetime
import json
import os

import openpyxl

DIR = "testdata/coleta"

# An APS-only operator registered in 2018-06: rows 2018-06..2019-03, APS
# homologated 2019-01 (row 10). Fields by column letter.
APS_FIELDS = {7: "G", 10: "J", 13: "M", 16: "P", 19: "S", 21: "U"}
EVERY_MONTH = {5: "E", 8: "H", 14: "N", 17: "Q", 20: "T"}


def base():
    src = openpyxl.load_workbook(os.path.join(DIR, "coleta-valida.xlsx"))["Coleta"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Coleta"
    for col in range(1, 22):
        ws.cell(row=1, column=col, value=col)
        ws.cell(row=2, column=col, value=src.cell(row=2, column=col).value)
    month = datetime.date(2018, 6, 1)
    for i in range(10):
        row = 3 + i
        mm = (month.month - 1 + i) % 12 + 1
        yyyy = month.year + (month.month - 1 + i) // 12
        ws.cell(row=row, column=1, value="005711")
        ws.cell(row=row, column=2, value="%02d%04d" % (mm, yyyy))
        ws.cell(row=row, column=4, value="012019")
        aps_on = (yyyy, mm) >= (2019, 1)
        for num, col in EVERY_MONTH.items():
            if num == 5:
                ws[f"{col}{row}"] = 30000 + 11 * i
            elif num == 8:  # 3+2
                ws[f"{col}{row}"] = 75 + i / 4
            else:  # 3+4
                ws[f"{col}{row}"] = round(0.5 + num / 100 + i / 1000, 4)
        if aps_on:
            for num, col in APS_FIELDS.items():
                ws[f"{col}{row}"] = 2500 + i if num == 7 else round(1.25 + i / 100, 2)
        if (yyyy, mm) == (2019, 1):
            ws[f"L{row}"] = 15230.45
    return wb


def main():
    exp_path = os.path.join(DIR, "expected.json")
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)

    wb = base()
    wb.save(os.path.join(DIR, "c39_openpyxl_valida_so_aps.xlsx"))
    exp["c39_openpyxl_valida_so_aps.xlsx"] = {"exit": 0, "findings": [
        {"code": "CR-W031", "sheet": "Coleta", "cell": "B3", "what": "registered 2018-06: starts after 2018-01"}]}

    # openpyxl stores a formula without its value: the field is missing.
    wb = base()
    wb["Coleta"]["G12"] = "=E12*0.1"
    wb.save(os.path.join(DIR, "c40_openpyxl_formula_sem_valor.xlsx"))
    exp["c40_openpyxl_formula_sem_valor.xlsx"] = {"exit": 2, "findings": [
        {"code": "CR-W031", "sheet": "Coleta", "cell": "B3", "what": "starts after 2018-01"},
        {"code": "CR-E010", "sheet": "Coleta", "cell": "G12", "what": "a formula openpyxl wrote without value"}]}

    with open(exp_path, "w", encoding="utf-8") as f:
        json.dump(exp, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote 2 openpyxl sheets to", DIR)


if __name__ == "__main__":
    main()

// Writes a workbook with SheetJS (the npm package xlsx) from the JSON spec
// make_realfiles.py gives it: {"sheets": [{"name", "rows": [[cell|null]]}],
// "date1904": bool}, each cell a SheetJS cell object ({t: "s"|"n"|"b", v, z}).
// Dates arrive as serials of the workbook's date system, formatted yyyy-mm-dd,
// as Excel stores a typed date.
//
//   node sheetjs.js SPEC.json OUT.xlsx
"use strict";
const fs = require("fs");
const XLSX = require("xlsx");

const [specPath, out] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, "utf8"));
const wb = XLSX.utils.book_new();
for (const sh of spec.sheets) {
  const ws = {};
  let maxR = 0, maxC = 0;
  sh.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell === null) return;
    ws[XLSX.utils.encode_cell({ r, c })] = cell;
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }));
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  XLSX.utils.book_append_sheet(wb, ws, sh.name);
}
if (spec.date1904) {
  wb.Workbook = { WBProps: { date1904: true } };
}
XLSX.writeFile(wb, out, { bookType: "xlsx", compression: true });

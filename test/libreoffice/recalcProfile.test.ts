/**
 * Proves the harness: LibreOffice replaces deliberately wrong cached results with its own, and
 * workbook names, dates and error values come back through the reader as the core expects.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { describeWithSoffice, recalculate } from "./soffice";

describeWithSoffice("LibreOffice recalculation profile", (soffice) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-proof-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("recalculates every formula on load instead of trusting cached results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Proof");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = new Date(Date.UTC(2028, 1, 29));
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    wb.definedNames.add("Proof!$A$1", "JP_Two");
    ws.getCell("B1").value = { formula: "A1*21", result: 999 };
    ws.getCell("B2").value = { formula: 'IF(JP_Two>1,"Red","Green")', result: "Green" };
    ws.getCell("B3").value = { formula: "A2+1", result: 0 };
    ws.getCell("B3").numFmt = "yyyy-mm-dd";
    ws.getCell("B4").value = { formula: "1/0", result: 0 };
    ws.getCell("B5").value = { formula: 'ISNUMBER(A2)', result: false };
    const file = path.join(dir, "proof.xlsx");
    await wb.xlsx.writeFile(file);

    const [out] = recalculate(soffice, [file], path.join(dir, "out"));
    const [grid] = await readXlsx(out);
    const v = grid.values;
    expect(v[0][1]).toBe(42);
    expect(v[1][1]).toBe("Red");
    // 2028-02-29 is serial 46812; the day after is 46813.
    expect(v[1][0]).toBe(46812);
    expect(v[2][1]).toBe(46813);
    expect(v[3][1]).toEqual({ error: "#DIV/0!" });
    expect(v[4][1]).toBe(true);
  });
});

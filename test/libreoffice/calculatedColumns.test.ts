/**
 * Calculated columns and cached values of the files `jointplan new` writes, in LibreOffice 7.4.
 * What LibreOffice does, found by this test: it opens the file and recalculates every RAG cell,
 * and the colours it computes are the cached values the file already carries; but it ignores
 * <calculatedColumnFormula>: a row added inside the table (its range grown) or typed just below
 * it gets no RAG formula, and saving the file writes the table without the calculated column.
 * Only Excel gives new rows the formula; the package holds it for Excel.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { calculatedColumnsIn } from "../../src/xlsx/calculatedColumns";
import { JAP, JBP } from "../../src/plan/layouts";
import { cellA1 } from "../../src/plan/model";

const JAP_HELPER_COLUMNS = JAP.columns.filter((c) => c.key.startsWith("calc"));
import { readWorkbookFile, readXlsx } from "../../src/xlsx/readXlsx";
import { sampleFile } from "../xlsx/fixtures";
import { editPackage, inlineCell, packageParts, sheetPartName } from "../xlsx/rawPackage";
import { describeWithSoffice, recalculate } from "./soffice";

const tablesOf = (parts: Record<string, string>) => calculatedColumnsIn(Object.entries(parts).filter(([n]) => n.startsWith("xl/tables/")).map(([, x]) => x));

/** A new action in row 28 (1-based), the first row below the sample's JAP table (A7:W27). */
const newRow =
  `<row r="28">${inlineCell("A28", "A-99")}${inlineCell("B28", "New action")}${inlineCell("C28", "Carlos Rojas")}<c r="D28"><v>46090</v></c>` +
  `${inlineCell("E28", "In progress")}${inlineCell("K28", "Distributor")}<c r="L28"><v>46082</v></c></row>`;

describeWithSoffice("calculated columns and cached values in LibreOffice", (soffice) => {
  let dir: string;
  const at = (name: string): string => path.join(dir, name);
  let parts: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-calc-"));
    const base = await sampleFile();
    parts = await packageParts(base);
    const sheet = sheetPartName(parts, "JAP");
    const table = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && parts[n].includes('name="JP_Actions"'))!;
    writeFileSync(at("sample.xlsx"), base);
    writeFileSync(at("below.xlsx"), await editPackage(base, { [sheet]: (x) => x!.replace("</sheetData>", `${newRow}</sheetData>`) }));
    writeFileSync(
      at("inside.xlsx"),
      await editPackage(base, { [sheet]: (x) => x!.replace("</sheetData>", `${newRow}</sheetData>`), [table]: (x) => x!.replace(/ref="A7:([A-Z]+)27"/g, 'ref="A7:$128"') }),
    );
    recalculate(soffice, [at("sample.xlsx"), at("below.xlsx"), at("inside.xlsx")], at("lo"));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the package has the RAG, its reason and its helper columns as calculated columns", () => {
    expect(Object.keys(tablesOf(parts).JP_Actions)).toEqual(["RAG", "RAG reason", ...JAP_HELPER_COLUMNS.map((c) => c.header)]);
    expect(tablesOf(parts).JP_Actions["calc: in use"]).toMatch(/^LEN\(TRIM\(\$A8&\$B8&/);
  });

  it("computes the values every formula cell of the JAP and JBP carries as its cached value", async () => {
    const ours = await readXlsx(at("sample.xlsx"));
    const lo = await readXlsx(at("lo/sample.xlsx"));
    for (const sheet of ["JAP", "JBP"]) {
      const mine = ours.find((g) => g.name === sheet)!;
      const theirs = lo.find((g) => g.name === sheet)!;
      const headerRow = mine.values.findIndex((r) => r[0] === "ID");
      const formulaCols = (sheet === "JAP" ? JAP : JBP).columns.filter((c) => c.owner === "formula").map((c) => mine.values[headerRow].indexOf(c.header));
      expect(formulaCols.every((c) => c >= 0)).toBe(true);
      const diffs: string[] = [];
      let filled = 0;
      for (let row = headerRow + 1; row < mine.values.length; row++) {
        for (const col of formulaCols) {
          const a = mine.values[row][col];
          const b = theirs.values[row]?.[col] ?? null;
          if (a !== null) filled++;
          const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : JSON.stringify(a ?? "") === JSON.stringify(b ?? "");
          if (!same) diffs.push(`${sheet} ${cellA1(row, col)}: cached ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
        }
      }
      expect(diffs).toEqual([]);
      expect(filled).toBeGreaterThan(40);
    }
    expect((await readWorkbookFile(at("sample.xlsx"))).uncalculated.filter((c) => c.sheet === "JAP" || c.sheet === "JBP")).toEqual([]);
  });

  it("gives a row added to the table, or typed below it, no RAG formula, and drops the calculated column on save", async () => {
    for (const name of ["below", "inside"]) {
      const lo = await packageParts(await (await import("fs")).promises.readFile(at(`lo/${name}.xlsx`)));
      const jap = lo[sheetPartName(lo, "JAP")];
      expect(jap).toMatch(/<c r="A28"/);
      expect(jap).toMatch(/<c r="F27"[^>]*><f[^>]*>IF/);
      expect(jap).not.toMatch(/<c r="F28"/);
      expect(tablesOf(lo)).toEqual({});
    }
  });
});

/**
 * Conditional-format priority (issue 12, item 6). Excel's ConditionalFormatCollection.add puts each
 * new format at the top priority (Excel JavaScript API reference: "Adds a new conditional format to
 * the collection at the first/top priority"; the simulated workbook does the same), while the .xlsx
 * writer numbers a sheet's formats in the spec's order (priority 1 first). Before, the add-in added
 * them in the spec's order too, so its priorities were the file's reversed: the soft "issue" fill
 * outranked the live-rule fills in the add-in and not in files. Both writers now give every cell
 * the same top rule; compared here cell by cell on the sample JAP, the file read back with ExcelJS.
 */
import { Batcher } from "../../src/excel/batches";
import { namesFirst } from "../../src/excel/insertBatch";
import { queueSheetSpec } from "../../src/excel/writeSheetSpec";
import { firstDataRow, parseRangeA1, tableRange } from "../../src/plan/model";
import { samplePlan } from "../../src/plan/sample";
import type { SheetSpec } from "../../src/plan/sheets";
import { rosterEntries } from "../../src/plan/sheets";
import { newWorkbook } from "../../src/plan/workbook";
import { DEFAULT_SETTINGS } from "../../src/plan/model";
import { fileFormula } from "../../src/xlsx/fileFormula";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { useSim } from "./support/sim";

interface Rule {
  ref: string;
  formula: string;
  fill: string;
}

const covers = (ref: string, row: number, col: number): boolean =>
  ref.split(" ").some((a) => {
    const r = parseRangeA1(a);
    return !!r && row >= r.row && row <= r.lastRow && col >= r.col && col <= r.lastCol;
  });

/** The top rule (first in priority order) of every cell of the spec's table that has any. */
function topRules(rules: Rule[], spec: SheetSpec): Map<string, Rule> {
  const t = spec.tables[0];
  const r = parseRangeA1(tableRange(t.position))!;
  const out = new Map<string, Rule>();
  for (let row = firstDataRow(t.position); row <= t.position.lastRow; row++) {
    for (let col = r.col; col <= r.lastCol; col++) {
      const top = rules.find((x) => covers(x.ref, row, col));
      if (top) out.set(`${row},${col}`, top);
    }
  }
  return out;
}

describe("conditional-format priority: the add-in and the .xlsx file agree", () => {
  const sim = useSim();

  it("gives every cell of the sample JAP the same top rule in both writers", async () => {
    const sample = samplePlan(46099);
    const { specs } = newWorkbook({ settings: DEFAULT_SETTINGS, roster: rosterEntries(sample.roster), jbp: sample.jbp, jap: sample.jap });
    const jap = specs.find((s) => s.kind === "jap")!;
    expect(new Set(jap.conditionalFormats.map((c) => c.ruleId)).size).toBeGreaterThan(10);

    // The file, read back as Excel would: rules in priority order.
    const { bytes } = await writeXlsx(specs);
    // Through the lossless loader: ExcelJS alone cannot read the calculated columns we write.
    const file = await loadWorkbook(bytes);
    const ws = file.getWorksheet(jap.sheetName)!;
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { priority: number; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    const fileRules = cfs
      .flatMap((cf) => cf.rules.map((rule) => ({ priority: rule.priority, ref: cf.ref, formula: rule.formulae[0], fill: `#${rule.style.fill.bgColor.argb.slice(2)}` })))
      .sort((a, b) => a.priority - b.priority);

    // The add-in: the same sheets written by the Excel layer into the simulated workbook.
    await Excel.run(async (context) => {
      const batcher = new Batcher(context);
      for (const spec of namesFirst(specs.filter((s) => s.kind !== "summary"))) await queueSheetSpec(context, context.workbook.worksheets.add(spec.sheetName), spec, batcher);
      await context.sync();
    });
    const addinRules = sim()
      .conditionalFormats(jap.sheetName)
      .map((cf) => ({ ref: cf.addresses.join(" "), formula: fileFormula(String(cf.rule.formula)), fill: String(cf.format.fill) }));

    const inFile = topRules(fileRules, jap);
    const inAddin = topRules(addinRules, jap);
    expect(inAddin.size).toBe(inFile.size);
    const differ = [...inFile].filter(([cell, rule]) => inAddin.get(cell)?.formula !== rule.formula || inAddin.get(cell)?.fill !== rule.fill);
    expect(differ).toEqual([]);
    // And the whole order matches, not only the top of each cell.
    expect(addinRules.map((r) => [r.ref, r.formula])).toEqual(fileRules.map((r) => [r.ref, r.formula]));
  });
});

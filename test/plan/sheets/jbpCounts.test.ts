import { parseRangeA1, type TablePosition, tableRange } from "../../../src/plan/model";
import { JBP_COUNT_KEYS, jbpCountWrites, jbpFormulaRefresh, jbpFormulaRefreshAll, normalFormula, type FormulaWrite, type JbpCountKey } from "../../../src/plan/sheets/jbpCounts";
import { columnIndex, JAP, JBP } from "../../../src/plan/layouts";
import { readPlan } from "../../../src/plan/read";
import { samplePlan } from "../../../src/plan/sample";
import type { SheetSpec } from "../../../src/plan/sheets/sheetSpec";
import { japSheetSpec, jbpSheetSpec, linkedJbpAndJap, PlanNames, specGrid, specTablePosition } from "../../../src/plan/sheets/planSheets";

const planned = (): { jbp: TablePosition; japA: TablePosition; japB: TablePosition; names: PlanNames } => {
  const names = new PlanNames();
  const japA = specTablePosition(japSheetSpec(names, { distributor: "Andes", month: 46082, link: null }));
  const japB = specTablePosition(japSheetSpec(names, { distributor: "Andes", month: 46113, actions: Array.from({ length: 30 }, (_, i) => ({ id: `A${i}` })), link: null }));
  const jbp = specTablePosition(jbpSheetSpec(names, { header: {}, year: 2026 }));
  return { jbp, japA, japB, names };
};

/** The formulas of the writes, by column key, as Excel would return them for the current state. */
const current = (writes: FormulaWrite[]): Record<string, string[]> => Object.fromEntries(writes.map((w) => [w.key, w.formulas.map((r) => r[0])]));

describe("jbpCountWrites", () => {
  it("writes what a JBP written over the same JAP tables holds, cell for cell", () => {
    const { japA, japB } = planned();
    const names = new PlanNames(["JAP 2026-03", "JAP 2026-04"]);
    const spec = jbpSheetSpec(names, { header: {}, year: 2026, japTables: [japA, japB] });
    const writes = jbpCountWrites(specTablePosition(spec), [japA, japB]);
    expect(writes.map((w) => w.key)).toEqual([...JBP_COUNT_KEYS]);
    for (const w of writes) {
      const r = parseRangeA1(w.address)!;
      expect(r.col).toBe(columnIndex(JBP, w.key));
      const block = spec.blocks.find((b) => {
        const br = parseRangeA1(b.address)!;
        return b.formulas && br.col <= r.col && r.col <= br.lastCol && br.row === r.row;
      })!;
      const col = r.col - parseRangeA1(block.address)!.col;
      expect(w.formulas.map((row) => row[0])).toEqual(block.formulas!.map((row) => row[col]));
    }
    expect(writes[0].formulas[0][0]).toContain("'JAP 2026-04'!$F$8:$F$37");
  });

  it("counts by the JBP's own ID column wherever it stands, and leaves out columns it lacks", () => {
    const { japA } = planned();
    const jbp: TablePosition = { sheet: "Plan", headerRow: 3, lastRow: 6, columns: { id: 3, actionsGreen: 0 } };
    const writes = jbpCountWrites(jbp, [japA]);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ sheetName: "Plan", key: "actionsGreen", address: "A5:A7" });
    expect(writes[0].formulas[2][0]).toBe(`=IF(LEN(TRIM($D7))>0,COUNTIFS('JAP 2026-03'!$I$8:$I$27,$D7,'JAP 2026-03'!$F$8:$F$27,"Green"),0)`);
  });

  it("writes nothing for a JBP without an ID column, and skips a JAP table without RAG or objective column", () => {
    const { jbp, japA } = planned();
    expect(jbpCountWrites({ ...jbp, columns: { actionsRed: 19 } }, [japA])).toEqual([]);
    const noRag: TablePosition = { ...japA, sheet: "Old JAP", columns: { objectiveId: 1 } };
    const f = jbpCountWrites(jbp, [noRag, japA])[0].formulas[0][0];
    expect(f).not.toContain("Old JAP");
    expect(f).toContain("'JAP 2026-03'!");
    // No JAP table at all: the counts are 0.
    expect(jbpCountWrites(jbp, [])[0].formulas[0][0]).toBe("=IF(LEN(TRIM($A11))>0,0,0)");
  });
});

describe("jbpFormulaRefresh", () => {
  it("writes nothing when the JBP already counts the tables there are, whatever Excel did to quotes and case", () => {
    const { jbp, japA, japB } = planned();
    const now = current(jbpCountWrites(jbp, [japA, japB]));
    expect(jbpFormulaRefresh(jbp, [japA, japB], now)).toEqual([]);
    const asExcelShows = Object.fromEntries(Object.entries(now).map(([k, fs]) => [k, fs.map((f) => f.replace(/'JAP 2026-03'/g, "'jap 2026-03'").toLowerCase().replace(/"red"/g, '"Red"').replace(/"amber"/g, '"Amber"').replace(/"green"/g, '"Green"'))]));
    expect(jbpFormulaRefresh(jbp, [japA, japB], asExcelShows)).toEqual([]);
  });

  it("rewrites the counts over every JAP table when one was added", () => {
    const { jbp, japA, japB } = planned();
    const writes = jbpFormulaRefresh(jbp, [japA, japB], current(jbpCountWrites(jbp, [japA])));
    expect(writes.map((w) => w.key)).toEqual([...JBP_COUNT_KEYS]);
    expect(writes[1].formulas[0][0]).toContain("'JAP 2026-04'!$I$8:$I$37");
    expect(writes[1].address).toBe("J11:J18");
  });

  it("replaces the #REF! a deleted JAP sheet left, counting over the tables that remain", () => {
    const { jbp, japA, japB } = planned();
    const stale = current(jbpCountWrites(jbp, [japA, japB]));
    const broken = Object.fromEntries(Object.entries(stale).map(([k, fs]) => [k, fs.map((f) => f.replace(/'JAP 2026-04'!\$[A-Z]\$8:\$[A-Z]\$37/g, "#REF!"))]));
    const writes = jbpFormulaRefresh(jbp, [japA], broken);
    expect(writes).toHaveLength(3);
    for (const w of writes) for (const [f] of w.formulas) expect(f).not.toMatch(/#REF!|JAP 2026-04/);
  });

  it("rewrites when a JAP table grew, when a row was added to the JBP, and when a column was never read", () => {
    const { jbp, japA } = planned();
    const now = current(jbpCountWrites(jbp, [japA]));
    expect(jbpFormulaRefresh(jbp, [{ ...japA, lastRow: japA.lastRow + 5 }], now)).toHaveLength(3);
    const longer = { ...jbp, lastRow: jbp.lastRow + 1 };
    expect(jbpFormulaRefresh(longer, [japA], now)).toHaveLength(3);
    const { actionsRed: _red, ...rest } = now;
    expect(jbpFormulaRefresh(jbp, [japA], rest).map((w) => w.key)).toEqual(["actionsRed"]);
  });

  it("leaves a constant someone typed in a count cell, rewriting the stale formulas around it", () => {
    const { jbp, japA, japB } = planned();
    const stale = current(jbpCountWrites(jbp, [japA]));
    const typed = { ...stale, actionsAmber: stale.actionsAmber.map((f, i) => (i === 2 ? 4 : f)) };
    const writes = jbpFormulaRefresh(jbp, [japA, japB], typed);
    expect(writes.filter((w) => w.key === "actionsAmber").map((w) => w.address)).toEqual(["J11:J12", "J14:J18"]);
    expect(writes.find((w) => w.address === "J14:J18")!.formulas[0][0]).toContain("$A14,'JAP 2026-04'!");
    // A blank cell (a row the JBP grew into) is written; a cell that is already right is not.
    const fresh = current(jbpCountWrites(jbp, [japA]));
    const blank = { ...fresh, actionsRed: fresh.actionsRed.map((f, i) => (i === 7 ? "" : f)) };
    expect(jbpFormulaRefresh(jbp, [japA], blank).map((w) => w.address)).toEqual(["I18"]);
  });
});

describe("normalFormula", () => {
  it("ignores sheet quotes and reference case, never the text of a string literal", () => {
    expect(normalFormula(`=COUNTIFS('JAP'!$t$8:$t$9,"Red")`)).toBe(normalFormula(`=countifs(JAP!$T$8:$T$9,"Red")`));
    expect(normalFormula(`=COUNTIFS(JAP!$T$8:$T$9,"Red")`)).not.toBe(normalFormula(`=COUNTIFS(JAP!$T$8:$T$9,"red")`));
    expect(normalFormula(`=IF(A1="It's ""x""",1,0)`)).toBe(`=IF(A1="It's ""x""",1,0)`);
    expect(normalFormula(null)).toBe("");
  });
});

describe("specTablePosition", () => {
  it("is where the spec's table stands, columns by key", () => {
    const { japA, jbp } = planned();
    expect(japA).toMatchObject({ sheet: "JAP 2026-03", headerRow: 6, lastRow: 26 });
    expect(japA.columns.rag).toBe(columnIndex(JAP, "rag"));
    expect(jbp).toMatchObject({ sheet: "JBP 2026", headerRow: 9, lastRow: 17 });
  });
});

describe("jbpFormulaRefreshAll (what Check plan would call)", () => {
  const sample = samplePlan();
  const built = linkedJbpAndJap(new PlanNames(), sample);
  const plan = readPlan([specGrid(built.jbp), specGrid(built.jap)]);
  const tables = [built.jbp, built.jap].map((s) => ({ name: s.tables[0].name, sheet: s.sheetName, headers: s.tables[0].headers, address: `'${s.sheetName}'!${tableRange(s.tables[0].position)}` }));
  /** The count formulas a spec wrote, by key, as Excel would return them. */
  const written = (spec: SheetSpec): Partial<Record<JbpCountKey, string[]>> => {
    const out: Partial<Record<JbpCountKey, string[]>> = {};
    for (const key of JBP_COUNT_KEYS) {
      const col = columnIndex(JBP, key);
      const block = spec.blocks.find((b) => b.formulas && parseRangeA1(b.address)!.col <= col && col <= parseRangeA1(b.address)!.lastCol)!;
      out[key] = block.formulas!.map((row) => row[col - parseRangeA1(block.address)!.col]);
    }
    return out;
  };

  it("writes nothing over a plan as the add-in wrote it, blank template rows included", () => {
    expect(plan.jbps[0].position.lastRow).toBeLessThan(built.jbp.tables[0].position.lastRow);
    expect(jbpFormulaRefreshAll(plan, tables, () => written(built.jbp))).toEqual([]);
  });

  it("rewrites the JBP's counts once a second JAP stands in the workbook", () => {
    const other = japSheetSpec(new PlanNames([built.jbp.sheetName, built.jap.sheetName], [built.jbp.tables[0].name, built.jap.tables[0].name]), { distributor: "Andes", month: 46113, actions: [{ id: "X1", action: "Extra" }], link: null });
    const plan2 = readPlan([specGrid(built.jbp), specGrid(built.jap), specGrid(other)]);
    expect(plan2.japs).toHaveLength(2);
    const tables2 = [...tables, { name: other.tables[0].name, sheet: other.sheetName, headers: other.tables[0].headers, address: `'${other.sheetName}'!${tableRange(other.tables[0].position)}` }];
    const writes = jbpFormulaRefreshAll(plan2, tables2, () => written(built.jbp));
    expect(writes.map((w) => w.key)).toEqual([...JBP_COUNT_KEYS]);
    expect(writes[0].sheetName).toBe(built.jbp.sheetName);
    // Each JAP table by structured reference: the counts follow the tables as they grow (issue 11).
    expect(other.tables[0].name).not.toBe(built.jap.tables[0].name);
    expect(writes[0].formulas[0][0]).toContain(`COUNTIFS(${other.tables[0].name}[JBP objective],$A11,${other.tables[0].name}[RAG],"Red")`);
    expect(writes[0].formulas[0][0]).toContain(`${built.jap.tables[0].name}[RAG]`);
    expect(writes[0].formulas[0][0]).not.toContain("!$F$");
  });
});

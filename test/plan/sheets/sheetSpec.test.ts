import { DEFAULT_SETTINGS, parseCellA1, parseRangeA1, tableRange } from "../../../src/plan/model";
import { specGrid } from "../../../src/plan/sheets/planSheets";
import { JAP, JBP, ROSTER, SETTINGS, SETTINGS_ROWS, tableHeaderRow, TEXT_FORMAT } from "../../../src/plan/layouts";
import { samplePlan } from "../../../src/plan/sample";
import { buildTableSheetSpec, columnDataRef, RAG_COLOURS, type SheetSpec } from "../../../src/plan/sheets/sheetSpec";
import { buildRosterSheetSpec, buildSettingsSheetSpec } from "../../../src/plan/sheets/supportSheetSpecs";

const shapeOf = (address: string) => {
  const r = parseRangeA1(address)!;
  return [r.lastRow - r.row + 1, r.lastCol - r.col + 1];
};

function expectWellFormed(spec: SheetSpec): void {
  for (const b of spec.blocks) {
    const data = b.values ?? b.formulas!;
    expect(Boolean(b.values) !== Boolean(b.formulas)).toBe(true);
    expect({ address: b.address, shape: [data.length, data[0].length] }).toEqual({ address: b.address, shape: shapeOf(b.address) });
    for (const row of b.formulas ?? []) for (const f of row) expect(f.startsWith("=")).toBe(true);
  }
}

describe("buildTableSheetSpec", () => {
  const sample = samplePlan();
  const spec = buildTableSheetSpec(JAP, { sheetName: "JAP 2026-03", tableName: "JP_Actions", header: sample.jap.header, rows: sample.jap.actions, minRows: 25 });

  it("places the table under the header block, with at least minRows rows", () => {
    const headerRow = tableHeaderRow(JAP);
    expect(spec.tables).toEqual([
      expect.objectContaining({ name: "JP_Actions", position: { sheet: "JAP 2026-03", headerRow, lastRow: headerRow + 25, columns: Object.fromEntries(JAP.columns.map((c, i) => [c.key, i])) } }),
    ]);
    expect(tableRange(spec.tables[0].position)).toBe("A7:AI32");
    expect(spec.freezeRows).toBe(headerRow + 1);
    expectWellFormed(spec);
  });

  it("never puts user text in a formula block, and formats text cells as text first", () => {
    const formulaCells = spec.blocks.flatMap((b) => (b.formulas ? b.formulas.flat() : []));
    for (const a of sample.jap.actions) for (const v of Object.values(a)) if (typeof v === "string") expect(formulaCells).not.toContain(v);
    // Every user column has its format over all its data rows.
    for (const [i, c] of JAP.columns.entries()) {
      const letter = (i >= 26 ? "A" : "") + String.fromCharCode(65 + (i % 26));
      expect(spec.formats).toContainEqual({ address: `${letter}8:${letter}32`, numberFormat: c.numberFormat });
    }
    // Text in a date or number column ("2026-03-15", "1,200") gets "@" on its own cell.
    expect(spec.formats).toContainEqual({ address: "L12", numberFormat: TEXT_FORMAT });
    expect(spec.formats).toContainEqual({ address: "R15", numberFormat: TEXT_FORMAT });
  });

  it("renders formula columns per row and conditional formats at the top cell", () => {
    const rag = JAP.columns.findIndex((c) => c.key === "rag");
    const block = spec.blocks.find((b) => b.formulas && parseRangeA1(b.address)!.col === rag)!;
    expect(block.formulas!.length).toBe(25);
    expect(block.formulas![0][0]).toContain("$Y8");
    expect(block.formulas![24][0]).toContain("$Y32");
    for (const cf of spec.conditionalFormats) {
      expect(cf.formula).not.toMatch(/\{[A-Za-z]/);
      expect(cf.address).toMatch(/^[A-Z]+8:[A-Z]+32$/);
    }
  });

  it("puts a legend of the marks and RAG colours beside the header block, in the very fills they explain", () => {
    const text = (address: string) => specGrid(spec).values[parseCellA1(address)!.row][parseCellA1(address)!.col];
    const fill = (address: string) => spec.styles.find((st) => st.address === address && st.fill)?.fill;
    expect(text("D2")).toBe("What the colours mean");
    expect(fill("D3")).toBe(JAP.liveRules.find((r) => r.id === "jap.required.owner")!.fill);
    expect(fill("D4")).toBe(JAP.liveRules.find((r) => r.id.startsWith("jap.issue."))!.fill);
    expect(["D5", "E5", "F5", "G5"].map(fill)).toEqual(Object.values(RAG_COLOURS).map((c) => c.fill));
    // Above the table, clear of the header block's labels and values (columns A and B).
    const headerRow = tableHeaderRow(JAP);
    for (const b of spec.blocks.filter((x) => x.values && parseRangeA1(x.address)!.col >= 3 && parseRangeA1(x.address)!.row < headerRow)) expect(parseRangeA1(b.address)!.lastRow).toBeLessThan(headerRow - 1);
    const jbp = buildTableSheetSpec(JBP, { sheetName: "JBP 2026", tableName: "JP_Objectives" });
    expect(jbp.styles.filter((st) => st.fill).length).toBeGreaterThanOrEqual(6);
  });

  it("overrides or drops a list source per column", () => {
    const linked = buildTableSheetSpec(JAP, { sheetName: "J", tableName: "T", validationSources: { objectiveId: "='JBP'!$A$11:$A$15" } });
    expect(linked.validations.find((v) => v.address.startsWith("I"))?.spec).toMatchObject({ type: "list", source: "='JBP'!$A$11:$A$15" });
    const unlinked = buildTableSheetSpec(JAP, { sheetName: "J", tableName: "T", validationSources: { objectiveId: null } });
    expect(unlinked.validations.some((v) => v.address.startsWith("I"))).toBe(false);
  });

  it("gives absolute column references for names", () => {
    const jbp = buildTableSheetSpec(JBP, { sheetName: "JBP 2026", tableName: "JP_Objectives", minRows: 5 });
    expect(columnDataRef(jbp, "id")).toBe("='JBP 2026'!$A$11:$A$15");
  });
});

describe("Settings and Roster specs", () => {
  it("writes every setting with its format, and defines every name the formulas use", () => {
    const spec = buildSettingsSheetSpec({ ...DEFAULT_SETTINGS, asOf: 46099 });
    expectWellFormed(spec);
    const names = spec.names.map((n) => n.name);
    for (const r of SETTINGS_ROWS) expect(names).toContain(r.name);
    expect(names).toContain("JP_Statuses");
    const values = spec.blocks.find((b) => b.address === "A2:C11")!.values!;
    expect(values.map((r) => r[0])).toEqual(SETTINGS_ROWS.map((r) => r.label));
    expect(values[0][1]).toBe(46099);
    expect(spec.formats).toContainEqual({ address: "B2", numberFormat: "yyyy-mm-dd" });
    expect(spec.tables[0].headers).toEqual(SETTINGS.columns.map((c) => c.header));
  });

  it("names the Roster table's columns, so the lists grow with the table and hold no padding", () => {
    const spec = buildRosterSheetSpec([{ name: "Ana Silva", party: "Principal", role: "", email: "", active: true }]);
    expectWellFormed(spec);
    expect(spec.names.map((n) => [n.name, n.formula])).toEqual([
      ["JP_RosterNames", "=JP_Roster[Name]"],
      ["JP_RosterParties", "=JP_Roster[Party]"],
      ["JP_RosterActive", "=JP_Roster[Active]"],
    ]);
    expect(spec.tables[0].headers).toEqual(ROSTER.columns.map((c) => c.header));
    expect(spec.blocks.find((b) => b.address === "A2:E11")!.values![0]).toEqual(["Ana Silva", "Principal", "", "", true]);
  });
});

import { insertJapTemplate, insertJbpTemplate, insertPlanData, insertSamplePlan } from "../../src/excel/insertTemplates";
import { columnFormulas } from "../../src/plan/sheets";
import { JAP, JBP, SETTINGS_ROWS } from "../../src/plan/layouts";
import { samplePlan } from "../../src/plan/sample";
import { type Rag, serialFromYmd, columnLetters } from "../../src/plan/model";
import { getOverview } from "../../src/excel/checkPlan";

const mix = (rags: Rag[]): Record<Rag, number> => {
  const out: Record<Rag, number> = { Red: 0, Amber: 0, Green: 0, Grey: 0 };
  for (const r of rags) out[r]++;
  return out;
};
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";
import { colOf } from "../support/planGrids";

describe("insertJapTemplate", () => {
  const sim = useSim();

  it("creates the JAP, Roster and Settings sheets with their names in two syncs", async () => {
    const { result, syncs } = await measure(sim(), () => insertJapTemplate({ distributor: "Andes Distribución S.A.", month: "2026-03" }));
    expect(result.sheetName).toBe("JAP 2026-03");
    expect(result.message).toMatch(/Inserted 'JAP 2026-03'.*created 'Roster'.*created 'Settings'/);
    expect(syncs).toBe(2);
    expect(sim().sheets().map((s) => s.name)).toEqual(["Sheet1", "JAP 2026-03", "Roster", "Settings"]);
    expect(sim().selection().sheet).toBe("JAP 2026-03");

    const table = sim().tables().find((t) => t.sheet === "JAP 2026-03")!;
    expect(table).toMatchObject({ name: "JP_Actions", address: `'JAP 2026-03'!A7:${columnLetters(JAP.columns.length - 1)}27`, rowCount: 20 });
    expect(table.columns).toEqual(JAP.columns.map((c) => c.header));
    expect(sim().cell("JAP 2026-03", "B2").value).toBe("Andes Distribución S.A.");
    expect(sim().cell("JAP 2026-03", "B3")).toMatchObject({ value: 46082, numberFormat: "yyyy-mm-dd", text: "2026-03-01" });
    expect(sim().sheets().find((s) => s.name === "JAP 2026-03")!.freeze).toMatchObject({ rows: 7 });

    // Every data cell carries its column's format before anything is typed ("@" keeps text as text).
    for (const [i, c] of JAP.columns.entries()) {
      const letter = columnLetters(i);
      expect({ col: c.key, format: sim().cell("JAP 2026-03", `${letter}8`).numberFormat }).toEqual({ col: c.key, format: c.numberFormat });
      expect({ col: c.key, format: sim().cell("JAP 2026-03", `${letter}27`).numberFormat }).toEqual({ col: c.key, format: c.numberFormat });
    }
    expect(sim().columnWidth("JAP 2026-03", "D")).toBe(JAP.columns[3].width);

    const names = sim().names().map((n) => n.name);
    for (const r of SETTINGS_ROWS) expect(names).toContain(r.name);
    expect(names).toEqual(expect.arrayContaining(["JP_RosterNames", "JP_Statuses"]));
    // No JBP yet: nothing to link to.
    expect(sim().cell("JAP 2026-03", "B5").value).toBe("");
  });

  it("never overwrites: a taken name gets a new one, and the Roster and Settings are reused", async () => {
    await insertJapTemplate({ distributor: "Andes", month: "2026-03" });
    sim().setCells("Roster", "A2", [["Ana Silva", "Principal"]]);
    const roster = sim().snapshot("Roster");
    const settings = sim().snapshot("Settings");
    // Another distributor's JAP for the same month: one more sync reads the JAPs' header blocks.
    const { result, syncs } = await measure(sim(), () => insertJapTemplate({ distributor: "Lima Trade", month: "2026-03" }));
    expect(syncs).toBe(3);
    expect(result.sheetName).toBe("JAP 2026-03 (2)");
    expect(result.message).not.toMatch(/created/);
    // (Contents, tables included, are written with the names' definers first: Settings, Roster, plan sheets.)
    expect(sim().tables().map((t) => t.name).sort()).toEqual(["JP_Actions", "JP_Actions_2", "JP_Roster", "JP_Settings"]);
    expect(sim().sheets().map((s) => s.name)).toEqual(["Sheet1", "JAP 2026-03", "Roster", "Settings", "JAP 2026-03 (2)"]);
    expect(sim().snapshot("Roster")).toEqual(roster);
    expect(sim().snapshot("Settings")).toEqual(settings);
  });

  it("a distributor's month that has a JAP already is refused, naming the sheet to open instead", async () => {
    await insertJapTemplate({ distributor: "Andes Distribución S.A.", month: "2026-03" });
    const before = sim().sheets();
    const error = await insertJapTemplate({ distributor: "  andes distribución s.a. ", month: "2026-03" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "exists", sheet: "JAP 2026-03" });
    expect((error as Error).message).toBe("'JAP 2026-03' is already Andes Distribución S.A.'s JAP for 2026-03. Open it instead; nothing was changed.");
    expect(sim().sheets()).toEqual(before);
    // The sample plan twice in one month: refused too, instead of 40 actions with A-06 listed twice.
    await insertSamplePlan();
    await expect(insertSamplePlan()).rejects.toMatchObject({ code: "exists" });
  });

  it("lets Priority take ranks, levels and names: no rule, only its input prompt (issue 15, item 2)", async () => {
    const jap = await insertJapTemplate({ month: "2026-03" });
    const at = (key: string): string => `${colOf(JAP, key)}8:${colOf(JAP, key)}27`;
    const priority = sim().validations(jap.sheetName).find((v) => v.addresses.includes(at("priority")));
    expect(priority).toMatchObject({ type: "None", rule: null, prompt: { showPrompt: true, title: "Priority", message: expect.stringMatching(/focus area's name/) } });
    // The other columns keep their rules.
    expect(sim().validations(jap.sheetName).find((v) => v.addresses.includes(at("due")))).toMatchObject({ type: "Date" });
  });

  it("compares sheet names ignoring case", async () => {
    sim().addSheet("jap 2026-04");
    const r = await insertJapTemplate({ month: "2026-04" });
    expect(r.sheetName).toBe("JAP 2026-04 (2)");
  });

  it("links a JAP to the workbook's JBP: its sheet in the header, its IDs in the objective list", async () => {
    const jbp = await insertJbpTemplate({ principal: "Northwind Beverages", distributor: "Andes Distribución S.A.", market: "Peru", year: 2026 });
    expect(jbp.sheetName).toBe("JBP 2026");
    const jap = await insertJapTemplate({ month: "2026-03" });
    expect(jap.message).toMatch(/linked to the objectives of 'JBP 2026'/);
    expect(sim().cell(jap.sheetName, "B5").value).toBe("JBP 2026");
    const objectiveIds = sim().names().find((n) => n.name === "JP_ObjectiveIds");
    // Over the JBP table's ID column: it grows with the table, no blank padding.
    expect(objectiveIds?.formula).toBe("=JP_Objectives[ID]");
    const list = sim().validations(jap.sheetName).find((v) => v.addresses.includes("I8:I27"));
    expect(list?.rule).toMatchObject({ list: { source: "=JP_ObjectiveIds" } });
  });

  it("links to a named JBP sheet, or says clearly that it cannot", async () => {
    await insertJbpTemplate({ year: 2025 });
    await insertJbpTemplate({ year: 2026 });
    const r = await insertJapTemplate({ month: "2026-05", jbpSheet: "jbp 2026" });
    expect(sim().cell(r.sheetName, "B5").value).toBe("JBP 2026");
    // The second JBP is reached through its table column, so its list grows with the table.
    const list = sim().validations(r.sheetName).find((v) => v.addresses.includes("I8:I27"));
    expect(list?.rule).toMatchObject({ list: { source: '=INDIRECT("JP_Objectives_2[ID]")' } });

    const sheets = sim().sheets().map((s) => s.name);
    await expect(insertJapTemplate({ jbpSheet: "JBP 2030" })).rejects.toMatchObject({ code: "sheetMissing", message: expect.stringMatching(/no sheet 'JBP 2030'/) });
    await expect(insertJapTemplate({ jbpSheet: "Settings" })).rejects.toMatchObject({ code: "tableMissing" });
    expect(sim().sheets().map((s) => s.name)).toEqual(sheets);
  });

  it("refuses a month that is not YYYY-MM before touching the workbook", async () => {
    sim().stats.reset();
    await expect(insertJapTemplate({ month: "March" })).rejects.toMatchObject({ code: "invalidInput" });
    expect(sim().stats.syncs).toBe(0);
  });
});

describe("a failed insert", () => {
  const sim = useSim();

  // A batch is not transactional: when Excel refuses a write in the middle of a new sheet, the
  // sheets and names written before it stay. The insert takes them out again.
  it("leaves no half-built sheet and no name behind when Excel refuses a write", async () => {
    sim().setCells("Sheet1", "A1", [["my data"]]);
    const sheets = sim().sheets();
    sim().failNext("formulas", "GeneralException");
    await expect(insertSamplePlan()).rejects.toMatchObject({ code: "excel" });
    expect(sim().sheets()).toEqual(sheets);
    expect(sim().names()).toEqual([]);
    expect(sim().tables()).toEqual([]);
    expect(sim().cell("Sheet1", "A1").value).toBe("my data");
  });
});

describe("insertJbpTemplate", () => {
  const sim = useSim();
  it("writes the header block and an Objectives table with its formulas and formats", async () => {
    const { result, syncs } = await measure(sim(), () => insertJbpTemplate({ principal: "Northwind Beverages", distributor: "Andes", market: "Peru", year: 2026 }));
    expect(syncs).toBe(2);
    const s = result.sheetName;
    expect(sim().cell(s, "A1")).toMatchObject({ value: "Joint Business Plan", bold: true });
    expect([2, 3, 4, 5].map((r) => sim().cell(s, `B${r}`).value)).toEqual(["Northwind Beverages", "Andes", "Peru", 2026]);
    expect(sim().cell(s, "B6")).toMatchObject({ value: 46023, text: "2026-01-01" });
    const table = sim().tables().find((t) => t.sheet === s)!;
    expect(table.columns).toEqual(JBP.columns.map((c) => c.header));
    expect(table.rowCount).toBe(8);
    // Formula columns hold formulas on every data row once the layout defines them.
    for (const [i, c] of JBP.columns.entries()) {
      if (!columnFormulas(JBP)[c.key]) continue;
      const letter = columnLetters(i);
      expect(sim().cell(s, `${letter}11`).formula).toMatch(/^=/);
    }
  });

  it("refuses a year outside 2000-2100", async () => {
    await expect(insertJbpTemplate({ year: 1999 })).rejects.toMatchObject({ code: "invalidInput" });
  });
});

describe("insertSamplePlan", () => {
  const sim = useSim();
  it("fills a new workbook with a roster, a JBP and a JAP of twenty actions, user text kept as text", async () => {
    const { result, syncs, maxBytes } = await measure(sim(), () => insertSamplePlan());
    expect(syncs).toBe(2);
    expect(maxBytes).toBeLessThan(1024 * 1024);
    expect(result.sheets).toEqual(expect.arrayContaining(["Roster", "Settings"]));
    const jap = result.sheets.find((s) => s.startsWith("JAP"))!;
    const jbp = result.sheets.find((s) => s.startsWith("JBP"))!;
    expect(sim().cell(jap, "B5").value).toBe(jbp);
    const sample = samplePlan();
    expect(sim().cell(jap, "A8").value).toBe(sample.jap.actions[0].id);
    expect(sim().cell(jap, "B24")).toMatchObject({ value: "-5% price test on the 1.5 L pack", formula: null });
    expect(sim().cell(jap, "H24")).toMatchObject({ value: "=> read the results with finance", formula: null });
    // The text date stays text: the check reports it; inserting does not "fix" it.
    expect(sim().cell(jap, "L12").valueType).toBe("String");
    expect(sim().cell("Roster", "A2").value).toBe("Laura Méndez");
  });

  it("on the 27th of a month, writes the sample's as-of date (the 18th) so that it shows its designed colours", async () => {
    // Only Date is faked: the sim's promises and timers run as usual.
    jest.useFakeTimers({
      now: new Date(2026, 6, 27, 10, 0, 0), // 27 July 2026
      doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
    });
    try {
      await insertSamplePlan();
      const asOfRow = SETTINGS_ROWS.findIndex((r) => r.key === "asOf") + 2;
      const july18 = serialFromYmd(2026, 7, 18)!;
      expect(sim().cell("Settings", `B${asOfRow}`)).toMatchObject({ value: july18, numberFormat: "yyyy-mm-dd" });
      expect(sim().cell("Settings", `C${asOfRow}`).value).toMatch(/Clear it to judge the plan at today's date/);
      const overview = await getOverview();
      expect(overview.asOf).toBe(july18);
      expect(overview.counts).toMatchObject(mix(samplePlan().expectedRag.map((e) => e.rag)));
      expect(overview.counts).toMatchObject({ Red: 4, Amber: 7, Green: 7, Grey: 2 });
    } finally {
      jest.useRealTimers();
    }
  });

  it("links the sample's JBP to its JAP both ways: the JAP lists the JBP's IDs, the JBP counts the JAP's actions", async () => {
    const { result } = await measure(sim(), () => insertSamplePlan());
    const jap = result.sheets.find((s) => s.startsWith("JAP"))!;
    const jbp = result.sheets.find((s) => s.startsWith("JBP"))!;
    expect(sim().validations(jap).find((v) => v.addresses.includes("I8:I27"))?.rule).toMatchObject({ list: { source: "=JP_ObjectiveIds" } });
    for (const key of ["actionsRed", "actionsAmber", "actionsGreen"]) {
      const letter = columnLetters(JBP.columns.findIndex((c) => c.key === key));
      expect(sim().cell(jbp, `${letter}11`).formula).toContain(`${sim().tables().find((t) => t.sheet === jap)!.name}[RAG]`);
    }
  });

  it("is what insertJapTemplate({ sample: true }) inserts, returning the JAP", async () => {
    const r = await insertJapTemplate({ sample: true });
    expect(r.sheetName).toMatch(/^JAP \d{4}-\d{2}$/);
    expect(sim().tables().find((t) => t.sheet === r.sheetName)?.rowCount).toBe(20);
    expect(r.message).toMatch(/sample plan/);
  });
});

describe("inserting next to a Roster the user made", () => {
  const sim = useSim();
  it("keeps the user's table as it is and names its columns for the Owner lists", async () => {
    sim().addSheet("People");
    sim().setCells("People", "A1", [["Name", "Party", "Role", "Email", "Active"], ["Ana Silva", "Principal", "KAM", "", "Yes"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("People").tables.add("A1:E2", true).name = "Team";
      await context.sync();
    });
    const before = sim().snapshot("People");
    const r = await insertJapTemplate({ month: "2026-03" });
    expect(r.message).not.toMatch(/created 'Roster'/);
    expect(sim().sheets().map((s) => s.name)).not.toContain("Roster");
    expect(sim().snapshot("People")).toEqual(before);
    expect(sim().names().find((n) => n.name === "JP_RosterNames")?.formula).toBe("=Team[Name]");
  });
});

describe("a JBP's action counts cover every JAP table", () => {
  const sim = useSim();
  const letter = (key: string): string => columnLetters(JBP.columns.findIndex((c) => c.key === key));
  const COUNTS = [
    ["actionsRed", "Red"],
    ["actionsAmber", "Amber"],
    ["actionsGreen", "Green"],
  ] as const;
  /** The COUNTIFS one JAP table adds to an objective row's count of `colour`. */
  // Each JAP table by structured reference, so the counts follow it as it grows.
  const countOver = (jap: string, row: number, colour: string): string => {
    const t = sim().tables().find((x) => x.sheet === jap)!.name;
    return `COUNTIFS(${t}[JBP objective],$A${row},${t}[RAG],"${colour}")`;
  };

  it("a JAP inserted next to a JBP is counted by it, in the same request (three syncs), user cells untouched", async () => {
    await insertJbpTemplate({ year: 2026 });
    sim().setCells("JBP 2026", "A11", [["O1", "=Grow numeric distribution"]]);
    const before = sim().snapshot("JBP 2026");
    expect(sim().cell("JBP 2026", `${letter("actionsRed")}11`).formula).not.toContain("COUNTIFS");

    const { result, syncs } = await measure(sim(), () => insertJapTemplate({ month: "2026-03" }));
    expect(syncs).toBe(3);
    expect(result.message).toMatch(/updated the action counts of 'JBP 2026'/);
    for (const [key, colour] of COUNTS) {
      for (const row of [11, 18]) {
        expect(sim().cell("JBP 2026", `${letter(key)}${row}`).formula).toBe(`=IF(LEN(TRIM($A${row}))>0,${countOver("JAP 2026-03", row, colour)},0)`);
      }
      // Only the table's rows: the cell below it is not the add-in's.
      expect(sim().cell("JBP 2026", `${letter(key)}19`).formula ?? null).toBeNull();
    }
    // Every other cell of the JBP is as it was: the user's text stays text, the RAG formula stays.
    const after = sim().snapshot("JBP 2026");
    const counted = new Set(COUNTS.map(([key]) => letter(key)));
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    expect(changed).toHaveLength(3 * 8);
    expect(changed.filter((k) => !counted.has(k.replace(/[0-9]+$/, "")))).toEqual([]);
    expect(sim().cell("JBP 2026", "B11")).toMatchObject({ value: "=Grow numeric distribution", valueType: "String" });
  });

  it("another distributor's JAP is counted with the first", async () => {
    await insertJbpTemplate({ year: 2026 });
    await insertJapTemplate({ distributor: "Andes", month: "2026-03" });
    await insertJapTemplate({ distributor: "Lima Trade", month: "2026-04" });
    const f = sim().cell("JBP 2026", `${letter("actionsGreen")}12`).formula;
    expect(f).toBe(`=IF(LEN(TRIM($A12))>0,${countOver("JAP 2026-03", 12, "Green")}+${countOver("JAP 2026-04", 12, "Green")},0)`);
  });

  it("a distributor's next month replaces its last in the counts: history is not counted again", async () => {
    await insertJbpTemplate({ year: 2026 });
    await insertJapTemplate({ distributor: "Andes", month: "2026-03" });
    await insertJapTemplate({ distributor: "Andes", month: "2026-04" });
    const f = sim().cell("JBP 2026", `${letter("actionsGreen")}12`).formula;
    expect(f).toBe(`=IF(LEN(TRIM($A12))>0,${countOver("JAP 2026-04", 12, "Green")},0)`);
    // A JBP inserted now counts the current month only.
    await insertJbpTemplate({ year: 2027 });
    expect(sim().cell("JBP 2027", `${letter("actionsGreen")}12`).formula).toBe(`=IF(LEN(TRIM($A12))>0,${countOver("JAP 2026-04", 12, "Green")},0)`);
  });

  it("a JBP inserted after JAPs counts them, whichever JBP they link to", async () => {
    await insertJapTemplate({ month: "2026-03" });
    await insertJbpTemplate({ year: 2025 });
    const { syncs } = await measure(sim(), () => insertJbpTemplate({ year: 2026 }));
    expect(syncs).toBe(3);
    expect(sim().cell("JBP 2026", `${letter("actionsRed")}11`).formula).toBe(`=IF(LEN(TRIM($A11))>0,${countOver("JAP 2026-03", 11, "Red")},0)`);
    expect(sim().cell("JBP 2025", `${letter("actionsRed")}11`).formula).toBe(`=IF(LEN(TRIM($A11))>0,${countOver("JAP 2026-03", 11, "Red")},0)`);
  });

  it("finds the JAP's columns by header wherever the table stands", async () => {
    await insertJbpTemplate({ year: 2026 });
    // A JAP table the user made, two rows lower and one column right of ours, with five actions.
    const headers = JAP.columns.map((c) => c.header);
    sim().addSheet("My JAP");
    sim().setCells("My JAP", "B9", [headers]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("My JAP").tables.add("B9:X14", true).name = "MyActions";
      await context.sync();
    });
    await insertJapTemplate({ month: "2026-03" });
    const f = sim().cell("JBP 2026", `${letter("actionsRed")}11`).formula!;
    expect(f).toContain(`COUNTIFS(MyActions[JBP objective],$A11,MyActions[RAG],"Red")`);
    expect(f).toContain(countOver("JAP 2026-03", 11, "Red"));
  });

  it("the sample plan's JBP counts the workbook's JAPs too, and the workbook's JBP counts the sample's JAP", async () => {
    await insertJbpTemplate({ year: 2026 });
    await insertJapTemplate({ month: "2026-01" });
    const { result, syncs } = await measure(sim(), () => insertSamplePlan());
    expect(syncs).toBe(3);
    const jap = result.sheets.find((s) => s.startsWith("JAP"))!;
    const jbp = result.sheets.find((s) => s.startsWith("JBP"))!;
    for (const sheet of [jbp, "JBP 2026"]) {
      const f = sim().cell(sheet, `${letter("actionsAmber")}11`).formula!;
      expect(f).toContain(countOver("JAP 2026-01", 11, "Amber"));
      expect(f).toContain(countOver(jap, 11, "Amber"));
    }
  });
});

describe("formula columns are calculated columns", () => {
  const sim = useSim();

  // Issue 12, item 8: a formula set on a whole table column makes a calculated column that new
  // rows inherit (the sim models it, test/sim/tables.test.ts); one written before tables.add does
  // not. The insert writes the formula columns after the table, so a row a person adds gets them.
  it("a row typed just below the JAP table joins it with the RAG formula", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const ragCol = columnLetters(sim().tables().find((t) => t.sheet === jap)!.columns.indexOf("RAG"));
    const last = sim().cell(jap, `${ragCol}27`).formula!;
    expect(last).toContain("27");
    await sim().userEdit(jap, "A28", [["A-21"]]);
    expect(sim().tables().find((t) => t.sheet === jap)!.rowCount).toBe(21);
    expect(sim().cell(jap, `${ragCol}28`).formula).toBe(last.replace(/(?<![$\d])27(?!\d)/g, "28"));
  });
});

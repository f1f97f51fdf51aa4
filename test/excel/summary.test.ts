import { checkPlan } from "../../src/excel/checkPlan";
import { insertJapTemplate, insertPlanData } from "../../src/excel/insertTemplates";
import { buildSummary } from "../../src/excel/summary";
import { recordReview } from "../../src/excel/recordReview";
import { serialFromIso } from "../../src/plan/model";
import { TREND_CHART_TITLE, TREND_ROWS, TREND_TITLE } from "../../src/plan/summary";
import { engineValuesOf } from "../../preview/engineValues";
import type { SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

const snapshotAll = (sim: SimulatedExcel) => Object.fromEntries(sim.sheets().filter((s) => s.name !== "RAG Summary").map((s) => [s.name, sim.snapshot(s.name)]));

describe("buildSummary", () => {
  const sim = useSim();

  it("builds a live summary sheet: formulas over the plan tables, RAG colours, a chart", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const before = snapshotAll(sim());
    const { result, syncs } = await measure(sim(), () => buildSummary());
    expect(result.sheetName).toBe("RAG Summary");
    expect(result.message).toMatch(/^Built 'RAG Summary'/);
    expect(syncs).toBe(3);
    expect(snapshotAll(sim())).toEqual(before);

    const sheet = sim().sheets().find((s) => s.name === "RAG Summary")!;
    expect(sheet).toMatchObject({ position: 0, active: true });
    expect(sim().cell("RAG Summary", "A1").value).toBe("RAG Summary");
    const cells = Object.values(sim().snapshot("RAG Summary"));
    const formulas = cells.filter((c) => c.formula !== null).map((c) => c.formula!);
    expect(formulas.length).toBeGreaterThan(50);
    // Every count reads the plan's Excel tables by structured reference, so it follows them as they grow.
    const tableOf = (sheet: string) => sim().tables().find((t) => t.sheet === sheet)!.name;
    expect(formulas.some((f) => f.includes(`${tableOf(jap)}[RAG]`))).toBe(true);
    expect(formulas.some((f) => f.includes(`'${jap}'!`))).toBe(false);
    // The labels: the JBP's objectives and the roster's people, by formula (INDEX into their tables).
    expect(formulas.some((f) => f.includes(`INDEX(${tableOf("JBP 2026")}[ID],1)`))).toBe(true);
    expect(formulas.some((f) => f.includes(`INDEX(${sim().tables().find((t) => t.name.startsWith("JP_Roster"))!.name}[Name],1)`))).toBe(true);
    const labels = cells.map((c) => c.value);
    expect(labels).toEqual(expect.arrayContaining(["By JAP table", jap, "By objective", "By owner", "By party", "By priority", "No objective or not in the JBP"]));
    // The working cells are hidden (width 0), right of the chart.
    expect(sim().columnWidth("RAG Summary", "AA")).toBe(0);
    const cfs = sim().conditionalFormats("RAG Summary");
    expect(cfs.some((cf) => cf.format.fill === "#F4B6B6")).toBe(true);
    const charts = sim().charts("RAG Summary");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ chartType: "ColumnStacked", title: expect.stringMatching(/RAG/) });
  });

  it("charts the plan's RAG by review from the Review Log: one point per review, RAG colours, dates as text categories", async () => {
    await insertPlanData(scaledPlan(20));
    const dates = ["2026-03-25", "2026-04-24", "2026-05-26"];
    for (const date of dates) await recordReview({ date });
    const { syncs } = await measure(sim(), () => buildSummary());
    expect(syncs).toBe(3);
    const charts = sim().charts("RAG Summary");
    expect(charts.map((c) => c.name)).toEqual(["JP_RagChart", "JP_TrendChart"]);
    const trend = charts[1];
    const title = Object.entries(sim().snapshot("RAG Summary")).find(([, c]) => c.value === TREND_TITLE)![0];
    const header = Number(title.slice(1)) + 1;
    // The header row and the twelve review rows, date and the four colours.
    expect(trend).toMatchObject({ source: `'RAG Summary'!A${header}:E${header + TREND_ROWS}`, seriesBy: "Columns", categoryType: "TextAxis", title: TREND_CHART_TITLE });
    expect(trend.seriesFill).toEqual(["#C00000", "#FFC000", "#00B050", "#A6A6A6"]);
    expect(charts[0].seriesFill).toEqual(["#C00000", "#FFC000", "#00B050", "#A6A6A6"]);
    // The engine's values of the block (the preview shows them): the three reviews oldest first, then blank rows.
    const values = engineValuesOf(sim())["RAG Summary"];
    const rows = Array.from({ length: TREND_ROWS }, (_, i) => ["A", "B", "C", "D", "E", "F"].map((c) => values[`${c}${header + 1 + i}`]));
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual(dates.map((d) => serialFromIso(d)));
    expect(rows.slice(0, 3).map((r) => r[5])).toEqual([20, 20, 20]);
    expect(rows.slice(0, 3).every((r) => (r[1] as number) + (r[2] as number) + (r[3] as number) + (r[4] as number) === 20)).toBe(true);
    expect(rows.slice(3)).toEqual(Array(TREND_ROWS - 3).fill(["", "", "", "", "", ""]));
  });

  it("rebuilds in place: replaces only its own sheet, in the same number of syncs", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    await checkPlan();
    const before = snapshotAll(sim());
    const { result, syncs } = await measure(sim(), () => buildSummary());
    expect(result.message).toMatch(/^Rebuilt 'RAG Summary'/);
    expect(syncs).toBe(3);
    expect(sim().sheets().filter((s) => s.name.startsWith("RAG Summary"))).toHaveLength(1);
    expect(sim().charts("RAG Summary")).toHaveLength(1);
    expect(snapshotAll(sim())).toEqual(before);
  });

  it("is never read back as part of the plan (its overdue list has JAP-like headers)", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    const result = await checkPlan();
    expect(result.findings.filter((f) => f.sheet === "RAG Summary")).toEqual([]);
    expect(result.overview.actions).toBe(20);
    expect(sim().notes("RAG Summary")).toEqual([]);
  });

  it("leaves a user's own sheet called RAG Summary alone", async () => {
    await insertPlanData(scaledPlan(20));
    sim().addSheet("RAG Summary");
    sim().setCells("RAG Summary", "A1", [["my notes"]]);
    const r = await buildSummary();
    expect(r.sheetName).toBe("RAG Summary (2)");
    expect(sim().cell("RAG Summary", "A1").value).toBe("my notes");
  });

  it("rebuilds its own summary beside a user's own RAG Summary: never the user's sheet, never a third", async () => {
    await insertPlanData(scaledPlan(20));
    sim().addSheet("RAG Summary");
    sim().setCells("RAG Summary", "A1", [["RAG Summary"], ["the user's own figures"]]);
    const users = sim().snapshot("RAG Summary");
    const first = await buildSummary();
    expect(first.sheetName).toBe("RAG Summary (2)");
    expect(sim().names().find((n) => n.name === "JP_SummarySheet")?.formula).toBe("='RAG Summary (2)'!$A$1");
    const sheets = sim().sheets().length;
    const again = await buildSummary();
    expect(again).toMatchObject({ sheetName: "RAG Summary (2)", message: expect.stringMatching(/^Rebuilt 'RAG Summary \(2\)'/) });
    expect(sim().sheets().map((s) => s.name).filter((n) => n.startsWith("RAG Summary")).sort()).toEqual(["RAG Summary", "RAG Summary (2)"]);
    expect(sim().sheets()).toHaveLength(sheets);
    expect(sim().snapshot("RAG Summary")).toEqual(users);
    expect(sim().charts("RAG Summary (2)")).toHaveLength(1);
    expect(sim().names().filter((n) => n.name === "JP_SummarySheet").map((n) => n.formula)).toEqual(["='RAG Summary (2)'!$A$1"]);
    // Check plan reads the user's sheet (it is theirs) and never ours.
    const checked = await checkPlan();
    expect(checked.findings.filter((f) => f.sheet === "RAG Summary (2)")).toEqual([]);
    expect(sim().notes("RAG Summary (2)")).toEqual([]);
  });

  it("follows its sheet when the user renames it", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("RAG Summary").name = "Status board";
      await context.sync();
    });
    const r = await buildSummary();
    expect(r).toMatchObject({ sheetName: "Status board", message: expect.stringMatching(/^Rebuilt 'Status board'/) });
    expect(sim().sheets().filter((s) => s.name.startsWith("RAG Summary"))).toEqual([]);
    expect(sim().names().find((n) => n.name === "JP_SummarySheet")?.formula).toBe("='Status board'!$A$1");
  });

  it("still knows a summary written before the mark (named RAG Summary, its title in A1)", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    await Excel.run(async (context) => {
      context.workbook.names.getItem("JP_SummarySheet").delete();
      await context.sync();
    });
    const sheets = sim().sheets().length;
    const r = await buildSummary();
    expect(r.message).toMatch(/^Rebuilt 'RAG Summary'/);
    expect(sim().sheets()).toHaveLength(sheets);
    expect(sim().names().find((n) => n.name === "JP_SummarySheet")?.formula).toBe("='RAG Summary'!$A$1");
  });

  it("takes a new sheet when its own was deleted (the mark points at #REF!)", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("RAG Summary").delete();
      await context.sync();
    });
    const r = await buildSummary();
    expect(r.message).toMatch(/^Built 'RAG Summary'/);
    expect(sim().names().filter((n) => n.name === "JP_SummarySheet").map((n) => n.formula)).toEqual(["='RAG Summary'!$A$1"]);
  });

  it("takes the same syncs at 10 and at 5,000 actions", async () => {
    await insertPlanData(scaledPlan(10));
    const small = await measure(sim(), () => buildSummary());
    await Excel.run(async (context) => {
      for (const s of ["RAG Summary", "JAP 2026-03", "JBP 2026"]) context.workbook.worksheets.getItem(s).delete();
      await context.sync();
    });
    await insertPlanData(scaledPlan(5000));
    const big = await measure(sim(), () => buildSummary());
    expect(big.syncs).toBe(small.syncs);
    expect(big.maxBytes).toBeLessThan(4 * 1024 * 1024);
  });

  it("says there is nothing to summarise without a JAP", async () => {
    await expect(buildSummary()).rejects.toMatchObject({ code: "noPlan" });
    await insertJapTemplate({ month: "2026-03" });
    await expect(buildSummary()).resolves.toMatchObject({ sheetName: "RAG Summary" });
  });

  it("checks every formula first, and a write that still fails leaves the workbook as it was", async () => {
    await insertPlanData(scaledPlan(20));
    await buildSummary();
    const before = Object.fromEntries(sim().sheets().map((s) => [s.name, sim().snapshot(s.name)]));
    const tabs = sim().sheets();
    // Excel refuses a write in the middle of the new summary: the old one stays, nothing half-built.
    sim().failNext("formulas", "GeneralException");
    await expect(buildSummary()).rejects.toMatchObject({ code: "excel" });
    expect(sim().sheets()).toEqual(tabs);
    expect(Object.fromEntries(sim().sheets().map((s) => [s.name, sim().snapshot(s.name)]))).toEqual(before);
    expect(sim().charts("RAG Summary")).toHaveLength(1);
  });
});

/** 24 monthly JAPs (2025-01 to 2026-12) over 10 distributors, each a template with its 20 rows. */
async function manyJaps(months: number, from = 0): Promise<void> {
  for (let i = from; i < months; i++) {
    const y = 2025 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, "0");
    await insertJapTemplate({ distributor: `Distributor ${(i % 10) + 1}`, month: `${y}-${m}` });
  }
}

describe("buildSummary with 24 monthly JAPs and 10 distributors", () => {
  const sim = useSim();

  // Each table's counts stand in their own working cells, so no formula grows with the number of
  // tables (issue 12: the old summary wrote 8,588 characters at 16); and it counts the current JAPs
  // only (issue 13): ten here, one a distributor, not 24 months.
  it("writes no formula over 8,192 characters: it counts the ten current JAPs, not the 24 months", async () => {
    await manyJaps(24);
    // In the same three syncs as over one table, every request under 4 MB (cells side by side go as one block).
    const { result: r, syncs, maxBytes } = await measure(sim(), () => buildSummary());
    expect(r.message).toMatch(/over 10 current JAPs \(14 earlier months left out as history\)/);
    expect(syncs).toBe(3);
    expect(maxBytes).toBeLessThan(4 * 1024 * 1024);
    const formulas = Object.values(sim().snapshot("RAG Summary")).flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(0);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
  });

  it("when a write fails, leaves the workbook as it was", async () => {
    await manyJaps(3);
    await buildSummary();
    await manyJaps(24, 3);
    const before = Object.fromEntries(sim().sheets().map((s) => [s.name, sim().snapshot(s.name)]));
    const tabs = sim().sheets();
    // The formulas fit, so the write goes to Excel, which refuses it here: nothing is left half-built.
    sim().failNext("formulas", "GeneralException");
    const error = (await buildSummary().then(() => null, (e: unknown) => e)) as { code: string; message: string } | null;
    expect(error?.code).toMatch(/^(formulaLimit|excel)$/);
    expect(error?.message).toMatch(/Nothing was changed\.$|Excel could not complete/);
    expect(sim().sheets()).toEqual(tabs);
    expect(Object.fromEntries(sim().sheets().map((s) => [s.name, sim().snapshot(s.name)]))).toEqual(before);
  });
});

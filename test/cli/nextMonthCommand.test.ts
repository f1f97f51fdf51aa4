/**
 * `jointplan next-month IN OUT` on the sample: new → review → next-month → rag --json → review.
 * The new month carries the open actions as they stood, the old month is history and untouched, the
 * JBP's counts and the RAG Summary count the new month only, and every file on the way goes
 * through a rewrite without losing a part.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readReviewLog } from "../../src/plan/cycle";
import { isPackSheet, meetingPacks, packFigures, packJapSheet, packReviewLog, packValues } from "../../src/plan/pack";
import { currentPlan, isOpenStatus, japStandings, parseCellA1, serialFromIso } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "../xlsx/fixtures";
import { chartsOnSheet, packageParts, sheetPartName, sheetTableNames, tablesReadBy } from "../xlsx/rawPackage";
import { cli, expectOneLineError } from "./runCli";

let dir: string;
const at = (name: string): string => path.join(dir, name);
const day = serialFromIso("2026-03-18")!;
const planOf = async (file: string) => checkWorkbook(await readXlsx(readFileSync(file)), { today: day });
/** Every formula of a sheet, from its part. */
const formulasOf = async (file: string, sheet: string): Promise<string[]> => {
  const parts = await packageParts(readFileSync(file));
  return [...parts[sheetPartName(parts, sheet)].matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-next-"));
  writeFileSync(at("sample.xlsx"), await sampleFile());
  expect((await cli("review", at("sample.xlsx"), at("reviewed.xlsx"), "--date", "2026-03-18")).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("jointplan next-month on the sample", () => {
  let run: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    run = await cli("next-month", at("reviewed.xlsx"), at("april.xlsx"));
  });

  it("says what was carried and left behind, and that the old month is history", () => {
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("Started 'JAP 2026-04' (Andes Distribución S.A., 2026-04) from 'JAP' (Andes Distribución S.A., 2026-03): carried 17 open actions (A-01, A-02,");
    expect(run.out).toContain("left behind 3 Done or Cancelled actions (A-12, A-13, A-18).");
    expect(run.out).toContain("'JAP' is now history: kept as it was, and no longer counted.");
    expect(run.out).toContain("Rebuilt the action counts of 'JBP' and the 'RAG Summary' sheet over the current JAP.");
    expect(run.out).toContain("Note: the Settings as-of date is 2026-03-18, before the new month");
    expect(run.out).not.toContain("has no review in the Review Log");
  });

  it("carries every open action as it stood, and leaves the old JAP untouched", async () => {
    const before = await planOf(at("reviewed.xlsx"));
    const after = await planOf(at("april.xlsx"));
    const next = after.plan.japs[1];
    expect(after.plan.japs.map((j) => j.position.sheet)).toEqual(["JAP", "JAP 2026-04"]);
    expect(japStandings(after.plan).map((s) => s.current)).toEqual([false, true]);
    const open = before.plan.japs[0].actions.filter((a) => a.id !== "" && isOpenStatus(a.status));
    expect(next.actions.filter((a) => a.id !== "").map((a) => a.id)).toEqual(open.map((a) => a.id));
    for (const [i, a] of open.entries()) {
      const b = next.actions[i];
      for (const key of ["id", "objectiveId", "priority", "action", "party", "owner", "start", "due", "status", "pctComplete", "kpi", "target", "actual", "lastUpdate", "nextStep"]) {
        expect([a.id, key, b.source.raw[key] ?? null]).toEqual([a.id, key, a.source.raw[key] ?? null]);
      }
    }
    const grid = async (file: string, sheet: string) => (await readXlsx(readFileSync(file))).find((g) => g.name === sheet);
    expect(await grid(at("april.xlsx"), "JAP")).toEqual(await grid(at("reviewed.xlsx"), "JAP"));
  });

  it("counts the new month only: JBP counts, RAG Summary and the engine's roll-up", async () => {
    // The counts read the new month's table by structured reference, never the old month's.
    const parts = await packageParts(readFileSync(at("april.xlsx")));
    const [april] = sheetTableNames(parts, "JAP 2026-04");
    const [march] = sheetTableNames(parts, "JAP");
    expect(april).not.toBe(march);
    for (const sheet of ["JBP", "RAG Summary"]) {
      const formulas = (await formulasOf(at("april.xlsx"), sheet)).filter((f) => tablesReadBy(f).some((t) => t === april || t === march));
      expect(formulas.length).toBeGreaterThan(0);
      expect(formulas.every((f) => tablesReadBy(f).includes(april) && !tablesReadBy(f).includes(march) && !/(^|[^\w' -])'?JAP'?!/.test(f))).toBe(true);
    }
    const { plan, rag } = await planOf(at("april.xlsx"));
    const counted = currentPlan(plan).japs.flatMap((j) => j.actions).filter((a) => a.id !== "");
    expect(counted).toHaveLength(17);
    // Both months are rated; only the current one rolls up (17 actions under the objectives).
    expect(rag.actions.filter((a) => a.sheet === "JAP 2026-04" && a.id !== "")).toHaveLength(17);
    expect(rag.actions.filter((a) => a.sheet === "JAP" && a.id !== "")).toHaveLength(20);
  });

  it("rag --json rates the new month's actions and lists the old month as history", async () => {
    const json = JSON.parse((await cli("rag", at("april.xlsx"), "--json")).out);
    expect(json.japs).toEqual([
      { sheet: "JAP", distributor: "Andes Distribución S.A.", month: "2026-03", current: false },
      { sheet: "JAP 2026-04", distributor: "Andes Distribución S.A.", month: "2026-04", current: true },
    ]);
    const april = json.actions.filter((a: { sheet: string; id: string }) => a.sheet === "JAP 2026-04" && a.id !== "");
    expect(april).toHaveLength(17);
    for (const a of april) expect(["Red", "Amber", "Green", "Grey"]).toContain(a.rag);
    const check = JSON.parse((await cli("check", at("april.xlsx"), "--json")).out);
    expect(check.japs).toEqual(json.japs);
  });

  it("then reviews the new month: one Review Log row per action per review", async () => {
    const review = await cli("review", at("april.xlsx"), at("april-reviewed.xlsx"), "--date", "2026-04-18");
    expect(review.out).toContain("'JAP 2026-04' (Andes Distribución S.A., 2026-04): 17 actions");
    const log = readReviewLog(await readXlsx(readFileSync(at("april-reviewed.xlsx"))));
    expect(log.rows).toHaveLength(37);
    expect(log.rows.filter((r) => r.month === serialFromIso("2026-04-01")).map((r) => r.actionId)).toHaveLength(17);
  });

  it("writes the new month's Meeting pack in place of the old one, with the engine's values", async () => {
    expect(run.out).toContain("Rebuilt 'Meeting pack' (about 'JAP 2026-04'): the meeting pack of the current JAP.");
    const before = await readXlsx(readFileSync(at("reviewed.xlsx")));
    const grids = await readXlsx(readFileSync(at("april.xlsx")));
    const head = (name: string, g = grids) => (a: string) => g.find((x) => x.name === name)!.values[Number(a.slice(1)) - 1]?.[a.charCodeAt(0) - 65] ?? null;
    expect(packJapSheet(head("Meeting pack", before))).toBe("JAP");
    expect(isPackSheet(head("Meeting pack"))).toBe(true);
    expect(packJapSheet(head("Meeting pack"))).toBe("JAP 2026-04");
    // One pack, where the old one stood in the tab order (one place on: the new JAP stands before it).
    expect(grids.filter((g) => isPackSheet(head(g.name))).map((g) => g.name)).toEqual(["Meeting pack"]);
    expect(grids.map((g) => g.name).indexOf("Meeting pack")).toBe(before.map((g) => g.name).indexOf("Meeting pack") + 1);
    // Every formula cell's cached value is what the engine gives for the file as written.
    const { plan, asOf } = checkWorkbook(grids, { today: day });
    const [pack] = meetingPacks(plan, packReviewLog(grids, plan), asOf, [], () => "Meeting pack");
    expect(pack.subject.jap.position.sheet).toBe("JAP 2026-04");
    const want = packValues(pack.layout, packFigures(plan, pack.subject, asOf, pack.input));
    const sheet = grids.find((g) => g.name === "Meeting pack")!;
    const blankAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);
    const got = Object.fromEntries(Object.keys(want).map((a) => [a, blankAsNull(sheet.values[parseCellA1(a)!.row]?.[parseCellA1(a)!.col])]));
    expect(got).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, blankAsNull(v)])));
    expect(Object.keys(want).length).toBeGreaterThan(100);
  });

  it("draws the rebuilt summary's two charts over its headers and rows", async () => {
    const bytes = readFileSync(at("april.xlsx"));
    const charts = chartsOnSheet(await packageParts(bytes), "RAG Summary")!;
    expect([...charts.drawing.matchAll(/<xdr:cNvPr [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["JP_RagChart", "JP_TrendChart"]);
    const summary = (await readXlsx(bytes)).find((g) => g.name === "RAG Summary")!;
    for (const chart of charts.charts) {
      // Each series is named by its header cell of the rebuilt sheet: Red, Amber, Green, Grey.
      const names = [...chart.matchAll(/<c:tx><c:strRef><c:f>'RAG Summary'!\$([A-Z]+\$\d+)<\/c:f>/g)].map((m) => parseCellA1(m[1].replace("$", ""))!);
      expect(names.map((c) => summary.values[c.row][c.col])).toEqual(["Red", "Amber", "Green", "Grey"]);
    }
    expect(run.out).not.toContain("chart");
  });

  it("loses no part on the way: every file jointplan wrote goes through a rewrite whole", async () => {
    for (const file of ["reviewed.xlsx", "april.xlsx", "april-reviewed.xlsx"]) {
      const bytes = readFileSync(at(file));
      expect([file, await partsLostOnRewrite(bytes)]).toEqual([file, []]);
      expect(await readXlsx(await rewriteWorkbook(bytes))).toEqual(await readXlsx(bytes));
    }
    // The new JAP's RAG is a calculated column, as in the JAP `new` writes.
    const parts = await packageParts(readFileSync(at("april.xlsx")));
    const tables = Object.values(parts).filter((x) => x.includes("<calculatedColumnFormula>"));
    expect(tables.filter((x) => /name="JP_Actions_2"/.test(x))).toHaveLength(1);
  });

  it("suggests recording the review first when the month has none", async () => {
    const unreviewed = await cli("next-month", at("sample.xlsx"), at("unreviewed.xlsx"));
    expect(unreviewed.code).toBe(0);
    expect(unreviewed.out).toContain(`Note: 'JAP' (Andes Distribución S.A., 2026-03) has no review in the Review Log: to keep its colours in the history, run 'jointplan review ${at("sample.xlsx")} REVIEWED.xlsx'`);
  });

  it("refuses a JAP without a month, writing nothing", async () => {
    const noMonth = await rewriteWorkbook(readFileSync(at("sample.xlsx")), (wb) => {
      const ws = wb.getWorksheet("JAP")!;
      ws.eachRow((row) => row.eachCell((cell) => void (cell.value === "Month" ? (ws.getCell(cell.row, Number(cell.col) + 1).value = null) : undefined)));
    });
    writeFileSync(at("nomonth.xlsx"), noMonth);
    const refused = await cli("next-month", at("nomonth.xlsx"), at("nomonth-out.xlsx"));
    expectOneLineError(refused);
    expect(refused.err).toBe("jointplan next-month: 'JAP' has no Month, so there is no next month to start. Type its Month (such as 2026-03) first. Nothing was written.\n");
  });
});

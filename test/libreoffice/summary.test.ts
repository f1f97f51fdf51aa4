/**
 * The RAG Summary of the files `jointplan new` writes, in LibreOffice: every formula cell (working
 * cells included) recalculates to the cached value the file carries, which is the engine's; and a
 * file edited without the add-in (actions added to the JAP table, a person added to the Roster
 * table, an objective typed into the JBP table) recalculates to what the engine computes for the
 * edited plan: the new objective and person are listed, the new actions counted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { type CellValue, cellA1, parseCellA1, serialFromIso, type SheetGrid } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { EMPTY_ROW } from "../../src/plan/rag";
import { summaryFigures, type SummaryLayout, summaryValues } from "../../src/plan/summary";
import { newWorkbook, type NewWorkbook } from "../../src/plan/workbook";
import { fileFormula } from "../../src/xlsx/fileFormula";
import { JAP, JBP } from "../../src/plan/layouts";
import { renderTemplate } from "../../src/plan/expr";
import { columnFormulas } from "../../src/plan/sheets";
import { colOf } from "../support/planGrids";
import { planCachedValues } from "../../src/xlsx/planCachedValues";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { editPackage, inlineCell, numberCell, packageParts, sheetPartName } from "../xlsx/rawPackage";
import { describeWithSoffice, recalculate } from "./soffice";

const day = serialFromIso("2026-03-18")!;
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const sameValue = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
};

/** Every formula cell of the layout whose LibreOffice value differs from `expected`. */
function differences(layout: SummaryLayout, grid: SheetGrid, expected: (address: string) => CellValue | undefined): string[] {
  return layout.cells.flatMap((c) => {
    if (c.formula === undefined) return [];
    const p = parseCellA1(c.address)!;
    const lo = grid.values[p.row]?.[p.col] ?? null;
    const want = expected(c.address);
    return sameValue(lo, want) ? [] : [`${c.address} ${c.formula.slice(0, 100)}: LibreOffice ${JSON.stringify(lo)}, engine ${JSON.stringify(want)}`];
  });
}

/** Types text into a cell of a row that is there (a template row's formatted blank cell). */
function typeInto(sheetXml: string, ref: string, text: string): string {
  const cell = new RegExp(`<c r="${ref}"( s="\\d+")?(?:/>|>[^]*?</c>)`);
  if (!cell.test(sheetXml)) throw new Error(`no cell ${ref} to type into`);
  return sheetXml.replace(cell, (_all, style: string | undefined) => inlineCell(ref, text).replace(`<c r="${ref}"`, `<c r="${ref}"${style ?? ""}`));
}

describeWithSoffice("the RAG Summary in LibreOffice", (soffice) => {
  let dir: string;
  const at = (name: string): string => path.join(dir, name);
  const books: Record<string, NewWorkbook> = {};
  const cached: Record<string, ReturnType<typeof planCachedValues>> = {};
  const lo: Record<string, SheetGrid[]> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-summary-"));
    for (const [name, sample] of [["sample", true], ["empty", false]] as const) {
      books[name] = newWorkbook(newWorkbookInput({ sample, force: false, asOf: day }, day));
      cached[name] = planCachedValues(books[name].specs, day);
      writeFileSync(at(`${name}.xlsx`), (await writeXlsx(books[name].specs, [], { cachedValues: cached[name] })).bytes);
    }
    // The sample and the empty plan edited without the add-in, in the package as Excel would save it.
    for (const [name, file] of [["sample", "edited"], ["empty", "edited-empty"]] as const) {
    const wb = books[name];
    const base = (await writeXlsx(wb.specs, [], { cachedValues: cached[name] })).bytes;
    const parts = await packageParts(base);
    const jap = wb.specs.find((s) => s.kind === "jap")!.tables[0].position;
    const roster = wb.specs.find((s) => s.kind === "roster")!.tables[0].position;
    const jbp = wb.specs.find((s) => s.kind === "jbp")!.tables[0].position;
    const tablePart = (name: string): string => Object.keys(parts).find((n) => n.startsWith("xl/tables/") && parts[n].includes(`name="${name}"`))!;
    const c = (key: string, row: number, t = jap): string => cellA1(row, t.columns[key]);
    // Two actions below the JAP table, inside it once its range grows, each with the RAG formula Excel's calculated column gives it.
    // Every formula column of the table (the RAG and its helper columns), as a calculated column fills them.
    const grown = { ...jap, lastRow: jap.lastRow + 2 };
    const formulaCells = (row: number): [number, string][] =>
      Object.entries(columnFormulas(JAP))
        .filter(([key]) => jap.columns[key] !== undefined)
        .map(([key, template]) => [jap.columns[key], `<c r="${c(key, row)}"><f>${esc(fileFormula(renderTemplate(template, { table: grown, row })))}</f></c>`]);
    const actionRow = (row: number, id: string, objective: string, owner: string, status: string): string => {
      const typed: [number, string][] = [
        [jap.columns.id, inlineCell(c("id", row), id)],
        [jap.columns.objectiveId, inlineCell(c("objectiveId", row), objective)],
        [jap.columns.action, inlineCell(c("action", row), `New action ${id}`)],
        [jap.columns.party, inlineCell(c("party", row), "Distributor")],
        [jap.columns.owner, inlineCell(c("owner", row), owner)],
        [jap.columns.start, numberCell(c("start", row), day - 20)],
        [jap.columns.due, numberCell(c("due", row), day - 2)],
        [jap.columns.status, inlineCell(c("status", row), status)],
        [jap.columns.pctComplete, numberCell(c("pctComplete", row), 0.4)],
      ];
      // A row's cells in column order, as OOXML has them.
      return `<row r="${row + 1}">${[...typed, ...formulaCells(row)].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join("")}</row>`;
    };
    const newActions = actionRow(jap.lastRow + 1, "A-90", "OBJ-6", "Zoe Newman", "In progress") + actionRow(jap.lastRow + 2, "A-91", "OBJ-1", "Ana Silva", "Not started");
    const grow = (t: typeof jap, by: number) => (x: string | null): string => x!.replace(new RegExp(`ref="([A-Z]+)${t.headerRow + 1}:([A-Z]+)${t.lastRow + 1}"`, "g"), `ref="$1${t.headerRow + 1}:$2${t.lastRow + 1 + by}"`);
    const personRow = `<row r="${roster.lastRow + 2}">${inlineCell(c("name", roster.lastRow + 1, roster), "Zoe Newman")}${inlineCell(c("party", roster.lastRow + 1, roster), "Distributor")}${inlineCell(c("active", roster.lastRow + 1, roster), "Yes")}</row>`;
    // The new objective typed into the JBP's first blank template row (its formula cells are there).
    const objectiveRow = jbp.headerRow + 6;
    const edited = await editPackage(base, {
      [sheetPartName(parts, "JAP")]: (x) => x!.replace("</sheetData>", `${newActions}</sheetData>`),
      [tablePart("JP_Actions")]: grow(jap, 2),
      [sheetPartName(parts, "Roster")]: (x) => x!.replace("</sheetData>", `${personRow}</sheetData>`),
      [tablePart("JP_Roster")]: grow(roster, 1),
      [sheetPartName(parts, "JBP")]: (x) => typeInto(typeInto(x!, c("id", objectiveRow, jbp), "OBJ-6"), c("objective", objectiveRow, jbp), "Open the north"),
    });
    writeFileSync(at(`${file}.xlsx`), edited);
    }
    recalculate(soffice, ["sample", "empty", "edited", "edited-empty"].map((n) => at(`${n}.xlsx`)), at("lo"));
    for (const name of ["sample", "empty", "edited", "edited-empty"]) lo[name] = await readXlsx(at(`lo/${name}.xlsx`));
  }, 300_000);
  afterAll(() => (process.env.JOINTPLAN_KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  it.each(["sample", "empty"])("recalculates every summary cell of the %s plan to the cached value the file carries", (name) => {
    const wb = books[name];
    const grid = lo[name].find((g) => g.name === wb.summary.sheetName)!;
    const values = cached[name][wb.summary.sheetName];
    expect(differences(wb.summary, grid, (a) => values[a])).toEqual([]);
    expect(Object.keys(values).length).toBeGreaterThan(300);
  });

  const COUNT_COLUMNS = (["actionsRed", "actionsAmber", "actionsGreen"] as const).map((k) => colOf(JBP, k));
  it("recalculates the JBP's action counts to the cached values", () => {
    for (const name of ["sample", "empty"]) {
      const jbp = books[name].specs.find((s) => s.kind === "jbp")!;
      const grid = lo[name].find((g) => g.name === jbp.sheetName)!;
      const counts = Object.entries(cached[name][jbp.sheetName]).filter(([a]) => COUNT_COLUMNS.includes(a.replace(/\d+$/, "")));
      expect(counts.length).toBeGreaterThanOrEqual(3 * 8);
      expect(counts.filter(([a, v]) => !sameValue(grid.values[parseCellA1(a)!.row][parseCellA1(a)!.col], v))).toEqual([]);
    }
  });

  it.each([
    ["sample", "edited", 22],
    ["empty plan", "edited-empty", 2],
  ] as const)("recalculates the edited %s's RAG column and JBP counts to what jointplan rag computes for it", (_name, file, inUse) => {
    const grids = lo[file];
    const result = checkWorkbook(grids, { today: day });
    const jap = result.plan.japs[0];
    const japGrid = grids.find((g) => g.name === jap.position.sheet)!;
    // Every row of the grown table, the two typed below it included.
    expect(result.rag.actions.filter((r) => r.reason !== EMPTY_ROW)).toHaveLength(inUse);
    const ragDiffs = result.rag.actions
      .map((r) => ({ row: r.row, engine: r.reason === EMPTY_ROW ? "" : r.rag, libreoffice: japGrid.values[r.row]?.[jap.position.columns.rag] ?? "" }))
      .filter((d) => d.engine !== d.libreoffice);
    expect(ragDiffs).toEqual([]);
    const jbp = result.plan.jbps[0];
    const jbpGrid = grids.find((g) => g.name === jbp.position.sheet)!;
    const actions = jap.actions.map((a, i) => ({ objective: a.objectiveId.toLowerCase(), rag: result.rag.actions[i].rag, used: result.rag.actions[i].reason !== EMPTY_ROW }));
    let compared = 0;
    for (const o of jbp.objectives.filter((x) => x.id.trim() !== "")) {
      for (const [key, colour] of [["actionsRed", "Red"], ["actionsAmber", "Amber"], ["actionsGreen", "Green"]] as const) {
        const engine = actions.filter((a) => a.used && a.objective === o.id.toLowerCase() && a.rag === colour).length;
        expect({ objective: o.id, colour, libreoffice: jbpGrid.values[o.source.row][jbp.position.columns[key]] }).toEqual({ objective: o.id, colour, libreoffice: engine });
        compared++;
      }
    }
    // The objective typed into the JBP without the add-in is counted too (its new action is Red: overdue).
    expect(jbp.objectives.map((o) => o.id)).toContain("OBJ-6");
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["sample", "edited", 22],
    ["empty", "edited-empty", 2],
  ] as const)("follows the %s plan edited without the add-in: new actions, a new person and a new objective", (name, file, inUse) => {
    const wb = books[name];
    const grids = lo[file];
    const result = checkWorkbook(grids, { today: day });
    // The layout as written, over the tables as they now stand.
    const input = wb.summary.input;
    const grown: SummaryLayout = {
      ...wb.summary,
      input: { ...input, japTables: input.japTables.map((t) => ({ ...t, lastRow: t.lastRow + 2 })), rosterTable: input.rosterTable && { ...input.rosterTable, lastRow: input.rosterTable.lastRow + 1 } },
    };
    const values = summaryValues(result.plan, result.asOf, grown);
    const grid = grids.find((g) => g.name === wb.summary.sheetName)!;
    expect(differences(grown, grid, (a) => values.get(a))).toEqual([]);
    const f = summaryFigures(result.plan, result.asOf, grown.input);
    expect(f.all.total).toBe(inUse);
    expect(f.dimensions.objective.map((d) => d.label)).toContain("OBJ-6");
    expect(f.dimensions.owner.find((d) => d.label === "Zoe Newman")?.figures.total).toBe(1);
    expect(f.dimensions.objective.find((d) => d.label === "OBJ-6")?.figures.total).toBe(1);
    // And LibreOffice shows them so: the new objective by ID and name, the person by name.
    const labels = grid.values.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(["OBJ-6 – Open the north", "Zoe Newman"]));
  });
});

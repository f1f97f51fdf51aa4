/**
 * Round trips through ExcelJS, as a user's edits would arrive: a workbook written by `new` and
 * filled in reads back with no spurious findings, and a plan whose columns were reordered, widened
 * with the user's own columns, turned into a plain range and renamed still checks the same.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { columnFromLetters, parseCellA1 } from "../../src/plan/model";
import { cli } from "./runCli";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-roundtrip-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);

interface FindingJson {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  message: string;
}

async function findings(file: string): Promise<FindingJson[]> {
  const run = await cli("check", file, "--json", "--as-of", "2026-03-18");
  expect(run.err).toBe("");
  return JSON.parse(run.out).findings;
}

function headerRowOf(ws: ExcelJS.Worksheet, first = "ID"): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no header row on ${ws.name}`);
}

function headers(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell((c, i) => (out[i - 1] = String(c.value)));
  return out;
}

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

describe("a new workbook filled in like a user would", () => {
  it("reads back with no findings", async () => {
    expect((await cli("new", at("blank.xlsx"), "--distributor", "Andes SA", "--month", "2026-03")).code).toBe(0);
    const wb = await loadWorkbook(at("blank.xlsx"));
    const roster = wb.getWorksheet("Roster")!;
    const rh = headerRowOf(roster, "Name");
    const people: [string, string][] = [
      ["Ana Silva", "Principal"],
      ["Carlos Rojas", "Distributor"],
    ];
    people.forEach(([name, party], i) => {
      const row = roster.getRow(rh + 1 + i);
      const col = headers(roster, rh);
      row.getCell(col.indexOf("Name") + 1).value = name;
      row.getCell(col.indexOf("Party") + 1).value = party;
      row.getCell(col.indexOf("Active") + 1).value = true;
    });

    const jbp = wb.getWorksheet("JBP")!;
    // The header block: label in column A, value in column B.
    for (let r = 1; r < 10; r++) if (jbp.getCell(r, 1).value === "Principal") jbp.getCell(r, 2).value = "Northwind Beverages";
    const jbh = headerRowOf(jbp);
    const jcols = headers(jbp, jbh);
    const obj = jbp.getRow(jbh + 1);
    const setObj = (header: string, value: ExcelJS.CellValue): void => void (obj.getCell(jcols.indexOf(header) + 1).value = value);
    setObj("ID", "OBJ-1");
    setObj("Objective", "Grow distribution");
    setObj("KPI", "Outlets");
    setObj("Unit", "outlets");
    setObj("Direction", "Higher is better");
    setObj("Baseline", 100);
    ["Q1 target", "Q2 target", "Q3 target", "Q4 target"].forEach((h, i) => setObj(h, 110 + i * 10));
    setObj("FY target", 140);
    setObj("Principal owner", "Ana Silva");
    setObj("Distributor owner", "Carlos Rojas");

    const jap = wb.getWorksheet("JAP")!;
    const ah = headerRowOf(jap);
    const acols = headers(jap, ah);
    const act = jap.getRow(ah + 1);
    const setAct = (header: string, value: ExcelJS.CellValue): void => void (act.getCell(acols.indexOf(header) + 1).value = value);
    setAct("ID", "A-01");
    setAct("JBP objective", "OBJ-1");
    setAct("Priority", 1);
    setAct("Action", "=> Map new outlets");
    setAct("Party", "Distributor");
    setAct("Owner", "Carlos Rojas");
    setAct("Start", d(2026, 3, 2));
    setAct("Due", d(2026, 3, 27));
    setAct("Status", "In progress");
    setAct("% complete", 0.5);
    setAct("KPI", "Outlets mapped");
    setAct("Unit", "outlets");
    setAct("Direction", "Higher is better");
    setAct("Baseline", 0);
    setAct("Target", 100);
    setAct("Actual", 60);
    setAct("Last update", d(2026, 3, 16));
    await wb.xlsx.writeFile(at("filled.xlsx"));

    expect(await findings(at("filled.xlsx"))).toEqual([]);
    const rag = JSON.parse((await cli("rag", at("filled.xlsx"), "--json", "--as-of", "2026-03-18")).out);
    expect(rag.actions.map((a: { id: string }) => a.id)).toEqual(["A-01"]);
  });
});

describe("a plan rearranged by its users", () => {
  it("checks the same with columns reordered, extra columns, no table and a new sheet name", async () => {
    expect((await cli("new", at("sample.xlsx"), "--sample", "--as-of", "2026-03-18")).code).toBe(0);
    const original = await findings(at("sample.xlsx"));

    const wb = await loadWorkbook(at("sample.xlsx"));
    const jap = wb.getWorksheet("JAP")!;
    const headerRow = headerRowOf(jap);
    const cols = headers(jap, headerRow);
    const lastRow = jap.rowCount;
    // Copy the JAP to a new sheet: reversed columns, a user column in the middle, plain range.
    const moved = wb.addWorksheet("March actions");
    const order = [...cols.keys()].reverse();
    const newCols = [...order.slice(0, 5).map((i) => cols[i]), "Region", ...order.slice(5).map((i) => cols[i])];
    for (let r = 1; r <= lastRow; r++) {
      if (r < headerRow) {
        jap.getRow(r).eachCell((c, i) => (moved.getCell(r, i).value = c.value));
        continue;
      }
      newCols.forEach((h, j) => {
        const target = moved.getCell(r, j + 1);
        if (r === headerRow) target.value = h;
        else if (h === "Region") target.value = "Lima";
        else {
          const src = jap.getCell(r, cols.indexOf(h) + 1);
          target.numFmt = src.numFmt;
          // Formula results are not kept by a copy; the check reads inputs, not the RAG column.
          target.value = src.formula ? null : src.value;
        }
      });
    }
    wb.removeWorksheet(jap.id);
    await wb.xlsx.writeFile(at("moved.xlsx"));

    const after = await findings(at("moved.xlsx"));
    // Same findings, pointing at the same header and row on the renamed sheet.
    const key = (f: FindingJson, sheetCols: (letters: string) => string) => {
      const cell = parseCellA1(f.cell)!;
      return `${f.rule}|${f.severity}|row ${cell.row}|${sheetCols(f.cell.replace(/\d+$/, ""))}`;
    };
    const onJap = (f: FindingJson) => f.sheet === "JAP" || f.sheet === "March actions";
    const before = original.filter(onJap).map((f) => key(f, (l) => cols[columnFromLetters(l)])).sort();
    const now = after.filter(onJap).map((f) => key(f, (l) => newCols[columnFromLetters(l)])).sort();
    expect(now).toEqual(before);
    expect(before.length).toBeGreaterThan(5);
    // The rest of the workbook's findings are untouched.
    expect(after.filter((f) => !onJap(f)).map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(original.filter((f) => !onJap(f)).map((f) => `${f.sheet}!${f.cell} ${f.rule}`));
  });
});

/**
 * Workbooks written by `jointplan new` in LibreOffice: they open with their validation lists, RAG
 * colours and names in place, LibreOffice computes the same colours as `jointplan rag`, and a
 * round trip through LibreOffice (opened and saved again, as a user would) or a user's fill-in
 * reads back with no spurious findings.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { serialFromIso } from "../../src/plan/model";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { setNames } from "../../src/xlsx/writeXlsx";
import { cli } from "../cli/runCli";
import { describeWithSoffice, recalculate } from "./soffice";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";

interface FindingJson {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
}

async function findings(file: string): Promise<string[]> {
  const run = await cli("check", file, "--json");
  expect(run.err).toBe("");
  return (JSON.parse(run.out).findings as FindingJson[]).map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.rule}`);
}

/** The text parts of an .xlsx, entities decoded enough for matching. */
async function xmlParts(file: string): Promise<Record<string, string>> {
   
  const JSZip = require("jszip");
  const { readFileSync } = await import("fs");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith(".xml")) out[name] = (await zip.file(name).async("string")).replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
  }
  return out;
}

describeWithSoffice("jointplan workbooks in LibreOffice", (soffice) => {
  let dir: string;
  const at = (name: string): string => path.join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-roundtrip-"));
    expect((await cli("new", at("sample.xlsx"), "--sample", "--as-of", "2026-03-18")).code).toBe(0);
    expect((await cli("new", at("blank.xlsx"), "--principal", "Northwind", "--distributor", "Andes SA", "--month", "2026-03", "--as-of", "2026-03-18")).code).toBe(0);
    await fillBlank(at("blank.xlsx"), at("filled.xlsx"));
    recalculate(soffice, [at("sample.xlsx"), at("filled.xlsx")], at("lo"));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes the sample's RAG column as `jointplan rag` does", async () => {
    const rag = JSON.parse((await cli("rag", at("sample.xlsx"), "--json")).out) as { actions: { id: string; rag: string }[] };
    const grids = await readXlsx(at("lo/sample.xlsx"));
    const jap = grids.find((g) => g.name === "JAP")!;
    const header = jap.values.findIndex((r) => r[0] === "ID");
    const ragCol = jap.values[header].indexOf("RAG");
    const lo = jap.values.slice(header + 1).filter((r) => typeof r[0] === "string" && r[0] !== "").map((r) => ({ id: r[0], rag: r[ragCol] }));
    expect(lo).toEqual(rag.actions.map((a) => ({ id: a.id, rag: a.rag })));
    // Text that looks like a formula or a number stays text through LibreOffice.
    const cells = jap.values.flat();
    expect(cells).toContain("-5% price test on the 1.5 L pack");
    expect(cells).toContain("=> read the results with finance");
  });

  it("keeps the validation lists, the RAG colours and the names through LibreOffice", async () => {
    const xml = await xmlParts(at("lo/sample.xlsx"));
    const book = xml["xl/workbook.xml"];
    for (const name of ["JP_AsOf", "JP_Green", "JP_RosterNames", "JP_Statuses", "JP_ObjectiveIds"]) expect(book).toContain(`name="${name}"`);
    const sheets = Object.entries(xml).filter(([n]) => n.startsWith("xl/worksheets/sheet")).map(([, x]) => x);
    const jap = sheets.find((x) => x.includes("JP_RosterNames") && x.includes("JP_Statuses"));
    expect(jap).toBeDefined();
    expect(jap).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>JP_RosterNames<\/formula1>/);
    expect(jap).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>JP_Statuses<\/formula1>/);
    expect(jap).toMatch(/<conditionalFormatting[^>]*>.*?="Red"/s);
    // The RAG fills are in the styles LibreOffice wrote.
    expect(xml["xl/styles.xml"]).toMatch(/F4B6B6/i);
  });

  it("reads the sample back after a LibreOffice round trip with the same findings", async () => {
    expect(await findings(at("lo/sample.xlsx"))).toEqual(await findings(at("sample.xlsx")));
  });

  it("reads a filled-in plan back with no findings, before and after LibreOffice", async () => {
    expect(await findings(at("filled.xlsx"))).toEqual([]);
    expect(await findings(at("lo/filled.xlsx"))).toEqual([]);
    const rag = JSON.parse((await cli("rag", at("lo/filled.xlsx"), "--json")).out);
    expect(rag.actions.map((a: { id: string; rag: string }) => [a.id, a.rag])).toEqual([
      ["A-01", "Green"],
      ["A-02", "Red"],
    ]);
  });
});

/** Fills the blank workbook as a user would, keeping the workbook names ExcelJS drops on load. */
async function fillBlank(from: string, to: string): Promise<void> {
  const wb = await loadWorkbook(from);
  const headerRow = (ws: ExcelJS.Worksheet, first: string): number => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
    throw new Error(`no ${first} header on ${ws.name}`);
  };
  const fill = (ws: ExcelJS.Worksheet, first: string, rows: Record<string, ExcelJS.CellValue>[]): void => {
    const h = headerRow(ws, first);
    const headers: string[] = [];
    ws.getRow(h).eachCell((c, i) => (headers[i] = String(c.value)));
    rows.forEach((row, i) => {
      for (const [header, value] of Object.entries(row)) ws.getRow(h + 1 + i).getCell(headers.indexOf(header)).value = value;
    });
  };
  const d = (iso: string): Date => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
  fill(wb.getWorksheet("Roster")!, "Name", [
    { Name: "Ana Silva", Party: "Principal", Active: true },
    { Name: "Carlos Rojas", Party: "Distributor", Active: true },
  ]);
  fill(wb.getWorksheet("JBP")!, "ID", [
    { ID: "OBJ-1", Objective: "Grow distribution", KPI: "Outlets", Unit: "outlets", Direction: "Higher is better", Baseline: 100, "Q1 target": 110, "Q2 target": 120, "Q3 target": 130, "Q4 target": 140, "FY target": 140, "Q1 actual": 108, "Principal owner": "Ana Silva", "Distributor owner": "Carlos Rojas" },
  ]);
  const action = { "JBP objective": "OBJ-1", Priority: 1, Party: "Distributor", Owner: "Carlos Rojas", Status: "In progress", KPI: "Outlets mapped", Unit: "outlets", Direction: "Higher is better", Baseline: 0, Target: 100 };
  fill(wb.getWorksheet("JAP")!, "ID", [
    { ...action, ID: "A-01", Action: "=> Map new outlets", Start: d("2026-03-02"), Due: d("2026-03-27"), "% complete": 0.6, Actual: 99, "Last update": d("2026-03-16") },
    { ...action, ID: "A-02", Action: "+20 outlets in Arequipa", Start: d("2026-03-02"), Due: d("2026-03-27"), "% complete": 0.7, Actual: 50, "Last update": d("2026-03-16") },
  ]);
  // The names as `new` wrote them (ExcelJS keeps only plain-range names on load).
  const options = { sample: false, force: false, principal: "Northwind", distributor: "Andes SA", month: { year: 2026, month: 3 }, asOf: serialFromIso("2026-03-18")! };
  setNames(wb, newWorkbookSpecs(newWorkbookInput(options, 0)).flatMap((s) => s.names));
  await wb.xlsx.writeFile(to);
}


import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, expectOneLineError } from "./runCli";
import type { PackJson } from "../../src/cli/packCommand";

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-cli-pack-"));
  sample = path.join(dir, "sample.xlsx");
  expect((await cli("new", sample, "--sample")).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("jointplan pack", () => {
  it("prints the pack grouped as on the sheet: plan RAG and why, objectives, Red and Amber, overdue, since the last review, decisions", async () => {
    const run = await cli("pack", sample);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe("sample.xlsx: Meeting pack · Andes Distribución S.A. · March 2026 (JAP), as of 2026-03-18");
    expect(lines[1]).toMatch(/^Plan RAG: Red: objectives 3 Red, 2 Amber, 0 Green \(worst of\)$/);
    const order = ["Objectives", "Red and Amber actions: 11", "Overdue actions: 2", "Since the last review", "Decisions and next steps"].map((h) => lines.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.out).toMatch(/A-06 +Cooler maintenance audit +Tomás Herrera +due 2026-03-10 +Red +0 % +Overdue by 8 days/);
    expect(run.out).toContain("… and 3 more on the JAP");
    expect(run.out).toContain("No review recorded yet; now 4 Red, 7 Amber, 7 Green, 2 Grey.");
  });

  it("gives the same pack as JSON, the lists as the sheet shows them", async () => {
    const run = await cli("pack", sample, "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as PackJson;
    expect(json.asOf).toBe("2026-03-18");
    expect(json.packs).toHaveLength(1);
    const p = json.packs[0];
    expect(p).toMatchObject({ japSheet: "JAP", distributor: "Andes Distribución S.A.", month: "March 2026", planRag: "Red", lastReview: null, then: null, now: { Red: 4, Amber: 7, Green: 7, Grey: 2 } });
    expect(p.objectives.map((o) => o.id)).toEqual(["OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4", "OBJ-5"]);
    expect(p.redAmber.map((a) => a.rag)).toEqual(["Red", "Red", "Red", "Red", "Amber", "Amber", "Amber", "Amber"]);
    expect(p.overdue.map((a) => [a.id, a.due, a.daysOverdue])).toEqual([["A-06", "2026-03-10", 8], ["A-07", "2026-03-13", 5]]);
  });

  it("judges on --as-of", async () => {
    const run = await cli("pack", sample, "--json", "--as-of", "2026-03-31");
    const json = JSON.parse(run.out) as PackJson;
    expect(json.asOf).toBe("2026-03-31");
    expect(json.packs[0].overdue.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a workbook without a plan in one line, and shows its help", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "hello";
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    expectOneLineError(await cli("pack", file));
    const help = await cli("pack", "--help");
    expect(help.out).toMatch(/^Usage: jointplan pack IN\.xlsx/);
  });
});

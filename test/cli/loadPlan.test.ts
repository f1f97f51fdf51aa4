/**
 * What `check` and `rag` say about files they cannot judge: formulas never calculated (the file
 * reads as blanks), a stray cell at the end of the grid, an input that never ends.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { JAP } from "../../src/plan/layouts";
import { footnotesBelowTable, planFile, totalsRowTable, uncalculatedHeaders, uncalculatedJap, withCell } from "../xlsx/fixtures";
import { rawWorkbook, textRow } from "../xlsx/rawPackage";
import { cli, expectOneLineError } from "./runCli";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-load-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);

describe("formulas never calculated", () => {
  it("says so with exit 2 instead of 'no findings (0 actions)'", async () => {
    writeFileSync(at("uncalculated.xlsx"), await uncalculatedJap());
    for (const command of ["check", "rag"]) {
      const run = await cli(command, at("uncalculated.xlsx"));
      expectOneLineError(run);
      expect(run.err).toBe(
        `jointplan ${command}: uncalculated.xlsx: formulas were never calculated, so the plan cannot be checked (JAP!A4 and 13 more cells in plan tables): open and save the file in Excel or LibreOffice, then run jointplan again\n`,
      );
    }
  });

  it("says so when even the headers are formulas, rather than 'no plan sheet'", async () => {
    writeFileSync(at("headers.xlsx"), await uncalculatedHeaders());
    const run = await cli("check", at("headers.xlsx"));
    expectOneLineError(run);
    expect(run.err).toBe(
      "jointplan check: headers.xlsx has no plan sheet that can be read: its formulas were never calculated (JAP!A1 and 6 more cells): open and save the file in Excel or LibreOffice, then run jointplan again\n",
    );
  });

  it("does not count formula columns (RAG) of a file written before cached values", async () => {
    const run = await cli("new", at("blank.xlsx"), "--as-of", "2026-03-18");
    expect(run.code).toBe(0);
    expect((await cli("check", at("blank.xlsx"))).code).toBe(0);
  });
});

describe("a JAP missing its Owner and Due headers", () => {
  it("is reported with exit 1, not passed as 'no findings (0 actions)'", async () => {
    const headers = JAP.columns.filter((c) => c.key !== "owner" && c.key !== "due" && !c.key.startsWith("calc")).map((c) => c.header);
    const row = headers.map((h) => ({ ID: "A-01", Action: "Open outlets", Party: "Distributor", Status: "In progress" })[h] ?? null);
    writeFileSync(at("no-owner.xlsx"), await rawWorkbook({ sheets: [{ name: "JAP", xml: textRow(1, headers) + textRow(2, row) }] }));
    const run = await cli("check", at("no-owner.xlsx"), "--json");
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.out).findings as { rule: string; message: string }[];
    expect(findings.filter((f) => f.rule === "structure.missingColumn").map((f) => f.message)).toEqual([
      "The JAP table on sheet 'JAP' has no 'Owner' column. Add a column headed 'Owner'.",
      "The JAP table on sheet 'JAP' has no 'Due' column. Add a column headed 'Due'.",
    ]);
  });
});

describe("rows outside the plan", () => {
  it("reads footnotes below the JAP table and a totals row as no actions: the same findings as the plan without them", async () => {
    writeFileSync(at("table.xlsx"), await planFile(20));
    writeFileSync(at("footnotes.xlsx"), await footnotesBelowTable(20));
    writeFileSync(at("totals.xlsx"), await totalsRowTable(20));
    const plain = await cli("check", at("table.xlsx"), "--json");
    for (const file of ["footnotes.xlsx", "totals.xlsx"]) {
      const run = await cli("check", at(file), "--json");
      expect(run.err).toBe("");
      expect(run.code).toBe(plain.code);
      expect(JSON.parse(run.out)).toEqual(JSON.parse(plain.out));
    }
  });
});

describe("inputs that used to exhaust the memory", () => {
  it("checks a 20-row plan with a cell at XFD1048576 as the plan without it", async () => {
    const plain = await planFile(20);
    writeFileSync(at("plain.xlsx"), plain);
    writeFileSync(at("stray.xlsx"), await withCell(plain, "JAP", "XFD1048576", "x"));
    const before = await cli("check", at("plain.xlsx"), "--json");
    const after = await cli("check", at("stray.xlsx"), "--json");
    expect(after.err).toBe("");
    expect(after.code).toBe(before.code);
    expect(JSON.parse(after.out)).toEqual(JSON.parse(before.out));
  });

  it("refuses /dev/zero with the size limit in one line", async () => {
    if (!existsSync("/dev/zero")) return;
    const run = await cli("check", "/dev/zero");
    expectOneLineError(run);
    expect(run.err).toBe("jointplan check: /dev/zero is larger than 100 MB, the most jointplan reads (a plan of 50,000 actions is about 14 MB)\n");
  });
});

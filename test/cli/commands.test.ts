import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { SAMPLE_AS_OF, samplePlan } from "../../src/plan/sample";
import { JAP } from "../../src/plan/layouts";
import { cli, cliAt, expectOneLineError } from "./runCli";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);

describe("help and arguments", () => {
  it("prints the overall help and each command's help with exit 0", async () => {
    const overall = await cli("--help");
    expect(overall.code).toBe(0);
    expect(overall.out).toContain("jointplan check IN.xlsx [--json] [--as-of YYYY-MM-DD]");
    for (const command of ["new", "check", "rag"]) {
      const help = await cli(command, "--help");
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: jointplan ${command} `));
      expect(help.out).toContain("Exit codes:");
    }
    expect((await cli("--version")).out).toBe("jointplan 9.9.9\n");
  });

  it("turns unknown flags, commands and bad values into one-line errors with exit 2", async () => {
    const run = await cli("check", "x.xlsx", "--verbose");
    expectOneLineError(run);
    expect(run.err).toBe("jointplan check: Unknown option '--verbose' for 'check' (see 'jointplan check --help')\n");
    expectOneLineError(await cli("frob"));
    expectOneLineError(await cli("rag", "x.xlsx", "--as-of", "2026-02-30"));
  });
});

describe("unreadable files", () => {
  it("says which file is missing", async () => {
    const run = await cli("check", at("nope.xlsx"));
    expectOneLineError(run);
    expect(run.err).toBe(`jointplan check: No such file: ${at("nope.xlsx")}\n`);
  });

  it("rejects a text file renamed .xlsx, an encrypted file and a workbook with no plan sheet", async () => {
    writeFileSync(at("notes.xlsx"), "Owner, Due\nAna, tomorrow\n");
    expect((await cli("rag", at("notes.xlsx"))).err).toBe("jointplan rag: notes.xlsx is not an Excel workbook (.xlsx)\n");
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from("EncryptionInfo", "utf16le")]);
    writeFileSync(at("locked.xlsx"), ole);
    const locked = await cli("check", at("locked.xlsx"));
    expectOneLineError(locked);
    expect(locked.err).toContain("locked.xlsx is password protected");

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["Item", "Cost"]);
    await wb.xlsx.writeFile(at("budget.xlsx"));
    const none = await cli("check", at("budget.xlsx"), "--json");
    expectOneLineError(none);
    expect(none.err).toMatch(/^jointplan check: budget\.xlsx has no plan sheet: .*sheets: Budget\n$/);
  });
});

describe("new, check and rag on the sample", () => {
  const sample = samplePlan(SAMPLE_AS_OF);

  beforeAll(async () => {
    const run = await cli("new", at("sample.xlsx"), "--sample", "--as-of", "2026-03-18");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
  });

  it("writes the six sheets", async () => {
    const wb = await loadWorkbook(at("sample.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Roster", "Settings", "JBP", "JAP", "RAG Summary", "Review Log"]));
  });

  it("never overwrites a file unless --force is given", async () => {
    const before = statSync(at("sample.xlsx")).mtimeMs;
    const run = await cli("new", at("sample.xlsx"));
    expectOneLineError(run);
    expect(run.err).toContain("already exists");
    expect(statSync(at("sample.xlsx")).mtimeMs).toBe(before);
    const forced = await cli("new", at("forced.xlsx"), "--sample", "--as-of", "2026-03-18");
    expect(forced.code).toBe(0);
    expect((await cli("new", at("forced.xlsx"), "--force")).code).toBe(0);
  });

  it("says when the output folder does not exist", async () => {
    const run = await cli("new", at("no/such/folder/plan.xlsx"));
    expectOneLineError(run);
    expect(run.err).toBe(`jointplan new: Cannot write ${at("no/such/folder/plan.xlsx")}: the folder ${at("no/such/folder")} does not exist\n`);
  });

  it("check finds every deliberate fault of the sample and exits 1", async () => {
    const run = await cli("check", at("sample.xlsx"), "--json");
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.out) as { findings: { sheet: string; cell: string; rule: string; severity: string; message: string; repair: unknown }[] };
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(["sheet", "cell", "rule", "severity", "message", "repair", "alternative"]);
      expect(["error", "warning"]).toContain(f.severity);
    }
    const wb = await loadWorkbook(at("sample.xlsx"));
    const jap = wb.getWorksheet("JAP")!;
    // Locate each faulty cell by the action's ID and the column's header, as a user would.
    const headerRow = findRow(jap, "ID");
    const columnOf = (header: string): number => headerCells(jap, headerRow).indexOf(header) + 1;
    for (const fault of sample.faults) {
      const header = jap.getRow(headerRow).getCell(columnFor(fault.column)).value;
      const rows = idRows(jap, headerRow, fault.id);
      const cells = rows.map((r) => jap.getCell(r, columnOf(String(header))).address);
      const hit = findings.filter((f) => f.sheet === "JAP" && cells.includes(f.cell) && f.rule.startsWith(`${fault.rule}.`));
      expect({ fault: fault.description, found: hit.length > 0 }).toEqual({ fault: fault.description, found: true });
    }
  });

  it("check prints a readable listing grouped by sheet", async () => {
    const run = await cli("check", at("sample.xlsx"));
    expect(run.code).toBe(1);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^sample\.xlsx, as of 2026-03-18: \d+ errors?, \d+ warnings? \(20 actions and 5 objectives checked\)\.$/);
    expect(lines).toContain("");
    expect(run.out).toMatch(/\nJAP \(\d+ findings?\)\n/);
    expect(run.out).toContain("repair: ");
  });

  it("rag gives every action and objective a colour with the documented JSON shape", async () => {
    const run = await cli("rag", at("sample.xlsx"), "--json");
    expect(run.code).toBe(0);
    const rag = JSON.parse(run.out);
    expect(Object.keys(rag)).toEqual(["asOf", "plan", "japs", "objectives", "actions"]);
    expect(rag.asOf).toBe("2026-03-18");
    expect(rag.japs).toEqual([{ sheet: "JAP", distributor: "Andes Distribución S.A.", month: "2026-03", current: true }]);
    expect(Object.keys(rag.actions[0])).toEqual(["id", "sheet", "rag", "reason", "overridden"]);
    expect(["Red", "Amber", "Green", "Grey"]).toContain(rag.plan.rag);
    expect(rag.actions).toHaveLength(20);
    expect(rag.objectives.map((o: { id: string }) => o.id)).toEqual(["OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4", "OBJ-5"]);
    const byId = (id: string) => rag.actions.find((a: { id: string }) => a.id === id);
    expect(byId("A-13").rag).toBe("Grey"); // cancelled
    expect(byId("A-12").rag).toBe("Green"); // done
    expect(byId("A-07").rag).toBe("Red"); // overdue
    for (const a of rag.actions) {
      expect(Object.keys(a)).toEqual(["id", "sheet", "rag", "reason", "overridden"]);
      expect(a.reason).not.toBe("");
    }
    // A-09's override has no reason, so it does not count.
    expect(rag.actions.filter((a: { id: string; overridden: boolean }) => a.id === "A-09" && a.overridden)).toHaveLength(0);
  });

  it("rag --as-of judges on another day", async () => {
    const run = await cli("rag", at("sample.xlsx"), "--json", "--as-of", "2026-04-30");
    expect(JSON.parse(run.out).asOf).toBe("2026-04-30");
    const late = JSON.parse(run.out).actions.filter((a: { rag: string }) => a.rag === "Red").length;
    const now = JSON.parse((await cli("rag", at("sample.xlsx"), "--json")).out).actions.filter((a: { rag: string }) => a.rag === "Red").length;
    expect(late).toBeGreaterThan(now);
  });

  it("rag prints the plan, objectives and actions in aligned columns", async () => {
    const run = await cli("rag", at("sample.xlsx"));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^sample\.xlsx, as of 2026-03-18: plan (Red|Amber|Green|Grey): /);
    expect(run.out).toMatch(/\nObjectives on JBP: \d+ Red, \d+ Amber, \d+ Green, \d+ Grey\n/);
    expect(run.out).toMatch(/\nActions on JAP: \d+ Red, \d+ Amber, \d+ Green, \d+ Grey\n/);
    const rows = run.out.split("\n").filter((l) => /^ {2}A-\d\d /.test(l));
    expect(rows).toHaveLength(20);
    // The RAG column starts at the same place on every row.
    expect(new Set(rows.map((r) => r.search(/ (Red|Amber|Green|Grey) /))).size).toBe(1);
  });
});

describe("new without the sample", () => {
  it("writes an empty plan that checks clean, with the as-of date, distributor and month given", async () => {
    const run = await cli("new", at("blank.xlsx"), "--principal", "Northwind", "--distributor", "Andes SA", "--month", "2026-05", "--as-of", "2026-05-04");
    expect(run.code).toBe(0);
    expect(existsSync(at("blank.xlsx"))).toBe(true);
    const check = await cli("check", at("blank.xlsx"), "--json");
    expect(JSON.parse(check.out)).toEqual({ findings: [], japs: [{ sheet: "JAP", distributor: "Andes SA", month: "2026-05", current: true }] });
    expect(check.code).toBe(0);
    const human = await cli("check", at("blank.xlsx"));
    expect(human.out).toBe("blank.xlsx, as of 2026-05-04: no findings (0 actions and 0 objectives checked).\n");
    const rag = JSON.parse((await cli("rag", at("blank.xlsx"), "--json")).out);
    expect(rag.asOf).toBe("2026-05-04");
    expect(rag.actions).toEqual([]);
    const wb = await loadWorkbook(at("blank.xlsx"));
    const jap = wb.getWorksheet("JAP")!;
    const values = jap.getSheetValues().flat().filter((v) => v !== null && v !== undefined);
    expect(values).toContain("Andes SA");
  });
});

function findRow(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`No row starting with ${first} on ${ws.name}`);
}
function headerCells(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (c, i) => (out[i - 1] = String(c.value ?? "")));
  return out;
}
function idRows(ws: ExcelJS.Worksheet, headerRow: number, id: string): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) rows.push(r);
  return rows;
}
/** 1-based column of a JAP key in the layout. */
function columnFor(key: string): number {
  return JAP.columns.findIndex((c) => c.key === key) + 1;
}

/** The Settings' As-of date cell of a written file. */
async function settingsAsOf(file: string): Promise<ExcelJS.CellValue> {
  const wb = await loadWorkbook(file);
  const settings = wb.getWorksheet("Settings")!;
  const asOfRow = [...Array(settings.rowCount).keys()].map((i) => settings.getRow(i + 1)).find((r) => r.getCell(1).value === "As-of date")!;
  return asOfRow.getCell(2).value;
}

describe("new --sample without --as-of", () => {
  const the27th = new Date(2026, 2, 27, 12, 0, 0);

  it("builds the sample around today's month and writes its as-of date, the 18th, so its colours show on the 27th", async () => {
    const run = await cliAt(the27th, "new", at("today.xlsx"), "--sample", "--distributor", "Lima Trading");
    expect(run.code).toBe(0);
    expect(run.out).toContain("as-of date 2026-03-18 (the sample's day: clear it in Settings to judge at today's date)");
    expect(await settingsAsOf(at("today.xlsx"))).toEqual(new Date(Date.UTC(2026, 2, 18)));
    const rag = JSON.parse((await cliAt(the27th, "rag", at("today.xlsx"), "--json")).out) as { asOf: string; actions: { id: string; rag: string }[] };
    expect(rag.asOf).toBe("2026-03-18");
    // The designed mix (samplePlan's expectedRag), not the thirteen Reds of a blank as-of on the 27th.
    expect(rag.actions.map((a) => a.rag)).toEqual(samplePlan(SAMPLE_AS_OF).expectedRag.map((e) => e.rag));
    const wb = await loadWorkbook(at("today.xlsx"));
    const values = wb.getWorksheet("JAP")!.getSheetValues().flat();
    expect(values).toContain("Lima Trading");
  });

  it("writes --as-of instead when given, and leaves an empty plan's as-of date blank", async () => {
    expect((await cliAt(the27th, "new", at("given.xlsx"), "--sample", "--as-of", "2026-03-25")).code).toBe(0);
    expect(await settingsAsOf(at("given.xlsx"))).toEqual(new Date(Date.UTC(2026, 2, 25)));
    const empty = await cliAt(the27th, "new", at("empty.xlsx"));
    expect(empty.out).toContain("as-of date blank (today)");
    expect(await settingsAsOf(at("empty.xlsx"))).toBeNull();
  });
});

describe("check and rag --date-order", () => {
  /** The sample with A-05's Start typed as the ambiguous text 05/03/2026. */
  beforeAll(async () => {
    expect((await cli("new", at("typed.xlsx"), "--sample", "--as-of", "2026-03-18")).code).toBe(0);
    const wb = await loadWorkbook(at("typed.xlsx"));
    const jap = wb.getWorksheet("JAP")!;
    const headerRow = findRow(jap, "ID");
    const cell = jap.getCell(idRows(jap, headerRow, "A-05")[0], columnFor("start"));
    cell.value = "05/03/2026";
    cell.numFmt = "@";
    await wb.xlsx.writeFile(at("typed.xlsx"));
  });
  const repairOf = async (...flags: string[]) => {
    const run = await cli("check", at("typed.xlsx"), "--json", ...flags);
    const { findings } = JSON.parse(run.out) as { findings: { rule: string; message: string; repair: { value: unknown } | null }[] };
    return findings.find((f) => f.rule === "date.notADate" && f.message.includes("05/03/2026"))?.message;
  };

  it("reads day first by default (a file has no locale) and month first with --date-order MDY", async () => {
    expect(await repairOf()).toContain("Make it the date 2026-03-05");
    expect(await repairOf("--date-order", "MDY")).toContain("Make it the date 2026-05-03");
    expect(await repairOf("--date-order=dmy")).toContain("Make it the date 2026-03-05");
  });

  it("is accepted by rag, and a bad value is a one-line error", async () => {
    expect((await cli("rag", at("typed.xlsx"), "--date-order", "MDY")).code).toBe(0);
    const bad = await cli("check", at("typed.xlsx"), "--date-order", "YMD");
    expectOneLineError(bad);
    expect(bad.err).toBe("jointplan check: --date-order must be DMY (day first) or MDY (month first), not 'YMD' (see 'jointplan check --help')\n");
  });
});

describe("write failures are one line and exit 2, and lose nothing", () => {
  const fsp = require("fs").promises as typeof import("fs").promises;
  const enospc = (): NodeJS.ErrnoException => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
  /** A disk that fills up half way through the workbook: half the bytes land, then ENOSPC. */
  const fillsUp = () =>
    jest.spyOn(fsp, "writeFile").mockImplementationOnce(async (file, data, options) => {
      const bytes = data as Buffer;
      await fsp.writeFile(file as string, bytes.subarray(0, bytes.length >> 1), options as { flag?: string });
      throw enospc();
    });
  afterEach(() => jest.restoreAllMocks());
  const leftovers = (): string[] => require("fs").readdirSync(dir).filter((f: string) => f.endsWith(".tmp"));

  it("a full disk while replacing a plan with --force leaves the old plan whole", async () => {
    expect((await cli("new", at("keep.xlsx"), "--sample", "--as-of", "2026-03-18")).code).toBe(0);
    const before = require("fs").readFileSync(at("keep.xlsx"));
    fillsUp();
    const run = await cli("new", at("keep.xlsx"), "--force");
    expectOneLineError(run);
    expect(run.err).toBe(`jointplan new: Cannot write ${at("keep.xlsx")}: the disk is full\n`);
    expect(require("fs").readFileSync(at("keep.xlsx")).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("a full disk while writing a new plan leaves no half-written file", async () => {
    fillsUp();
    const run = await cli("new", at("half.xlsx"));
    expectOneLineError(run);
    expect(run.err).toBe(`jointplan new: Cannot write ${at("half.xlsx")}: the disk is full\n`);
    expect(existsSync(at("half.xlsx"))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("replacing a plan keeps its permissions, and a plan reached through a link is replaced where it is", async () => {
    const fs = require("fs") as typeof import("fs");
    expect((await cli("new", at("real.xlsx"))).code).toBe(0);
    fs.chmodSync(at("real.xlsx"), 0o640);
    fs.symlinkSync(at("real.xlsx"), at("link.xlsx"));
    expect((await cli("new", at("link.xlsx"), "--sample", "--force", "--as-of", "2026-03-18")).code).toBe(0);
    expect(fs.lstatSync(at("link.xlsx")).isSymbolicLink()).toBe(true);
    expect(fs.statSync(at("real.xlsx")).mode & 0o777).toBe(0o640);
    expect(JSON.parse((await cli("rag", at("real.xlsx"), "--json")).out).actions).toHaveLength(20);
  });

  (existsSync("/dev/full") ? it : it.skip)("writing to /dev/full (through a link named .xlsx) says the disk is full", async () => {
    require("fs").symlinkSync("/dev/full", at("full.xlsx"));
    const run = await cli("new", at("full.xlsx"), "--force");
    expectOneLineError(run);
    expect(run.err).toBe(`jointplan new: Cannot write ${at("full.xlsx")}: the disk is full\n`);
  });
});

describe("limits of new", () => {
  it("refuses an as-of date outside the workbook's date validation, and a name longer than a cell", async () => {
    for (const asOf of ["1900-02-29", "9999-12-31"]) {
      const run = await cli("new", at(`asof-${asOf}.xlsx`), "--as-of", asOf);
      expectOneLineError(run);
      expect(run.err).toContain("--as-of must be a date from 2000-01-01 to 2099-12-31");
      expect(existsSync(at(`asof-${asOf}.xlsx`))).toBe(false);
    }
    const long = await cli("new", at("long.xlsx"), "--distributor", "D".repeat(40_000));
    expectOneLineError(long);
    expect(long.err).toBe("jointplan new: --distributor is 40,000 characters long: A cell holds at most 32,767 characters (Excel's limit) (see 'jointplan new --help')\n");
    expect(existsSync(at("long.xlsx"))).toBe(false);
  });
});

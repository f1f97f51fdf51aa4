import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { dateToSerial } from "../../src/xlsx/isoDateSerial";
import { fileKind } from "../../src/xlsx/fileKind";
import { checkWorkbook } from "../../src/plan/rules";
import { READ_LIMITS, type ReadLimits } from "../../src/xlsx/readLimits";
import { readWorkbookFile, readXlsx, WorkbookReadError } from "../../src/xlsx/readXlsx";
import { doctypeSheet, oddProducer, planFile, uncalculatedJap, withCell } from "./fixtures";
import { rawWorkbook } from "./rawPackage";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readXlsx", () => {
  it("reads values as Excel would hand them over: results, errors, serial dates, text", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Plan");
      ws.getCell("A1").value = 12.5;
      ws.getCell("B1").value = "=not a formula";
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = new Date(Date.UTC(2026, 2, 18));
      ws.getCell("D1").numFmt = "yyyy-mm-dd";
      ws.getCell("E1").value = new Date(Date.UTC(2026, 2, 18, 18, 0, 0));
      ws.getCell("A2").value = { formula: "A1*2", result: 25 };
      ws.getCell("B2").value = { formula: "A1*3" } as ExcelJS.CellFormulaValue;
      ws.getCell("C2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("D2").value = { richText: [{ text: "Ana " }, { font: { bold: true }, text: "Silva" }] };
      ws.getCell("E2").value = { text: "Spec", hyperlink: "https://example.com" };
      ws.getCell("A3").value = { error: "#N/A" };
      ws.getCell("B3").value = 0.45;
      ws.getCell("B3").numFmt = "0%";
      ws.getCell("D4").value = "last";
      // Falsy results, which ExcelJS's cell.value drops.
      ws.getCell("A4").value = { formula: "A1-A1", result: 0 };
      ws.getCell("B4").value = { formula: "A1<0", result: false };
      ws.getCell("C4").value = { formula: 'IF(A1>0,"","x")', result: "" };
    });
    const [grid] = await readXlsx(bytes);
    expect(grid.name).toBe("Plan");
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values).toEqual([
      [12.5, "=not a formula", true, 46099, 46099.75],
      [25, null, { error: "#DIV/0!" }, "Ana Silva", "Spec"],
      [{ error: "#N/A" }, 0.45, null, null, null],
      // An empty-text result is stored as an empty <v>, which ExcelJS reads as no result: blank.
      [0, false, null, "last", null],
    ]);
    expect(grid.numberFormats?.[0][3]).toBe("yyyy-mm-dd");
    expect(grid.numberFormats?.[2][1]).toBe("0%");
    expect(grid.numberFormats?.[0][0]).toBe("General");
  });

  it("gives dates of a 1904 workbook as 1900-system serials", async () => {
    const bytes = await bytesOf((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = new Date(Date.UTC(2028, 1, 29));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    const [grid] = await readXlsx(bytes);
    expect(grid.values[0][0]).toBe(46812);
  });

  it("keeps a merged area's value in its top-left cell only, as Excel does", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "Title";
      ws.mergeCells("A1:C1");
    });
    const [grid] = await readXlsx(bytes);
    expect(grid.values[0]).toEqual(["Title", null, null]);
  });

  it("reads every worksheet in order, empty ones as empty grids", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("One").getCell("B2").value = 1;
      wb.addWorksheet("Empty");
    });
    const grids = await readXlsx(bytes);
    expect(grids.map((g) => g.name)).toEqual(["One", "Empty"]);
    expect(grids[0].values).toEqual([
      [null, null],
      [null, 1],
    ]);
    expect(grids[1].values).toEqual([]);
  });

  it("turns UTC dates into serials exactly, whole days as integers", () => {
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 30)))).toBe(0);
    expect(dateToSerial(new Date(Date.UTC(2026, 0, 31, 12)))).toBe(46053.5);
  });
});

describe("unreadable files give a one-line reason", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-xlsx-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ole = (stream: string): Buffer =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, "utf16le")]);

  async function reason(name: string, content: Buffer | null): Promise<string> {
    const file = path.join(dir, name);
    if (content) writeFileSync(file, content);
    try {
      await readXlsx(file);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const message = (e as Error).message;
      expect(message).not.toContain("\n");
      return message;
    }
    throw new Error(`${name} was read`);
  }

  it("names each case", async () => {
    expect(await reason("notes.xlsx", Buffer.from("just some text\n"))).toBe("notes.xlsx is not an Excel workbook (.xlsx)");
    expect(await reason("empty.xlsx", Buffer.alloc(0))).toBe("empty.xlsx is empty (0 bytes), not an Excel workbook");
    expect(await reason("locked.xlsx", ole("EncryptionInfo"))).toMatch(/^locked\.xlsx is password protected: /);
    expect(await reason("old.xls", ole("Workbook"))).toMatch(/^old\.xls is an Excel 97-2003 \.xls file/);
    expect(await reason("missing.xlsx", null)).toBe(`No such file: ${path.join(dir, "missing.xlsx")}`);
    expect(await reason(".", null)).toBe(`${path.join(dir, ".")} is a folder, not an Excel workbook`);
  });

  it("tells an OpenDocument file and a broken zip from a workbook", async () => {
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")]);
    expect(fileKind(ods)).toBe("ods");
    expect(await reason("calc.xlsx", ods)).toMatch(/OpenDocument spreadsheet/);
    const truncated = (await bytesOf((wb) => void wb.addWorksheet("S"))).subarray(0, 400);
    expect(fileKind(truncated)).toBe("xlsx");
    expect(await reason("cut.xlsx", Buffer.from(truncated))).toMatch(/^cut\.xlsx could not be read as an \.xlsx workbook \(/);
  });
});

describe("reading follows the filled cells, not the last cell's address", () => {
  it("reads a 20-row plan with a stray cell at XFD1048576 as the same plan, the cell where it is", async () => {
    const plain = await planFile(20);
    const stray = await withCell(plain, "JAP", "XFD1048576", "x");
    const before = checkWorkbook(await readXlsx(plain), { today: 46099 });
    const grids = await readXlsx(stray);
    const after = checkWorkbook(grids, { today: 46099 });
    expect(after.findings).toEqual(before.findings);
    expect(after.plan.japs[0].actions).toEqual(before.plan.japs[0].actions);
    const jap = grids.find((g) => g.name === "JAP")!;
    expect(jap.values).toHaveLength(1048576);
    const last = jap.values[1048575];
    expect(last[16383]).toBe("x");
    // The last row is sparse: one cell stored, not 16,384.
    expect(Object.keys(last)).toEqual(["16383"]);
    // The blank rows between share one empty row.
    expect(jap.values[500000]).toBe(jap.values[600000]);
  });

  it("reads a sheet whose part names, order and XML are not ExcelJS's", async () => {
    const grids = await readXlsx(await oddProducer());
    // The chart sheet has no cells; the hidden sheet is read as Excel lists it.
    expect(grids.map((g) => g.name)).toEqual(["Données & co", "Hidden"]);
    expect(grids[0].values).toEqual([
      ["<b>&raw", "Tom & Jerry\u2019s"],
      [46099.5, { error: "#REF!" }, true],
      ["third", 3, null],
    ].map((r) => [...r, ...new Array(3 - r.length).fill(null)]));
    expect(grids[1].values).toEqual([["Ana Silva", "line\rbreak", "plain", 46099, 46099]]);
    expect(grids[1].numberFormats).toEqual([["General", "General", "General", "dd/mm/yyyy", "mm-dd-yy"]]);
  });

  it("counts formula cells without a cached result, and reads them as blanks", async () => {
    const read = await readWorkbookFile(await uncalculatedJap());
    expect(read.uncalculated).toHaveLength(14);
    expect(read.uncalculated[0]).toEqual({ sheet: "JAP", row: 3, col: 0 });
    expect(read.grids[0].values[3]).toEqual(new Array(7).fill(null));
  });
});

describe("hostile files get a one-line reason", () => {
  const refusal = async (bytes: Buffer, limits?: Partial<ReadLimits>): Promise<string> => {
    try {
      await readWorkbookFile(bytes, "bad.xlsx", { ...READ_LIMITS, ...limits });
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect((e as Error).message).not.toContain("\n");
      return (e as Error).message;
    }
    throw new Error("it was read");
  };

  it("refuses a DOCTYPE, so that no entity is declared or expanded (XXE, billion laughs)", async () => {
    expect(await refusal(await doctypeSheet())).toBe("bad.xlsx could not be read as an .xlsx workbook (xl/worksheets/sheet1.xml declares a DOCTYPE, which Excel files never do)");
  });

  it("refuses XML that is not well-formed and cells outside Excel's grid", async () => {
    const broken = await rawWorkbook({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>1</c></row>' }] });
    expect(await refusal(broken)).toMatch(/^bad\.xlsx could not be read as an \.xlsx workbook \(xl\/worksheets\/sheet1\.xml is not well-formed XML \(<\/c> closes <v>\)\)$/);
    const outside = await rawWorkbook({ sheets: [{ name: "S", xml: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] });
    expect(await refusal(outside)).toContain("cell 'XFE1' is outside Excel's grid (A1:XFD1048576)");
  });

  it("stops inflating at the XML budget (a zip bomb) and at the filled-cell budget", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const big = await rawWorkbook({ sheets: [{ name: "S", xml: rows }] });
    expect(await refusal(big, { xmlBytes: 20_000 })).toMatch(/\(it expands to more than 0 MB of XML, the most jointplan reads\)$/);
    expect(await refusal(big, { cells: 1000 })).toMatch(/\(it has more than 1,000 filled cells, the most jointplan reads\)$/);
    expect((await readWorkbookFile(big)).grids[0].values).toHaveLength(2000);
  });

  it("refuses a file over the size limit before reading it, and a device that never ends", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jointplan-size-"));
    try {
      const file = path.join(dir, "huge.xlsx");
      // A sparse file: 101 MB long, nothing written.
      writeFileSync(file, "");
      truncateSync(file, READ_LIMITS.fileBytes + 1);
      await expect(readWorkbookFile(file)).rejects.toThrow(`${file} is larger than 100 MB, the most jointplan reads (a plan of 50,000 actions is about 14 MB)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (existsSync("/dev/zero")) await expect(readWorkbookFile("/dev/zero")).rejects.toThrow("/dev/zero is larger than 100 MB, the most jointplan reads");
  });
});

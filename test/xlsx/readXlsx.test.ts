import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { dateToSerial } from "../../src/xlsx/cellValue";
import { fileKind } from "../../src/xlsx/fileKind";
import { readXlsx, WorkbookReadError } from "../../src/xlsx/readXlsx";

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

  it("inverts ExcelJS's date conversion exactly", () => {
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

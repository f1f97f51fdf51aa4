import type { SheetSpec } from "../../src/plan/sheets";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { cellA1, jbpHeaderValues, parseCellA1, parseRangeA1, serialFromIso } from "../../src/plan/model";
import { evaluate } from "../../src/plan/expr";
import { actionRowValues, countRags, JAP_HELPER_COLUMNS, objectiveRowValues, settingsNameValues } from "../../src/plan/rag";
import { checkWorkbook } from "../../src/plan/rules";
import { specGrid } from "../../src/plan/sheets";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { ragCachedValues } from "../../src/xlsx/ragCachedValues";
import { calculatedColumnsOf, pointsToCharacters, writeXlsx } from "../../src/xlsx/writeXlsx";
import { readWorkbookFile, readXlsx } from "../../src/xlsx/readXlsx";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { packageParts, sheetPartName } from "./rawPackage";

/** A small hand-made spec that uses every part of a SheetSpec. */
function planSpec(): SheetSpec {
  return {
    sheetName: "My Plan",
    kind: "jap",
    names: [
      { name: "JP_Limit", formula: "='My Plan'!$B$1" },
      { name: "JP_Twice", formula: "=2*'My Plan'!$B$1" },
    ],
    formats: [
      { address: "A3:A4", numberFormat: "@" },
      { address: "B3:B4", numberFormat: "yyyy-mm-dd" },
    ],
    blocks: [
      { address: "A1:B1", values: [["Limit", 10]] },
      { address: "A2:C2", values: [["Action", "Due", "Check"]] },
      { address: "A3:B4", values: [["=SUM(1,2)", 46099], ["+44 phone", null]] },
      { address: "C3:C4", formulas: [['=IF(B3>JP_Limit,"late","")'], ['=IF(B4>JP_Limit,"late","")']] },
      { address: "D1", formulas: [["=IFERROR(AGGREGATE(15,6,ROW(B3:B4)/(B3:B4>0),1),\"none\")"]] },
    ],
    tables: [{ name: "JP_Test", position: { sheet: "My Plan", headerRow: 1, lastRow: 3, columns: { action: 0, due: 1, check: 2 } }, headers: ["Action", "Due", "Check"], style: "TableStyleLight9" }],
    styles: [{ address: "A1", bold: true, fontSize: 14, fill: "#BFE5C4", horizontalAlignment: "Center" }],
    columnWidths: [{ col: 0, width: 140 }],
    validations: [
      { address: "A3:A4", spec: { type: "list", source: "Yes,No", allowBlank: true, alert: "stop" } },
      { address: "B3:B4", spec: { type: "date", operator: "greaterThanOrEqualTo", formula1: "=DATE(2000,1,1)", allowBlank: true, alert: "stop" }, prompt: { title: "Due", message: "A date" } },
      { address: "C3:C4", spec: { type: "list", source: "=JP_Limit", allowBlank: false, alert: "warning" } },
    ],
    conditionalFormats: [{ ruleId: "date.late", address: "B3:B4", formula: "=$B3>JP_Limit", fill: "#F4B6B6", fontColor: "#7A0000" }],
    freezeRows: 2,
    freezeColumns: 0,
    outlineColumns: [],
    print: null,
    charts: [{ name: "c", type: "Pie", source: "A2:B4", seriesBy: "Columns", title: "A chart", anchor: "E2", width: 300, height: 200 }],
  };
}

describe("writeXlsx", () => {
  it("writes a spec's cells, text as text, formulas as formulas, and its charts", async () => {
    const { bytes, skippedCharts } = await writeXlsx([planSpec()]);
    expect(skippedCharts).toEqual([]);
    const parts = await packageParts(bytes);
    expect(parts["xl/charts/chart1.xml"]).toContain("<c:pieChart>");
    expect(parts["xl/drawings/drawing1.xml"]).toContain('name="c"');
    // <drawing> before <tableParts>, as CT_Worksheet orders them.
    expect(parts[sheetPartName(parts, "My Plan")]).toMatch(/<drawing r:id="rId\d+"\/><tableParts/);
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet("My Plan")!;
    expect(ws.getCell("A3").value).toBe("=SUM(1,2)");
    expect(ws.getCell("A3").numFmt).toBe("@");
    expect(ws.getCell("A4").value).toBe("+44 phone");
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("C3").formula).toBe('IF(B3>JP_Limit,"late","")');
    expect(ws.getCell("C4").formula).toBe('IF(B4>JP_Limit,"late","")');
    // Post-2007 functions carry their file prefix, or Excel and LibreOffice do not know them.
    expect(ws.getCell("D1").formula).toBe('IFERROR(_xlfn.AGGREGATE(15,6,ROW(B3:B4)/(B3:B4>0),1),"none")');
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFBFE5C4" } });
    expect(ws.getColumn(1).width).toBeCloseTo(pointsToCharacters(140));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // The grid reader sees what Excel would show before recalculation.
    const [grid] = await readXlsx(bytes);
    expect(grid.values.slice(0, 4)).toEqual([
      ["Limit", 10, null, null],
      ["Action", "Due", "Check", null],
      ["=SUM(1,2)", 46099, null, null],
      ["+44 phone", null, null, null],
    ]);
  });

  it("writes names, the table, validation and conditional formats into the file", async () => {
    const { bytes } = await writeXlsx([planSpec()]);
    expect((await loadWorkbook(bytes)).worksheets).toHaveLength(1);
    const xml = await unzipText(bytes);
    expect(xml["xl/workbook.xml"]).toContain(`<definedName name="JP_Limit">'My Plan'!$B$1</definedName>`);
    expect(xml["xl/workbook.xml"]).toContain(`<definedName name="JP_Twice">2*'My Plan'!$B$1</definedName>`);
    const sheet = xml["xl/worksheets/sheet1.xml"];
    expect(sheet).toMatch(/<dataValidation type="list" allowBlank="1"[^>]*sqref="A3:A4"><formula1>"Yes,No"<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="date" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" promptTitle="Due" prompt="A date"[^>]*sqref="B3:B4"><formula1>DATE\(2000,1,1\)<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="C3:C4"><formula1>JP_Limit<\/formula1>/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="B3:B4"><cfRule type="expression" dxfId="\d+" priority="1"><formula>\$B3>JP_Limit<\/formula>/);
    const table = Object.entries(xml).find(([name]) => name.startsWith("xl/tables/"))?.[1] ?? "";
    expect(table).toContain('name="JP_Test"');
    expect(table).toContain('ref="A2:C4"');
    expect(table).toMatch(/<tableColumn id="3" name="Check"[^>]*>/);
  });
});

const decodeXml = (xml: string): string =>
  xml.replace(/&(apos|quot|gt|lt|amp);/g, (_m, e: string) => ({ apos: "'", quot: '"', gt: ">", lt: "<", amp: "&" })[e] as string);

describe("Priority's validation (issue 15, item 2)", () => {
  it("is Excel's Any value with the input prompt alone, in the file as in the add-in", async () => {
    const bytes = await writeXlsx(newWorkbookSpecs(newWorkbookInput({ sample: false, force: false, asOf: serialFromIso("2026-03-18")! }, serialFromIso("2026-03-18")!))).then((r) => r.bytes);
    const xml = await unzipText(bytes);
    const jap = Object.entries(xml).find(([name, text]) => name.startsWith("xl/worksheets/") && text.includes('promptTitle="Priority"'))?.[1] ?? "";
    const element = /<dataValidation [^>]*promptTitle="Priority"[^>]*>/.exec(jap)?.[0] ?? "";
    expect(element).toMatch(/showInputMessage="1"/);
    expect(element).toMatch(/prompt="A rank \(1 is the most important\), a level \(High, Medium, Low\) or a focus area's name/);
    // No type attribute: OOXML's default "none", which Excel shows as Any value.
    expect(element).not.toMatch(/ type=/);
    // ExcelJS reads it back as "any", and the other columns keep their rules.
    const ws = (await loadWorkbook(bytes)).worksheets.find((w) => /^JAP/.test(w.name))!;
    const header = ws.getRow(7).values as unknown[];
    const col = header.indexOf("Priority");
    expect(col).toBeGreaterThan(0);
    expect(ws.getCell(8, col).dataValidation).toMatchObject({ type: "any", promptTitle: "Priority" });
    expect(ws.getCell(8, header.indexOf("Due")).dataValidation).toMatchObject({ type: "date" });
  });
});

/** The text parts of an .xlsx (a zip), read with the zip library ExcelJS itself depends on. */
async function unzipText(bytes: Buffer): Promise<Record<string, string>> {
   
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml")) out[name] = decodeXml(await zip.file(name).async("string"));
  return out;
}

describe("cached values and calculated columns", () => {
  it("writes each formula cell's cached value with its type, and none where the caller gives none", async () => {
    const spec: SheetSpec = {
      ...planSpec(),
      blocks: [{ address: "A1:F1", formulas: [["=1+1", '="a"&"b"', '=""', "=TRUE()", "=1/0", "=2+2"]] }],
      tables: [],
      validations: [],
      conditionalFormats: [],
      names: [],
    };
    const cached = { "My Plan": { A1: 2, B1: "=cmd|' /C calc'!A0", C1: "", D1: false, E1: { error: "#DIV/0!" } } };
    const { bytes } = await writeXlsx([spec], [], { cachedValues: cached });
    const sheet = (await unzipText(bytes))["xl/worksheets/sheet1.xml"];
    expect(sheet).toMatch(/<c r="A1"( s="\d+")?><f>1\+1<\/f><v>2<\/v><\/c>/);
    expect(sheet).toContain("<c r=\"B1\" t=\"str\"><f>\"a\"&\"b\"</f><v>=cmd|' /C calc'!A0</v></c>");
    expect(sheet).toContain("<c r=\"C1\" t=\"str\"><f>\"\"</f><v></v></c>");
    expect(sheet).toContain("<c r=\"D1\" t=\"b\"><f>TRUE()</f><v>0</v></c>");
    expect(sheet).toContain("<c r=\"E1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
    expect(sheet).toContain("<c r=\"F1\"><f>2+2</f></c>");
    const read = await readWorkbookFile(bytes);
    // A cached text that looks like a formula is a value, never a formula.
    expect(read.grids[0].values[0]).toEqual([2, "=cmd|' /C calc'!A0", null, false, { error: "#DIV/0!" }, null]);
    expect(read.uncalculated).toEqual([{ sheet: "My Plan", row: 0, col: 5 }]);
  });

  it("makes each formula column of a table a calculated column, in the form Excel writes", async () => {
    const { bytes } = await writeXlsx([planSpec()]);
    const xml = await unzipText(bytes);
    const table = Object.entries(xml).find(([name]) => name.startsWith("xl/tables/"))![1];
    // The first data row's formula, as the file stores it; the value columns stay bare.
    expect(table).toMatch(/<tableColumn id="3" name="Check"[^>]*><calculatedColumnFormula>IF\(B3>JP_Limit,"late",""\)<\/calculatedColumnFormula><\/tableColumn>/);
    expect(table).toMatch(/<tableColumn id="1" name="Action"[^>]*\/>/);
    expect(calculatedColumnsOf([planSpec()])).toEqual({ JP_Test: { Check: 'IF(B3>JP_Limit,"late","")' } });
  });

  it("gives every formula cell of jointplan new's plan tables the engine's value", async () => {
    const day = serialFromIso("2026-03-18")!;
    const specs = newWorkbookSpecs(newWorkbookInput({ sample: true, force: false, asOf: day }, day));
    const cached = ragCachedValues(specs, day);
    const result = checkWorkbook(specs.map(specGrid), { today: day });
    const { rag } = result;
    const names = settingsNameValues(result.plan.settings, result.asOf);
    // Every formula cell of the JAP and JBP tables has one (the summary's are the summary's).
    let cells = 0;
    for (const spec of specs.filter((s) => s.kind === "jap" || s.kind === "jbp")) {
      for (const b of spec.blocks.filter((x) => x.formulas)) {
        const r = parseRangeA1(b.address)!;
        for (let row = r.row; row <= r.lastRow; row++) {
          for (let col = r.col; col <= r.lastCol; col++, cells++) expect({ cell: `${spec.sheetName}!${cellA1(row, col)}`, has: cached[spec.sheetName]?.[cellA1(row, col)] != null }).toEqual({ cell: `${spec.sheetName}!${cellA1(row, col)}`, has: true });
        }
      }
    }
    expect(cells).toBeGreaterThan(200);
    const jap = specs.find((s) => s.kind === "jap")!;
    const columns = jap.tables[0].position.columns;
    const ragCol = columns.rag;
    for (const a of rag.actions) expect(cached[jap.sheetName][cellA1(a.row, ragCol)]).toBe(a.rag);
    // The helper columns hold what the engine evaluates for each helper's part of the rule, inline.
    for (const a of result.plan.japs[0].actions) {
      for (const h of JAP_HELPER_COLUMNS) expect({ key: h.key, value: cached[jap.sheetName][cellA1(a.source.row, columns[h.key])] }).toEqual({ key: h.key, value: evaluate(h.expr, { row: actionRowValues(a), names }) });
    }
    // Rows without an action show what the formula shows: "".
    const empty = newWorkbookSpecs(newWorkbookInput({ sample: false, force: false, asOf: day }, day));
    const emptyJap = empty.find((s) => s.kind === "jap")!;
    const blankCached = ragCachedValues(empty, day)[emptyJap.sheetName];
    const blank = Object.entries(blankCached).filter(([a]) => parseCellA1(a)!.col === emptyJap.tables[0].position.columns.rag).map(([, v]) => v);
    expect(blank.length).toBe(20);
    expect(new Set(blank)).toEqual(new Set([""]));
    const jbp = specs.find((s) => s.kind === "jbp")!;
    const jbpColumns = jbp.tables[0].position.columns;
    expect(rag.objectives.map((o) => cached[jbp.sheetName][cellA1(o.row, jbpColumns.rag)])).toEqual(rag.objectives.map((o) => o.rag));
    // The KPI and count columns: what the engine rolls up for each objective.
    const ragOf = new Map(rag.actions.map((r) => [r.row, r.rag]));
    for (const o of result.plan.jbps[0].objectives) {
      const counts = countRags(result.plan.japs[0].actions.filter((a) => o.id !== "" && a.objectiveId.toLowerCase() === o.id.toLowerCase()).map((a) => ragOf.get(a.source.row)!));
      const expected = objectiveRowValues(o, counts, names, jbpHeaderValues(result.plan.jbps[0]));
      for (const key of ["ytdTarget", "ytdActual", "pctToTarget", "actionsRed", "actionsAmber", "actionsGreen"]) {
        expect({ id: o.id, key, value: cached[jbp.sheetName][cellA1(o.source.row, jbpColumns[key])] }).toEqual({ id: o.id, key, value: expected[key] });
      }
    }
    // Read back, the file's RAG column holds them.
    const grids = await readXlsx((await writeXlsx(specs, [], { cachedValues: cached })).bytes);
    const grid = grids.find((g) => g.name === jap.sheetName)!;
    expect(rag.actions.map((a) => grid.values[a.row][ragCol])).toEqual(rag.actions.map((a) => a.rag));
  });
});

/**
 * The RAG Summary's charts in files: `jointplan new` writes them as DrawingML parts (one drawing
 * on the summary sheet, a chart part each) over the summary's own ranges, in the spec's colours
 * and sizes; a rewrite that keeps the summary sheet carries them over as stored, one that rebuilds
 * it (a spec written in the edit) draws the spec's charts instead. Every part is well-formed XML.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { absoluteRangeA1, parseCellA1, parseRangeA1, quoteSheet, serialFromIso } from "../../src/plan/model";
import { newWorkbook } from "../../src/plan/workbook";
import type { SpecChart } from "../../src/plan/sheets";
import { buildSummaryLayout, buildSummarySheetSpec } from "../../src/plan/summary";
import { EMU_PER_POINT } from "../../src/xlsx/chartXml";
import { relativeTarget, withDrawingElement } from "../../src/xlsx/packageCharts";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { replaceSheetSpec } from "../../src/xlsx/sheetEdits";
import { sampleFile } from "./fixtures";
import { LOSS_FEATURES } from "./lossFixtures";
import { addToPackage, chartsOnSheet, editPackage, packageParts, sheetPartName } from "./rawPackage";

const day = serialFromIso("2026-03-18")!;
/** The workbook `new --sample` plans, as sampleFile writes it: its summary spec holds the charts the add-in draws. */
const planned = newWorkbook(newWorkbookInput({ sample: true, force: false, asOf: day }, day));
const specCharts = (): SpecChart[] => planned.specs.find((s) => s.kind === "summary")!.charts;
let sample: Buffer;

beforeAll(async () => {
  sample = await sampleFile();
});

describe("the RAG Summary's charts in a file jointplan writes", () => {
  it("puts both charts of the spec on the summary sheet, over its ranges, in its colours, at its anchors and sizes", async () => {
    const parts = await packageParts(sample);
    const found = chartsOnSheet(parts, "RAG Summary")!;
    expect(found).not.toBeNull();
    const charts = specCharts();
    expect(charts.map((c) => c.name)).toEqual(["JP_RagChart", "JP_TrendChart"]);
    expect([...found.drawing.matchAll(/<xdr:cNvPr [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(charts.map((c) => c.name));
    const anchors = [...found.drawing.matchAll(/<xdr:oneCellAnchor><xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row><xdr:rowOff>0<\/xdr:rowOff><\/xdr:from><xdr:ext cx="(\d+)" cy="(\d+)"\/>/g)];
    expect(anchors.map((m) => m.slice(1).map(Number))).toEqual(charts.map((c) => [parseCellA1(c.anchor)!.col, parseCellA1(c.anchor)!.row, c.width * EMU_PER_POINT, c.height * EMU_PER_POINT]));
    charts.forEach((spec, i) => {
      const xml = found.charts[i];
      const r = parseRangeA1(spec.source)!;
      const ref = (a: number, b: number, c: number, d: number): string => `${quoteSheet("RAG Summary")}!${absoluteRangeA1(a, b, c, d)}`;
      expect(xml).toContain(`<a:t>${spec.title}</a:t>`);
      expect(xml).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="stacked"\/>/);
      expect(xml).toContain('<c:overlap val="100"/>');
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
      expect(series).toHaveLength(r.lastCol - r.col);
      series.forEach((s, k) => {
        const col = r.col + 1 + k;
        expect(/<c:tx><c:strRef><c:f>([^<]+)<\/c:f>/.exec(s)?.[1]).toBe(ref(r.row, col, r.row, col));
        expect(/<c:val><c:numRef><c:f>([^<]+)<\/c:f>/.exec(s)?.[1]).toBe(ref(r.row + 1, col, r.lastRow, col));
        expect(/<c:cat><c:(?:str|num)Ref><c:f>([^<]+)<\/c:f>/.exec(s)?.[1]).toBe(ref(r.row + 1, r.col, r.lastRow, r.col));
        expect(/<a:srgbClr val="([0-9A-F]{6})"\/>/.exec(s)?.[1]).toBe(spec.seriesColors![k].replace("#", "").toUpperCase());
      });
      // Text categories: a category axis that is a text axis (never a date axis), one level.
      expect(xml).not.toContain("<c:dateAx>");
      expect(xml).toContain(spec.textCategories ? '<c:auto val="0"/>' : '<c:auto val="1"/>');
      expect(xml).toContain(spec.textCategories ? '<c:noMultiLvlLbl val="1"/>' : '<c:noMultiLvlLbl val="0"/>');
    });
    expect(charts[1].textCategories).toBe(true);
    const types = parts["[Content_Types].xml"];
    expect(types).toMatch(/PartName="\/xl\/charts\/chart1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawingml\.chart\+xml"/);
    expect(types).toMatch(/PartName="\/xl\/drawings\/drawing1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/);
  });

  it("writes well-formed parts (xmllint)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jointplan-charts-"));
    try {
      const parts = await packageParts(sample);
      const names = Object.keys(parts).filter((n) => /^xl\/(charts|drawings)\/|^\[Content_Types\]|^xl\/worksheets\/(_rels\/)?sheet/.test(n));
      expect(names.filter((n) => n.startsWith("xl/charts/"))).toHaveLength(2);
      for (const n of names) {
        const file = path.join(dir, n.replace(/[/[\]]/g, "_"));
        writeFileSync(file, parts[n]);
        expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("carries the charts over as stored through a rewrite that keeps the summary sheet", async () => {
    const before = await packageParts(sample);
    const after = await packageParts(await rewriteWorkbook(sample, (wb) => void (wb.getWorksheet("JAP")!.getCell("B40").value = "note")));
    expect(chartsOnSheet(after, "RAG Summary")!.charts).toEqual(chartsOnSheet(before, "RAG Summary")!.charts);
    // A chart part a user formatted in Excel comes through byte for byte too.
    const styled = await packageParts(
      await rewriteWorkbook(
        await editPackage(sample, { "xl/charts/chart1.xml": (x) => x!.replace('<c:roundedCorners val="0"/>', '<c:roundedCorners val="1"/>') }),
      ),
    );
    expect(chartsOnSheet(styled, "RAG Summary")!.charts[0]).toContain('<c:roundedCorners val="1"/>');
  });

  it("carries them beside a picture ExcelJS writes on another sheet, under a drawing name of their own", async () => {
    const picture = LOSS_FEATURES.find((f) => f.key === "image")!;
    const input = await addToPackage(sample, picture.add(sheetPartName(await packageParts(sample), "JAP")));
    const after = await packageParts(await rewriteWorkbook(input));
    const drawings = Object.keys(after).filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n));
    expect(drawings).toHaveLength(2);
    expect(chartsOnSheet(after, "RAG Summary")!.charts).toEqual(chartsOnSheet(await packageParts(sample), "RAG Summary")!.charts);
    expect(chartsOnSheet(after, "JAP")!.drawing).toContain("<xdr:pic>");
  });

  it("draws the spec's charts when the edit rebuilds the summary, and none it no longer asks for", async () => {
    const rebuilt = await rewriteWorkbook(sample, (wb) => {
      const spec = buildSummarySheetSpec(buildSummaryLayout(planned.summaryInput));
      replaceSheetSpec(wb, { ...spec, charts: spec.charts.filter((c) => c.name === "JP_TrendChart").map((c) => ({ ...c, title: "Rebuilt" })) });
    });
    const found = chartsOnSheet(await packageParts(rebuilt), "RAG Summary")!;
    expect(found.charts).toHaveLength(1);
    expect(found.charts[0]).toContain("<a:t>Rebuilt</a:t>");
    expect(found.drawing).toContain('name="JP_TrendChart"');
  });

  it("places <drawing> by the worksheet's element order and binds its prefix", () => {
    const xml = '<worksheet xmlns="s"><sheetData/><pageMargins/><headerFooter/><legacyDrawing r:id="x"/><tableParts count="0"/></worksheet>';
    expect(withDrawingElement(xml, "rId3")).toBe('<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="s"><sheetData/><pageMargins/><headerFooter/><drawing r:id="rId3"/><legacyDrawing r:id="x"/><tableParts count="0"/></worksheet>');
    expect(withDrawingElement("<worksheet><sheetData/></worksheet>", "rId1")).toMatch(/<sheetData\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(() => withDrawingElement('<worksheet><drawing r:id="a"/></worksheet>', "rId1")).toThrow(/already has a drawing/);
    expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart1.xml")).toBe("../charts/chart1.xml");
    expect(relativeTarget("xl/worksheets/sheet5.xml", "xl/drawings/drawing2.xml")).toBe("../drawings/drawing2.xml");
  });
});


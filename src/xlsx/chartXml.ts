/**
 * The DrawingML parts of a SpecChart (ECMA-376 Part 1, §21.2 charts and §20.5 spreadsheet
 * drawings): the chart part (c:chartSpace) and the drawing part that places charts on a sheet.
 * Elements follow the schema's sequences (CT_ChartSpace, CT_BarChart, CT_BarSer, CT_CatAx,
 * CT_ValAx). The series read the sheet's cells by reference and carry no cache: Excel and
 * LibreOffice fill the chart from the cells on open, so a cache could only be stale.
 */
import { absoluteRangeA1, parseCellA1, parseRangeA1, quoteSheet } from "../plan/model";
import type { SpecChart } from "../plan/sheets";
import { encodeXml } from "./xmlTokenizer";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
/** English Metric Units in a point: SpecChart sizes are Office.js points. */
export const EMU_PER_POINT = 12700;
const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;

/** A series as references: its name cell, its categories and its values (sheet-qualified, absolute). */
export interface ChartSeriesRefs {
  name: string;
  categories: string;
  values: string;
}

/**
 * The series of a chart over its source, as Excel takes them from a range whose first row and
 * column are headers (the top-left cell blank or not): by columns, each column after the first a
 * series named by its header, over the rows below; by rows, the same transposed.
 */
export function chartSeries(sheetName: string, chart: SpecChart): ChartSeriesRefs[] {
  const r = parseRangeA1(chart.source);
  if (!r) throw new Error(`Not a range: ${chart.source}`);
  const ref = (row: number, col: number, lastRow: number, lastCol: number): string => `${quoteSheet(sheetName)}!${absoluteRangeA1(row, col, lastRow, lastCol)}`;
  const out: ChartSeriesRefs[] = [];
  if (chart.seriesBy === "Columns") {
    for (let col = r.col + 1; col <= r.lastCol; col++) out.push({ name: ref(r.row, col, r.row, col), categories: ref(r.row + 1, r.col, r.lastRow, r.col), values: ref(r.row + 1, col, r.lastRow, col) });
  } else {
    for (let row = r.row + 1; row <= r.lastRow; row++) out.push({ name: ref(row, r.col, row, r.col), categories: ref(r.row, r.col + 1, r.row, r.lastCol), values: ref(row, r.col + 1, row, r.lastCol) });
  }
  return out;
}

const val = (name: string, value: string | number): string => `<c:${name} val="${value}"/>`;
const fill = (hex: string | undefined): string => (hex ? `<c:spPr><a:solidFill><a:srgbClr val="${hex.replace(/^#/, "").toUpperCase()}"/></a:solidFill></c:spPr>` : "");

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-US" b="1"/><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>${val("overlay", 0)}</c:title>`;
}

/**
 * Text categories are a text axis (auto 0: Excel would otherwise see dates and space them by
 * days) read as numbers, so they show in their cells' format; other categories are read as text.
 */
function series(s: ChartSeriesRefs, i: number, chart: SpecChart, pie: boolean): string {
  const categories = chart.textCategories ? `<c:numRef><c:f>${encodeXml(s.categories)}</c:f></c:numRef>` : `<c:strRef><c:f>${encodeXml(s.categories)}</c:f></c:strRef>`;
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}<c:tx><c:strRef><c:f>${encodeXml(s.name)}</c:f></c:strRef></c:tx>${fill(chart.seriesColors?.[i])}` +
    `${pie ? "" : val("invertIfNegative", 0)}<c:cat>${categories}</c:cat><c:val><c:numRef><c:f>${encodeXml(s.values)}</c:f></c:numRef></c:val></c:ser>`
  );
}

/**
 * The category axis has no number format of its own, so its labels show as their cells do
 * (LibreOffice reads General literally, sourceLinked or not, and shows a date as its serial). The
 * value axis counts from 0: LibreOffice's automatic minimum for one stacked column is not 0.
 */
function axes(chart: SpecChart, horizontal: boolean): string {
  const common = (id: number, pos: string, min = ""): string => `${val("axId", id)}<c:scaling>${val("orientation", "minMax")}${min}</c:scaling>${val("delete", 0)}${val("axPos", pos)}`;
  const ticks = `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}`;
  const cat =
    `<c:catAx>${common(CAT_AXIS, horizontal ? "l" : "b")}${ticks}${val("crossAx", VAL_AXIS)}${val("crosses", "autoZero")}` +
    `${val("auto", chart.textCategories ? 0 : 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", chart.textCategories ? 1 : 0)}</c:catAx>`;
  const value = `<c:valAx>${common(VAL_AXIS, horizontal ? "b" : "l", val("min", 0))}<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>${ticks}${val("crossAx", CAT_AXIS)}${val("crosses", "autoZero")}${val("crossBetween", "between")}</c:valAx>`;
  return cat + value;
}

function plot(sheetName: string, chart: SpecChart): string {
  const all = chartSeries(sheetName, chart);
  if (chart.type === "Pie") return `<c:pieChart>${val("varyColors", 1)}${all.map((s, i) => series(s, i, chart, true)).join("")}${val("firstSliceAng", 0)}</c:pieChart>`;
  const stacked = chart.type !== "ColumnClustered";
  const bar =
    `<c:barChart>${val("barDir", chart.type === "BarStacked" ? "bar" : "col")}${val("grouping", stacked ? "stacked" : "clustered")}${val("varyColors", 0)}` +
    `${all.map((s, i) => series(s, i, chart, false)).join("")}${val("gapWidth", 150)}${stacked ? val("overlap", 100) : ""}${val("axId", CAT_AXIS)}${val("axId", VAL_AXIS)}</c:barChart>`;
  return bar + axes(chart, chart.type === "BarStacked");
}

/** The chart part of a chart on `sheetName`. */
export function chartPartXml(sheetName: string, chart: SpecChart): string {
  return (
    `${XML}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${val("roundedCorners", 0)}<c:chart>${title(chart.title)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${plot(sheetName, chart)}</c:plotArea><c:legend>${val("legendPos", "r")}${val("overlay", 0)}</c:legend>${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part of a sheet's charts, each at its anchor cell with its size (a one-cell anchor:
 * the chart moves with its cell and keeps its size), its graphic frame named as the chart is, so
 * the add-in and jointplan know it again. `relIds[i]` is the drawing's relationship to chart i.
 */
export function drawingPartXml(charts: readonly SpecChart[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const at = parseCellA1(chart.anchor);
    if (!at) throw new Error(`Not a cell: ${chart.anchor}`);
    const ext = `cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"`;
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext ${ext}/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${encodeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      `<xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `${XML}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`;
}

/**
 * The charts each sheet spec asked for, kept beside the ExcelJS workbook its sheet was written
 * into (ExcelJS 4.4 has no charts to hold them): after ExcelJS writes the package, packageCharts.ts
 * adds them as DrawingML parts. Keyed by worksheet, so a sheet removed or replaced by an edit takes
 * its charts with it, and a sheet that a spec wrote is known from one the input already had.
 */
import type ExcelJS from "exceljs";
import type { SpecChart } from "../plan/sheets";

const recorded = new WeakMap<ExcelJS.Worksheet, readonly SpecChart[]>();

/** Records the spec's charts for its sheet; returns the charts a file cannot hold (none: every type is written). */
export function recordCharts(ws: ExcelJS.Worksheet, charts: readonly SpecChart[]): string[] {
  recorded.set(ws, charts);
  return [];
}

/** The charts recorded for a sheet, undefined for a sheet no spec wrote (the input's own). */
export const chartsOf = (ws: ExcelJS.Worksheet): readonly SpecChart[] | undefined => recorded.get(ws);

export interface SheetCharts {
  sheet: string;
  charts: readonly SpecChart[];
}

/** The recorded charts of the workbook's sheets as they now are, by sheet name. */
export function chartsToWrite(workbook: ExcelJS.Workbook): SheetCharts[] {
  return workbook.worksheets.flatMap((ws) => {
    const charts = recorded.get(ws);
    return charts && charts.length > 0 ? [{ sheet: ws.name, charts }] : [];
  });
}

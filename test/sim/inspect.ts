/** Reading and seeding the simulated workbook from tests and the preview page (not Office.js). */
import { formatAddress, formatRect, parseAddress, type Rect } from "./address";
import { FORMAT_KEYS } from "./cellStore";
import { writeContents } from "./cellWrites";
import { fail } from "./errors";
import type { SimHost } from "./host";
import { findSheet, newSheet, type SheetModel } from "./model";
import { checkSheetName } from "./nameRules";
import { nameFormula } from "./names";
import { formatValue } from "./numberFormat";
import { intersect } from "./rects";
import { liveTables } from "./tableModel";
import { valueTypeOf } from "./values";

export interface CellState {
  value: string | number | boolean;
  formula: string | null;
  text: string;
  valueType: string;
  numberFormat: string;
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  wrapText: boolean;
  horizontalAlignment: string;
  note: string | null;
  comment: string | null;
  validation: { type: string; rule: unknown; prompt: unknown; errorAlert: unknown; ignoreBlanks: boolean } | null;
}

const TYPE_OF: Record<string, string> = { wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength", date: "Date", time: "Time", list: "List", custom: "Custom" };

export function createInspector(host: SimHost) {
  const wb = host.wb;
  const sheetOf = (name: string): SheetModel => findSheet(wb, name) ?? fail("ItemNotFound", `no sheet '${name}'`);
  const rectOf = (address: string): Rect => parseAddress(address)?.rect ?? fail("InvalidArgument", `bad address '${address}'`);

  function cellState(sheet: SheetModel, r: number, c: number): CellState {
    const cell = sheet.store.get(r, c);
    const f = <K extends (typeof FORMAT_KEYS)[number]>(k: K) => sheet.store.format(r, c, k);
    const at = { r0: r, c0: c, r1: r, c1: c };
    const v = sheet.validations.find((a) => intersect(a.rect, at))?.rec;
    const note = wb.notes.find((n) => !n.deleted && n.sheet === sheet && n.r === r && n.c === c);
    const comment = wb.comments.find((n) => !n.deleted && n.sheet === sheet && n.r === r && n.c === c);
    return {
      value: cell?.value ?? "",
      formula: cell?.formula ?? null,
      text: formatValue(cell?.value, f("numberFormat")),
      valueType: valueTypeOf(cell?.value),
      numberFormat: f("numberFormat"),
      fill: f("fill"),
      fontColor: f("fontColor"),
      bold: f("bold"),
      italic: f("italic"),
      wrapText: f("wrapText"),
      horizontalAlignment: f("horizontalAlignment"),
      note: note?.content ?? null,
      comment: comment?.content ?? null,
      validation: v
        ? { type: v.rule ? TYPE_OF[Object.keys(v.rule)[0]] : "None", rule: structuredClone(v.rule), prompt: { ...v.prompt }, errorAlert: { ...v.errorAlert }, ignoreBlanks: v.ignoreBlanks }
        : null,
    };
  }

  return {
    /** Sheets in tab order. */
    sheets() {
      return wb.sheets.map((s, position) => ({
        name: s.name,
        id: s.id,
        position,
        visibility: s.visibility,
        tabColor: s.tabColor,
        protected: s.protection.protected,
        freeze: s.freeze ? { ...s.freeze } : null,
        pageLayout: structuredClone(s.pageLayout),
        active: wb.activeSheet === s,
      }));
    },
    /** Adds a sheet without going through Office.js (seeding). */
    addSheet(name: string): void {
      wb.sheets.push(newSheet(wb, checkSheetName(wb, name)));
    },
    cell(sheet: string, address: string): CellState {
      const rect = rectOf(address);
      return cellState(sheetOf(sheet), rect.r0, rect.c0);
    },
    /** Writes values as Range.values would (Excel's parsing), silently: no events, no protection check. */
    setCells(sheet: string, address: string, values: unknown[][]): void {
      const s = sheetOf(sheet);
      const start = rectOf(address);
      const rect = { r0: start.r0, c0: start.c0, r1: start.r0 + values.length - 1, c1: start.c0 + (values[0]?.length ?? 1) - 1 };
      const enabled = wb.enableEvents;
      wb.enableEvents = false;
      try {
        writeContents(host, s, rect, values, "setCells", "Unknown");
      } finally {
        wb.enableEvents = enabled;
      }
      host.afterChange();
    },
    /** Sets the cached result of a formula cell: the sim evaluates no formulas. */
    setFormulaResult(sheet: string, address: string, value: string | number | boolean): void {
      const rect = rectOf(address);
      const cell = sheetOf(sheet).store.get(rect.r0, rect.c0);
      if (!cell?.formula) fail("InvalidArgument", `${address} holds no formula`);
      cell.value = value;
      host.afterChange();
    },
    /** Every stored cell's state, keyed by address: a deep, plain copy for before/after comparisons. */
    snapshot(sheet: string): Record<string, CellState> {
      const s = sheetOf(sheet);
      const out: Record<string, CellState> = {};
      const keys = [...s.store.cells.keys()].sort((a, b) => a - b);
      for (const k of keys) {
        const r = Math.floor(k / 16384);
        const c = k % 16384;
        out[formatRect({ r0: r, c0: c, r1: r, c1: c })] = cellState(s, r, c);
      }
      for (const n of [...wb.notes, ...wb.comments]) {
        if (n.deleted || n.sheet !== s) continue;
        const a = formatRect({ r0: n.r, c0: n.c, r1: n.r, c1: n.c });
        out[a] ??= cellState(s, n.r, n.c);
      }
      return out;
    },
    usedRange(sheet: string, valuesOnly = false): string | null {
      const s = sheetOf(sheet);
      const r = s.store.usedRect(valuesOnly);
      return r ? formatRect(r) : null;
    },
    columnWidth(sheet: string, column: string): number {
      return sheetOf(sheet).store.colWidth.get(rectOf(`${column}1`).c0) ?? 48;
    },
    tables() {
      return liveTables(wb).map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatAddress(t.sheet.name, t.rect),
        columns: t.columns.map((c) => c.name),
        rowCount: t.rect.r1 - t.rect.r0,
        style: t.style,
        showBandedRows: t.showBandedRows,
        showFilterButton: t.showFilterButton,
      }));
    },
    names() {
      return wb.names.filter((n) => !n.deleted).map((n) => ({ name: n.name, formula: nameFormula(n), comment: n.comment, visible: n.visible }));
    },
    validations(sheet: string) {
      const s = sheetOf(sheet);
      const byRec = new Map<unknown, string[]>();
      for (const a of s.validations) byRec.set(a.rec, [...(byRec.get(a.rec) ?? []), formatRect(a.rect)]);
      return [...byRec].map(([rec, addresses]) => {
        const v = rec as SheetModel["validations"][number]["rec"];
        return { addresses, type: v.rule ? TYPE_OF[Object.keys(v.rule)[0]] : "None", rule: structuredClone(v.rule), prompt: { ...v.prompt }, errorAlert: { ...v.errorAlert }, ignoreBlanks: v.ignoreBlanks };
      });
    },
    conditionalFormats(sheet: string) {
      return sheetOf(sheet).conditionalFormats.map((cf, priority) => ({
        id: cf.id,
        type: cf.type,
        priority,
        addresses: cf.areas.map((a) => formatRect(a)),
        rule: structuredClone(cf.rule),
        format: { ...cf.format },
        stopIfTrue: cf.stopIfTrue,
        namesMissingWhenSet: [...(cf.namesMissingWhenSet ?? [])],
      }));
    },
    charts(sheet: string) {
      const s = sheetOf(sheet);
      return s.charts.map((c) => ({ ...c, source: formatAddress(s.name, c.source) }));
    },
    borders(sheet: string) {
      return sheetOf(sheet).borders.map((b) => ({ address: formatRect(b.rect), side: b.side, style: b.style, color: b.color, weight: b.weight }));
    },
    notes(sheet?: string) {
      return wb.notes
        .filter((n) => !n.deleted && (!sheet || n.sheet === sheetOf(sheet)))
        .map((n) => ({ sheet: n.sheet.name, address: formatRect({ r0: n.r, c0: n.c, r1: n.r, c1: n.c }), content: n.content }));
    },
    comments(sheet?: string) {
      return wb.comments
        .filter((n) => !n.deleted && (!sheet || n.sheet === sheetOf(sheet)))
        .map((n) => ({ sheet: n.sheet.name, address: formatRect({ r0: n.r, c0: n.c, r1: n.r, c1: n.c }), content: n.content, resolved: n.resolved }));
    },
    selection() {
      return { sheet: wb.selection.sheet.name, address: formatRect(wb.selection.rect) };
    },
    get eventsEnabled(): boolean {
      return wb.enableEvents;
    },
  };
}

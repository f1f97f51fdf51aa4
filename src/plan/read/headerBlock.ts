/**
 * The labelled block above a JBP or JAP table (Distributor, Month, Period start …), parsed into
 * JbpHeader / JapHeader. Dates typed as text are read (so the period rules still work) and
 * reported with a repair; a required label that is missing or blank is a warning.
 */
import { cellNumber, cellText, type CellValue, type DateOrder, finding, type Finding, isBlank, isoFromSerial, JapHeader, JbpHeader, longDate, MAX_CELL_TEXT, monthStart, parseNumberText, parseTextDate, parseTextMonth, type SheetGrid, showValue, TABLE_NAMES } from "../model";
import { gridCell, gridWidth, headerKey, origin, type FoundTable } from "./findTables";
import type { HeaderField } from "../layouts";
import { dateNumber } from "./readRows";
import { ambiguousFinding, dateRepair } from "./dateFindings";

export function readJbpHeader(table: FoundTable, from: number, order: DateOrder, findings: Finding[]): JbpHeader {
  const block = labelledValues(table.grid, table.layout.headerBlock, from, table.headerIndex);
  const reader = fieldReader(table, block, order, findings);
  const year = reader.integer("year", 2000, 2100);
  const header = JbpHeader.parse({
    principal: reader.text("principal"),
    distributor: reader.text("distributor"),
    market: reader.text("market"),
    year,
    periodStart: reader.date("periodStart"),
    periodEnd: reader.date("periodEnd"),
    lastReview: reader.date("lastReview"),
  });
  const { periodStart, periodEnd } = header;
  if (periodStart !== null && periodEnd !== null && periodStart > periodEnd && block.periodStart) {
    findings.push(
      finding(
        "date.startAfterDue",
        "error",
        { sheet: table.position.sheet, row: block.periodStart.row, col: block.periodStart.col },
        `Period start ${isoFromSerial(periodStart)} is after Period end ${isoFromSerial(periodEnd)}.`,
      ),
    );
  }
  return header;
}

/** The header block's value cells as they stand (raw), by field key: what the JBP's YTD formulas read. */
export function jbpHeaderCells(table: FoundTable, from: number): Record<string, CellValue> {
  const block = labelledValues(table.grid, table.layout.headerBlock, from, table.headerIndex);
  return Object.fromEntries(Object.entries(block).map(([k, v]) => [k, v.value]));
}

export function readJapHeader(table: FoundTable, from: number, order: DateOrder, findings: Finding[]): JapHeader {
  const block = labelledValues(table.grid, table.layout.headerBlock, from, table.headerIndex);
  const reader = fieldReader(table, block, order, findings);
  const month = reader.date("month", true);
  return JapHeader.parse({
    distributor: reader.text("distributor"),
    month: month === null ? null : monthStart(month),
    reviewDate: reader.date("reviewDate"),
    jbpSheet: reader.text("jbpSheet"),
  });
}

function fieldReader(table: FoundTable, block: Record<string, LabelledValue>, order: DateOrder, findings: Finding[]) {
  const { position, layout } = table;
  const tableName = `The ${TABLE_NAMES[layout.kind]} table on sheet '${position.sheet}'`;
  const firstCol = Math.min(...Object.values(position.columns));
  const label = (key: string): string => layout.headerBlock.find((f) => f.key === key)?.label ?? key;
  /** The raw value of a field, or null after reporting a missing required one. */
  const raw = (key: string): LabelledValue | null => {
    const field = layout.headerBlock.find((f) => f.key === key);
    const found = block[key];
    if (found && !isBlank(found.value)) return found;
    if (field?.required) {
      const at = found ?? { row: position.headerRow, col: firstCol };
      const message = found
        ? `${tableName} has no value for '${field.label}'. Type it next to the label.`
        : `${tableName} has no '${field.label}' above it. Add a row labelled '${field.label}' with its value in the next cell.`;
      findings.push(finding("structure.headerMissing", "warning", { sheet: position.sheet, ...at }, message));
    }
    return null;
  };
  const at = (v: LabelledValue) => ({ sheet: position.sheet, row: v.row, col: v.col });
  return {
    text(key: string): string {
      const v = raw(key);
      const text = cellText(v?.value);
      if (!v || text.length <= MAX_CELL_TEXT) return text;
      // Only a file written by another program can hold more than a cell may: read it as blank and say so.
      findings.push(finding("structure.badHeaderValue", "error", at(v), `'${label(key)}' holds ${text.length.toLocaleString("en-US")} characters, more than the 32,767 a cell may hold; it is read as blank.`));
      return "";
    },
    integer(key: string, min: number, max: number): number | null {
      const v = raw(key);
      if (!v) return null;
      const n = cellNumber(v.value) ?? (typeof v.value === "string" ? parseNumberText(v.value) : null);
      if (n !== null && Number.isInteger(n) && n >= min && n <= max) return n;
      findings.push(finding("structure.badHeaderValue", "error", at(v), `'${label(key)}' is ${showValue(v.value)}; type a whole number from ${min} to ${max}.`));
      return null;
    },
    date(key: string, monthOnly = false): number | null {
      const v = raw(key);
      if (!v) return null;
      const real = dateNumber(v.value);
      if (real !== null) return Math.floor(real);
      const text = typeof v.value === "string" ? textDateOf(v.value, order, monthOnly) : null;
      if (!text) {
        findings.push(finding("date.notADate", "error", at(v), `'${label(key)}' is ${showValue(v.value)}, which is not a date. Type a date such as 2026-03-01.`));
        return null;
      }
      findings.push(
        finding("date.notADate", "warning", at(v), `'${label(key)}' ${showValue(v.value)} is text, not a date; it is read as ${longDate(text.serial)}.`, dateRepair(text.serial)),
      );
      if (text.ambiguous && text.alternative !== undefined) findings.push(ambiguousFinding(label(key), v.value, text.serial, text.alternative, order, at(v)));
      return text.serial;
    },
  };
}

function textDateOf(text: string, order: DateOrder, monthOnly: boolean): { serial: number; ambiguous: boolean; alternative?: number } | null {
  const date = parseTextDate(text, order);
  if (date || !monthOnly) return date;
  const month = parseTextMonth(text);
  return month === null ? null : { serial: month, ambiguous: false };
}

interface LabelledValue {
  value: CellValue;
  /** 0-based sheet position of the value cell (or of the label when no value was found). */
  row: number;
  col: number;
}

/**
 * The header block above a table: a label ("Distributor") with its value in a cell to its right
 * (the next non-blank one of two, for labels in merged cells). Reads grid rows [from, to).
 */
function labelledValues(grid: SheetGrid, fields: readonly HeaderField[], from: number, to: number): Record<string, LabelledValue> {
  const byLabel = new Map(fields.map((f) => [headerKey(f.label), f.key] as const));
  const o = origin(grid);
  const found: Record<string, LabelledValue> = {};
  for (let r = Math.max(0, from); r < to; r++) {
    const width = gridWidth(grid, r);
    for (let c = 0; c < width; c++) {
      const v = gridCell(grid, r, c);
      const key = typeof v === "string" ? byLabel.get(headerKey(v)) : undefined;
      if (key === undefined || found[key]) continue;
      let valueCol = c + 1;
      if (isBlank(gridCell(grid, r, valueCol)) && !isBlank(gridCell(grid, r, c + 2)) && !byLabel.has(headerKey(String(gridCell(grid, r, c + 2))))) valueCol = c + 2;
      found[key] = { value: gridCell(grid, r, valueCol), row: o.row + r, col: o.col + valueCol };
    }
  }
  return found;
}

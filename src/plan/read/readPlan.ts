/**
 * Reading a workbook into the plan model by header, not by position: each table is found by its
 * header row on any sheet, its columns by their header text. Reading never throws on cell values;
 * what it cannot read becomes a finding.
 */
import { type DateOrder, finding, type Finding, type JapPlan, type JbpPlan, type PlanWorkbook, type SheetGrid, TABLE_NAMES } from "../model";
import { findTables, type FoundTable } from "./findTables";
import { JAP, JBP, QUARTERLY_REVIEW, REVIEW_LOG, ROSTER, SETTINGS } from "../layouts";
import { jbpHeaderCells, readJapHeader, readJbpHeader } from "./headerBlock";
import { actionFromRow, objectiveFromRow, rawRows, rosterFromRows } from "./readRows";
import { readSettingsTable } from "./readSettings";

/**
 * The review logs are looked for too, though the plan does not hold them: their headers (Action,
 * Owner, Due, Status …) would otherwise pass for a JAP that lost its ID column, and the layout with
 * most headers matched wins.
 */
export const READ_LAYOUTS = [ROSTER, SETTINGS, JBP, JAP, REVIEW_LOG, QUARTERLY_REVIEW];

export interface PlanReadOptions {
  /**
   * The host's date order (from the workbook's locale in Excel; the CLI's --date-order), used when
   * the Settings' Date order is blank or absent; an explicit DMY or MDY there wins. Default DMY.
   */
  dateOrder?: DateOrder;
  /** A date order that wins over the Settings' (the CLI's --date-order, as --as-of wins over JP_AsOf). */
  dateOrderOverride?: DateOrder;
}

export function readPlan(grids: SheetGrid[], options: PlanReadOptions = {}): PlanWorkbook {
  const readFindings: Finding[] = [];
  const bySheet = grids.map((grid) => ({ grid, tables: findTables(grid, READ_LAYOUTS) }));
  const all = bySheet.flatMap((s) => s.tables);
  for (const table of all) readFindings.push(...missingColumnFindings(table));

  const hostOrder = options.dateOrder ?? "DMY";
  const { settings, findings: settingFindings } = readSettingsTable(
    all.find((t) => t.layout === SETTINGS),
    hostOrder,
    options.dateOrderOverride,
  );
  readFindings.push(...settingFindings);
  const dateOrder = options.dateOrderOverride ?? settings.dateOrder ?? hostOrder;

  const rosterTable = all.find((t) => t.layout === ROSTER);
  let roster: PlanWorkbook["roster"] = null;
  if (rosterTable) roster = { position: rosterTable.position, extraHeaders: rosterTable.extraHeaders, ...rosterFromRows(rawRows(rosterTable)) };

  const jbps: JbpPlan[] = [];
  const japs: JapPlan[] = [];
  for (const { tables } of bySheet) {
    tables.forEach((table, i) => {
      // The header block is what lies between the previous table on the sheet and this header row.
      const from = i === 0 ? 0 : (tables[i - 1].rowIndices.at(-1) ?? tables[i - 1].headerIndex) + 1;
      if (table.layout === JBP) {
        const header = readJbpHeader(table, from, dateOrder, readFindings);
        jbps.push({ position: table.position, extraHeaders: table.extraHeaders, header, headerCells: jbpHeaderCells(table, from), objectives: rawRows(table).map(objectiveFromRow) });
      } else if (table.layout === JAP) {
        const header = readJapHeader(table, from, dateOrder, readFindings);
        japs.push({ position: table.position, extraHeaders: table.extraHeaders, header, actions: rawRows(table).map(actionFromRow) });
      }
    });
  }
  return { roster, settings, dateOrder, jbps, japs, readFindings };
}

/** One finding per missing required column, at the first cell of the header row. */
function missingColumnFindings(table: FoundTable): Finding[] {
  const { position, layout } = table;
  const firstCol = Math.min(...Object.values(position.columns));
  return table.missing.map((column) =>
    finding(
      "structure.missingColumn",
      "error",
      { sheet: position.sheet, row: position.headerRow, col: firstCol },
      `The ${TABLE_NAMES[layout.kind]} table on sheet '${position.sheet}' has no '${column.header}' column. Add a column headed '${column.header}'.`,
    ),
  );
}


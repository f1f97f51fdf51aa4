/**
 * Settings and Roster from the task pane: read settings, write them back into their value cells,
 * add people to the Roster. Each reads by header (like the check) and writes only the cells named.
 */
import { cellA1, type CellValue, excelTableOf, inExcelTable, parseRangeA1, RosterEntry, Settings } from "../plan/model";
import { findTables, gridCell, headerKey, origin, readPlan } from "../plan/read";
import { DATE_FORMAT, GENERAL, PERCENT_FORMAT, ROSTER, SETTINGS, SETTINGS_ROWS, TEXT_FORMAT } from "../plan/layouts";
import { personKey } from "../plan/rules";
import { buildSettingsSheetSpec, uniqueSheetName } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { assertWritable } from "./paintFindings";
import { inputGrids, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { restoreEvents } from "./quietWrites";
import { capabilities, type Capabilities } from "./requirements";
import { queueUserValues } from "./userText";
import { queueSheetSpec } from "./writeSheetSpec";

/** The settings as the check reads them (defaults where the sheet has none). Two syncs. */
export async function readSettings(): Promise<Settings> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    return readPlan(inputGrids(state), { dateOrder: state.dateOrder }).settings;
  });
}

function settingFormat(key: keyof Settings): string {
  if (key === "asOf") return DATE_FORMAT;
  if (key === "rollUp" || key === "dateOrder") return TEXT_FORMAT;
  if (key === "greenThreshold" || key === "amberThreshold" || key === "paceAmber" || key === "paceRed") return PERCENT_FORMAT;
  return GENERAL;
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first.path.length ? ` (${first.path.join(".")})` : "";
  throw new JointPlanError("invalidInput", `${what}: ${first.message}${where}. Nothing was changed.`);
}

/**
 * Writes each setting into its value cell on the Settings table (found by label); creates the
 * Settings sheet, with its names, when the workbook has none. Three syncs (two reads, one write).
 */
export async function writeSettings(input: Settings): Promise<{ message: string }> {
  const settings = parseOrThrow(Settings, input, "These settings cannot be saved");
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const table = inputGrids(state).flatMap((g) => findTables(g, [SETTINGS]))[0];
    const batcher = new Batcher(context);
    if (caps.enableEvents) context.runtime.enableEvents = false;
    let message: string;
    if (!table) {
      const sheet = uniqueSheetName(SETTINGS.defaultSheetName, state.sheets.map((s) => s.name));
      const taken = new Set(state.names.map((n) => n.toLowerCase()));
      const spec = buildSettingsSheetSpec(settings, sheet);
      spec.names = spec.names.filter((n) => !taken.has(n.name.toLowerCase()));
      assertFormulasFit("create the Settings sheet", [spec]);
      await queueSheetSpec(context, context.workbook.worksheets.add(sheet), spec, batcher);
      message = `Created sheet '${sheet}' with these settings.`;
    } else {
      assertWritable(state, [table.position.sheet], "save the settings");
      const o = origin(table.grid);
      const ws = context.workbook.worksheets.getItem(table.position.sheet);
      const missing: string[] = [];
      for (const row of SETTINGS_ROWS) {
        const r = table.rowIndices.find((i) => {
          const label = gridCell(table.grid, i, table.gridColumns.setting);
          return typeof label === "string" && [row.label, row.name, row.key].some((l) => headerKey(l) === headerKey(label));
        });
        if (r === undefined) {
          missing.push(row.label);
          continue;
        }
        const range = ws.getRange(cellA1(o.row + r, o.col + table.gridColumns.value));
        const value = settings[row.key] as CellValue;
        const format = settingFormat(row.key);
        range.numberFormat = [[format]];
        queueUserValues(range, [[value === null ? "" : (value as string | number | boolean)]], () => format);
      }
      message = missing.length
        ? `Settings saved, except ${missing.join(", ")}: the Settings table has no row for ${missing.length === 1 ? "it" : "them"}.`
        : "Settings saved.";
    }
    if (caps.enableEvents) context.runtime.enableEvents = true;
    try {
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      throw e;
    }
    return { message };
  });
}

/**
 * Appends people to the Roster table (the table grows, so its names and the Owner lists follow).
 * A name already on the roster, or twice in the request, is skipped with a reason. Three syncs.
 */
export async function addRosterEntries(input: RosterEntry[]): Promise<{ message: string; added: number; skipped: { name: string; reason: string }[] }> {
  const caps = capabilities();
  const skipped: { name: string; reason: string }[] = [];
  const entries: RosterEntry[] = [];
  for (const raw of input) {
    const r = RosterEntry.safeParse(raw);
    if (!r.success) {
      skipped.push({ name: String((raw as { name?: unknown })?.name ?? ""), reason: r.error.issues[0].message });
      continue;
    }
    entries.push(r.data);
  }
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const written = await writeRosterEntries(context, caps, state, entries);
    skipped.push(...written.skipped);
    const added = written.added.length;
    const message = added === 0 ? "Nobody added." : `Added ${added} ${added === 1 ? "person" : "people"} to the Roster${skipped.length ? `; ${skipped.length} skipped` : ""}.`;
    return { message, added, skipped };
  });
}

/**
 * What adding people to the Roster writes, planned on the workbook `state` describes: who is new
 * (names stored trimmed, one space between words), the cells they go in, and the rows inserted
 * below the table for them. `queue` puts the writes in the current request; `cells` and `inserted`
 * say what the sheet will hold once Excel has taken them (the table grown), for a check in the
 * same command.
 */
export interface RosterWrite {
  added: RosterEntry[];
  skipped: { name: string; reason: string }[];
  sheet: string;
  /** Every cell written, with its value and format. */
  cells: { sheet: string; cell: string; value: string | number | boolean; numberFormat: string }[];
  /** Rows inserted below the Excel table (what was below moves down), over the table's columns; null when none. */
  inserted: { row: number; count: number; col: number; lastCol: number } | null;
  /** The Roster's Excel table with its address once grown, or null when the Roster is not one. */
  grown: { name: string; address: string } | null;
  queue: (context: Excel.RequestContext) => void;
}

export function planRosterWrite(state: WorkbookState, entries: RosterEntry[]): RosterWrite {
  const skipped: { name: string; reason: string }[] = [];
  const table = inputGrids(state).flatMap((g) => findTables(g, [ROSTER]))[0];
  if (!table) {
    throw new JointPlanError("noRoster", "This workbook has no Roster table (Name, Party, Role, Email, Active). Insert a JAP or JBP template to create one; nothing was changed.");
  }
  const sheet = table.position.sheet;
  assertWritable(state, [sheet], "add people to the Roster");
  const excelTable = excelTableOf(table.position, state.tables);
  const known = new Set(
    table.rowIndices.map((i) => gridCell(table.grid, i, table.gridColumns.name)).filter((v): v is string => typeof v === "string").map(personKey),
  );
  const toAdd: RosterEntry[] = [];
  for (const raw of entries) {
    const e = { ...raw, name: raw.name.trim().replace(/\s+/g, " ") };
    const key = personKey(e.name);
    if (known.has(key)) {
      skipped.push({ name: e.name, reason: "Already on the roster." });
      continue;
    }
    known.add(key);
    toAdd.push(e);
  }
  const none: RosterWrite = { added: toAdd, skipped, sheet, cells: [], inserted: null, grown: null, queue: () => undefined };
  if (toAdd.length === 0) return none;
  // Rows in the table's own column order, whatever order the user left the columns in.
  const o = origin(table.grid);
  const cols = Object.entries(table.position.columns);
  const first = Math.min(...cols.map(([, c]) => c));
  const last = Math.max(...cols.map(([, c]) => c));
  const rows = toAdd.map((e) => {
    const row: (string | number | boolean)[] = new Array(last - first + 1).fill("");
    for (const [key, c] of cols) {
      const v = (e as unknown as Record<string, string | boolean>)[key];
      if (v !== undefined) row[c - first] = v;
    }
    return row;
  });
  // Each column's layout format ("@" for names and text), so a name like "=Ana" stays text.
  const formats = Array.from({ length: last - first + 1 }, (_, j) => ROSTER.columns.find((c) => table.position.columns[c.key] === first + j)?.numberFormat ?? GENERAL);
  // Blank rows at the table's end (a new Roster has some) are filled first; the rest go just
  // below the table, which grows to take them in as Excel grows a table written below (never
  // TableRowCollection.add: Office's co-authoring guidance says it causes conflicts for
  // co-authors and to write Range.values below the table instead,
  // https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
  const lastUsed = table.rowIndices.length ? o.row + table.rowIndices.reduce((m, r) => Math.max(m, r), 0) : table.position.headerRow;
  const tableEnd = inExcelTable(table.position, state.tables).lastRow;
  const inside = Math.max(0, Math.min(rows.length, tableEnd - lastUsed));
  const blocks: { fromRow: number; block: (string | number | boolean)[][] }[] = [];
  if (inside > 0) blocks.push({ fromRow: lastUsed + 1, block: rows.slice(0, inside) });
  const below = rows.slice(inside);
  const at = (excelTable ? tableEnd : lastUsed) + 1;
  // Whatever lies below the table moves down first (Range.insert, ExcelApi 1.1), so the
  // rows written there overwrite nothing; a plain range is extended the same way.
  const span = below.length > 0 && excelTable?.address ? parseRangeA1(excelTable.address) : null;
  if (below.length > 0) blocks.push({ fromRow: at, block: below });
  const cells = blocks.flatMap(({ fromRow, block }) => block.flatMap((row, i) => row.map((value, j) => ({ sheet, cell: cellA1(fromRow + i, first + j), value, numberFormat: formats[j] }))));
  const grown = span && excelTable ? { name: excelTable.name, address: `${cellA1(span.row, span.col)}:${cellA1(span.lastRow + below.length, span.lastCol)}` } : null;
  return {
    added: toAdd,
    skipped,
    sheet,
    cells,
    inserted: span ? { row: at, count: below.length, col: span.col, lastCol: span.lastCol } : null,
    grown,
    queue: (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      if (span) ws.getRange(`${cellA1(at, span.col)}:${cellA1(at + below.length - 1, span.lastCol)}`).insert("Down");
      for (const { fromRow, block } of blocks) {
        const range = ws.getRange(`${cellA1(fromRow, first)}:${cellA1(fromRow + block.length - 1, last)}`);
        // The columns' own formats first, then the values through the one writer of user text.
        range.numberFormat = block.map(() => formats);
        queueUserValues(range, block, (_, j) => formats[j]);
      }
    },
  };
}

/**
 * Writes parsed entries into the Roster of the workbook `state` describes, and syncs once (none
 * when nobody is new): the Settings tab's path; the "Add to Roster" repair queues the same
 * writes (planRosterWrite) with its own.
 */
export async function writeRosterEntries(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: WorkbookState,
  entries: RosterEntry[],
): Promise<{ added: RosterEntry[]; skipped: { name: string; reason: string }[] }> {
  const plan = planRosterWrite(state, entries);
  if (plan.added.length === 0) return { added: plan.added, skipped: plan.skipped };
  if (caps.enableEvents) context.runtime.enableEvents = false;
  plan.queue(context);
  if (caps.enableEvents) context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (e) {
    if (caps.enableEvents) await restoreEvents(context);
    throw e;
  }
  return { added: plan.added, skipped: plan.skipped };
}

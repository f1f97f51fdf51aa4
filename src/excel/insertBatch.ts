/**
 * The sheets one insert command adds, planned before anything is written: names are taken as the
 * plan grows, so no two new sheets or tables collide with each other or with the workbook's, and
 * the Roster and Settings are added only when the workbook lacks them.
 */
import { type CellValue, currentJaps, DEFAULT_SETTINGS, distributorKey, isoFromSerial, japCycle, type JapPlan, LIST_NAMES, ROSTER_NAMES, type RosterEntry, type Settings, type TablePosition, type WorkbookName, withExcelTable, ymdFromSerial } from "../plan/model";
import { buildRosterSheetSpec, buildSettingsSheetSpec, type FormulaWrite, japSheetSpec, jbpCountWrites, type JbpLink, jbpSheetSpec, linkedJbpAndJap, linkToJbp, type PlanData, PlanNames, type SheetSpec, specTablePosition, tableListing } from "../plan/sheets";
import { JAP, JBP, ROSTER, SETTINGS, SETTINGS_ROWS } from "../plan/layouts";
import { Batcher, payloadBytes } from "./batches";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { queueRecount } from "./jbpRecount";
import { queueWatchAdded } from "./liveCheck";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { capabilities } from "./requirements";
import { queueTablePositions } from "./tablePositions";
import { headerOf, planTables, type WorkbookIndex } from "./workbookIndex";
import { readPlan } from "../plan/read";
import { queueSheetSpec } from "./writeSheetSpec";

/** A new plan's sheets, names taken as it goes (against the workbook's) so two new sheets never collide. */
export class InsertBatch {
  /** Names to add without a sheet of their own (over an existing Roster or Settings table). */
  readonly namesOnly: WorkbookName[] = [];
  readonly specs: SheetSpec[] = [];
  readonly created: string[] = [];
  readonly names: PlanNames;
  /** Count formulas rewritten on the workbook's JBPs (see recountJbps). */
  readonly formulaWrites: FormulaWrite[] = [];
  /** The workbook's JBP and JAP tables with their positions, when a JBP's counts must cover them. */
  private existingJbps: TablePosition[] = [];
  /** The workbook's JAPs with their distributor and month (header blocks read with their positions). */
  private existingJaps: JapPlan[] = [];
  /** The JAPs this batch plans, as the cycle sees them. */
  private readonly plannedJaps: JapPlan[] = [];

  constructor(readonly index: WorkbookIndex) {
    this.names = new PlanNames(index.sheets, [...index.names, ...index.tables.map((t) => t.name)]);
  }

  sheetName(base: string): string {
    return this.names.sheetName(base);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  add(spec: SheetSpec): SheetSpec {
    this.names.take(...spec.names.map((n) => n.name));
    this.specs.push(spec);
    this.created.push(spec.sheetName);
    return spec;
  }

  /** Roster and Settings: reused when present, created (with their names) when absent. */
  ensureSupportSheets(rosterEntries: RosterEntry[], settings: Settings = DEFAULT_SETTINGS): string[] {
    const notes: string[] = [];
    const rosterTable = planTables(this.index, ROSTER)[0];
    if (!rosterTable && !this.has(ROSTER_NAMES.names)) {
      const sheet = this.sheetName(ROSTER.defaultSheetName);
      this.add(buildRosterSheetSpec(rosterEntries, sheet));
      notes.push(`created '${sheet}'`);
    } else if (rosterTable && !this.has(ROSTER_NAMES.names)) {
      // A roster the user made: name its columns so the Owner lists work, without touching it.
      const names: WorkbookName[] = [
        { name: ROSTER_NAMES.names, formula: `=${rosterTable.name}[${headerOf(rosterTable, "name")}]` },
        { name: ROSTER_NAMES.parties, formula: `=${rosterTable.name}[${headerOf(rosterTable, "party")}]` },
        { name: ROSTER_NAMES.active, formula: `=${rosterTable.name}[${headerOf(rosterTable, "active")}]` },
      ];
      this.namesOnly.push(...names);
      this.names.take(...names.map((n) => n.name));
    }
    const settingsTable = planTables(this.index, SETTINGS)[0];
    const missing = SETTINGS_ROWS.filter((r) => !this.has(r.name));
    if (!settingsTable && missing.length === SETTINGS_ROWS.length) {
      const sheet = this.sheetName(SETTINGS.defaultSheetName);
      this.add(buildSettingsSheetSpec(settings, sheet));
      notes.push(`created '${sheet}'`);
    } else if (settingsTable && missing.length > 0) {
      // Settings rows are in a fixed order; a missing name points at its row's value.
      const valueHeader = headerOf(settingsTable, "value", SETTINGS);
      for (const r of missing) {
        const i = SETTINGS_ROWS.indexOf(r) + 1;
        this.namesOnly.push({ name: r.name, formula: `=INDEX(${settingsTable.name}[${valueHeader}],${i})`, comment: r.label });
        this.names.take(r.name);
      }
    }
    return notes;
  }

  /**
   * Reads where the workbook's JBP and JAP tables stand, when this insert changes what a JBP counts:
   * a new JAP must be counted by the workbook's JBPs, a new JBP must count the workbook's JAPs.
   * One sync, and none when there is nothing to count.
   */
  async readCountedTables(context: Excel.RequestContext, inserting: { jbp: boolean; jap: boolean }): Promise<void> {
    const jbps = inserting.jap ? planTables(this.index, JBP) : [];
    // A new JAP is also checked against the workbook's (one per distributor and month).
    const japs = inserting.jbp || inserting.jap ? planTables(this.index, JAP) : [];
    if (jbps.length === 0 && japs.length === 0) return;
    const readJbps = queueTablePositions(context, jbps, JBP);
    const readJaps = queueTablePositions(context, japs, JAP);
    // The corner of each JAP sheet holds its header block (Distributor, Month): the same request.
    const sheets = [...new Set(japs.map((t) => t.sheet))];
    const corners = sheets.map((sheet) => context.workbook.worksheets.getItem(sheet).getRange(JAP_CORNER).load("values"));
    await context.sync();
    this.existingJbps = readJbps();
    const grids = sheets.map((name, i) => ({ name, values: corners[i].values.map((row) => row.map(cornerValue)) }));
    const headers = readPlan(grids).japs;
    this.existingJaps = readJaps().map((position) => {
      const read = headers.find((j) => j.position.sheet === position.sheet && j.position.headerRow === position.headerRow);
      return { position, extraHeaders: [], header: read?.header ?? { distributor: "", month: null, reviewDate: null, jbpSheet: "" }, actions: [] };
    });
  }

  /** The workbook's current JAP tables (read by readCountedTables), which a new JBP counts. */
  get workbookJapTables(): TablePosition[] {
    return currentJaps({ japs: this.existingJaps, jbps: [] }).map((j) => j.position);
  }

  /**
   * Plans a JAP for a distributor and month, refusing one that the workbook (or this batch) already
   * has: the error names that sheet, so the user can open it instead of getting "JAP 2026-03 (2)".
   */
  planJap(distributor: string, month: number | null, sheetName: string): void {
    const jap: JapPlan = { position: { sheet: sheetName, headerRow: 0, lastRow: 0, columns: {} }, extraHeaders: [], header: { distributor, month, reviewDate: null, jbpSheet: "" }, actions: [] };
    if (month !== null) {
      const key = distributorKey(distributor);
      const same = [...this.existingJaps, ...this.plannedJaps].find((j) => {
        const c = japCycle(j);
        return c.month === month && distributorKey(c.distributor) === key;
      });
      if (same) {
        const name = japCycle(same).distributor;
        const who = name ? `${name}'s` : "the";
        throw new JointPlanError("exists", `'${same.position.sheet}' is already ${who} JAP for ${isoFromSerial(month).slice(0, 7)}. Open it instead; nothing was changed.`, { sheet: same.position.sheet });
      }
    }
    this.plannedJaps.push(jap);
  }

  /**
   * Rewrites the action counts of the workbook's JBPs over every JAP table, the workbook's and the
   * ones planned here, as the engine rolls them up. Call once every sheet is planned; returns the
   * sheets whose counts change.
   */
  recountJbps(): string[] {
    const newJaps = this.specs.filter((s) => s.kind === "jap");
    if (newJaps.length === 0) return [];
    // Only current JAPs are counted: a new month makes its distributor's earlier one history.
    const planned = newJaps.map((spec, i) => ({ ...this.plannedJaps[i], position: withExcelTable(specTablePosition(spec), tableListing(spec)) }));
    const japs = currentJaps({ japs: [...this.existingJaps, ...planned], jbps: [] }).map((j) => j.position);
    const sheets: string[] = [];
    for (const jbp of this.existingJbps) {
      const writes = jbpCountWrites(jbp, japs);
      if (writes.length === 0) continue;
      this.formulaWrites.push(...writes);
      if (!sheets.includes(jbp.sheet)) sheets.push(jbp.sheet);
    }
    return sheets;
  }
}

/** The corner of a JAP sheet read for its header block (the template's sits in A2:B5). */
const JAP_CORNER = "A1:H24";
const cornerValue = (v: unknown): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null);

/** The order sheet contents are written in: each sheet's names before the sheets whose lists use them. */
const WRITE_ORDER: Record<SheetSpec["kind"], number> = { settings: 0, roster: 1, jbp: 2, jap: 3, reviewLog: 4, quarterlyReview: 5, summary: 6, pack: 7 };

/**
 * Specs in the order their contents must be written. A data validation list that names a workbook
 * name is refused while the name does not exist (test/sim/formulaNames.ts): the Settings sheet
 * defines the lists (JP_Parties, JP_Statuses …) that the Roster and the plan sheets use, the Roster
 * defines JP_RosterNames, the JBP JP_ObjectiveIds, which the JAP's lists use.
 */
export function namesFirst(specs: readonly SheetSpec[]): SheetSpec[] {
  return [...specs].sort((a, b) => (WRITE_ORDER[a.kind] ?? 9) - (WRITE_ORDER[b.kind] ?? 9));
}

/**
 * Queues every planned sheet, name and JBP recount, activates `activate`, and syncs once (more only
 * above 4 MB). Every formula is checked first; if Excel still refuses a write, the sheets and names
 * this insert added are taken out again, so no half-built sheet stays.
 */
export async function writeInsertBatch(context: Excel.RequestContext, batch: InsertBatch, activate: string, more?: (batcher: Batcher, added: string[]) => Promise<void>): Promise<void> {
  assertFormulasFit("insert these sheets", batch.specs, batch.formulaWrites, batch.namesOnly);
  const caps = capabilities();
  const batcher = new Batcher(context);
  // Sheets `more` adds (its own writes in the same request; it lists them before queueing them), taken out too if Excel refuses.
  const extra: string[] = [];
  try {
    // Events off: the live check must not hear the add-in's own writes (triggerSource, which would
    // say so, is ExcelApi 1.14); the new sheets get their handlers directly (queueWatchAdded).
    if (caps.enableEvents) context.runtime.enableEvents = false;
    for (const n of batch.namesOnly) await batcher.add(payloadBytes(n), () => context.workbook.names.add(n.name, n.formula, n.comment));
    // The sheets in the batch's tab order; their contents with the names' definers first (namesFirst).
    const sheets = new Map(batch.specs.map((spec) => [spec, context.workbook.worksheets.add(spec.sheetName)] as const));
    for (const spec of namesFirst(batch.specs)) await queueSheetSpec(context, sheets.get(spec)!, spec, batcher);
    // After the new sheets, so that the formulas find the JAP sheets they name.
    await queueRecount(context, batch.formulaWrites, batcher);
    if (more) await more(batcher, extra);
    context.workbook.worksheets.getItem(activate).activate();
    if (caps.enableEvents) context.runtime.enableEvents = true;
    const watched = queueWatchAdded(context, batch.specs.map((s) => s.sheetName));
    await context.sync();
    watched();
  } catch (e) {
    if (caps.enableEvents) await restoreEvents(context);
    await removeAdded(context, [...batch.specs.map((s) => s.sheetName), ...extra], [...batch.namesOnly, ...batch.specs.flatMap((s) => s.names)].map((n) => n.name));
    throw e;
  }
}

export interface JapInsertRequest {
  distributor: string;
  month: number;
  jbpSheet?: string;
  /** The actions the new JAP starts with (carried from last month), by column key; none by default. */
  actions?: Record<string, CellValue>[];
}

/** The workbook's JBP a new JAP links to: the one named, else the one of the JAP's year, else the first. */
export function workbookJbpLink(batch: InsertBatch, req: JapInsertRequest): JbpLink | null {
  const jbps = planTables(batch.index, JBP);
  let table = jbps[0];
  if (req.jbpSheet !== undefined && req.jbpSheet !== "") {
    const sheet = batch.index.sheets.find((s) => s.toLowerCase() === req.jbpSheet!.toLowerCase());
    if (!sheet) throw new JointPlanError("sheetMissing", `There is no sheet '${req.jbpSheet}' to link the JAP to. Pick a JBP sheet from the list; nothing was changed.`);
    table = jbps.find((t) => t.sheet === sheet)!;
    if (!table) throw new JointPlanError("tableMissing", `Sheet '${sheet}' has no JBP objectives table (ID, Objective, Q1 target, FY target …). Insert a JBP template, or link to another sheet; nothing was changed.`);
  } else if (jbps.length > 1) {
    const year = String(ymdFromSerial(req.month)!.y);
    table = jbps.find((t) => t.sheet.includes(year)) ?? jbps[0];
  }
  if (!table) return null;
  // The first JBP defines JP_ObjectiveIds; another JBP is reached through its table column,
  // by INDIRECT so that the list grows with the table.
  const idSource = jbps[0] === table && batch.has(LIST_NAMES.objectiveIds) ? `=${LIST_NAMES.objectiveIds}` : `=INDIRECT("${table.name}[${headerOf(table, "id", JBP)}]")`;
  return { sheet: table.sheet, idSource };
}

/** Adds an empty JAP to the plan, linked to a JBP: a given sheet, one planned in this command, or the workbook's. */
export function addJap(batch: InsertBatch, req: JapInsertRequest, plannedJbp?: SheetSpec): { sheet: string; linked: string | null } {
  const link = plannedJbp ? linkToJbp(plannedJbp) : workbookJbpLink(batch, req);
  // Without a JBP, JP_ObjectiveIds is no name of the workbook: a list naming it would be refused,
  // so the JBP objective column has no list (the check still reports unknown objectives).
  const noList: JbpLink | null = link ?? (batch.has(LIST_NAMES.objectiveIds) ? null : { sheet: "", idSource: null });
  batch.planJap(req.distributor, req.month, "");
  const spec = batch.add(japSheetSpec(batch.names, { distributor: req.distributor, month: req.month, link: noList, ...(req.actions ? { actions: req.actions } : {}) }));
  return { sheet: spec.sheetName, linked: link?.sheet ?? null };
}

/** Adds an empty JBP to the plan, counting the actions of the workbook's JAP tables (read first). */
export function addJbp(batch: InsertBatch, header: Record<string, CellValue>, year: number): SheetSpec {
  return batch.add(jbpSheetSpec(batch.names, { header, year, japTables: batch.workbookJapTables }));
}

/** Adds a JBP and a JAP linked to each other, as the sample and generated plans are inserted. */
export function addPlan(batch: InsertBatch, data: Pick<PlanData, "jbp" | "jap">): { jbp: SheetSpec; jap: SheetSpec } {
  batch.planJap(String(data.jap.header.distributor ?? ""), typeof data.jap.header.month === "number" ? data.jap.header.month : null, "");
  const { jbp, jap } = linkedJbpAndJap(batch.names, data, {}, batch.workbookJapTables);
  batch.add(jbp);
  batch.add(jap);
  return { jbp, jap };
}

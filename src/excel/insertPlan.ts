/**
 * The sheets one insert command adds, planned before anything is written: names are taken as the
 * plan grows, so no two new sheets or tables collide with each other or with the workbook's, and
 * the Roster and Settings are added only when the workbook lacks them.
 */
import { JAP, JBP, ROSTER, SETTINGS, columnIndex, tableHeaderRow } from "../plan/layouts";
import { DEFAULT_SETTINGS, type CellValue, type RosterEntry, type Settings } from "../plan/model";
import { ymdFromSerial } from "../plan/serialDate";
import { LIST_NAMES, SETTINGS_ROWS, objectiveIdsName } from "../plan/settingsRows";
import { buildTableSheetSpec, columnDataRef, type SheetSpec, type SpecName } from "../plan/sheetSpec";
import { ROSTER_NAMES, buildRosterSheetSpec, buildSettingsSheetSpec } from "../plan/supportSheetSpecs";
import { uniqueDefinedName, uniqueSheetName } from "../plan/uniqueNames";
import { Batcher } from "./batches";
import { JointPlanError } from "./errors";
import { headerOf, planTables, type WorkbookIndex } from "./workbookIndex";
import { queueSheetSpec } from "./writeSheetSpec";

/** Empty formatted rows a new template offers. */
export const TEMPLATE_ROWS = 20;
export const TEMPLATE_OBJECTIVE_ROWS = 8;

/** A new plan's sheets, names taken as it goes so two new sheets never collide. */
export class InsertPlan {
  /** Names to add without a sheet of their own (over an existing Roster or Settings table). */
  readonly namesOnly: SpecName[] = [];
  readonly specs: SheetSpec[] = [];
  readonly created: string[] = [];
  private readonly sheetNames: string[];
  private readonly definedNames: string[];

  constructor(readonly index: WorkbookIndex) {
    this.sheetNames = [...index.sheets];
    this.definedNames = [...index.names, ...index.tables.map((t) => t.name)];
  }

  sheetName(base: string): string {
    const name = uniqueSheetName(base, this.sheetNames);
    this.sheetNames.push(name);
    return name;
  }

  tableName(stem: string): string {
    const name = uniqueDefinedName(stem, this.definedNames);
    this.definedNames.push(name);
    return name;
  }

  has(name: string): boolean {
    return this.definedNames.some((n) => n.toLowerCase() === name.toLowerCase());
  }

  add(spec: SheetSpec): SheetSpec {
    for (const n of spec.names) this.definedNames.push(n.name);
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
      const names: SpecName[] = [
        { name: ROSTER_NAMES.names, formula: `=${rosterTable.name}[${headerOf(rosterTable, "name")}]` },
        { name: ROSTER_NAMES.parties, formula: `=${rosterTable.name}[${headerOf(rosterTable, "party")}]` },
        { name: ROSTER_NAMES.active, formula: `=${rosterTable.name}[${headerOf(rosterTable, "active")}]` },
      ];
      this.namesOnly.push(...names);
      names.forEach((n) => this.definedNames.push(n.name));
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
        this.definedNames.push(r.name);
      }
    }
    return notes;
  }

}

/** Queues every planned sheet and name, activates `activate`, and syncs once (more only above 4 MB). */
export async function writeInsertPlan(context: Excel.RequestContext, plan: InsertPlan, activate: string): Promise<void> {
  const batcher = new Batcher(context);
  for (const n of plan.namesOnly) context.workbook.names.add(n.name, n.formula, n.comment);
  for (const spec of plan.specs) {
    const ws = context.workbook.worksheets.add(spec.sheetName);
    await queueSheetSpec(context, ws, spec, batcher);
  }
  context.workbook.worksheets.getItem(activate).activate();
  await context.sync();
}

const isoMonth = (serial: number): string => {
  const d = ymdFromSerial(serial)!;
  return `${d.y}-${String(d.m).padStart(2, "0")}`;
};

export interface JapRequest {
  distributor: string;
  month: number;
  jbpSheet?: string;
  rows?: Record<string, CellValue>[];
}

/** Adds a JAP to the plan, linked to a JBP: a given sheet, one planned in this command, or the workbook's. */
export function addJap(plan: InsertPlan, req: JapRequest, plannedJbp?: SheetSpec): { sheet: string; linked: string | null } {
  let linked: string | null = null;
  // Where the JAP's objective list comes from: JP_ObjectiveIds when it names the linked JBP.
  let idSource: string | null = null;
  if (plannedJbp) {
    linked = plannedJbp.sheetName;
    idSource = plannedJbp.names.some((n) => n.name === LIST_NAMES.objectiveIds) ? `=${LIST_NAMES.objectiveIds}` : columnDataRef(plannedJbp, "id");
  } else {
    const jbps = planTables(plan.index, JBP);
    let table = jbps[0];
    if (req.jbpSheet !== undefined && req.jbpSheet !== "") {
      const sheet = plan.index.sheets.find((s) => s.toLowerCase() === req.jbpSheet!.toLowerCase());
      if (!sheet) throw new JointPlanError("sheetMissing", `There is no sheet '${req.jbpSheet}' to link the JAP to. Pick a JBP sheet from the list; nothing was changed.`);
      table = jbps.find((t) => t.sheet === sheet)!;
      if (!table) throw new JointPlanError("tableMissing", `Sheet '${sheet}' has no JBP objectives table (ID, Objective, Q1 target, FY target …). Insert a JBP template, or link to another sheet; nothing was changed.`);
    } else if (jbps.length > 1) {
      const year = String(ymdFromSerial(req.month)!.y);
      table = jbps.find((t) => t.sheet.includes(year)) ?? jbps[0];
    }
    if (table) {
      linked = table.sheet;
      // The first JBP defines JP_ObjectiveIds; another JBP is reached through its table column,
      // by INDIRECT so that the list grows with the table.
      idSource = jbps[0] === table && plan.has(LIST_NAMES.objectiveIds) ? `=${LIST_NAMES.objectiveIds}` : `=INDIRECT("${table.name}[${headerOf(table, "id", JBP)}]")`;
    }
  }
  const sheet = plan.sheetName(`JAP ${isoMonth(req.month)}`);
  plan.add(
    buildTableSheetSpec(JAP, {
      sheetName: sheet,
      tableName: plan.tableName(JAP.tableName),
      header: { distributor: req.distributor, month: req.month, reviewDate: null, jbpSheet: linked ?? "" },
      rows: req.rows,
      minRows: TEMPLATE_ROWS,
      validationSources: { objectiveId: idSource },
    }),
  );
  return { sheet, linked };
}

export function addJbp(plan: InsertPlan, header: Record<string, CellValue>, year: number, rows?: Record<string, CellValue>[]): SheetSpec {
  const sheet = plan.sheetName(`JBP ${year}`);
  const firstDataRow = tableHeaderRow(JBP) + 1;
  const lastDataRow = firstDataRow + Math.max(rows?.length ?? 0, TEMPLATE_OBJECTIVE_ROWS, 1) - 1;
  // The first JBP of the workbook names its ID column for the JAPs' objective lists.
  const names = plan.has(LIST_NAMES.objectiveIds) ? [] : [objectiveIdsName(sheet, firstDataRow, lastDataRow, columnIndex(JBP, "id"))];
  return plan.add(
    buildTableSheetSpec(JBP, {
      sheetName: sheet,
      tableName: plan.tableName(JBP.tableName),
      header,
      rows,
      minRows: TEMPLATE_OBJECTIVE_ROWS,
      names,
    }),
  );
}

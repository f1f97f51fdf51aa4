/**
 * Insert JBP / JAP templates and the sample plan. Two syncs: read what the workbook has (sheets,
 * tables and their headers, names), then write every new sheet in one request. A third, between
 * them, only when the insert changes what a JBP counts (a JAP next to a JBP, a JBP next to JAPs):
 * it reads where those tables stand, and the write rewrites the JBPs' action counts over every JAP
 * table. Inserting never overwrites: taken names get a new unique one, an existing Roster and
 * Settings are reused, and only the JBPs' own formula columns are rewritten.
 */
import { samplePlan } from "../plan/sample";
import { serialFromYmd, todaySerial, ymdFromSerial } from "../plan/model";
import { newJbpHeader, type PlanData, rosterEntries } from "../plan/sheets";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { InsertBatch, addJap, addJbp, addPlan, writeInsertBatch } from "./insertBatch";

export type { PlanData } from "../plan/sheets";
import { readIndex } from "./workbookIndex";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function today(): number {
  return todaySerial(new Date());
}

function monthSerial(month: string | undefined): number {
  if (month === undefined) {
    const t = ymdFromSerial(today())!;
    return serialFromYmd(t.y, t.m, 1)!;
  }
  const m = MONTH.exec(month.trim());
  if (!m) throw new JointPlanError("invalidInput", `'${month}' is not a month. Give it as YYYY-MM, for example 2026-03.`);
  return serialFromYmd(Number(m[1]), Number(m[2]), 1)!;
}

function checkYear(year: number | undefined): number {
  const y = year ?? ymdFromSerial(today())!.y;
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new JointPlanError("invalidInput", `${year} is not a plan year. Give a year between 2000 and 2100.`);
  return y;
}


const recountNotes = (sheets: string[]): string[] => sheets.map((s) => `updated the action counts of '${s}'`);

const joinNotes = (notes: string[]): string => (notes.length ? ` Also ${notes.join(" and ")}.` : "");

export async function insertJapTemplate(options: { distributor?: string; month?: string; jbpSheet?: string; sample?: boolean } = {}): Promise<{ message: string; sheetName: string }> {
  if (options.sample) {
    const r = await insertSamplePlan();
    const jap = r.sheets.find((s) => s.startsWith("JAP")) ?? r.sheets[r.sheets.length - 1];
    return { message: r.message, sheetName: jap };
  }
  const month = monthSerial(options.month);
  return runExcel(async (context) => {
    const batch = new InsertBatch(await readIndex(context));
    // Every JBP counts every current JAP's actions, as the engine rolls them up: this one too; and
    // a distributor's month that has a JAP already is refused (read first, with the JAPs' headers).
    await batch.readCountedTables(context, { jap: true, jbp: false });
    const { sheet, linked } = addJap(batch, { distributor: options.distributor ?? "", month, jbpSheet: options.jbpSheet });
    const notes = batch.ensureSupportSheets([]);
    notes.push(...recountNotes(batch.recountJbps()));
    await writeInsertBatch(context, batch, sheet);
    const link = linked ? `, linked to the objectives of '${linked}'` : "";
    return { message: `Inserted '${sheet}'${link}.${joinNotes(notes)}`, sheetName: sheet };
  });
}

export async function insertJbpTemplate(options: { principal?: string; distributor?: string; market?: string; year?: number; sample?: boolean } = {}): Promise<{ message: string; sheetName: string }> {
  if (options.sample) {
    const r = await insertSamplePlan();
    const jbp = r.sheets.find((s) => s.startsWith("JBP")) ?? r.sheets[0];
    return { message: r.message, sheetName: jbp };
  }
  const year = checkYear(options.year);
  return runExcel(async (context) => {
    const batch = new InsertBatch(await readIndex(context));
    // The new JBP counts the actions of the JAP tables already there.
    await batch.readCountedTables(context, { jap: false, jbp: true });
    const spec = addJbp(batch, newJbpHeader(year, options), year);
    const notes = batch.ensureSupportSheets([]);
    await writeInsertBatch(context, batch, spec.sheetName);
    return { message: `Inserted '${spec.sheetName}'.${joinNotes(notes)}`, sheetName: spec.sheetName };
  });
}

/**
 * Inserts a whole plan (src/plan/sheets/planSheets.ts): Roster and Settings when absent, a JBP, and a JAP
 * linked to it. Two syncs; three when the workbook already has a JBP or JAP table (see readCountedTables).
 */
export async function insertPlanData(data: PlanData): Promise<{ rosterCreated: boolean; notes: string[]; jbp: string; jap: string; created: string[] }> {
  return runExcel(async (context) => {
    const batch = new InsertBatch(await readIndex(context));
    await batch.readCountedTables(context, { jap: true, jbp: true });
    const notes = batch.ensureSupportSheets(rosterEntries(data.roster), data.settings);
    const { jbp, jap } = addPlan(batch, data);
    notes.push(...recountNotes(batch.recountJbps()));
    await writeInsertBatch(context, batch, jap.sheetName);
    const rosterCreated = batch.specs.some((s) => s.kind === "roster");
    return { rosterCreated, notes, jbp: jbp.sheetName, jap: jap.sheetName, created: batch.created };
  });
}

/** The sample plan (roster, JBP, JAP with faults) for this month, in new sheets. */
export async function insertSamplePlan(): Promise<{ message: string; sheets: string[] }> {
  const sample = samplePlan(today());
  const r = await insertPlanData(sample);
  const rosterNote = r.rosterCreated ? "" : " The existing Roster was kept: add the sample's people to it to clear their owner findings.";
  return {
    message: `Inserted the sample plan: '${r.jbp}' and '${r.jap}' with ${sample.jap.actions.length} actions, some with deliberate faults. Run Check plan to see them.${joinNotes(r.notes)}${rosterNote}`,
    sheets: r.created,
  };
}

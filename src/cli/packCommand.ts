/**
 * `jointplan pack IN.xlsx [--json]`: the Meeting pack of each distributor's current JAP, in the
 * terminal, grouped as on the sheet (src/plan/pack): the plan's RAG and why, the objectives, the Red
 * and Amber actions, the overdue ones, what changed since the last review, and the decisions to take.
 * The figures are the engine's, which the sheet's formulas equal (test/libreoffice/meetingPack).
 */
import * as path from "path";
import { type CellValue, isoFromSerial } from "../plan/model";
import { meetingPacks, type MeetingPack, packFigures, type PackFigures, packReviewLog } from "../plan/pack";
import type { ReportOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { type LoadedPlan, loadPlan } from "./loadPlan";
import { alignRows } from "./table";
import { terminalJson, terminalLines } from "./terminalText";

export interface PackJson {
  asOf: string;
  packs: {
    japSheet: string;
    distributor: string;
    month: string;
    planRag: CellValue;
    why: CellValue;
    objectives: Record<string, CellValue>[];
    redAmber: Record<string, CellValue>[];
    overdue: Record<string, CellValue>[];
    /** ISO date, or null before any review. */
    lastReview: string | null;
    then: Record<string, CellValue> | null;
    now: Record<string, CellValue>;
    changes: Record<string, CellValue>[];
    more: Record<string, CellValue>;
  }[];
}

const RAGS = ["Red", "Amber", "Green", "Grey"] as const;
/** Dates as ISO, the rest as the sheet shows it. */
const DATE_FIELDS = new Set(["due"]);
const isoRows = (rows: Record<string, CellValue>[]): Record<string, CellValue>[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "row").map(([k, v]) => [k, DATE_FIELDS.has(k) && typeof v === "number" ? isoFromSerial(v) : v])));

function figuresOf(loaded: LoadedPlan, pack: MeetingPack): PackFigures {
  return packFigures(loaded.plan, pack.subject, loaded.asOf, pack.input);
}

export function packJson(loaded: LoadedPlan, packs: MeetingPack[]): PackJson {
  return {
    asOf: isoFromSerial(loaded.asOf),
    packs: packs.map((p) => {
      const f = figuresOf(loaded, p);
      const last = f.figures.lastReview;
      return {
        japSheet: p.subject.jap.position.sheet,
        distributor: p.input.distributor,
        month: p.input.monthTitle,
        planRag: f.figures.planRag,
        why: f.figures.why,
        objectives: isoRows(f.lists.objectives),
        redAmber: isoRows(f.lists.redAmber),
        overdue: isoRows(f.lists.overdue),
        lastReview: typeof last === "number" ? isoFromSerial(last) : null,
        then: typeof last === "number" ? Object.fromEntries(RAGS.map((c) => [c, f.figures[`then${c}`]])) : null,
        now: Object.fromEntries(RAGS.map((c) => [c, f.figures[`now${c}`]])),
        changes: f.lists.changes,
        more: f.more,
      };
    }),
  };
}

const pct = (v: CellValue): string => (typeof v === "number" ? `${Math.round(v * 100)} %` : "");
const day = (v: CellValue): string => (typeof v === "number" ? isoFromSerial(v) : String(v ?? ""));
const str = (v: CellValue): string => (v === null || v === undefined ? "" : String(v));

export function packText(loaded: LoadedPlan, packs: MeetingPack[], file: string): string {
  const lines: string[] = [];
  for (const p of packs) {
    const f = figuresOf(loaded, p);
    if (lines.length > 0) lines.push("");
    const title = ["Meeting pack", p.input.distributor, p.input.monthTitle].filter((s) => s !== "").join(" · ");
    lines.push(`${file}: ${title} (${p.subject.jap.position.sheet}), as of ${isoFromSerial(loaded.asOf)}`);
    lines.push(`Plan RAG: ${str(f.figures.why)}`);
    const section = (heading: string, rows: string[][], more: CellValue, none: string): void => {
      lines.push("", heading);
      if (rows.length === 0) lines.push(`  ${none}`);
      for (const line of alignRows(rows)) lines.push(line);
      if (str(more) !== "") lines.push(`  ${str(more)}`);
    };
    if (p.subject.jbp) {
      section(
        "Objectives",
        f.lists.objectives.map((o) => [str(o.id), str(o.objective), str(o.rag), o.pctToTarget === "" ? "no KPI results" : `KPI ${pct(o.pctToTarget)} of YTD target`, `actions ${str(o.red)} Red, ${str(o.amber)} Amber, ${str(o.green)} Green`]),
        f.more.objectives,
        "No objectives.",
      );
    }
    section(str(f.figures.redAmberTitle), f.lists.redAmber.map((a) => [str(a.id), str(a.action), str(a.owner), `due ${day(a.due)}`, str(a.rag), pct(a.pctComplete), str(a.reason)]), f.more.redAmber, "None.");
    section(str(f.figures.overdueTitle), f.lists.overdue.map((a) => [str(a.id), str(a.action), str(a.owner), `due ${day(a.due)}`, `${str(a.daysOverdue)} days late`, str(a.status), str(a.nextStep)]), f.more.overdue, "None.");
    const last = f.figures.lastReview;
    lines.push("", "Since the last review");
    const now = RAGS.map((c) => `${str(f.figures[`now${c}`])} ${c}`).join(", ");
    if (typeof last === "number") {
      lines.push(`  Last review ${isoFromSerial(last)}: then ${RAGS.map((c) => `${str(f.figures[`then${c}`])} ${c}`).join(", ")}; now ${now}`);
      const rows = f.lists.changes.map((c) => [str(c.id), str(c.action), str(c.owner), `${str(c.then) || "-"} → ${str(c.now) || "-"}`, str(c.what)]);
      for (const line of alignRows(rows)) lines.push(line);
      if (rows.length === 0) lines.push("  No change to list.");
      const extra = p.input.changes.length - rows.length;
      if (extra > 0) lines.push(`  … and ${extra} more`);
    } else lines.push(`  No review recorded yet; now ${now}.`);
    lines.push("", "Decisions and next steps", `  For the meeting to fill in on the '${p.spec.sheetName}' sheet.`);
  }
  return terminalLines(lines);
}

export async function runPack(file: string, options: ReportOptions, io: CliIo): Promise<number> {
  const loaded = await loadPlan(file, options, io);
  const packs = meetingPacks(loaded.plan, packReviewLog(loaded.grids, loaded.plan), loaded.asOf);
  if (packs.length === 0) {
    throw new CliError(`${path.basename(file)} has no JAP to make a meeting pack of: a JAP needs the ID, Action, Owner, Due, Status and RAG columns`, 2);
  }
  io.out(options.json ? terminalJson(packJson(loaded, packs)) : packText(loaded, packs, path.basename(file)));
  return 0;
}

/**
 * `rag` output: the JSON shape documented in the README ("Command line"), and the human listing: the plan's
 * status, each objective's roll-up and each action's colour with its reason, grouped by sheet.
 */
import { isoFromSerial, type PlanRag, type Rag, type RagResult } from "../plan/model";
import type { JapJson } from "./japsJson";
import { alignRows, plural } from "./table";
import { terminalLines } from "./terminalText";

export interface RagJson {
  asOf: string;
  plan: { rag: Rag; reason: string };
  /** Each JAP's distributor and month, and whether it is current (only current JAPs roll up). */
  japs: JapJson[];
  objectives: { id: string; rag: Rag; reason: string }[];
  /** `sheet`: the JAP the action is on (an ID may be on a current JAP and on its history). */
  actions: { id: string; sheet: string; rag: Rag; reason: string; overridden: boolean }[];
}

export function ragJson(rag: PlanRag, asOf: number, japs: JapJson[] = []): RagJson {
  return {
    asOf: isoFromSerial(asOf),
    plan: { rag: rag.plan.rag, reason: rag.plan.reason },
    japs,
    objectives: rag.objectives.map((o) => ({ id: o.id, rag: o.rag, reason: o.reason })),
    actions: rag.actions.map((a) => ({ id: a.id, sheet: a.sheet, rag: a.rag, reason: a.reason, overridden: a.overridden })),
  };
}

const RAGS: Rag[] = ["Red", "Amber", "Green", "Grey"];

function counts(results: RagResult[]): string {
  return RAGS.map((r) => `${results.filter((x) => x.rag === r).length} ${r}`).join(", ");
}

function reasonOf(r: RagResult): string {
  return r.overridden ? `overridden (computed ${r.computed}): ${r.reason}` : r.reason;
}

function section(title: string, results: RagResult[], lines: string[]): void {
  const sheets = [...new Set(results.map((r) => r.sheet))];
  for (const sheet of sheets) {
    const own = results.filter((r) => r.sheet === sheet);
    lines.push("", `${title} on ${sheet}: ${counts(own)}`);
    // One push a line: spreading a listing of 130,000 actions into push() overflows the stack.
    for (const line of alignRows(own.map((r) => [r.id || `(row ${r.row + 1})`, r.rag, reasonOf(r)]))) lines.push(line);
  }
}

export function ragText(rag: PlanRag, asOf: number, file: string): string {
  const lines = [`${file}, as of ${isoFromSerial(asOf)}: plan ${rag.plan.rag}: ${rag.plan.reason}`];
  if (rag.objectives.length === 0 && rag.actions.length === 0) lines.push("", "No objectives or actions to judge.");
  section("Objectives", rag.objectives, lines);
  section("Actions", rag.actions, lines);
  const overridden = rag.actions.filter((a) => a.overridden).length;
  if (overridden > 0) lines.push("", `${plural(overridden, "action")} overridden by hand.`);
  return terminalLines(lines);
}

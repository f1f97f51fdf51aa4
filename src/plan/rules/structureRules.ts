/**
 * Structure rules: unique IDs, every referenced JBP objective exists, the critical few priorities,
 * list values from their lists, % complete that fits the status, and a reason for each override.
 */
import { ActionParty, cellNumber, cellText, type CellValue, finding, type Finding, formatNumber, isBlank, type JapPlan, type JbpPlan, matchActionParty, matchRag, matchStatus, parseNumberText, Rag, showValue, Status, type TablePosition } from "../model";
import { columnFormat, JAP } from "../layouts";
import { cellAt, has, linkedJbps, type RuleContext } from "./ruleContext";

export function structureRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const jbp of ctx.plan.jbps) {
    uniqueIds(jbp.position, jbp.objectives, "objective", out);
    for (const o of jbp.objectives) required(jbp.position, o.source.row, o.source.raw, "objective", "Objective is empty. Say what this objective aims for.", out);
  }
  for (const jap of ctx.plan.japs) {
    uniqueIds(jap.position, jap.actions, "action", out);
    const objectiveIds = objectiveIndex(linkedJbps(ctx.plan, jap));
    for (const a of jap.actions) {
      const p = jap.position;
      const row = a.source.row;
      const raw = a.source.raw;
      required(p, row, raw, "action", "Action is empty. Describe what will be done.", out);
      listCell(p, row, raw, "party", "Party", matchActionParty, ActionParty.options, "structure.badParty", true, out);
      listCell(p, row, raw, "status", "Status", matchStatus, Status.options, "structure.badStatus", true, out);
      listCell(p, row, raw, "ragOverride", "RAG override", matchRag, Rag.options, "structure.badOverride", false, out);
      objectiveRef(p, row, raw, objectiveIds, out);
      priority(ctx, p, row, raw.priority, out);
      pctVsStatus(p, row, raw.pctComplete, a.status, out);
      if (has(p, "ragOverride") && !isBlank(raw.ragOverride) && (!has(p, "overrideReason") || isBlank(raw.overrideReason))) {
        const where = has(p, "overrideReason") ? "overrideReason" : "ragOverride";
        out.push(finding("structure.overrideWithoutReason", "error", cellAt(p, row, where), `RAG override ${showValue(raw.ragOverride)} has no Override reason. Say why the computed colour is replaced.`));
      }
    }
  }
  noRoster(ctx, out);
  return out;
}

function uniqueIds(p: TablePosition, rows: { id: string; source: { row: number } }[], what: string, out: Finding[]): void {
  if (!has(p, "id")) return;
  const first = new Map<string, number>();
  for (const r of rows) {
    const at = cellAt(p, r.source.row, "id");
    if (r.id === "") {
      out.push(finding("structure.missingId", "error", at, `This ${what} has no ID. Give it a unique ID so it can be referenced and tracked.`));
      continue;
    }
    // Excel's lookups ignore case, so IDs that differ only by case collide.
    const key = r.id.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.source.row);
    else out.push(finding("structure.duplicateId", "error", at, `ID '${r.id}' is used again (first on row ${seen + 1}). Each ${what} needs its own ID.`));
  }
}

function required(p: TablePosition, row: number, raw: Record<string, CellValue>, key: string, message: string, out: Finding[]): void {
  if (has(p, key) && isBlank(raw[key])) out.push(finding("structure.required", "error", cellAt(p, row, key), message));
}

/** A list column: blank (when required) or unknown is an error; another spelling of a value is a warning with a repair. */
function listCell<T extends string>(
  p: TablePosition,
  row: number,
  raw: Record<string, CellValue>,
  key: string,
  label: string,
  match: (v: CellValue | undefined) => T | null,
  options: readonly T[],
  rule: string,
  isRequired: boolean,
  out: Finding[],
): void {
  if (!has(p, key)) return;
  const v = raw[key];
  const blank = isBlank(v);
  const value = blank ? null : match(v);
  if (value !== null && v === value) return;
  // Only a faulty cell pays for its message.
  const at = cellAt(p, row, key);
  const choices = `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
  if (blank) {
    if (isRequired) out.push(finding(rule, "error", at, `${label} is empty. Choose ${choices}.`));
  } else if (value === null) out.push(finding(rule, "error", at, `${label} ${showValue(v)} is not one of ${choices}.`));
  else out.push(finding(rule, "warning", at, `${label} ${showValue(v)} is read as '${value}'; use the list's wording so formulas read it too.`, { value, label: `Use '${value}'` }));
}

function objectiveIndex(jbps: JbpPlan[]): Map<string, string> | null {
  if (jbps.length === 0) return null;
  const ids = new Map<string, string>();
  for (const j of jbps) for (const o of j.objectives) if (o.id) ids.set(idKey(o.id), o.id);
  return ids;
}

const idKey = (id: string) => id.toLowerCase().replace(/[\s\u00a0]+/g, "");

/** An action's JBP objective must exist (skipped when the workbook holds no JBP to check against). */
function objectiveRef(p: TablePosition, row: number, raw: Record<string, CellValue>, ids: Map<string, string> | null, out: Finding[]): void {
  if (!ids || !has(p, "objectiveId") || isBlank(raw.objectiveId)) return;
  const typed = cellText(raw.objectiveId);
  const known = ids.get(idKey(typed));
  if (known !== undefined && known === raw.objectiveId) return;
  const at = cellAt(p, row, "objectiveId");
  if (known === undefined) {
    out.push(finding("structure.unknownObjective", "error", at, `JBP objective ${showValue(raw.objectiveId)} is not an objective ID of the JBP. Choose one from the list.`));
  } else if (typeof raw.objectiveId === "string" && raw.objectiveId.toLowerCase() !== known.toLowerCase()) {
    out.push(finding("structure.unknownObjective", "warning", at, `JBP objective ${showValue(raw.objectiveId)} is written differently from the JBP's '${known}'.`, { value: known, label: `Use '${known}'` }));
  }
}

/** The critical few: a priority is a whole number from 1 to the most priorities allowed. */
function priority(ctx: RuleContext, p: TablePosition, row: number, v: CellValue | undefined, out: Finding[]): void {
  if (!has(p, "priority") || isBlank(v)) return;
  const max = ctx.settings.maxPriorities;
  if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= max) return;
  const n = cellNumber(v ?? null) ?? (typeof v === "string" ? parseNumberText(v) : null);
  const inRange = n !== null && Number.isInteger(n) && n >= 1 && n <= max;
  const at = cellAt(p, row, "priority");
  if (inRange) {
    out.push(finding("structure.tooManyPriorities", "error", at, `Priority ${showValue(v ?? null)} is text, not a number. Make it ${n}.`, { value: n, label: `Make this ${n}`, numberFormat: columnFormat(JAP, "priority") }));
  } else {
    out.push(
      finding("structure.tooManyPriorities", "error", at, `Priority ${showValue(v ?? null)} is not a whole number from 1 to ${max}: the plan keeps to the critical few (at most ${max} priorities, in Settings).`),
    );
  }
}

/** % complete fits the status (Done is 100 %, Not started is 0 %) and stays within 0..100 %. */
function pctVsStatus(p: TablePosition, row: number, v: CellValue | undefined, status: string | null, out: Finding[]): void {
  if (!has(p, "pctComplete") || typeof v !== "number") return;
  // 2..100 is a scale slip reported by kpi.percentScale; judging it against the status would repeat it.
  if (v >= 2 && v <= 100) return;
  if (v >= 0 && v <= 1 && !(status === "Done" && v < 1) && !(status === "Not started" && v > 0)) return;
  const at = cellAt(p, row, "pctComplete");
  const pct = `${formatNumber(Math.round(v * 1000) / 10)} %`;
  if (v > 1) out.push(finding("structure.pctVsStatus", "error", at, `% complete is ${pct}, over 100 %.`, { value: 1, label: "Make this 100 %", numberFormat: "0%" }));
  else if (v < 0) out.push(finding("structure.pctVsStatus", "error", at, `% complete is ${pct}, below 0 %.`, { value: 0, label: "Make this 0 %", numberFormat: "0%" }));
  else if (status === "Done" && v < 1) {
    out.push(finding("structure.pctVsStatus", "warning", at, `Status is Done but % complete is ${pct}.`, { value: 1, label: "Make this 100 %", numberFormat: "0%" }));
  } else if (status === "Not started" && v > 0 && has(p, "status")) {
    out.push(
      finding("structure.pctVsStatus", "warning", cellAt(p, row, "status"), `Status is Not started but % complete is ${pct}.`, { value: "In progress", label: "Set Status to In progress" }),
    );
  }
}

function noRoster(ctx: RuleContext, out: Finding[]): void {
  const jap: JapPlan | undefined = ctx.plan.japs.find((j) => j.actions.length > 0 && has(j.position, "owner"));
  if (ctx.plan.roster || !jap) return;
  out.push(
    finding(
      "structure.noRoster",
      "warning",
      { sheet: jap.position.sheet, row: jap.position.headerRow, col: jap.position.columns.owner },
      "No Roster table was found, so owners cannot be checked. Add a Roster sheet with Name, Party and Active columns.",
    ),
  );
}

/**
 * Structure rules: unique IDs, every referenced JBP objective exists, the critical few priorities,
 * list values from their lists, % complete that fits the status, and a reason for each override.
 */
import { ActionParty, cellText, type CellValue, finding, type Finding, formatNumber, isBlank, type JapPlan, type JbpPlan, matchActionParty, matchRag, matchStatus, Rag, type RepairChoice, showValue, Status, type TablePosition } from "../model";
import { columnFormat, JAP } from "../layouts";
import { type PriorityForm, readPriority } from "./priorities";
import { cellAt, has, linkedJbps, type RuleContext } from "./ruleContext";

export function structureRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const jbp of ctx.plan.jbps) {
    uniqueIds(jbp.position, jbp.objectives, "objective", out);
    for (const o of jbp.objectives) required(jbp.position, o.source.row, o.source.raw, "objective", "Objective is empty. Say what this objective aims for.", out);
  }
  for (const jap of ctx.plan.japs) {
    uniqueIds(jap.position, jap.actions, "action", out);
    priorities(ctx, jap, out);
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

/**
 * An ID no row uses, for a duplicate: the same prefix with the next number after the highest
 * ("A-07" → "A-21" when A-20 is the highest, zero padding kept), else the ID with "-2", "-3" ….
 */
export function newId(id: string, taken: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (m) {
    const [, prefix, digits] = m;
    let highest = 0;
    for (const t of taken) {
      const n = t.startsWith(prefix.toLowerCase()) ? /^\d+$/.exec(t.slice(prefix.length))?.[0] : undefined;
      if (n !== undefined) highest = Math.max(highest, Number(n));
    }
    for (let n = highest + 1; ; n++) {
      const candidate = `${prefix}${String(n).padStart(digits.length, "0")}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`.toLowerCase())) return `${id}-${n}`;
}

function uniqueIds(p: TablePosition, rows: { id: string; source: { row: number } }[], what: string, out: Finding[]): void {
  if (!has(p, "id")) return;
  const first = new Map<string, number>();
  // Every ID in the table, and those the repairs give, so two duplicates never get the same new one.
  const taken = new Set(rows.map((r) => r.id.toLowerCase()));
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
    else {
      const id = newId(r.id, taken);
      taken.add(id.toLowerCase());
      out.push(finding("structure.duplicateId", "error", at, `ID '${r.id}' is used again (first on row ${seen + 1}). Each ${what} needs its own ID.`, { value: id, label: `Give a new ID: '${id}'` }));
    }
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

/** The linked JBPs' objective IDs, by how they compare, and the same as choices for a repair. */
interface ObjectiveIndex {
  ids: Map<string, string>;
  choices: RepairChoice[];
}

function objectiveIndex(jbps: JbpPlan[]): ObjectiveIndex | null {
  if (jbps.length === 0) return null;
  const ids = new Map<string, string>();
  const choices: RepairChoice[] = [];
  for (const j of jbps) {
    for (const o of j.objectives) {
      if (!o.id || ids.has(idKey(o.id))) continue;
      ids.set(idKey(o.id), o.id);
      choices.push({ value: o.id, label: o.objective ? `${o.id}: ${o.objective}` : o.id });
    }
  }
  return { ids, choices };
}

const idKey = (id: string) => id.toLowerCase().replace(/[\s\u00a0]+/g, "");

/**
 * An action's JBP objective must exist (skipped when the workbook holds no JBP to check against).
 * An unknown one gets a repair that lets the user choose among the JBP's objectives (one list
 * shared by every finding, so a long plan does not copy it a row).
 */
function objectiveRef(p: TablePosition, row: number, raw: Record<string, CellValue>, index: ObjectiveIndex | null, out: Finding[]): void {
  if (!index || !has(p, "objectiveId") || isBlank(raw.objectiveId)) return;
  const typed = cellText(raw.objectiveId);
  const known = index.ids.get(idKey(typed));
  if (known !== undefined && known === raw.objectiveId) return;
  const at = cellAt(p, row, "objectiveId");
  if (known === undefined) {
    const choose = index.choices.length > 0 ? { value: null, label: "Choose an objective", choices: index.choices } : undefined;
    out.push(finding("structure.unknownObjective", "error", at, `JBP objective ${showValue(raw.objectiveId)} is not an objective ID of the JBP. Choose one from the list.`, choose));
  } else if (typeof raw.objectiveId === "string" && raw.objectiveId.toLowerCase() !== known.toLowerCase()) {
    out.push(finding("structure.unknownObjective", "warning", at, `JBP objective ${showValue(raw.objectiveId)} is written differently from the JBP's '${known}'.`, { value: known, label: `Use '${known}'` }));
  }
}

const FORM_NAMES: Record<PriorityForm, string> = { rank: "ranks", level: "levels", name: "names" };

/**
 * The critical few (priorities.ts): a mistyped rank is an error on its cell, a rank typed as text a
 * warning with a repair; then, for the whole JAP, one error when it has more distinct priorities
 * than the most allowed, and one warning when they are written in more than one form.
 */
function priorities(ctx: RuleContext, jap: JapPlan, out: Finding[]): void {
  const p = jap.position;
  if (!has(p, "priority")) return;
  const max = ctx.settings.maxPriorities;
  const distinct = new Map<string, CellValue>();
  const forms = new Map<PriorityForm, CellValue[]>();
  let over: { row: number; count: number } | null = null;
  let mixedAt: number | null = null;
  for (const a of jap.actions) {
    const v = a.source.raw.priority;
    const read = readPriority(v);
    if (read === null) continue;
    const at = cellAt(p, a.source.row, "priority");
    if (read === "bad") {
      out.push(finding("structure.badPriority", "error", at, `Priority ${showValue(v ?? null)} is not a rank (a whole number from 1), a level (High, Medium, Low) or the name of a priority.`));
      continue;
    }
    if (read.form === "rank" && typeof v === "string") {
      out.push(finding("structure.badPriority", "warning", at, `Priority ${showValue(v)} is text, not a number. Make it ${read.order}.`, { value: read.order, label: `Make this ${read.order}`, numberFormat: columnFormat(JAP, "priority") }));
    }
    if (!distinct.has(read.key)) {
      distinct.set(read.key, v ?? null);
      if (distinct.size === max + 1) over = { row: a.source.row, count: 0 };
      const list = forms.get(read.form) ?? forms.set(read.form, []).get(read.form)!;
      list.push(v ?? null);
      if (forms.size === 2 && mixedAt === null) mixedAt = a.source.row;
    }
  }
  const listed = (values: CellValue[], most = 4): string => `${values.slice(0, most).map((v) => (typeof v === "number" ? String(v) : showValue(v))).join(", ")}${values.length > most ? ", …" : ""}`;
  if (over) {
    out.push(
      finding(
        "structure.tooManyPriorities",
        "error",
        cellAt(p, over.row, "priority"),
        `This JAP has ${distinct.size} distinct priorities (${listed([...distinct.values()], 6)}); the critical few are at most ${max} (Most priorities, in Settings). Merge or drop some.`,
      ),
    );
  }
  if (mixedAt !== null) {
    const kinds = [...forms].map(([form, values]) => `${FORM_NAMES[form]} (${listed(values, 3)})`);
    out.push(
      finding(
        "structure.mixedPriorities",
        "warning",
        cellAt(p, mixedAt, "priority"),
        `Priorities are written in more than one form: ${kinds.slice(0, -1).join(", ")} and ${kinds[kinds.length - 1]}. Write them one way so they read and sort alike.`,
      ),
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

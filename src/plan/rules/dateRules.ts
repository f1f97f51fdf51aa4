/**
 * Date rules: Start and Due are real dates (not text), Start on or before Due, inside the plan's
 * period, Last update not in the future, and nothing open past its due date.
 */
import { type Action, finding, type Finding, isBlank, isErrorCell, isoFromSerial, type JapPlan, longDate, MAX_SERIAL, monthEnd, parseTextDate, showValue } from "../model";
import { ambiguousFinding, dateRepair } from "../read";
import { cellAt, has, isOpen, linkedJbps, type RuleContext } from "./ruleContext";

const DATE_COLUMNS = [
  { key: "start", label: "Start", required: true },
  { key: "due", label: "Due", required: true },
  { key: "lastUpdate", label: "Last update", required: false },
] as const;

export function dateRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const jap of ctx.plan.japs) {
    const period = japPeriod(ctx, jap);
    for (const a of jap.actions) {
      for (const column of DATE_COLUMNS) if (has(jap.position, column.key)) realDate(ctx, jap, a, column, out);
      orderAndPeriod(ctx, jap, a, period, out);
    }
  }
  return out;
}

/** Reports a date cell that is blank (when required), text, or anything but a date. */
function realDate(ctx: RuleContext, jap: JapPlan, a: Action, column: (typeof DATE_COLUMNS)[number], out: Finding[]): void {
  const raw = a.source.raw[column.key];
  const at = cellAt(jap.position, a.source.row, column.key);
  if (isBlank(raw)) {
    if (column.required) out.push(finding("date.missing", "error", at, `${column.label} is empty. Type the ${column.key === "start" ? "start" : "due"} date, such as 2026-03-05.`));
    return;
  }
  if (typeof raw === "number") {
    if (raw < 1 || raw > MAX_SERIAL) out.push(finding("date.notADate", "error", at, `${column.label} ${showValue(raw)} is not a date. Type a date such as 2026-03-05.`));
    return;
  }
  if (typeof raw === "string") {
    const text = parseTextDate(raw, ctx.settings.dateOrder);
    if (text) {
      out.push(
        finding(
          "date.notADate",
          "error",
          at,
          `${column.label} ${showValue(raw)} is text, not a date, so Excel cannot compare or count it. Make it the date ${isoFromSerial(text.serial)}.`,
          dateRepair(text.serial),
        ),
      );
      if (text.ambiguous && text.alternative !== undefined) out.push(ambiguousFinding(column.label, raw, text.serial, text.alternative, ctx.settings.dateOrder, at));
      return;
    }
  }
  const shown = isErrorCell(raw) ? `shows the error ${raw.error}` : `${showValue(raw)} is not a date`;
  out.push(finding("date.notADate", "error", at, `${column.label} ${shown}. Type a date such as 2026-03-05.`));
}

interface Period {
  start: number | null;
  end: number | null;
  /** "March 2026, the month of this JAP" or "the JBP period". */
  startName: string;
  endName: string;
}

/** The window actions must touch: the JAP's month, narrowed by the linked JBP's period. */
function japPeriod(ctx: RuleContext, jap: JapPlan): Period | null {
  const month = jap.header.month;
  const jbp = linkedJbps(ctx.plan, jap).find((j) => j.header.periodStart !== null || j.header.periodEnd !== null);
  if (month === null && !jbp) return null;
  const monthName = month !== null ? `${longDate(month).replace(/^\d+ /, "")}, the month of this JAP` : "";
  return {
    start: month ?? jbp?.header.periodStart ?? null,
    end: month !== null ? monthEnd(month) : (jbp?.header.periodEnd ?? null),
    startName: month !== null ? `the start of ${monthName}` : `the JBP period start ${longDate(jbp!.header.periodStart!)}`,
    endName: month !== null ? `the end of ${monthName}` : `the JBP period end ${longDate(jbp!.header.periodEnd!)}`,
  };
}

function orderAndPeriod(ctx: RuleContext, jap: JapPlan, a: Action, period: Period | null, out: Finding[]): void {
  const p = jap.position;
  const row = a.source.row;
  const start = a.start === null ? null : Math.floor(a.start);
  const due = a.due === null ? null : Math.floor(a.due);
  if (start !== null && due !== null && start > due) {
    out.push(finding("date.startAfterDue", "error", cellAt(p, row, "start"), `Start ${isoFromSerial(start)} is after Due ${isoFromSerial(due)}. An action must start on or before its due date.`));
  }
  // An action belongs to the period when it overlaps it: due in or after the start, started by the end.
  if (period && due !== null && period.start !== null && due < period.start) {
    out.push(finding("date.outsidePeriod", "warning", cellAt(p, row, "due"), `Due ${isoFromSerial(due)} is before ${period.startName}.`));
  }
  if (period && start !== null && period.end !== null && start > period.end) {
    out.push(finding("date.outsidePeriod", "warning", cellAt(p, row, "start"), `Start ${isoFromSerial(start)} is after ${period.endName}.`));
  }
  if (a.lastUpdate !== null && Math.floor(a.lastUpdate) > ctx.asOf && has(p, "lastUpdate")) {
    out.push(
      finding("date.updateInFuture", "error", cellAt(p, row, "lastUpdate"), `Last update ${isoFromSerial(a.lastUpdate)} is after the as-of date ${isoFromSerial(ctx.asOf)}. An update cannot be in the future.`),
    );
  }
  // Without a Status column nothing is known to be done, so nothing is called overdue.
  if (due !== null && due < ctx.asOf && has(p, "status") && isOpen(a.status)) {
    const days = ctx.asOf - due;
    out.push(
      finding(
        "date.overdue",
        "warning",
        cellAt(p, row, "due"),
        `Due ${isoFromSerial(due)} is before the as-of date ${isoFromSerial(ctx.asOf)} (overdue by ${days} day${days === 1 ? "" : "s"}) and the action is not done.`,
      ),
    );
  }
}

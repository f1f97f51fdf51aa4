/**
 * The cycle's rules: a JAP's month inside its JBP's year, one JAP per distributor and month, and
 * after a quarter ends, each objective's actual for it (the quarterly review needs them).
 */
import { cellNumber, dayAndMonth, finding, type Finding, isBlank, isoFromSerial, japStandings, jbpQuarters, jbpSpan, type JbpPlan, monthEnd } from "../model";
import { cellAt, has, linkedJbps, type RuleContext } from "./ruleContext";

const monthName = (serial: number): string => isoFromSerial(serial).slice(0, 7);

export function cycleRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of japStandings(ctx.plan)) {
    const p = s.jap.position;
    const at = { sheet: p.sheet, row: p.headerRow, col: Math.min(...Object.values(p.columns)) };
    if (s.duplicateOf !== null) {
      out.push(
        finding(
          "structure.duplicateJap",
          "warning",
          at,
          `'${p.sheet}' is a second JAP for ${s.cycle.distributor || "the same distributor"} and ${monthName(s.cycle.month!)}, after '${s.duplicateOf}': only '${s.duplicateOf}' is counted. Delete one, or change its Month.`,
        ),
      );
    }
    if (s.cycle.month === null) continue;
    // Outside every JBP it may belong to (a distributor's JBPs of several years: any one will do).
    const month = s.cycle.month;
    const last = monthEnd(month) ?? month;
    const spans = linkedJbps(ctx.plan, s.jap).flatMap((j) => {
      const span = jbpSpan(j.header);
      return span ? [{ jbp: j, ...span }] : [];
    });
    const inside = spans.some((x) => last >= x.start && month <= x.end);
    if (spans.length > 0 && !inside) {
      const { jbp, ...span } = spans[0];
      out.push(
        finding(
          "date.japOutsideJbpYear",
          "warning",
          at,
          `'${p.sheet}' is the JAP of ${monthName(s.cycle.month)}, outside its JBP '${jbp.position.sheet}' (${isoFromSerial(span.start)} to ${isoFromSerial(span.end)}). Link it to that year's JBP, or correct its Month.`,
        ),
      );
    }
  }
  for (const jbp of ctx.plan.jbps) quarterActuals(ctx, jbp, out);
  return out;
}

/** An ended quarter with a target and no actual: the quarterly review cannot judge it. */
function quarterActuals(ctx: RuleContext, jbp: JbpPlan, out: Finding[]): void {
  const quarters = jbpQuarters(jbp.header);
  if (!quarters) return;
  const p = jbp.position;
  const ended = quarters.filter((q) => q.end < ctx.asOf && has(p, `q${q.q}Actual`) && has(p, `q${q.q}Target`));
  for (const o of jbp.objectives) {
    const raw = o.source.raw;
    for (const quarter of ended) {
      const actual = `q${quarter.q}Actual`;
      if (cellNumber(raw[`q${quarter.q}Target`]) === null || !isBlank(raw[actual])) continue;
      const id = o.id.trim() || `the objective in row ${o.source.row + 1}`;
      out.push(finding("kpi.quarterActualMissing", "warning", cellAt(p, o.source.row, actual), `Q${quarter.q} actual is empty for ${id}, and Q${quarter.q} ended on ${dayAndMonth(quarter.end)}. Type the quarter's actual for the quarterly review.`));
    }
  }
}

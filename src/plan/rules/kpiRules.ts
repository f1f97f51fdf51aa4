/**
 * KPI rules: a KPI has a numeric target, a unit and a direction; figures are numbers; an actual
 * needs a target; a target worse than its baseline is a warning; percentages in one scale; and a
 * JBP objective's FY target is the sum of its quarters for additive units.
 */
import { cellText, type Direction, finding, type Finding, formatNumber, isAdditiveUnit, isBlank, isErrorCell, isPercentUnit, matchDirection, parseNumberText, showValue, type TablePosition } from "../model";
import { columnFormat, JAP, JBP, type TableLayout } from "../layouts";
import { cellAt, has, type Raw, type RuleContext } from "./ruleContext";

const ACTION_FIGURES = [
  ["baseline", "Baseline"],
  ["target", "Target"],
  ["actual", "Actual"],
] as const;

const QUARTERS = [1, 2, 3, 4] as const;
const OBJECTIVE_FIGURES: readonly (readonly [string, string])[] = [
  ["baseline", "Baseline"],
  ...QUARTERS.map((q) => [`q${q}Target`, `Q${q} target`] as const),
  ["fyTarget", "FY target"],
  ...QUARTERS.map((q) => [`q${q}Actual`, `Q${q} actual`] as const),
];

export function kpiRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const jap of ctx.plan.japs) {
    for (const a of jap.actions) {
      const row = { position: jap.position, layout: JAP, row: a.source.row, raw: a.source.raw };
      numbers(row, [...ACTION_FIGURES, ["pctComplete", "% complete"]], out);
      percentComplete(row, out);
      if (!kpiGiven(row, ACTION_FIGURES)) continue;
      kpiBasics(row, ACTION_FIGURES, out);
      targets(row, a.target, a.actual, "target", "actual", "Target", "Actual", out);
      worseThanBaseline(row, a.direction, a.baseline, a.target, "target", "Target", out);
      percentScale(row, ACTION_FIGURES, out);
    }
  }
  for (const jbp of ctx.plan.jbps) {
    for (const o of jbp.objectives) {
      const row = { position: jbp.position, layout: JBP, row: o.source.row, raw: o.source.raw };
      numbers(row, OBJECTIVE_FIGURES, out);
      if (!kpiGiven(row, OBJECTIVE_FIGURES)) continue;
      kpiBasics(row, OBJECTIVE_FIGURES, out);
      const quarterTargets = [o.q1Target, o.q2Target, o.q3Target, o.q4Target];
      const quarterActuals = [o.q1Actual, o.q2Actual, o.q3Actual, o.q4Actual];
      if (o.fyTarget === null && quarterTargets.every((t) => t === null) && quarterActuals.every((t) => t === null)) {
        targets(row, null, null, "fyTarget", "q1Actual", "FY target", "Q1 actual", out);
      }
      QUARTERS.forEach((q, i) => targets(row, quarterTargets[i], quarterActuals[i], `q${q}Target`, `q${q}Actual`, `Q${q} target`, `Q${q} actual`, out, true));
      worseThanBaseline(row, o.direction, o.baseline, o.fyTarget, "fyTarget", "FY target", out);
      percentScale(row, OBJECTIVE_FIGURES, out);
      fyAgainstQuarters(row, cellText(row.raw.unit), quarterTargets, o.fyTarget, out);
    }
  }
  return out;
}

interface KpiRow {
  position: TablePosition;
  /** The table's layout, whose column formats the repairs give the cells they turn into numbers. */
  layout: TableLayout;
  row: number;
  raw: Raw;
}

const at = (r: KpiRow, key: string) => cellAt(r.position, r.row, key);
const present = (r: KpiRow, key: string) => has(r.position, key) && !isBlank(r.raw[key]);

function kpiGiven(r: KpiRow, figures: readonly (readonly [string, string])[]): boolean {
  return present(r, "kpi") || figures.some(([key]) => present(r, key));
}

/**
 * Figures must be numbers; numeric text gets a repair ("1,200" → 1200, "12 %" → 0.12) that also
 * sets the column's number format, as the text was most likely typed into a "@" (Text) cell.
 */
function numbers(r: KpiRow, figures: readonly (readonly [string, string])[], out: Finding[]): void {
  for (const [key, label] of figures) {
    if (!present(r, key)) continue;
    const v = r.raw[key];
    if (typeof v === "number") continue;
    if (isErrorCell(v)) {
      out.push(finding("kpi.notANumber", "error", at(r, key), `${label} shows the error ${v.error}. Type a number.`));
      continue;
    }
    const parsed = typeof v === "string" ? parseNumberText(v) : null;
    out.push(
      parsed === null
        ? finding("kpi.notANumber", "error", at(r, key), `${label} ${showValue(v)} is not a number. Type a number, or leave it blank.`)
        : finding("kpi.notANumber", "error", at(r, key), `${label} ${showValue(v)} is text, not a number, so it cannot be compared. Make it the number ${formatNumber(parsed)}.`, {
            value: parsed,
            label: `Make this the number ${formatNumber(parsed)}`,
            numberFormat: columnFormat(r.layout, key),
          }),
    );
  }
}

/**
 * % complete as Excel stores it is 0..1. A whole 2..100 was typed as points where a fraction
 * was meant (50 for 50 %); values above 100, negative ones and 1..2 belong to structure.pctVsStatus.
 */
function percentComplete(r: KpiRow, out: Finding[]): void {
  const v = r.raw.pctComplete;
  if (!has(r.position, "pctComplete") || typeof v !== "number" || v < 2 || v > 100) return;
  out.push(
    finding("kpi.percentScale", "error", at(r, "pctComplete"), `% complete is ${formatNumber(v)}, which Excel reads as ${formatNumber(v * 100)} %. Did you mean ${formatNumber(v)} %?`, {
      value: v / 100,
      label: `Make this ${formatNumber(v)} %`,
      numberFormat: "0%",
    }),
  );
}

function kpiBasics(r: KpiRow, figures: readonly (readonly [string, string])[], out: Finding[]): void {
  const name = cellText(r.raw.kpi);
  const kpi = name ? `KPI '${name}'` : "This KPI";
  if (!name && has(r.position, "kpi")) {
    const first = figures.find(([key]) => present(r, key));
    if (first) out.push(finding("kpi.nameMissing", "warning", at(r, "kpi"), `${first[1]} is set but KPI is empty. Name the KPI it measures.`));
  }
  if (has(r.position, "unit") && isBlank(r.raw.unit)) {
    out.push(finding("kpi.unitMissing", "warning", at(r, "unit"), `${kpi} has no unit. Type its unit, such as cases, EUR or %.`));
  }
  if (!has(r.position, "direction")) return;
  const raw = r.raw.direction;
  const direction = matchDirection(raw);
  if (isBlank(raw)) {
    out.push(finding("kpi.directionMissing", "error", at(r, "direction"), `${kpi} has no Direction. Choose Higher is better or Lower is better.`));
  } else if (!direction) {
    out.push(finding("kpi.badDirection", "error", at(r, "direction"), `Direction ${showValue(raw)} is neither Higher is better nor Lower is better.`));
  } else if (raw !== direction) {
    out.push(finding("kpi.badDirection", "warning", at(r, "direction"), `Direction ${showValue(raw)} is read as '${direction}'; use the list's wording so the RAG formula reads it too.`, { value: direction, label: `Use '${direction}'` }));
  }
}

/** A target is needed (once there is a KPI), and an actual needs its target. */
function targets(
  r: KpiRow,
  target: number | null,
  actual: number | null,
  targetKey: string,
  actualKey: string,
  targetLabel: string,
  actualLabel: string,
  out: Finding[],
  actualOnly = false,
): void {
  if (target !== null || present(r, targetKey) || !has(r.position, targetKey)) return;
  if (actual !== null && has(r.position, actualKey)) {
    out.push(finding("kpi.actualWithoutTarget", "error", at(r, actualKey), `${actualLabel} is ${formatNumber(actual)} but ${targetLabel} is empty. Type the target it is measured against.`));
  } else if (!actualOnly) {
    const name = cellText(r.raw.kpi);
    out.push(finding("kpi.targetMissing", "error", at(r, targetKey), `${name ? `KPI '${name}'` : "This KPI"} has no ${targetLabel}. Type the number it should reach.`));
  }
}

function worseThanBaseline(r: KpiRow, direction: Direction | null, baseline: number | null, target: number | null, key: string, label: string, out: Finding[]): void {
  if (direction === null || baseline === null || target === null) return;
  const worse = direction === "Higher is better" ? target < baseline : target > baseline;
  if (worse) {
    out.push(
      finding(
        "kpi.targetWorseThanBaseline",
        "warning",
        at(r, key),
        `${label} ${formatNumber(target)} is ${direction === "Higher is better" ? "below" : "above"} the baseline ${formatNumber(baseline)} although ${direction.toLowerCase()}. Check the target or the Direction.`,
      ),
    );
  }
}

/**
 * A percent KPI's figures in one scale: fractions (0.25) mixed with points (22) at least ten times
 * larger mean the points were typed as whole numbers; they are repaired to fractions.
 */
function percentScale(r: KpiRow, figures: readonly (readonly [string, string])[], out: Finding[]): void {
  if (!isPercentUnit(cellText(r.raw.unit))) return;
  const values = figures.filter(([key]) => typeof r.raw[key] === "number").map(([key, label]) => ({ key, label, v: r.raw[key] as number }));
  const fractions = values.filter((x) => x.v !== 0 && Math.abs(x.v) <= 1);
  const points = values.filter((x) => Math.abs(x.v) > 1);
  if (fractions.length === 0 || points.length === 0) return;
  const largestFraction = Math.max(...fractions.map((x) => Math.abs(x.v)));
  for (const p of points) {
    if (Math.abs(p.v) < 10 * largestFraction) continue;
    out.push(
      finding(
        "kpi.percentScale",
        "error",
        at(r, p.key),
        `${p.label} is ${formatNumber(p.v)} while other figures of this % KPI are fractions (${formatNumber(largestFraction)} is ${formatNumber(largestFraction * 100)} %). Did you mean ${formatNumber(p.v)} %?`,
        { value: p.v / 100, label: `Make this ${formatNumber(p.v)} %`, numberFormat: "0%" },
      ),
    );
  }
}

function fyAgainstQuarters(r: KpiRow, unit: string, quarters: (number | null)[], fy: number | null, out: Finding[]): void {
  if (fy === null || !isAdditiveUnit(unit) || quarters.some((q) => q === null)) return;
  const sum = (quarters as number[]).reduce((s, q) => s + q, 0);
  // Rounded quarters may miss the year by a hair: allow 0.1 %.
  if (Math.abs(sum - fy) <= 0.001 * Math.max(Math.abs(fy), 1)) return;
  out.push(
    finding("kpi.fyMismatch", "warning", at(r, "fyTarget"), `FY target ${formatNumber(fy)} is not the sum of the quarter targets (${formatNumber(sum)}) although ${unit} add up over the year.`, {
      value: sum,
      label: `Make this ${formatNumber(sum)}`,
    }),
  );
}

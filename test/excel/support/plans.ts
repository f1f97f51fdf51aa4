/** Plans for the Excel layer's tests and benchmarks: the sample, scaled to any number of actions. */
import type { PlanData } from "../../../src/excel/insertTemplates";
import { DEFAULT_SETTINGS } from "../../../src/plan/model";
import { SAMPLE_AS_OF, samplePlan } from "../../../src/plan/sample";

/**
 * The sample plan with `actions` actions: the sample's twenty repeated (faults included) with
 * unique IDs, except the sample's deliberate duplicate, which stays a duplicate in each copy.
 */
export function scaledPlan(actions: number, asOf = SAMPLE_AS_OF): PlanData {
  const sample = samplePlan(asOf);
  const rows = [];
  for (let i = 0; i < actions; i++) {
    const base = sample.jap.actions[i % sample.jap.actions.length];
    const copy = Math.floor(i / sample.jap.actions.length);
    rows.push({ ...base, id: copy === 0 ? base.id : `${String(base.id)}.${copy}` });
  }
  return { roster: sample.roster, jbp: sample.jbp, jap: { header: sample.jap.header, actions: rows }, settings: { ...DEFAULT_SETTINGS, asOf } };
}

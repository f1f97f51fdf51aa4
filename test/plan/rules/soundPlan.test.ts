import { readPlan } from "../../../src/plan/read";
import { validatePlan } from "../../../src/plan/rules/validatePlan";
import { AS_OF, soundPlan } from "../../support/soundPlan";

test("the sound plan of the rule tests reads fully and has no findings", () => {
  const plan = readPlan(soundPlan());
  expect(plan.roster?.rows).toHaveLength(4);
  expect(plan.japs[0].actions).toHaveLength(4);
  expect(plan.jbps[0].objectives).toHaveLength(2);
  expect(plan.settings.asOf).toBe(AS_OF);
  expect(validatePlan(plan, { asOf: AS_OF })).toEqual([]);
});

import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { Finding } from "../../../src/plan/model";
import { RULES } from "../../../src/plan/rules/ruleCatalog";

test("the catalog lists exactly the rule ids that the rules emit, each once and well-formed", () => {
  const dir = join(__dirname, "../../../src/plan");
  const emitted = new Set<string>();
  // The files that make findings: the rule families and the readers.
  const sources = ["rules/ownerRules.ts", "rules/dateRules.ts", "rules/kpiRules.ts", "rules/structureRules.ts", "rules/cycleRules.ts", "read/readPlan.ts", "read/readSettings.ts", "read/headerBlock.ts", "read/dateFindings.ts"];
  for (const file of sources) expect(existsSync(join(dir, file))).toBe(true);
  for (const file of sources) {
    for (const m of readFileSync(join(dir, file), "utf8").matchAll(/"((?:owner|date|kpi|structure)\.[A-Za-z]+)"/g)) emitted.add(m[1]);
  }
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...emitted].sort());
  for (const id of ids) expect(Finding.shape.rule.safeParse(id).success).toBe(true);
});

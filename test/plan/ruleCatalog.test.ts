import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { Finding } from "../../src/plan/model";
import { RULES } from "../../src/plan/ruleCatalog";

test("the catalog lists exactly the rule ids that the rules emit, each once and well-formed", () => {
  const dir = join(__dirname, "../../src/plan");
  const emitted = new Set<string>();
  // The files that make findings: the four rule families and the readers.
  const sources = ["ownerRules.ts", "dateRules.ts", "kpiRules.ts", "structureRules.ts", "read.ts", "readSettings.ts", "readHeaderBlock.ts", "dateFindings.ts"];
  expect(readdirSync(dir)).toEqual(expect.arrayContaining(sources));
  for (const file of sources) {
    for (const m of readFileSync(join(dir, file), "utf8").matchAll(/"((?:owner|date|kpi|structure)\.[A-Za-z]+)"/g)) emitted.add(m[1]);
  }
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...emitted].sort());
  for (const id of ids) expect(Finding.shape.rule.safeParse(id).success).toBe(true);
});

import fc from "fast-check";
import { type CellValue, Finding, type SheetGrid } from "../../../src/plan/model";
import { columnIndex, JAP } from "../../../src/plan/layouts";
import { readPlan } from "../../../src/plan/read";
import { validatePlan } from "../../../src/plan/rules/validatePlan";
import { RULES } from "../../../src/plan/rules/ruleCatalog";
import { GENERATED_AS_OF, generateActionGrid } from "../../support/planGenerator";

const RULE_IDS = new Set(RULES.map((r) => r.id));

const errorsOf = (grids: SheetGrid[]) => validatePlan(readPlan(grids), { asOf: GENERATED_AS_OF }).filter((f) => f.severity === "error");

describe("validation properties", () => {
  test("a generated plan with no faults has no error findings, whatever the column order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer(), fc.boolean(), (n, seed, shuffleColumns) => {
        const grids = generateActionGrid(n, seed, { shuffleColumns });
        const plan = readPlan(grids);
        expect(plan.japs[0].actions).toHaveLength(n);
        expect(errorsOf(grids)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test("reading and validation change no cell: the grids are the same afterwards", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (n, seed) => {
        const grids = generateActionGrid(n, seed);
        grids[3].values[grids[3].values.length - 1][columnIndex(JAP, "owner")] = " ana  silva ";
        grids[3].values[grids[3].values.length - 1][columnIndex(JAP, "due")] = "05/03/2026";
        const before = structuredClone(grids);
        const findings = validatePlan(readPlan(grids), { asOf: GENERATED_AS_OF });
        expect(findings.some((f) => f.repair)).toBe(true);
        expect(grids).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  test("one fault in a sound plan gives an error on that cell", () => {
    const faults: [string, CellValue, string][] = [
      ["owner", "Nobody Atall", "owner.notOnRoster"],
      ["due", "next week", "date.notADate"],
      ["status", "Maybe", "structure.badStatus"],
      ["priority", 2.5, "structure.badPriority"],
      ["objectiveId", "O-99", "structure.unknownObjective"],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), fc.constantFrom(...faults), (n, seed, [key, value, rule]) => {
        const grids = generateActionGrid(n, seed);
        const jap = grids[3];
        const header = jap.values.findIndex((r) => r.includes("Owner") && r.includes("Due"));
        const col = jap.values[header].indexOf(headerOf(key));
        const target = header + 1 + (seed >>> 0) % n;
        jap.values[target][col] = value;
        const errors = errorsOf(grids);
        expect(errors.map((f) => f.rule)).toContain(rule);
        expect(errors.every((f) => f.row === target)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test("reading and validation never throw, on any cell values, and every finding is well-formed", () => {
    const anyCell = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.double(),
      fc.constantFrom<unknown>(null, "", " ", "#N/A", { error: "#REF!" }, "05/03/2026", "31/02/2026", "1,200", "50%", true, -1, 1e308, Number.NaN, "Yes", "in progress", "Ana Silva"),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer(), fc.array(fc.tuple(fc.nat(), fc.nat(), anyCell), { maxLength: 60 }), (n, seed, edits) => {
        const grids = generateActionGrid(n, seed);
        for (const [g, cell, value] of edits) {
          const grid = grids[g % grids.length];
          const r = cell % grid.values.length;
          const row = grid.values[r];
          (row as unknown[])[Math.floor(cell / grid.values.length) % row.length] = value;
        }
        const findings = validatePlan(readPlan(grids), { asOf: GENERATED_AS_OF });
        for (const f of findings) {
          expect(Finding.safeParse(f).success).toBe(true);
          expect(RULE_IDS.has(f.rule)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 25 }), { maxLength: 30 }), (values) => {
        const headers = ["ID", "Action", "Owner", "Due", "Status", "Name", "Party", "Active", "Setting", "Value", "Meaning"];
        const grid = { name: "Any", values: [headers, ...values] } as SheetGrid;
        expect(() => validatePlan(readPlan([grid]), { asOf: GENERATED_AS_OF })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

function headerOf(key: string): string {
  return { owner: "Owner", due: "Due", status: "Status", priority: "Priority", objectiveId: "JBP objective" }[key] ?? key;
}

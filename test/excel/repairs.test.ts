import { columnLetters } from "../../src/plan/model";
import { checkPlan } from "../../src/excel/checkPlan";
import { goToCell } from "../../src/excel/navigation";
import { applyRepairs } from "../../src/excel/repairs";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { columnIndex, DATE_FORMAT, JAP, NUMBER_FORMAT } from "../../src/plan/layouts";
import type { Finding, Repair } from "../../src/plan/model";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

const repairsOf = (findings: Finding[]): Repair[] => findings.flatMap((f) => (f.repair ? [f.repair] : []));

describe("applyRepairs", () => {
  const sim = useSim();

  it("changes only the cell it names and its row's Issues cell and note, in three syncs", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const owner = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "F9")!; // 'Ana Silvaa'
    expect(owner).toMatchObject({ value: "Ana Silva", was: "Ana Silvaa" });
    expect(String(sim().cell(jap, "W9").value)).toMatch(/Ana Silvaa/);
    const before = sim().snapshot(jap);
    const { result, syncs } = await measure(sim(), () => applyRepairs([owner]));
    expect(result).toMatchObject({ applied: 1, skipped: [] });
    expect(result.message).toMatch(/^1 repair applied; \d+ errors and \d+ warnings left\.$/);
    expect(syncs).toBe(3);
    const after = sim().snapshot(jap);
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]));
    expect(changed).toEqual(["F9", "W9"]);
    expect(after.F9.value).toBe("Ana Silva");
    expect(String(after.W9.value)).not.toMatch(/Ana Silvaa/);
  });

  it("leaves the Issues column and notes as a check would: a check right after writes nothing", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    const repairs = repairsOf((await checkPlan()).findings);
    expect(repairs.length).toBeGreaterThan(3);
    const r = await applyRepairs(repairs);
    expect(r.applied).toBe(repairs.length);
    const repaired = { jap: sim().snapshot(jap), jbp: sim().snapshot(jbp), notes: sim().notes() };
    const again = await measure(sim(), () => checkPlan());
    expect(again.syncs).toBe(2);
    expect({ jap: sim().snapshot(jap), jbp: sim().snapshot(jbp), notes: sim().notes() }).toEqual(repaired);
    expect(again.result.findings.some((f) => f.repair)).toBe(false);
    expect(r.message).toContain(`${again.result.errors} error${again.result.errors === 1 ? "" : "s"} and ${again.result.warnings} warning`);
  });

  it("brings stale JBP action counts up to date with the repairs, as a check would, in the same three syncs", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    const repairs = repairsOf((await checkPlan()).findings);
    // The JAP table grew after the check: the counts stop at row 27.
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("JP_Actions").resize(`'${jap}'!A7:${columnLetters(JAP.columns.length - 1)}30`);
      await context.sync();
    });
    expect(sim().cell(jbp, "T11").formula).toContain(`'${jap}'!$T$8:$T$27`);
    const { result, syncs } = await measure(sim(), () => applyRepairs(repairs));
    expect(syncs).toBe(3);
    expect(result.message).toMatch(/Updated the Red\/Amber\/Green action counts on 'JBP 2026'/);
    expect(sim().cell(jbp, "T11").formula).toContain(`'${jap}'!$T$8:$T$30`);
    expect((await measure(sim(), () => checkPlan())).syncs).toBe(2);
  });

  it("makes numeric text a number in its column's number format, not the Text format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    expect(sim().cell(jap, "P15")).toMatchObject({ value: "1,200", numberFormat: "@" }); // Actual typed as text
    const { findings } = await checkPlan();
    const number = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "P15")!;
    expect(number).toMatchObject({ value: 1200, numberFormat: JAP.columns[columnIndex(JAP, "actual")].numberFormat });
    expect(sim().cell(jap, "P15").note).toMatch(/1,200/);
    await applyRepairs([number]);
    expect(sim().cell(jap, "P15")).toMatchObject({ value: 1200, valueType: "Double", numberFormat: NUMBER_FORMAT, note: null });
    expect(String(sim().cell(jap, "W15").value)).not.toMatch(/1,200/);
  });

  it("gives a number going into a Text cell at least the General format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await applyRepairs([{ sheet: jap, cell: "P15", value: 1200, label: "test", was: "1,200" }]);
    expect(sim().cell(jap, "P15")).toMatchObject({ value: 1200, valueType: "Double", numberFormat: "General" });
  });

  it("turns a text date into a real date with a date format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const date = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "G12")!;
    expect(date).toBeDefined();
    await applyRepairs([date]);
    expect(sim().cell(jap, "G12")).toMatchObject({ valueType: "Double", numberFormat: DATE_FORMAT });
    expect(String(sim().cell(jap, "W12").value)).not.toMatch(/\[Start\][^•]*not a date/);
    const again = await checkPlan();
    expect(again.findings.some((f) => f.cell === "G12" && f.rule === "date.notADate")).toBe(false);
  });

  it("skips a repair whose cell changed since the check, and one cell repaired twice", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const owner = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "F9")!;
    await sim().userEdit(jap, "F9", [["Ana Silva-Rojas"]]);
    const r = await applyRepairs([owner, { ...owner, value: "Ana S." }]);
    expect(r.applied).toBe(0);
    expect(r.skipped[0].reason).toMatch(/has changed since the check/);
    expect(sim().cell(jap, "F9").value).toBe("Ana Silva-Rojas");

    const fresh = repairsOf((await checkPlan()).findings).filter((x) => x.sheet === jap);
    const first = fresh[0];
    const twice = await applyRepairs([first, { ...first, label: "again" }]);
    expect(twice.applied).toBe(1);
    expect(twice.skipped[0].reason).toMatch(/Another repair already changes/);
  });

  it("applies repairs on an open sheet when another one its findings change is protected, and says so", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20)); // never checked: the JAP's Issues column is empty
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).protection.protect();
      await context.sync();
    });
    const before = sim().snapshot(jap);
    const r = await applyRepairs([{ sheet: jbp, cell: "Z11", value: "Reviewed", label: "test" }]);
    expect(r.applied).toBe(1);
    expect(r.message).toMatch(new RegExp(`'${jap}' is protected, so the Issues column and notes there still show the last check`));
    expect(sim().cell(jbp, "Z11").value).toBe("Reviewed");
    expect(sim().snapshot(jap)).toEqual(before);
  });

  it("keeps text that looks like a formula as text", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await applyRepairs([{ sheet: jap, cell: "S9", value: "=SUM(1,2)", label: "test" }]);
    expect(sim().cell(jap, "S9")).toMatchObject({ value: "=SUM(1,2)", formula: null });
  });

  it("refuses a deleted sheet or a protected one, changing nothing", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const repairs = repairsOf((await checkPlan()).findings).filter((r) => r.sheet === jap);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).protection.protect();
      await context.sync();
    });
    const before = sim().snapshot(jap);
    await expect(applyRepairs(repairs)).rejects.toMatchObject({ code: "protected", message: expect.stringMatching(/Unprotect/) });
    expect(sim().snapshot(jap)).toEqual(before);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(jap);
      ws.protection.unprotect();
      ws.delete();
      await context.sync();
    });
    await expect(applyRepairs(repairs)).rejects.toMatchObject({ code: "sheetMissing", message: expect.stringMatching(/no longer in the workbook/) });
  });
});

describe("applyRepairs at scale", () => {
  useSim();
  it("applies every repair of 10 and of 5,000 actions and repaints in the same three syncs", async () => {
    const { createSimulatedExcel } = await import("../sim");
    const syncs: number[] = [];
    for (const n of [10, 5000]) {
      const local = createSimulatedExcel();
      const uninstall = local.install(globalThis as unknown as Record<string, unknown>);
      try {
        await insertPlanData(scaledPlan(n));
        const repairs = repairsOf((await checkPlan()).findings);
        const m = await measure(local, () => applyRepairs(repairs));
        expect(m.result.applied).toBe(repairs.length);
        expect(m.maxBytes).toBeLessThan(4 * 1024 * 1024);
        syncs.push(m.syncs);
      } finally {
        uninstall();
      }
    }
    expect(syncs).toEqual([3, 3]);
  });
});

describe("goToCell", () => {
  const sim = useSim();
  it("activates the sheet and selects the cell, or says the sheet is gone", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    const { syncs } = await measure(sim(), () => goToCell(jbp, "C12"));
    expect(syncs).toBe(2);
    expect(sim().selection()).toEqual({ sheet: jbp, address: "C12" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).delete();
      await context.sync();
    });
    await expect(goToCell(jap, "F9")).rejects.toMatchObject({ code: "sheetMissing" });
    await expect(goToCell(jbp, "not a cell")).rejects.toMatchObject({ code: "invalidInput" });
  });
});

import { checkPlan } from "../../src/excel/checkPlan";
import { goToCell } from "../../src/excel/navigation";
import { applyRepairs } from "../../src/excel/repairs";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { columnIndex, DATE_FORMAT, JAP, NUMBER_FORMAT } from "../../src/plan/layouts";
import { isPlainRepair, type Finding, type Repair } from "../../src/plan/model";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

/** The repairs that only set their cell (no choice to make, nobody to add to the Roster). */
const repairsOf = (findings: Finding[]): Repair[] => findings.flatMap((f) => (f.repair && isPlainRepair(f.repair) ? [f.repair] : []));
/** Every first repair, the user's choice made (the first one offered) where there is one to make. */
const everyRepair = (findings: Finding[]): Repair[] => findings.flatMap((f) => (f.repair ? [f.repair.choices ? { ...f.repair, value: f.repair.choices[0].value } : f.repair] : []));

describe("applyRepairs", () => {
  const sim = useSim();

  it("changes only the cell it names and its row's Issues cell and note, in three syncs", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const owner = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "C9")!; // 'Ana Silvaa'
    expect(owner).toMatchObject({ value: "Ana Silva", was: "Ana Silvaa" });
    expect(String(sim().cell(jap, "W9").value)).toMatch(/Ana Silvaa/);
    const before = sim().snapshot(jap);
    const { result, syncs } = await measure(sim(), () => applyRepairs([owner]));
    expect(result).toMatchObject({ applied: 1, skipped: [] });
    expect(result.message).toMatch(/^1 repair applied; \d+ errors and \d+ warnings left\.$/);
    expect(syncs).toBe(3);
    const after = sim().snapshot(jap);
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]));
    expect(changed).toEqual(["C9", "W9"]);
    expect(after.C9.value).toBe("Ana Silva");
    expect(String(after.W9.value)).not.toMatch(/Ana Silvaa/);
  });

  it("gives a duplicate ID a new one that no action uses", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const dup = findings.find((f) => f.rule === "structure.duplicateId" && f.sheet === jap)!;
    expect(dup.repair).toMatchObject({ label: expect.stringMatching(/^Give a new ID: '/) });
    const ids = () => Array.from({ length: 20 }, (_, i) => String(sim().cell(jap, `A${8 + i}`).value).toLowerCase());
    expect(ids()).not.toContain(String(dup.repair!.value).toLowerCase());
    const r = await applyRepairs([dup.repair!]);
    expect(r.applied).toBe(1);
    expect(sim().cell(jap, dup.cell).value).toBe(dup.repair!.value);
    expect(new Set(ids()).size).toBe(20);
    expect((await checkPlan()).findings.filter((f) => f.rule === "structure.duplicateId")).toEqual([]);
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
    expect(again.result.findings.some((f) => f.repair && isPlainRepair(f.repair))).toBe(false);
    expect(r.message).toContain(`${again.result.errors} error${again.result.errors === 1 ? "" : "s"} and ${again.result.warnings} warning`);
  });

  it("brings stale JBP action counts up to date with the repairs, as a check would, in the same three syncs", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    const repairs = repairsOf((await checkPlan()).findings);
    // Counts written before they named the JAP table by structured reference: over its fixed extent.
    for (const col of ["I", "J", "K"]) {
      for (let row = 11; row <= 18; row++) {
        const f = sim().cell(jbp, `${col}${row}`).formula!;
        sim().setCells(jbp, `${col}${row}`, [[f.replace("JP_Actions[JBP objective]", `'${jap}'!$I$8:$I$27`).replace("JP_Actions[RAG]", `'${jap}'!$F$8:$F$27`)]]);
      }
    }
    expect(sim().cell(jbp, "I11").formula).toContain(`'${jap}'!$F$8:$F$27`);
    const { result, syncs } = await measure(sim(), () => applyRepairs(repairs));
    expect(syncs).toBe(3);
    expect(result.message).toMatch(/Updated the Red\/Amber\/Green action counts on 'JBP 2026'/);
    expect(sim().cell(jbp, "I11").formula).toContain("JP_Actions[RAG]");
    expect((await measure(sim(), () => checkPlan())).syncs).toBe(2);
  });

  it("makes numeric text a number in its column's number format, not the Text format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    expect(sim().cell(jap, "R15")).toMatchObject({ value: "1,200", numberFormat: "@" }); // Actual typed as text
    const { findings } = await checkPlan();
    const number = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "R15")!;
    expect(number).toMatchObject({ value: 1200, numberFormat: JAP.columns[columnIndex(JAP, "actual")].numberFormat });
    expect(sim().cell(jap, "R15").note).toMatch(/1,200/);
    await applyRepairs([number]);
    expect(sim().cell(jap, "R15")).toMatchObject({ value: 1200, valueType: "Double", numberFormat: NUMBER_FORMAT, note: null });
    expect(String(sim().cell(jap, "W15").value)).not.toMatch(/1,200/);
  });

  it("gives a number going into a Text cell at least the General format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await applyRepairs([{ sheet: jap, cell: "R15", value: 1200, label: "test", was: "1,200" }]);
    expect(sim().cell(jap, "R15")).toMatchObject({ value: 1200, valueType: "Double", numberFormat: "General" });
  });

  it("turns a text date into a real date with a date format", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const date = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "L12")!;
    expect(date).toBeDefined();
    await applyRepairs([date]);
    expect(sim().cell(jap, "L12")).toMatchObject({ valueType: "Double", numberFormat: DATE_FORMAT });
    expect(String(sim().cell(jap, "W12").value)).not.toMatch(/\[Start\][^•]*not a date/);
    const again = await checkPlan();
    expect(again.findings.some((f) => f.cell === "L12" && f.rule === "date.notADate")).toBe(false);
  });

  it("skips a repair whose cell changed since the check, and one cell repaired twice", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const owner = repairsOf(findings).find((r) => r.sheet === jap && r.cell === "C9")!;
    await sim().userEdit(jap, "C9", [["Ana Silva-Rojas"]]);
    const r = await applyRepairs([owner, { ...owner, value: "Ana S." }]);
    expect(r.applied).toBe(0);
    expect(r.skipped[0].reason).toMatch(/has changed since the check/);
    expect(sim().cell(jap, "C9").value).toBe("Ana Silva-Rojas");

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
    await applyRepairs([{ sheet: jap, cell: "H9", value: "=SUM(1,2)", label: "test" }]);
    expect(sim().cell(jap, "H9")).toMatchObject({ value: "=SUM(1,2)", formula: null });
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

describe("Add to Roster and Choose an objective (issue 15, item 10)", () => {
  const sim = useSim();
  const rosterNames = () => Array.from({ length: 30 }, (_, i) => sim().cell("Roster", `A${i + 2}`).value).filter((v) => v !== null && v !== "");

  it("adds a person once for all the rows that name them, leaves those cells, and the check after finds them on the Roster", async () => {
    const { jap } = await insertPlanData(scaledPlan(100));
    const { findings } = await checkPlan();
    const adds = findings.filter((f) => f.repair?.addToRoster).map((f) => f.repair!);
    expect(adds.length).toBeGreaterThan(1);
    const person = adds[0].addToRoster!;
    const same = adds.filter((r) => r.addToRoster!.name === person.name);
    expect(same.length).toBeGreaterThan(1);
    const before = { names: rosterNames(), owners: same.map((r) => sim().cell(jap, r.cell).value) };
    expect(before.names).not.toContain(person.name);
    const { result, syncs } = await measure(sim(), () => applyRepairs(same));
    expect(result).toMatchObject({ applied: same.length, skipped: [] });
    expect(result.message).toMatch(new RegExp(`^${same.length} repairs applied \\(1 person added to the Roster\\); `));
    // The Roster's rows go in the one write, with the Issues cells and notes.
    expect(syncs).toBe(3);
    expect(rosterNames()).toEqual([...before.names, person.name]);
    const row = before.names.length + 2;
    expect(sim().cell("Roster", `A${row}`)).toMatchObject({ value: person.name, numberFormat: "@" });
    expect(sim().cell("Roster", `B${row}`).value).toBe(person.party);
    expect(same.map((r) => sim().cell(jap, r.cell).value)).toEqual(before.owners);
    // The Issues column and notes already show it: a check right after writes nothing.
    const snapshot = sim().snapshot(jap);
    const again = await checkPlan();
    expect(again.findings.filter((f) => f.rule === "owner.notOnRoster" && f.message.includes(person.name))).toEqual([]);
    expect(sim().snapshot(jap)).toEqual(snapshot);
  });

  it("adds people below a full Roster table, moving what lies below it down, and the check after finds them there", async () => {
    const { jap } = await insertPlanData(scaledPlan(100));
    const table = () => sim().tables().find((t) => t.name === "JP_Roster")!;
    // The Roster's spare rows filled, and a footnote just below the table.
    const end = Number(table().address.split(":")[1].replace(/\D/g, ""));
    const spare = Array.from({ length: 40 }, (_, i) => i + 2).filter((r) => r <= end && (sim().cell("Roster", `A${r}`).value ?? "") === "");
    for (const [i, r] of spare.entries()) sim().setCells("Roster", `A${r}:B${r}`, [[`Spare ${i}`, "Principal"]]);
    sim().setCells("Roster", `A${end + 2}`, [["Footnote: the roster is kept by HR."]]);
    const { findings } = await checkPlan();
    const adds = findings.filter((f) => f.repair?.addToRoster).map((f) => f.repair!);
    const people = new Set(adds.map((r) => r.addToRoster!.name));
    expect(people.size).toBeGreaterThan(0);
    const { result, syncs } = await measure(sim(), () => applyRepairs(adds));
    expect(result).toMatchObject({ applied: adds.length, skipped: [] });
    expect(syncs).toBe(3);
    expect(Number(table().address.split(":")[1].replace(/\D/g, ""))).toBe(end + people.size);
    expect(sim().cell("Roster", `A${end + 2 + people.size}`).value).toBe("Footnote: the roster is kept by HR.");
    expect(rosterNames()).toEqual(expect.arrayContaining([...people]));
    // What the repairs wrote is what a check finds: a check right after writes nothing.
    const snapshots = [jap, "Roster"].map((s) => sim().snapshot(s));
    const again = await checkPlan();
    expect(again.findings.filter((f) => f.rule === "owner.notOnRoster" && [...people].some((p) => f.message.includes(`'${p}'`)))).toEqual([]);
    expect([jap, "Roster"].map((s) => sim().snapshot(s))).toEqual(snapshots);
  });

  it("keeps a hostile name as text on the Roster", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const names = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1,1)", "-2+3"];
    const r = await applyRepairs(names.map((name, i) => ({ sheet: jap, cell: `F${8 + i}`, value: null, label: "test", addToRoster: { name, party: "Distributor" as const } })));
    expect(r.applied).toBe(names.length);
    const cells = names.map((_, i) => sim().cell("Roster", `A${rosterNames().length - names.length + 2 + i}`));
    expect(cells.map((c) => [c.value, c.formula])).toEqual(names.map((n) => [n, null]));
  });

  it("skips a person whose cell changed since the check, and the same name asked for with two parties", async () => {
    const { jap } = await insertPlanData(scaledPlan(100));
    const adds = (await checkPlan()).findings.filter((f) => f.repair?.addToRoster).map((f) => f.repair!);
    const [a, b] = adds;
    await sim().userEdit(jap, a.cell, [["Someone Else"]]);
    const clash = { ...b, cell: a.cell === b.cell ? "F99" : b.cell, addToRoster: { ...b.addToRoster!, party: b.addToRoster!.party === "Principal" ? ("Distributor" as const) : ("Principal" as const) } };
    const names = rosterNames();
    const r = await applyRepairs([a, b, clash]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/has changed since the check \(it now holds 'Someone Else'\)/),
      `'${b.addToRoster!.name}' is added to the Roster as ${b.addToRoster!.party} by another repair, not as ${clash.addToRoster.party}.`,
    ]);
    expect(r.applied).toBe(1);
    expect(rosterNames()).toEqual([...names, b.addToRoster!.name]);
    // Asked again: nothing left to do, and said so.
    const twice = await applyRepairs([{ ...b, was: undefined }]);
    expect(twice).toMatchObject({ applied: 0, skipped: [{ reason: `'${b.addToRoster!.name}' is already on the Roster.` }] });
  });

  it("sets an objective the user chose among the JBP's, and refuses one that was not offered", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { findings } = await checkPlan();
    const choose = findings.find((f) => f.rule === "structure.unknownObjective" && f.repair?.choices)!.repair!;
    expect(choose).toMatchObject({ label: "Choose an objective", value: null });
    const was = sim().cell(jap, choose.cell).value;
    const none = await applyRepairs([choose]);
    expect(none).toMatchObject({ applied: 0, skipped: [{ reason: expect.stringMatching(/^Nothing was chosen: choose one of 'OBJ-1'/) }] });
    const other = await applyRepairs([{ ...choose, value: "=HYPERLINK(1)" }]);
    expect(other.skipped[0].reason).toMatch(/^'=HYPERLINK\(1\)' is not one of the choices/);
    expect(sim().cell(jap, choose.cell).value).toBe(was);
    const picked = choose.choices![1].value;
    const r = await measure(sim(), () => applyRepairs([{ ...choose, value: picked }]));
    expect(r.result).toMatchObject({ applied: 1, skipped: [] });
    expect(r.syncs).toBe(3);
    expect(sim().cell(jap, choose.cell).value).toBe(picked);
    expect((await checkPlan()).findings.some((f) => f.cell === choose.cell && f.rule === "structure.unknownObjective")).toBe(false);
  });
});

describe("applyRepairs at scale", () => {
  useSim();
  it("applies every repair of 100 and of 5,000 actions, people added to the Roster and objectives chosen, in the same three syncs", async () => {
    const { createSimulatedExcel } = await import("../sim");
    const syncs: number[] = [];
    for (const n of [100, 5000]) {
      const local = createSimulatedExcel();
      const uninstall = local.install(globalThis as unknown as Record<string, unknown>);
      try {
        await insertPlanData(scaledPlan(n));
        const repairs = everyRepair((await checkPlan()).findings);
        expect(repairs.some((r) => r.addToRoster) && repairs.some((r) => r.choices)).toBe(true);
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

  it("applies every plain repair of 10 and of 5,000 actions and repaints in the same three syncs", async () => {
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
    await expect(goToCell(jap, "C9")).rejects.toMatchObject({ code: "sheetMissing" });
    await expect(goToCell(jbp, "not a cell")).rejects.toMatchObject({ code: "invalidInput" });
  });
});

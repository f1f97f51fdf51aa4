import { insertJapTemplate } from "../../src/excel/insertTemplates";
import { listPlanSheets } from "../../src/excel/navigation";
import { addRosterEntries, readSettings, writeSettings } from "../../src/excel/settingsAndRoster";
import { DEFAULT_SETTINGS } from "../../src/plan/model";
import { scaledPlan } from "./support/plans";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { measure, useSim } from "./support/sim";

describe("settings", () => {
  const sim = useSim();

  it("reads defaults from a new Settings sheet and writes changes into the value cells only", async () => {
    await insertJapTemplate({ month: "2026-03" });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    const before = sim().snapshot("Settings");
    const next = { ...DEFAULT_SETTINGS, asOf: 46099, greenThreshold: 0.9, rollUp: "Average score" as const };
    const { result, syncs } = await measure(sim(), () => writeSettings(next));
    expect(result.message).toBe("Settings saved.");
    expect(syncs).toBe(3);
    expect(await readSettings()).toEqual(next);
    expect(sim().cell("Settings", "B2")).toMatchObject({ value: 46099, numberFormat: "yyyy-mm-dd" });
    const after = sim().snapshot("Settings");
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]));
    expect(changed.every((a) => a.startsWith("B"))).toBe(true);
  });

  it("refuses settings that do not hold together, and changes nothing", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const before = sim().snapshot("Settings");
    await expect(writeSettings({ ...DEFAULT_SETTINGS, amberThreshold: 0.99, greenThreshold: 0.9 })).rejects.toMatchObject({
      code: "invalidInput",
      message: expect.stringMatching(/Amber threshold/),
    });
    expect(sim().snapshot("Settings")).toEqual(before);
  });

  it("creates the Settings sheet when the workbook has none", async () => {
    const r = await writeSettings({ ...DEFAULT_SETTINGS, staleDays: 14 });
    expect(r.message).toMatch(/Created sheet 'Settings'/);
    expect((await readSettings()).staleDays).toBe(14);
    expect(sim().names().map((n) => n.name)).toContain("JP_StaleDays");
  });
});

describe("addRosterEntries", () => {
  const sim = useSim();

  it("fills the Roster's blank rows, skips people already there, and keeps names as text", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const r = await addRosterEntries([
      { name: "Ana Silva", party: "Principal", role: "KAM", email: "ana@example.com", active: true },
      { name: "  ana   silva ", party: "Principal", role: "", email: "", active: true },
      { name: "=Carlos", party: "Distributor", role: "", email: "", active: true },
    ]);
    expect(r).toMatchObject({ added: 2, skipped: [{ name: "ana silva", reason: "Already on the roster." }] });
    expect(sim().cell("Roster", "A2").value).toBe("Ana Silva");
    expect(sim().cell("Roster", "A3")).toMatchObject({ value: "=Carlos", formula: null });
    const again = await addRosterEntries([{ name: "Ana Silva", party: "Principal", role: "", email: "", active: true }]);
    expect(again.added).toBe(0);
  });

  it("grows the table past its last row", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const people = Array.from({ length: 14 }, (_, i) => ({ name: `Person ${i + 1}`, party: "Distributor" as const, role: "", email: "", active: true }));
    const r = await addRosterEntries(people);
    expect(r.added).toBe(14);
    const table = sim().tables().find((t) => t.name === "JP_Roster")!;
    expect(table.rowCount).toBe(14);
    expect(sim().cell("Roster", "A15").value).toBe("Person 14");
  });

  it("says clearly when there is no Roster", async () => {
    await expect(addRosterEntries([{ name: "Ana", party: "Principal", role: "", email: "", active: true }])).rejects.toMatchObject({
      code: "noRoster",
      message: expect.stringMatching(/no Roster table/),
    });
  });
});

describe("addRosterEntries while others co-author the workbook", () => {
  // Office's co-authoring guidance: TableRowCollection.add can cause co-authoring conflicts; write
  // Range.values just below the table, which grows it. The sim refuses rows.add under `coauthoring`.
  const sim = useSim({ coauthoring: true });

  it("grows the Roster table by writing below it, without TableRowCollection.add", async () => {
    await insertJapTemplate({ month: "2026-03" });
    sim().stats.reset();
    const people = Array.from({ length: 14 }, (_, i) => ({ name: `Person ${i + 1}`, party: "Distributor" as const, role: "", email: "", active: true }));
    const r = await addRosterEntries(people);
    expect(r.added).toBe(14);
    expect(sim().stats.tableRowAdds).toBe(0);
    const table = sim().tables().find((t) => t.name === "JP_Roster")!;
    expect(table.rowCount).toBe(14);
    expect(sim().cell("Roster", "A15")).toMatchObject({ value: "Person 14", formula: null, numberFormat: "@" });
    // The rows below the old end took the column's validation (the Party list) with the table.
    expect(sim().cell("Roster", "B15").validation?.type).toBe("List");
  });

  it("moves what lies below the table down rather than writing over it", async () => {
    await insertJapTemplate({ month: "2026-03" });
    const end = sim().tables().find((t) => t.name === "JP_Roster")!.address.split(":")[1].replace(/\D/g, "");
    const below = Number(end) + 2;
    sim().setCells("Roster", `A${below}`, [["Footnote: the roster is kept by HR."]]);
    const people = Array.from({ length: 12 }, (_, i) => ({ name: `Person ${i + 1}`, party: "Principal" as const, role: "", email: "", active: true }));
    await addRosterEntries(people);
    const values = Object.values(sim().snapshot("Roster")).map((c) => c.value);
    expect(values).toContain("Footnote: the roster is kept by HR.");
    expect(values.filter((v) => typeof v === "string" && v.startsWith("Person "))).toHaveLength(12);
  });
});

describe("listPlanSheets", () => {
  useSim();
  it("lists JBPs and JAPs with what their header blocks say", async () => {
    const { jbp, jap } = await insertPlanData(scaledPlan(20));
    const list = await listPlanSheets();
    expect(list.jbps).toEqual([{ sheet: jbp, distributor: "Andes Distribución S.A.", year: 2026 }]);
    expect(list.japs).toEqual([{ sheet: jap, distributor: "Andes Distribución S.A.", month: 46082 }]);
  });
});

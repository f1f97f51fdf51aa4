import { columnLetters } from "../../src/plan/model";
import { checkPlan, getOverview } from "../../src/excel/checkPlan";
import { JointPlanError } from "../../src/excel/errors";
import { insertJapTemplate, insertPlanData } from "../../src/excel/insertTemplates";
import { JAP, JBP } from "../../src/plan/layouts";
import { NOTE_PREFIX } from "../../src/excel/paintFindings";
import { createSimulatedExcel, type SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { colOf } from "../support/planGrids";

const ISSUES = colOf(JAP, "issues");
const ACTUAL = colOf(JAP, "actual");
const ACTION = colOf(JAP, "action");
import { measure, useSim } from "./support/sim";

type Snap = Record<string, ReturnType<SimulatedExcel["snapshot"]>>;
const snapshotAll = (sim: SimulatedExcel): Snap => Object.fromEntries(sim.sheets().map((s) => [s.name, sim.snapshot(s.name)]));

/** JAP rows: the table header is on sheet row 7, so action i (0-based) is on row 8 + i. */
const row = (i: number): number => 8 + i;

/** Adds a user's note, a threaded comment and some user formats to a plan full of faults. */
async function addUserContent(jap: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(jap);
    ws.notes.add(`C${row(1)}`, "Ana asked to be owner here (user note)"); // A-02's misspelt owner
    ws.notes.add(`B${row(0)}`, "Kick-off on the 2nd"); // a sound cell
    context.workbook.comments.add(`'${jap}'!G${row(10)}`, "Is this 90 % or 90?"); // A-11's % complete
    ws.getRange(`B${row(3)}`).format.fill.color = "#FFFF00";
    ws.getRange(`B${row(4)}`).format.font.bold = true;
    await context.sync();
  });
}

function expectSameExceptAddin(before: Snap, after: Snap, issuesColumn: string): void {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const sheet of Object.keys(before)) {
    const cells = new Set([...Object.keys(before[sheet]), ...Object.keys(after[sheet])]);
    for (const address of cells) {
      const b = before[sheet][address];
      const a = after[sheet][address];
      const isIssues = address.replace(/\d+$/, "") === issuesColumn;
      const strip = (c: typeof a | undefined) => {
        if (!c) return c;
        const { note, value, text, valueType, ...rest } = c;
        return {
          ...rest,
          note: note !== null && note.startsWith(NOTE_PREFIX) ? null : note,
          ...(isIssues ? {} : { value, text, valueType }),
        };
      };
      const blank = (c: ReturnType<typeof strip>) => (c === undefined ? undefined : c);
      if (b === undefined) {
        // A cell that only exists after the check holds nothing but an add-in note or an Issues text.
        expect({ sheet, address, note: a!.note?.startsWith(NOTE_PREFIX) || a!.note === null, issues: isIssues || a!.value === "" }).toEqual({ sheet, address, note: true, issues: true });
        continue;
      }
      expect({ sheet, address, cell: blank(strip(a)) }).toEqual({ sheet, address, cell: blank(strip(b)) });
    }
  }
}

describe("rows outside the plan", () => {
  const sim = useSim();
  const FOOTNOTES = ["* Sell-out figures in thousands of euros.", "Targets agreed in the March review; see the JBP."];

  /** Types the footnotes three and four rows below the JAP's last row (20 actions: rows 8 to 27), returning their rows. */
  async function typeFootnotes(jap: string): Promise<number[]> {
    const rows = [row(19) + 3, row(19) + 4];
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(jap);
      rows.forEach((r, i) => (ws.getRange(`A${r}`).values = [[FOOTNOTES[i]]]));
      await context.sync();
    });
    return rows;
  }

  const outside = (result: { findings: { sheet: string; row: number }[] }, jap: string, rows: number[]) => result.findings.filter((f) => f.sheet === jap && rows.includes(f.row + 1));

  for (const form of ["an Excel table", "a plain range"] as const) {
    it(`footnotes below ${form} give no findings, no Issues text and no notes`, async () => {
      const { jap } = await insertPlanData(scaledPlan(20));
      if (form === "a plain range") {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem(jap).tables.getItemAt(0).convertToRange();
          await context.sync();
        });
      }
      const without = await checkPlan();
      const rows = await typeFootnotes(jap);
      const result = await checkPlan();
      expect(outside(result, jap, rows)).toEqual([]);
      expect(result.errors).toBe(without.errors);
      expect(result.warnings).toBe(without.warnings);
      for (const r of rows) {
        expect(sim().cell(jap, `A${r}`).value).toBe(FOOTNOTES[rows.indexOf(r)]);
        for (const col of ["A", "B", "C", "F", "G", "H", "W"]) {
          expect({ cell: `${col}${r}`, note: sim().cell(jap, `${col}${r}`).note }).toEqual({ cell: `${col}${r}`, note: null });
        }
        expect(sim().cell(jap, `W${r}`).value ?? "").toBe("");
      }
    });
  }
});

describe("checkPlan never overwrites a user's text", () => {
  const sim = useSim();
  const issuesMarks = () => sim().names().filter((n) => /^JP_Issues/.test(n.name));
  async function unmark(): Promise<void> {
    await Excel.run(async (context) => {
      for (const n of issuesMarks()) context.workbook.names.getItem(n.name).delete();
      await context.sync();
    });
  }

  it("a template marks its Issues column as the add-in's own", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    expect(issuesMarks()).toEqual([expect.objectContaining({ name: "JP_Issues", formula: `='${jap}'!$${ISSUES}$7` })]);
  });

  it("leaves a user's own Issues column as it is and says where the findings are", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    // A plan the user made: no mark, and their own remark in the column headed Issues.
    await unmark();
    sim().setCells(jap, `${ISSUES}${row(3)}`, [["Budget not approved yet"]]);
    const before = sim().snapshot(jap);
    const result = await checkPlan();
    expect(result.errors).toBeGreaterThan(5);
    expect(sim().cell(jap, `${ISSUES}${row(3)}`).value).toBe("Budget not approved yet");
    const after = sim().snapshot(jap);
    for (let r = row(0); r <= row(19); r++) expect({ r, value: after[`${ISSUES}${r}`]?.value }).toEqual({ r, value: before[`${ISSUES}${r}`]?.value });
    expect(result.message).toContain(`The Issues column at '${jap}'!${ISSUES}7 holds text JointPlan did not write, so it was left as it is: its findings are in notes and the task pane.`);
    // The findings still reach the cells as notes, and no mark claims the column.
    expect(sim().cell(jap, `${ACTUAL}${row(7)}`).note).toMatch(/^JointPlan: .*1,200/);
    expect(issuesMarks()).toEqual([]);
  });

  it("takes over an unmarked Issues column that holds only its own findings, and marks it", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    await unmark();
    sim().setCells(jap, `${ACTUAL}${row(7)}`, [[1200]]);
    const result = await checkPlan();
    expect(result.message).not.toMatch(/did not write/);
    expect(String(sim().cell(jap, `${ISSUES}${row(7)}`).value)).not.toMatch(/1,200/);
    expect(issuesMarks()).toEqual([expect.objectContaining({ formula: `='${jap}'!$${ISSUES}$7` })]);
  });

  it("in its own column, keeps a cell a person typed over and rewrites the rest", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    sim().setCells(jap, `${ISSUES}${row(1)}`, [["Ana confirms on Friday"]]);
    sim().setCells(jap, `${ACTUAL}${row(7)}`, [[1200]]);
    const result = await checkPlan();
    expect(sim().cell(jap, `${ISSUES}${row(1)}`).value).toBe("Ana confirms on Friday");
    expect(String(sim().cell(jap, `${ISSUES}${row(7)}`).value)).not.toMatch(/1,200/);
    expect(result.message).toContain("1 Issues cell holds text JointPlan did not write and was left as it is.");
  });

  it("keeps a user's note that happens to start 'JointPlan: ', on a cell with or without a finding", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(jap);
      ws.notes.add(`${ACTION}${row(0)}`, "JointPlan: the March review agreed this"); // a sound cell
      ws.notes.add(`${ACTUAL}${row(7)}`, "JointPlan: Ana to confirm the figure"); // a cell with a finding
      await context.sync();
    });
    await checkPlan();
    await checkPlan();
    expect(sim().cell(jap, `${ACTION}${row(0)}`).note).toBe("JointPlan: the March review agreed this");
    expect(sim().cell(jap, `${ACTUAL}${row(7)}`).note).toBe("JointPlan: Ana to confirm the figure");
  });

  it("still replaces and removes the notes of earlier versions (JointPlan: then only findings)", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).notes.add(`${ACTION}${row(0)}`, "JointPlan: Error: Owner is empty.\nWarning: Due is soon.");
      await context.sync();
    });
    await checkPlan();
    expect(sim().cell(jap, `${ACTION}${row(0)}`).note).toBeNull();
  });
});

describe("checkPlan on a plan full of faults", () => {
  const sim = useSim();

  it("writes the Issues column and add-in notes, and changes nothing of the user's", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await addUserContent(jap);
    const before = snapshotAll(sim());
    const result = await checkPlan();
    const after = snapshotAll(sim());

    expect(result.errors).toBeGreaterThan(5);
    expect(result.message).toMatch(/Checked 2 plan sheets: \d+ errors and \d+ warnings/);
    expectSameExceptAddin(before, after, "W");

    // The misspelt owner: the user's note stays, the Issues cell says it, no add-in note there.
    expect(sim().cell(jap, `C${row(1)}`).note).toBe("Ana asked to be owner here (user note)");
    expect(String(sim().cell(jap, `W${row(1)}`).value)).toMatch(/Ana Silvaa/);
    // Each finding is tagged with its column, which the live layer's conditional format finds.
    expect(String(sim().cell(jap, `W${row(1)}`).value)).toMatch(/\[Owner\] [^•]*Ana Silvaa/);
    // The comment cell gets no note either; its Issues cell carries the finding.
    expect(sim().cell(jap, `G${row(10)}`).note).toBeNull();
    expect(String(sim().cell(jap, `W${row(10)}`).value)).toMatch(/90/);
    // A fault on a cell without a user's note gets an add-in note.
    expect(sim().cell(jap, `R${row(7)}`).note).toMatch(/^JointPlan: .*1,200/);
    // A sound row has an empty Issues cell.
    expect(sim().cell(jap, `W${row(0)}`).value).toBe("");
    // Text that starts with - or = stays text, never a formula.
    expect(sim().cell(jap, `B${row(16)}`)).toMatchObject({ value: "-5% price test on the 1.5 L pack", formula: null });
    expect(sim().cell(jap, `H${row(16)}`)).toMatchObject({ value: "=> read the results with finance", formula: null });
  });

  it("is stable on a second run and removes its notes once the fault is fixed", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    const notes = sim().notes(jap);
    const first = snapshotAll(sim());
    const again = await measure(sim(), () => checkPlan());
    expect(snapshotAll(sim())).toEqual(first);
    expect(sim().notes(jap)).toEqual(notes);
    // Nothing changed, so nothing was written: two syncs (the reads) only.
    expect(again.syncs).toBe(2);

    sim().setCells(jap, `R${row(7)}`, [[1200]]);
    await checkPlan();
    expect(sim().cell(jap, `R${row(7)}`).note).toBeNull();
    expect(sim().notes(jap).length).toBe(notes.length - 1);
    expect(String(sim().cell(jap, `W${row(7)}`).value)).not.toMatch(/1,200/);
  });

  it("after one edit, rewrites only the Issues cells and notes that changed", async () => {
    const { jap } = await insertPlanData(scaledPlan(400));
    await checkPlan();
    const before = snapshotAll(sim());
    sim().setCells(jap, `R${row(7)}`, [[1200]]);
    const { syncs } = await measure(sim(), () => checkPlan());
    expect(syncs).toBe(3);
    const write = sim().stats.batches[2];
    // Events off and on, the sheet, the range, its value, the old note deleted.
    expect(write.operations).toBeLessThanOrEqual(8);
    expect(write.bytes).toBeLessThan(4096);
    const after = snapshotAll(sim())[jap];
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[jap][a]));
    expect(changed.sort()).toEqual([`R${row(7)}`, `W${row(7)}`]);
  });

  it("takes the same three syncs at 10 and at 5,000 actions, each request under 4 MB", async () => {
    const counts: number[] = [];
    for (const n of [10, 5000]) {
      const local = createSimulatedExcel();
      const uninstall = local.install(globalThis as unknown as Record<string, unknown>);
      try {
        await insertPlanData(scaledPlan(n));
        const m = await measure(local, () => checkPlan());
        expect(m.result.overview.actions).toBe(n);
        expect(m.maxBytes).toBeLessThan(4 * 1024 * 1024);
        counts.push(m.syncs);
      } finally {
        uninstall();
        sim().install(globalThis as unknown as Record<string, unknown>);
      }
    }
    expect(counts).toEqual([3, 3]);
  });
});

describe("checkPlan in a workbook that also holds other data", () => {
  const sim = useSim({ sheets: ["Sales 2025", "Sales 2026"] });
  const otherData = (rows: number): (string | number)[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: 30 }, (_, c) => (c % 3 === 0 ? `Outlet ${r}, line ${c}` : r * 30 + c + 0.25)));

  // Excel on the web refuses a response over 5 MB as it refuses a request (the sim does too): the
  // two data sheets alone hold some 8 MB of values, so a reader that reads every sheet fails here.
  it("works beside two sheets of 11,000 rows x 30 columns, every response under 4 MB, in the same syncs as without them", async () => {
    await insertPlanData(scaledPlan(20));
    const without = await measure(sim(), () => checkPlan());
    await checkPlan(); // the findings are written: the next check writes nothing, with or without the data
    const quiet = await measure(sim(), () => checkPlan());
    sim().setCells("Sales 2025", "A1", otherData(11_000));
    sim().setCells("Sales 2026", "A1", otherData(11_000));
    sim().stats.reset();
    const m = await measure(sim(), () => checkPlan());
    expect(m.result.overview.actions).toBe(20);
    expect(m.result.errors).toBe(without.result.errors);
    expect(m.syncs).toBe(quiet.syncs);
    expect(sim().stats.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(m.maxBytes).toBeLessThan(4 * 1024 * 1024);
  });
});

describe("checkPlan keeps the JBP's action counts over every JAP table", () => {
  const sim = useSim();
  const letter = (key: string): string => columnLetters(JBP.columns.findIndex((c) => c.key === key));
  const COUNT_COLUMNS = ["actionsRed", "actionsAmber", "actionsGreen"].map(letter);
  /** The JBP's data rows (header on row 10, eight objective rows). */
  const JBP_ROWS = [11, 12, 13, 14, 15, 16, 17, 18];
  const counts = (jbp: string): (string | null)[] => COUNT_COLUMNS.flatMap((c) => JBP_ROWS.map((r) => sim().cell(jbp, `${c}${r}`).formula));

  /** A JAP table the user made by copying another: its header and first `rows` actions, as values, on a new sheet. */
  async function copyJap(from: string, to: string, rows: number, into = sim()): Promise<void> {
    const width = JAP.columns.length;
    into.addSheet(to);
    await Excel.run(async (context) => {
      const src = context.workbook.worksheets.getItem(from).getRangeByIndexes(6, 0, rows + 1, width).load("values");
      await context.sync();
      const ws = context.workbook.worksheets.getItem(to);
      ws.getRangeByIndexes(6, 0, rows + 1, width).numberFormat = src.values.map((r) => r.map(() => "@"));
      ws.getRangeByIndexes(6, 0, rows + 1, width).values = src.values;
      ws.tables.add(`'${to}'!A7:${columnLetters(width - 1)}${7 + rows}`, true).name = "CopiedActions";
      await context.sync();
    });
  }

  it("replaces the #REF! a deleted JAP sheet left with counts over the JAP tables that remain", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    const overOne = counts(jbp);
    await insertJapTemplate({ month: "2026-04" });
    expect(counts(jbp).every((f) => f!.includes("JP_Actions_2[RAG]"))).toBe(true);
    await checkPlan();

    // What Excel does to the counts when the table they name goes with its sheet.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("JAP 2026-04").delete();
      await context.sync();
    });
    for (const c of COUNT_COLUMNS) {
      for (const r of JBP_ROWS) sim().setCells(jbp, `${c}${r}`, [[sim().cell(jbp, `${c}${r}`).formula!.replace(/JP_Actions_2\[[^\]]*\]/g, "#REF!")]]);
    }
    expect(counts(jbp)[0]).toContain("#REF!");
    const before = snapshotAll(sim());

    const { result, syncs } = await measure(sim(), () => checkPlan());
    expect(syncs).toBe(3);
    expect(counts(jbp)).toEqual(overOne);
    expect(counts(jbp)[0]).toContain("JP_Actions[RAG]");
    expect(counts(jbp)[0]).not.toContain(jap);
    expect(result.message).toMatch(/Updated the Red\/Amber\/Green action counts on 'JBP 2026'/);
    // Only the count cells changed on the JBP; every other sheet is as it was.
    const after = snapshotAll(sim());
    const changed = Object.keys(after[jbp]).filter((a) => JSON.stringify(after[jbp][a]) !== JSON.stringify(before[jbp][a]));
    expect(new Set(changed.map((a) => a.replace(/\d+$/, "")))).toEqual(new Set(COUNT_COLUMNS));
    for (const sheet of Object.keys(before)) if (sheet !== jbp) expect(after[sheet]).toEqual(before[sheet]);

    // Up to date now: the next check writes nothing (the two read syncs only) and says nothing of counts.
    const again = await measure(sim(), () => checkPlan());
    expect(again.syncs).toBe(2);
    expect(again.result.message).not.toMatch(/action counts/);
    expect(snapshotAll(sim())).toEqual(after);
  });

  it("counts a JAP table the user copied in (not inserted), keeping a number typed in a count cell", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    sim().setCells(jbp, `${COUNT_COLUMNS[1]}13`, [[4]]);
    await copyJap(jap, "JAP copy", 5);
    expect(counts(jbp)[0]).not.toContain("JAP copy");

    const { result, syncs } = await measure(sim(), () => checkPlan());
    expect(syncs).toBe(3);
    expect(result.overview.actions).toBe(25);
    for (const [i, f] of counts(jbp).entries()) {
      if (i === 8 + 2) continue; // the typed number
      expect(f).toContain("CopiedActions[JBP objective]");
      expect(f).toContain("JP_Actions[JBP objective]");
    }
    expect(sim().cell(jbp, `${COUNT_COLUMNS[1]}13`)).toMatchObject({ value: 4, formula: null });
    expect((await measure(sim(), () => checkPlan())).syncs).toBe(2);
  });

  it("follows a renamed JAP sheet and a grown JAP table with nothing to rewrite (structured references)", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    const before = counts(jbp);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).name = "March actions";
      context.workbook.tables.getItem("JP_Actions").resize(`'March actions'!A7:${columnLetters(JAP.columns.length - 1)}32`);
      await context.sync();
    });
    const { result, syncs } = await measure(sim(), () => checkPlan());
    expect(syncs).toBe(2);
    expect(result.message).not.toMatch(/action counts/);
    expect(counts(jbp)).toEqual(before);
    for (const f of counts(jbp)) {
      expect(f).toContain("JP_Actions[RAG]");
      expect(f).not.toContain(jap);
    }
  });

  it("leaves the counts of a protected JBP as they are, and says so", async () => {
    const { jbp } = await insertPlanData(scaledPlan(20));
    await checkPlan();
    await insertJapTemplate({ month: "2026-04" });
    const stale = counts(jbp);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("JAP 2026-04").delete();
      context.workbook.worksheets.getItem(jbp).protection.protect();
      await context.sync();
    });
    const before = sim().snapshot(jbp);
    const result = await checkPlan();
    expect(result.message).toMatch(/'JBP 2026' is protected, so its Red\/Amber\/Green action counts do not count the current JAPs: unprotect it and run Check plan/);
    expect(sim().snapshot(jbp)).toEqual(before);
    expect(counts(jbp)).toEqual(stale);
    // Once unprotected, the next check brings them up to date.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jbp).protection.unprotect();
      await context.sync();
    });
    await checkPlan();
    expect(counts(jbp).some((f) => f!.includes("JAP 2026-04"))).toBe(false);
  });

  it("takes the same three syncs at 10 and at 5,000 actions when the counts are rewritten", async () => {
    const runs: { syncs: number; maxBytes: number }[] = [];
    for (const n of [10, 5000]) {
      const local = createSimulatedExcel();
      const uninstall = local.install(globalThis as unknown as Record<string, unknown>);
      try {
        const { jap, jbp } = await insertPlanData(scaledPlan(n));
        await checkPlan();
        // A second JAP copied in by the user: every count cell must count it too.
        await copyJap(jap, "JAP copy", 5, local);
        const m = await measure(local, () => checkPlan());
        expect(local.cell(jbp, "I11").formula).toContain("CopiedActions[RAG]");
        runs.push({ syncs: m.syncs, maxBytes: m.maxBytes });
      } finally {
        uninstall();
        sim().install(globalThis as unknown as Record<string, unknown>);
      }
    }
    expect(runs.map((r) => r.syncs)).toEqual([3, 3]);
    for (const r of runs) expect(r.maxBytes).toBeLessThan(4 * 1024 * 1024);
  });
});

describe("getOverview", () => {
  const sim = useSim();
  it("reads and computes the plan at a glance in two syncs, writing nothing", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const before = snapshotAll(sim());
    const { result: o, syncs } = await measure(sim(), () => getOverview());
    expect(syncs).toBe(2);
    expect(snapshotAll(sim())).toEqual(before);
    expect(o).toMatchObject({ hasPlan: true, asOf: 46099, actions: 20 });
    expect(o.counts.Red + o.counts.Amber + o.counts.Green + o.counts.Grey).toBe(20);
    expect(o.counts.Grey).toBeGreaterThanOrEqual(1); // the cancelled action
    expect(o.overdue.map((a) => a.id)).toContain("A-07");
    expect(o.overdue.find((a) => a.id === "A-07")).toMatchObject({ sheet: jap, cell: "A14", owner: "Jorge Paredes" });
    expect(o.stale.map((a) => a.id)).toContain("A-19");
    expect(o.pctComplete).toBeGreaterThan(0);
    expect(o.pctComplete).toBeLessThan(1);
  });
  it("says there is no plan in an empty workbook", async () => {
    await expect(getOverview()).resolves.toMatchObject({ hasPlan: false, actions: 0 });
  });
});

describe("checkPlan progress", () => {
  const sim = useSim();
  it("reports plan rows: none done once read, all once validated, and last once the findings are written", async () => {
    const plan = scaledPlan(20);
    await insertPlanData(plan);
    const rows = plan.jap.actions.length + plan.jbp.objectives.length;
    const steps: [number, number, number][] = [];
    sim().stats.reset();
    await checkPlan({ onProgress: (done, total) => steps.push([done, total, sim().stats.syncs]) });
    // [done, total, syncs so far]: the reads take two syncs, the write the third.
    expect(steps).toEqual([
      [0, rows, 2],
      [rows, rows, 2],
      [rows, rows, 3],
    ]);
  });
});

describe("checkPlan without notes (ExcelApi 1.17)", () => {
  const sim = useSim({ requirementSets: { ExcelApi: "1.17" } });
  it("writes the Issues column, adds no note, and says so", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const result = await checkPlan();
    expect(result.message).toMatch(/cannot add notes \(ExcelApi 1\.18\)/);
    expect(sim().notes()).toEqual([]);
    expect(String(sim().cell(jap, `W${row(7)}`).value)).toMatch(/1,200/);
  });
});

describe("checkPlan failures", () => {
  const sim = useSim();

  it("refuses a protected plan sheet with a clear message and writes nothing", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).protection.protect();
      await context.sync();
    });
    const before = snapshotAll(sim());
    const error = await checkPlan().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JointPlanError);
    expect(error).toMatchObject({ code: "protected" });
    expect((error as Error).message).toMatch(new RegExp(`Sheet '${jap}' is protected.*Unprotect`));
    expect(snapshotAll(sim())).toEqual(before);
    expect(sim().notes()).toEqual([]);
  });

  it("checks a plan with a locked Roster: no notes there, the message says so", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    // A duplicate name in the Roster table's last row (A12, below the table, is outside the Roster): a Roster finding.
    sim().setCells("Roster", "A11", [["Ana Silva", "Principal"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Roster").protection.protect();
      await context.sync();
    });
    const roster = sim().snapshot("Roster");
    const result = await checkPlan();
    expect(result.findings.some((f) => f.sheet === "Roster")).toBe(true);
    expect(result.message).toMatch(/'Roster' is protected, so its findings are in the task pane only/);
    expect(sim().snapshot("Roster")).toEqual(roster);
    expect(String(sim().cell(jap, `W${row(7)}`).value)).toMatch(/1,200/);
  });

  it("still reads a plan whose Excel table was renamed (tables are found by their headers)", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("JP_Actions").name = "MyActions";
      await context.sync();
    });
    const result = await checkPlan();
    expect(result.overview.actions).toBe(20);
    expect(String(sim().cell(jap, `W${row(7)}`).value)).toMatch(/1,200/);
  });

  it("checks a plan whose Roster was deleted, and says owners cannot be checked", async () => {
    await insertPlanData(scaledPlan(20));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Roster").delete();
      await context.sync();
    });
    const result = await checkPlan();
    expect(result.findings.find((f) => f.rule === "structure.noRoster")?.message).toMatch(/No Roster table was found/);
    expect(result.findings.some((f) => f.rule.startsWith("owner."))).toBe(false);
  });

  it("picks up the workbook as it is when a plan sheet was deleted since the last check", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    expect((await checkPlan()).overview.actions).toBe(20);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(jap).delete();
      await context.sync();
    });
    const result = await checkPlan();
    expect(result.overview.actions).toBe(0);
    expect(result.findings.every((f) => f.sheet !== jap)).toBe(true);
    expect(result.message).toMatch(/Checked 1 plan sheet/);
    expect(sim().sheets().map((s) => s.name)).toContain(jbp);
  });

  it("reports a renamed required column as a finding, not a crash", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await sim().userEdit(jap, "C7", [["Responsible"]]);
    const result = await checkPlan();
    expect(result.findings.some((f) => f.rule === "structure.missingColumn" && /Owner/.test(f.message))).toBe(true);
  });
});

describe("checkPlan on an Excel without ExcelApi 1.8 (the manifest's floor)", () => {
  useSim({ requirementSets: { ExcelApi: "1.7" } });
  it("throws an unsupported error before touching the workbook", async () => {
    await expect(checkPlan()).rejects.toMatchObject({ code: "unsupported", message: expect.stringMatching(/ExcelApi 1\.8/) });
  });
});

import { columnIndex, JAP, tableHeaderRow } from "../../../src/plan/layouts";
import type { SheetGrid } from "../../../src/plan/model";
import { readPlan } from "../../../src/plan/read/readPlan";
import { japGrid, rosterGrid, settingsGrid, tableGrid } from "../../support/planGrids";
import { AS_OF, d, JAP_HEADER, soundActions, soundPlan, soundRoster } from "../../support/soundPlan";

const japRow = (i: number) => tableHeaderRow(JAP) + 1 + i;

describe("reading a plan by header", () => {
  test("finds every table and header block of the sound plan", () => {
    const plan = readPlan(soundPlan());
    expect(plan.readFindings).toEqual([]);
    expect(plan.japs[0].header).toEqual({ distributor: "Andes Foods", month: d("2026-03-01"), reviewDate: d("2026-03-18"), jbpSheet: "" });
    expect(plan.jbps[0].header).toMatchObject({ principal: "Northwind", year: 2026, periodStart: d("2026-01-01") });
    const a1 = plan.japs[0].actions[0];
    expect(a1).toMatchObject({ id: "A-1", objectiveId: "O-1", priority: 1, party: "Distributor", owner: "Bruno Costa", status: "In progress", pctComplete: 0.5, direction: "Higher is better", target: 40, ragOverride: null });
    expect(a1.source).toMatchObject({ sheet: "JAP", row: japRow(0) });
    expect(a1.source.raw.owner).toBe("Bruno Costa");
    expect(plan.japs[0].position).toMatchObject({ sheet: "JAP", headerRow: tableHeaderRow(JAP), lastRow: japRow(3) });
    expect(plan.japs[0].extraHeaders).toEqual([]);
    expect(plan.japs[0].position.columns.owner).toBe(columnIndex(JAP, "owner"));
    expect(plan.roster?.rows.map((r) => [r.name, r.party, r.active])).toEqual([
      ["Ana Silva", "Principal", true],
      ["Bruno Costa", "Distributor", true],
      ["Carla Ruiz", "Distributor", true],
      ["Dan Old", "Principal", false],
    ]);
  });

  test("a header value longer than a cell may hold (a file no spreadsheet wrote) is read as blank and reported", () => {
    const plan = readPlan(soundPlan({ japHeader: { ...JAP_HEADER, distributor: "D".repeat(40_000) } }));
    expect(plan.japs[0].header.distributor).toBe("");
    expect(plan.readFindings.map((f) => [f.rule, f.message])).toEqual([
      ["structure.badHeaderValue", "'Distributor' holds 40,000 characters, more than the 32,767 a cell may hold; it is read as blank."],
    ]);
  });

  test("moved, inserted, re-cased and line-broken headers still map; extra columns are kept aside", () => {
    const columns = [
      "owner",
      { key: "notes", header: "My notes" },
      { key: "id", header: "id" },
      { key: "action", header: " ACTION " },
      { key: "due", header: "Du\ne" },
      "status",
      { key: "pctComplete", header: "%Complete" },
      "start",
      "party",
    ];
    const actions = soundActions().map((a) => ({ ...a, notes: "keep me" }));
    const plan = readPlan([rosterGrid(soundRoster()), japGrid(JAP_HEADER, actions, { columns })]);
    const jap = plan.japs[0];
    expect(jap.position.columns).toEqual({ owner: 0, id: 2, action: 3, due: 4, status: 5, pctComplete: 6, start: 7, party: 8 });
    expect(jap.extraHeaders).toEqual(["My notes"]);
    expect(jap.actions[1]).toMatchObject({ id: "A-2", owner: "Ana Silva", due: d("2026-03-10"), status: "Done", pctComplete: 1 });
    expect(jap.actions[1].source.raw).not.toHaveProperty("notes");
    expect(plan.readFindings).toEqual([]);
  });

  test("a missing required column is one clear finding at the header row's first cell", () => {
    const columns = JAP.columns.map((c) => c.key).filter((k) => k !== "owner");
    const plan = readPlan([japGrid(JAP_HEADER, soundActions(), { columns }, "JAP March")]);
    expect(plan.readFindings).toEqual([
      {
        rule: "structure.missingColumn",
        severity: "error",
        sheet: "JAP March",
        cell: `A${tableHeaderRow(JAP) + 1}`,
        row: tableHeaderRow(JAP),
        message: "The JAP table on sheet 'JAP March' has no 'Owner' column. Add a column headed 'Owner'.",
      },
    ]);
    expect(plan.japs[0].actions).toHaveLength(4);
    expect(plan.japs[0].actions[0].owner).toBe("");
  });

  test("a JAP that lost two required columns (Owner and Due) is found and both are reported, not passed over", () => {
    const columns = JAP.columns.map((c) => c.key).filter((k) => k !== "owner" && k !== "due");
    const plan = readPlan([japGrid(JAP_HEADER, soundActions(), { columns }, "JAP March")]);
    expect(plan.readFindings.map((f) => f.message)).toEqual([
      "The JAP table on sheet 'JAP March' has no 'Owner' column. Add a column headed 'Owner'.",
      "The JAP table on sheet 'JAP March' has no 'Due' column. Add a column headed 'Due'.",
    ]);
    expect(plan.japs[0].actions).toHaveLength(4);
    // A few of a JAP's headers are not a JAP: three of the signature missing, or too few headers.
    const fewer = JAP.columns.map((c) => c.key).filter((k) => !["owner", "due", "status"].includes(k));
    expect(readPlan([japGrid(JAP_HEADER, soundActions(), { columns: fewer })]).japs).toHaveLength(0);
    expect(readPlan([japGrid(JAP_HEADER, soundActions(), { columns: ["id", "action", "party", "start", "status", "kpi", "unit"] })]).japs).toHaveLength(0);
  });

  test("a table is found wherever its header row stands, on a sheet of any name, from the grid's origin", () => {
    const grid = japGrid(JAP_HEADER, soundActions(), { offset: 7 }, "Plan de acción");
    const moved: SheetGrid = { ...grid, origin: { row: 2, col: 3 } };
    const jap = readPlan([moved]).japs[0];
    const headerRow = 2 + 7 + tableHeaderRow(JAP);
    expect(jap.position).toMatchObject({ sheet: "Plan de acción", headerRow, lastRow: headerRow + 4 });
    expect(jap.position.columns.id).toBe(3);
    expect(jap.header.month).toBe(d("2026-03-01"));
    expect(jap.actions[2].source.row).toBe(headerRow + 3);
  });

  /** The JAP grid's actions as an Excel table: header row to `dataRows` rows below it, and `totals` rows more. */
  const asExcelTable = (grid: SheetGrid, dataRows: number, totals = 0): SheetGrid => {
    const width = grid.values[tableHeaderRow(JAP)].length;
    const headerRow = tableHeaderRow(JAP);
    return { ...grid, tables: [{ headerRow, lastRow: headerRow + dataRows, col: 0, lastCol: width - 1 }], values: grid.values.slice(0, headerRow + 1 + dataRows + totals) };
  };

  test("in an Excel table, trailing blank rows are ignored, a blank row in the middle is skipped, formula-only rows do not count", () => {
    const actions = [soundActions()[0], {}, { id: "  ", owner: "" }, soundActions()[1], { rag: "Grey", issues: "old text" }, {}];
    const jap = readPlan([asExcelTable(japGrid(JAP_HEADER, actions), actions.length)]).japs[0];
    expect(jap.actions.map((a) => [a.id, a.source.row])).toEqual([
      ["A-1", japRow(0)],
      ["A-2", japRow(3)],
    ]);
    expect(jap.position.lastRow).toBe(japRow(3));
  });

  test("a plain range ends at its first blank row: footnotes typed below it are not actions", () => {
    const footnote = { id: "* Figures in thousands of euros." };
    const source = { id: "Source: distributor's sell-out report, March." };
    const actions = [...soundActions().slice(0, 2), {}, {}, footnote, source];
    const plan = readPlan([japGrid(JAP_HEADER, actions), rosterGrid(soundRoster())]);
    expect(plan.japs[0].actions.map((a) => a.id)).toEqual(["A-1", "A-2"]);
    expect(plan.japs[0].position.lastRow).toBe(japRow(1));
  });

  test("an Excel table is the plan: its totals row and the lines below it are not actions", () => {
    const totals = { id: "Total", pctComplete: 0.42, target: 120 };
    const actions = [...soundActions().slice(0, 2), totals, {}, { id: "Note: see the JBP for targets." }];
    const jap = readPlan([asExcelTable(japGrid(JAP_HEADER, actions), 2, 3)]).japs[0];
    expect(jap.actions.map((a) => a.id)).toEqual(["A-1", "A-2"]);
    // Without the table's extent, the same cells read as a plain range: the totals row joins it.
    expect(readPlan([japGrid(JAP_HEADER, actions)]).japs[0].actions.map((a) => a.id)).toEqual(["A-1", "A-2", "Total"]);
  });

  test("two tables on one sheet: each with its own header block and rows", () => {
    const march = japGrid(JAP_HEADER, soundActions().slice(0, 2));
    const april = japGrid({ distributor: "Andes Foods", month: d("2026-04-01") }, [{ ...soundActions()[2], id: "B-1" }]);
    const grid = { name: "JAPs", values: [...march.values, [], ...april.values] };
    const plan = readPlan([grid]);
    expect(plan.japs.map((j) => [j.header.month, j.actions.map((a) => a.id)])).toEqual([
      [d("2026-03-01"), ["A-1", "A-2"]],
      [d("2026-04-01"), ["B-1"]],
    ]);
    expect(plan.japs[1].position.headerRow).toBe(march.values.length + 1 + tableHeaderRow(JAP));
  });

  test("an empty table has its header row as last row", () => {
    const jap = readPlan([japGrid(JAP_HEADER, [])]).japs[0];
    expect(jap.actions).toEqual([]);
    expect(jap.position.lastRow).toBe(jap.position.headerRow);
  });

  test("every kind of cell value is parsed into the model's types", () => {
    const action = {
      id: 7,
      priority: "2",
      action: "=SUM(A1)",
      party: "joint ",
      owner: " Ana Silva ",
      start: "05/03/2026",
      due: d("2026-03-20") + 0.5,
      status: "in progress ",
      pctComplete: "50%",
      direction: "lower",
      baseline: { error: "#N/A" },
      target: "1,200",
      actual: true,
      lastUpdate: -4,
      ragOverride: "r",
    };
    const a = readPlan([japGrid(JAP_HEADER, [action])]).japs[0].actions[0];
    expect(a).toMatchObject({
      id: "7",
      priority: null,
      action: "=SUM(A1)",
      party: "Joint",
      owner: "Ana Silva",
      start: null,
      due: d("2026-03-20") + 0.5,
      status: "In progress",
      pctComplete: null,
      direction: "Lower is better",
      baseline: null,
      target: null,
      actual: null,
      lastUpdate: null,
      ragOverride: "Red",
    });
    expect(a.source.raw).toMatchObject({ start: "05/03/2026", baseline: { error: "#N/A" }, owner: " Ana Silva " });
  });

  test("the header block: text dates are read with a finding and a repair, missing labels are reported", () => {
    const header = { distributor: "Andes Foods", month: "March 2026", reviewDate: "05/03/2026" };
    const plan = readPlan([japGrid(header, soundActions())]);
    expect(plan.japs[0].header.month).toBe(d("2026-03-01"));
    expect(plan.japs[0].header.reviewDate).toBe(d("2026-03-05"));
    expect(plan.readFindings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["date.notADate", "warning", "B3"],
      ["date.notADate", "warning", "B4"],
      ["date.ambiguous", "warning", "B4"],
    ]);
    expect(plan.readFindings[1].repair).toEqual({ sheet: "JAP", cell: "B4", value: d("2026-03-05"), label: "Make this the date 2026-03-05", numberFormat: "yyyy-mm-dd" });
    const noMonth = readPlan([tableGrid("JAP", { ...JAP, headerBlock: JAP.headerBlock.filter((f) => f.key !== "month") }, soundActions(), { header: { distributor: "X" } })]);
    expect(noMonth.readFindings.map((f) => f.message)).toEqual(["The JAP table on sheet 'JAP' has no 'Month' above it. Add a row labelled 'Month' with its value in the next cell."]);
  });

  test("a JBP's period must start before it ends", () => {
    const swap = (r: unknown[]) => (r[0] === "Period start" ? ["Period start", d("2026-12-31")] : r[0] === "Period end" ? ["Period end", d("2026-01-01")] : r);
    const plan = readPlan(soundPlan().map((g) => (g.name === "JBP" ? { ...g, values: g.values.map((r) => swap(r) as typeof r) } : g)));
    expect(plan.readFindings.map((f) => [f.rule, f.cell, f.message])).toEqual([["date.startAfterDue", "B6", "Period start 2026-12-31 is after Period end 2026-01-01."]]);
  });

  test("a JBP's year must be a whole number in range", () => {
    const plan = readPlan(soundPlan().map((g) => (g.name === "JBP" ? { ...g, values: g.values.map((r) => (r[0] === "Year" ? ["Year", "twenty"] : r)) } : g)));
    expect(plan.jbps[0].header.year).toBeNull();
    expect(plan.readFindings.map((f) => [f.rule, f.message])).toEqual([["structure.badHeaderValue", "'Year' is 'twenty'; type a whole number from 2000 to 2100."]]);
  });
});

describe("reading Settings and the Roster", () => {
  test("settings are read by label; blanks keep defaults; the host's date order is the fallback", () => {
    const plan = readPlan([settingsGrid({ asOf: AS_OF, greenThreshold: 0.9, amberThreshold: null, rollUp: "average", maxPriorities: 3 })], { dateOrder: "MDY" });
    // The blank Date order stays blank in the settings (a writer keeps it); the plan reads by the host's.
    expect(plan.settings).toMatchObject({ asOf: AS_OF, greenThreshold: 0.9, amberThreshold: 0.85, rollUp: "Average score", maxPriorities: 3, dateOrder: null });
    expect(plan.dateOrder).toBe("MDY");
    expect(plan.readFindings).toEqual([]);
    const explicit = readPlan([settingsGrid({ dateOrder: "DMY" })], { dateOrder: "MDY" });
    expect([explicit.settings.dateOrder, explicit.dateOrder]).toEqual(["DMY", "DMY"]);
    expect(readPlan([]).dateOrder).toBe("DMY");
    expect(readPlan([]).settings.asOf).toBeNull();
  });

  test("unreadable settings fall back to their defaults with a finding", () => {
    const plan = readPlan([settingsGrid({ asOf: "05/03/2026", greenThreshold: 95, amberThreshold: "high", staleDays: 7.5, rollUp: "Best of" })]);
    expect(plan.settings).toMatchObject({ asOf: null, greenThreshold: 0.95, amberThreshold: 0.85, staleDays: 30, rollUp: "Worst of" });
    const byCell = Object.fromEntries(plan.readFindings.map((f) => [f.cell, f]));
    expect(Object.keys(byCell).sort()).toEqual(["B2", "B3", "B4", "B5", "B6"]);
    expect(byCell.B2).toMatchObject({ rule: "date.notADate", repair: { value: d("2026-03-05"), numberFormat: "yyyy-mm-dd" } });
    expect(byCell.B3.message).toBe("Setting 'Green threshold' is 95: it must be a percentage such as 95 %. The check uses 95 % instead.");
    expect(byCell.B3.repair).toMatchObject({ value: 0.95 });
    expect(byCell.B4.message).toBe("Setting 'Amber threshold' is 'high', which cannot be read; the check uses 85 % instead.");
    expect(byCell.B5.message).toBe("Setting 'Stale-update days' is 7.5: it must be a whole number of days from 1 to 3660. The check uses 30 instead.");
    expect(byCell.B6.message).toBe("Setting 'Roll-up method' is 'Best of', which cannot be read; the check uses Worst of instead.");
  });

  test("amber above green is reported and the defaults are used", () => {
    const plan = readPlan([settingsGrid({ greenThreshold: 0.8, amberThreshold: 0.9 })]);
    expect(plan.settings).toMatchObject({ greenThreshold: 0.95, amberThreshold: 0.85 });
    expect(plan.readFindings.map((f) => [f.cell, f.message])).toEqual([
      ["B3", "Setting 'Amber threshold' is 0.9: The Amber threshold must not be above the Green threshold. The check uses the defaults 85 % and 95 % instead."],
    ]);
  });

  test("roster rows without a party or name are kept aside for the rules", () => {
    const rows = [...soundRoster(), { name: "Eve Agency", party: "Agency" }, { name: "", party: "Principal", role: "?" }, { name: "Flo", party: "distributor", active: "maybe" }];
    const roster = readPlan([rosterGrid(rows)]).roster!;
    expect(roster.rows.map((r) => r.name)).toEqual(["Ana Silva", "Bruno Costa", "Carla Ruiz", "Dan Old", "Flo"]);
    expect(roster.rows[4]).toMatchObject({ party: "Distributor", active: true });
    expect(roster.incomplete?.map((r) => [r.name, r.source.row])).toEqual([
      ["Eve Agency", 5],
      ["", 6],
    ]);
  });
});

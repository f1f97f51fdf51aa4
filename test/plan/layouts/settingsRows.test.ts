import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../../src/plan/model";
import {
  objectiveIdsName,
  settingsFromRows,
  settingsListPlacements,
  settingsNames,
  settingsToRows,
  SETTINGS_ROWS,
} from "../../../src/plan/layouts/settingsRows";
import { formulaProblems } from "../../../src/plan/expr";

describe("Settings rows and names", () => {
  it("has one row per setting, with a unique JP_ name, a format and a meaning", () => {
    expect(SETTINGS_ROWS.map((r) => r.key).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(new Set(SETTINGS_ROWS.map((r) => r.name)).size).toBe(SETTINGS_ROWS.length);
    for (const r of SETTINGS_ROWS) {
      expect(r.name).toMatch(/^JP_[A-Za-z]+$/);
      expect(r.numberFormat.length).toBeGreaterThan(0);
      expect(r.meaning.length).toBeGreaterThan(10);
    }
    expect(SETTING_NAMES.asOf).toBe("JP_AsOf");
    expect(SETTINGS_ROWS.find((r) => r.key === "rollUp")?.validation).toEqual({ type: "list", source: "=JP_RollUpMethods", allowBlank: false, alert: "stop" });
  });

  it("names each value cell; a blank or non-date as-of is today", () => {
    const names = settingsNames("Settings", 1);
    expect(names[0]).toEqual({ name: "JP_AsOf", formula: "=IF(ISNUMBER(Settings!$B$2),Settings!$B$2,TODAY())", comment: "As-of date" });
    expect(names.find((n) => n.name === "JP_Green")?.formula).toBe("=Settings!$B$3");
    expect(names.find((n) => n.name === "JP_RollUp")?.formula).toBe(`=Settings!$B$${2 + SETTINGS_ROWS.findIndex((r) => r.key === "rollUp")}`);
    for (const n of names) expect(formulaProblems(n.formula)).toEqual([]);
  });

  it("places the lists right of the table and names them", () => {
    const lists = settingsListPlacements("My Settings");
    expect(lists[0]).toMatchObject({ name: "JP_Statuses", col: 4, address: "$E$2:$E$6", formula: "='My Settings'!$E$2:$E$6" });
    const names = settingsNames("My Settings", 1).map((n) => n.name);
    for (const l of lists) expect(names).toContain(l.name);
    expect(objectiveIdsName("JP_Objectives", "ID")).toMatchObject({ name: "JP_ObjectiveIds", formula: "=JP_Objectives[ID]" });
  });

  it("round-trips settings through rows", () => {
    const s = { ...DEFAULT_SETTINGS, asOf: 46099, greenThreshold: 0.9, rollUp: "Average score" as const };
    const rows = settingsToRows(s);
    expect(rows[0]).toMatchObject({ setting: "As-of date", value: 46099 });
    expect(settingsFromRows(rows)).toEqual({ settings: s, invalid: [] });
  });

  it("keeps defaults for values that do not parse, and for pairs that conflict", () => {
    const got = settingsFromRows([
      { setting: "green threshold", value: "high" },
      { setting: "JP_StaleDays", value: 10 },
      { setting: "Pace tolerance Amber", value: 0.5 },
      { setting: "Roll-up method", value: "Average score" },
      { setting: "Unknown", value: 1 },
    ]);
    expect(got.settings).toMatchObject({ greenThreshold: 0.95, staleDays: 10, paceAmber: 0.1, rollUp: "Average score" });
    expect(got.invalid.sort()).toEqual(["greenThreshold", "paceAmber"]);
  });
});

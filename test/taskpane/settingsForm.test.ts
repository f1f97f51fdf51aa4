import { SettingsText, settingsToForm } from "../../src/taskpane/settings/settingsForm";
import { fieldErrors } from "../../src/taskpane/shared/useZodForm";
import { DEFAULT_SETTINGS } from "../../src/plan/model";

describe("settings form", () => {
  it("shows fractions as percentages and points, and a blank as-of date as today", () => {
    expect(settingsToForm(DEFAULT_SETTINGS)).toEqual({
      greenThreshold: "95",
      amberThreshold: "85",
      paceAmber: "10",
      paceRed: "20",
      asOf: "",
      dueSoonDays: "7",
      staleDays: "30",
      maxPriorities: "5",
      rollUp: "Worst of",
      dateOrder: "",
    });
  });

  it("round-trips the defaults and parses typed values back into fractions and serials", () => {
    expect(SettingsText.parse(settingsToForm(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
    const typed = { ...settingsToForm(DEFAULT_SETTINGS), greenThreshold: "90 %", amberThreshold: "72,5", asOf: "2026-03-18", rollUp: "Average score" };
    expect(SettingsText.parse(typed)).toEqual({ ...DEFAULT_SETTINGS, greenThreshold: 0.9, amberThreshold: 0.725, asOf: 46099, rollUp: "Average score" });
    expect(SettingsText.parse({ ...typed, dateOrder: "MDY" }).dateOrder).toBe("MDY");
    expect(fieldErrors(SettingsText, { ...typed, dateOrder: "YMD" })).toEqual({ dateOrder: "Choose a date order." });
  });

  it("gives plain messages per field, including the core's cross-field rules", () => {
    const base = settingsToForm(DEFAULT_SETTINGS);
    expect(fieldErrors(SettingsText, { ...base, greenThreshold: "lots", staleDays: "0", maxPriorities: "2.5", asOf: "2026-02-30" })).toEqual({
      greenThreshold: "Enter the Green threshold (%) as a number.",
      staleDays: "Enter the stale-update days from 1 to 3660.",
      maxPriorities: "Enter the most priorities as a whole number.",
      asOf: "Enter a date, or leave it blank to use today.",
    });
    expect(fieldErrors(SettingsText, { ...base, amberThreshold: "97" })).toEqual({ amberThreshold: "The Amber threshold must not be above the Green threshold" });
    expect(fieldErrors(SettingsText, { ...base, paceAmber: "30" })).toEqual({ paceAmber: "The Amber pace tolerance must not be above the Red one" });
  });
});

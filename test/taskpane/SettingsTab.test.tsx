import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as api from "../../src/excel/commandApi";
import { SettingsTab } from "../../src/taskpane/settings/SettingsTab";
import { DEFAULT_SETTINGS } from "../../src/plan/model";
import { descriptionOf, type } from "./dom";

jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock());
const mocked = jest.mocked(api);

async function renderSettings(onChanged = jest.fn()) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SettingsTab onChanged={onChanged} />
      </FluentProvider>,
    );
  });
  return onChanged;
}
const box = (name: RegExp) => screen.getByRole("textbox", { name }) as HTMLInputElement;

beforeEach(() => jest.clearAllMocks());

describe("Settings tab", () => {
  it("shows the workbook's settings, thresholds as percentages", async () => {
    mocked.readSettings.mockResolvedValueOnce({ ...DEFAULT_SETTINGS, greenThreshold: 0.9, staleDays: 21, asOf: 46099, rollUp: "Average score" });
    await renderSettings();
    expect(box(/^Green at or above/).value).toBe("90");
    expect(box(/^Stale after/).value).toBe("21");
    expect((screen.getByLabelText(/^As-of date/) as HTMLInputElement).value).toBe("2026-03-18");
    expect((screen.getByRole("combobox", { name: /^Roll-up method/ }) as HTMLSelectElement).value).toBe("Average score");
  });

  it("validates as the user types, with the message beside the field, and does not save a bad form", async () => {
    await renderSettings();
    type(box(/^Amber at or above/), "97");
    expect(descriptionOf(box(/^Amber at or above/))).toMatch("The Amber threshold must not be above the Green threshold");
    type(box(/^Most priorities/), "0");
    expect(descriptionOf(box(/^Most priorities/))).toMatch("Enter the most priorities from 1 to 20.");
    type(box(/^Due soon within/), "a week");
    expect(descriptionOf(box(/^Due soon within/))).toBe("Enter the due-soon days as a number.");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save settings" })));
    expect(mocked.writeSettings).not.toHaveBeenCalled();
  });

  it("writes fractions and a serial as-of date to the Settings sheet, then refreshes", async () => {
    const onChanged = await renderSettings();
    type(box(/^Green at or above/), "92.5");
    type(box(/^Red when behind by/), "25");
    fireEvent.change(screen.getByLabelText(/^As-of date/), { target: { value: "2026-03-31" } });
    fireEvent.change(screen.getByRole("combobox", { name: /^Dates typed as text/ }), { target: { value: "MDY" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save settings" })));
    expect(mocked.writeSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, greenThreshold: 0.925, paceRed: 0.25, asOf: 46112, dateOrder: "MDY" });
    expect(screen.getByText("Settings saved.")).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });

  it("offers the blank Date order, from the workbook's language, and saves it as blank", async () => {
    mocked.readSettings.mockResolvedValueOnce({ ...DEFAULT_SETTINGS, dateOrder: "MDY" });
    await renderSettings();
    const order = screen.getByRole("combobox", { name: /^Dates typed as text/ }) as HTMLSelectElement;
    expect(order.value).toBe("MDY");
    expect([...order.options].map((o) => [o.value, o.text])).toEqual([
      ["", "From the workbook's language"],
      ["DMY", "Day first (31/12/2026)"],
      ["MDY", "Month first (12/31/2026)"],
    ]);
    fireEvent.change(order, { target: { value: "" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save settings" })));
    expect(mocked.writeSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, dateOrder: null });
  });

  it("says plainly when the settings cannot be read, and shows the defaults", async () => {
    mocked.readSettings.mockRejectedValueOnce(new Error("The Settings sheet is protected."));
    await renderSettings();
    expect(screen.getByText("The settings could not be read: The Settings sheet is protected. The defaults are shown.")).toBeTruthy();
    expect(box(/^Green at or above/).value).toBe("95");
    expect((screen.getByRole("combobox", { name: /^Dates typed as text/ }) as HTMLSelectElement).value).toBe("");
  });
});

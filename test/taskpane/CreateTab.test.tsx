import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as api from "../../src/excel/commandApi";
import { CreateTab } from "../../src/taskpane/create/CreateTab";
import { descriptionOf, type } from "./dom";

jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock());
const mocked = jest.mocked(api);

async function renderCreate(onChanged = jest.fn()) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <CreateTab onChanged={onChanged} />
      </FluentProvider>,
    );
  });
  return onChanged;
}

const openSection = (name: RegExp) => fireEvent.click(screen.getByRole("button", { name }));

beforeEach(() => jest.clearAllMocks());

describe("Create: JBP form", () => {
  it("shows a message beside a field as the user types, and none on untouched fields", async () => {
    await renderCreate();
    const year = screen.getByRole("textbox", { name: /^Year/ });
    const principal = screen.getByRole("textbox", { name: /^Principal/ });
    expect(descriptionOf(principal)).not.toMatch(/Enter the principal/);
    type(year, "26");
    expect(descriptionOf(year)).toBe("Enter the year as four digits, for example 2026.");
    expect(year.getAttribute("aria-invalid")).toBe("true");
    type(year, "2027");
    expect(descriptionOf(year)).toBe("");
    expect(descriptionOf(principal)).not.toMatch(/Enter the principal/);
  });

  it("on submit with missing fields, names each and does not call Excel", async () => {
    await renderCreate();
    fireEvent.click(screen.getByRole("button", { name: "Insert JBP" }));
    expect(descriptionOf(screen.getByRole("textbox", { name: /^Principal/ }))).toMatch("Enter the principal (your company).");
    expect(descriptionOf(screen.getByRole("textbox", { name: /^Distributor/ }))).toBe("Enter the distributor's name.");
    expect(mocked.insertJbpTemplate).not.toHaveBeenCalled();
  });

  it("inserts a JBP with the typed values and reports the Excel layer's message", async () => {
    const onChanged = await renderCreate();
    type(screen.getByRole("textbox", { name: /^Principal/ }), " Northwind ");
    type(screen.getByRole("textbox", { name: /^Distributor/ }), "Andes");
    type(screen.getByRole("textbox", { name: /^Market/ }), "Peru");
    type(screen.getByRole("textbox", { name: /^Year/ }), "2026");
    fireEvent.click(screen.getByRole("button", { name: "Insert JBP" }));
    await screen.findByText("Inserted JBP.");
    expect(mocked.insertJbpTemplate).toHaveBeenCalledWith({ principal: "Northwind", distributor: "Andes", market: "Peru", year: 2026 });
    expect(onChanged).toHaveBeenCalled();
  });

  it("shows the Excel layer's error message as a failure and keeps what was typed", async () => {
    mocked.insertJbpTemplate.mockRejectedValueOnce(new Error("A sheet named JBP Andes 2026 exists. Rename it or choose another year."));
    await renderCreate();
    type(screen.getByRole("textbox", { name: /^Principal/ }), "Northwind");
    type(screen.getByRole("textbox", { name: /^Distributor/ }), "Andes");
    fireEvent.click(screen.getByRole("button", { name: "Insert JBP" }));
    await screen.findByText(/A sheet named JBP Andes 2026 exists/);
    expect((screen.getByRole("textbox", { name: /^Distributor/ }) as HTMLInputElement).value).toBe("Andes");
  });
});

describe("Create: JAP form", () => {
  it("links the workbook's JBP, fills its distributor, and inserts the JAP for the month", async () => {
    mocked.listPlanSheets.mockResolvedValue({ jbps: [{ sheet: "JBP Andes 2026", distributor: "Andes", year: 2026 }], japs: [] });
    await renderCreate();
    openSection(/Joint Action Plan/);
    const linked = (await screen.findByRole("combobox", { name: /Linked JBP/ })) as HTMLSelectElement;
    await waitFor(() => expect(linked.value).toBe("JBP Andes 2026"));
    expect((screen.getAllByRole("textbox", { name: /^Distributor/ })[1] as HTMLInputElement).value).toBe("Andes");
    const month = screen.getByLabelText(/^Month/);
    // Browsers give an <input type="month"> value only when it is a whole month; a cleared one is "".
    type(month, "");
    expect(descriptionOf(month)).toMatch("Choose the plan's month.");
    type(month, "2026-04");
    fireEvent.click(screen.getByRole("button", { name: "Insert JAP" }));
    await screen.findByText("Inserted JAP.");
    expect(mocked.insertJapTemplate).toHaveBeenCalledWith({ distributor: "Andes", month: "2026-04", jbpSheet: "JBP Andes 2026" });
  });
});

describe("Create: JAP for a month that has one", () => {
  it("says so and offers to open it", async () => {
    const refusal = Object.assign(new Error("'JAP 2026-04' is already Andes's JAP for 2026-04. Open it instead; nothing was changed."), { name: "JointPlanError", code: "exists", sheet: "JAP 2026-04" });
    mocked.insertJapTemplate.mockRejectedValueOnce(refusal);
    await renderCreate();
    openSection(/Joint Action Plan/);
    type(screen.getAllByRole("textbox", { name: /^Distributor/ })[1], "Andes");
    type(screen.getByLabelText(/^Month/), "2026-04");
    fireEvent.click(screen.getByRole("button", { name: "Insert JAP" }));
    await screen.findByText(/is already Andes's JAP for 2026-04/);
    fireEvent.click(screen.getByRole("button", { name: "Open 'JAP 2026-04'" }));
    expect(mocked.goToCell).toHaveBeenCalledWith("JAP 2026-04", "A1");
  });
});

describe("Create: roster", () => {
  it("lists a message per bad pasted line, adds the good ones, and keeps the bad lines to fix", async () => {
    await renderCreate();
    openSection(/Roster/);
    const box = screen.getByRole("textbox", { name: /People, one per line/ });
    type(box, "Ana Silva, Principal\nMarta Diaz\nLuis Rojas\tDistributor\nPedro, Partner");
    const problems = screen.getByRole("list", { name: "Lines that cannot be added" });
    expect(problems.textContent).toContain(`Line 2: 'Marta Diaz' has no party.`);
    expect(problems.textContent).toContain("Line 4: 'Partner' is not a party. Use Principal or Distributor.");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add 2 people" })));
    expect(mocked.addRosterEntries).toHaveBeenCalledWith([
      { name: "Ana Silva", party: "Principal", role: "", email: "", active: true },
      { name: "Luis Rojas", party: "Distributor", role: "", email: "", active: true },
    ]);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe("Marta Diaz\nPedro, Partner"));
  });

  it("keeps lines the roster refused and says why", async () => {
    mocked.addRosterEntries.mockResolvedValueOnce({ message: "Added 1 person.", added: 1, skipped: [{ name: "Ana Silva", reason: "already on the roster." }] });
    await renderCreate();
    openSection(/Roster/);
    const box = screen.getByRole("textbox", { name: /People, one per line/ });
    type(box, "Ana Silva, Principal\nLuis Rojas, Distributor");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add 2 people" })));
    await screen.findByText("Added 1 person. Ana Silva: already on the roster.");
    expect((box as HTMLTextAreaElement).value).toBe("Ana Silva, Principal");
  });

  it("adds one person from the single-person form, validated as typed", async () => {
    await renderCreate();
    openSection(/Roster/);
    fireEvent.click(screen.getByRole("button", { name: "Add to roster" }));
    expect(descriptionOf(screen.getByRole("combobox", { name: /^Party/ }))).toBe("Choose Principal or Distributor.");
    expect(mocked.addRosterEntries).not.toHaveBeenCalled();
    type(screen.getByRole("textbox", { name: /^Name/ }), "Ana Silva");
    fireEvent.change(screen.getByRole("combobox", { name: /^Party/ }), { target: { value: "Principal" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add to roster" })));
    expect(mocked.addRosterEntries).toHaveBeenCalledWith([{ name: "Ana Silva", party: "Principal", role: "", email: "", active: true }]);
  });
});

describe("Create: sample plan", () => {
  it("inserts the sample plan and refreshes", async () => {
    const onChanged = await renderCreate();
    openSection(/Sample plan/);
    fireEvent.click(screen.getByRole("button", { name: "Insert the sample plan" }));
    await screen.findByText("Inserted the sample plan.");
    expect(mocked.insertSamplePlan).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalled();
  });
});

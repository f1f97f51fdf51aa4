import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as api from "../../src/excel/commandApi";
import { CheckTab } from "../../src/taskpane/check/CheckTab";
import { usePlanState } from "../../src/taskpane/shared/usePlanState";
import type { Finding, Repair } from "../../src/plan/model";
import { finding, overview } from "./commandApiMock";

jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock());
const mocked = jest.mocked(api);

function Harness(): React.JSX.Element {
  const plan = usePlanState(true);
  return <CheckTab plan={plan} />;
}

async function renderCheck() {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness />
      </FluentProvider>,
    );
  });
}

const useAna = (cell: string): Repair => ({ sheet: "JAP", cell, value: "Ana Silva", label: "Use 'Ana Silva'" });
const FINDINGS: Finding[] = [
  finding({ rule: "kpi.targetMissing", severity: "warning", sheet: "JAP", cell: "O12", row: 11, message: "The KPI has no target." }),
  finding({ rule: "owner.notOnRoster", severity: "warning", sheet: "JAP", cell: "F5", row: 4, message: "Owner 'Lu' is not on the roster.", repair: useAna("F5") }),
  finding({ rule: "date.textDate", severity: "error", sheet: "JAP", cell: "G9", row: 8, message: "Start is text, not a date.", repair: { sheet: "JAP", cell: "G9", value: 46090, label: "Make this a date", numberFormat: "yyyy-mm-dd" } }),
  finding({ rule: "structure.duplicateId", severity: "error", sheet: "JBP", cell: "A12", row: 11, message: "ID O-3 is used twice." }),
  finding({ rule: "owner.notOnRoster", severity: "error", sheet: "JAP", cell: "F7", row: 6, message: "Owner 'Ana Silvaa' is not on the roster.", repair: useAna("F7") }),
];

beforeEach(() => {
  jest.clearAllMocks();
  mocked.checkPlan.mockImplementation(async (options?: { onProgress?: (done: number, total: number) => void }) => {
    options?.onProgress?.(500, 2000);
    return { message: "3 errors and 2 warnings.", errors: 3, warnings: 2, findings: FINDINGS, overview: overview() };
  });
});

async function runCheck() {
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Check plan" })));
  await screen.findByText("3 errors and 2 warnings.");
}

describe("Check tab", () => {
  it("groups findings by sheet, then family (owner, date, kpi, structure), errors first", async () => {
    await renderCheck();
    await runCheck();
    const sheets = screen.getAllByTestId("sheet-group");
    expect(sheets.map((s) => within(s).getByRole("heading", { level: 2 }).textContent)).toEqual(["JAP · 2 errors, 2 warnings", "JBP · 1 error"]);
    const families = within(sheets[0]).getAllByTestId("family-group");
    expect(families.map((f) => f.dataset.family)).toEqual(["owner", "date", "kpi"]);
    const ownerItems = within(families[0]).getAllByTestId("finding");
    expect(ownerItems.map((i) => [i.dataset.severity, within(i).getByText(/not on the roster/).textContent])).toEqual([
      ["error", "Owner 'Ana Silvaa' is not on the roster."],
      ["warning", "Owner 'Lu' is not on the roster."],
    ]);
  });

  it("shows progress as the Excel layer reports it, while the check runs", async () => {
    let finish: () => void = () => undefined;
    let allChecked: () => void = () => undefined;
    mocked.checkPlan.mockImplementationOnce(
      (options?: { onProgress?: (done: number, total: number) => void }) =>
        new Promise((resolve) => {
          options?.onProgress?.(1200, 4800);
          allChecked = () => options?.onProgress?.(4800, 4800);
          finish = () => {
            resolve({ message: "Done.", errors: 0, warnings: 0, findings: [], overview: overview() });
          };
        }),
    );
    await renderCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Check plan" })));
    expect(screen.getByText("1200 of 4800 rows checked")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.25");
    // Every row checked, the findings not yet written: the text says what is still going on.
    await act(async () => allChecked());
    expect(screen.getByText("4800 rows checked; marking the findings in the workbook…")).toBeTruthy();
    await act(async () => finish());
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("No problems found: every owner, date and KPI checks out.")).toBeTruthy();
  });

  it("a repair button, labelled with the repair's label, applies exactly that repair and re-checks", async () => {
    await renderCheck();
    await runCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Make this a date in JAP!G9" })));
    expect(mocked.applyRepairs).toHaveBeenCalledWith([{ sheet: "JAP", cell: "G9", value: 46090, label: "Make this a date", numberFormat: "yyyy-mm-dd" }]);
    expect(screen.getByRole("button", { name: "Make this a date in JAP!G9" }).textContent).toBe("Make this a date");
    expect(mocked.checkPlan).toHaveBeenCalledTimes(2);
    expect(screen.getByText("Repaired 1.")).toBeTruthy();
  });

  it("'Repair all of this kind' applies every repair of that rule on the sheet", async () => {
    await renderCheck();
    await runCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Repair all 2 of this kind: Not on roster, on JAP/ })));
    expect(mocked.applyRepairs).toHaveBeenCalledWith([useAna("F7"), useAna("F5")]);
  });

  it("says which repairs were skipped and why", async () => {
    mocked.applyRepairs.mockResolvedValueOnce({ message: "Repaired 0 of 1.", applied: 0, skipped: [{ repair: useAna("F7"), reason: "the cell changed since the check; run it again." }] });
    await renderCheck();
    await runCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Use 'Ana Silva' in JAP!F7" })));
    expect(screen.getByText("Repaired 0 of 1. JAP!F7: the cell changed since the check; run it again.")).toBeTruthy();
    expect(mocked.checkPlan).toHaveBeenCalledTimes(1);
  });

  it("'Go to cell' selects the finding's cell", async () => {
    await renderCheck();
    await runCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Go to cell JBP!A12" })));
    expect(mocked.goToCell).toHaveBeenCalledWith("JBP", "A12");
  });

  it("a failed check shows the Excel layer's message as an error", async () => {
    mocked.checkPlan.mockRejectedValueOnce(new Error("The JAP sheet has no Owner column. Insert a JAP template or restore the header."));
    await renderCheck();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Check plan" })));
    expect(screen.getByText(/no Owner column/)).toBeTruthy();
  });

  it("shows findings from a live re-check without pressing the button", async () => {
    let live: (r: { findings: Finding[]; overview: ReturnType<typeof overview> }) => void = () => undefined;
    mocked.startLiveCheck.mockImplementationOnce(async (cb: typeof live) => {
      live = cb;
      return async () => undefined;
    });
    await renderCheck();
    await act(async () => live({ findings: [FINDINGS[3]], overview: overview() }));
    expect(screen.getByText("ID O-3 is used twice.")).toBeTruthy();
  });

  describe("repairs that ask first (issue 15, item 10)", () => {
    const addLu: Repair = { sheet: "JAP", cell: "F5", value: "Lu", label: "Add 'Lu' to the Roster as Distributor", addToRoster: { name: "Lu", party: "Distributor" }, was: "Lu" };
    const chooseObjective: Repair = { sheet: "JAP", cell: "B9", value: null, label: "Choose an objective", choices: [{ value: "O-1", label: "O-1: Grow sell-out" }, { value: "O-2", label: "O-2: Cut out-of-stocks" }], was: "O-9" };
    const ASKING: Finding[] = [
      finding({ rule: "owner.notOnRoster", severity: "error", sheet: "JAP", cell: "F5", row: 4, message: "Owner 'Lu' is not on the Roster. Did you mean 'Lui'?", repair: { sheet: "JAP", cell: "F5", value: "Lui", label: "Use 'Lui'" }, alternative: addLu }),
      finding({ rule: "owner.notOnRoster", severity: "error", sheet: "JAP", cell: "F6", row: 5, message: "Owner 'Zoe' is not on the Roster.", repair: { ...addLu, cell: "F6", value: "Zoe", label: "Add 'Zoe' to the Roster as Principal", addToRoster: { name: "Zoe", party: "Principal" } } }),
      finding({ rule: "structure.unknownObjective", severity: "error", sheet: "JAP", cell: "B9", row: 8, message: "JBP objective 'O-9' is not an objective ID of the JBP.", repair: chooseObjective }),
      finding({ rule: "structure.unknownObjective", severity: "error", sheet: "JAP", cell: "B10", row: 9, message: "JBP objective 'O-8' is not an objective ID of the JBP.", repair: { ...chooseObjective, cell: "B10" } }),
    ];
    beforeEach(() => mocked.checkPlan.mockResolvedValue({ message: "3 errors and 2 warnings.", errors: 4, warnings: 0, findings: ASKING, overview: overview() }));

    it("offers Add to Roster beside the did-you-mean, and applies just that repair", async () => {
      await renderCheck();
      await runCheck();
      const item = screen.getAllByTestId("finding").find((i) => i.textContent?.includes("Owner 'Lu'"))!;
      expect(within(item).getAllByRole("button").map((b) => b.textContent)).toEqual(["Go to cell", "Use 'Lui'", "Add 'Lu' to the Roster as Distributor"]);
      await act(async () => fireEvent.click(within(item).getByRole("button", { name: "Add 'Lu' to the Roster as Distributor in JAP!F5" })));
      expect(mocked.applyRepairs).toHaveBeenCalledWith([addLu]);
      expect(mocked.checkPlan).toHaveBeenCalledTimes(2);
    });

    it("Choose an objective: a list of the JBP's objectives, Use enabled once one is chosen, and the chosen value sent", async () => {
      await renderCheck();
      await runCheck();
      const item = screen.getAllByTestId("finding").find((i) => i.textContent?.includes("'O-9'"))!;
      const picker = within(item).getByRole("combobox", { name: "Choose an objective for JAP!B9" }) as HTMLSelectElement;
      expect([...picker.options].map((o) => o.textContent)).toEqual(["Choose an objective…", "O-1: Grow sell-out", "O-2: Cut out-of-stocks"]);
      const use = within(item).getByRole("button", { name: "Use the chosen value in JAP!B9" }) as HTMLButtonElement;
      expect(use.disabled).toBe(true);
      await act(async () => fireEvent.change(picker, { target: { value: "O-2" } }));
      await act(async () => fireEvent.click(within(item).getByRole("button", { name: "Use 'O-2' in JAP!B9" })));
      expect(mocked.applyRepairs).toHaveBeenCalledWith([{ ...chooseObjective, value: "O-2" }]);
    });

    it("neither goes into 'Repair all of this kind'", async () => {
      await renderCheck();
      await runCheck();
      expect(screen.queryAllByRole("button", { name: /Repair all/ })).toEqual([]);
    });
  });
});

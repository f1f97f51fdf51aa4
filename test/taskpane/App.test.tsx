import * as React from "react";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import * as api from "../../src/excel/commandApi";
import { App } from "../../src/taskpane/App";
import type { Finding } from "../../src/plan/model";
import { actionRef, overview } from "./commandApiMock";

jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock());
const mocked = jest.mocked(api);

beforeEach(() => jest.clearAllMocks());
afterEach(() => jest.mocked(api.getOverview).mockReset().mockResolvedValue(overview()));

async function renderApp(mode: "excel" | "preview" | "outside") {
  await act(async () => {
    render(<App mode={mode} />);
  });
}

describe("App", () => {
  it("outside Office, says so plainly and calls nothing in Excel", async () => {
    await renderApp("outside");
    expect(screen.getByText("Open JointPlan in Excel")).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(mocked.getOverview).not.toHaveBeenCalled();
    expect(mocked.startLiveCheck).not.toHaveBeenCalled();
  });

  it("in the preview, says it runs on a sample workbook", async () => {
    await renderApp("preview");
    expect(screen.getByText(/runs on a sample workbook/)).toBeTruthy();
  });

  it("has five tabs, each with its panel (arrow keys are tested in the browser, test/e2e)", async () => {
    await renderApp("excel");
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toEqual(["Overview", "Create", "Check", "Review", "Settings"].map((name) => screen.getByRole("tab", { name })));
    await act(async () => fireEvent.click(tabs[2]));
    expect(screen.getByRole("tabpanel", { name: "Check" }).hidden).toBe(false);
    await screen.findByRole("button", { name: "Check plan" }, { timeout: 10000 });
    expect(document.getElementById("panel-overview")?.hidden).toBe(true);
  });
});

describe("Overview", () => {
  it("shows the plan's RAG and reason, the counts and % complete", async () => {
    await renderApp("excel");
    expect(within(screen.getByTestId("plan-rag")).getByText("Amber")).toBeTruthy();
    expect(screen.getByText("3 of 16 actions are Amber")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Actions by RAG: 2 Red, 3 Amber, 10 Green, 1 Grey" })).toBeTruthy();
    expect(screen.getByTestId("pct-complete").textContent).toBe("42 % complete on average");
    expect(screen.getByText("As of 18 Mar 2026")).toBeTruthy();
  });

  it("an overdue row selects its cell", async () => {
    await renderApp("excel");
    const row = screen.getAllByRole("button", { name: /^Go to cell: Red A-01 · Launch the summer promotion\s*, Ana Silva · due 9 Mar 2026 · JAP!D7\s*: Due 2026-03-09 and not done$/ })[0];
    expect(row.dataset.kind).toBe("overdue");
    await act(async () => fireEvent.click(row));
    expect(mocked.goToCell).toHaveBeenCalledWith("JAP", "D7");
  });

  it("refreshes after a live re-check", async () => {
    let live: (r: { findings: Finding[]; overview: ReturnType<typeof overview> }) => void = () => undefined;
    mocked.startLiveCheck.mockImplementationOnce(async (cb: typeof live) => {
      live = cb;
      return async () => undefined;
    });
    await renderApp("excel");
    await act(async () => live({ findings: [], overview: overview({ plan: { rag: "Red", reason: "2 actions are overdue" }, overdue: [actionRef(), actionRef({ cell: "D9", id: "A-03" })] }) }));
    expect(screen.getByText("2 actions are overdue")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Overdue (2)" })).toBeTruthy();
  });

  it("refreshes after a command from another tab", async () => {
    await renderApp("excel");
    mocked.getOverview.mockResolvedValueOnce(overview({ plan: { rag: "Green", reason: "Every action is on track" } }));
    fireEvent.click(screen.getByRole("tab", { name: "Create" }));
    // The Create tab's code loads on first use.
    // Lazy chunks load slowly on a busy machine: wait as long as the test may take.
    fireEvent.click(await screen.findByRole("button", { name: /Sample plan/ }, { timeout: 10000 }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert the sample plan" })));
    expect(mocked.getOverview).toHaveBeenCalledTimes(2);
    expect(screen.getByText("Every action is on track", { selector: "*" })).toBeTruthy();
  });

  it("builds the RAG Summary sheet, says what it did, and refreshes", async () => {
    await renderApp("excel");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Build the RAG Summary" })));
    expect(mocked.buildSummary).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Built.")).toBeTruthy();
    expect(mocked.getOverview).toHaveBeenCalledTimes(2);
  });

  it("with no plan yet, leads to the Create tab", async () => {
    mocked.getOverview.mockResolvedValueOnce(overview({ hasPlan: false }));
    await renderApp("excel");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Create a plan" })));
    expect(screen.getByRole("tab", { name: "Create" }).getAttribute("aria-selected")).toBe("true");
  });

  it("stops the live re-check when the pane goes away", async () => {
    const stop = jest.fn(async () => undefined);
    mocked.startLiveCheck.mockResolvedValueOnce(stop);
    await renderApp("excel");
    await act(async () => cleanup());
    expect(stop).toHaveBeenCalled();
  });
});

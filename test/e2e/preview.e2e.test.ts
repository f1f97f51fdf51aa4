/**
 * The preview page in headless Chromium: the real task pane bundle against the simulated workbook,
 * used the way a planner would (insert a JAP, check, repair, see the overview change).
 */
import { openPreview, overviewFigures, type OpenPage } from "./support/page";

let o: OpenPage;
beforeEach(async () => {
  o = await openPreview();
});
afterEach(async () => {
  await o?.browser.close();
});

describe("preview page", () => {
  it("shows the banner, the sample workbook's sheets and the task pane's overview, with no network call", async () => {
    const { page, pane } = o;
    expect((await page.getByTestId("preview-banner").innerText()).replace(/\s+/g, " ").trim()).toBe(
      "Preview: the real task pane against a simulated workbook, pre-filled with a sample distributor's plan. The workbook calculates no formulas: formula cells (marked in green) show the values the JointPlan engine computes, as Excel would.",
    );
    const sheets = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts();
    expect(sheets).toEqual(expect.arrayContaining(["Roster", "Settings"]));
    expect(sheets.some((s) => s.startsWith("JBP"))).toBe(true);
    expect(sheets.some((s) => s.startsWith("JAP"))).toBe(true);
    expect(await pane.getByText("runs on a sample workbook", { exact: false }).count()).toBe(1);
    expect(await overviewFigures(pane)).toMatch(/^Actions by RAG: \d+ Red, \d+ Amber, \d+ Green, \d+ Grey \| (Red|Amber|Green|Grey) \S/);
    expect(o.problems).toEqual([]);
  });

  it("shows what the formulas compute: the RAG column and, once built, the RAG Summary, with the engine's values", async () => {
    const { page, pane } = o;
    const counts = /^Actions by RAG: (\d+) Red, (\d+) Amber, (\d+) Green, (\d+) Grey/.exec(await overviewFigures(pane))!.slice(1).map(Number);
    const tabs = page.getByRole("tablist", { name: "Sheets" });
    const jap = (await tabs.getByRole("tab").allInnerTexts()).find((t) => t.startsWith("JAP"))!;
    await tabs.getByRole("tab", { name: jap }).click();
    // The JAP's RAG column: each formula cell shows the engine's colour, marked as computed.
    const grid = page.getByRole("grid", { name: `Sheet ${jap}` });
    const ragColumn = await page.evaluate((sheet) => {
      const sim = (window as unknown as { jointplanSim: { snapshot(s: string): Record<string, { value: unknown; formula: string | null }> } }).jointplanSim;
      const cells = sim.snapshot(sheet);
      const header = Object.entries(cells).find(([, c]) => c.value === "RAG")![0];
      return header.replace(/\d+$/, "");
    }, jap);
    const rags = await grid.locator(`[data-computed="engine"][data-address^="${ragColumn}"]`).evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.trim()).filter((t) => t !== ""));
    expect(rags.length).toBe(counts.reduce((a, b) => a + b, 0));
    expect(["Red", "Amber", "Green", "Grey"].map((c) => rags.filter((r) => r === c).length)).toEqual(counts);

    // Build the summary: its "All actions" row shows the same counts, computed by the engine.
    await pane.getByRole("button", { name: "Build the RAG Summary" }).click();
    await tabs.getByRole("tab", { name: "RAG Summary" }).waitFor();
    await tabs.getByRole("tab", { name: "RAG Summary" }).click();
    const summary = page.getByRole("grid", { name: "Sheet RAG Summary" });
    const row = await summary.locator("td", { hasText: /^All actions$/ }).first().evaluate((td) => td.parentElement!.getAttribute("data-row") ?? (td as HTMLElement).dataset.address!.replace(/^[A-Z]+/, ""));
    const figures = await Promise.all(["B", "C", "D", "E"].map((col) => summary.locator(`[data-address="${col}${row}"]`).innerText()));
    expect(figures.map(Number)).toEqual(counts);
    expect(await summary.locator(`[data-address="B${row}"]`).getAttribute("data-computed")).toBe("engine");
    expect(o.problems).toEqual([]);
  });

  it("a user inserts a JAP, checks the plan, repairs a finding and sees the overview change", async () => {
    const { page, pane } = o;
    const before = await overviewFigures(pane);

    // Insert a JAP for next month, linked to the sample's JBP.
    await pane.getByRole("tab", { name: "Create" }).click();
    await pane.getByRole("button", { name: "Joint Action Plan (JAP)" }).click();
    const jap = pane.getByRole("form", { name: "Insert a Joint Action Plan" });
    expect(await jap.getByRole("combobox", { name: /Linked JBP/ }).inputValue()).toMatch(/^JBP/);
    expect(await jap.getByRole("textbox", { name: /Distributor/ }).inputValue()).not.toBe("");
    const next = new Date();
    next.setMonth(next.getMonth() + 1, 1);
    const month = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, "0")}`;
    await jap.getByLabel(/^Month/).fill(month);
    await jap.getByRole("button", { name: "Insert JAP" }).click();
    await jap.locator(".fui-MessageBar").waitFor();
    expect(await jap.locator(".fui-MessageBar").getAttribute("class")).not.toMatch(/error/i);
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: new RegExp(month) }).waitFor();

    // Check the plan: findings grouped by sheet, errors first in each family.
    await pane.getByRole("tab", { name: "Check" }).click();
    await pane.getByRole("button", { name: "Check plan" }).click();
    await pane.getByTestId("sheet-group").first().waitFor();
    for (const family of await pane.getByTestId("family-group").all()) {
      const severities = await family.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
      expect(severities).toEqual([...severities].sort());
    }

    // Repair the KPI actual typed as text; the cell becomes a number in the workbook.
    const repair = pane.getByRole("button", { name: /^Make this the number .* in (JAP[^!]*)!([A-Z]+\d+)$/ }).first();
    const name = (await repair.getAttribute("aria-label"))!;
    const [, sheet, cell] = /in (.+)!([A-Z]+\d+)$/.exec(name)!;
    await repair.click();
    await pane.getByText(/repair applied/i).waitFor();
    await pane.getByRole("button", { name }).waitFor({ state: "detached" });
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet }).click();
    const gridCell = page.getByRole("grid", { name: `Sheet ${sheet}` }).locator(`[data-address="${cell}"]`);
    expect(await gridCell.evaluate((td) => getComputedStyle(td).textAlign)).toBe("right");
    const state = await page.evaluate(([s, c]) => (window as unknown as { jointplanSim: { cell(s: string, c: string): { valueType: string; note: string | null } } }).jointplanSim.cell(s, c), [sheet, cell]);
    expect(state).toMatchObject({ valueType: "Double", note: null });

    // Repair the % complete imported on a 0-100 scale (90 for 90 %; typed, Excel would have stored 0.9): the average progress now counts it.
    await pane.getByRole("tab", { name: "Check" }).click();
    const pctRepair = pane.getByRole("button", { name: /^Make this 90 % in / }).first();
    const pctName = (await pctRepair.getAttribute("aria-label"))!;
    await pctRepair.click();
    await pane.getByRole("button", { name: pctName }).waitFor({ state: "detached" });

    const after = await overviewFigures(pane);
    expect(after).not.toEqual(before);
  });

  it("builds the RAG Summary sheet into the workbook", async () => {
    const { page, pane } = o;
    await pane.getByRole("button", { name: "Build the RAG Summary" }).click();
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: /RAG Summary/ }).waitFor();
    expect(await pane.locator(".fui-MessageBar").filter({ hasText: /Summary/ }).count()).toBeGreaterThan(0);
    expect(o.problems).toEqual([]);
  });

  it("Go to cell selects the finding's cell in the workbook", async () => {
    const { page, pane } = o;
    await pane.getByRole("tab", { name: "Check" }).click();
    await pane.getByRole("button", { name: "Check plan" }).click();
    const go = pane.getByRole("button", { name: /^Go to cell / }).first();
    const [, sheet, cell] = /^Go to cell (.+)!([A-Z]+\d+)$/.exec((await go.getAttribute("aria-label"))!)!;
    await go.click();
    await page.getByRole("grid", { name: `Sheet ${sheet}` }).locator(`[data-address="${cell}"][aria-selected="true"]`).waitFor();
    expect(await page.getByLabel("Selected cell").innerText()).toBe(`${sheet}!${cell}`);
  });

  it("editing a cell in the workbook re-checks live and the overview follows", async () => {
    const { page, pane } = o;
    const before = await overviewFigures(pane);
    // Mark the first overdue action Done, as a user would in the sheet.
    const overdue = pane.locator('button[data-kind="overdue"]').first();
    const sheet = (await overdue.getAttribute("data-sheet"))!;
    const cell = (await overdue.getAttribute("data-cell"))!;
    const row = cell.replace(/^[A-Z]+/, "");
    const grid = page.getByRole("grid", { name: `Sheet ${sheet}` });
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet }).click();
    const statusCol = await grid.locator("td").filter({ hasText: /^Status$/ }).first().getAttribute("data-address");
    const status = grid.locator(`[data-address="${statusCol!.replace(/\d+$/, row)}"]`);
    await status.dblclick();
    const editor = page.getByRole("textbox", { name: /^Edit / });
    await editor.fill("Done");
    await editor.press("Enter");
    await page.waitForFunction(
      (b) => {
        const chart = document.querySelector('[data-testid="rag-chart"]')?.getAttribute("aria-label");
        return chart && !b.startsWith(chart + " |");
      },
      before,
      { timeout: 15_000 },
    );
    expect(await overviewFigures(pane)).not.toEqual(before);
    expect(await status.innerText()).toBe("Done");
  });

  it("is usable with the keyboard: arrow keys move between tabs, Enter runs the check", async () => {
    const { page, pane } = o;
    await pane.getByRole("tab", { name: "Overview" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await pane.getByRole("tab", { name: "Check" }).getAttribute("aria-selected")).toBe("true");
    await pane.getByRole("button", { name: "Check plan" }).waitFor();
    await page.keyboard.press("Tab");
    // The first focusable control of the Check panel is the Check plan button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check plan");
    await page.keyboard.press("Enter");
    await pane.getByTestId("sheet-group").first().waitFor();
  });
});

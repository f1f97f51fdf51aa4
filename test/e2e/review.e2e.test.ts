/**
 * The monthly cycle in the preview page, headless Chromium: a user records the review with a
 * comment, starts next month, and sees the carried actions, the changes since the last review and
 * the trend, in the task pane and in the simulated workbook.
 */
import { openPreview, type OpenPage } from "./support/page";

let o: OpenPage;
beforeEach(async () => {
  o = await openPreview();
});
afterEach(async () => {
  await o?.browser.close();
});

type Sim = { jointplanSim: { tables(): { name: string; sheet: string; rowCount: number }[]; sheets(): { name: string; tabColor: string | null }[] } };

describe("the review cycle in the preview page", () => {
  it("records a review, starts the next month, shows the carried actions, the changes and the trend", async () => {
    const { page, pane } = o;
    await pane.getByRole("tab", { name: "Review" }).click();
    const jap = pane.getByTestId("review-jap").first();
    await jap.waitFor();
    const oldSheet = (await jap.getByRole("heading").innerText()).trim();
    const before = await jap.getByTestId("review-action").count();
    expect(before).toBeGreaterThan(5);
    expect(await pane.getByTestId("plan-trend").innerText()).toMatch(/No review recorded yet/);

    // Record the review with a comment typed as a formula would be: it stays text.
    const first = jap.getByRole("textbox").first();
    await first.fill("=Talk to the buyer");
    await pane.getByRole("button", { name: "Record review" }).click();
    await pane.getByText(/^Recorded the review of \d{4}-\d{2}-\d{2}: \d+ actions of 1 current JAP in 'Review Log'/).waitFor();
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Review Log" }).waitFor();
    await pane.getByTestId("plan-trend").getByRole("row").nth(1).waitFor();
    expect(await pane.getByTestId("plan-trend").getByRole("row").count()).toBe(2);

    // Start next month: the month is reviewed, so it starts at once.
    await pane.getByRole("button", { name: "Start next month" }).click();
    await pane.getByText(/^Started '.+' .* is now history\./).waitFor();
    expect(await pane.getByTestId("record-first").count()).toBe(0);
    const newJap = pane.getByTestId("review-jap").first();
    await newJap.getByRole("heading", { name: new RegExp(`^(?!${oldSheet.replace(/[()]/g, "\\$&")}$)`) }).waitFor();
    const newSheet = (await newJap.getByRole("heading").innerText()).trim();
    expect(newSheet).not.toBe(oldSheet);
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: newSheet }).waitFor();
    const carried = await newJap.getByTestId("review-action").count();
    expect(carried).toBeGreaterThan(0);
    expect(carried).toBeLessThan(before);
    // Each carried action shows its colour at the review just recorded.
    expect(await newJap.getByTestId("last-colours").count()).toBe(carried);
    // The changes: the Done and Cancelled actions stayed behind in the old month.
    const changes = pane.getByTestId("review-changes").first();
    expect(await changes.innerText()).toMatch(/Since .*then \d+ Red/);
    expect(await changes.getByRole("region", { name: /Dropped/ }).innerText()).toMatch(/\(\d+\)/);
    expect(await pane.getByTestId("plan-trend").getByRole("row").count()).toBe(2);

    // In the workbook: the old JAP is history (grey tab), the new one holds the carried actions.
    const sim = await page.evaluate(() => {
      const s = (window as unknown as Sim).jointplanSim;
      return { tables: s.tables(), sheets: s.sheets() };
    });
    expect(sim.sheets.find((s) => s.name === oldSheet)!.tabColor).toMatch(/^#A6A6A6$/i);
    const names = sim.sheets.map((s) => s.name);
    expect(names.indexOf(newSheet)).toBe(names.indexOf(oldSheet) + 1);
    expect(o.problems).toEqual([]);
  });

  it("opens on the meeting: Go to cell selects the action, Show meeting pack builds and selects the sheet", async () => {
    const { page, pane } = o;
    await pane.getByRole("tab", { name: "Review" }).click();
    const meeting = pane.getByTestId("meeting").first();
    await meeting.waitFor();
    expect(await meeting.getByTestId("meeting-plan-rag").innerText()).toMatch(/^(Red|Amber|Green|Grey)\s*(Red|Amber|Green|Grey): /);
    const first = meeting.getByRole("region", { name: "Red and Amber actions" }).locator("[data-kind=meeting-red-amber]").first();
    const [sheet, cell] = [await first.getAttribute("data-sheet"), await first.getAttribute("data-cell")];
    await first.click();
    const selected = () => page.evaluate(() => (window as unknown as { jointplanSim: { selection(): { sheet: string; address: string } | null } }).jointplanSim.selection());
    await page.waitForFunction(([s, c]) => {
      const sel = (window as unknown as { jointplanSim: { selection(): { sheet: string; address: string } | null } }).jointplanSim.selection();
      return sel !== null && sel.sheet === s && sel.address.replace(/\$/g, "").split(":")[0] === c;
    }, [sheet, cell]);
    expect((await selected())?.sheet).toBe(sheet);

    await pane.getByRole("button", { name: "Show meeting pack" }).click();
    await pane.getByText(/^(Built|Rebuilt) 'Meeting pack'/).waitFor();
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Meeting pack", selected: true }).waitFor();
    expect(o.problems).toEqual([]);
  });
});

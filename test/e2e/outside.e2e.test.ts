/** The real task pane page outside Office: office.js reports host null, so the pane says so plainly. */
import { launchChromium, type Browser } from "./support/browser";
import { baseUrl } from "./support/page";

let browser: Browser;
afterEach(async () => browser?.close());

it("taskpane.html outside Office says to open it in Excel, and fetches nothing from elsewhere", async () => {
  browser = await launchChromium({ width: 320, height: 700 });
  const page = await browser.context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).origin !== new URL(baseUrl()).origin) foreign.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseUrl()}taskpane.html`);
  await page.getByText("Open JointPlan in Excel").waitFor({ timeout: 30_000 });
  expect(await page.getByRole("tab").count()).toBe(0);
  // office.js outside Office loads a telemetry frame from Microsoft 3 s after it starts: the page's policy refuses it.
  await page.waitForTimeout(4_000);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

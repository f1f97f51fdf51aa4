/**
 * Screenshots of each screen of the task pane at 320 px and 450 px (the narrow and the usual task
 * pane widths), the pane outside Office, and the whole preview page, under test-output/screenshots/.
 * Each screen is also checked for horizontal overflow: nothing may stick out at 320 px.
 */
import * as fs from "fs";
import * as path from "path";
import { launchChromium } from "./support/browser";
import { baseUrl, openPreview } from "./support/page";
import { SCREENS } from "./support/screens";

const OUT = path.resolve(__dirname, "../../test-output/screenshots");
fs.mkdirSync(OUT, { recursive: true });

/** Elements of the pane wider than the window: a layout break. */
const overflowing = () =>
  [...document.querySelectorAll<HTMLElement>("[data-testid=task-pane] *")]
    .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && el.getClientRects().length > 0)
    .filter((el) => !el.closest("[hidden]"))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}"`);

describe.each([320, 450])("at %i px", (width) => {
  it.each(SCREENS.map((s) => [s.name, s] as const))("%s fits the width and is saved", async (name, screen) => {
    const o = await openPreview("?view=pane", { width, height: 800 });
    try {
      await screen.show(o.page, o.pane);
      await o.page.waitForTimeout(300); // let Fluent's motion settle
      expect(await o.page.evaluate(overflowing)).toEqual([]);
      await o.page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), fullPage: true });
      expect(o.problems).toEqual([]);
    } finally {
      await o.browser.close();
    }
  });

  it("outside Office fits the width and is saved", async () => {
    const browser = await launchChromium({ width, height: 500 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl()}taskpane.html`);
      await page.getByText("Open JointPlan in Excel").waitFor({ timeout: 30_000 });
      // Nothing sticks out sideways: the page is no wider than the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(OUT, `outside-office-${width}.png`), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});

it("the overview under Office's dark theme is saved", async () => {
  const o = await openPreview("?view=pane&theme=dark", { width: 320, height: 800 });
  try {
    const background = await o.page.locator(".fui-FluentProvider").last().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await o.page.screenshot({ path: path.join(OUT, "overview-dark-320.png"), fullPage: true });
  } finally {
    await o.browser.close();
  }
});

it("the whole preview page is saved", async () => {
  const o = await openPreview("", { width: 1400, height: 900 });
  try {
    await o.page.screenshot({ path: path.join(OUT, "preview-page.png") });
  } finally {
    await o.browser.close();
  }
});

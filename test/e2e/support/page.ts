/** Opening the preview page in a fresh Chromium, and reading what the task pane shows. */
import type { Locator, Page } from "playwright-core";
import { launchChromium, type Browser } from "./browser";

export function baseUrl(): string {
  const url = process.env.JOINTPLAN_E2E_URL;
  if (!url) throw new Error("JOINTPLAN_E2E_URL is not set: run the e2e tests with npm run test:e2e (jest -c jest.e2e.config.js).");
  return url;
}

export interface OpenPage {
  browser: Browser;
  page: Page;
  pane: Locator;
  /** Page errors and requests to anything but the local server: both must stay empty. */
  problems: string[];
}

export async function openPreview(query = "", viewport = { width: 1280, height: 900 }): Promise<OpenPage> {
  const browser = await launchChromium(viewport);
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith("data:")) problems.push(`network request: ${r.url()}`);
  });
  await page.goto(`${baseUrl()}preview.html${query}`);
  const pane = page.getByTestId("task-pane");
  await pane.getByTestId("overview").waitFor({ timeout: 30_000 });
  return { browser, page, pane, problems };
}

/** The overview's figures as text: the chart's spoken summary and the plan's RAG line. */
export async function overviewFigures(pane: Locator): Promise<string> {
  await pane.getByRole("tab", { name: "Overview" }).click();
  const chart = await pane.getByTestId("rag-chart").getAttribute("aria-label");
  const rag = await pane.getByTestId("plan-rag").innerText();
  const pct = pane.getByTestId("pct-complete");
  const progress = (await pct.count()) ? await pct.innerText() : "no progress";
  return `${chart} | ${rag.replace(/\s+/g, " ")} | ${progress}`;
}

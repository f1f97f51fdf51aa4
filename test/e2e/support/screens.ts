/** Brings the task pane to each of its screens, for the accessibility scan and the screenshots. */
import type { Locator, Page } from "playwright-core";

export interface Screen {
  name: string;
  show(page: Page, pane: Locator): Promise<void>;
}

export const SCREENS: Screen[] = [
  { name: "overview", show: async (_, pane) => void (await pane.getByRole("tab", { name: "Overview" }).click()) },
  {
    name: "create",
    show: async (_, pane) => {
      await pane.getByRole("tab", { name: "Create" }).click();
      for (const section of ["Joint Action Plan (JAP)", "Roster", "Sample plan"]) {
        const header = pane.getByRole("button", { name: section });
        if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      }
      // Show the per-line messages of a pasted list, and a field message.
      await pane.getByRole("textbox", { name: /People, one per line/ }).fill("Ana Silva, Principal\nMarta Diaz\nPedro Ruiz, Partner");
      await pane.getByRole("textbox", { name: /^Year/ }).fill("26");
    },
  },
  {
    name: "check",
    show: async (_, pane) => {
      await pane.getByRole("tab", { name: "Check" }).click();
      await pane.getByRole("button", { name: "Check plan" }).click();
      await pane.getByTestId("sheet-group").first().waitFor();
    },
  },
  {
    name: "review",
    show: async (_, pane) => {
      await pane.getByRole("tab", { name: "Review" }).click();
      await pane.getByTestId("meeting").first().waitFor();
    },
  },
  {
    name: "settings",
    show: async (_, pane) => {
      await pane.getByRole("tab", { name: "Settings" }).click();
      await pane.getByRole("button", { name: "Save settings" }).waitFor();
    },
  },
];

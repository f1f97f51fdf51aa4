/**
 * One alert style per validation rule, whoever writes the plan (issue 11 item 4): the add-in (into
 * the simulated workbook) and `jointplan new` (the .xlsx writer) both give each column's rule the
 * alert its layout data chooses (layouts/columnRules.ts), and neither turns "ignore blank" on for a
 * list, which in Excel would accept anything once the source holds a blank cell.
 */
import { insertPlanData } from "../../src/excel/insertTemplates";
import { JAP, JBP, ROSTER, type TableLayout } from "../../src/plan/layouts";
import { columnLetters, serialFromIso } from "../../src/plan/model";
import { samplePlan } from "../../src/plan/sample";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { packageParts, sheetPartName } from "../xlsx/rawPackage";
import { useSim } from "./support/sim";

const LAYOUTS: TableLayout[] = [JAP, JBP, ROSTER];
const styleOf = (alert: "stop" | "warning"): string => (alert === "stop" ? "Stop" : "Warning");

/** Each validated column of a layout: its sheet column letter (the table starts in column A) and its rule. */
function ruled(layout: TableLayout): { header: string; letter: string; alert: "stop" | "warning"; list: boolean }[] {
  // "Any value" (Priority) has no rule, so no alert to show.
  return layout.columns.flatMap((c, i) => (c.validation && c.validation.type !== "any" ? [{ header: c.header, letter: columnLetters(i), alert: c.validation.alert, list: c.validation.type === "list" }] : []));
}

describe("validation alerts", () => {
  const sim = useSim();

  it("chooses Stop where a wrong value breaks the plan and Warning where a planner may need an exception", () => {
    const alerts = Object.fromEntries(ruled(JAP).map((r) => [r.header, r.alert]));
    expect(alerts).toMatchObject({ Status: "stop", Party: "stop", Start: "stop", Due: "stop", "% complete": "stop", Target: "stop", Owner: "warning", "JBP objective": "warning" });
  });

  it("the add-in gives each rule its layout's alert, and no list ignores blanks", async () => {
    const { jap, jbp } = await insertPlanData(samplePlan(serialFromIso("2026-03-18")!));
    const sheets: Record<string, string> = { jap, jbp, roster: "Roster" };
    let seen = 0;
    for (const layout of LAYOUTS) {
      const validations = sim().validations(sheets[layout.kind]);
      for (const r of ruled(layout)) {
        const v = validations.find((x) => x.addresses.some((a) => a.startsWith(r.letter) && /^[A-Z]+\d+:[A-Z]+\d+$/.test(a) && a.split(":")[0].replace(/\d+/, "") === r.letter));
        expect({ column: r.header, style: v?.errorAlert.style }).toEqual({ column: r.header, style: styleOf(r.alert) });
        if (r.list) expect({ column: r.header, ignoreBlanks: v?.ignoreBlanks }).toEqual({ column: r.header, ignoreBlanks: false });
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("jointplan new writes the same alert for each rule, and no list ignores blanks", async () => {
    const day = serialFromIso("2026-03-18")!;
    const specs = newWorkbookSpecs(newWorkbookInput({ sample: true, force: false, asOf: day }, day));
    const parts = await packageParts((await writeXlsx(specs)).bytes);
    let seen = 0;
    for (const layout of LAYOUTS) {
      const xml = parts[sheetPartName(parts, specs.find((s) => s.kind === layout.kind)!.sheetName)];
      const rules = [...xml.matchAll(/<dataValidation\b([^>]*)>/g)].map((m) => m[1]);
      for (const r of ruled(layout)) {
        const attrs = rules.find((a) => new RegExp(`sqref="${r.letter}\\d+:${r.letter}\\d+"`).test(a));
        // OOXML's default errorStyle is "stop".
        const style = /errorStyle="(\w+)"/.exec(attrs ?? "")?.[1] ?? "stop";
        expect({ column: r.header, found: attrs !== undefined, style }).toEqual({ column: r.header, found: true, style: r.alert });
        if (r.list) expect({ column: r.header, allowBlank: /allowBlank="1"/.test(attrs ?? "") }).toEqual({ column: r.header, allowBlank: false });
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});

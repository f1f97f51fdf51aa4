/** axe-core on every screen of the task pane and on the preview's workbook: no serious or critical violation. */
import * as path from "path";
import { openPreview, type OpenPage } from "./support/page";
import { SCREENS } from "./support/screens";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

const AXE = path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

let o: OpenPage;
beforeAll(async () => {
  o = await openPreview();
  await o.page.addScriptTag({ path: AXE });
});
afterAll(async () => o?.browser.close());

/**
 * Fluent's focus manager (tabster) puts focusable, aria-hidden <i data-tabster-dummy> bumpers around
 * the TabList to redirect Tab; axe's aria-hidden-focus flags them. Fluent calls this by design
 * (microsoft/fluentui#27517) and Accessibility Insights suppresses exactly this case
 * (microsoft/accessibility-insights-web#7605); so do we, for that rule and those elements only.
 */
function isTabsterDummy(rule: string, html: string): boolean {
  return rule === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy=/.test(html);
}

async function seriousViolations(): Promise<string[]> {
  const violations = await o.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"))
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

describe.each(SCREENS.map((s) => [s.name, s] as const))("accessibility of %s", (_, screen) => {
  it("has no serious or critical axe violation", async () => {
    await screen.show(o.page, o.pane);
    expect(await seriousViolations()).toEqual([]);
  });
});

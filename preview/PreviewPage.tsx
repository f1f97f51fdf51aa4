/**
 * The preview's layout: a banner that says what this is, the workbook on the left and the task pane
 * on the right at a task pane's width (?pane=320 sets it, for screenshots). The sample plan is
 * inserted through the command API before the pane starts, as a user would with "Insert the sample plan".
 */
import * as React from "react";
import { FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, webLightTheme } from "@fluentui/react-components";
import type { SimulatedExcel } from "../test/sim";
import { insertSamplePlan } from "../src/excel/commandApi";
import { App } from "../src/taskpane/App";
import { WorkbookView } from "./WorkbookView";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", overflow: "hidden" },
  body: { display: "flex", flex: "1 1 auto", minHeight: 0 },
  pane: { flex: "0 0 auto", borderLeft: "1px solid #d6d6d6", overflowY: "auto", overflowX: "hidden", height: "100%" },
  workbook: { display: "flex", flex: "1 1 auto", minWidth: 0 },
  banner: { borderRadius: 0, flex: "0 0 auto" },
});

export const PREVIEW_BANNER =
  "Preview: the real task pane against a simulated workbook, pre-filled with a sample distributor's plan. The workbook calculates no formulas: formula cells (marked in green) show the values the JointPlan engine computes, as Excel would.";

/** ?theme=dark shows the pane as under Office's dark theme (the sim has no Office.context.officeTheme). */
const themeParam = (): "dark" | "light" => (new URLSearchParams(window.location.search).get("theme") === "dark" ? "dark" : "light");

/** ?view=pane shows the task pane alone, filling the window, as Excel shows it (for screenshots). */
const paneOnly = () => new URLSearchParams(window.location.search).get("view") === "pane";

function paneWidth(): number {
  const asked = Number(new URLSearchParams(window.location.search).get("pane"));
  return Number.isFinite(asked) && asked >= 280 && asked <= 800 ? asked : 350;
}

/**
 * The sample plan, as the add-in inserts it: made for a review in the middle of its month
 * (src/plan/samplePlan.ts), it writes its as-of date, the 18th of this month, into the new
 * Settings sheet, where the user can see and change it.
 */
async function fillSample(): Promise<void> {
  await insertSamplePlan();
}

export function PreviewPage({ sim }: { sim: SimulatedExcel }): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<"filling" | "ready" | string>("filling");
  const width = React.useMemo(paneWidth, []);

  React.useEffect(() => {
    fillSample()
      .then(() => setState("ready"))
      .catch((error: unknown) => setState(`The sample plan could not be inserted: ${error instanceof Error ? error.message : String(error)}`));
  }, []);

  const failed = state !== "filling" && state !== "ready" ? state : null;
  const pane = state === "filling" ? <Spinner label="Filling the sample workbook…" style={{ marginTop: 40 }} /> : <App mode="preview" theme={themeParam()} />;

  if (paneOnly()) {
    return (
      <FluentProvider theme={webLightTheme}>
        {failed && (
          <MessageBar intent="error">
            <MessageBarBody>{failed}</MessageBarBody>
          </MessageBar>
        )}
        <div data-testid="task-pane">{pane}</div>
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <MessageBar intent="info" className={styles.banner} layout="multiline" data-testid="preview-banner">
        <MessageBarBody>
          <span>
            <strong>Preview:</strong>
            {PREVIEW_BANNER.replace(/^Preview:/, "")}
          </span>
        </MessageBarBody>
      </MessageBar>
      {failed && (
        <MessageBar intent="error" className={styles.banner}>
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div className={styles.workbook}>
          <WorkbookView sim={sim} />
        </div>
        <aside className={styles.pane} style={{ width }} aria-label="JointPlan task pane" data-testid="task-pane">
          {pane}
        </aside>
      </div>
    </FluentProvider>
  );
}

/*
 * The bundle benchmark's stand-in for Excel: installs the simulated workbook, fills it with the
 * sample plan, marks the moment, then loads the real production task pane bundle (taskpane.js),
 * which finds Office and Excel as it would in Excel.
 */
import { createSimulatedExcel } from "../../test/sim";
import { insertSamplePlan } from "../../src/excel/commandApi";

const sim = createSimulatedExcel();
sim.install(window as unknown as Record<string, unknown>);
void insertSamplePlan().then(() => {
  performance.mark("sim:ready");
  const script = document.createElement("script");
  script.src = "taskpane.js";
  document.body.appendChild(script);
});

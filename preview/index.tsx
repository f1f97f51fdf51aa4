/**
 * The preview page: the real task pane beside a simulated workbook (test/sim), pre-filled with the
 * sample distributor's plan, so that anyone can see what the add-in does to a workbook without Excel.
 * Development builds only (webpack entry "preview").
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createSimulatedExcel } from "../test/sim";
import { PreviewPage } from "./PreviewPage";

const sim = createSimulatedExcel({ sheets: ["Sheet1"] });
sim.install(window as unknown as Record<string, unknown>);
// For the end-to-end tests and the curious: the workbook's cells, as the sim holds them.
(window as unknown as { jointplanSim: typeof sim }).jointplanSim = sim;

const container = document.getElementById("container");
if (container) createRoot(container).render(<PreviewPage sim={sim} />);

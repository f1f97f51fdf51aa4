/* The task pane's entry point: mounts the App once Office is ready, in Excel or (with host null) outside it. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { currentThemeKind, detectHost, hostInfoFromGlobals } from "./host";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const mode = detectHost(hostInfoFromGlobals(info));
  createRoot(container).render(<App mode={mode} theme={currentThemeKind()} />);
});

/* The bundle benchmark's baseline: React plus one Fluent button, built with the add-in's webpack config. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

function Baseline(): React.JSX.Element {
  React.useEffect(() => {
    performance.mark("baseline:interactive");
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Check plan</Button>
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<Baseline />);

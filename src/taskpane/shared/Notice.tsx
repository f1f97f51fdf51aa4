/** A command's outcome as a Fluent MessageBar; errors are announced to screen readers at once. */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Outcome } from "./useCommand";

export function Notice({ outcome }: { outcome: Outcome }): React.JSX.Element | null {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} politeness={outcome.intent === "error" ? "assertive" : "polite"} layout="multiline">
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}

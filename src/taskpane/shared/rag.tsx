/** How a RAG colour looks in the pane: a Fluent badge colour and an icon (the chart colours its bars). Never colour alone. */
import * as React from "react";
import { Badge } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Filled, Warning16Filled, SubtractCircle16Filled } from "@fluentui/react-icons";
import type { Rag } from "../../plan/model";

const BADGE: Record<Rag, { color: "danger" | "warning" | "success" | "informative"; icon: React.JSX.Element }> = {
  Red: { color: "danger", icon: <DismissCircle16Filled /> },
  Amber: { color: "warning", icon: <Warning16Filled /> },
  Green: { color: "success", icon: <CheckmarkCircle16Filled /> },
  Grey: { color: "informative", icon: <SubtractCircle16Filled /> },
};

export function RagBadge({ rag, size = "medium" }: { rag: Rag; size?: "medium" | "large" | "extra-large" }): React.JSX.Element {
  const { color, icon } = BADGE[rag];
  return (
    <Badge appearance="filled" color={color} icon={icon} size={size} shape="rounded" style={{ flexShrink: 0 }}>
      {rag}
    </Badge>
  );
}

/**
 * A titled block of the pane, styled like a Fluent card. A plain section with Fluent tokens: the
 * Card component brings focus handling for interactive cards that these blocks do not need, and
 * weighs about 5 KB gzipped (bench/bundle.bench.ts).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
});

export function Panel({ className, ...rest }: React.HTMLAttributes<HTMLElement> & { "data-testid"?: string }): React.JSX.Element {
  const styles = usePanelStyles();
  return <section className={mergeClasses(styles.panel, className)} {...rest} />;
}

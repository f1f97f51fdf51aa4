/**
 * Counts of actions by RAG as horizontal bars (plain CSS, no chart library). The bars are decoration
 * for sighted users; the numbers are text beside them and the whole chart has one spoken summary.
 */
import * as React from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Rag } from "../../plan/model";
import { RAG_ORDER } from "../../plan/rag";

const useStyles = makeStyles({
  chart: { display: "grid", gridTemplateColumns: "auto 1fr auto", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, margin: 0 },
  track: { height: "12px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, overflow: "hidden" },
  bar: { height: "100%", borderRadius: tokens.borderRadiusMedium, minWidth: "2px" },
  // One class a colour, so the build compiles them with the rest (no token lookups at run time).
  Red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  Amber: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  Green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  Grey: { backgroundColor: tokens.colorNeutralForeground3 },
  count: { fontVariantNumeric: "tabular-nums", textAlign: "right", minWidth: "2ch" },
});

export function ragSummaryText(counts: Record<Rag, number>): string {
  return RAG_ORDER.map((r) => `${counts[r] ?? 0} ${r}`).join(", ");
}

export function RagChart({ counts }: { counts: Record<Rag, number> }): React.JSX.Element {
  const styles = useStyles();
  const max = Math.max(1, ...RAG_ORDER.map((r) => counts[r] ?? 0));
  return (
    <div className={styles.chart} role="img" aria-label={`Actions by RAG: ${ragSummaryText(counts)}`} data-testid="rag-chart">
      {RAG_ORDER.map((rag) => {
        const n = counts[rag] ?? 0;
        return (
          <React.Fragment key={rag}>
            <Text size={200}>{rag}</Text>
            <div className={styles.track}>
              <div className={mergeClasses(styles.bar, styles[rag])} style={{ width: `${(n / max) * 100}%`, display: n ? "block" : "none" }} />
            </div>
            <Text size={200} weight="semibold" className={styles.count}>
              {n}
            </Text>
          </React.Fragment>
        );
      })}
    </div>
  );
}

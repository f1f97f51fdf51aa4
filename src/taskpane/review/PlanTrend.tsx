/** The plan's Red / Amber / Green / Grey counts at each review (the cycle room's planTrend), as a small table. */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TrendPoint } from "../../excel/commandApi";
import { Panel } from "../shared/Panel";
import { formatSerial } from "../shared/dates";
import { RAG_ORDER } from "../../plan/rag";

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& th, & td": { padding: `2px ${tokens.spacingHorizontalS}`, textAlign: "right" }, "& th:first-child, & td:first-child": { textAlign: "left" } },
  sub: { color: tokens.colorNeutralForeground3 },
});

export function PlanTrend({ sheet, trend }: { sheet: string; trend: TrendPoint[] }): React.JSX.Element {
  const styles = useStyles();
  const id = `trend-${sheet}`;
  return (
    <Panel aria-labelledby={id} data-testid="plan-trend">
      <h2 id={id} className={styles.h2}>
        Trend by review
      </h2>
      {trend.length === 0 ? (
        <Text className={styles.sub}>No review recorded yet.</Text>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Review</th>
              {RAG_ORDER.map((r) => (
                <th key={r} scope="col">
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatSerial(p.date)}</th>
                {RAG_ORDER.map((r) => (
                  <td key={r}>{p.counts[r]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

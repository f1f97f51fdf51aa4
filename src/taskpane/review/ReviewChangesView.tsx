/** What changed since the last review (the cycle room's changesSinceLastReview), as the Review tab lists it. */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ActionChange, ReviewChanges } from "../../excel/commandApi";
import { Panel } from "../shared/Panel";
import { formatSerial } from "../shared/dates";
import { RAG_ORDER } from "../../plan/rag";

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sub: { color: tokens.colorNeutralForeground3 },
});

const GROUPS: { key: keyof Pick<ReviewChanges, "turnedRed" | "recovered" | "dueMoved" | "newlyDone" | "newlyOverdue" | "added" | "dropped">; label: string }[] = [
  { key: "turnedRed", label: "Turned Red" },
  { key: "recovered", label: "Recovered to Green" },
  { key: "dueMoved", label: "Due date moved" },
  { key: "newlyDone", label: "Newly done" },
  { key: "newlyOverdue", label: "Newly overdue" },
  { key: "added", label: "New actions" },
  { key: "dropped", label: "Dropped (done or cancelled last month, or removed)" },
];

const countsText = (c: ReviewChanges["countsNow"]): string => RAG_ORDER.map((r) => `${c[r]} ${r}`).join(", ");

function line(c: ActionChange & { dueThen?: number | null; dueNow?: number | null }): string {
  const due = "dueThen" in c ? `: due ${formatSerial(c.dueThen)} → ${formatSerial(c.dueNow)}` : "";
  const rag = c.ragThen && c.ragNow && c.ragThen !== c.ragNow ? ` (${c.ragThen} → ${c.ragNow})` : "";
  return `${c.actionId} ${c.action}${rag}${due}`;
}

export function ReviewChangesView({ sheet, changes }: { sheet: string; changes: ReviewChanges | null }): React.JSX.Element {
  const styles = useStyles();
  const id = `changes-${sheet}`;
  return (
    <Panel aria-labelledby={id} data-testid="review-changes">
      <h2 id={id} className={styles.h2}>
        Changes since the last review
      </h2>
      {changes === null ? (
        <Text className={styles.sub}>No earlier review in the Review Log to compare with: record this month’s review, and next month shows what changed.</Text>
      ) : (
        <>
          <Text>
            Since {formatSerial(changes.then)}: then {countsText(changes.countsThen)}; now {countsText(changes.countsNow)}.
          </Text>
          {GROUPS.every((g) => changes[g.key].length === 0) && <Text>No action changed colour, date or status.</Text>}
          {GROUPS.filter((g) => changes[g.key].length > 0).map((g) => (
            <section key={g.key} aria-label={g.label}>
              <h3 className={styles.h3}>
                {g.label} ({changes[g.key].length})
              </h3>
              <ul className={styles.list}>
                {changes[g.key].map((c) => (
                  <li key={c.actionId}>
                    <Text>{line(c)}</Text>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Panel>
  );
}

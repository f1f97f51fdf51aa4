/**
 * A short list of actions (overdue, stale, at risk): each row is a button that selects the action's
 * cell in the sheet, so the list is also a keyboard way into the workbook.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ActionRef } from "../../excel/commandApi";
import { RagBadge } from "./rag";
import { formatSerial } from "./dates";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  more: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
});

export interface ActionListProps {
  actions: ActionRef[];
  /** What the list is ("overdue"), kept on the row for tests and styling. */
  kind: string;
  onGoTo: (action: ActionRef) => void;
  limit?: number;
}

export function ActionList({ actions, kind, onGoTo, limit = 8 }: ActionListProps): React.JSX.Element {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? actions : actions.slice(0, limit);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((a) => (
          <li key={`${a.sheet}!${a.cell}`}>
            <Button appearance="subtle" className={styles.row} onClick={() => onGoTo(a)} data-sheet={a.sheet} data-cell={a.cell} data-kind={kind}>
              {/* The visible text is the button's name; this prefix says what pressing it does. */}
              <span className={styles.hidden}>Go to cell: </span>
              <RagBadge rag={a.rag} />
              <span className={styles.text}>
                <Text weight="semibold">
                  {a.id ? `${a.id} · ` : ""}
                  {a.action || "(no description)"}
                </Text>
                <span className={styles.hidden}>, </span>
                <Text size={200} className={styles.meta}>
                  {a.owner || "No owner"} · due {formatSerial(a.due)} · {a.sheet}!{a.cell}
                </Text>
                {a.reason && (
                  <>
                    <span className={styles.hidden}>: </span>
                    <Text size={200} className={styles.meta}>
                      {a.reason}
                    </Text>
                  </>
                )}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {actions.length > limit && (
        <Button appearance="transparent" size="small" className={styles.more} onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${actions.length}`}
        </Button>
      )}
    </>
  );
}

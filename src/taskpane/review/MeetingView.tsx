/**
 * The meeting, as the Meeting pack sheet has it (getReviewState's `meeting`, the pack's own figures):
 * the plan's RAG and why, each objective with its RAG, KPI attainment and its actions' colours, the
 * Red and Amber actions with their reasons, the overdue ones. Every row selects its cell in the
 * workbook, so the pane is also the way into the sheets during the meeting.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ActionRef, MeetingObjective, MeetingView as Meeting } from "../../excel/commandApi";
import { Panel } from "../shared/Panel";
import { ActionList } from "../shared/ActionList";
import { RagBadge } from "../shared/rag";
import { formatSerial } from "../shared/dates";

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  status: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { width: "100%", justifyContent: "flex-start", textAlign: "left", alignItems: "flex-start", gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular, minWidth: 0 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const pct = (p: number | null): string => (p === null ? "no KPI results yet" : `KPI at ${Math.round(p * 100)} % of the YTD target`);

function Objectives({ objectives, onGoTo }: { objectives: MeetingObjective[]; onGoTo: (sheet: string, cell: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {objectives.map((o) => (
        <li key={`${o.sheet}!${o.cell}`}>
          <Button appearance="subtle" className={styles.row} onClick={() => onGoTo(o.sheet, o.cell)} data-kind="meeting-objective" data-sheet={o.sheet} data-cell={o.cell}>
            <span className={styles.hidden}>Go to cell: </span>
            {o.rag ? <RagBadge rag={o.rag} /> : null}
            <span className={styles.text}>
              <Text weight="semibold">
                {o.id}
                {o.objective ? ` · ${o.objective}` : ""}
              </Text>
              <span className={styles.hidden}>, </span>
              <Text size={200} className={styles.sub}>
                {pct(o.pctToTarget)} · actions {o.red} Red, {o.amber} Amber, {o.green} Green
              </Text>
            </span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function MeetingView({ sheet, meeting, onGoTo }: { sheet: string; meeting: Meeting; onGoTo: (sheet: string, cell: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const id = `meeting-${sheet}`;
  const goAction = (a: ActionRef) => onGoTo(a.sheet, a.cell);
  const more = (text: string) => (text ? <Text size={200} className={styles.sub}>{text}</Text> : null);
  return (
    <Panel aria-labelledby={id} data-testid="meeting">
      <h2 id={id} className={styles.h2}>
        Meeting · {sheet}
      </h2>
      <div className={styles.status} data-testid="meeting-plan-rag">
        <RagBadge rag={meeting.planRag} size="large" />
        <Text>{meeting.why}</Text>
      </div>
      <Text size={200} className={styles.sub}>
        As of {formatSerial(meeting.asOf)}, as on the Meeting pack sheet.
      </Text>
      {meeting.objectives.length > 0 && (
        <section aria-label="Objectives">
          <h3 className={styles.h3}>Objectives</h3>
          <Objectives objectives={meeting.objectives} onGoTo={onGoTo} />
          {more(meeting.more.objectives)}
        </section>
      )}
      <section aria-label="Red and Amber actions">
        <h3 className={styles.h3}>{meeting.titles.redAmber}</h3>
        {meeting.redAmber.length === 0 ? <Text>No action is Red or Amber.</Text> : <ActionList actions={meeting.redAmber} kind="meeting-red-amber" onGoTo={goAction} />}
        {more(meeting.more.redAmber)}
      </section>
      <section aria-label="Overdue actions">
        <h3 className={styles.h3}>{meeting.titles.overdue}</h3>
        {meeting.overdue.length === 0 ? <Text>Nothing is overdue.</Text> : <ActionList actions={meeting.overdue} kind="meeting-overdue" onGoTo={goAction} />}
        {more(meeting.more.overdue)}
      </section>
    </Panel>
  );
}

/**
 * Review: the monthly cycle in the pane. It opens on the meeting: what the Meeting pack shows (the
 * plan's RAG and why, objectives, Red and Amber and overdue actions, each row going to its cell) and
 * "Show meeting pack", which builds or refreshes the sheet and selects it. Then record the review (a
 * comment per action, typed in the meeting), start next month (offering to record first when this
 * month has no review), record the quarterly JBP review (the quarter last ended, one row per
 * objective in Quarterly Reviews), and what the Review Log says: the changes since the last review, each
 * action's last colours, the plan's trend. Everything shown comes from the workbook (getReviewState) and is read again after each
 * command. `children` are further sections (such as a meeting pack view), shown below these.
 */
import * as React from "react";
import { Button, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular, CalendarArrowRight20Regular, DocumentOnePage20Regular, Save20Regular } from "@fluentui/react-icons";
import { buildMeetingPack, getReviewState, goToCell, recordQuarterlyReview, recordReview, startNextMonth, type JapReview, type ReviewState } from "../../excel/commandApi";
import { Panel } from "../shared/Panel";
import { Notice } from "../shared/Notice";
import { RagBadge } from "../shared/rag";
import { formatSerial } from "../shared/dates";
import { useCommand, type Outcome } from "../shared/useCommand";
import { userMessage } from "../shared/errors";
import { ReviewChangesView } from "./ReviewChangesView";
import { PlanTrend } from "./PlanTrend";
import { MeetingView } from "./MeetingView";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  sub: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  actionHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  dots: { display: "flex", gap: "2px", alignItems: "center" },
  dot: { width: "10px", height: "10px", borderRadius: "50%", display: "inline-block" },
});

/** The colours of an action's last reviews: small dots, each titled with its date and colour (never colour alone). */
const DOT: Record<string, string> = { Red: tokens.colorPaletteRedBackground3, Amber: tokens.colorPaletteMarigoldBackground3, Green: tokens.colorPaletteGreenBackground3, Grey: tokens.colorNeutralBackground5 };

function LastColours({ trend }: { trend: JapReview["actions"][number]["trend"] }): React.JSX.Element | null {
  const styles = useStyles();
  if (trend.length === 0) return null;
  const text = trend.map((t) => `${formatSerial(t.date)}: ${t.rag}`).join(", ");
  return (
    <span className={styles.dots} role="img" aria-label={`Last reviews: ${text}`} title={text} data-testid="last-colours">
      {trend.map((t) => (
        <span key={t.date} className={styles.dot} style={{ backgroundColor: DOT[t.rag] }} />
      ))}
    </span>
  );
}

export function ReviewTab({ onChanged, children }: { onChanged?: () => Promise<void> | void; children?: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<ReviewState | null>(null);
  const [loadError, setLoadError] = React.useState<Outcome>(null);
  const [comments, setComments] = React.useState<Record<string, string>>({});
  const [offer, setOffer] = React.useState<string[] | null>(null);
  const recording = useCommand();
  const starting = useCommand();
  const packing = useCommand();
  const quarterly = useCommand();
  const [goError, setGoError] = React.useState<Outcome>(null);

  const load = React.useCallback(async () => {
    try {
      setState(await getReviewState());
      setLoadError(null);
    } catch (e) {
      setLoadError({ intent: "error", text: userMessage(e) });
    }
  }, []);
  React.useEffect(() => {
    void load();
  }, [load]);

  const after = React.useCallback(async () => {
    await load();
    await onChanged?.();
  }, [load, onChanged]);

  const record = React.useCallback(async () => {
    const given = Object.fromEntries(Object.entries(comments).filter(([, t]) => t.trim() !== ""));
    const r = await recording.run(() => recordReview({ comments: given }), (x): Outcome => ({ intent: x.recorded > 0 ? "success" : "warning", text: x.message }));
    if (r) {
      setComments({});
      setOffer(null);
      await after();
    }
  }, [comments, recording, after]);

  const start = React.useCallback(
    async (force: boolean) => {
      const unreviewed = state?.japs.filter((j) => !j.reviewed).map((j) => j.sheet) ?? [];
      if (!force && unreviewed.length > 0) {
        setOffer(unreviewed);
        return;
      }
      setOffer(null);
      const r = await starting.run(() => startNextMonth(), (x): Outcome => ({ intent: "success", text: x.message }));
      if (r) await after();
    },
    [state, starting, after],
  );

  const showPack = React.useCallback(async () => {
    const r = await packing.run(() => buildMeetingPack(), (x): Outcome => ({ intent: "success", text: x.message }));
    if (r) await onChanged?.();
  }, [packing, onChanged]);

  // The quarterly JBP review: the quarter last ended as of today, one row per objective.
  const recordQuarter = React.useCallback(async () => {
    const r = await quarterly.run(() => recordQuarterlyReview(), (x): Outcome => ({ intent: "success", text: x.message }));
    if (r) await onChanged?.();
  }, [quarterly, onChanged]);

  const goTo = React.useCallback(async (sheet: string, cell: string) => {
    setGoError(null);
    try {
      await goToCell(sheet, cell);
    } catch (e) {
      setGoError({ intent: "error", text: userMessage(e) });
    }
  }, []);

  const busy = recording.busy || starting.busy || packing.busy || quarterly.busy;
  if (!state && !loadError) return <Spinner size="small" label="Reading the Review Log…" />;

  return (
    <div className={styles.stack}>
      <Text>Record this month’s review in the Review Log, then start next month’s JAP with the open actions carried over.</Text>
      <Notice outcome={loadError} />
      <Notice outcome={recording.outcome} />
      <Notice outcome={starting.outcome} />
      <Notice outcome={packing.outcome} />
      <Notice outcome={quarterly.outcome} />
      <Notice outcome={goError} />
      {offer && (
        <Panel aria-labelledby="offer-title" data-testid="record-first">
          <h2 id="offer-title" className={styles.h2}>
            Record this month’s review first?
          </h2>
          <Text>
            {offer.map((s) => `'${s}'`).join(", ")} {offer.length === 1 ? "has" : "have"} no review in the Review Log. Record it now to keep this month’s colours in the history.
          </Text>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void record().then(() => start(true))} disabled={busy}>
              Record, then start next month
            </Button>
            <Button onClick={() => void start(true)} disabled={busy}>
              Start without recording
            </Button>
            <Button appearance="subtle" onClick={() => setOffer(null)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </Panel>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Save20Regular />} onClick={() => void record()} disabled={busy || !state?.japs.length}>
          {recording.busy ? "Recording…" : "Record review"}
        </Button>
        <Button icon={<CalendarArrowRight20Regular />} onClick={() => void start(false)} disabled={busy || !state?.japs.length}>
          {starting.busy ? "Starting…" : "Start next month"}
        </Button>
        <Button icon={<DocumentOnePage20Regular />} onClick={() => void showPack()} disabled={busy || !state?.japs.some((j) => j.meeting)}>
          {packing.busy ? "Building…" : "Show meeting pack"}
        </Button>
        <Button onClick={() => void recordQuarter()} disabled={busy}>
          {quarterly.busy ? "Recording…" : "Record quarterly review"}
        </Button>
        <Button appearance="subtle" icon={<ArrowClockwise16Regular />} onClick={() => void load()} disabled={busy}>
          Refresh
        </Button>
      </div>
      {state && state.japs.length === 0 && <Text>There is no JAP to review yet. Insert a JAP template or the sample plan on the Create tab.</Text>}
      {state?.japs.map((j) => (
        <React.Fragment key={j.sheet}>
          {j.meeting && <MeetingView sheet={j.sheet} meeting={j.meeting} onGoTo={(sheet, cell) => void goTo(sheet, cell)} />}
          <Panel aria-labelledby={`review-${j.sheet}`} data-testid="review-jap">
            <h2 id={`review-${j.sheet}`} className={styles.h2}>
              {j.sheet}
            </h2>
            <Text size={200} className={styles.sub}>
              {[j.distributor || "No distributor", j.month || "no month", j.lastReview === null ? "never reviewed" : `last review ${formatSerial(j.lastReview)}`, j.reviewed ? "this month reviewed" : "this month not reviewed yet"].join(" · ")}
            </Text>
            <ul className={styles.list} aria-label={`Actions of ${j.sheet}`}>
              {j.actions.map((a) => (
                <li key={a.id} className={styles.action} data-testid="review-action">
                  <div className={styles.actionHead}>
                    <RagBadge rag={a.rag} />
                    <Text weight="semibold">{a.id}</Text>
                    <Text truncate wrap={false} style={{ minWidth: 0 }}>
                      {a.action}
                    </Text>
                    <LastColours trend={a.trend} />
                  </div>
                  <Input
                    aria-label={`Comment on ${a.id}`}
                    placeholder="Comment from the meeting"
                    value={comments[a.id] ?? ""}
                    onChange={(_, d) => setComments((c) => ({ ...c, [a.id]: d.value }))}
                    disabled={busy}
                  />
                </li>
              ))}
            </ul>
          </Panel>
          <ReviewChangesView sheet={j.sheet} changes={j.changes} />
          <PlanTrend sheet={j.sheet} trend={j.trend} />
        </React.Fragment>
      ))}
      {children}
    </div>
  );
}

/**
 * Check: runs the deep check, shows its findings grouped by sheet and rule family with errors first,
 * and applies the repairs the user asks for, one at a time or all of one kind. A repair changes the
 * workbook, so the check runs again afterwards and the lists show the workbook as it now is.
 */
import * as React from "react";
import { Button, ProgressBar, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Panel } from "../shared/Panel";
import { Wrench16Regular, TaskListLtr20Regular } from "@fluentui/react-icons";
import { applyRepairs, checkPlan, goToCell } from "../../excel/commandApi";
import type { Finding, Repair } from "../../plan/model";
import type { PlanState } from "../shared/usePlanState";
import { Notice } from "../shared/Notice";
import { useCommand, type Outcome } from "../shared/useCommand";
import { userMessage } from "../shared/errors";
import { countLabel, groupFindings } from "./groupFindings";
import { FindingItem } from "./FindingItem";

const PAGE = 40;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  card: { gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  family: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

function repairOutcome(r: { message: string; applied: number; skipped: { repair: Repair; reason: string }[] }): Outcome {
  if (r.skipped.length === 0) return { intent: "success", text: r.message };
  const why = r.skipped.map((s) => `${s.repair.sheet}!${s.repair.cell}: ${s.reason}`).join(" ");
  return { intent: r.applied ? "warning" : "error", text: `${r.message} ${why}` };
}

export function CheckTab({ plan }: { plan: PlanState }): React.JSX.Element {
  const styles = useStyles();
  const checking = useCommand();
  const repairing = useCommand();
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [goError, setGoError] = React.useState<Outcome>(null);
  const { setCheck, setOverview } = plan;

  const check = React.useCallback(
    async (quiet = false) => {
      setProgress({ done: 0, total: 0 });
      const result = await checking.run(
        () => checkPlan({ onProgress: (done, total) => setProgress({ done, total }) }),
        (r): Outcome => (quiet ? null : { intent: r.errors ? "warning" : "success", text: r.message }),
      );
      setProgress(null);
      if (result) {
        setCheck({ findings: result.findings, source: "check" });
        setOverview(result.overview);
      }
    },
    [checking, setCheck, setOverview],
  );

  const repair = React.useCallback(
    async (repairs: Repair[]) => {
      const r = await repairing.run(() => applyRepairs(repairs), repairOutcome);
      if (r && r.applied > 0) await check(true);
    },
    [repairing, check],
  );

  const goTo = React.useCallback(async (f: Finding) => {
    setGoError(null);
    try {
      await goToCell(f.sheet, f.cell);
    } catch (error) {
      setGoError({ intent: "error", text: userMessage(error) });
    }
  }, []);

  const findings = plan.check?.findings;
  const groups = React.useMemo(() => (findings ? groupFindings(findings) : []), [findings]);
  const busy = checking.busy || repairing.busy;

  return (
    <div className={styles.stack}>
      <Text>Checks owners, dates, KPIs and the plan’s structure, marks each problem in its cell, and lists it here.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TaskListLtr20Regular />} onClick={() => void check()} disabled={busy}>
          {checking.busy ? "Checking…" : "Check plan"}
        </Button>
      </div>
      {progress && (
        <Field
          validationState="none"
          // The Excel layer counts plan rows (JAP actions and JBP objectives), from once they are read.
          // Once every row is checked, the findings are still being written: say so, not "done".
          validationMessage={
            !progress.total
              ? "Reading the plan…"
              : progress.done < progress.total
                ? `${progress.done} of ${progress.total} rows checked`
                : `${progress.total} rows checked; marking the findings in the workbook…`
          }
          label="Check progress"
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : undefined} max={1} thickness="large" />
        </Field>
      )}
      <Notice outcome={checking.outcome} />
      <Notice outcome={repairing.outcome} />
      <Notice outcome={goError} />
      {findings && findings.length === 0 && !checking.busy && (
        <Notice outcome={{ intent: "success", text: "No problems found: every owner, date and KPI checks out." }} />
      )}
      {plan.check?.source === "live" && findings && findings.length > 0 && (
        <Text size={200} className={styles.sub}>
          Updated as the plan changed.
        </Text>
      )}
      {groups.map((sheet) => (
        <Panel key={sheet.sheet} className={styles.card} aria-labelledby={`sheet-${sheet.sheet}`} data-testid="sheet-group">
          <h2 className={styles.h2} id={`sheet-${sheet.sheet}`}>
            {sheet.sheet}
            <Text size={200} className={styles.sub}>
              {" "}
              · {countLabel(sheet.errors, sheet.warnings)}
            </Text>
          </h2>
          {sheet.families.map((fam) => (
            <FamilySection key={fam.family} sheet={sheet.sheet} group={fam} busy={busy} onGoTo={goTo} onRepair={(r) => void repair(r)} />
          ))}
        </Panel>
      ))}
    </div>
  );
}

function FamilySection({
  sheet,
  group,
  busy,
  onGoTo,
  onRepair,
}: {
  sheet: string;
  group: ReturnType<typeof groupFindings>[number]["families"][number];
  busy: boolean;
  onGoTo: (f: Finding) => void;
  onRepair: (repairs: Repair[]) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? group.findings : group.findings.slice(0, PAGE);
  return (
    <section className={styles.family} data-testid="family-group" data-family={group.family}>
      <h3 className={styles.h3}>
        {group.title} <Text size={200} className={styles.sub}>({countLabel(group.errors, group.warnings)})</Text>
      </h3>
      {group.bulk.map((b) => (
        <div key={b.rule} className={styles.actions}>
          <Button
            size="small"
            appearance="secondary"
            icon={<Wrench16Regular />}
            disabled={busy}
            onClick={() => onRepair(b.repairs)}
            aria-label={`Repair all ${b.repairs.length} of this kind: ${b.title}, on ${sheet}`}
          >
            Repair all {b.repairs.length} of this kind: {b.title}
          </Button>
        </div>
      ))}
      <ul className={styles.list}>
        {shown.map((f) => (
          <FindingItem key={`${f.rule}|${f.cell}|${f.message}`} finding={f} busy={busy} onGoTo={onGoTo} onRepair={(r) => onRepair([r])} />
        ))}
      </ul>
      {group.findings.length > PAGE && (
        <Button appearance="transparent" size="small" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${group.findings.length}`}
        </Button>
      )}
    </section>
  );
}

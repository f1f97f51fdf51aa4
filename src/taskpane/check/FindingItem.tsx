/**
 * One finding: what is wrong, where, a way to go there, and the repairs the check offers (at most
 * two: "Use 'Ana Silva'" beside "Add to Roster"). A repair with choices is a picker and a Use
 * button, enabled once something is chosen.
 */
import * as React from "react";
import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled, ArrowRight16Regular, PersonAdd16Regular, Wrench16Regular } from "@fluentui/react-icons";
import type { Finding, Repair } from "../../plan/model";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "16px 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  icon: { paddingTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  choose: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0, flexBasis: "100%" },
  select: { flexGrow: 1, minWidth: 0 },
});

export interface FindingItemProps {
  finding: Finding;
  busy: boolean;
  onGoTo: (finding: Finding) => void;
  onRepair: (repair: Repair) => void;
}

export function FindingItem({ finding, busy, onGoTo, onRepair }: FindingItemProps): React.JSX.Element {
  const styles = useStyles();
  const where = `${finding.sheet}!${finding.cell}`;
  const isError = finding.severity === "error";
  return (
    <li className={styles.item} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
      <span className={`${styles.icon} ${isError ? styles.error : styles.warning}`}>
        {isError ? <ErrorCircle16Filled aria-label="Error" /> : <Warning16Filled aria-label="Warning" />}
      </span>
      <div className={styles.body}>
        <Text>{finding.message}</Text>
        <Text size={200} className={styles.where}>
          {isError ? "Error" : "Warning"} in {where}
        </Text>
        <div className={styles.buttons}>
          <Button size="small" icon={<ArrowRight16Regular />} onClick={() => onGoTo(finding)} aria-label={`Go to cell ${where}`}>
            Go to cell
          </Button>
          {[finding.repair, finding.alternative].map(
            (r, i) => r && (r.choices ? <ChoiceRepair key={i} repair={r} where={where} busy={busy} onRepair={onRepair} /> : <RepairButton key={i} repair={r} where={where} busy={busy} first={i === 0} onRepair={onRepair} />),
          )}
        </div>
      </div>
    </li>
  );
}

interface RepairProps {
  repair: Repair;
  where: string;
  busy: boolean;
  onRepair: (repair: Repair) => void;
}

function RepairButton({ repair, where, busy, first, onRepair }: RepairProps & { first: boolean }): React.JSX.Element {
  return (
    <Button
      size="small"
      appearance={first ? "primary" : "secondary"}
      icon={repair.addToRoster ? <PersonAdd16Regular /> : <Wrench16Regular />}
      disabled={busy}
      onClick={() => onRepair(repair)}
      aria-label={`${repair.label} in ${where}`}
    >
      {repair.label}
    </Button>
  );
}

/** "Choose an objective": the user picks a value among the repair's choices, then applies it. */
function ChoiceRepair({ repair, where, busy, onRepair }: RepairProps): React.JSX.Element {
  const styles = useStyles();
  const [chosen, setChosen] = React.useState("");
  const id = React.useId();
  const choices = repair.choices ?? [];
  return (
    <div className={styles.choose}>
      <Select id={id} size="small" className={styles.select} value={chosen} onChange={(_, d) => setChosen(d.value)} aria-label={`${repair.label} for ${where}`} disabled={busy}>
        <option value="">{repair.label}…</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
      <Button
        size="small"
        appearance="primary"
        icon={<Wrench16Regular />}
        disabled={busy || chosen === ""}
        onClick={() => onRepair({ ...repair, value: chosen })}
        aria-label={chosen ? `Use '${chosen}' in ${where}` : `Use the chosen value in ${where}`}
      >
        Use
      </Button>
    </div>
  );
}

/** One finding: what is wrong, where, a way to go there, and its repair when the check offers one. */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled, ArrowRight16Regular, Wrench16Regular } from "@fluentui/react-icons";
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
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
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
          {finding.repair && (
            <Button
              size="small"
              appearance="primary"
              icon={<Wrench16Regular />}
              disabled={busy}
              onClick={() => finding.repair && onRepair(finding.repair)}
              aria-label={`${finding.repair.label} in ${where}`}
            >
              {finding.repair.label}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}

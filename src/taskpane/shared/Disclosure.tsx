/**
 * A section that opens and closes under a heading button (the ARIA disclosure pattern), drawn like
 * a Fluent accordion item. Its content stays mounted while closed, so what the user typed in a
 * form survives closing the section. Fluent's Accordion would unmount it, and brings the tabster
 * focus library with it (bench/bundle.bench.ts).
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown20Regular, ChevronRight20Regular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  item: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
  button: {
    width: "100%",
    justifyContent: "flex-start",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
  },
  panel: { paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalM },
});

export interface DisclosureProps {
  id: string;
  title: string;
  open: boolean;
  onToggle: () => void;
  children: React.ReactNode;
}

export function Disclosure({ id, title, open, onToggle, children }: DisclosureProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.item}>
      <h2 className={styles.heading}>
        <Button
          appearance="transparent"
          className={styles.button}
          icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          id={`${id}-header`}
          onClick={onToggle}
        >
          {title}
        </Button>
      </h2>
      <div className={styles.panel} id={`${id}-panel`} role="region" aria-labelledby={`${id}-header`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}

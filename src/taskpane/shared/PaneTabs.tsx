/**
 * The pane's tab bar: the ARIA tabs pattern on Fluent buttons, drawn like a small Fluent TabList.
 * Fluent's TabList brings the tabster focus library (about 22 KB gzipped with the component,
 * bench/bundle.bench.ts) for what four tabs need: a roving tab stop and the arrow keys.
 * Arrows, Home and End move the focus; Enter or Space (or a click) selects, as in Fluent's TabList.
 */
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export interface PaneTab<T extends string> {
  id: T;
  label: string;
  icon?: React.JSX.Element;
}

const useStyles = makeStyles({
  list: { display: "flex", overflowX: "auto", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tab: {
    position: "relative",
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    // The selection bar, as Fluent's tabs draw it; shown on hover in a lighter stroke.
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
    },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
  },
  selected: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
});

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export interface PaneTabsProps<T extends string> {
  tabs: readonly PaneTab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  "aria-label": string;
  /** Labels only, for narrow panes. */
  iconless?: boolean;
  /** The id of a tab's panel is `${panelPrefix}${id}` and the tab's own id `${tabPrefix}${id}`. */
  tabPrefix: string;
  panelPrefix: string;
}

export function PaneTabs<T extends string>({ tabs, selected, onSelect, iconless, tabPrefix, panelPrefix, "aria-label": label }: PaneTabsProps<T>): React.JSX.Element {
  const styles = useStyles();
  const refs = React.useRef<(HTMLElement | null)[]>([]);
  // The one tab in the Tab order: the focused one while arrowing, else the selected one.
  const [stop, setStop] = React.useState<T>(selected);
  React.useEffect(() => setStop(selected), [selected]);

  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(index, tabs.length);
    setStop(tabs[next].id);
    refs.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((t, i) => (
        <Button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          id={`${tabPrefix}${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${panelPrefix}${t.id}`}
          tabIndex={t.id === stop ? 0 : -1}
          appearance="transparent"
          size="small"
          icon={iconless ? undefined : t.icon}
          className={mergeClasses(styles.tab, t.id === selected && styles.selected)}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
        </Button>
      ))}
    </div>
  );
}

/**
 * The task pane: five tabs over the workbook (Overview, Create, Check, Review, Settings). It keeps no plan
 * state of its own beyond the last answer of the Excel layer; every command refreshes the overview.
 */
import * as React from "react";
import {
  FluentProvider,
  Spinner,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Board20Regular, AddSquare20Regular, TaskListLtr20Regular, Settings20Regular, CalendarLtr20Regular } from "@fluentui/react-icons";
import type { HostMode, ThemeKind } from "./host";
import { usePlanState } from "./shared/usePlanState";
import { useNarrow } from "./shared/useNarrow";
import { OverviewTab, loadSummaryWriter } from "./overview/OverviewTab";
import { PaneTabs, type PaneTab } from "./shared/PaneTabs";

// The overview is what the pane opens on; the other tabs load on first use, or once the overview is
// up, so their code does not delay it (bench/bundle.bench.ts measures both). They share one chunk:
// they are fetched together anyway, and one chunk keeps the code they share (the settings and roster
// layer, the form fields) from being copied into each.
const loadCreate = () => import(/* webpackChunkName: "taskpane-tabs" */ "./create/CreateTab").then((m) => ({ default: m.CreateTab }));
const loadCheck = () => import(/* webpackChunkName: "taskpane-tabs" */ "./check/CheckTab").then((m) => ({ default: m.CheckTab }));
const loadReview = () => import(/* webpackChunkName: "taskpane-tabs" */ "./review/ReviewTab").then((m) => ({ default: m.ReviewTab }));
const loadSettings = () => import(/* webpackChunkName: "taskpane-tabs" */ "./settings/SettingsTab").then((m) => ({ default: m.SettingsTab }));
const CreateTab = React.lazy(loadCreate);
const CheckTab = React.lazy(loadCheck);
const SettingsTab = React.lazy(loadSettings);
const ReviewTab = React.lazy(loadReview);

export type TabId = "overview" | "create" | "check" | "review" | "settings";

const TABS: PaneTab<TabId>[] = [
  { id: "overview", label: "Overview", icon: <Board20Regular /> },
  { id: "create", label: "Create", icon: <AddSquare20Regular /> },
  { id: "check", label: "Check", icon: <TaskListLtr20Regular /> },
  { id: "review", label: "Review", icon: <CalendarLtr20Regular /> },
  { id: "settings", label: "Settings", icon: <Settings20Regular /> },
];

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0 },
  main: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

export interface AppProps {
  mode: HostMode;
  theme?: ThemeKind;
}

export function App({ mode, theme = "light" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>("overview");
  // A tab's panel is mounted when first opened and then kept, so nothing typed in it is lost.
  const [opened, setOpened] = React.useState<ReadonlySet<TabId>>(() => new Set<TabId>(["overview"]));
  const open = React.useCallback((id: TabId) => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  }, []);
  const connected = mode !== "outside";
  const plan = usePlanState(connected);
  const overviewShown = plan.overview !== null;
  React.useEffect(() => {
    if (!overviewShown) return;
    // Fetch the other tabs' code (and the RAG Summary writer) while the user reads the overview.
    const t = setTimeout(() => void Promise.all([loadCheck(), loadCreate(), loadReview(), loadSettings(), loadSummaryWriter()]).catch(() => undefined), 200);
    return () => clearTimeout(t);
  }, [overviewShown]);
  // Five labelled tabs with icons need about 470 px; below that the labels stay and the icons go.
  const header = React.useRef<HTMLElement>(null);
  const narrow = useNarrow(header, 470);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={styles.root}>
      <header className={styles.header} ref={header}>
        <div className={styles.brand}>
          <h1 className={styles.title}>JointPlan</h1>
          <Text size={200}>Joint Business and Action Plans</Text>
        </div>
        {connected && (
          <PaneTabs tabs={TABS} selected={tab} onSelect={open} iconless={narrow} aria-label="JointPlan sections" tabPrefix="tab-" panelPrefix="panel-" />
        )}
      </header>
      <main className={styles.main}>
        {mode === "preview" && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Preview</MessageBarTitle>
              This pane runs on a sample workbook in your browser, not on a file of yours.
            </MessageBarBody>
          </MessageBar>
        )}
        {mode === "outside" ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Open JointPlan in Excel</MessageBarTitle>
              This page is not running inside Excel, so there is no workbook to plan in. Open a workbook in Excel (desktop or
              on the web), then choose Open planner in the Joint Planning group on the Home tab.
            </MessageBarBody>
          </MessageBar>
        ) : (
          TABS.map((t) => (
            <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id}>
              {opened.has(t.id) && (
                <React.Suspense fallback={<Spinner size="small" label="Loading…" />}>
                  {t.id === "overview" && <OverviewTab plan={plan} onNavigate={open} />}
                  {t.id === "create" && <CreateTab onChanged={plan.refresh} />}
                  {t.id === "check" && <CheckTab plan={plan} />}
                  {t.id === "review" && <ReviewTab onChanged={plan.refresh} />}
                  {t.id === "settings" && <SettingsTab onChanged={plan.refresh} />}
                </React.Suspense>
              )}
            </div>
          ))
        )}
      </main>
    </FluentProvider>
  );
}

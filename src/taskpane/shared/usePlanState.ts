/**
 * What the pane shows of the workbook: the overview and the latest findings. The workbook is the
 * truth, so this is only a cache of the last answer from the Excel layer, refreshed after every
 * command and after every live re-check.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { getOverview, startLiveCheck, type Overview } from "../../excel/commandApi";
import type { Finding } from "../../plan/model";
import { userMessage } from "./errors";

export interface CheckSnapshot {
  findings: Finding[];
  /** Where the findings came from, for the pane's wording. */
  source: "check" | "live";
}

export interface PlanState {
  overview: Overview | null;
  overviewError: string | null;
  /** Why live re-checks are off, when starting them failed. */
  liveError: string | null;
  loading: boolean;
  refresh: () => Promise<void>;
  check: CheckSnapshot | null;
  setCheck: (check: CheckSnapshot | null) => void;
  /** Sets the overview from a command that returned one (the check does). */
  setOverview: (overview: Overview) => void;
}

export function usePlanState(enabled: boolean): PlanState {
  const [overview, setOverviewState] = useState<Overview | null>(null);
  const [overviewError, setOverviewError] = useState<string | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [check, setCheck] = useState<CheckSnapshot | null>(null);
  const mounted = useRef(true);

  const setOverview = useCallback((o: Overview) => {
    setOverviewState(o);
    setOverviewError(null);
  }, []);

  const refresh = useCallback(async () => {
    if (!enabled) return;
    setLoading(true);
    try {
      const o = await getOverview();
      if (mounted.current) setOverview(o);
    } catch (error) {
      if (mounted.current) setOverviewError(userMessage(error));
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, [enabled, setOverview]);

  useEffect(() => {
    mounted.current = true;
    if (!enabled) return;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    const onChecked = (result: { findings: Finding[]; overview: Overview }) => {
      if (!mounted.current) return;
      setOverview(result.overview);
      setCheck({ findings: result.findings, source: "live" });
    };
    // The overview first: it is what the user waits for; the live check's registration can follow.
    (async () => {
      await refresh();
      if (cancelled) return;
      try {
        const s = await startLiveCheck(onChecked);
        if (cancelled) await s();
        else stop = s;
      } catch (error) {
        // The pane still works without live re-checks; the overview says why it may lag.
        if (mounted.current) setLiveError(userMessage(error));
      }
    })();
    return () => {
      mounted.current = false;
      cancelled = true;
      if (stop) void stop().catch(() => undefined);
    };
  }, [enabled, refresh, setOverview]);

  return { overview, overviewError, liveError, loading, refresh, check, setCheck, setOverview };
}

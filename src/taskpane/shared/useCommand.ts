/**
 * Runs one command of the Excel layer at a time for a form: busy while it runs, then its message as a
 * success or its error message as a failure. Nothing is retried or hidden.
 */
import { useCallback, useRef, useState } from "react";
import { userMessage } from "./errors";

export type Outcome = { intent: "success" | "error" | "warning" | "info"; text: string } | null;

export function useCommand(): {
  busy: boolean;
  outcome: Outcome;
  setOutcome: (o: Outcome) => void;
  run: <T>(command: () => Promise<T>, describe: (result: T) => Outcome) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const running = useRef(false);
  const run = useCallback(async <T,>(command: () => Promise<T>, describe: (result: T) => Outcome) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await command();
      setOutcome(describe(result));
      return result;
    } catch (error) {
      setOutcome({ intent: "error", text: userMessage(error) });
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, outcome, setOutcome, run };
}

/** A fresh simulated Excel per test, installed as the Excel / Office globals the Excel layer uses. */
import { createSimulatedExcel, type SimOptions, type SimulatedExcel } from "../../sim";

export function useSim(options: SimOptions = {}): () => SimulatedExcel {
  let sim: SimulatedExcel;
  let uninstall: () => void;
  beforeEach(() => {
    sim = createSimulatedExcel(options);
    uninstall = sim.install(globalThis as unknown as Record<string, unknown>);
  });
  afterEach(async () => {
    await sim.settle();
    uninstall();
  });
  return () => sim;
}

/** The syncs and the largest request of one command. */
export async function measure<T>(sim: SimulatedExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number; maxBytes: number }> {
  sim.stats.reset();
  const result = await f();
  return { result, syncs: sim.stats.syncs, maxBytes: sim.stats.maxBytes };
}

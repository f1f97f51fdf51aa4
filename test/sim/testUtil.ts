/** Helpers for the simulated workbook's own tests: batches typed with the real Office.js types. */
import { createSimulatedExcel, type SimOptions } from "./index";

export function setup(options?: SimOptions) {
  const sim = createSimulatedExcel(options);
  const run = <R>(batch: (context: Excel.RequestContext) => Promise<R>): Promise<R> =>
    sim.Excel.run(batch as never) as Promise<R>;
  return { sim, run };
}

/** The `code` of the error a promise rejects with; fails the test if it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  throw new Error("expected the promise to reject");
}

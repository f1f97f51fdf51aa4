/** The state behind one simulated Excel: the workbook model, stats, events and change listeners. */
import type { CultureModel } from "./application";
import { EventBus } from "./events";
import { createWorkbookModel, type WorkbookModel } from "./model";
import { run, type RequestContext } from "./requestContext";
import { SimStats } from "./stats";

export class SimHost {
  readonly wb: WorkbookModel;
  readonly stats = new SimStats();
  readonly events: EventBus;
  readonly listeners = new Set<() => void>();
  readonly actions = new Map<string, (event: unknown) => unknown>();
  /** Failures a test asked for (sim.failNext): the next operation of that method fails with that code. */
  readonly failures: { method: string; code: string }[] = [];

  constructor(sheetNames: string[], requirementSets: Record<string, string>, culture: CultureModel) {
    this.wb = createWorkbookModel(sheetNames, requirementSets, culture);
    this.events = new EventBus(this.wb, (batch) => this.run(batch));
  }

  run<R>(batch: (ctx: RequestContext) => Promise<R>): Promise<R> {
    return run(this, batch);
  }

  /** After a sync or an edit: deliver events, tell subscribers (the preview page re-renders). */
  afterChange(): Promise<void> {
    const p = this.events.flush();
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // A listener's failure must not break the add-in's batch.
      }
    }
    return p;
  }
}

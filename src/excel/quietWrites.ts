/**
 * The add-in's own writes, made with events off so that they never trigger the live re-check, and
 * with events back on whatever happens.
 */
import { Batcher } from "./batches";
import type { Capabilities } from "./requirements";

/** Queues writes through `queue` between events off and on, then syncs once (more only past 3.5 MB). */
export async function writeQuietly(context: Excel.RequestContext, caps: Capabilities, queue: (batcher: Batcher) => Promise<void>): Promise<void> {
  try {
    if (caps.enableEvents) context.runtime.enableEvents = false;
    await queue(new Batcher(context));
    if (caps.enableEvents) context.runtime.enableEvents = true;
    await context.sync();
  } catch (e) {
    if (caps.enableEvents) await restoreEvents(context);
    throw e;
  }
}

/** After a failed write, events must not stay off for the rest of the session. */
export async function restoreEvents(context: Excel.RequestContext): Promise<void> {
  try {
    context.runtime.load("enableEvents");
    await context.sync();
    if (!context.runtime.enableEvents) {
      context.runtime.enableEvents = true;
      await context.sync();
    }
  } catch {
    // Nothing more we can do; the next command sets events again.
  }
}

/**
 * Excel.run and the RequestContext. `sync()` runs the queued operations in order. Like Excel,
 * a batch is not transactional: when an operation fails, the operations before it stay applied,
 * the ones after it are dropped, and sync rejects with the failing operation's error.
 */
import { SimError } from "./errors";
import type { SimHost } from "./host";
import { PAYLOAD_LIMIT_BYTES, utf8Length } from "./stats";
import { WorkbookProxy, RuntimeProxy } from "./workbook";
import { ApplicationProxy } from "./application";

export interface OpDesc {
  m: string;
  p: string;
  a?: unknown;
}

interface Op {
  desc: OpDesc;
  run: () => void;
}

/** Proxies travel in the request as their path, not their loaded state. */
function replacer(this: any, key: string, value: unknown): unknown {
  const original = this?.[key];
  return original && typeof original === "object" && typeof original._path === "string" ? { ref: original._path } : value;
}

export class RequestContext {
  readonly _host: SimHost;
  _queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(host: SimHost) {
    this._host = host;
    this.workbook = new WorkbookProxy(this, "workbook", () => host.wb);
    this.runtime = new RuntimeProxy(this, "runtime", () => host.wb);
  }

  private _application: ApplicationProxy | undefined;

  /** Only cultureInfo is simulated (application.ts); anything else on it fails as not implemented. */
  get application(): ApplicationProxy {
    return (this._application ??= new ApplicationProxy(this, "application", () => this._host.wb));
  }

  _enqueue(desc: OpDesc, run: () => void): void {
    this._queue.push({ desc, run });
  }

  load<T extends { load(a?: unknown): T }>(object: T, option?: unknown): T {
    return object.load(option);
  }

  async sync<P>(passThroughValue?: P): Promise<P> {
    const ops = this._queue;
    this._queue = [];
    const host = this._host;
    host.stats.syncs++;
    // The request body, approximating office.js's: each action's method, target and arguments.
    const body = JSON.stringify(ops.map((o) => o.desc), replacer);
    const bytes = utf8Length(body);
    host.stats.batches.push({ operations: ops.length, bytes });
    await Promise.resolve();
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes > ${PAYLOAD_LIMIT_BYTES}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    let failure: unknown;
    for (const op of ops) {
      try {
        op.run();
      } catch (e) {
        if (e instanceof SimError) e.debugInfo.statement = `${op.desc.p}.${op.desc.m}`;
        failure = e;
        break;
      }
    }
    host.afterChange();
    if (failure !== undefined) throw failure;
    return passThroughValue as P;
  }
}

/** Excel.run(batch): a fresh context; a final sync sends what the batch left queued. */
export function run<R>(host: SimHost, batch: (context: RequestContext) => Promise<R>): Promise<R> {
  return runOn(new RequestContext(host), batch);
}

/** Runs a batch on a given context (Excel.run(context, batch)). */
export async function runOn<R>(context: RequestContext, batch: (context: RequestContext) => Promise<R>): Promise<R> {
  const pending = batch(context) as unknown;
  if (!pending || typeof (pending as Promise<R>).then !== "function") {
    throw new SimError(
      "RunMustReturnPromise",
      'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
    );
  }
  const result = await (pending as Promise<R>);
  if (context._queue.length > 0) await context.sync();
  return result;
}

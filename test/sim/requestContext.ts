/**
 * Excel.run and the RequestContext. `sync()` runs the queued operations in order. Like Excel,
 * a batch is not transactional: when an operation fails, the operations before it stay applied,
 * the ones after it are dropped, and sync rejects with the failing operation's error.
 */
import { SimError } from "./errors";
import type { SimHost } from "./host";
import type { SimObject } from "./proxy";
import { PAYLOAD_LIMIT_BYTES } from "./stats";
import { requestBody, wireBytes, type WireKind } from "./wire";
import { WorkbookProxy, RuntimeProxy } from "./workbook";
import { ApplicationProxy } from "./application";

export type OpKind = WireKind;

export interface OpDesc {
  m: string;
  p: string;
  a?: unknown;
}

interface Op {
  desc: OpDesc;
  run: () => unknown;
  obj?: SimObject<any>;
  kind: OpKind;
}

const REQUEST_MESSAGE = 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".';
const RESPONSE_MESSAGE = 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".';

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

  /** Objects whose properties a load of the current sync set (forgotten again if the response is refused). */
  _loadedThisSync = new Set<SimObject<any>>();

  _enqueue(desc: OpDesc, run: () => unknown, obj?: SimObject<any>, kind: OpKind = "method"): void {
    this._queue.push({ desc, run, obj, kind });
  }

  load<T extends { load(a?: unknown): T }>(object: T, option?: unknown): T {
    return object.load(option);
  }

  async sync<P>(passThroughValue?: P): Promise<P> {
    const ops = this._queue;
    this._queue = [];
    const host = this._host;
    host.stats.syncs++;
    // The request body as Office.js builds it (wire.ts): object paths and actions.
    const { body, actionIds } = requestBody(ops.map((o) => ({ kind: o.kind, obj: o.obj, method: o.desc.m, args: o.desc.a })));
    const bytes = wireBytes(body);
    const stat = { operations: ops.length, bytes, responseBytes: 0 };
    host.stats.batches.push(stat);
    await Promise.resolve();
    // Excel on the web refuses a request over 5 MB before running any of it (resource limits page:
    // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      throw new SimError("RequestPayloadSizeLimitExceeded", `${REQUEST_MESSAGE} (${bytes} bytes > ${PAYLOAD_LIMIT_BYTES})`);
    }
    let failure: unknown;
    const results: { ActionId: number; Value: unknown }[] = [];
    this._loadedThisSync = new Set();
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      try {
        const injected = host.failures.findIndex((f) => f.method === op.desc.m);
        if (injected >= 0) {
          const { code } = host.failures.splice(injected, 1)[0];
          throw new SimError(code, `failure injected by the test on ${op.desc.m}`);
        }
        const value = op.run();
        if (op.kind === "load" || op.kind === "result") results.push({ ActionId: actionIds[i], Value: value ?? null });
      } catch (e) {
        if (e instanceof SimError) e.debugInfo.statement = `${op.desc.p}.${op.desc.m}`;
        failure = e;
        break;
      }
    }
    // The same limit holds for what comes back: a response over 5 MB fails the sync after Excel ran
    // the request (its writes stay, as in any failed batch), and nothing it loaded can be read.
    stat.responseBytes = wireBytes({ Results: results });
    host.afterChange();
    if (failure !== undefined) throw failure;
    if (stat.responseBytes > PAYLOAD_LIMIT_BYTES) {
      for (const obj of this._loadedThisSync) {
        obj._loaded.clear();
        if ("_items" in obj) (obj as { _items?: unknown })._items = undefined;
      }
      throw new SimError("ResponsePayloadSizeLimitExceeded", `${RESPONSE_MESSAGE} (${stat.responseBytes} bytes > ${PAYLOAD_LIMIT_BYTES})`);
    }
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

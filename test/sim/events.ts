/**
 * onChanged and worksheets.onAdded events. Handlers are registered at sync; changes made inside a
 * batch (trigger "ThisLocalAddin"), by `sim.userEdit` (trigger "Unknown") or by a co-author
 * (`sim.remoteEdit`: source "Remote"), and sheets added by `worksheets.add`, are collected while
 * `runtime.enableEvents` is true and dispatched asynchronously after the sync or edit, as Excel
 * delivers events after the request completes.
 *
 * The event arguments carry what the host's requirement sets give (Excel.WorksheetChangedEventArgs
 * in @types/office-js): `details` from ExcelApi 1.9, for a single cell only; `triggerSource` from
 * ExcelApi 1.14; `source`, `address`, `worksheetId`, `getRange(ctx)` on every set that has events.
 */
import { formatRect, type Rect } from "./address";
import { isSetSupported, type SheetModel, type WorkbookModel } from "./model";
import { SimObject, type ObjectSpec } from "./proxy";
import type { RequestContext } from "./requestContext";
import { valueTypeOf, type Scalar } from "./values";

/** Who made a change: the add-in itself, a local person, or a co-author (a remote change). */
export type Trigger = "ThisLocalAddin" | "Unknown" | "Remote";

export interface ChangeDetails {
  valueBefore: Scalar;
  valueAfter: Scalar;
  valueTypeBefore: string;
  valueTypeAfter: string;
}

interface Registration {
  id: number;
  /** "added": worksheets.onAdded; the others are onChanged of one sheet or of all. */
  scope: "worksheet" | "worksheets" | "added";
  sheet?: SheetModel;
  handler: (args: any) => unknown;
  removed: boolean;
}

interface PendingEvent {
  kind: "changed" | "added";
  sheet: SheetModel;
  rect?: Rect;
  trigger?: Trigger;
  details?: ChangeDetails;
}

export class EventBus {
  regs: Registration[] = [];
  pending: PendingEvent[] = [];
  inflight = new Set<Promise<void>>();
  /** Errors thrown by handlers: Excel swallows them; tests can inspect them here. */
  handlerErrors: unknown[] = [];
  private nextId = 1;

  constructor(private readonly wb: WorkbookModel, private readonly runBatch: (batch: (ctx: RequestContext) => Promise<unknown>) => Promise<unknown>) {}

  register(scope: Registration["scope"], handler: Registration["handler"], sheet?: SheetModel): Registration {
    const reg = { id: this.nextId++, scope, sheet, handler, removed: false };
    this.regs.push(reg);
    return reg;
  }

  /** Records a change, if events are enabled at this point of the batch. */
  changed(sheet: SheetModel, rect: Rect, trigger: Trigger, before?: Scalar | undefined, after?: Scalar | undefined): void {
    if (!this.wb.enableEvents) return;
    const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
    const details = single
      ? { valueBefore: before ?? "", valueAfter: after ?? "", valueTypeBefore: valueTypeOf(before), valueTypeAfter: valueTypeOf(after) }
      : undefined;
    this.pending.push({ kind: "changed", sheet, rect, trigger, details });
  }

  /** Records a sheet added by worksheets.add, if events are enabled at this point of the batch. */
  added(sheet: SheetModel): void {
    if (!this.wb.enableEvents) return;
    this.pending.push({ kind: "added", sheet });
  }

  /** Dispatches the collected events on a later task; resolves when their handlers have run. */
  flush(): Promise<void> {
    const events = this.pending.splice(0);
    if (events.length === 0) return Promise.resolve();
    const p = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const ev of events) {
        if (ev.kind === "added") {
          await this.dispatch("added", undefined, { type: "WorksheetAdded", source: "Local", worksheetId: ev.sheet.id });
          continue;
        }
        const rect = ev.rect!;
        const args = {
          type: "WorksheetChanged",
          changeType: "RangeEdited",
          source: ev.trigger === "Remote" ? "Remote" : "Local",
          address: formatRect(rect),
          worksheetId: ev.sheet.id,
          ...(isSetSupported(this.wb, "ExcelApi", "1.14") ? { triggerSource: ev.trigger === "ThisLocalAddin" ? "ThisLocalAddin" : "Unknown" } : {}),
          ...(ev.details && isSetSupported(this.wb, "ExcelApi", "1.9") ? { details: ev.details } : {}),
          getRange: (ctx: RequestContext) => (ctx.workbook as any).worksheets.getItem(ev.sheet.id).getRange(formatRect(rect)),
          getRangeOrNullObject: (ctx: RequestContext) =>
            (ctx.workbook as any).worksheets.getItem(ev.sheet.id).getRange(formatRect(rect)),
        };
        if (!ev.sheet.deleted) await this.dispatch("changed", ev.sheet, args);
      }
    })();
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
    return p;
  }

  /** Runs the live handlers that hear this event, one after the other; collects their errors. */
  private async dispatch(kind: PendingEvent["kind"], sheet: SheetModel | undefined, args: unknown): Promise<void> {
    for (const reg of [...this.regs]) {
      if (reg.removed) continue;
      if (kind === "added" ? reg.scope !== "added" : reg.scope === "added" || (reg.scope === "worksheet" && reg.sheet !== sheet)) continue;
      try {
        await reg.handler(args);
      } catch (e) {
        this.handlerErrors.push(e);
      }
    }
  }

  /** Waits until no handler is running and none is pending (handlers may cause more events). */
  async settle(): Promise<void> {
    for (let round = 0; this.inflight.size > 0 || this.pending.length > 0; round++) {
      if (round > 1000) throw new Error("simulated workbook: event handlers keep changing the workbook (did a handler forget enableEvents = false?)");
      if (this.pending.length) void this.flush();
      await Promise.all([...this.inflight]);
    }
  }

  get handlerCount(): number {
    return this.regs.filter((r) => !r.removed).length;
  }

  get runner() {
    return this.runBatch;
  }
}

/** `worksheet.onChanged` / `worksheets.onChanged` / `worksheets.onAdded`. */
export class EventHandlersProxy extends SimObject<{ bus: EventBus; scope: Registration["scope"]; sheet?: SheetModel }> {
  get _spec(): ObjectSpec<any> {
    return { name: "EventHandlers", props: {} };
  }

  add(handler: (args: any) => Promise<any>): EventHandlerResultProxy {
    if (typeof handler !== "function") throw new TypeError("EventHandlers.add needs a function");
    const result = new EventHandlerResultProxy(this._ctx, `${this._path}.add()`, () => null);
    this._enqueue("add", "handler", () => {
      const t = this._resolve();
      result._reg = t.bus.register(t.scope, handler, t.sheet);
    });
    return result;
  }

  remove(_handler: unknown): void {
    throw new Error("not implemented in the simulated workbook: EventHandlers.remove (use the result of add().remove())");
  }
}

export class EventHandlerResultProxy extends SimObject<null> {
  _reg: Registration | undefined = undefined;
  get _spec(): ObjectSpec<null> {
    return { name: "EventHandlerResult", props: {} };
  }
  remove(): void {
    this._ctx._enqueue({ m: "remove", p: this._path }, () => {
      if (this._reg) this._reg.removed = true;
    });
  }
}

/**
 * A simulated Excel: the subset of Office.js that the Excel layer uses, keeping Excel's rules
 * (load before read, values after sync, array shapes, names, protection, events, request size),
 * in memory, with no dependencies, for Jest and for the browser preview page. See README.md.
 */
import { parseAddress } from "./address";
import { cultureOf } from "./application";
import { writeContents } from "./cellWrites";
import { excelEnums } from "./enums";
import { SimError, fail } from "./errors";
import { SimHost } from "./host";
import { findSheet } from "./model";
import { createInspector } from "./inspect";
import { createOffice, createOfficeExtension } from "./office";
import { RequestContext, runOn } from "./requestContext";
import { expandTablesBelow } from "./tableGrowth";
import { asTyped } from "./typing";

export { SimError } from "./errors";
export type { CellState } from "./inspect";
export { PAYLOAD_LIMIT_BYTES } from "./stats";
export { formatValue } from "./numberFormat";

export interface SimOptions {
  /** Sheets the workbook starts with (default ["Sheet1"]). */
  sheets?: string[];
  /** Highest supported version of each requirement set (default { ExcelApi: "1.18" }). */
  requirementSets?: Record<string, string>;
  /** Office.context.platform (default "OfficeOnline", Excel on the web, whose limits the sim keeps). */
  platform?: string;
  /**
   * Co-authoring, as in a workbook shared on OneDrive or SharePoint: TableRowCollection.add is
   * refused (code Conflict), since Office documents that it causes co-authoring conflicts (see
   * tables.ts). Whatever the flag, `stats.tableRowAdds` counts the calls that ran.
   */
  coauthoring?: boolean;
  /**
   * application.cultureInfo's culture: "en-US" (M/d/yyyy), "en-GB" (dd/MM/yyyy) … (CULTURES in
   * application.ts). Default "en-GB", day-first like the add-in's default date order.
   */
  culture?: string;
}

export function createSimulatedExcel(options: SimOptions = {}) {
  const host = new SimHost(options.sheets ?? ["Sheet1"], { ExcelApi: "1.18", ...options.requirementSets }, cultureOf(options.culture ?? "en-GB"));
  const wb = host.wb;
  wb.coauthoring = options.coauthoring ?? false;

  class SimRequestContext extends RequestContext {
    constructor() {
      super(host);
    }
  }

  const Excel = {
    ...excelEnums,
    RequestContext: SimRequestContext,
    /** Excel.run(batch), or Excel.run(contextOrObject, batch) to reuse a context (as removing an event handler needs). */
    run<R>(first: unknown, second?: unknown): Promise<R> {
      if (typeof first === "function") return host.run(first as (c: RequestContext) => Promise<R>);
      const ctx = first instanceof RequestContext ? first : (first as { _ctx?: unknown })?._ctx;
      if (!(ctx instanceof RequestContext) || ctx._host !== host || typeof second !== "function") {
        return Promise.reject(new SimError("NotImplemented", "not implemented in the simulated workbook: Excel.run with options; pass a batch function, optionally after a context or object of this workbook"));
      }
      return runOn(ctx, second as (c: RequestContext) => Promise<R>);
    },
  };
  const Office = createOffice(host, options.platform ?? "OfficeOnline");
  const OfficeExtension = createOfficeExtension();

  const inspector = createInspector(host);

  const api = {
    Excel,
    Office,
    OfficeExtension,
    stats: host.stats,

    /** Puts Excel, Office and OfficeExtension on a global (globalThis, window); returns the undo. */
    install(globalObj: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
      const names = ["Excel", "Office", "OfficeExtension"] as const;
      const before = names.map((n) => [n, Object.prototype.hasOwnProperty.call(globalObj, n), globalObj[n]] as const);
      globalObj.Excel = Excel;
      globalObj.Office = Office;
      globalObj.OfficeExtension = OfficeExtension;
      return () => {
        for (const [n, had, value] of before) {
          if (had) globalObj[n] = value;
          else delete globalObj[n];
        }
      };
    },

    /**
     * Changes cells as a user typing or pasting would: Excel's parsing, table headers kept
     * valid, and onChanged with source "Local", triggerSource "Unknown" (ExcelApi 1.14) and
     * details for a single cell (ExcelApi 1.9). Resolves after the event handlers have run.
     * `how`: "type" (the default for one cell) reads each number as Excel's automatic percent
     * entry does in a cell formatted as a percentage (typing.ts); "paste" (the default for a
     * range) stores values as given.
     */
    async userEdit(sheet: string, address: string, values: unknown[][], how?: "type" | "paste"): Promise<void> {
      const s = findSheet(wb, sheet) ?? fail("ItemNotFound", `no sheet '${sheet}'`);
      const start = parseAddress(address)?.rect ?? fail("InvalidArgument", `bad address '${address}'`);
      if (!Array.isArray(values) || !Array.isArray(values[0])) fail("InvalidArgument", "userEdit takes a 2-D array");
      // A single cell is the top-left corner of what is pasted; a range must match the values' shape.
      const single = start.r0 === start.r1 && start.c0 === start.c1;
      const rect = single ? { r0: start.r0, c0: start.c0, r1: start.r0 + values.length - 1, c1: start.c0 + values[0].length - 1 } : start;
      if (s.protection.protected) fail("AccessDenied", `a user cannot edit locked cells of protected sheet '${s.name}'`);
      const typing = (how ?? (single && values.length === 1 && values[0].length === 1 ? "type" : "paste")) === "type";
      writeContents(host, s, rect, typing ? asTyped(s, rect.r0, rect.c0, values) : values, "userEdit", "Unknown");
      expandTablesBelow(wb, s, rect);
      await host.afterChange();
      await host.events.settle();
    },

    /**
     * Makes the next operation of `method` ("formulas", "values", "add", "delete"…) fail at sync with
     * `code`, as Excel fails an operation mid-batch: the operations before it stay applied.
     */
    failNext(method: string, code = "GeneralException"): void {
      host.failures.push({ method, code });
    },

    /**
     * A co-author's edit arriving (co-authoring in Excel on the web or Microsoft 365): the cells
     * change as typed, and onChanged fires with source "Remote". Resolves after the handlers ran.
     */
    async remoteEdit(sheet: string, address: string, values: unknown[][]): Promise<void> {
      const s = findSheet(wb, sheet) ?? fail("ItemNotFound", `no sheet '${sheet}'`);
      const start = parseAddress(address)?.rect ?? fail("InvalidArgument", `bad address '${address}'`);
      const rect = { r0: start.r0, c0: start.c0, r1: start.r0 + values.length - 1, c1: start.c0 + values[0].length - 1 };
      writeContents(host, s, rect, values, "remoteEdit", "Remote");
      expandTablesBelow(wb, s, rect);
      await host.afterChange();
      await host.events.settle();
    },

    /** Calls listener after every sync and edit (the preview page re-renders). Returns the unsubscribe. */
    subscribe(listener: () => void): () => void {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },

    /** Resolves when every pending event handler has run. */
    settle(): Promise<void> {
      return host.events.settle();
    },

    /** Errors thrown by event handlers (Excel swallows them). */
    get handlerErrors(): unknown[] {
      return host.events.handlerErrors;
    },

    /** Number of registered event handlers. */
    get handlerCount(): number {
      return host.events.handlerCount;
    },

    /** Runs a ribbon command registered with Office.actions.associate; resolves when it calls event.completed(). */
    runAction(actionId: string, source: Record<string, unknown> = {}): Promise<void> {
      const fn = host.actions.get(actionId);
      if (!fn) return Promise.reject(new Error(`no action '${actionId}' was associated`));
      return new Promise<void>((resolve, reject) => {
        const event = { source: { id: actionId, ...source }, completed: () => resolve() };
        Promise.resolve()
          .then(() => fn(event))
          .catch(reject);
      });
    },
  };
  // defineProperties, not Object.assign, so that the getters stay live.
  return Object.defineProperties(inspector, Object.getOwnPropertyDescriptors(api)) as typeof inspector & typeof api;
}

export type SimulatedExcel = ReturnType<typeof createSimulatedExcel>;

/** The workbook object and the add-in runtime (enableEvents). */
import { CommentCollectionProxy } from "./comments";
import { fail } from "./errors";
import type { SimHost } from "./host";
import { requireApi, type WorkbookModel } from "./model";
import { NamedItemCollectionProxy } from "./names";
import { NoteCollectionProxy } from "./notes";
import { SimObject, type ObjectSpec } from "./proxy";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./tables";
import { WorksheetCollectionProxy } from "./worksheet";

const host = (self: SimObject<any>): SimHost => self._ctx._host;

const WORKBOOK_SPEC: ObjectSpec<WorkbookModel> = {
  name: "Workbook",
  props: {
    name: { get: () => "Simulated.xlsx" },
  },
  nav: {
    worksheets: (self: WorkbookProxy) => new WorksheetCollectionProxy(self._ctx, "worksheets", () => host(self).wb),
    tables: (self: WorkbookProxy) => new TableCollectionProxy(self._ctx, "tables", () => host(self).wb),
    names: (self: WorkbookProxy) => new NamedItemCollectionProxy(self._ctx, "names", () => host(self).wb),
    notes: (self: WorkbookProxy) =>
      new NoteCollectionProxy(self._ctx, "notes", () => {
        requireApi(host(self).wb, "1.18", "Workbook.notes");
        return { wb: host(self).wb };
      }),
    comments: (self: WorkbookProxy) =>
      new CommentCollectionProxy(self._ctx, "comments", () => {
        requireApi(host(self).wb, "1.10", "Workbook.comments");
        return { wb: host(self).wb };
      }),
  },
};

export class WorkbookProxy extends SimObject<WorkbookModel> {
  get _spec() {
    return WORKBOOK_SPEC;
  }

  getSelectedRange(): RangeProxy {
    const child = new RangeProxy(this._ctx, "workbook.getSelectedRange()", () => {
      const wb = this._resolve();
      return { sheet: wb.selection.sheet, rect: wb.selection.rect };
    });
    return this._child(child, "getSelectedRange", []);
  }

  getActiveCell(): RangeProxy {
    const child = new RangeProxy(this._ctx, "workbook.getActiveCell()", () => {
      const { sheet, rect } = this._resolve().selection;
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
    });
    return this._child(child, "getActiveCell", []);
  }
}

const RUNTIME_SPEC: ObjectSpec<WorkbookModel> = {
  name: "Runtime",
  props: {
    enableEvents: {
      get: (wb) => wb.enableEvents,
      set: (wb, v) => {
        requireApi(wb, "1.8", "Runtime.enableEvents");
        if (typeof v !== "boolean") fail("InvalidArgument", "enableEvents must be a boolean");
        wb.enableEvents = v;
      },
    },
  },
};

export class RuntimeProxy extends SimObject<WorkbookModel> {
  get _spec() {
    return RUNTIME_SPEC;
  }
}

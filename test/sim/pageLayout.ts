/**
 * Page layout (ExcelApi 1.9): orientation, margins, zoom (fit to pages), print area, print title
 * rows and the headers and footers, as Excel keeps them per sheet. Every member fails with
 * ApiNotFound on a host without ExcelApi 1.9, as Excel does: "Worksheet.pageLayout … [API set:
 * ExcelApi 1.9]" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-pagelayout-member).
 * Margins are in points and may not be negative; horizontalFitToPages and verticalFitToPages are
 * whole numbers of pages, scale 10 to 400 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions).
 */
import { fail } from "./errors";
import type { SimHost } from "./host";
import { requireApi, type SheetModel } from "./model";
import { SimObject, type ObjectSpec } from "./proxy";
import type { RangeProxy } from "./range";
import { resolveAddress } from "./resolve";

export interface PageZoom {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export type HeaderFooterKey = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: PageZoom;
  /** A1 address on the sheet, as given; null: none. */
  printArea: string | null;
  printTitleRows: string | null;
  headersFooters: Record<HeaderFooterKey, string>;
}

/** Excel's defaults for a new sheet (Normal margins: 0.7" left and right, 0.75" top and bottom). */
export function newPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
}

const host = (self: SimObject<any>): SimHost => self._ctx._host;

function alive(h: SimHost, s: SheetModel, what: string): void {
  requireApi(h.wb, "1.9", what);
  if (s.deleted) fail("ItemNotFound", `sheet '${s.name}' was deleted`);
}

function margin(name: string) {
  return {
    get: (s: SheetModel) => s.pageLayout[name as "leftMargin"],
    set: (s: SheetModel, v: unknown) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail("InvalidArgument", `${name} must be a number of points, 0 or more`);
      s.pageLayout[name as "leftMargin"] = v;
    },
  };
}

function checkZoom(v: unknown): PageZoom {
  if (v === null || typeof v !== "object") return fail("InvalidArgument", "zoom must be PageLayoutZoomOptions");
  const z = v as PageZoom;
  for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
    if (z[k] !== undefined && (!Number.isInteger(z[k]) || (z[k] as number) < 0)) fail("InvalidArgument", `${k} must be a whole number of pages`);
  }
  if (z.scale !== undefined && (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400)) fail("InvalidArgument", "scale must be 10 to 400");
  return { ...z };
}

export class PageLayoutProxy extends SimObject<SheetModel> {
  get _spec(): ObjectSpec<SheetModel> {
    return {
      name: "PageLayout",
      check: (s) => alive(host(this), s, "Worksheet.pageLayout"),
      nav: { headersFooters: (self: PageLayoutProxy) => new HeadersFootersProxy(self._ctx, `${self._path}.headersFooters`, () => self._resolveOrNull(), self._orNull) },
      props: {
        orientation: {
          get: (s) => s.pageLayout.orientation,
          set: (s, v) => {
            s.pageLayout.orientation = v === "Landscape" || v === "Portrait" ? v : fail("InvalidArgument", "orientation must be Portrait or Landscape");
          },
        },
        leftMargin: margin("leftMargin"),
        rightMargin: margin("rightMargin"),
        topMargin: margin("topMargin"),
        bottomMargin: margin("bottomMargin"),
        headerMargin: margin("headerMargin"),
        footerMargin: margin("footerMargin"),
        zoom: { get: (s) => ({ ...s.pageLayout.zoom }), set: (s, v) => void (s.pageLayout.zoom = checkZoom(v)) },
      },
    };
  }

  _area(method: string, value: RangeProxy | string, set: (s: SheetModel, address: string) => void): void {
    this._enqueue(method, [typeof value === "string" ? value : { ref: value._path }], () => {
      const s = this._resolve();
      if (typeof value === "string") {
        resolveAddress(host(this), value, s); // fails on an address Excel would refuse
        set(s, value);
      } else {
        const t = value._resolve();
        if (t.sheet !== s) fail("InvalidArgument", `${method} needs a range on the same sheet`);
        set(s, value._path);
      }
    });
  }

  setPrintArea(printArea: RangeProxy | string): void {
    this._area("setPrintArea", printArea, (s, a) => (s.pageLayout.printArea = a));
  }

  setPrintTitleRows(rows: RangeProxy | string): void {
    this._area("setPrintTitleRows", rows, (s, a) => (s.pageLayout.printTitleRows = a));
  }
}

export class HeadersFootersProxy extends SimObject<SheetModel> {
  get _spec(): ObjectSpec<SheetModel> {
    return {
      name: "HeaderFooterGroup",
      check: (s) => alive(host(this), s, "PageLayout.headersFooters"),
      nav: { defaultForAllPages: (self: HeadersFootersProxy) => new HeaderFooterProxy(self._ctx, `${self._path}.defaultForAllPages`, () => self._resolveOrNull(), self._orNull) },
      props: {},
    };
  }
}

const SECTION_MAX = 255;

function section(key: HeaderFooterKey) {
  return {
    get: (s: SheetModel) => s.pageLayout.headersFooters[key],
    set: (s: SheetModel, v: unknown) => {
      if (typeof v !== "string") fail("InvalidArgument", `${key} must be a string`);
      if ((v as string).length > SECTION_MAX) fail("InvalidArgument", `${key} holds more than ${SECTION_MAX} characters`);
      s.pageLayout.headersFooters[key] = v as string;
    },
  };
}

export class HeaderFooterProxy extends SimObject<SheetModel> {
  get _spec(): ObjectSpec<SheetModel> {
    return {
      name: "HeaderFooter",
      check: (s) => alive(host(this), s, "HeaderFooter"),
      props: {
        leftHeader: section("leftHeader"),
        centerHeader: section("centerHeader"),
        rightHeader: section("rightHeader"),
        leftFooter: section("leftFooter"),
        centerFooter: section("centerFooter"),
        rightFooter: section("rightFooter"),
      },
    };
  }
}

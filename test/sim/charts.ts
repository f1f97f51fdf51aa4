/**
 * Charts: recorded (type, source, series orientation, title, position, series fills, category axis
 * type), never rendered. The series are the source's columns (or rows) after the first, the first
 * row or column being the labels, as Excel takes a source whose first column holds labels or whose
 * top-left cell is blank.
 */
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./cellStore";
import { excelEnums } from "./enums";
import { fail } from "./errors";
import { normalizeColor } from "./colors";
import { assertUnprotected, nextId, type ChartModel, type SheetModel } from "./model";
import { SimCollection, SimObject, resultOf, sameContext, type ClientResult, type ObjectSpec } from "./proxy";
import type { RangeProxy } from "./range";
import { resolveAddress } from "./resolve";

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

const CHART_TYPES = new Set<string>(Object.values(excelEnums.ChartType));
const SERIES_BY = ["Auto", "Columns", "Rows"];

function checkChart(t: ChartTarget): void {
  if (t.sheet.deleted || !t.sheet.charts.includes(t.chart)) fail("ItemNotFound", "the chart was deleted");
}

function editable(t: ChartTarget): void {
  assertUnprotected(t.sheet, "changing a chart", "allowEditObjects");
}

function points(v: unknown, what: string): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fail("InvalidArgument", `${what} must be a number ≥ 0`);
}

/** Top-left corner of a cell, in points, from the sheet's column widths and row heights. */
function cellOrigin(sheet: SheetModel, r: number, c: number): { top: number; left: number } {
  let top = 0;
  for (let i = 0; i < r; i++) top += sheet.store.rowHeight.get(i) ?? DEFAULT_ROW_HEIGHT;
  let left = 0;
  for (let j = 0; j < c; j++) left += sheet.store.colWidth.get(j) ?? DEFAULT_COLUMN_WIDTH;
  return { top, left };
}

export class ChartCollectionProxy extends SimCollection<SheetModel, ChartTarget> {
  get _spec(): ObjectSpec<SheetModel> {
    return { name: "ChartCollection", props: { count: { get: (s) => s.charts.length } } };
  }
  _list(s: SheetModel): ChartTarget[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  _itemProxy(item: ChartTarget, i: number): ChartProxy {
    return new ChartProxy(this._ctx, `${this._path}.items[${i}]`, () => item);
  }
  _chart(method: string, args: unknown[], find: (s: SheetModel) => ChartTarget | null, orNull = false): ChartProxy {
    const child = new ChartProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => {
      const s = this._resolveOrNull();
      return s && find(s);
    }, orNull || this._orNull);
    return this._child(child, method, args);
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    sameContext(this, sourceData);
    return this._chart("add", [type, { ref: sourceData?._path }, seriesBy], (s) => {
      if (!CHART_TYPES.has(type)) fail("InvalidArgument", `'${type}' is not an Excel.ChartType`);
      if (!SERIES_BY.includes(seriesBy)) fail("InvalidArgument", `seriesBy must be one of ${SERIES_BY.join(", ")}`);
      assertUnprotected(s, "adding a chart", "allowEditObjects");
      const src = sourceData._resolve();
      const n = nextId(this._ctx._host.wb, "chart");
      const chart: ChartModel = { id: `{sim-chart-${n}}`, name: `Chart ${n}`, chartType: type, source: src.rect, seriesBy, seriesFill: [], categoryType: "Automatic", title: null, top: 0, left: 0, width: 360, height: 216 };
      s.charts.push(chart);
      return { sheet: s, chart };
    });
  }
  getItem(name: string): ChartProxy {
    return this._chart("getItem", [name], (s) => this._list(s).find((x) => x.chart.name === name) ?? fail("ItemNotFound", `no chart '${name}'`));
  }
  getItemOrNullObject(name: string): ChartProxy {
    return this._chart("getItemOrNullObject", [name], (s) => this._list(s).find((x) => x.chart.name === name) ?? null, true);
  }
  getItemAt(index: number): ChartProxy {
    return this._chart("getItemAt", [index], (s) => this._list(s)[index] ?? fail("InvalidArgument", `no chart at index ${index}`));
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._resolve().charts.length);
  }
}

const size = (k: "top" | "left" | "width" | "height") => ({
  get: (t: ChartTarget) => t.chart[k],
  set: (t: ChartTarget, v: unknown) => {
    editable(t);
    t.chart[k] = points(v, k);
  },
});

const CHART_SPEC: ObjectSpec<ChartTarget> = {
  name: "Chart",
  check: checkChart,
  props: {
    id: { get: (t) => t.chart.id },
    name: {
      get: (t) => t.chart.name,
      set: (t, v) => {
        editable(t);
        t.chart.name = typeof v === "string" && v !== "" ? v : fail("InvalidArgument", "a chart name must be a non-empty string");
      },
    },
    chartType: {
      get: (t) => t.chart.chartType,
      set: (t, v) => {
        editable(t);
        t.chart.chartType = CHART_TYPES.has(v) ? v : fail("InvalidArgument", `'${v}' is not an Excel.ChartType`);
      },
    },
    top: size("top"),
    left: size("left"),
    width: size("width"),
    height: size("height"),
  },
  nav: {
    title: (self: ChartProxy) => new ChartTitleProxy(self._ctx, `${self._path}.title`, () => self._resolveOrNull(), self._orNull),
    series: (self: ChartProxy) => new ChartSeriesCollectionProxy(self._ctx, `${self._path}.series`, () => self._resolveOrNull(), self._orNull),
    axes: (self: ChartProxy) => new ChartAxesProxy(self._ctx, `${self._path}.axes`, () => self._resolveOrNull(), self._orNull),
  },
};

export class ChartProxy extends SimObject<ChartTarget> {
  get _spec() {
    return CHART_SPEC;
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const d = (x: unknown) => (typeof x === "string" ? x : x === undefined ? null : { ref: (x as RangeProxy)._path });
    this._enqueue("setPosition", [d(startCell), d(endCell)], () => {
      const t = this._resolve();
      editable(t);
      const at = (x: RangeProxy | string) => (typeof x === "string" ? resolveAddress(this._ctx._host, x, t.sheet) : x._resolve());
      const start = at(startCell);
      const origin = cellOrigin(t.sheet, start.rect.r0, start.rect.c0);
      t.chart.top = origin.top;
      t.chart.left = origin.left;
      if (endCell !== undefined) {
        const end = at(endCell);
        const far = cellOrigin(t.sheet, end.rect.r1 + 1, end.rect.c1 + 1);
        if (far.top <= origin.top || far.left <= origin.left) fail("InvalidArgument", "endCell must be below and right of startCell");
        t.chart.width = far.left - origin.left;
        t.chart.height = far.top - origin.top;
      }
    });
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const t = this._resolve();
      editable(t);
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

const TITLE_SPEC: ObjectSpec<ChartTarget> = {
  name: "ChartTitle",
  check: checkChart,
  props: {
    text: {
      get: (t) => t.chart.title ?? "",
      set: (t, v) => {
        editable(t);
        t.chart.title = String(v);
      },
    },
    visible: {
      get: (t) => t.chart.title !== null,
      set: (t, v) => {
        editable(t);
        if (!v) t.chart.title = null;
        else if (t.chart.title === null) t.chart.title = "";
      },
    },
  },
};

export class ChartTitleProxy extends SimObject<ChartTarget> {
  get _spec() {
    return TITLE_SPEC;
  }
}

/** How many series the chart's source makes (see the header comment). */
function seriesCount(c: ChartModel): number {
  const r = c.source;
  return Math.max(0, c.seriesBy === "Rows" ? r.r1 - r.r0 : r.c1 - r.c0);
}

interface SeriesTarget extends ChartTarget {
  index: number;
}

export class ChartSeriesCollectionProxy extends SimObject<ChartTarget> {
  get _spec(): ObjectSpec<ChartTarget> {
    return { name: "ChartSeriesCollection", check: checkChart, props: { count: { get: (t) => seriesCount(t.chart) } } };
  }
  getItemAt(index: number): ChartSeriesProxy {
    const child = new ChartSeriesProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const t = this._resolveOrNull();
      if (!t) return null;
      if (!Number.isInteger(index) || index < 0 || index >= seriesCount(t.chart)) fail("InvalidArgument", `the chart has ${seriesCount(t.chart)} series: no series at index ${index}`);
      return { ...t, index };
    }, this._orNull);
    return this._child(child, "getItemAt", [index]);
  }
}

const SERIES_SPEC: ObjectSpec<SeriesTarget> = {
  name: "ChartSeries",
  check: checkChart,
  props: {},
  nav: {
    format: (self: ChartSeriesProxy) => new ChartSeriesFormatProxy(self._ctx, `${self._path}.format`, () => self._resolveOrNull(), self._orNull),
  },
};

export class ChartSeriesProxy extends SimObject<SeriesTarget> {
  get _spec() {
    return SERIES_SPEC;
  }
}

export class ChartSeriesFormatProxy extends SimObject<SeriesTarget> {
  get _spec(): ObjectSpec<SeriesTarget> {
    return {
      name: "ChartSeriesFormat",
      check: checkChart,
      props: {},
      nav: { fill: (self: ChartSeriesFormatProxy) => new ChartFillProxy(self._ctx, `${self._path}.fill`, () => self._resolveOrNull(), self._orNull) },
    };
  }
}

export class ChartFillProxy extends SimObject<SeriesTarget> {
  get _spec(): ObjectSpec<SeriesTarget> {
    return { name: "ChartFill", check: checkChart, props: {} };
  }
  setSolidColor(color: string): void {
    this._enqueue("setSolidColor", [color], () => {
      const t = this._resolve();
      editable(t);
      t.chart.seriesFill[t.index] = normalizeColor(color, "ChartFill.setSolidColor");
    });
  }
}

const CATEGORY_TYPES = Object.values(excelEnums.ChartAxisCategoryType) as string[];

export class ChartAxesProxy extends SimObject<ChartTarget> {
  get _spec(): ObjectSpec<ChartTarget> {
    return {
      name: "ChartAxes",
      check: checkChart,
      props: {},
      nav: { categoryAxis: (self: ChartAxesProxy) => new ChartAxisProxy(self._ctx, `${self._path}.categoryAxis`, () => self._resolveOrNull(), self._orNull) },
    };
  }
}

/** The category axis (ExcelApi 1.7 for categoryType). */
export class ChartAxisProxy extends SimObject<ChartTarget> {
  get _spec(): ObjectSpec<ChartTarget> {
    return {
      name: "ChartAxis",
      check: checkChart,
      props: {
        categoryType: {
          get: (t) => t.chart.categoryType,
          set: (t, v) => {
            editable(t);
            t.chart.categoryType = CATEGORY_TYPES.includes(v as string) ? (v as string) : fail("InvalidArgument", `'${String(v)}' is not an Excel.ChartAxisCategoryType`);
          },
        },
      },
    };
  }
}

/**
 * context.application: only cultureInfo (ExcelApi 1.11) with its name and datetimeFormat
 * (ExcelApi 1.12), from a culture chosen when the sim is created. Real Excel takes these from the
 * system's (or Excel's) language and region; here `createSimulatedExcel({ culture: "en-US" })`.
 */
import { fail } from "./errors";
import type { SimHost } from "./host";
import { requireApi, type WorkbookModel } from "./model";
import { SimObject, type ObjectSpec } from "./proxy";

export interface CultureModel {
  name: string;
  dateSeparator: string;
  shortDatePattern: string;
  longDatePattern: string;
  shortTimePattern: string;
  longTimePattern: string;
}

/** The cultures the sim knows, with Windows' patterns for them. */
export const CULTURES: Record<string, CultureModel> = Object.fromEntries(
  (
    [
      ["en-US", "/", "M/d/yyyy", "dddd, MMMM d, yyyy", "h:mm tt", "h:mm:ss tt"],
      ["en-GB", "/", "dd/MM/yyyy", "dd MMMM yyyy", "HH:mm", "HH:mm:ss"],
      ["fr-FR", "/", "dd/MM/yyyy", "dddd d MMMM yyyy", "HH:mm", "HH:mm:ss"],
      ["de-DE", ".", "dd.MM.yyyy", "dddd, d. MMMM yyyy", "HH:mm", "HH:mm:ss"],
      ["pt-BR", "/", "dd/MM/yyyy", "dddd, d' de 'MMMM' de 'yyyy", "HH:mm", "HH:mm:ss"],
      ["ja-JP", "/", "yyyy/MM/dd", "yyyy'年'M'月'd'日'", "H:mm", "H:mm:ss"],
      ["sv-SE", "-", "yyyy-MM-dd", "'den 'd MMMM yyyy", "HH:mm", "HH:mm:ss"],
    ] as const
  ).map(([name, dateSeparator, shortDatePattern, longDatePattern, shortTimePattern, longTimePattern]) => [
    name.toLowerCase(),
    { name, dateSeparator, shortDatePattern, longDatePattern, shortTimePattern, longTimePattern },
  ]),
);

export function cultureOf(name: string): CultureModel {
  return CULTURES[name.toLowerCase()] ?? fail("InvalidArgument", `the simulated workbook knows no culture '${name}' (it knows ${Object.values(CULTURES).map((c) => c.name).join(", ")})`);
}

const host = (self: SimObject<any>): SimHost => self._ctx._host;

const DATETIME_SPEC: ObjectSpec<CultureModel> = {
  name: "DatetimeFormatInfo",
  props: {
    dateSeparator: { get: (c) => c.dateSeparator },
    shortDatePattern: { get: (c) => c.shortDatePattern },
    longDatePattern: { get: (c) => c.longDatePattern },
    shortTimePattern: { get: (c) => c.shortTimePattern },
    longTimePattern: { get: (c) => c.longTimePattern },
  },
};

export class DatetimeFormatInfoProxy extends SimObject<CultureModel> {
  get _spec() {
    return DATETIME_SPEC;
  }
}

const CULTURE_SPEC: ObjectSpec<CultureModel> = {
  name: "CultureInfo",
  props: {
    name: { get: (c) => c.name },
  },
  nav: {
    datetimeFormat: (self: CultureInfoProxy) =>
      new DatetimeFormatInfoProxy(self._ctx, "application.cultureInfo.datetimeFormat", () => {
        requireApi(host(self).wb, "1.12", "CultureInfo.datetimeFormat");
        return host(self).wb.culture;
      }),
  },
};

export class CultureInfoProxy extends SimObject<CultureModel> {
  get _spec() {
    return CULTURE_SPEC;
  }
}

const APPLICATION_SPEC: ObjectSpec<WorkbookModel> = {
  name: "Application",
  props: {},
  nav: {
    cultureInfo: (self: ApplicationProxy) =>
      new CultureInfoProxy(self._ctx, "application.cultureInfo", () => {
        requireApi(host(self).wb, "1.11", "Application.cultureInfo");
        return host(self).wb.culture;
      }),
  },
};

export class ApplicationProxy extends SimObject<WorkbookModel> {
  get _spec() {
    return APPLICATION_SPEC;
  }
}

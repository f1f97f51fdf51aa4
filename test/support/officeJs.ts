/**
 * The real Office.js Excel library (@microsoft/office-js, excel-web-16.00.js: the one Excel on the
 * web runs), loaded into a Node VM with a request executor that records each request body instead
 * of sending it. Nothing runs against a workbook: every sync gets an empty, successful response.
 * Tests use it to hold the simulated workbook's request sizes, and the Excel layer's own byte
 * counts, to what Office.js really sends.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runInContext, createContext } from "vm";

const LIBRARY = join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

let sandbox: Record<string, any> | null = null;

function library(): Record<string, any> {
  if (sandbox) return sandbox;
  const quiet = { log() {}, warn() {}, error() {}, info() {} };
  const box: Record<string, any> = {
    console: quiet,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: "node" },
    document: { createElement: () => ({}), getElementsByTagName: () => [], readyState: "complete", addEventListener() {}, cookie: "" },
    location: { href: "https://localhost/", search: "", hash: "", protocol: "https:", hostname: "localhost" },
    addEventListener() {},
  };
  box.window = box.self = box.top = box.parent = box;
  createContext(box);
  runInContext(readFileSync(LIBRARY, "utf8"), box, { filename: "excel-web-16.00.debug.js" });
  sandbox = box;
  return box;
}

/** A request context of the real library; `requests` gets the UTF-8 size (and body) of each sync's request. */
export function officeJsContext(): { context: Excel.RequestContext; requests: { bytes: number; body: unknown }[] } {
  const Excel = library().Excel;
  const context = new Excel.RequestContext();
  const requests: { bytes: number; body: unknown }[] = [];
  const encoder = new TextEncoder();
  context._requestExecutor = {
    executeAsync(_customData: unknown, _flags: unknown, message: { Body: unknown }) {
      requests.push({ bytes: encoder.encode(JSON.stringify(message.Body)).length, body: message.Body });
      return Promise.resolve({ ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: [] } });
    },
  };
  return { context: context as Excel.RequestContext, requests };
}

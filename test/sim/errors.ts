/** Errors shaped like OfficeExtension.Error: a `code`, Excel's message and a `debugInfo`. */

const messages: Record<string, string> = {
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  AccessDenied:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidCellAddress: "The cell address is invalid.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  NotImplemented: "The requested feature isn't implemented.",
  Conflict: "Request could not be processed because of a conflict.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  FormulaLengthExceedsLimit: "The bytecode of the applied formula exceeds the maximum length limit.",
};

export class SimError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  constructor(code: string, message?: string, errorLocation?: string) {
    super(message ?? messages[code] ?? code);
    this.code = code;
    this.debugInfo = { code, message: this.message, errorLocation };
  }
}

/** Throws an Excel-style error; `detail` is appended so a failing test says what went wrong. */
export function fail(code: string, detail?: string, errorLocation?: string): never {
  const base = messages[code] ?? code;
  throw new SimError(code, detail ? `${base} (${detail})` : base, errorLocation);
}

export function propertyNotLoaded(property: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    property,
  );
}

export function valueNotLoaded(): SimError {
  return new SimError(
    "ValueNotLoaded",
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

/** For every part of Office.js that the sim does not model: fail loudly, never silently. */
export function notImplemented(what: string): never {
  throw new SimError("NotImplemented", `not implemented in the simulated workbook: ${what}`, what);
}

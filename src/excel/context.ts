/**
 * Excel.run with the add-in's error mapping: every Office error that reaches a user becomes a
 * JointPlanError that says what is wrong and what to do.
 */
import { JointPlanError, isJointPlanError } from "./errors";
import { requireExcelApi } from "./requirements";

interface OfficeErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; errorLocation?: string; statement?: string };
}

export function toJointPlanError(e: unknown): JointPlanError {
  if (isJointPlanError(e)) return e;
  const err = (e ?? {}) as OfficeErrorLike;
  const code = err.code ?? err.debugInfo?.code ?? "";
  switch (code) {
    case "AccessDenied":
      return new JointPlanError(
        "protected",
        "A sheet JointPlan needs to change is protected. Unprotect it (Review > Unprotect Sheet) and try again; nothing was changed.",
        { cause: e },
      );
    case "ItemNotFound":
      return new JointPlanError(
        "sheetMissing",
        "A sheet or table JointPlan was working on is no longer there (deleted or renamed). Run Check plan again to pick up the workbook as it is now.",
        { cause: e },
      );
    case "ApiNotFound":
      return new JointPlanError(
        "unsupported",
        "This version of Excel lacks a feature JointPlan needs. Update Excel, or use Excel on the web.",
        { cause: e },
      );
    case "RequestPayloadSizeLimitExceeded":
      return new JointPlanError("excel", "The change was too large for Excel to take in one go. Please report this; nothing was changed.", { cause: e });
    case "ResponsePayloadSizeLimitExceeded":
      return new JointPlanError("excel", "What JointPlan asked Excel to read was too large to come back in one go. Please report this; nothing was changed.", { cause: e });
    default:
      return new JointPlanError("excel", `Excel could not complete the command: ${err.message ?? String(e)}`, { cause: e });
  }
}

/** Runs a batch with the add-in's requirement check and error mapping. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  requireExcelApi();
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toJointPlanError(e);
  }
}

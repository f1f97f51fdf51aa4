/**
 * The one error type the Excel layer throws: a message a planner can act on (what is wrong and
 * what to do), and a code the task pane and the ribbon can branch on.
 */
export type JointPlanErrorCode =
  | "protected"
  | "noRoster"
  | "tableMissing"
  | "sheetMissing"
  | "unsupported"
  | "noPlan"
  | "invalidInput"
  | "formulaLimit"
  | "excel";

export class JointPlanError extends Error {
  readonly code: JointPlanErrorCode;
  constructor(code: JointPlanErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "JointPlanError";
    this.code = code;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export const isJointPlanError = (e: unknown): e is JointPlanError => e instanceof JointPlanError;

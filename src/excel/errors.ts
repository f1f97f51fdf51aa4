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
  | "exists"
  | "invalidInput"
  | "formulaLimit"
  | "excel";

export class JointPlanError extends Error {
  readonly code: JointPlanErrorCode;
  /** For "exists": the sheet that already holds what was asked for, which the user may open instead. */
  readonly sheet?: string;
  constructor(code: JointPlanErrorCode, message: string, options?: { cause?: unknown; sheet?: string }) {
    super(message);
    this.name = "JointPlanError";
    this.code = code;
    if (options?.sheet !== undefined) this.sheet = options.sheet;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export const isJointPlanError = (e: unknown): e is JointPlanError => e instanceof JointPlanError;

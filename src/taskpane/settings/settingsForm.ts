/**
 * The Settings form as typed text, and its conversion to and from the core's Settings schema.
 * Thresholds are shown as percentages (95) and pace tolerances as points (10); the workbook stores
 * fractions (0.95, 0.1). The text schema gives each field a plain message, then the Settings schema
 * itself decides (including its cross-field rules), so the pane accepts exactly what the core does.
 */
import { z } from "zod/mini";
import { DateOrder, RollUpMethod, Settings } from "../../plan/model";
import { isoToSerial, serialToIso } from "../shared/dates";

export interface SettingsFormValues {
  [key: string]: string;
  greenThreshold: string;
  amberThreshold: string;
  paceAmber: string;
  paceRed: string;
  asOf: string;
  dueSoonDays: string;
  staleDays: string;
  maxPriorities: string;
  rollUp: string;
  dateOrder: string;
}

const round = (x: number) => String(Number(x.toFixed(6)));

const numberText = (what: string, min: number, max: number, integer: boolean) =>
  z
    .pipe(
      z.string().check(z.trim(), z.minLength(1, `Enter ${what}.`)),
      z.transform((s: string) => Number(s.replace(/\s*%$/, "").replace(",", "."))),
    )
    .check(
      z.refine((n) => Number.isFinite(n), `Enter ${what} as a number.`),
      z.refine((n) => !integer || Number.isInteger(n), `Enter ${what} as a whole number.`),
      z.refine((n) => n >= min && n <= max, `Enter ${what} from ${min} to ${max}.`),
    );

const percent = (what: string, max: number) =>
  z.pipe(
    numberText(what, 0, max, false),
    z.transform((n: number) => n / 100),
  );

const SettingsFields = z.object({
  greenThreshold: percent("the Green threshold (%)", 1000),
  amberThreshold: percent("the Amber threshold (%)", 1000),
  paceAmber: percent("the Amber pace tolerance (points)", 100),
  paceRed: percent("the Red pace tolerance (points)", 100),
  asOf: z.pipe(
    z.string().check(
      z.trim(),
      z.refine((s) => s === "" || isoToSerial(s) !== null, "Enter a date, or leave it blank to use today."),
    ),
    z.transform((s: string) => (s === "" ? null : isoToSerial(s))),
  ),
  dueSoonDays: numberText("the due-soon days", 0, 366, true),
  staleDays: numberText("the stale-update days", 1, 3660, true),
  maxPriorities: numberText("the most priorities", 1, 20, true),
  rollUp: z.enum(RollUpMethod.options, { error: "Choose a roll-up method." }),
  // "" is the blank cell: from the workbook's language (Excel's date format).
  dateOrder: z.pipe(
    z.union([z.literal(""), z.enum(DateOrder.options)], { error: "Choose a date order." }),
    z.transform((s: "" | DateOrder) => (s === "" ? null : s)),
  ),
});

export const SettingsText = z.pipe(
  SettingsFields,
  // Then the core's own schema, with its cross-field rules (Amber not above Green …).
  z.transform((text: z.output<typeof SettingsFields>, ctx) => {
    const parsed = Settings.safeParse(text);
    if (parsed.success) return parsed.data;
    // zod/mini's transform has no ctx.addIssue; this is the issue classic zod's added.
    for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", message: issue.message, path: issue.path, input: text });
    return z.NEVER;
  }),
);

export function settingsToForm(s: Settings): SettingsFormValues {
  return {
    greenThreshold: round(s.greenThreshold * 100),
    amberThreshold: round(s.amberThreshold * 100),
    paceAmber: round(s.paceAmber * 100),
    paceRed: round(s.paceRed * 100),
    asOf: serialToIso(s.asOf),
    dueSoonDays: String(s.dueSoonDays),
    staleDays: String(s.staleDays),
    maxPriorities: String(s.maxPriorities),
    rollUp: s.rollUp,
    dateOrder: s.dateOrder ?? "",
  };
}

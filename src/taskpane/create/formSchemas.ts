/**
 * The Create tab's forms as zod schemas over the strings the user types, with messages a planner
 * understands. They end in the core's own schemas (JbpHeader, JapHeader, RosterEntry) so that the
 * pane accepts exactly what the plan model accepts.
 */
import { z } from "zod/mini";
import { JapHeader, JbpHeader, Party, RosterEntry } from "../../plan/model";

const MAX_TEXT = 120;

const requiredText = (what: string) =>
  z.string().check(z.trim(), z.minLength(1, `Enter the ${what}.`), z.maxLength(MAX_TEXT, `Keep the ${what} under ${MAX_TEXT} characters.`));

const optionalText = (what: string) => z.string().check(z.trim(), z.maxLength(MAX_TEXT, `Keep the ${what} under ${MAX_TEXT} characters.`));

/** A year typed as text, checked against the JBP header's own year rule. */
const yearText = z.pipe(
  z
    .pipe(z.string().check(z.trim(), z.regex(/^\d{4}$/, "Enter the year as four digits, for example 2026.")), z.transform(Number))
    .check(z.refine((y) => y >= 2000 && y <= 2100, "Enter a year from 2000 to 2100.")),
  // The rule inside the year's default and nullable: zod/mini has no .unwrap(), which returned def.innerType.
  JbpHeader.shape.year.def.innerType.def.innerType,
);

export const JbpForm = z.object({
  principal: requiredText("principal (your company)"),
  distributor: requiredText("distributor's name"),
  market: optionalText("market"),
  year: yearText,
});
export type JbpFormValues = { principal: string; distributor: string; market: string; year: string };

/** YYYY-MM, the form an `<input type="month">` gives, and what a browser without one lets the user type. */
export const MonthText = z.string().check(
  z.trim(),
  z.minLength(1, "Choose the plan's month."),
  z.regex(/^\d{4}-\d{2}$/, "Enter the month as YYYY-MM, for example 2026-03."),
  z.refine((s) => {
    const [y, m] = s.split("-").map(Number);
    return m >= 1 && m <= 12 && y >= 2000 && y <= 2100;
  }, "Enter a month from 2000-01 to 2100-12."),
);

export const JapForm = z.object({
  distributor: z.pipe(requiredText("distributor's name"), JapHeader.shape.distributor.def.innerType),
  month: MonthText,
  jbpSheet: JapHeader.shape.jbpSheet.def.innerType,
});
export type JapFormValues = { distributor: string; month: string; jbpSheet: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const RosterForm = z.pipe(
  z.object({
    name: requiredText("person's name"),
    party: z.string().check(z.refine((p) => Party.safeParse(p).success, "Choose Principal or Distributor.")),
    role: optionalText("role"),
    email: z.string().check(
      z.trim(),
      z.refine((e) => e === "" || EMAIL.test(e), "Enter an email address such as ana.silva@example.com, or leave it blank."),
    ),
  }),
  z.transform((v: RosterFormValues) => RosterEntry.parse({ name: v.name, party: v.party, role: v.role, email: v.email, active: true })),
);
export type RosterFormValues = { name: string; party: string; role: string; email: string };

/** "2026-03" for a date, in the user's calendar. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

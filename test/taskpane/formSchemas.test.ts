import { JapForm, JbpForm, RosterForm } from "../../src/taskpane/create/formSchemas";
import { fieldErrors } from "../../src/taskpane/shared/useZodForm";

describe("JBP form schema", () => {
  const good = { principal: "Northwind Beverages", distributor: "Andes Distribución", market: "Peru", year: "2026" };

  it("parses a good form into the values the command takes", () => {
    expect(JbpForm.parse({ ...good, principal: "  Northwind Beverages " })).toEqual({ ...good, year: 2026 });
  });

  it("names each wrong field with a message a planner understands", () => {
    expect(fieldErrors(JbpForm, { ...good, principal: " ", year: "26" })).toEqual({
      principal: "Enter the principal (your company).",
      year: "Enter the year as four digits, for example 2026.",
    });
    expect(fieldErrors(JbpForm, { ...good, year: "1999" })).toEqual({ year: "Enter a year from 2000 to 2100." });
    expect(fieldErrors(JbpForm, { ...good, market: "x".repeat(121) }).market).toMatch(/under 120 characters/);
  });
});

describe("JAP form schema", () => {
  it("accepts YYYY-MM and an optional linked JBP", () => {
    expect(JapForm.parse({ distributor: "Andes", month: "2026-03", jbpSheet: "" })).toEqual({ distributor: "Andes", month: "2026-03", jbpSheet: "" });
  });

  it("rejects a month that is not YYYY-MM or not a month", () => {
    expect(fieldErrors(JapForm, { distributor: "Andes", month: "03/2026", jbpSheet: "" }).month).toBe("Enter the month as YYYY-MM, for example 2026-03.");
    expect(fieldErrors(JapForm, { distributor: "Andes", month: "2026-13", jbpSheet: "" }).month).toBe("Enter a month from 2000-01 to 2100-12.");
    expect(fieldErrors(JapForm, { distributor: "", month: "", jbpSheet: "" })).toEqual({
      distributor: "Enter the distributor's name.",
      month: "Choose the plan's month.",
    });
  });
});

describe("Roster form schema", () => {
  it("ends in a RosterEntry, active by default", () => {
    expect(RosterForm.parse({ name: " Ana Silva ", party: "Principal", role: "KAM", email: "" })).toEqual({
      name: "Ana Silva",
      party: "Principal",
      role: "KAM",
      email: "",
      active: true,
    });
  });

  it("wants a party from the list and a real email when one is given", () => {
    expect(fieldErrors(RosterForm, { name: "Ana", party: "Joint", role: "", email: "ana@" })).toEqual({
      party: "Choose Principal or Distributor.",
      email: "Enter an email address such as ana.silva@example.com, or leave it blank.",
    });
  });
});

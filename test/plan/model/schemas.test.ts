import { DEFAULT_SETTINGS, JapHeader, JbpHeader, MAX_CELL_TEXT, RosterEntry, Settings } from "../../../src/plan/model/schemas";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("model: the messages a user can meet", () => {
  it("the defaults parse, in order", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ greenThreshold: 0.95, amberThreshold: 0.85, dueSoonDays: 7, staleDays: 30, maxPriorities: 5, rollUp: "Worst of", asOf: null, dateOrder: null });
  });

  it("a setting out of range, of the wrong kind or not a whole number says which and what is allowed", () => {
    expect(messages(Settings.safeParse({ greenThreshold: 20 }))).toEqual(["greenThreshold: The Green threshold must be a percentage from 0% to 1000%"]);
    expect(messages(Settings.safeParse({ dueSoonDays: 2.5 }))).toEqual(["dueSoonDays: Due soon must be a whole number of days from 0 to 366"]);
    expect(messages(Settings.safeParse({ staleDays: "30" }))).toEqual(["staleDays: Stale after must be a whole number of days from 1 to 3660"]);
    expect(messages(Settings.safeParse({ maxPriorities: 0 }))).toEqual(["maxPriorities: The most priorities must be a whole number from 1 to 20"]);
    expect(messages(Settings.safeParse({ paceRed: 5 }))).toEqual(["paceRed: The Red pace tolerance must be from 0 to 100 points"]);
    expect(messages(Settings.safeParse({ rollUp: "Best of" }))).toEqual(["rollUp: The roll-up method must be Worst of or Average score"]);
    expect(messages(Settings.safeParse({ dateOrder: "YMD" }))).toEqual(["dateOrder: The date order must be DMY, MDY or blank"]);
    expect(messages(Settings.safeParse({ asOf: "today" }))).toEqual(["asOf: The as-of date must be a date, or blank for today"]);
    expect(messages(Settings.safeParse({ greenThreshold: Infinity }))).toEqual(["greenThreshold: The Green threshold must be a percentage from 0% to 1000%"]);
  });

  it("settings fine alone but not together name the field to change", () => {
    expect(messages(Settings.safeParse({ greenThreshold: 0.8, amberThreshold: 0.9 }))).toEqual(["amberThreshold: The Amber threshold must not be above the Green threshold"]);
    expect(messages(Settings.safeParse({ paceAmber: 0.3, paceRed: 0.2 }))).toEqual(["paceAmber: The Amber pace tolerance must not be above the Red one"]);
  });

  it("text for a cell holds at most Excel's 32,767 characters, in headers and roster entries", () => {
    const fits = "x".repeat(MAX_CELL_TEXT);
    const over = "x".repeat(MAX_CELL_TEXT + 1);
    const tooLong = "A cell holds at most 32,767 characters (Excel's limit)";
    expect(JbpHeader.safeParse({ principal: fits, distributor: fits, market: fits }).success).toBe(true);
    expect(messages(JbpHeader.safeParse({ principal: over, market: over }))).toEqual([`principal: ${tooLong}`, `market: ${tooLong}`]);
    expect(messages(JapHeader.safeParse({ distributor: over }))).toEqual([`distributor: ${tooLong}`]);
    expect(messages(RosterEntry.safeParse({ name: over, party: "Principal", role: over, email: over }))).toEqual([`name: ${tooLong}`, `role: ${tooLong}`, `email: ${tooLong}`]);
  });

  it("a roster entry needs a name and a party of the two", () => {
    expect(RosterEntry.parse({ name: "  Ana Silva ", party: "Principal" })).toEqual({ name: "Ana Silva", party: "Principal", role: "", email: "", active: true });
    expect(messages(RosterEntry.safeParse({ name: " ", party: "Principal" }))).toEqual(["name: A roster name is required"]);
    expect(messages(RosterEntry.safeParse({ party: "Principal" }))).toEqual(["name: A roster name is required"]);
    expect(messages(RosterEntry.safeParse({ name: "Ana", party: "Partner" }))).toEqual(["party: The party must be Principal or Distributor"]);
  });
});

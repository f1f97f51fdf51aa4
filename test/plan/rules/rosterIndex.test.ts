import { editDistance, type RosterRow } from "../../../src/plan/model";
import { personKey, RosterIndex } from "../../../src/plan/rules/rosterIndex";

const person = (name: string, active = true): RosterRow => ({ name, party: "Principal", role: "", email: "", active, source: { sheet: "Roster", row: 1 } });

describe("roster lookups", () => {
  test("edit distance, and its early cut-off", () => {
    expect(editDistance("ana silva", "ana silvaa")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  test("names compare without case and extra spaces", () => {
    expect(personKey("  Ana\u00a0 SILVA ")).toBe("ana silva");
    const index = new RosterIndex({ position: { sheet: "Roster", headerRow: 0, lastRow: 2, columns: {} }, extraHeaders: [], rows: [person("Ana Silva", false), person("ana silva"), person("Bruno Costa")] });
    expect(index.lookup("ANA  SILVA").map((r) => r.active)).toEqual([true, false]);
    expect(index.lookup("Nobody")).toEqual([]);
  });

  test("did you mean: nearest active name within a threshold that grows with length", () => {
    const index = new RosterIndex({ position: { sheet: "Roster", headerRow: 0, lastRow: 3, columns: {} }, extraHeaders: [], rows: [person("Ana Silva"), person("Ana Silveira"), person("Bo Li"), person("Old Name", false)] });
    expect(index.suggest("Ana Silvaa")).toBe("Ana Silva");
    expect(index.suggest("ana silvera")).toBe("Ana Silveira");
    expect(index.suggest("Bo Lu")).toBe("Bo Li");
    expect(index.suggest("Xu Wei")).toBeNull();
    expect(index.suggest("Old Nam")).toBeNull();
    expect(index.suggest("Bob Lee")).toBeNull();
  });
});

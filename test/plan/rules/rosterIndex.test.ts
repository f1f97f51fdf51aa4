import { editDistance, type RosterRow } from "../../../src/plan/model";
import { characterName, hiddenCharacter, nameDifference, personKey, RosterIndex } from "../../../src/plan/rules/rosterIndex";

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

  test("names compare as people type them: NFC, invisible characters, every space, Turkish I", () => {
    const same = (a: string, b: string) => expect({ a, key: personKey(a) }).toEqual({ a, key: personKey(b) });
    same("José Núñez".normalize("NFD"), "José Núñez");
    same("Ana Silva\u200b", "Ana Silva");
    same("\u200fAna\u2066 Silva\u2069", "Ana Silva");
    same("\ufeffAna\u00adSilva", "AnaSilva");
    same("Ana\u00a0Silva", "Ana Silva");
    same("Ana\u202f\u3000Silva\t", "ana silva");
    same("Ana\nSilva", "Ana Silva");
    for (const i of ["İlker Işık", "ILKER IŞIK", "ilker ışık", "i\u0307lker işik", "Ilker Isik".replace("s", "ş")]) same(i, "ilker işik");
    same("STRASSE", "Straße");
    expect(personKey("Ana Silva")).not.toBe(personKey("Ana Silvo"));
    expect(personKey("Işık")).not.toBe(personKey("Isik"));
  });

  test("hidden characters are named with where they stand", () => {
    expect(characterName("\u200b")).toBe("U+200B ZERO WIDTH SPACE");
    expect(characterName("\u2063")).toBe("U+2063");
    expect(hiddenCharacter("Ana Silva")).toBeNull();
    expect(hiddenCharacter("Laura Méndez")).toBeNull();
    expect(hiddenCharacter("Ana Silva\u200b")).toEqual({ what: "an invisible character", name: "U+200B ZERO WIDTH SPACE", where: "at the end", count: 1 });
    expect(hiddenCharacter("\u202eAna")).toMatchObject({ name: "U+202E RIGHT-TO-LEFT OVERRIDE", where: "at the start" });
    expect(hiddenCharacter("Ana\u00a0Silva")).toMatchObject({ what: "a non-breaking space", where: "after 'Ana'" });
    expect(hiddenCharacter("Ana\u2009Silva\u200b")).toMatchObject({ what: "an unusual space", name: "U+2009 THIN SPACE", count: 2 });
    expect(hiddenCharacter("Ana\nSilva")).toMatchObject({ what: "a line break", name: "U+000A LINE FEED" });
    expect(hiddenCharacter("Maria Fernanda de los Angeles\u200bQuispe")?.where).toBe("after '…Fernanda de los Angeles'");
  });

  test("how two spellings of one name differ", () => {
    expect(nameDifference("Ana Silva\u200b", "Ana Silva")).toMatchObject({ kind: "hidden", in: "typed" });
    expect(nameDifference("Ana Silva", "Ana\u00a0Silva")).toMatchObject({ kind: "hidden", in: "roster" });
    expect(nameDifference(" Ana  Silva ", "Ana Silva")).toEqual({ kind: "spaces" });
    expect(nameDifference("José".normalize("NFD"), "José")).toEqual({ kind: "composition", in: "typed" });
    expect(nameDifference("José", "José".normalize("NFD"))).toEqual({ kind: "composition", in: "roster" });
    expect(nameDifference("ILKER", "İlker")).toEqual({ kind: "letters" });
  });

  test("lookups and suggestions use the same comparison", () => {
    const index = new RosterIndex({ position: { sheet: "Roster", headerRow: 0, lastRow: 2, columns: {} }, extraHeaders: [], rows: [person("İlker Yıldız"), person("José Núñez")] });
    expect(index.lookup("ILKER YILDIZ\u200b").map((r) => r.name)).toEqual(["İlker Yıldız"]);
    expect(index.lookup("José Núñez".normalize("NFD")).map((r) => r.name)).toEqual(["José Núñez"]);
    expect(index.suggest("Jose Núñez")).toBe("José Núñez");
  });
});

import { JAP, tableHeaderRow } from "../../../src/plan/layouts";
import { MAX_OPEN_ACTIONS_PER_OWNER } from "../../../src/plan/rules/ownerRules";
import { brief, findingsOf } from "../../support/checkPlan";
import { colOf, japGrid, type Row } from "../../support/planGrids";
import { JAP_HEADER, soundActions, soundPlan, withAction } from "../../support/soundPlan";

// The first action is on sheet row 8 (A1 row numbers).
const ownerCell = (i: number) => `${colOf(JAP, "owner")}${tableHeaderRow(JAP) + 2 + i}`;

describe("owner rules", () => {
  test("owner.required: an empty owner", () => {
    const f = findingsOf(soundPlan(withAction(0, { owner: "  " })));
    expect(f).toEqual([{ rule: "owner.required", severity: "error", sheet: "JAP", cell: ownerCell(0), row: tableHeaderRow(JAP) + 1, message: "Owner is empty. Choose the person responsible from the Roster." }]);
  });

  test("owner.notOnRoster with a did-you-mean repair", () => {
    const f = findingsOf(soundPlan(withAction(0, { owner: "Bruno Costaa" })));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "owner.notOnRoster",
      severity: "error",
      cell: ownerCell(0),
      message: "Owner 'Bruno Costaa' is not on the Roster. Did you mean 'Bruno Costa'?",
      repair: { sheet: "JAP", cell: ownerCell(0), value: "Bruno Costa", label: "Use 'Bruno Costa'" },
    });
  });

  test("owner.notOnRoster without a suggestion when nobody is close; inactive people are not suggested", () => {
    expect(findingsOf(soundPlan(withAction(0, { owner: "Zoe Marquez" })))[0]).toMatchObject({
      message: "Owner 'Zoe Marquez' is not on the Roster. Add the person to the Roster or choose a name from it.",
    });
    expect(findingsOf(soundPlan(withAction(2, { owner: "Dan Olde" })))[0].repair).toMatchObject({ value: "Dan Olde", addToRoster: { name: "Dan Olde", party: "Principal" } });
    expect(findingsOf(soundPlan(withAction(0, { owner: { error: "#N/A" } })))[0]).toMatchObject({ rule: "owner.notOnRoster", message: "Owner shows the error #N/A. Choose a name from the Roster." });
    expect(findingsOf(soundPlan(withAction(0, { owner: 42 })))[0]).toMatchObject({ rule: "owner.notOnRoster", message: "Owner 42 is not on the Roster. Add the person to the Roster or choose a name from it." });
  });

  describe("Add to Roster (issue 15, item 10)", () => {
    test("someone new is added with the action's party, the cell left as typed; beside a did-you-mean it is the second repair", () => {
      const [alone] = findingsOf(soundPlan(withAction(0, { owner: "Zoe Marquez" })));
      expect(alone.repair).toEqual({ sheet: "JAP", cell: ownerCell(0), value: "Zoe Marquez", label: "Add 'Zoe Marquez' to the Roster as Distributor", addToRoster: { name: "Zoe Marquez", party: "Distributor" } });
      expect(alone.alternative).toBeUndefined();
      const [near] = findingsOf(soundPlan(withAction(2, { owner: "Ana Silvaa" })));
      expect(near.repair).toMatchObject({ value: "Ana Silva", label: "Use 'Ana Silva'" });
      expect(near.repair!.addToRoster).toBeUndefined();
      expect(near.alternative).toMatchObject({ cell: ownerCell(2), value: "Ana Silvaa", addToRoster: { name: "Ana Silvaa", party: "Principal" } });
    });

    test("the name is added as it should read: composed, no invisible characters, one space between words", () => {
      const [f] = findingsOf(soundPlan(withAction(0, { owner: " Zoe\u00a0 Marque\u0301z\u200b " })));
      expect(f.repair).toMatchObject({ value: " Zoe\u00a0 Marque\u0301z\u200b ", addToRoster: { name: "Zoe Marquéz", party: "Distributor" } });
    });

    test("no Add to Roster when the row does not say the party, or the owner is not a name", () => {
      expect(findingsOf(soundPlan(withAction(0, { owner: "Zoe Marquez", party: "Joint" })))[0]).toMatchObject({ rule: "owner.notOnRoster" });
      expect(findingsOf(soundPlan(withAction(0, { owner: "Zoe Marquez", party: "Joint" })))[0].repair).toBeUndefined();
      expect(findingsOf(soundPlan(withAction(0, { owner: "Zoe Marquez", party: null })))[0].repair).toBeUndefined();
      expect(findingsOf(soundPlan(withAction(0, { owner: 42 })))[0].repair).toBeUndefined();
      expect(findingsOf(soundPlan(withAction(0, { owner: { error: "#N/A" } })))[0].repair).toBeUndefined();
    });

    test("a JBP owner joins with its column's party", () => {
      const f = findingsOf(soundPlan({ objectives: (rows) => rows.map((r, i) => (i === 0 ? { ...r, principalOwner: "Yann Le Gall", distributorOwner: "Carla Ruis" } : r)) }));
      expect(f.map((x) => [x.repair?.addToRoster ?? x.repair?.value, x.alternative?.addToRoster])).toEqual([
        [{ name: "Yann Le Gall", party: "Principal" }, undefined],
        ["Carla Ruiz", { name: "Carla Ruis", party: "Distributor" }],
      ]);
    });
  });

  test("owner.spelling: case or stray spaces match the roster, with a repair to its spelling", () => {
    const [caseOnly] = findingsOf(soundPlan(withAction(0, { owner: "bruno COSTA" })));
    expect(caseOnly).toMatchObject({ rule: "owner.spelling", severity: "warning", message: "Owner 'bruno COSTA' is written differently on the Roster: 'Bruno Costa'.", repair: { value: "Bruno Costa" } });
    const [spaces] = findingsOf(soundPlan(withAction(0, { owner: " Bruno  Costa " })));
    expect(spaces).toMatchObject({ rule: "owner.spelling", message: "Owner ' Bruno  Costa ' has stray spaces.", repair: { value: "Bruno Costa", label: "Trim spaces" } });
  });

  describe("names as people type them (issue 15, item 9)", () => {
    // Action 0 is a Distributor's: the people added here are Distributors, so only the name is at stake.
    const withPeople = (...names: string[]) => ({ roster: (rows: Row[]) => [...rows, ...names.map((name) => ({ name, party: "Distributor", role: "", email: "", active: "Yes" }))] });
    const ownerFindings = (owner: string, ...roster: string[]) => findingsOf(soundPlan({ ...withPeople(...roster), ...withAction(0, { owner }) }));

    test("a trailing zero-width space is named, with where it is, and repaired to the Roster's spelling", () => {
      expect(ownerFindings("Bruno Costa\u200b")).toEqual([
        expect.objectContaining({
          rule: "owner.spelling",
          severity: "warning",
          cell: ownerCell(0),
          message: "Owner 'Bruno Costa\u200b' has an invisible character (U+200B ZERO WIDTH SPACE) at the end; Excel's own checks see another name than the Roster's 'Bruno Costa'.",
          repair: expect.objectContaining({ value: "Bruno Costa", label: "Use the Roster's spelling" }),
        }),
      ]);
    });

    test("a right-to-left mark at the start, a BOM inside, a no-break space between the names", () => {
      expect(ownerFindings("\u200fBruno Costa")[0].message).toBe("Owner '\u200fBruno Costa' has an invisible character (U+200F RIGHT-TO-LEFT MARK) at the start; Excel's own checks see another name than the Roster's 'Bruno Costa'.");
      expect(ownerFindings("Bruno Co\ufeffsta")[0].message).toContain("has an invisible character (U+FEFF ZERO WIDTH NO-BREAK SPACE) after 'Bruno Co'");
      const [nbsp] = ownerFindings("Bruno\u00a0Costa");
      expect(nbsp).toMatchObject({ rule: "owner.spelling", repair: { value: "Bruno Costa", label: "Use the Roster's spelling" } });
      expect(nbsp.message).toContain("has a non-breaking space (U+00A0 NO-BREAK SPACE) after 'Bruno'");
      expect(ownerFindings("Bruno\u200b\u200bCosta\u200e")[0].message).toContain("(U+200B ZERO WIDTH SPACE) after 'Bruno' (and 2 more hidden characters)");
      expect(ownerFindings("Bruno\tCosta")[0].message).toContain("has a tab (U+0009 CHARACTER TABULATION) after 'Bruno'");
    });

    test("accents typed decomposed (NFD) match the Roster's composed ones (NFC), and the other way", () => {
      const nfc = "José Núñez";
      const nfd = nfc.normalize("NFD");
      expect(nfd).not.toBe(nfc);
      const [typed] = ownerFindings(nfd, nfc);
      expect(typed).toMatchObject({ rule: "owner.spelling", repair: { value: nfc, label: "Use the Roster's spelling" } });
      expect(typed.message).toBe(`Owner '${nfd}' has its accents stored as separate marks (Unicode NFD, as some apps paste them), so Excel does not match it with the Roster's '${nfc}'.`);
      // The Roster's own spelling is the odd one: no repair copies it; the message says where to fix it.
      const [roster] = ownerFindings(nfc, nfd);
      expect(roster.rule).toBe("owner.spelling");
      expect(roster.repair).toBeUndefined();
      expect(roster.message).toContain("whose accents are stored as separate marks (Unicode NFD). Retype the name on the Roster.");
    });

    test("an invisible character in the Roster's name is named, and not copied into the owner", () => {
      const [f] = ownerFindings("Ilse Berg", "Ilse Berg\u200b");
      expect(f).toMatchObject({ rule: "owner.spelling", message: "Owner 'Ilse Berg' matches the Roster's 'Ilse Berg\u200b', whose name has an invisible character (U+200B ZERO WIDTH SPACE) at the end. Retype the name on the Roster." });
      expect(f.repair).toBeUndefined();
    });

    test("Turkish dotted and dotless I match case-insensitively, as planners expect", () => {
      for (const typed of ["İLKER YILDIZ", "ILKER YILDIZ", "ilker yıldız", "ilker yildiz"]) {
        const f = ownerFindings(typed, "İlker Yıldız");
        expect({ typed, f: f.map((x) => [x.rule, x.message, x.repair?.value]) }).toEqual({ typed, f: [["owner.spelling", `Owner '${typed}' is written differently on the Roster: 'İlker Yıldız'.`, "İlker Yıldız"]] });
      }
      expect(ownerFindings("İlker Yıldız", "İlker Yıldız")).toEqual([]);
    });

    test("a name not on the Roster even so still says which hidden character it has", () => {
      expect(ownerFindings("Bruno Costaa\u200b")[0]).toMatchObject({
        rule: "owner.notOnRoster",
        message: "Owner 'Bruno Costaa\u200b' is not on the Roster. Did you mean 'Bruno Costa'? It also has an invisible character (U+200B ZERO WIDTH SPACE) at the end.",
        repair: { value: "Bruno Costa" },
      });
    });

    test("Roster names that differ only by what cannot be seen are duplicates", () => {
      const f = findingsOf(soundPlan(withPeople("Ana Silva\u200b", "ANA SİLVA")));
      expect(f.filter((x) => x.rule === "owner.rosterDuplicate").map((x) => x.message)).toEqual([
        "'Ana Silva\u200b' is on the Roster twice (also row 2). Keep one row per person.",
        "'ANA SİLVA' is on the Roster twice (also row 2). Keep one row per person.",
      ]);
    });
  });

  test("owner.inactive: an open action owned by someone inactive; a closed one may keep its owner", () => {
    expect(brief(findingsOf(soundPlan(withAction(2, { owner: "Dan Old" }))))).toEqual([["owner.inactive", "error", ownerCell(2)]]);
    expect(findingsOf(soundPlan(withAction(2, { owner: "Dan Old" })))[0].message).toBe("Owner 'Dan Old' is marked inactive on the Roster. Reassign the action or set Active to Yes.");
    expect(findingsOf(soundPlan(withAction(1, { owner: "Dan Old", party: "Principal" })))).toEqual([]);
  });

  test("owner.partyMismatch: the owner's party must fit the action's Party (Joint fits both)", () => {
    const f = findingsOf(soundPlan(withAction(0, { party: "Principal" })));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "owner.partyMismatch", cell: `${colOf(JAP, "party")}${tableHeaderRow(JAP) + 2}`, message: "Party is Principal but Owner 'Bruno Costa' is on the Roster as Distributor.", repair: { value: "Distributor" } });
    expect(findingsOf(soundPlan(withAction(0, { party: "Joint" })))).toEqual([]);
  });

  test("owner rules on a JBP's principal and distributor owners", () => {
    const f = findingsOf(soundPlan({ objectives: (rows) => rows.map((r, i) => (i === 0 ? { ...r, principalOwner: "Bruno Costa", distributorOwner: "Carla Ruis" } : r)) }));
    expect(f.map((x) => [x.rule, x.message])).toEqual([
      ["owner.partyMismatch", "Principal owner 'Bruno Costa' is on the Roster as Distributor, not Principal."],
      ["owner.notOnRoster", "Distributor owner 'Carla Ruis' is not on the Roster. Did you mean 'Carla Ruiz'?"],
    ]);
  });

  test("roster rules: duplicates, no party, no name, an unreadable Active flag", () => {
    const f = findingsOf(
      soundPlan({
        roster: (rows) => [...rows, { name: "ana  silva", party: "Principal" }, { name: "Eve", party: "Agency" }, { name: "Fay", party: null }, { party: "Principal", role: "?" }, { name: "Gus", party: "Principal", active: "maybe" }],
      }),
    );
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.message])).toEqual([
      ["owner.rosterDuplicate", "error", "A6", "'ana  silva' is on the Roster twice (also row 2). Keep one row per person."],
      ["owner.rosterNoName", "error", "A9", "This Roster row has no name. Type the person's name or clear the row."],
      ["owner.rosterBadActive", "warning", "E10", "Active 'maybe' for 'Gus' is not Yes or No; it is read as Yes."],
      ["owner.rosterNoParty", "error", "B7", "Party 'Agency' of 'Eve' is neither Principal nor Distributor."],
      ["owner.rosterNoParty", "error", "B8", "'Fay' has no Party on the Roster. Choose Principal or Distributor."],
    ]);
  });

  test("an owner on a roster row without party is not also reported as unknown", () => {
    const f = findingsOf(soundPlan({ roster: (rows) => [...rows, { name: "Eve", party: "Agency" }], ...withAction(0, { owner: "Eve" }) }));
    expect(f.map((x) => x.rule)).toEqual(["owner.rosterNoParty"]);
  });

  test("owner.overloaded: more open actions than the limit, once per owner, on the first action past it", () => {
    const base = soundActions()[0];
    const actions: Row[] = Array.from({ length: MAX_OPEN_ACTIONS_PER_OWNER + 2 }, (_, i) => ({ ...base, id: `A-${i}`, priority: 1 }));
    actions.push({ ...base, id: "A-done", status: "Done", pctComplete: 1 });
    const grids = soundPlan().map((g) => (g.name === "JAP" ? japGrid(JAP_HEADER, actions) : g));
    const f = findingsOf(grids);
    expect(f).toEqual([
      expect.objectContaining({
        rule: "owner.overloaded",
        severity: "warning",
        cell: ownerCell(MAX_OPEN_ACTIONS_PER_OWNER),
        message: `Bruno Costa owns ${MAX_OPEN_ACTIONS_PER_OWNER + 2} open actions in this JAP, more than ${MAX_OPEN_ACTIONS_PER_OWNER}. Consider sharing the load or dropping some.`,
      }),
    ]);
    const exactly = soundPlan().map((g) => (g.name === "JAP" ? japGrid(JAP_HEADER, actions.slice(0, MAX_OPEN_ACTIONS_PER_OWNER)) : g));
    expect(findingsOf(exactly)).toEqual([]);
  });

  test("without a roster, owners are not checked and one warning says why", () => {
    const f = findingsOf(soundPlan().filter((g) => g.name !== "Roster"));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([["structure.noRoster", "warning", `${colOf(JAP, "owner")}${tableHeaderRow(JAP) + 1}`]]);
  });
});

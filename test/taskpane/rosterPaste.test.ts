import { parseRosterPaste, remainingLines } from "../../src/taskpane/create/rosterPaste";

describe("parseRosterPaste", () => {
  it("reads comma and tab separated lines, with optional role and email, and skips a header row", () => {
    const text = "Name\tParty\nAna Silva, Principal\nLuis  Rojas\tdistributor\tSales lead\tluis@andes.pe\n\n";
    const { entries, problems } = parseRosterPaste(text);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { name: "Ana Silva", party: "Principal", role: "", email: "", active: true },
      { name: "Luis Rojas", party: "Distributor", role: "Sales lead", email: "luis@andes.pe", active: true },
    ]);
  });

  it("gives each bad line its own message with its line number", () => {
    const text = ["Ana Silva, Principal", "Marta Diaz", ", Distributor", "Pedro Ruiz, Partner", "ana silva, Distributor", "Eva, Principal, Buyer, eva@", "Jo, Principal, a, b@c.de, extra"].join("\n");
    const { entries, problems } = parseRosterPaste(text);
    expect(entries.map((e) => e.name)).toEqual(["Ana Silva"]);
    expect(problems).toEqual([
      { line: 2, text: "Marta Diaz", message: `Line 2: 'Marta Diaz' has no party. Add ", Principal" or ", Distributor".` },
      { line: 3, text: ", Distributor", message: "Line 3: the name is missing. Write it as: Name, Party." },
      { line: 4, text: "Pedro Ruiz, Partner", message: "Line 4: 'Partner' is not a party. Use Principal or Distributor." },
      { line: 5, text: "ana silva, Distributor", message: "Line 5: 'ana silva' is already on line 1." },
      { line: 6, text: "Eva, Principal, Buyer, eva@", message: "Line 6: 'eva@' is not an email address." },
      { line: 7, text: "Jo, Principal, a, b@c.de, extra", message: "Line 7: too many fields. Use: Name, Party, Role, Email." },
    ]);
  });

  it("keeps text such as '=SUM(A1)' as a name, never interpreting it", () => {
    expect(parseRosterPaste("=SUM(A1), Principal").entries[0].name).toBe("=SUM(A1)");
  });

  it("remainingLines keeps only the chosen lines", () => {
    expect(remainingLines("a\nb\nc", new Set([1, 3]))).toBe("a\nc");
  });
});

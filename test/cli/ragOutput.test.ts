import { findingsText } from "../../src/cli/findingsOutput";
import { ragText } from "../../src/cli/ragOutput";
import type { Finding, RagResult } from "../../src/plan/model";
import { serialFromIso } from "../../src/plan/model";

const AS_OF = serialFromIso("2026-03-18")!;

describe("listings of very large plans", () => {
  // 130,000 actions overflowed the stack when the listing was spread into push(); 300,000 on two sheets.
  const N = 300_000;

  it("rag prints every action of 300,000, one line each", () => {
    const actions: RagResult[] = Array.from({ length: N }, (_, i) => ({
      id: `A-${i + 1}`,
      sheet: i < N / 2 ? "JAP" : "JAP (2)",
      row: 10 + i,
      rag: (["Red", "Amber", "Green", "Grey"] as const)[i % 4],
      computed: "Green",
      overridden: false,
      reason: "On track",
    }));
    const text = ragText({ actions, objectives: [], plan: { rag: "Amber", reason: "Worst of its objectives" } }, AS_OF, "big.xlsx");
    const rows = text.split("\n").filter((l) => l.startsWith("  A-"));
    expect(rows).toHaveLength(N);
    expect(text).toContain(`\nActions on JAP (2): ${N / 8} Red, ${N / 8} Amber, ${N / 8} Green, ${N / 8} Grey\n`);
  });

  it("check prints every finding of 300,000", () => {
    const findings: Finding[] = Array.from({ length: N }, (_, i) => ({
      rule: "owner.required",
      severity: "error",
      sheet: "JAP",
      cell: `F${11 + i}`,
      row: 10 + i,
      message: "Owner is empty. Choose the person responsible from the Roster.",
    }));
    const text = findingsText(findings, { file: "big.xlsx", asOf: "2026-03-18", actions: N, objectives: 0 });
    expect(text.split("\n").filter((l) => l.startsWith("  F"))).toHaveLength(N);
  });
});

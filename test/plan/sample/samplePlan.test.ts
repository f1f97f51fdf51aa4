import { checkWorkbook } from "../../../src/plan/rules";
import { JAP, JBP, ROSTER } from "../../../src/plan/layouts";
import { DEFAULT_SETTINGS, parseRangeA1, type Rag, serialFromYmd, type SheetGrid } from "../../../src/plan/model";
import { SAMPLE_AS_OF, samplePlan, type SamplePlan } from "../../../src/plan/sample/samplePlan";
import { buildRosterSheetSpec, buildSettingsSheetSpec, buildTableSheetSpec, type SheetSpec } from "../../../src/plan/sheets";

/** The grid a sheet would read as once its spec is written (values only; formulas read blank). */
function gridOf(spec: SheetSpec): SheetGrid {
  const values: (string | number | boolean | null)[][] = [];
  const formats: string[][] = [];
  for (const b of spec.blocks) {
    const r = parseRangeA1(b.address)!;
    (b.values ?? b.formulas!).forEach((row, i) =>
      row.forEach((v, j) => {
        values[r.row + i] ??= [];
        values[r.row + i][r.col + j] = b.values ? (v as string | number | boolean | null) : null;
      }),
    );
  }
  let width = 0;
  for (let i = 0; i < values.length; i++) width = Math.max(width, values[i]?.length ?? 0);
  for (let i = 0; i < values.length; i++) {
    values[i] = Array.from({ length: width }, (_, j) => values[i]?.[j] ?? null);
    formats[i] = Array.from({ length: width }, () => "General");
  }
  return { name: spec.sheetName, values, numberFormats: formats };
}

/** The sample as the check reads it once written, judged on `asOf`. */
function sampleGrids(sample: SamplePlan, asOf: number): SheetGrid[] {
  return [
    gridOf(buildRosterSheetSpec(sample.roster.map((r) => ({ name: String(r.name), party: r.party as "Principal", role: String(r.role), email: String(r.email), active: r.active !== false })))),
    gridOf(buildSettingsSheetSpec({ ...DEFAULT_SETTINGS, asOf })),
    gridOf(buildTableSheetSpec(JBP, { sheetName: "JBP 2026", tableName: "JP_Objectives", header: sample.jbp.header, rows: sample.jbp.objectives })),
    gridOf(buildTableSheetSpec(JAP, { sheetName: "JAP 2026-03", tableName: "JP_Actions", header: { ...sample.jap.header, jbpSheet: "JBP 2026" }, rows: sample.jap.actions })),
  ];
}

const mix = (rags: Rag[]): Record<Rag, number> => {
  const out: Record<Rag, number> = { Red: 0, Amber: 0, Green: 0, Grey: 0 };
  for (const r of rags) out[r]++;
  return out;
};

describe("samplePlan", () => {
  const sample = samplePlan();

  it("is a believable plan: ten people, five objectives, twenty actions with a mix of statuses", () => {
    expect(sample.asOf).toBe(SAMPLE_AS_OF);
    expect(sample.roster).toHaveLength(10);
    expect(new Set(sample.roster.map((r) => r.party))).toEqual(new Set(["Principal", "Distributor"]));
    expect(sample.jbp.objectives).toHaveLength(5);
    expect(sample.jbp.header).toMatchObject({ principal: "Northwind Beverages", market: "Peru", year: 2026 });
    expect(sample.jap.actions).toHaveLength(20);
    expect(new Set(sample.jap.actions.map((a) => a.status))).toEqual(new Set(["Not started", "In progress", "On hold", "Done", "Cancelled"]));
    const keys = new Set(JAP.columns.map((c) => c.key));
    for (const a of sample.jap.actions) for (const k of Object.keys(a)) expect(keys).toContain(k);
    for (const o of sample.jbp.objectives) for (const k of Object.keys(o)) expect(JBP.columns.map((c) => c.key)).toContain(k);
    for (const r of sample.roster) for (const k of Object.keys(r)) expect(ROSTER.columns.map((c) => c.key)).toContain(k);
  });

  it("moves with the as-of date it is given", () => {
    const april = samplePlan(46132); // 2026-04-20
    expect(april.jap.header.month).toBe(46113);
    expect(april.jap.actions[0].start).toBe(46114);
  });

  it("carries each deliberate fault, and the check finds every one of them", () => {
    const result = checkWorkbook(sampleGrids(sample, SAMPLE_AS_OF), { today: SAMPLE_AS_OF });
    const firstRow = 7;
    const col = (key: string) => String.fromCharCode(65 + JAP.columns.findIndex((c) => c.key === key));
    for (const fault of sample.faults) {
      const rows = sample.jap.actions.flatMap((a, i) => (a.id === fault.id ? [i] : []));
      const cells = rows.map((i) => `${col(fault.column)}${firstRow + i + 1}`);
      const found = result.findings.filter((f) => f.sheet === "JAP 2026-03" && cells.includes(f.cell) && f.rule.startsWith(`${fault.rule}.`));
      expect({ fault: fault.description, found: found.length > 0 }).toEqual({ fault: fault.description, found: true });
    }
  });

  it("shows a believable mix of colours on its as-of date: every colour, Red far from the majority", () => {
    const { rag } = checkWorkbook(sampleGrids(sample, SAMPLE_AS_OF), { today: SAMPLE_AS_OF });
    const counts = mix(rag.actions.map((a) => a.rag));
    expect(counts).toEqual({ Red: 4, Amber: 7, Green: 7, Grey: 2 });
    expect(counts.Red).toBeLessThan(sample.jap.actions.length / 2);
    // The Greys are the cancelled actions, left out of the roll-ups.
    expect(rag.actions.filter((a) => a.rag === "Grey").every((a) => a.reason === "Cancelled")).toBe(true);
  });

  it("gives every action the colour and reason its expectedRag states, the engine judging", () => {
    const { rag } = checkWorkbook(sampleGrids(sample, SAMPLE_AS_OF), { today: SAMPLE_AS_OF });
    expect(sample.expectedRag.map((e) => e.id)).toEqual(sample.jap.actions.map((a) => a.id));
    expect(mix(sample.expectedRag.map((e) => e.rag))).toEqual(mix(rag.actions.map((a) => a.rag)));
    sample.expectedRag.forEach((e, i) => {
      const got = rag.actions[i];
      expect({ row: i, id: got.id, rag: got.rag, reasonHas: got.reason.includes(e.reason), overridden: got.overridden }).toEqual({ row: i, id: e.id, rag: e.rag, reasonHas: true, overridden: false });
    });
  });

  it("keeps those colours on the 18th of any month, as the add-in and the preview insert it", () => {
    for (const [y, m] of [[2026, 2], [2026, 4], [2026, 12], [2027, 1], [2028, 2]]) {
      const asOf = serialFromYmd(y, m, 18)!;
      const { rag } = checkWorkbook(sampleGrids(samplePlan(asOf), asOf), { today: asOf });
      expect({ y, m, rags: rag.actions.map((a) => a.rag) }).toEqual({ y, m, rags: sample.expectedRag.map((e) => e.rag) });
    }
  });

  it("judges its month-to-date Q1 actuals against the days of Q1 elapsed (18 March: 77 of 90 days)", () => {
    const { rag } = checkWorkbook(sampleGrids(sample, SAMPLE_AS_OF), { today: SAMPLE_AS_OF });
    const reasonOf = (id: string): string => rag.objectives.find((o) => o.id === id)!.reason;
    // Sell-out (k cases, a flow): 71 against 100 × 77/90; coolers (units): 95 against 150 × 77/90.
    expect(reasonOf("OBJ-2")).toContain(`KPI at ${Math.round((71 / ((100 * 77) / 90)) * 100)} % of the YTD target`);
    expect(reasonOf("OBJ-3")).toContain(`KPI at ${Math.round((95 / ((150 * 77) / 90)) * 100)} % of the YTD target`);
    // A rate (%) is not pro rated: 63.1 against 64.
    expect(reasonOf("OBJ-1")).toContain(`KPI at ${Math.round((63.1 / 64) * 100)} % of the YTD target`);
  });

  it("dates its JAP's review inside its month, December included", () => {
    for (let m = 1; m <= 12; m++) {
      const first = serialFromYmd(2026, m, 1)!;
      const { reviewDate } = samplePlan(first + 17).jap.header;
      expect({ m, inMonth: typeof reviewDate === "number" && reviewDate >= first && reviewDate <= serialFromYmd(2026, m, m === 2 ? 28 : [4, 6, 9, 11].includes(m) ? 30 : 31)! }).toEqual({ m, inMonth: true });
    }
  });
});

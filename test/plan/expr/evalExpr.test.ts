import fc from "fast-check";
import { compileExpr } from "../../../src/plan/expr/compileExpr";
import { approxEqual, evaluate, type EvalEnv } from "../../../src/plan/expr/evalExpr";
import {
  add,
  and,
  cmp,
  choose,
  concat,
  contains,
  countEq,
  countIf,
  helper,
  countRows,
  div,
  eq,
  FALSE,
  gt,
  iff,
  isNumber,
  len,
  lt,
  max,
  min,
  mul,
  name,
  not,
  num,
  or,
  ref,
  str,
  sub,
  trim,
  TRUE,
} from "../../../src/plan/expr/expr";
import type { CellValue } from "../../../src/plan/model";

const env = (row: Record<string, CellValue> = {}, names: EvalEnv["names"] = {}, tables?: EvalEnv["tables"]): EvalEnv => ({
  row,
  names,
  ...(tables ? { tables } : {}),
});
const ev = (e: Parameters<typeof evaluate>[0], row: Record<string, CellValue> = {}, names: EvalEnv["names"] = {}) => evaluate(e, env(row, names));

describe("evaluate follows Excel's semantics", () => {
  it('a blank cell is 0 next to a number and "" next to text', () => {
    expect(ev(eq(ref("a"), num(0)))).toBe(true);
    expect(ev(eq(ref("a"), str("")))).toBe(true);
    expect(ev(add(ref("a"), num(2)))).toBe(2);
    expect(ev(lt(ref("a"), num(1)))).toBe(true);
    expect(ev(eq(ref("a"), ref("b")))).toBe(true);
  });

  it("text is greater than any number, and text compares ignore case", () => {
    expect(ev(gt(ref("a"), num(1e9)), { a: "2026-03-01" })).toBe(true);
    expect(ev(lt(ref("a"), num(5)), { a: "x" })).toBe(false);
    expect(ev(eq(ref("a"), str("DONE")), { a: "done" })).toBe(true);
  });

  it("arithmetic on text is #VALUE!, division by zero #DIV/0!, errors propagate", () => {
    expect(ev(add(ref("a"), num(1)), { a: "5" })).toEqual({ error: "#VALUE!" });
    expect(ev(div(num(1), ref("a")))).toEqual({ error: "#DIV/0!" });
    expect(ev(gt(div(num(1), num(0)), num(0)))).toEqual({ error: "#DIV/0!" });
    expect(ev(name("JP_Missing"))).toEqual({ error: "#NAME?" });
  });

  it("IF evaluates only the branch it takes; AND evaluates every argument", () => {
    expect(ev(iff(isNumber(ref("a")), div(num(1), ref("a")), num(0)))).toBe(0);
    expect(ev(and(FALSE, gt(div(num(1), num(0)), num(0))))).toEqual({ error: "#DIV/0!" });
    expect(ev(or(TRUE, FALSE))).toBe(true);
    expect(ev(not(num(0)))).toBe(true);
    expect(ev(iff(str("x"), num(1), num(2)))).toEqual({ error: "#VALUE!" });
  });

  it("uses the spreadsheets' tolerance for + - and comparisons", () => {
    expect(0.7 - 0.6 > 0.1).toBe(false); // plain JS: 0.09999999999999998
    expect(ev(gt(sub(num(0.3), num(0.2)), num(0.1)))).toBe(false);
    expect(0.3 - 0.2 < 0.1).toBe(true); // plain JS says 0.09999… < 0.1
    expect(ev(lt(sub(num(0.3), num(0.2)), num(0.1)))).toBe(false);
    expect(ev(eq(add(num(0.1), num(0.2)), num(0.3)))).toBe(true);
    expect(ev(sub(num(1.1), num(1.1)))).toBe(0);
    expect(approxEqual(1, 1 + 1e-10)).toBe(false);
  });

  it("MIN, MAX, CHOOSE, TRIM, LEN, & and FIND", () => {
    expect(ev(min(num(3), num(1), num(2)))).toBe(1);
    expect(ev(max(num(-1), ref("blank")))).toBe(-1);
    expect(ev(choose(num(2), str("a"), str("b")))).toBe("b");
    expect(ev(choose(num(4), str("a")))).toEqual({ error: "#VALUE!" });
    expect(ev(trim(ref("a")), { a: "  In   progress " })).toBe("In progress");
    expect(ev(len(trim(ref("a"))), { a: "   " })).toBe(0);
    expect(ev(concat(ref("a"), ref("b")), { a: 12, b: 0.5 })).toBe("120.5");
    expect(ev(contains(ref("i"), str("[Owner]")), { i: "[Owner] not on the roster" })).toBe(true);
    expect(ev(contains(ref("i"), str("[owner]")), { i: "[Owner] x" })).toBe(false); // FIND is case-sensitive
    expect(ev(contains(ref("i"), str("[Owner]")), { i: { error: "#N/A" } })).toBe(false);
  });

  it("countEq counts a list's cells equal to a value, trimmed and ignoring case, no wildcards", () => {
    const names = { L: ["Ana Silva", " bruno  costa", null, "A*"] };
    expect(ev(countEq("L", ref("o")), { o: "ana silva " }, names)).toBe(1);
    expect(ev(countEq("L", ref("o")), { o: "Bruno Costa" }, names)).toBe(1);
    expect(ev(countEq("L", ref("o")), { o: "Ana*" }, names)).toBe(0);
    expect(ev(countEq("L", ref("o")), { o: "" }, names)).toBe(1); // the blank cell
  });

  it("countRows counts rows of another table like COUNTIFS", () => {
    const rows = [
      { objectiveId: "O-1", rag: "Red" },
      { objectiveId: "o-1", rag: "red" },
      { objectiveId: "O-2", rag: "Red" },
      { objectiveId: 1, rag: "Red" },
    ];
    const e = countRows("jap", [
      { key: "objectiveId", value: ref("id") },
      { key: "rag", value: str("Red") },
    ]);
    expect(evaluate(e, env({ id: "O-1" }, {}, { jap: rows }))).toBe(2);
    expect(evaluate(e, env({ id: "1" }, {}, { jap: rows }))).toBe(1);
    expect(evaluate(e, env({ id: "O-9" }, {}, { jap: rows }))).toBe(0);
  });
});

describe("compileExpr writes the same tree as a formula", () => {
  it("parenthesises operators only where precedence needs it, quotes text and keeps names", () => {
    expect(compileExpr(iff(lt(ref("due"), name("JP_AsOf")), str('say "late"'), mul(num(-2), num(1.5))))).toBe('IF({due}<JP_AsOf,"say ""late""",(-2)*1.5)');
    expect(compileExpr(contains(ref("issues"), str("[Owner]")))).toBe('ISNUMBER(FIND("[Owner]",{issues}))');
    expect(compileExpr(countEq("JP_RosterNames", ref("owner")))).toBe("SUMPRODUCT(--(TRIM(JP_RosterNames)=TRIM({owner})))");
    expect(compileExpr(num(1e-7))).toBe("0.0000001");
  });

  it("adds one COUNTIFS per table for countRows, and 0 with none", () => {
    const e = countRows("jap", [{ key: "rag", value: str("Red") }]);
    const t = (sheet: string) => ({ sheet, headerRow: 3, lastRow: 23, columns: { rag: 19 } });
    expect(compileExpr(e)).toBe("0");
    expect(compileExpr(e, { jap: [t("JAP 2026-03"), t("JAP")] })).toBe(`COUNTIFS('JAP 2026-03'!$T$5:$T$24,"Red")+COUNTIFS(JAP!$T$5:$T$24,"Red")`);
  });
});

describe("the evaluator's shortcuts give what the general comparison gives", () => {
  // LEN(TRIM(x)) against 0 and TRIM(x)="word" take shortcuts; the same comparisons against an
  // equal expression that is not a literal (0+0, ""&"word") take the general path.
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom("", " ", "  ", "Done", " done ", "DONE", "Do  ne", "In progress", "İ", "ß", "  x  y "),
    fc.string({ maxLength: 6, unit: fc.constantFrom(" ", "a", "A", "é", "0") }),
    fc.double({ noNaN: true }),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
    fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }),
  ) as fc.Arbitrary<CellValue>;
  const zero = add(num(0), num(0));
  const ops = ["=", "<>", "<", "<=", ">", ">="] as const;
  it("LEN(TRIM(x)) against 0, of one cell and of a&b&c", () => {
    fc.assert(
      fc.property(cell, cell, cell, fc.constantFrom(...ops), (a, b, c, op) => {
        const row = { a, b, c };
        for (const x of [ref("a"), concat(ref("a"), ref("b"), ref("c"))]) {
          expect(ev(cmp(op, len(trim(x)), num(0)), row)).toEqual(ev(cmp(op, len(trim(x)), zero), row));
        }
      }),
    );
  });
  it("TRIM(x) = or <> a word", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom("Done", "done", "In progress", "i̇", "SS", ""), fc.constantFrom("=", "<>") as fc.Arbitrary<"=" | "<>">, (a, word, op) => {
        const row = { a };
        expect(ev(cmp(op, trim(ref("a")), str(word)), row)).toEqual(ev(cmp(op, trim(ref("a")), concat(str(""), str(word))), row));
      }),
    );
  });
});

describe("COUNTIF over a name, and helper nodes", () => {
  const names = { JP_RosterNames: ["Ana Silva", "bob", 123, null, ""] };
  it("counts plain criteria as COUNTIF does: case ignored, numeric text matches numbers, a blank criterion counts blanks", () => {
    expect(ev(countIf("JP_RosterNames", str("ana silva")), {}, names)).toBe(1);
    expect(ev(countIf("JP_RosterNames", str("BOB")), {}, names)).toBe(1);
    expect(ev(countIf("JP_RosterNames", str("123")), {}, names)).toBe(1);
    expect(ev(countIf("JP_RosterNames", str("Ana")), {}, names)).toBe(0);
    expect(ev(countIf("JP_RosterNames", str("")), {}, names)).toBe(2);
    expect(ev(countIf("JP_Missing", str("x")), {}, names)).toEqual({ error: "#NAME?" });
    expect(compileExpr(countIf("JP_RosterNames", trim(ref("owner"))))).toBe("COUNTIF(JP_RosterNames,TRIM({owner}))");
  });
  it("a helper node is its expression for the engine, and its column's reference where the table has it", () => {
    const h = helper("calcX", add(ref("a"), num(1)));
    expect(ev(mul(h, num(2)), { a: 2 })).toBe(6);
    expect(compileExpr(mul(h, num(2)))).toBe("({a}+1)*2");
    expect(compileExpr(mul(h, num(2)), {}, new Set(["calcX"]))).toBe("{calcX}*2");
  });
  it("a helper's value is kept for the row where the environment keeps helpers, and the same as computed afresh", () => {
    const h = helper("calcX", add(ref("a"), num(1)));
    const rule = add(mul(h, num(2)), h);
    const helpers = new Map();
    const env: EvalEnv = { row: { a: 2 }, names: {}, helpers };
    expect(evaluate(rule, env)).toBe(evaluate(rule, { row: { a: 2 }, names: {} }));
    expect([...helpers.values()]).toEqual([3]);
    // The next row: its setter clears the kept values.
    env.row = { a: 5 };
    helpers.clear();
    expect(evaluate(rule, env)).toBe(18);
  });
});

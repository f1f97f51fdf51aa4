import fc from "fast-check";
import { compileExpr } from "../../../src/plan/expr/compileExpr";
import { add, cmp, concat, div, mul, num, ref, str, sub, type Expr } from "../../../src/plan/expr/expr";

/**
 * The formula's operators read back by Excel's precedence (comparison < "&" < "+ -" < "* /", each
 * level left to right), as a tree in the same shape as the expression's, so that a dropped
 * parenthesis shows as a different tree.
 */
type Tree = string | { op: string; a: Tree; b: Tree };
function parse(formula: string): Tree {
  const tokens = formula.match(/"(?:[^"]|"")*"|\{[a-z]+\}|\(-\d+(?:\.\d+)?\)|\d+(?:\.\d+)?|<=|>=|<>|[-+*/&=<>()]/g) ?? [];
  let i = 0;
  const levels = [["=", "<", ">", "<=", ">=", "<>"], ["&"], ["+", "-"], ["*", "/"]];
  const primary = (): Tree => {
    const t = tokens[i++];
    if (t !== "(") return t;
    const inner = level(0);
    if (tokens[i++] !== ")") throw new Error(`unbalanced: ${formula}`);
    return inner;
  };
  const level = (l: number): Tree => {
    if (l === levels.length) return primary();
    let left = level(l + 1);
    while (i < tokens.length && levels[l].includes(tokens[i])) {
      const op = tokens[i++];
      left = { op, a: left, b: level(l + 1) };
    }
    return left;
  };
  const tree = level(0);
  if (i !== tokens.length) throw new Error(`left over in ${formula}`);
  return tree;
}

/** The expression as the same kind of tree: a concatenation of n parts is n - 1 "&" from the left. */
function shape(e: Expr): Tree {
  switch (e.op) {
    case "num":
      return e.value < 0 ? `(${e.value})` : String(e.value);
    case "str":
      return `"${e.value}"`;
    case "ref":
      return `{${e.key}}`;
    case "arith":
      return { op: e.arith, a: shape(e.a), b: shape(e.b) };
    case "cmp":
      return { op: e.cmp, a: shape(e.a), b: shape(e.b) };
    case "concat":
      return e.args.map(shape).reduce((a, b) => ({ op: "&", a, b }));
    default:
      throw new Error(`not generated: ${e.op}`);
  }
}

const leaf = fc.oneof(
  fc.integer({ min: -9, max: 9 }).map(num),
  fc.constantFrom("a", "b", "c").map((k) => ref(k)),
);
const tree = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom(add, sub, mul, div), tie("e"), tie("e")).map(([f, a, b]) => f(a, b)),
    fc.tuple(fc.constantFrom("=", "<", ">=", "<>") as fc.Arbitrary<"=" | "<" | ">=" | "<>">, tie("e"), tie("e")).map(([op, a, b]) => cmp(op, a, b)),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => concat(a, b)),
  ),
})).e;

describe("compileExpr's parentheses", () => {
  it("keep every operation where the tree puts it, read by Excel's precedence", () => {
    fc.assert(
      fc.property(tree, (e) => {
        // A concatenation nested in another reads back flattened, which "&" allows: compare that.
        const flat = (x: Expr): Expr =>
          x.op === "concat" ? concat(...x.args.map(flat).flatMap((y) => (y.op === "concat" ? y.args : [y]))) : x.op === "arith" || x.op === "cmp" ? { ...x, a: flat(x.a), b: flat(x.b) } : x;
        expect(parse(compileExpr(e))).toEqual(shape(flat(e)));
      }),
      { numRuns: 500 },
    );
  });

  it("go only where precedence needs them", () => {
    expect(compileExpr(sub(ref("a"), sub(ref("b"), ref("c"))))).toBe("{a}-({b}-{c})");
    expect(compileExpr(sub(sub(ref("a"), ref("b")), ref("c")))).toBe("{a}-{b}-{c}");
    expect(compileExpr(mul(add(ref("a"), num(1)), ref("b")))).toBe("({a}+1)*{b}");
    expect(compileExpr(add(ref("a"), mul(num(2), ref("b"))))).toBe("{a}+2*{b}");
    expect(compileExpr(cmp("<", add(ref("a"), num(1)), ref("b")))).toBe("{a}+1<{b}");
    expect(compileExpr(concat(str("n: "), add(ref("a"), num(1))))).toBe('"n: "&{a}+1');
    expect(compileExpr(concat(str("late: "), cmp("<", ref("a"), num(1))))).toBe('"late: "&({a}<1)');
    expect(compileExpr(cmp("=", cmp("=", ref("a"), ref("b")), ref("c")))).toBe("({a}={b})={c}");
  });

  it("join nested concatenations and adjacent text into one", () => {
    expect(compileExpr(concat(str("; "), concat(str("KPI at "), ref("a"), str(" %")), str(" of target")))).toBe('"; KPI at "&{a}&" % of target"');
    expect(compileExpr(concat(str("; "), str("On hold")))).toBe('"; On hold"');
  });
});

/**
 * Range.text: a cell's value shown through its number format. The sim formats the formats the
 * add-in uses (General, 0, 0.00, #,##0, percentages, dates built from y/m/d, Text "@"); any
 * other format shows the value as General would.
 */
import { serialToDate, type Scalar } from "./values";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  // General fits a standard-width column: at most 11 characters.
  for (let p = 10; p > 1; p--) {
    const s = String(Number(n.toPrecision(p)));
    if (s.length <= 11) return s;
  }
  return String(Number(n.toPrecision(1)));
}

function fixed(n: number, decimals: number, grouping: boolean): string {
  const s = n.toFixed(decimals);
  if (!grouping) return s;
  const [int, frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac !== undefined ? `.${frac}` : "");
}

function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

function formatDate(serial: number, fmt: string): string {
  const { y, m, d, H, S } = serialToDate(serial);
  const pad = (v: number) => String(v).padStart(2, "0");
  return fmt.replace(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|"[^"]*"/gi, (tok) => {
    const t = tok.toLowerCase();
    if (tok.startsWith('"')) return tok.slice(1, -1);
    switch (t) {
      case "yyyy": return String(y);
      case "yy": return pad(y % 100);
      case "mmmm": return MONTHS_LONG[m - 1];
      case "mmm": return MONTHS[m - 1];
      case "mm": return pad(m);
      case "m": return String(m);
      case "dddd": return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });
      case "ddd": return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });
      case "dd": return pad(d);
      case "d": return String(d);
      case "hh": return pad(H);
      case "h": return String(H);
      case "ss": return pad(S);
      case "s": return String(S);
      default: return tok;
    }
  });
}

export function formatValue(value: Scalar | undefined, fmt: string): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (fmt === "General" || fmt === "@") return general(value);
  const section = fmt.split(";")[value < 0 && fmt.includes(";") ? 1 : 0] ?? fmt;
  const n = value < 0 && fmt.includes(";") ? -value : value;
  const pct = /^(#,##)?0(\.(0+))?%$/.exec(section);
  if (pct) return `${fixed(n * 100, pct[3]?.length ?? 0, !!pct[1])}%`;
  const num = /^(#,##)?0(\.(0+))?$/.exec(section);
  if (num) return fixed(n, num[3]?.length ?? 0, !!num[1]);
  if (isDateFormat(section) && n >= 0) return formatDate(n, section);
  return general(value);
}

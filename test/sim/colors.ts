/** Colours as Excel reports them: "#RRGGBB" in upper case; named HTML colours are accepted on input. */
import { fail } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", lime: "#00FF00", blue: "#0000FF",
  yellow: "#FFFF00", orange: "#FFA500", gray: "#808080", grey: "#808080", silver: "#C0C0C0", purple: "#800080",
  navy: "#000080", teal: "#008080", maroon: "#800000", olive: "#808000", aqua: "#00FFFF", cyan: "#00FFFF",
  fuchsia: "#FF00FF", magenta: "#FF00FF", pink: "#FFC0CB", lightgray: "#D3D3D3", lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9", darkgreen: "#006400", darkred: "#8B0000", gold: "#FFD700", brown: "#A52A2A",
};

export function normalizeColor(value: unknown, what: string): string {
  if (typeof value !== "string") return fail("InvalidArgument", `${what}: a colour must be a string`);
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  return fail("InvalidArgument", `${what}: '${value}' is not a colour`);
}

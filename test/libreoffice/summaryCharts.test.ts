/**
 * The RAG Summary's charts survive LibreOffice: a `jointplan new` file, the same after `review`
 * (carried over) and after `next-month` (rebuilt) are opened, recalculated and saved again as
 * .xlsx by LibreOffice, whose own chart parts still name JP_RagChart and JP_TrendChart on the
 * summary, read the summary's ranges, stack the series in the RAG colours, and hold the values
 * LibreOffice computed (the trend's review of 20 actions). The reviewed file is printed to PDF
 * and its summary page rendered with pdftoppm: the charts' area has the series' colours.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { CHART_RAG_COLOURS } from "../../src/plan/sheets";
import { cli } from "../cli/runCli";
import { chartsOnSheet, packageParts } from "../xlsx/rawPackage";
import { describeWithSoffice, printToPdf, recalculate } from "./soffice";

const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
const decode = (s: string): string => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const formulasOf = (chart: string): string[] => [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => decode(m[1]));
const framesOf = (drawing: string): string[] => [...drawing.matchAll(/<xdr:cNvPr [^>]*name="([^"]*)"/g)].map((m) => m[1]);
/** Each series' cached values, as numbers (blank points left out). */
const seriesValues = (chart: string): number[][] =>
  [...chart.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].map((m) => [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])).filter((n) => Number.isFinite(n)));

/** A PPM (P6) image's pixels. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const bytes = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error(`${file} is not a P6 PPM`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

describeWithSoffice("the RAG Summary's charts in LibreOffice", (soffice) => {
  let dir: string;
  const files: Record<"made" | "reviewed" | "next", { ours: Record<string, string>; lo: Record<string, string> }> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-charts-"));
    const at = (f: string): string => path.join(dir, f);
    expect((await cli("new", at("made.xlsx"), "--sample")).code).toBe(0);
    expect((await cli("review", at("made.xlsx"), at("reviewed.xlsx"), "--date", "2026-12-10")).code).toBe(0);
    expect((await cli("next-month", at("reviewed.xlsx"), at("next.xlsx"))).code).toBe(0);
    const names = ["made", "reviewed", "next"] as const;
    const saved = recalculate(soffice, names.map((n) => at(`${n}.xlsx`)), at("lo"));
    for (const [i, n] of names.entries()) files[n] = { ours: await packageParts(readFileSync(at(`${n}.xlsx`))), lo: await packageParts(readFileSync(saved[i])) };
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["made", "reviewed", "next"] as const)("keeps both charts of the %s file on the summary, over the summary's ranges, in the RAG colours", (name) => {
    const ours = chartsOnSheet(files[name].ours, "RAG Summary")!;
    const lo = chartsOnSheet(files[name].lo, "RAG Summary")!;
    expect(framesOf(ours.drawing)).toEqual(["JP_RagChart", "JP_TrendChart"]);
    expect(lo).not.toBeNull();
    expect(framesOf(lo.drawing)).toEqual(["JP_RagChart", "JP_TrendChart"]);
    expect(lo.charts).toHaveLength(2);
    lo.charts.forEach((chart, i) => {
      expect(formulasOf(chart)).toEqual(formulasOf(ours.charts[i]));
      expect(formulasOf(chart).every((f) => f.startsWith("'RAG Summary'!$"))).toBe(true);
      expect(chart).toMatch(/<c:barDir val="col"\/>/);
      expect(chart).toMatch(/<c:grouping val="stacked"\/>/);
      const fills = [...chart.matchAll(/<c:ser>[\s\S]*?<c:spPr><a:solidFill><a:srgbClr val="([0-9a-fA-F]{6})"/g)].map((m) => `#${m[1].toUpperCase()}`);
      expect(fills).toEqual([CHART_RAG_COLOURS.Red, CHART_RAG_COLOURS.Amber, CHART_RAG_COLOURS.Green, CHART_RAG_COLOURS.Grey]);
      expect(chart).not.toContain("<c:dateAx>");
    });
  });

  it("fills the charts with the values LibreOffice computed from the summary", () => {
    const [rag, trend] = chartsOnSheet(files.reviewed.lo, "RAG Summary")!.charts;
    // The sample's 20 actions are counted by objective (some by no objective), and the one review's 20 rows by colour.
    const total = (chart: string): number => seriesValues(chart).flat().reduce((a, b) => a + b, 0);
    expect(total(rag)).toBeGreaterThan(0);
    expect(total(trend)).toBe(20);
    expect(total(chartsOnSheet(files.made.lo, "RAG Summary")!.charts[1])).toBe(0);
  });

  it("prints the summary page with the charts drawn in the series' colours", () => {
    const pdf = printToPdf(soffice, [path.join(dir, "reviewed.xlsx")], path.join(dir, "pdf"))[0];
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    const text = (n: number): string => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });
    const page = Array.from({ length: pages }, (_, i) => i + 1).find((n) => text(n).includes("Plan RAG by review") && text(n).includes("Actions by objective and RAG"));
    expect(page).toBeDefined();
    const stem = path.join(dir, "summary");
    execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "60", "-singlefile", pdf, stem]);
    execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "60", "-singlefile", "-png", pdf, stem]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(`${stem}.png`, path.join(SCREENSHOTS, "summary-charts.png"));
    const image = readPpm(`${stem}.ppm`);
    // The charts stand right of the figures (from column J): count pixels of each series' colour there.
    const near = (hex: string, r: number, g: number, b: number): boolean => {
      const want = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
      return Math.abs(want[0] - r) + Math.abs(want[1] - g) + Math.abs(want[2] - b) < 40;
    };
    const counts = { Red: 0, Amber: 0, Green: 0, left: 0 };
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const o = (y * image.width + x) * 3;
        const [r, g, b] = [image.rgb[o], image.rgb[o + 1], image.rgb[o + 2]];
        const saturated = (["Red", "Amber", "Green"] as const).find((c) => near(CHART_RAG_COLOURS[c], r, g, b));
        if (!saturated) continue;
        if (x > image.width * 0.6) counts[saturated]++;
        else counts.left++;
      }
    }
    expect(counts.Red).toBeGreaterThan(20);
    expect(counts.Amber).toBeGreaterThan(20);
    expect(counts.Green).toBeGreaterThan(20);
    // The cells' own colours are tints: the saturated ones are the charts'.
    expect(counts.left).toBeLessThan(counts.Red + counts.Amber + counts.Green);
  });
});

/**
 * Sheets that print (issue 14): LibreOffice prints the sample of `jointplan new --sample` to PDF
 * with each sheet's page setup, and the pages are counted and read back with poppler (pdfinfo,
 * pdftotext, pdftoppm). Every page is landscape; the JAP's 20 actions print on one page that holds
 * the whole meeting width; a plan of 120 actions prints on several pages, each with the table's
 * header row again and every meeting column, none of the less used ones. The first page of each
 * sheet is rendered to test-output/screenshots/ (print-*.png) to be looked at.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { JAP } from "../../src/plan/layouts";
import { cli } from "../cli/runCli";
import { planFile } from "../xlsx/fixtures";
import { packageParts, sheetPartName } from "../xlsx/rawPackage";
import { describeWithSoffice, printToPdf } from "./soffice";

const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");

interface PrintedPage {
  number: number;
  width: number;
  height: number;
  /** The sheet the page belongs to, from the footer (&A). */
  sheet: string;
  text: string;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", timeout: 120_000 });

/** Each page of a PDF with its size and text; the sheet is the footer's left section. */
function pagesOf(pdf: string): PrintedPage[] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]))?.[1]);
  const sizes = run("pdfinfo", ["-f", "1", "-l", String(count), pdf]);
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const size = new RegExp(`^Page\\s+${n} size:\\s+([\\d.]+) x ([\\d.]+)`, "m").exec(sizes);
    const text = run("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"]);
    const footer = text.split("\n").find((l) => /JointPlan · printed/.test(l)) ?? "";
    return { number: n, width: Number(size?.[1]), height: Number(size?.[2]), sheet: footer.trim().split(/\s{2,}/)[0], text };
  });
}

/** The meeting columns' headers (what a printed JAP shows) and the first less used one. */
const meetingHeaders = JAP.columns.filter((c) => !c.detail).map((c) => c.header);
const firstDetail = JAP.columns.find((c) => c.detail)!.header;

describeWithSoffice("printing in LibreOffice", (soffice) => {
  let dir: string;
  let sample: PrintedPage[];
  let large: PrintedPage[];
  let samplePdf: string;

  beforeAll(async () => {
    for (const tool of ["pdfinfo", "pdftotext", "pdftoppm"]) {
      try {
        run(tool, ["-v"]);
      } catch {
        throw new Error(`${tool} not found: install poppler-utils`);
      }
    }
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-print-"));
    const file = path.join(dir, "sample.xlsx");
    const made = await cli("new", file, "--sample");
    expect(made.code).toBe(0);
    writeFileSync(path.join(dir, "large.xlsx"), await planFile(120));
    [samplePdf] = printToPdf(soffice, [file, path.join(dir, "large.xlsx")], path.join(dir, "pdf"));
    sample = pagesOf(samplePdf);
    large = pagesOf(path.join(dir, "pdf", "large.pdf"));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints every page of the sample landscape, every sheet the product writes", () => {
    expect(sample.length).toBeGreaterThan(0);
    for (const p of sample) expect({ page: p.number, landscape: p.width > p.height }).toEqual({ page: p.number, landscape: true });
    expect([...new Set(sample.map((p) => p.sheet))].sort()).toEqual(["JAP", "JBP", "Meeting pack", "RAG Summary", "Review Log", "Roster", "Settings"]);
    // One page each for the tables of the sample (issue 14 found 31 portrait pages in all).
    for (const sheet of ["Roster", "Settings", "JBP", "JAP", "Meeting pack", "Review Log"]) expect({ sheet, pages: sample.filter((p) => p.sheet === sheet).length }).toEqual({ sheet, pages: 1 });
  });

  it("prints the sample's JAP (20 actions) on one page holding every meeting column and no less used one", () => {
    const jap = sample.filter((p) => p.sheet === "JAP");
    expect(jap).toHaveLength(1);
    for (const h of meetingHeaders) expect(jap[0].text).toContain(h);
    expect(jap[0].text).not.toContain(firstDetail);
    expect(jap[0].text).toMatch(/Andes Distribución S\.A\..*Joint Action Plan · March 2026.*Page \d+ of \d+/);
    // Twenty action IDs, all on this page.
    expect(jap[0].text.match(/\bA-\d{2}\b/g)?.length).toBe(20);
  });

  it("prints a long JAP one page wide: each page repeats the header row with the full meeting width", () => {
    const jap = large.filter((p) => p.sheet === "JAP");
    expect(jap.length).toBeGreaterThan(1);
    for (const p of jap) {
      for (const h of meetingHeaders) expect({ page: p.number, header: h, found: p.text.includes(h) }).toEqual({ page: p.number, header: h, found: true });
      expect(p.text).not.toContain(firstDetail);
      expect(p.width).toBeGreaterThan(p.height);
    }
    const ids = new Set(jap.flatMap((p) => p.text.match(/\bA-\d+\b/g) ?? []));
    expect(ids.size).toBe(120);
  });

  it("has the page setup in the package: orientation, fit to width, print titles and print area", async () => {
    const parts = await packageParts(readFileSync(path.join(dir, "sample.xlsx")));
    const xml = parts[sheetPartName(parts, "JAP")];
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(parts["xl/workbook.xml"]).toMatch(/<definedName name="_xlnm\.Print_Titles" localSheetId="\d+">&apos;JAP&apos;!\$7:\$7<\/definedName>/);
    expect(parts["xl/workbook.xml"]).toMatch(/<definedName name="_xlnm\.Print_Area" localSheetId="\d+">&apos;JAP&apos;!\$A:\$J<\/definedName>/);
  });

  it("renders the first page of each sheet to PNG with the end-to-end screenshots", () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const firsts = new Map<string, number>();
    for (const p of sample) if (!firsts.has(p.sheet)) firsts.set(p.sheet, p.number);
    for (const [sheet, page] of firsts) {
      const out = path.join(SCREENSHOTS, `print-${sheet.toLowerCase().replace(/\s+/g, "-")}`);
      run("pdftoppm", ["-f", String(page), "-l", String(page), "-png", "-r", "80", "-singlefile", samplePdf, out]);
      expect(readFileSync(`${out}.png`).subarray(1, 4).toString()).toBe("PNG");
    }
    expect(firsts.size).toBe(7);
  });
});

/** Types for manifest-checks.js (CommonJS, run by node in scripts/ and imported by the Jest tests). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}
export interface Manifest {
  root: XmlElement;
}
export type CheckName = "resids" | "strings" | "urls" | "functions" | "icons" | "files";
export function parseXml(xml: string): XmlElement;
export function parseManifest(xml: string): Manifest;
export function checkResids(manifest: Manifest): string[];
export function checkStrings(manifest: Manifest): string[];
export function checkUrls(manifest: Manifest): string[];
export function checkFunctions(manifest: Manifest, commandSources: Record<string, string>): string[];
export function checkIcons(manifest: Manifest, root: string): string[];
export function checkFiles(manifest: Manifest, root: string, options?: { assetsOnly?: boolean }): string[];
export function checkManifest(
  xml: string,
  options: { root: string; commandsDir: string; built?: boolean },
): Record<CheckName, string[]>;
export function associatedNames(sources: Record<string, string>): Map<string, string>;
export function readSources(dir: string): Record<string, string>;
export function pngSize(buffer: Buffer): { width: number; height: number } | null;
export function runXmllint(
  manifestPath: string,
  schemaDir: string,
): { status: "passed" | "failed" | "skipped"; output: string };

/**
 * Where the task pane runs, decided in one place. In Excel, Office.onReady reports host "Excel" (Office.HostType.Excel) and an
 * `Excel` global exists. Outside Office, office.js reports host null and there is no `Excel` global.
 * The preview page installs a simulated workbook and says so itself (mode "preview").
 */
export type HostMode = "excel" | "preview" | "outside";

export interface HostInfo {
  /** `info.host` from Office.onReady, or null/undefined when unknown. */
  host?: string | null;
  /** Whether an `Excel` global (the real one or the simulated one) is present. */
  hasExcel: boolean;
  /** Set by the preview page, which runs the pane against a simulated workbook. */
  preview?: boolean;
}

export function detectHost(info: HostInfo): HostMode {
  if (info.preview) return "preview";
  if (info.hasExcel && info.host === "Excel") return "excel";
  return "outside";
}

/** Reads the host from the Office.onReady result and the globals of this page. */
export function hostInfoFromGlobals(onReady: { host?: unknown } | null | undefined, preview = false): HostInfo {
  const host = onReady && typeof onReady.host === "string" ? onReady.host : null;
  return { host, hasExcel: typeof (globalThis as { Excel?: unknown }).Excel !== "undefined", preview };
}

export type ThemeKind = "light" | "dark";

/**
 * Office gives the theme as colours, not a name (Office.context.officeTheme, where the host has it):
 * a dark body background means the dark theme.
 */
export function officeThemeKind(theme: { bodyBackgroundColor?: string } | null | undefined): ThemeKind {
  const hex = theme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return "light";
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? "dark" : "light";
}

/** The current Office theme, or light where the host has none (Excel on the web, the preview). */
export function currentThemeKind(): ThemeKind {
  try {
    return officeThemeKind(typeof Office !== "undefined" ? Office.context?.officeTheme : null);
  } catch {
    return "light";
  }
}

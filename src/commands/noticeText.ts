/**
 * What a ribbon command tells the user when it has finished. ExecuteFunction commands have no UI of their
 * own, so the outcome is shown in a small dialog (notice.html) whose text travels in its query string.
 * Pure: no Office.js, so that it is tested directly and shared by the dialog page.
 */

export type NoticeKind = "success" | "warning" | "error";

export interface Notice {
  /** The command's name, as on its ribbon button. */
  title: string;
  /** One or two sentences for the user. */
  text: string;
  kind: NoticeKind;
}

/** Longer texts are cut: the dialog's URL must stay short, and a notice is read at a glance. */
export const MAX_NOTICE_TEXT = 400;

/** How long the dialog stays open by itself; problems stay longer, to be read. */
export function noticeSeconds(kind: NoticeKind): number {
  return kind === "success" ? 6 : 12;
}

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The notice for a template that was inserted. */
export function insertedNotice(title: string, result: { message: string; sheetName: string }): Notice {
  const text = result.message.trim() || `Added the sheet "${result.sheetName}".`;
  return { title, text, kind: "success" };
}

/** The notice for a plan check: its colour follows the worst finding. */
export function checkedNotice(title: string, result: { message: string; errors: number; warnings: number }): Notice {
  const kind: NoticeKind = result.errors > 0 ? "error" : result.warnings > 0 ? "warning" : "success";
  const counts = `${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}.`;
  const text = result.message.trim() || (kind === "success" ? "No problems found." : counts);
  return { title, text, kind };
}

/** The notice for a recorded review. */
export function reviewedNotice(title: string, result: { message: string; recorded: number }): Notice {
  const text = result.message.trim() || `Recorded ${plural(result.recorded, "action")}.`;
  return { title, text, kind: result.recorded > 0 ? "success" : "warning" };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The notice for a command that failed. The Excel layer throws Errors whose message is written for the
 * user; anything else (a string, an object) is described as plainly as it allows.
 */
export function failureNotice(title: string, error: unknown): Notice {
  let detail = "";
  if (error instanceof Error) detail = error.message;
  else if (typeof error === "string") detail = error;
  else if (error && typeof error === "object" && "message" in error) detail = String(error.message);
  detail = detail.trim();
  const text = detail
    ? `${title} did not finish: ${detail}`
    : `${title} did not finish, and Excel gave no reason. Nothing else was changed; try again, or open the planner.`;
  return { title, text, kind: "error" };
}

/** The dialog page's URL for a notice, relative to `pageUrl` (the dialog must be on the add-in's origin). */
export function noticeUrl(pageUrl: string, notice: Notice): string {
  const url = new URL(pageUrl);
  url.search = new URLSearchParams({
    title: clip(notice.title, 80),
    text: clip(notice.text, MAX_NOTICE_TEXT),
    kind: notice.kind,
  }).toString();
  url.hash = "";
  return url.href;
}

/** Reads a notice back from the dialog page's query string; anything missing or unknown gets a safe default. */
export function readNotice(search: string): Notice {
  const params = new URLSearchParams(search);
  const kind = params.get("kind");
  return {
    title: clip(params.get("title") ?? "", 80) || "JointPlan",
    text: clip(params.get("text") ?? "", MAX_NOTICE_TEXT),
    kind: kind === "success" || kind === "warning" || kind === "error" ? kind : "error",
  };
}

/**
 * Runs one ribbon command: do the work, tell the user how it went, then complete the event. Office keeps
 * a command "working" until event.completed() is called, so it is called on every path, exactly once.
 */
import { failureNotice, type Notice } from "./noticeText";

/** The part of Office.AddinCommands.Event that a command uses. */
export interface CompletableEvent {
  completed(): void;
}

export interface RibbonCommand<T> {
  /** As on the ribbon button: "Insert JAP template". */
  title: string;
  run(): Promise<T>;
  describe(result: T): Notice;
}

/** Shows a notice and resolves once the user has seen it (or at once when it cannot be shown). */
export type Notify = (notice: Notice) => Promise<void>;

export async function runRibbonCommand<T>(
  event: CompletableEvent,
  command: RibbonCommand<T>,
  notify: Notify,
): Promise<Notice> {
  let notice: Notice;
  try {
    notice = command.describe(await command.run());
  } catch (error) {
    notice = failureNotice(command.title, error);
  }
  try {
    await notify(notice);
  } catch (error) {
    // The work is done (or failed) either way; a notice that cannot be shown must not hang the command.
    console.error(`JointPlan: could not show the notice for "${command.title}"`, error);
  } finally {
    event.completed();
  }
  return notice;
}

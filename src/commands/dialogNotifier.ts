/**
 * Shows a notice in a small Office dialog (notice.html) and resolves when it has closed: by itself after a
 * few seconds, by its Close button, or by the user. Where the Dialog API is missing or the dialog cannot
 * open (another one is already open, say), it resolves at once: the command still completes.
 */
import { noticeSeconds, noticeUrl, type Notice } from "./noticeText";

/** Extra time after the dialog's own countdown before the command closes it itself. */
const BACKSTOP_MS = 4000;

function dialogApiSupported(): boolean {
  const requirements = Office.context?.requirements;
  if (!requirements?.isSetSupported) return Boolean(Office.context?.ui?.displayDialogAsync);
  return requirements.isSetSupported("DialogApi", "1.1");
}

/** `pageUrl` is the URL of notice.html, e.g. new URL("notice.html", location.href).href. */
export function showNoticeDialog(notice: Notice, pageUrl: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!dialogApiSupported()) {
      console.warn(`JointPlan (${notice.title}): ${notice.text}`);
      resolve();
      return;
    }
    let done = false;
    let dialog: Office.Dialog | undefined;
    let backstop: ReturnType<typeof setTimeout> | undefined;
    const finish = (close: boolean) => {
      if (done) return;
      done = true;
      if (backstop !== undefined) clearTimeout(backstop);
      if (close && dialog) {
        try {
          dialog.close();
        } catch {
          // Already closed by the user.
        }
      }
      resolve();
    };
    Office.context.ui.displayDialogAsync(
      noticeUrl(pageUrl, notice),
      { height: 22, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.warn(`JointPlan (${notice.title}): ${notice.text} [the dialog did not open: ${result.error?.message}]`);
          finish(false);
          return;
        }
        dialog = result.value;
        // notice.html sends a message when its countdown ends or its Close button is pressed.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
        // The user closed the dialog, or it failed to load.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
        backstop = setTimeout(() => finish(true), noticeSeconds(notice.kind) * 1000 + BACKSTOP_MS);
      },
    );
  });
}

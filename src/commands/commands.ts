/**
 * The ribbon's function file (commands.html): the ExecuteFunction commands of the "Joint Planning" group.
 * Each one calls the Excel layer, tells the user what happened in a small dialog, and completes its event,
 * also when it fails. The FunctionName values in manifest.xml must match the names associated here
 * (`npm run validate` checks it).
 */
import { checkPlan, insertJapTemplate, insertJbpTemplate, recordReview } from "../excel/commandApi";
import { runRibbonCommand, type CompletableEvent, type Notify } from "./commandRunner";
import { showNoticeDialog } from "./dialogNotifier";
import { checkedNotice, insertedNotice, reviewedNotice } from "./noticeText";

const notify: Notify = (notice) => showNoticeDialog(notice, new URL("notice.html", window.location.href).href);

export function insertJapTemplateCommand(event: CompletableEvent) {
  const title = "Insert JAP template";
  return runRibbonCommand(event, { title, run: () => insertJapTemplate(), describe: (r) => insertedNotice(title, r) }, notify);
}

export function insertJbpTemplateCommand(event: CompletableEvent) {
  const title = "Insert JBP template";
  return runRibbonCommand(event, { title, run: () => insertJbpTemplate(), describe: (r) => insertedNotice(title, r) }, notify);
}

export function checkPlanCommand(event: CompletableEvent) {
  const title = "Check plan";
  return runRibbonCommand(event, { title, run: () => checkPlan(), describe: (r) => checkedNotice(title, r) }, notify);
}

export function recordReviewCommand(event: CompletableEvent) {
  const title = "Record review";
  return runRibbonCommand(event, { title, run: () => recordReview(), describe: (r) => reviewedNotice(title, r) }, notify);
}

Office.onReady(() => {
  // Nothing to set up: the commands run when their buttons are pressed.
});

Office.actions.associate("insertJapTemplate", insertJapTemplateCommand);
Office.actions.associate("insertJbpTemplate", insertJbpTemplateCommand);
Office.actions.associate("checkPlan", checkPlanCommand);
Office.actions.associate("recordReview", recordReviewCommand);

/**
 * The dialog page in which a ribbon command reports its outcome (see dialogNotifier.ts). It shows the
 * notice from its query string, counts down, and asks the command to close it when the time is up or when
 * the user presses Close. Text goes in as textContent only: never as HTML.
 */
import { noticeSeconds, readNotice } from "./noticeText";

function requestClose(): void {
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (ui?.messageParent) ui.messageParent("close");
  else window.close(); // Opened outside Office.
}

function show(): void {
  const notice = readNotice(window.location.search);
  const main = document.getElementById("notice");
  const title = document.getElementById("title");
  const text = document.getElementById("text");
  const countdown = document.getElementById("countdown");
  const close = document.getElementById("close");
  if (!main || !title || !text || !countdown || !close) return;
  main.dataset.kind = notice.kind;
  main.setAttribute("role", notice.kind === "success" ? "status" : "alert");
  title.textContent = notice.title;
  text.textContent = notice.text;
  document.title = `JointPlan: ${notice.title}`;

  let left = noticeSeconds(notice.kind);
  let closing = false;
  const closeOnce = () => {
    if (closing) return;
    closing = true;
    clearInterval(timer);
    requestClose();
  };
  const tick = () => {
    countdown.textContent = `Closes in ${left} s`;
    if (left-- <= 0) closeOnce();
  };
  const timer = setInterval(tick, 1000);
  tick();
  close.addEventListener("click", closeOnce);
  close.focus();
}

Office.onReady(show);

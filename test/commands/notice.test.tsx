/**
 * notice.html, the dialog in which ribbon commands report, in jsdom: it shows the notice from its query
 * string as text (never as HTML), and asks its parent to close it when Close is pressed or time is up.
 */
import * as fs from "fs";
import * as path from "path";
import { noticeSeconds, noticeUrl } from "../../src/commands/noticeText";

const page = fs.readFileSync(path.join(__dirname, "../../src/commands/notice.html"), "utf8");
const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";

let messages: string[];

function open(notice: { title: string; text: string; kind: "success" | "warning" | "error" }) {
  const url = new URL(noticeUrl("https://localhost:3000/notice.html", notice));
  window.history.replaceState({}, "", `/notice.html${url.search}`);
  document.body.innerHTML = body;
  messages = [];
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    context: { ui: { messageParent: (message: string) => messages.push(message) } },
  };
  jest.isolateModules(() => {
    require("../../src/commands/notice");
  });
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("shows the title and the text, as text", () => {
  open({ title: "Check plan", text: '2 errors in <b>JAP</b> & "=SUM(A1)"', kind: "error" });
  expect(document.getElementById("title")?.textContent).toBe("Check plan");
  expect(document.getElementById("text")?.textContent).toBe('2 errors in <b>JAP</b> & "=SUM(A1)"');
  expect(document.querySelector("#text b")).toBeNull();
  const main = document.getElementById("notice");
  expect(main?.dataset.kind).toBe("error");
  expect(main?.getAttribute("role")).toBe("alert");
});

test("a success is a status, and asks to close when its countdown ends", () => {
  open({ title: "Insert JAP template", text: 'Added the sheet "JAP 2025-06".', kind: "success" });
  expect(document.getElementById("notice")?.getAttribute("role")).toBe("status");
  expect(document.getElementById("countdown")?.textContent).toBe(`Closes in ${noticeSeconds("success")} s`);
  jest.advanceTimersByTime((noticeSeconds("success") - 1) * 1000);
  expect(messages).toEqual([]);
  jest.advanceTimersByTime(1000);
  expect(messages).toEqual(["close"]);
  jest.advanceTimersByTime(10_000);
  expect(messages).toEqual(["close"]); // once
});

test("the Close button asks to close at once, and has the focus", () => {
  open({ title: "Check plan", text: "No problems found.", kind: "success" });
  const close = document.getElementById("close");
  expect(document.activeElement).toBe(close);
  close?.click();
  expect(messages).toEqual(["close"]);
  jest.advanceTimersByTime(60_000);
  close?.click();
  expect(messages).toEqual(["close"]); // the countdown stopped; no second request
});

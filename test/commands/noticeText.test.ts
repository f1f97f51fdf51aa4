import {
  checkedNotice,
  failureNotice,
  insertedNotice,
  MAX_NOTICE_TEXT,
  noticeSeconds,
  noticeUrl,
  readNotice,
} from "../../src/commands/noticeText";

describe("notices for results", () => {
  test("an inserted template shows the Excel layer's message, or names the sheet", () => {
    expect(insertedNotice("Insert JAP template", { message: "Added JAP June 2025.", sheetName: "JAP 2025-06" })).toEqual({
      title: "Insert JAP template",
      text: "Added JAP June 2025.",
      kind: "success",
    });
    expect(insertedNotice("Insert JBP template", { message: " ", sheetName: "JBP 2025" }).text).toBe('Added the sheet "JBP 2025".');
  });

  test("a check takes the colour of its worst finding", () => {
    const title = "Check plan";
    expect(checkedNotice(title, { message: "", errors: 0, warnings: 0 })).toMatchObject({ kind: "success", text: "No problems found." });
    expect(checkedNotice(title, { message: "", errors: 0, warnings: 1 })).toMatchObject({ kind: "warning", text: "0 errors, 1 warning." });
    expect(checkedNotice(title, { message: "3 problems in JAP 2025-06.", errors: 2, warnings: 1 })).toMatchObject({
      kind: "error",
      text: "3 problems in JAP 2025-06.",
    });
  });
});

describe("notices for failures", () => {
  test("an Error's message is shown after the command's name", () => {
    expect(failureNotice("Insert JAP template", new Error("The workbook is protected."))).toEqual({
      title: "Insert JAP template",
      text: "Insert JAP template did not finish: The workbook is protected.",
      kind: "error",
    });
  });

  test("strings, objects with a message, and nothing at all are described", () => {
    expect(failureNotice("Check plan", "Excel is busy").text).toBe("Check plan did not finish: Excel is busy");
    expect(failureNotice("Check plan", { code: "GeneralException", message: "An internal error" }).text).toBe(
      "Check plan did not finish: An internal error",
    );
    expect(failureNotice("Check plan", undefined).text).toMatch(/^Check plan did not finish, and Excel gave no reason\./);
    expect(failureNotice("Check plan", new Error("")).text).toMatch(/gave no reason/);
  });
});

describe("the dialog's URL", () => {
  const page = "https://localhost:3000/notice.html";

  test("carries the notice, which the dialog page reads back unchanged", () => {
    const notice = { title: "Check plan", text: 'Owner "=HYPERLINK(1)" & <b>Ann</b>? 100% sure #1', kind: "warning" as const };
    const url = noticeUrl(page, notice);
    expect(url.startsWith(`${page}?`)).toBe(true);
    expect(readNotice(new URL(url).search)).toEqual(notice);
  });

  test("keeps the page's own origin and path, and drops any fragment", () => {
    const url = new URL(noticeUrl("https://plans.contoso.com/jp/notice.html#x", { title: "t", text: "x", kind: "success" }));
    expect(url.origin + url.pathname).toBe("https://plans.contoso.com/jp/notice.html");
    expect(url.hash).toBe("");
  });

  test("cuts long texts, and folds runs of spaces and line breaks", () => {
    const notice = readNotice(new URL(noticeUrl(page, { title: "t", text: `a\n\n  b ${"x".repeat(1000)}`, kind: "error" })).search);
    expect(notice.text.length).toBe(MAX_NOTICE_TEXT);
    expect(notice.text.startsWith("a b xxx")).toBe(true);
    expect(notice.text.endsWith("…")).toBe(true);
  });

  test("a query string that was tampered with still gives a safe notice", () => {
    expect(readNotice("?kind=<script>")).toEqual({ title: "JointPlan", text: "", kind: "error" });
    expect(readNotice("")).toEqual({ title: "JointPlan", text: "", kind: "error" });
  });
});

test("problems stay on screen longer than successes", () => {
  expect(noticeSeconds("success")).toBeLessThan(noticeSeconds("warning"));
  expect(noticeSeconds("error")).toBe(noticeSeconds("warning"));
});

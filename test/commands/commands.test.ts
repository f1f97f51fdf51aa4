/**
 * The ribbon's function file, against a fake Office global and a mocked Excel layer: each command is
 * associated under its manifest name, tells the user what happened, and completes its event on success
 * and on failure.
 */
import { installFakeOffice, fakeEvent, noticeOf, settle, type FakeOffice } from "./fakeOffice";

// The Excel layer (src/excel/commandApi.ts) is mocked; `virtual` lets this test run before that file exists.
jest.mock(
  "../../src/excel/commandApi",
  () => ({ insertJapTemplate: jest.fn(), insertJbpTemplate: jest.fn(), checkPlan: jest.fn(), recordReview: jest.fn() }),
  { virtual: !require("fs").existsSync(require("path").join(__dirname, "../../src/excel/commandApi.ts")) },
);

type Mocked = {
  insertJapTemplate: jest.Mock;
  insertJbpTemplate: jest.Mock;
  checkPlan: jest.Mock;
  recordReview: jest.Mock;
};

let office: FakeOffice;
let api: Mocked;

beforeAll(() => {
  (globalThis as unknown as { window: unknown }).window = { location: { href: "https://localhost:3000/commands.html" } };
  office = installFakeOffice();
  require("../../src/commands/commands"); // registers the commands, as commands.html does on load
  api = jest.requireMock("../../src/excel/commandApi");
});

beforeEach(() => {
  office.dialogs.length = 0;
  office.dialogFails = false;
  jest.clearAllMocks();
});

/** Runs a command as Office would, and answers its dialog as notice.html would. */
async function press(name: string) {
  const event = fakeEvent();
  const action = office.associated.get(name);
  if (!action) throw new Error(`${name} is not associated`);
  const running = Promise.resolve(action(event));
  await settle();
  const dialog = office.dialogs[office.dialogs.length - 1];
  expect(event.completed).not.toHaveBeenCalled(); // not before the user has been told
  dialog?.sendMessage();
  await running;
  return { event, dialog };
}

test("associates the manifest's four functions", () => {
  expect([...office.associated.keys()].sort()).toEqual(["checkPlan", "insertJapTemplate", "insertJbpTemplate", "recordReview"]);
});

test("Record review: records, says so, completes", async () => {
  api.recordReview.mockResolvedValue({ message: "Recorded the review of 2026-03-20: 19 actions of 1 current JAP in 'Review Log'.", recorded: 19, replaced: 0, sheetName: "Review Log", date: 46101 });
  const { event, dialog } = await press("recordReview");
  expect(api.recordReview).toHaveBeenCalledTimes(1);
  expect(noticeOf(dialog)).toEqual({ title: "Record review", text: expect.stringMatching(/^Recorded the review of 2026-03-20/), kind: "success" });
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("Insert JAP template: inserts, says so, completes", async () => {
  api.insertJapTemplate.mockResolvedValue({ message: 'Added the sheet "JAP 2025-06".', sheetName: "JAP 2025-06" });
  const { event, dialog } = await press("insertJapTemplate");
  expect(api.insertJapTemplate).toHaveBeenCalledTimes(1);
  expect(new URL(dialog.url).pathname).toBe("/notice.html");
  expect(noticeOf(dialog)).toEqual({ title: "Insert JAP template", text: 'Added the sheet "JAP 2025-06".', kind: "success" });
  expect(dialog.closed).toBe(true);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("Insert JBP template: a failure is shown, and the event completes", async () => {
  api.insertJbpTemplate.mockRejectedValue(new Error("The workbook is protected: unprotect it to add a sheet."));
  const { event, dialog } = await press("insertJbpTemplate");
  expect(noticeOf(dialog)).toEqual({
    title: "Insert JBP template",
    text: "Insert JBP template did not finish: The workbook is protected: unprotect it to add a sheet.",
    kind: "error",
  });
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("Check plan: the counts decide the notice's colour", async () => {
  api.checkPlan.mockResolvedValue({ message: "2 errors and 1 warning in JAP 2025-06.", errors: 2, warnings: 1 });
  const { event, dialog } = await press("checkPlan");
  expect(noticeOf(dialog)).toMatchObject({ title: "Check plan", kind: "error", text: "2 errors and 1 warning in JAP 2025-06." });
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("Check plan: a failure that is not an Error still completes", async () => {
  api.checkPlan.mockRejectedValue({ code: "GeneralException" });
  const { event, dialog } = await press("checkPlan");
  expect(noticeOf(dialog).kind).toBe("error");
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("when the dialog cannot open, the command still completes", async () => {
  office.dialogFails = true;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  api.insertJapTemplate.mockRejectedValue(new Error("Excel is busy."));
  const event = fakeEvent();
  await office.associated.get("insertJapTemplate")?.(event);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0][0]).toMatch(/Excel is busy\./);
  warn.mockRestore();
});

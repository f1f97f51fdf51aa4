import { showNoticeDialog } from "../../src/commands/dialogNotifier";
import { noticeSeconds, type Notice } from "../../src/commands/noticeText";
import { installFakeOffice, noticeOf, settle, type FakeOffice } from "./fakeOffice";

const page = "https://localhost:3000/notice.html";
const notice: Notice = { title: "Check plan", text: "2 errors, 1 warning.", kind: "error" };
let office: FakeOffice;

beforeEach(() => {
  office = installFakeOffice();
});

afterEach(() => {
  jest.useRealTimers();
});

test("opens notice.html with the notice and resolves when the page asks to close", async () => {
  let resolved = false;
  const shown = showNoticeDialog(notice, page).then(() => (resolved = true));
  await settle();
  expect(office.dialogs).toHaveLength(1);
  const [dialog] = office.dialogs;
  expect(dialog.url.startsWith(`${page}?`)).toBe(true);
  expect(noticeOf(dialog)).toEqual(notice);
  expect(dialog.options).toMatchObject({ displayInIframe: true });
  expect(resolved).toBe(false);
  dialog.sendMessage();
  await shown;
  expect(dialog.closed).toBe(true);
});

test("resolves when the user closes the dialog", async () => {
  const shown = showNoticeDialog(notice, page);
  await settle();
  office.dialogs[0].closeByUser();
  await expect(shown).resolves.toBeUndefined();
});

test("closes the dialog itself when the page never answers", async () => {
  jest.useFakeTimers();
  const shown = showNoticeDialog(notice, page);
  await jest.advanceTimersByTimeAsync(1);
  const [dialog] = office.dialogs;
  await jest.advanceTimersByTimeAsync(noticeSeconds("error") * 1000);
  expect(dialog.closed).toBe(false); // the page's own countdown comes first
  await jest.advanceTimersByTimeAsync(5000);
  await shown;
  expect(dialog.closed).toBe(true);
});

test("resolves at once when the dialog cannot open", async () => {
  office.dialogFails = true;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  await expect(showNoticeDialog(notice, page)).resolves.toBeUndefined();
  expect(warn.mock.calls[0][0]).toMatch(/2 errors, 1 warning\. \[the dialog did not open: A dialog box is already opened\.\]/);
  warn.mockRestore();
});

test("without the Dialog API it logs the notice and resolves", async () => {
  office.dialogApi = false;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  await expect(showNoticeDialog(notice, page)).resolves.toBeUndefined();
  expect(office.dialogs).toHaveLength(0);
  expect(warn).toHaveBeenCalledWith("JointPlan (Check plan): 2 errors, 1 warning.");
  warn.mockRestore();
});

import { runRibbonCommand } from "../../src/commands/commandRunner";
import type { Notice } from "../../src/commands/noticeText";
import { fakeEvent } from "./fakeOffice";

const describeResult = (n: number): Notice => ({ title: "Count", text: `${n} rows`, kind: "success" });

test("on success: the result is described, shown, and then the event completes", async () => {
  const event = fakeEvent();
  const order: string[] = [];
  const notify = jest.fn(async (notice: Notice) => {
    order.push(`notify ${notice.text}`);
    expect(event.completed).not.toHaveBeenCalled();
  });
  event.completed.mockImplementation(() => order.push("completed"));
  const notice = await runRibbonCommand(event, { title: "Count", run: async () => 3, describe: describeResult }, notify);
  expect(notice).toEqual({ title: "Count", text: "3 rows", kind: "success" });
  expect(order).toEqual(["notify 3 rows", "completed"]);
});

test("on failure: the error is shown and the event still completes, once", async () => {
  const event = fakeEvent();
  const notify = jest.fn(async () => undefined);
  const notice = await runRibbonCommand(
    event,
    { title: "Count", run: () => Promise.reject(new Error("No plan sheet in this workbook.")), describe: describeResult },
    notify,
  );
  expect(notice).toEqual({ title: "Count", text: "Count did not finish: No plan sheet in this workbook.", kind: "error" });
  expect(notify).toHaveBeenCalledWith(notice);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("a describe that throws counts as a failure", async () => {
  const event = fakeEvent();
  const notice = await runRibbonCommand(
    event,
    { title: "Count", run: async () => 3, describe: () => { throw new Error("bad result"); } },
    async () => undefined,
  );
  expect(notice.kind).toBe("error");
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("a notice that cannot be shown does not keep the command from completing", async () => {
  const event = fakeEvent();
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await runRibbonCommand(event, { title: "Count", run: async () => 1, describe: describeResult }, () => Promise.reject(new Error("no UI")));
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});

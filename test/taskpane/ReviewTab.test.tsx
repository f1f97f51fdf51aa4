import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as api from "../../src/excel/commandApi";
import { ReviewTab } from "../../src/taskpane/review/ReviewTab";
import { reviewState } from "./commandApiMock";

jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock());
const mocked = jest.mocked(api);

async function renderReview(slot?: React.ReactNode) {
  const onChanged = jest.fn();
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewTab onChanged={onChanged}>{slot}</ReviewTab>
      </FluentProvider>,
    );
  });
  return onChanged;
}

beforeEach(() => jest.clearAllMocks());

describe("ReviewTab", () => {
  it("lists the current JAP's actions with their colours, the changes and the trend", async () => {
    await renderReview(<section aria-label="Meeting pack">pack</section>);
    expect(screen.getByRole("heading", { name: "JAP 2026-03" })).toBeTruthy();
    const actions = screen.getAllByTestId("review-action");
    expect(actions).toHaveLength(2);
    expect(within(actions[0]).getByText("Red")).toBeTruthy();
    expect(within(actions[0]).getByRole("img", { name: "Last reviews: 17 Feb 2026: Amber" })).toBeTruthy();
    const changes = screen.getByTestId("review-changes");
    expect(within(changes).getByRole("region", { name: "Turned Red" }).textContent).toMatch(/A-01 Action A-01 \(Amber → Red\)/);
    expect(within(changes).getByRole("region", { name: /Dropped/ }).textContent).toMatch(/A-09/);
    expect(within(screen.getByTestId("plan-trend")).getAllByRole("row")).toHaveLength(2);
    // A slot for further sections (the meeting pack).
    expect(screen.getByRole("region", { name: "Meeting pack" })).toBeTruthy();
  });

  it("records the review with the comments typed, then reads the log again", async () => {
    const onChanged = await renderReview();
    fireEvent.change(screen.getByRole("textbox", { name: "Comment on A-01" }), { target: { value: "=Q1 push" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Record review" })));
    expect(mocked.recordReview).toHaveBeenCalledWith({ comments: { "A-01": "=Q1 push" } });
    expect(screen.getByText(/^Recorded the review of 2026-03-20/)).toBeTruthy();
    expect(mocked.getReviewState).toHaveBeenCalledTimes(2);
    expect(onChanged).toHaveBeenCalled();
    expect((screen.getByRole("textbox", { name: "Comment on A-01" }) as HTMLInputElement).value).toBe("");
  });

  it("offers to record first when this month has no review, and can start without", async () => {
    await renderReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Start next month" })));
    expect(mocked.startNextMonth).not.toHaveBeenCalled();
    const offer = screen.getByTestId("record-first");
    expect(offer.textContent).toMatch(/'JAP 2026-03' has no review/);
    await act(async () => fireEvent.click(within(offer).getByRole("button", { name: "Start without recording" })));
    expect(mocked.recordReview).not.toHaveBeenCalled();
    expect(mocked.startNextMonth).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/^Started 'JAP 2026-04'/)).toBeTruthy();
  });

  it("records then starts, when asked to record first; starts at once when the month is reviewed", async () => {
    await renderReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Start next month" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Record, then start next month" })));
    expect(mocked.recordReview).toHaveBeenCalledTimes(1);
    expect(mocked.startNextMonth).toHaveBeenCalledTimes(1);
    expect(mocked.recordReview.mock.invocationCallOrder[0]).toBeLessThan(mocked.startNextMonth.mock.invocationCallOrder[0]);
  });

  it("starts at once when this month is reviewed", async () => {
    mocked.getReviewState.mockResolvedValue(reviewState({ reviewed: true }));
    await renderReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Start next month" })));
    expect(screen.queryByTestId("record-first")).toBeNull();
    expect(mocked.startNextMonth).toHaveBeenCalledTimes(1);
  });

  it("opens on the meeting: plan RAG and why, objectives, Red and Amber and overdue actions, each going to its cell", async () => {
    await renderReview();
    const meeting = screen.getByTestId("meeting");
    // The meeting comes first, before the actions to comment on.
    expect(meeting.compareDocumentPosition(screen.getByTestId("review-jap")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(meeting).getByTestId("meeting-plan-rag").textContent).toMatch(/Amber.*Amber: objectives 0 Red, 1 Amber, 1 Green \(worst of\)/);
    const objectives = within(meeting).getByRole("region", { name: "Objectives" });
    expect(objectives.textContent).toMatch(/OBJ-1 · Grow sell-out in the north.*KPI at 91 % of the YTD target · actions 1 Red, 0 Amber, 0 Green/);
    expect(objectives.textContent).toMatch(/OBJ-2 · Widen distribution.*no KPI results yet/);
    await act(async () => fireEvent.click(within(objectives).getByRole("button", { name: /OBJ-1/ })));
    expect(mocked.goToCell).toHaveBeenLastCalledWith("JBP", "A12");
    const redAmber = within(meeting).getByRole("region", { name: "Red and Amber actions" });
    expect(within(redAmber).getByRole("heading").textContent).toBe("Red and Amber actions: 1");
    await act(async () => fireEvent.click(within(redAmber).getByRole("button", { name: /A-01/ })));
    expect(mocked.goToCell).toHaveBeenLastCalledWith("JAP 2026-03", "A7");
    expect(within(meeting).getByRole("region", { name: "Overdue actions" }).textContent).toMatch(/11 days late · next step: Call the buyer/);
  });

  it("shows the meeting pack: builds or refreshes the sheet and says so", async () => {
    const onChanged = await renderReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Show meeting pack" })));
    expect(mocked.buildMeetingPack).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/^Built 'Meeting pack'/)).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });

  it("offers no meeting pack when no JAP can have one", async () => {
    mocked.getReviewState.mockResolvedValue(reviewState({ meeting: null }));
    await renderReview();
    expect(screen.queryByTestId("meeting")).toBeNull();
    expect((screen.getByRole("button", { name: "Show meeting pack" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("records the quarterly JBP review and says which quarter", async () => {
    const onChanged = await renderReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Record quarterly review" })));
    expect(mocked.recordQuarterlyReview).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/^Recorded the quarterly review of 2026-07-06 \('JBP' Q2 2026\)/)).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });
});

/**
 * The list columns' values and the alternatives people type for them, matched case- and
 * space-insensitively ("in progress " is In progress, "Higher" is Higher is better).
 */
import { enumMatcher } from "./cells";
import { ActionParty, DateOrder, Direction, Party, Rag, RollUpMethod, Status } from "./schemas";

export const matchStatus = enumMatcher(Status.options, {
  "Not yet started": "Not started",
  "To do": "Not started",
  Todo: "Not started",
  Open: "Not started",
  Started: "In progress",
  Ongoing: "In progress",
  WIP: "In progress",
  Paused: "On hold",
  Blocked: "On hold",
  Complete: "Done",
  Completed: "Done",
  Closed: "Done",
  Finished: "Done",
  Canceled: "Cancelled",
  Dropped: "Cancelled",
});

/** Statuses still to do: neither Done nor Cancelled (the overdue lists and rules count these). */
export const OPEN_STATUSES: readonly Status[] = Status.options.filter((s) => s !== "Done" && s !== "Cancelled");
/** Open means still to do; a status not in the list (null) counts as open. */
export const isOpenStatus = (status: string | null): boolean => status !== "Done" && status !== "Cancelled";

export const matchParty = enumMatcher(Party.options);
export const matchActionParty = enumMatcher(ActionParty.options, { Both: "Joint", Shared: "Joint" });

export const matchDirection = enumMatcher(Direction.options, {
  Higher: "Higher is better",
  "Higher better": "Higher is better",
  Up: "Higher is better",
  Increase: "Higher is better",
  Max: "Higher is better",
  Lower: "Lower is better",
  "Lower better": "Lower is better",
  Down: "Lower is better",
  Decrease: "Lower is better",
  Min: "Lower is better",
});

export const matchRag = enumMatcher(Rag.options, { R: "Red", A: "Amber", G: "Green", Yellow: "Amber", Gray: "Grey" });
export const matchRollUp = enumMatcher(RollUpMethod.options, { Worst: "Worst of", Worstof: "Worst of", Average: "Average score", Avg: "Average score" });
export const matchDateOrder = enumMatcher(DateOrder.options, {
  "Day first": "DMY",
  "Day-first": "DMY",
  "DD/MM/YYYY": "DMY",
  "Month first": "MDY",
  "Month-first": "MDY",
  "MM/DD/YYYY": "MDY",
});

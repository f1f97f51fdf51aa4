/**
 * The command API: everything the ribbon (src/commands/) and the task pane (src/taskpane/) may ask
 * of the workbook. Each command is one Excel.run with a fixed number of syncs, and throws only
 * JointPlanError (a message for the user, and a code). Syncs (bench/excel.bench.ts):
 *
 *   insertJapTemplate, insertJbpTemplate, insertSamplePlan  2 (read what exists, write); 3 when a JBP
 *                 or JAP table exists already (where those tables stand, for the JBP's action counts)
 *   checkPlan     3 (sheets and tables; used ranges, corners, plan tables and note locations; write);
 *                 2 when nothing changed
 *   getOverview, readSettings, listPlanSheets               2 (reads only)
 *   applyRepairs  3 (read as checkPlan does, write the repairs, the people they add to the Roster and
 *                 the Issues cells and notes they change)
 *   goToCell 2      buildSummary 3 (the new summary is written whole before the old one goes)
 *   buildMeetingPack 3, 5 with a Review Log (read; the log's end and its last reviews; each new pack is written whole before its old one goes)
 *   writeSettings, addRosterEntries 3
 *   live re-check 3 per debounced change; startLiveCheck 2 the first time (find the plan sheets, register)
 *   recordReview  5 (read the plan, the current JAPs' cells only; the Review Log's end; write);
 *                 6 when the same review is recorded again (its rows' comments, to keep them); 4
 *                 when there is no Review Log yet
 *   recordQuarterlyReview 5 (read the plan as recordReview; the Quarterly Reviews table's key columns;
 *                 write); 6 when the same quarter is recorded again the same day; 4 without the table
 *   startNextMonth 6 (read the plan as recordReview; the Review Log's end; where the JBP and JAP
 *                 tables stand; write); 5 without a Review Log
 *   getReviewState 5 (read the plan as recordReview; the log's end; the rows of the last
 *                 reviews); 3 without a log
 *
 * "The log's end": the key columns (date, distributor, month) of its last rows only, up to what the
 * command needs (recordReview.ts, readLogTail), so no command reads more of the log as months pass.
 *
 * More syncs only past a size, one per budget's worth of data: a write over 3.5 MB as counted, a
 * read whose response would pass 4 MB (readWorkbook.ts, sheetReads.ts), or more than 10,000 notes
 * and comments. Excel on the web's 5 MB limit holds each request and each response, so a command
 * that moves 20 MB cannot take fewer than five; bench/excel.bench.ts prints the figures.
 */
export { insertJapTemplate, insertJbpTemplate, insertSamplePlan } from "./insertTemplates";
export { checkPlan, getOverview } from "./checkPlan";
export type { CheckOutcome } from "./checkPlan";
export { applyRepairs } from "./repairs";
export type { RepairOutcome } from "./repairs";
export { buildSummary } from "./summary";
export { buildMeetingPack } from "./meetingPack";
export { goToCell, listPlanSheets } from "./navigation";
export type { PlanSheets } from "./navigation";
export { readSettings, writeSettings, addRosterEntries } from "./settingsAndRoster";
export { startLiveCheck } from "./liveCheck";
export { recordReview } from "./recordReview";
export type { RecordReviewOptions, RecordReviewOutcome } from "./recordReview";
export { startNextMonth } from "./startNextMonth";
export type { NextMonthOutcome, StartedJap } from "./startNextMonth";
export { getReviewState } from "./reviewState";
export { recordQuarterlyReview } from "./recordQuarterlyReview";
export type { RecordQuarterlyReviewOptions, RecordQuarterlyReviewOutcome } from "./recordQuarterlyReview";
export type { JapReview, MeetingObjective, MeetingView, ReviewAction, ReviewState } from "./reviewState";
export type { ActionChange, ReviewChanges, TrendPoint } from "../plan/cycle";
export type { LiveCheckListener } from "./liveCheck";
export { JointPlanError, isJointPlanError } from "./errors";
export type { JointPlanErrorCode } from "./errors";
export type { ActionRef, Overview } from "../plan/summary";
export type { Finding, Rag, Repair, RosterEntry, Settings } from "../plan/model";

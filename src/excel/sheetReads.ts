/**
 * Reading cell values in responses of bounded size. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded, "Resource limits and performance optimization for Office
 * Add-ins"), so rectangles are cut into row slices, and slices are packed into one sync up to
 * READ_BUDGET_BYTES of expected response: several slices share a sync while the limit allows, and
 * a sync is added only for each budget's worth of cells. What a cell costs is estimated, then
 * measured on what comes back; a sync that Excel still refuses as too large is split in two and
 * read again, so a sheet of long texts costs syncs, never a failed read.
 */
import { payloadBytes } from "./batches";

/** A response is filled to this: 4 MB, under Excel on the web's 5 MB. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
/** What a cell's measured cost is raised by, for rows longer than those measured. */
export const CELL_MARGIN = 1.1;
/** What a response carries when filled on measured costs: the budget less that margin. */
export const RESPONSE_FILL_BYTES = READ_BUDGET_BYTES / CELL_MARGIN;
/** A first guess of a cell's share of a response (values of a plan average about 13 bytes). */
export const ESTIMATED_CELL_BYTES = 16;

/** A rectangle to read (0-based sheet rows and columns) and where its values go. */
export interface RectRead {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Gets each slice's values, top to bottom (slices arrive in order). */
  onValues: (row: number, values: unknown[][]) => void;
}

interface Slice {
  read: RectRead;
  row: number;
  rows: number;
}

/** What reads have cost so far, so that later slices are sized on measured, not guessed, bytes. */
export class ReadCost {
  bytesPerCell = ESTIMATED_CELL_BYTES;
  /** Syncs added because a response would pass the budget, or was refused as too large. */
  splits = 0;
  private measured = false;

  /** Sizes later reads on what `values` (of `cells` cells) cost; fewer than `least` cells say too little. */
  measure(values: unknown[][], cells: number, least = 1000): void {
    if (cells < least || cells === 0) return;
    // The largest seen, with a tenth to spare; the first measure replaces the guess.
    const seen = (payloadBytes(values) / cells) * CELL_MARGIN;
    this.bytesPerCell = this.measured ? Math.max(this.bytesPerCell, seen) : seen;
    this.measured = true;
  }

  /** Cells one response may carry: a quarter of the budget until a read has been measured. */
  cellsPerResponse(budget = READ_BUDGET_BYTES): number {
    return Math.max(1, Math.floor((this.measured ? budget : budget / 4) / this.bytesPerCell));
  }
}

const isResponseTooLarge = (e: unknown): boolean => (e as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/**
 * Reads every rectangle's values, in as few syncs as the budget allows (one when they all fit):
 * each sync takes rows from the front of what is left until its response is full. Nothing else
 * may be queued on the context meanwhile.
 */
export async function readRects(context: Excel.RequestContext, reads: RectRead[], cost: ReadCost): Promise<void> {
  const queue: Slice[] = reads.filter((r) => r.rows > 0 && r.cols > 0).map((read) => ({ read, row: read.row, rows: read.rows }));
  let first = true;
  while (queue.length > 0) {
    const budget = cost.cellsPerResponse();
    const batch: Slice[] = [];
    let cells = 0;
    while (queue.length > 0) {
      const part = queue[0];
      let fit = Math.floor((budget - cells) / part.read.cols);
      if (fit <= 0) {
        if (batch.length > 0) break;
        fit = 1;
      }
      const take = Math.min(part.rows, fit);
      batch.push({ read: part.read, row: part.row, rows: take });
      cells += take * part.read.cols;
      if (take === part.rows) queue.shift();
      else {
        part.row += take;
        part.rows -= take;
      }
    }
    if (!first) cost.splits++;
    first = false;
    const ranges = batch.map((s) => context.workbook.worksheets.getItem(s.read.sheet).getRangeByIndexes(s.row, s.read.col, s.rows, s.read.cols).load("values"));
    try {
      // One sync per budget's worth of cells: a size split, never one per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Longer texts than measured: ask for half as many cells a response, and read it again.
      cost.bytesPerCell *= 2;
      queue.unshift(...batch);
      continue;
    }
    batch.forEach((s, i) => {
      const values = ranges[i].values;
      cost.measure(values, s.rows * s.read.cols);
      s.read.onValues(s.row, values);
    });
  }
}

/** Sorted indices as [first, count] runs of consecutive ones: the rectangles that read them. */
export function indexRuns(indices: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out.at(-1);
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

/**
 * Keeps every request under Excel's payload limit. Writes are queued through a Batcher that counts
 * what each costs in the request as Office.js sends it: its arguments' JSON, and OPERATION_BYTES for
 * each property set or method call with the object paths that reach it. When the next write would
 * take the request past the budget it syncs first. Below the budget (every plan of a few thousand
 * rows) this adds no sync at all; above it, one sync per budget's worth of data. Big 2-D writes
 * are cut into row slices that fit.
 */
import { cellA1, parseRangeA1 } from "../plan/model";

/** Excel on the web rejects requests over 5 MB; 4 MB leaves room for the request's own framing. */
export const PAYLOAD_LIMIT_BYTES = 4 * 1024 * 1024;
/** What we fill a request with before syncing, as counted: a margin under our 4 MB for what the count misses. */
export const BATCH_BUDGET_BYTES = 3.5 * 1024 * 1024;
/**
 * What operations cost in an Office.js request beyond their arguments: the actions, and the object
 * paths and "instantiate" actions of the objects they go through. Measured on the real
 * excel-web-16.00.js (test/support/officeJs.ts): 279 bytes for `ws.getRange("F10000").values = …`
 * on a sheet already in the request; 110 more for a second set on the same range; 150 more when
 * the sheet is reached by name (`worksheets.getItem(name)`); 171 for `ws.comments.add(cell, text)`
 * on a collection already in the request. batches.test.ts holds every write path of the Excel
 * layer to the real library's request sizes.
 */
/** A range got by address off a sheet already in the request, and one property set on it. */
export const OPERATION_BYTES = 300;
/** One more property set, method call or navigation (format, font, fill) on an object in the request. */
export const SET_BYTES = 120;
/** A sheet reached by name. */
export const SHEET_BYTES = 160;
/** A method call on an object already in the request (notes.add on a sheet's notes, note.delete). */
export const METHOD_BYTES = 200;

/**
 * Office.js sends a write of values, formulas or number formats over 1,500 cells as chunks of
 * about 1,500 cells (setRangePropertiesInBulk in excel-web-16.00.js): each chunk is three more
 * object paths (getRow, getRow, getBoundingRect) and a set, about 480 bytes.
 */
const BULK_CELLS = 1500;
const CHUNK_BYTES = 480;
export function bulkBytes(rows: number, cols: number): number {
  if (rows * cols <= BULK_CELLS) return 0;
  return Math.ceil(rows / Math.max(1, Math.round(BULK_CELLS / cols))) * CHUNK_BYTES;
}

const encoder = new TextEncoder();

/** UTF-8 size of a value as it travels in the request (JSON). */
export function payloadBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

export class Batcher {
  private pending = 0;
  /** Syncs this batcher made because of size (not counting the caller's own syncs). */
  splits = 0;
  /** The counted size of each request this batcher sent (the caller's last one is `pendingBytes`). */
  readonly sent: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = BATCH_BUDGET_BYTES,
  ) {}

  /** Room left in the current request. */
  get room(): number {
    return Math.max(0, this.budget - this.pending);
  }

  /** What the current request holds, as counted. */
  get pendingBytes(): number {
    return this.pending;
  }

  /**
   * Queues a write of `bytes` of arguments whose operations cost `overhead` (OPERATION_BYTES and
   * the others above), syncing first when it would not fit.
   */
  async add(bytes: number, queue: () => void, overhead = OPERATION_BYTES): Promise<void> {
    const cost = bytes + overhead;
    if (this.pending > 0 && this.pending + cost > this.budget) {
      this.sent.push(this.pending);
      await this.context.sync();
      this.splits++;
      this.pending = 0;
    }
    queue();
    this.pending += cost;
  }

  /**
   * Writes a 2-D array to `address` (top-left anchored) in row slices that each fit the budget;
   * `write(sliceAddress, rows)` queues the actual property set; `extraRowBytes(i)` is what else
   * the write sends for row i.
   */
  async addRows<T>(address: string, rows: T[][], write: (sliceAddress: string, rows: T[][]) => void, extraRowBytes?: (i: number) => number): Promise<void> {
    const rect = parseRangeA1(address);
    if (!rect) throw new Error(`Not a range address: ${address}`);
    const cols = rect.lastCol - rect.col + 1;
    // A row's bytes, with its share of Office.js's chunking of big writes, and what else the write
    // sends for it (the text formats set before user text).
    const sizes = rows.map((r, i) => payloadBytes(r) + 1 + (rows.length * cols > BULK_CELLS ? Math.ceil((cols * CHUNK_BYTES) / BULK_CELLS) : 0) + (extraRowBytes?.(i) ?? 0));
    const total = sizes.reduce((a, b) => a + b, 0) + address.length;
    // Fits what is left of the request (or a fresh one, when little is left): one write. Else it is
    // cut into slices, the first filling what is left: a sync that left half a request empty would
    // cost one more in a plan of some thousands of rows.
    if (total + OPERATION_BYTES <= this.room || (total + OPERATION_BYTES <= this.budget && this.room < 64 * 1024)) {
      await this.add(total, () => write(address, rows));
      return;
    }
    let start = 0;
    while (start < rows.length) {
      // Fill what is left of the current request, or a whole fresh one.
      // (What is left, when at least this row fits in it: a fresh request for each slice would
      // leave part of every request empty, a sync in some tens at 50,000 rows.)
      const limit = this.room >= sizes[start] + OPERATION_BYTES + 1024 ? this.room : this.budget;
      let end = start;
      let bytes = 0;
      while (end < rows.length && (end === start || bytes + sizes[end] + OPERATION_BYTES <= limit)) {
        bytes += sizes[end];
        end++;
      }
      const slice = rows.slice(start, end);
      const sliceAddress = `${cellA1(rect.row + start, rect.col)}:${cellA1(rect.row + end - 1, rect.lastCol)}`;
      await this.add(bytes + sliceAddress.length, () => write(sliceAddress, slice));
      start = end;
    }
  }
}

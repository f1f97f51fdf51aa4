/**
 * Keeps every request under Excel's payload limit. Writes are queued through a Batcher that counts
 * the bytes of their arguments; when the next write would take the request past the budget it
 * syncs first. Below the budget (every plan of a few thousand rows) this adds no sync at all; above
 * it, one sync per budget's worth of data. Big 2-D writes are cut into row slices that fit.
 */
import { cellA1, parseRangeA1 } from "../plan/model";

/** Excel on the web rejects requests over 5 MB; 4 MB leaves room for the request's own framing. */
export const PAYLOAD_LIMIT_BYTES = 4 * 1024 * 1024;
/** What we fill a request with before syncing: a margin for the per-operation overhead we do not count. */
export const BATCH_BUDGET_BYTES = 3.5 * 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 size of a value as it travels in the request (JSON). */
export function payloadBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

export class Batcher {
  private pending = 0;
  /** Syncs this batcher made because of size (not counting the caller's own syncs). */
  splits = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = BATCH_BUDGET_BYTES,
  ) {}

  /** Room left in the current request. */
  get room(): number {
    return Math.max(0, this.budget - this.pending);
  }

  /** Queues one write of about `bytes`, syncing first when it would not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) {
      await this.context.sync();
      this.splits++;
      this.pending = 0;
    }
    queue();
    this.pending += bytes + 64;
  }

  /** Counts work queued outside `add` (small metadata writes) so the budget stays honest. */
  count(bytes: number): void {
    this.pending += bytes;
  }

  /**
   * Writes a 2-D array to `address` (top-left anchored) in row slices that each fit the budget;
   * `write(sliceAddress, rows)` queues the actual property set.
   */
  async addRows<T>(address: string, rows: T[][], write: (sliceAddress: string, rows: T[][]) => void): Promise<void> {
    const rect = parseRangeA1(address);
    if (!rect) throw new Error(`Not a range address: ${address}`);
    const sizes = rows.map((r) => payloadBytes(r) + 1);
    const total = sizes.reduce((a, b) => a + b, 0);
    // Fits one request: one write (add() syncs first if the current request is too full).
    if (total + 64 <= this.budget) {
      await this.add(total, () => write(address, rows));
      return;
    }
    let start = 0;
    while (start < rows.length) {
      // Fill what is left of the current request, or a whole fresh one.
      const limit = this.room > 64 * 1024 ? this.room : this.budget;
      let end = start;
      let bytes = 0;
      while (end < rows.length && (end === start || bytes + sizes[end] + 64 <= limit)) {
        bytes += sizes[end];
        end++;
      }
      const slice = rows.slice(start, end);
      const sliceAddress = `${cellA1(rect.row + start, rect.col)}:${cellA1(rect.row + end - 1, rect.lastCol)}`;
      await this.add(bytes, () => write(sliceAddress, slice));
      start = end;
    }
  }
}

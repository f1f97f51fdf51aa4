/** Round trips and request sizes, so tests can hold the Excel layer to its sync and payload budgets. */

/** Excel on the web rejects a request, or a response, whose payload exceeds 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface BatchStat {
  operations: number;
  /** The request's size (wire.ts). */
  bytes: number;
  /** The response's size. */
  responseBytes: number;
}

export class SimStats {
  syncs = 0;
  batches: BatchStat[] = [];
  /** Calls of TableRowCollection.add that ran (each a co-authoring conflict risk). */
  tableRowAdds = 0;
  reset(): void {
    this.syncs = 0;
    this.batches = [];
    this.tableRowAdds = 0;
  }
  /** The largest request seen, in bytes. */
  get maxBytes(): number {
    return this.batches.reduce((m, b) => Math.max(m, b.bytes), 0);
  }
  /** The largest response seen, in bytes. */
  get maxResponseBytes(): number {
    return this.batches.reduce((m, b) => Math.max(m, b.responseBytes), 0);
  }
}

const encoder = new TextEncoder();

/** UTF-8 byte length of a string, without Node's Buffer. */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

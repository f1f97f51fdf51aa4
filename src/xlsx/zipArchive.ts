/**
 * A zip archive read from its central directory, entries inflated as streams by Node's zlib.
 * An .xlsx is a zip: reading it this way gives random access to its parts (the workbook before
 * its sheets, whatever order the writer chose) and never holds a whole inflated part in memory.
 * Every byte inflated is counted against one budget, so a zip bomb stops with a reason.
 */
import { createInflateRaw } from "zlib";
import { PackageError } from "./packageError";


export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  compressedSize: number;
  /** As the directory declares it: a hostile file may lie, the budget does not trust it. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
  /** CRC-32 of the inflated bytes, as the directory declares it. */
  crc32: number;
}

/** Bytes that may still be inflated from one archive, across all its entries. */
export interface InflateBudget {
  remaining: number;
  /** What to say when it runs out. */
  exceeded: () => string;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 256 * 1024;

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  throw new PackageError("the zip directory is missing: the file is cut short or damaged");
}

/** Sizes and offset from a zip64 extended-information field, where the 32-bit ones are 0xFFFFFFFF. */
function zip64Values(extra: Buffer, want: { size: boolean; compressed: boolean; offset: boolean }): { size?: number; compressed?: number; offset?: number } {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const read = (): number | undefined => {
        if (q + 8 > p + 4 + len) return undefined;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      const out: { size?: number; compressed?: number; offset?: number } = {};
      if (want.size) out.size = read();
      if (want.compressed) out.compressed = read();
      if (want.offset) out.offset = read();
      return out;
    }
    p += 4 + len;
  }
  return {};
}

/** What rewriting a whole package may inflate: more than any workbook jointplan writes or reads. */
export const packageBudget = (): InflateBudget => ({ remaining: 2 * 1024 * 1024 * 1024, exceeded: () => "the workbook expands to more than 2 GB" });

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    // Part names in a package are case-insensitive (ECMA-376 Part 2, 9.1.1.1); the first one wins.
    for (const e of entries) if (!this.byName.has(e.name.toLowerCase())) this.byName.set(e.name.toLowerCase(), e);
  }

  static open(bytes: Buffer): ZipArchive {
    if (bytes.length < 22) throw new PackageError("the file is too short to be a zip archive");
    const end = findEndOfCentralDirectory(bytes);
    let count = bytes.readUInt16LE(end + 10);
    let dirSize = bytes.readUInt32LE(end + 12);
    let dirOffset = bytes.readUInt32LE(end + 16);
    const locator = end - 20;
    if (locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_EOCD_LOCATOR) {
      const at = Number(bytes.readBigUInt64LE(locator + 8));
      if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw new PackageError("the zip64 directory is damaged");
      count = Number(bytes.readBigUInt64LE(at + 32));
      dirSize = Number(bytes.readBigUInt64LE(at + 40));
      dirOffset = Number(bytes.readBigUInt64LE(at + 48));
    }
    if (dirOffset + dirSize > bytes.length) throw new PackageError("the zip directory points past the end of the file: the file is cut short");
    const entries: ZipEntry[] = [];
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new PackageError("the zip directory is damaged");
      const flags = bytes.readUInt16LE(p + 8);
      const method = bytes.readUInt16LE(p + 10);
      const crc32 = bytes.readUInt32LE(p + 16);
      let compressedSize = bytes.readUInt32LE(p + 20);
      let size = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      let localHeaderOffset = bytes.readUInt32LE(p + 42);
      // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all a package uses.
      const name = bytes.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
      const extra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      const max = 0xffffffff;
      if (size === max || compressedSize === max || localHeaderOffset === max) {
        const z = zip64Values(extra, { size: size === max, compressed: compressedSize === max, offset: localHeaderOffset === max });
        size = z.size ?? size;
        compressedSize = z.compressed ?? compressedSize;
        localHeaderOffset = z.offset ?? localHeaderOffset;
      }
      entries.push({ name, method, compressedSize, size, localHeaderOffset, encrypted: (flags & 1) === 1, crc32 });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(bytes, entries);
  }

  /** An entry by part name, ignoring case and a leading "/". */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** The entry's stored bytes, still compressed: a rewrite copies an unchanged part as it is. */
  compressed(entry: ZipEntry): Buffer {
    const p = entry.localHeaderOffset;
    if (p + 30 > this.bytes.length || this.bytes.readUInt32LE(p) !== LOCAL) throw new PackageError(`the zip entry ${entry.name} is damaged`);
    const start = p + 30 + this.bytes.readUInt16LE(p + 26) + this.bytes.readUInt16LE(p + 28);
    if (start + entry.compressedSize > this.bytes.length) throw new PackageError(`the zip entry ${entry.name} is cut short`);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /** The entry's bytes, inflated piece by piece; each piece is taken from the budget first. */
  async *chunks(entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
    if (entry.encrypted) throw new PackageError(`the part ${entry.name} is encrypted`);
    const data = this.compressed(entry);
    const take = (chunk: Buffer): Buffer => {
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) throw new PackageError(budget.exceeded());
      return chunk;
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += CHUNK) yield take(data.subarray(i, Math.min(data.length, i + CHUNK)));
      return;
    }
    if (entry.method !== 8) throw new PackageError(`the part ${entry.name} uses zip compression method ${entry.method}, which Excel files never use`);
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(data);
    try {
      for await (const chunk of inflate) yield take(chunk as Buffer);
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError(`the part ${entry.name} cannot be decompressed (${(e as Error).message.split("\n")[0]})`);
    } finally {
      inflate.destroy();
    }
  }

  /** A small entry's whole bytes (a part such as the workbook or its relationships). */
  async bytesOf(entry: ZipEntry, budget: InflateBudget): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry, budget)) parts.push(chunk);
    return Buffer.concat(parts);
  }
}

/**
 * Writes a zip archive, the container of an .xlsx. A part given as bytes is deflated; a part
 * copied from another archive keeps its compressed bytes and CRC, so a step that changes the
 * table parts of a package copies its sheets as they are instead of inflating and deflating
 * them again. No zip64: a package written here stays far below 4 GB.
 */
import { deflateRawSync } from "zlib";
import type { ZipArchive, ZipEntry } from "./zipArchive";

/** CRC-32 (zlib.crc32 exists only from Node 20.15; package.json promises Node 20). */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A part as bytes to deflate, or an entry copied as stored in an archive. */
export type ZipPart = { name: string; data: Buffer } | { name: string; from: ZipArchive; entry: ZipEntry };

interface Stored {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

function stored(part: ZipPart): Stored {
  const name = Buffer.from(part.name, "utf8");
  if ("data" in part) return { name, method: 8, crc: crc32(part.data) >>> 0, compressed: deflateRawSync(part.data), size: part.data.length };
  const e = part.entry;
  return { name, method: e.method, crc: e.crc32 >>> 0, compressed: part.from.compressed(e), size: e.size };
}

/** 1980-01-01 00:00, the zip epoch: the same parts always give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const UTF8 = 0x800;

/** The fields a local header and a directory entry share, in the same order, from `at`. */
function entryFields(b: Buffer, at: number, s: Stored): void {
  b.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  b.writeUInt16LE(UTF8, at + 2);
  b.writeUInt16LE(s.method, at + 4);
  b.writeUInt16LE(DOS_TIME, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(s.crc, at + 10);
  b.writeUInt32LE(s.compressed.length, at + 14);
  b.writeUInt32LE(s.size, at + 18);
  b.writeUInt16LE(s.name.length, at + 22);
}

export function zipBytes(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const s = stored(part);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4, s);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    // Version made by, then the same fields as the local header.
    dir.writeUInt16LE(20, 4);
    entryFields(dir, 6, s);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, s.name, s.compressed);
    central.push(dir, s.name);
    offset += 30 + s.name.length + s.compressed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

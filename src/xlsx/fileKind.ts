/**
 * Tells what a file is from its first bytes, so that a file that is not an .xlsx gets a reason a
 * person understands ("password protected") instead of a zip library's stack trace.
 */

export type FileKind = "xlsx" | "ods" | "zip" | "encrypted" | "xls" | "empty" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: both an encrypted .xlsx (EncryptionInfo stream) and a 97-2003 .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, "utf16le"));
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE)) return containsUtf16(bytes, "EncryptionInfo") ? "encrypted" : "xls";
  if (!startsWith(bytes, ZIP)) return "other";
  // An OpenDocument file stores its uncompressed "mimetype" entry first.
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  if (head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  const all = Buffer.from(bytes);
  return all.includes(Buffer.from("xl/workbook.xml")) || all.includes(Buffer.from("[Content_Types].xml")) ? "xlsx" : "zip";
}

/** The one-line reason a file of this kind cannot be read, or null when it can be tried. */
export function unreadableReason(kind: FileKind, name: string): string | null {
  switch (kind) {
    case "xlsx":
      return null;
    case "empty":
      return `${name} is empty (0 bytes), not an Excel workbook`;
    case "encrypted":
      return `${name} is password protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again`;
    case "xls":
      return `${name} is an Excel 97-2003 .xls file: open it in Excel or LibreOffice and save it as .xlsx`;
    case "ods":
      return `${name} is an OpenDocument spreadsheet (.ods): save it as Excel .xlsx in LibreOffice`;
    case "zip":
      return `${name} is a zip archive but not an Excel workbook (.xlsx)`;
    case "other":
      return `${name} is not an Excel workbook (.xlsx)`;
  }
}

/**
 * Why a write failed, in words, from the system's error code: shared by the workbook `new` writes
 * and by standard output (a listing redirected to a full disk), so every write failure is one line.
 */
const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large for this disk",
  EROFS: "the disk is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  EBUSY: "it is open in another program",
  EIO: "the disk reported an input/output error",
  ENXIO: "the device is not there",
};

/** "the disk is full", or the system's own first line for a code we have no words for. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim() || "unknown error";
}

/**
 * The most an input workbook may be, checked before and while reading, so that a hostile or
 * mistaken input (/dev/zero, a zip bomb, millions of stray cells) gets one line instead of
 * filling the memory. Each limit is far above a real plan: `jointplan new` writes 50,000 actions
 * in 14 MB of zip, 142 MB of XML and 1.3 million filled cells.
 */
export interface ReadLimits {
  /** The file itself. */
  fileBytes: number;
  /** All parts read, inflated. */
  xmlBytes: number;
  /** Filled cells across every sheet. */
  cells: number;
}

export const READ_LIMITS: ReadLimits = {
  fileBytes: 100 * 1024 * 1024,
  xmlBytes: 1024 * 1024 * 1024,
  // About 190,000 actions of 26 columns.
  cells: 5_000_000,
};

export const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024)).toLocaleString("en")} MB`;

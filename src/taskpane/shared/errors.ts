/** The Excel layer throws errors whose message is meant for the user; anything else gets a plain fallback. */
export function userMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim()) return error.message;
  if (typeof error === "string" && error.trim()) return error;
  return "Something went wrong and the workbook was not changed. Try again; if it keeps failing, reload the add-in.";
}

/**
 * Undoing a command's new sheets and names after a write Excel refused: a batch is not
 * transactional (the writes before the failing one stay), so a command that adds sheets takes them
 * out again rather than leave one half-built.
 */

/** After a failed write: deletes the sheets and names a command added (two syncs; failures ignored). */
export async function removeAdded(context: Excel.RequestContext, sheets: string[], names: string[]): Promise<void> {
  try {
    const ws = sheets.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("name"));
    const ns = names.map((name) => context.workbook.names.getItemOrNullObject(name).load("name"));
    await context.sync();
    for (const n of ns) if (!n.isNullObject) n.delete();
    for (const w of ws) if (!w.isNullObject) w.delete();
    await context.sync();
  } catch {
    // The command's own error is the one to report.
  }
}

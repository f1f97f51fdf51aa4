/** Turns an address string ("B2", "Sheet1!A1:B2", "'My sheet'!A:A") or a defined name into cells. */
import { parseAddress, type Rect } from "./address";
import { fail } from "./errors";
import type { SimHost } from "./host";
import { findSheet, type SheetModel } from "./model";

export function resolveAddress(host: SimHost, address: unknown, onSheet?: SheetModel): { sheet: SheetModel; rect: Rect } {
  if (typeof address !== "string") return fail("InvalidArgument", "an address must be a string");
  const parsed = parseAddress(address);
  if (parsed) {
    let sheet = onSheet;
    if (parsed.sheet !== undefined) {
      const named = findSheet(host.wb, parsed.sheet);
      if (!named || named.deleted) return fail("InvalidArgument", `no sheet named '${parsed.sheet}' in '${address}'`);
      if (onSheet && named !== onSheet) return fail("InvalidArgument", `'${address}' is not on sheet '${onSheet.name}'`);
      sheet = named;
    }
    if (!sheet) sheet = host.wb.activeSheet;
    return { sheet, rect: parsed.rect };
  }
  const name = host.wb.names.find((n) => !n.deleted && n.name.toLowerCase() === address.trim().toLowerCase());
  if (name?.ref && !name.ref.sheet.deleted && (!onSheet || name.ref.sheet === onSheet)) return { sheet: name.ref.sheet, rect: name.ref.rect };
  return fail("InvalidArgument", `'${address}' is not a valid address`);
}

/**
 * Reads a pasted list of people: one per line, "Name, Party" (tab or comma separated, as copied from
 * a spreadsheet or typed), optionally followed by role and email. Good lines become roster entries;
 * each bad line gets its own message and is kept so the user can fix it.
 */
import { Party, RosterEntry } from "../../plan/model";

export interface PasteProblem {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  message: string;
}

export interface PasteResult {
  entries: RosterEntry[];
  problems: PasteProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

function partyOf(text: string): Party | null {
  const t = text.trim().toLowerCase();
  return Party.options.find((p) => p.toLowerCase() === t) ?? null;
}

export function parseRosterPaste(text: string): PasteResult {
  const entries: RosterEntry[] = [];
  const problems: PasteProblem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const fields = (raw.includes("\t") ? raw.split("\t") : raw.split(",")).map((f) => f.trim());
    const [name = "", partyText = "", role = "", email = "", ...rest] = fields;
    const problem = (message: string) => problems.push({ line, text: raw, message: `Line ${line}: ${message}` });
    // A header row copied along with the data is not a person.
    if (line === 1 && normalName(name) === "name" && normalName(partyText) === "party") return;
    if (!name) return void problem("the name is missing. Write it as: Name, Party.");
    if (!partyText) return void problem(`'${name}' has no party. Add ", Principal" or ", Distributor".`);
    const party = partyOf(partyText);
    if (!party) return void problem(`'${partyText}' is not a party. Use Principal or Distributor.`);
    if (rest.some((f) => f !== "")) return void problem("too many fields. Use: Name, Party, Role, Email.");
    if (email && !EMAIL.test(email)) return void problem(`'${email}' is not an email address.`);
    const key = normalName(name);
    const first = seen.get(key);
    if (first !== undefined) return void problem(`'${name}' is already on line ${first}.`);
    seen.set(key, line);
    entries.push(RosterEntry.parse({ name: name.replace(/\s+/g, " "), party, role, email, active: true }));
  });
  return { entries, problems };
}

/** The lines of the pasted text that were not added, so the user can fix them in place. */
export function remainingLines(text: string, keep: ReadonlySet<number>): string {
  return text
    .split(/\r?\n/)
    .filter((_, i) => keep.has(i + 1))
    .join("\n");
}

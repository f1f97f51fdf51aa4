/**
 * Add people to the Roster: one at a time, or a pasted list of "Name, Party" lines. Each bad line
 * is named with its own message; lines that were not added stay in the box to be fixed.
 */
import * as React from "react";
import { Button, Field, Input, Select, Spinner, Textarea, Text, makeStyles, tokens } from "@fluentui/react-components";
import { addRosterEntries } from "../../excel/commandApi";
import type { RosterEntry } from "../../plan/model";
import { RosterForm as RosterSchema, type RosterFormValues } from "./formSchemas";
import { parseRosterPaste, remainingLines } from "./rosterPaste";
import { useZodForm } from "../shared/useZodForm";
import { useCommand, type Outcome } from "../shared/useCommand";
import { Notice } from "../shared/Notice";
import { useFormStyles } from "../shared/formStyles";

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

function describeAdd(r: { message: string; added: number; skipped: { name: string; reason: string }[] }): Outcome {
  const skipped = r.skipped.map((s) => `${s.name}: ${s.reason}`).join(" ");
  return { intent: r.skipped.length ? "warning" : "success", text: skipped ? `${r.message} ${skipped}` : r.message };
}

export function RosterForm({ onAdded }: { onAdded: () => void }): React.JSX.Element {
  const styles = { ...useFormStyles(), ...useStyles() };
  const empty: RosterFormValues = { name: "", party: "", role: "", email: "" };
  const form = useZodForm<typeof RosterSchema, RosterFormValues>(RosterSchema, empty);
  const one = useCommand();
  const many = useCommand();
  const [paste, setPaste] = React.useState("");
  const parsed = React.useMemo(() => parseRosterPaste(paste), [paste]);
  const { values, errors, set } = form;

  const addOne = async (e: React.FormEvent) => {
    e.preventDefault();
    const entry = form.submit();
    if (!entry) return;
    const r = await one.run(() => addRosterEntries([entry]), describeAdd);
    if (r && r.added > 0) {
      form.reset(empty);
      onAdded();
    }
  };

  const addPasted = async (e: React.FormEvent) => {
    e.preventDefault();
    const { entries, problems } = parsed;
    if (entries.length === 0) return;
    const r = await many.run(() => addRosterEntries(entries), describeAdd);
    if (!r) return;
    // Keep the bad lines and the ones the roster refused, so nothing typed is lost.
    const refused = new Set(r.skipped.map((s) => s.name.trim().toLowerCase()));
    const keep = new Set(problems.map((p) => p.line));
    paste.split(/\r?\n/).forEach((line, i) => {
      const name = (line.includes("\t") ? line.split("\t") : line.split(","))[0]?.trim().toLowerCase();
      if (name && refused.has(name)) keep.add(i + 1);
    });
    setPaste(remainingLines(paste, keep));
    if (r.added > 0) onAdded();
  };

  const count = (entries: RosterEntry[]) => `${entries.length} ${entries.length === 1 ? "person" : "people"}`;

  return (
    <div className={styles.form}>
      <form className={styles.form} onSubmit={addOne} noValidate aria-label="Add one person to the roster">
        <h3 className={styles.h3}>One person</h3>
        <div className={styles.row}>
          <Field label="Name" required validationMessage={errors.name}>
            <Input value={values.name} onChange={(_, d) => set("name", d.value)} autoComplete="off" />
          </Field>
          <Field label="Party" required validationMessage={errors.party}>
            <Select value={values.party} onChange={(_, d) => set("party", d.value)}>
              <option value="">Choose…</option>
              <option value="Principal">Principal</option>
              <option value="Distributor">Distributor</option>
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Role" validationMessage={errors.role}>
            <Input value={values.role} onChange={(_, d) => set("role", d.value)} />
          </Field>
          <Field label="Email" validationMessage={errors.email}>
            <Input type="email" value={values.email} onChange={(_, d) => set("email", d.value)} />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={one.busy}>
            Add to roster
          </Button>
          {one.busy && <Spinner size="tiny" label="Adding…" />}
        </div>
        <Notice outcome={one.outcome} />
      </form>

      <form className={styles.form} onSubmit={addPasted} noValidate aria-label="Add a pasted list of people to the roster">
        <h3 className={styles.h3}>Paste a list</h3>
        <Field
          label="People, one per line"
          hint="Name, Party (Principal or Distributor), then optionally Role and Email. Tab or comma separated, as copied from a sheet."
          validationMessage={parsed.problems.length ? `${parsed.problems.length} ${parsed.problems.length === 1 ? "line needs" : "lines need"} fixing: see below.` : undefined}
        >
          <Textarea value={paste} onChange={(_, d) => setPaste(d.value)} rows={5} resize="vertical" placeholder={"Ana Silva, Principal\nLuis Rojas, Distributor"} />
        </Field>
        {parsed.problems.length > 0 && (
          <ul className={styles.problems} aria-label="Lines that cannot be added" data-testid="paste-problems">
            {parsed.problems.map((p) => (
              <li key={p.line}>
                <Text size={200}>{p.message}</Text>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={many.busy || parsed.entries.length === 0}>
            {parsed.entries.length ? `Add ${count(parsed.entries)}` : "Add people"}
          </Button>
          {many.busy && <Spinner size="tiny" label="Adding…" />}
        </div>
        <Notice outcome={many.outcome} />
      </form>
    </div>
  );
}

/** Insert a Joint Action Plan sheet for one distributor and month, linked to a JBP of the workbook. */
import * as React from "react";
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import { goToCell, insertJapTemplate, isJointPlanError } from "../../excel/commandApi";
import { JapForm as JapSchema, monthOf, type JapFormValues } from "./formSchemas";
import { useZodForm } from "../shared/useZodForm";
import { useCommand } from "../shared/useCommand";
import { Notice } from "../shared/Notice";
import { useFormStyles } from "../shared/formStyles";

export interface JbpChoice {
  sheet: string;
  distributor: string;
  year: number | null;
}

export function JapForm({ jbps, onInserted }: { jbps: JbpChoice[]; onInserted: () => void }): React.JSX.Element {
  const styles = useFormStyles();
  const form = useZodForm<typeof JapSchema, JapFormValues>(JapSchema, { distributor: "", month: monthOf(new Date()), jbpSheet: "" });
  const { busy, outcome, run } = useCommand();
  const { values, errors, set } = form;
  // The JAP that already holds this distributor's month, when Insert refused a second one.
  const [existing, setExisting] = React.useState<string | null>(null);

  // Link the first JBP by default once the list arrives; the user can choose none.
  const linkedOnce = React.useRef(false);
  React.useEffect(() => {
    if (linkedOnce.current || jbps.length === 0 || values.jbpSheet) return;
    linkedOnce.current = true;
    form.setValues((v) => ({ ...v, jbpSheet: jbps[0].sheet, distributor: v.distributor || jbps[0].distributor }));
  }, [jbps, values.jbpSheet, form]);

  const chooseJbp = (sheet: string) => {
    set("jbpSheet", sheet);
    const jbp = jbps.find((j) => j.sheet === sheet);
    if (jbp && !values.distributor.trim()) set("distributor", jbp.distributor);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = form.submit();
    if (!parsed) return;
    const options = { distributor: parsed.distributor, month: parsed.month, ...(parsed.jbpSheet ? { jbpSheet: parsed.jbpSheet } : {}) };
    setExisting(null);
    const insert = async () => {
      try {
        return await insertJapTemplate(options);
      } catch (e) {
        if (isJointPlanError(e) && e.code === "exists" && e.sheet) setExisting(e.sheet);
        throw e;
      }
    };
    const done = await run(insert, (r) => ({ intent: "success", text: r.message }));
    if (done) onInserted();
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Insert a Joint Action Plan">
      <Field
        label="Linked JBP"
        hint={jbps.length === 0 ? "No JBP in this workbook yet: the JAP's objectives will not be linked." : "The JBP whose objectives these actions serve."}
      >
        <Select value={values.jbpSheet} onChange={(_, d) => chooseJbp(d.value)}>
          <option value="">None</option>
          {jbps.map((j) => (
            <option key={j.sheet} value={j.sheet}>
              {j.sheet}
              {j.distributor ? ` (${j.distributor}${j.year ? `, ${j.year}` : ""})` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label="Distributor" required validationMessage={errors.distributor}>
          <Input value={values.distributor} onChange={(_, d) => set("distributor", d.value)} />
        </Field>
        <Field label="Month" required validationMessage={errors.month}>
          <Input type="month" value={values.month} onChange={(_, d) => set("month", d.value)} placeholder="2026-03" />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Insert JAP
        </Button>
        {busy && <Spinner size="tiny" label="Inserting…" />}
      </div>
      <Notice outcome={outcome} />
      {existing && (
        <div className={styles.actions}>
          <Button onClick={() => void goToCell(existing, "A1")}>Open &apos;{existing}&apos;</Button>
        </div>
      )}
    </form>
  );
}

/** Insert a Joint Business Plan sheet for one distributor and year. */
import * as React from "react";
import { Button, Field, Input, Spinner } from "@fluentui/react-components";
import { insertJbpTemplate } from "../../excel/commandApi";
import { JbpForm as JbpSchema, type JbpFormValues } from "./formSchemas";
import { useZodForm } from "../shared/useZodForm";
import { useCommand } from "../shared/useCommand";
import { Notice } from "../shared/Notice";
import { useFormStyles } from "../shared/formStyles";

export function JbpForm({ onInserted }: { onInserted: () => void }): React.JSX.Element {
  const styles = useFormStyles();
  const form = useZodForm<typeof JbpSchema, JbpFormValues>(JbpSchema, {
    principal: "",
    distributor: "",
    market: "",
    year: String(new Date().getFullYear()),
  });
  const { busy, outcome, run } = useCommand();
  const { values, errors, set } = form;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = form.submit();
    if (!parsed) return;
    const done = await run(() => insertJbpTemplate(parsed), (r) => ({ intent: "success", text: r.message }));
    if (done) onInserted();
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Insert a Joint Business Plan">
      <Field label="Principal" required validationMessage={errors.principal} hint="Your company, the brand owner.">
        <Input value={values.principal} onChange={(_, d) => set("principal", d.value)} autoComplete="organization" />
      </Field>
      <Field label="Distributor" required validationMessage={errors.distributor}>
        <Input value={values.distributor} onChange={(_, d) => set("distributor", d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="Market" validationMessage={errors.market}>
          <Input value={values.market} onChange={(_, d) => set("market", d.value)} placeholder="e.g. Peru" />
        </Field>
        <Field label="Year" required validationMessage={errors.year}>
          <Input value={values.year} onChange={(_, d) => set("year", d.value)} inputMode="numeric" maxLength={4} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Insert JBP
        </Button>
        {busy && <Spinner size="tiny" label="Inserting…" />}
      </div>
      <Notice outcome={outcome} />
    </form>
  );
}

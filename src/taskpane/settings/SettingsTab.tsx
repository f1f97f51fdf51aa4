/**
 * Settings: the RAG thresholds and limits, written to the workbook's Settings sheet so that every
 * co-author, with or without the add-in, gets the same RAG.
 */
import * as React from "react";
import { Button, Field, Input, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { readSettings, writeSettings } from "../../excel/commandApi";
import { DateOrder, DEFAULT_SETTINGS, RollUpMethod } from "../../plan/model";
import { SettingsText, settingsToForm, type SettingsFormValues } from "./settingsForm";
import { useZodForm } from "../shared/useZodForm";
import { useCommand } from "../shared/useCommand";
import { Notice } from "../shared/Notice";
import { useFormStyles } from "../shared/formStyles";
import { userMessage } from "../shared/errors";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const DATE_ORDER_LABEL: Record<string, string> = { "": "From the workbook's language", DMY: "Day first (31/12/2026)", MDY: "Month first (12/31/2026)" };

export function SettingsTab({ onChanged }: { onChanged: () => Promise<void> | void }): React.JSX.Element {
  const styles = { ...useFormStyles(), ...useStyles() };
  const form = useZodForm<typeof SettingsText, SettingsFormValues>(SettingsText, settingsToForm(DEFAULT_SETTINGS));
  const [loaded, setLoaded] = React.useState<"loading" | "ready" | string>("loading");
  const save = useCommand();
  const { values, errors, set, reset } = form;

  const load = React.useCallback(async () => {
    setLoaded("loading");
    try {
      reset(settingsToForm(await readSettings()));
      setLoaded("ready");
    } catch (error) {
      setLoaded(`The settings could not be read: ${userMessage(error)} The defaults are shown.`);
    }
  }, [reset]);
  React.useEffect(() => void load(), [load]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const settings = form.submit();
    if (!settings) return;
    const done = await save.run(() => writeSettings(settings), (r) => ({ intent: "success", text: r.message }));
    if (done) void onChanged();
  };

  const num = (key: keyof SettingsFormValues & string, label: string, hint?: string, suffix?: string) => (
    <Field label={label} required validationMessage={errors[key]} hint={hint}>
      <Input value={values[key]} onChange={(_, d) => set(key, d.value)} inputMode="decimal" contentAfter={suffix} />
    </Field>
  );

  if (loaded === "loading") return <Spinner size="small" label="Reading the Settings sheet…" />;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Plan settings">
      <Text>Saved in the workbook’s Settings sheet, so everyone who opens the file gets the same RAG.</Text>
      {loaded !== "ready" && <Notice outcome={{ intent: "warning", text: loaded }} />}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>KPI thresholds</legend>
        <div className={styles.row}>
          {num("greenThreshold", "Green at or above", "Attainment of target", "%")}
          {num("amberThreshold", "Amber at or above", "Below this is Red", "%")}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Schedule</legend>
        <div className={styles.row}>
          {num("paceAmber", "Amber when behind by", "Points behind the expected % complete", "pts")}
          {num("paceRed", "Red when behind by", undefined, "pts")}
        </div>
        <div className={styles.row}>
          {num("dueSoonDays", "Due soon within", undefined, "days")}
          {num("staleDays", "Stale after no update for", undefined, "days")}
        </div>
        <Field label="As-of date" validationMessage={errors.asOf} hint="Leave blank to use today's date.">
          <Input type="date" value={values.asOf} onChange={(_, d) => set("asOf", d.value)} />
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Plan</legend>
        {num("maxPriorities", "Most priorities allowed", "The critical few: priorities numbered above this are flagged.")}
        <div className={styles.row}>
          <Field label="Roll-up method" validationMessage={errors.rollUp} hint="How actions roll up to objectives and the plan.">
            <Select value={values.rollUp} onChange={(_, d) => set("rollUp", d.value)}>
              {RollUpMethod.options.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Dates typed as text" validationMessage={errors.dateOrder}>
            <Select value={values.dateOrder} onChange={(_, d) => set("dateOrder", d.value)}>
              {["", ...DateOrder.options].map((o) => (
                <option key={o} value={o}>
                  {DATE_ORDER_LABEL[o] ?? o}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.busy}>
          Save settings
        </Button>
        <Button appearance="secondary" onClick={() => reset(settingsToForm(DEFAULT_SETTINGS))} disabled={save.busy}>
          Restore defaults
        </Button>
        {save.busy && <Spinner size="tiny" label="Saving…" />}
      </div>
      <Notice outcome={save.outcome} />
    </form>
  );
}

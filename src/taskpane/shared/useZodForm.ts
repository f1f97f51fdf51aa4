/**
 * A small form state over a zod schema: values as typed (strings), validated on every keystroke.
 * A field's message shows once the user has changed it or tried to submit, so an untouched form
 * is not a wall of red.
 */
import { useCallback, useMemo, useState } from "react";
import type { z } from "zod/mini";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per top-level field of a failed parse. */
export function fieldErrors<K extends string>(schema: z.ZodMiniType, values: unknown): FieldErrors<K> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors<K> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "") as K;
    if (key && errors[key] === undefined) errors[key] = issue.message;
  }
  return errors;
}

export function useZodForm<S extends z.ZodMiniType, V extends Record<string, string>>(schema: S, initial: V) {
  type K = Extract<keyof V, string>;
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const allErrors = useMemo(() => fieldErrors<K>(schema, values), [schema, values]);
  const errors = useMemo(() => {
    const shown: FieldErrors<K> = {};
    for (const key of Object.keys(allErrors) as K[]) if (submitted || touched[key]) shown[key] = allErrors[key];
    return shown;
  }, [allErrors, submitted, touched]);
  const set = useCallback((key: K, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => ({ ...t, [key]: true }));
  }, []);
  /** Marks the form submitted and gives the parsed value, or null when a field is wrong. */
  const submit = useCallback((): z.output<S> | null => {
    setSubmitted(true);
    const result = schema.safeParse(values);
    return result.success ? (result.data as z.output<S>) : null;
  }, [schema, values]);
  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched({});
    setSubmitted(false);
  }, []);
  return { values, set, errors, valid: Object.keys(allErrors).length === 0, submit, reset, setValues };
}

/** Start from the sample plan: a distributor's JBP and March JAP with a few deliberate faults to find. */
import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import { insertSamplePlan } from "../../excel/commandApi";
import { useCommand } from "../shared/useCommand";
import { Notice } from "../shared/Notice";
import { useFormStyles } from "../shared/formStyles";

export function SamplePlan({ onInserted }: { onInserted: () => void }): React.JSX.Element {
  const styles = useFormStyles();
  const { busy, outcome, run } = useCommand();
  const insert = async () => {
    const done = await run(() => insertSamplePlan(), (r) => ({ intent: "success", text: r.message }));
    if (done) onInserted();
  };
  return (
    <div className={styles.form}>
      <Text>
        Adds a roster, a Joint Business Plan and a month’s Joint Action Plan for a sample distributor, with a few mistakes
        left in for the check to find. Your own sheets are not changed.
      </Text>
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={() => void insert()} disabled={busy}>
          Insert the sample plan
        </Button>
        {busy && <Spinner size="tiny" label="Inserting…" />}
      </div>
      <Notice outcome={outcome} />
    </div>
  );
}

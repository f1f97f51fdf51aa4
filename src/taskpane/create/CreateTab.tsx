/** Create: insert a JBP or a JAP, add people to the roster, or start from the sample plan. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { listPlanSheets } from "../../excel/commandApi";
import { JbpForm } from "./JbpForm";
import { JapForm, type JbpChoice } from "./JapForm";
import { RosterForm } from "./RosterForm";
import { SamplePlan } from "./SamplePlan";
import { Notice } from "../shared/Notice";
import { Disclosure } from "../shared/Disclosure";
import { userMessage } from "../shared/errors";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Section = "jbp" | "jap" | "roster" | "sample";

export function CreateTab({ onChanged }: { onChanged: () => Promise<void> | void }): React.JSX.Element {
  const styles = useStyles();
  const [jbps, setJbps] = React.useState<JbpChoice[]>([]);
  const [listError, setListError] = React.useState<string | null>(null);
  // Any number of sections may be open; the JBP form is open on arrival.
  const [open, setOpen] = React.useState<ReadonlySet<Section>>(() => new Set<Section>(["jbp"]));
  const section = (id: Section) => ({
    id: `create-${id}`,
    open: open.has(id),
    onToggle: () =>
      setOpen((o) => {
        const next = new Set(o);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
  });

  const reload = React.useCallback(async () => {
    try {
      setJbps((await listPlanSheets()).jbps);
      setListError(null);
    } catch (error) {
      setListError(`The list of JBP sheets could not be read: ${userMessage(error)}`);
    }
  }, []);
  React.useEffect(() => void reload(), [reload]);

  const changed = React.useCallback(() => {
    void reload();
    void onChanged();
  }, [reload, onChanged]);

  return (
    <div className={styles.stack}>
      <Disclosure title="Joint Business Plan (JBP)" {...section("jbp")}>
        <JbpForm onInserted={changed} />
      </Disclosure>
      <Disclosure title="Joint Action Plan (JAP)" {...section("jap")}>
        {listError && <Notice outcome={{ intent: "warning", text: listError }} />}
        <JapForm jbps={jbps} onInserted={changed} />
      </Disclosure>
      <Disclosure title="Roster" {...section("roster")}>
        <RosterForm onAdded={changed} />
      </Disclosure>
      <Disclosure title="Sample plan" {...section("sample")}>
        <SamplePlan onInserted={changed} />
      </Disclosure>
    </div>
  );
}

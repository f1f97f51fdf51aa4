/** Create: insert a JBP or a JAP, add people to the roster, or start from the sample plan. */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import { listPlanSheets } from "../../excel/commandApi";
import { JbpForm } from "./JbpForm";
import { JapForm, type JbpChoice } from "./JapForm";
import { RosterForm } from "./RosterForm";
import { SamplePlan } from "./SamplePlan";
import { Notice } from "../shared/Notice";
import { userMessage } from "../shared/errors";

const useStyles = makeStyles({
  item: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, marginBottom: tokens.spacingVerticalS, boxShadow: tokens.shadow2 },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

export function CreateTab({ onChanged }: { onChanged: () => Promise<void> | void }): React.JSX.Element {
  const styles = useStyles();
  const [jbps, setJbps] = React.useState<JbpChoice[]>([]);
  const [listError, setListError] = React.useState<string | null>(null);

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
    <Accordion multiple collapsible defaultOpenItems={["jbp"]}>
      <AccordionItem value="jbp" className={styles.item}>
        <AccordionHeader as="h2">Joint Business Plan (JBP)</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <JbpForm onInserted={changed} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="jap" className={styles.item}>
        <AccordionHeader as="h2">Joint Action Plan (JAP)</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          {listError && <Notice outcome={{ intent: "warning", text: listError }} />}
          <JapForm jbps={jbps} onInserted={changed} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="roster" className={styles.item}>
        <AccordionHeader as="h2">Roster</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <RosterForm onAdded={changed} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="sample" className={styles.item}>
        <AccordionHeader as="h2">Sample plan</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <SamplePlan onInserted={changed} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

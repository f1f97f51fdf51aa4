/** Layout shared by the pane's forms: one column, full width, so nothing breaks at 320 px. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // Fluent's inputs size to their content by default; in a pane they fill the field.
    "& .fui-Input, & .fui-Select, & .fui-Textarea": { width: "100%", minWidth: 0, boxSizing: "border-box" },
    "& input": { minWidth: 0 },
  },
  /** Two fields side by side when each gets 150 px, one above the other at a 320 px pane. */
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

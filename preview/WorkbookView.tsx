/**
 * The simulated workbook as a newcomer sees it in Excel: sheet tabs, a grid with row and column
 * headers, displayed text, fills, bold, notes and comments as corner markers, and the sheet's
 * validation and conditional-format rules. Cells are edited as a user would (double-click, Enter,
 * F2 or typing), through the sim's userEdit, so the add-in's live re-check runs as it does in Excel.
 */
import * as React from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type CellState, formatValue, type SimulatedExcel } from "../test/sim";
import type { CellValue } from "../src/plan/model";
import { engineValuesOf } from "./engineValues";
import { columnLetters, parseCellA1 } from "../src/plan/model";
import { address, describeRule, gridShape, pointsToPx } from "./gridModel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, flex: "1 1 auto", backgroundColor: "#fff", color: "#1f1f1f" },
  formulaBar: {
    display: "flex",
    gap: "8px",
    alignItems: "center",
    padding: "4px 8px",
    borderBottom: "1px solid #d6d6d6",
    fontFamily: tokens.fontFamilyBase,
    fontSize: "13px",
    minHeight: "28px",
  },
  nameBox: { minWidth: "90px", padding: "2px 6px", border: "1px solid #d6d6d6", fontFamily: tokens.fontFamilyMonospace, fontSize: "12px" },
  fx: { flex: "1 1 auto", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontFamily: tokens.fontFamilyMonospace, fontSize: "12px" },
  scroller: { overflow: "auto", flex: "1 1 auto", minHeight: "200px", position: "relative" },
  grid: { borderCollapse: "separate", borderSpacing: 0, tableLayout: "fixed", fontFamily: "Calibri, Carlito, Aptos, 'Segoe UI', sans-serif", fontSize: "13px" },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: "#f3f3f3", borderRight: "1px solid #c8c8c8", borderBottom: "1px solid #c8c8c8", width: "40px" },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#f3f3f3",
    color: "#444",
    fontWeight: 400,
    fontSize: "12px",
    borderRight: "1px solid #dadada",
    borderBottom: "1px solid #c8c8c8",
    height: "22px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#f3f3f3",
    color: "#444",
    fontWeight: 400,
    fontSize: "12px",
    textAlign: "center",
    borderRight: "1px solid #c8c8c8",
    borderBottom: "1px solid #dadada",
  },
  headActive: { backgroundColor: "#d2e5d7", color: "#0f6b35", fontWeight: 600 },
  cell: {
    position: "relative",
    height: "22px",
    padding: "0 4px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
    outlineStyle: "none",
  },
  wrap: { whiteSpace: "normal", overflowWrap: "anywhere" },
  selected: { boxShadow: "inset 0 0 0 2px #107c41" },
  marker: { position: "absolute", top: 0, width: 0, height: 0, borderTopWidth: "7px", borderTopStyle: "solid" },
  // A formula cell whose value the engine computed (the sim calculates none): a green corner, as
  // neither a note (red) nor a comment (violet) marks, and the value in the sheet's own colour.
  computed: { color: "#1f1f1f" },
  computedMarker: { left: 0, bottom: 0, top: "auto", borderTopWidth: 0, borderBottomWidth: "5px", borderBottomStyle: "solid", borderBottomColor: "#107c41", borderRightWidth: "5px", borderRightStyle: "solid", borderRightColor: "transparent" },
  noteMarker: { right: 0, borderLeftWidth: "7px", borderLeftStyle: "solid", borderLeftColor: "transparent", borderTopColor: "#c50f1f" },
  commentMarker: { left: 0, borderRightWidth: "7px", borderRightStyle: "solid", borderRightColor: "transparent", borderTopColor: "#8764b8" },
  editor: { width: "100%", boxSizing: "border-box", border: "none", outline: "2px solid #107c41", font: "inherit", padding: "0 3px", height: "21px" },
  tabs: { display: "flex", gap: "2px", padding: "0 8px", borderTop: "1px solid #d6d6d6", backgroundColor: "#f3f3f3", overflowX: "auto", flex: "0 0 auto" },
  tab: {
    border: "none",
    borderBottom: "3px solid transparent",
    backgroundColor: "transparent",
    padding: "6px 12px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: "13px",
    cursor: "pointer",
    whiteSpace: "nowrap",
    color: "#333",
    ":focus-visible": { outline: "2px solid #107c41" },
  },
  tabActive: { backgroundColor: "#fff", borderBottomColor: "#107c41", color: "#107c41", fontWeight: 600 },
  details: { padding: "8px 12px", borderTop: "1px solid #d6d6d6", fontFamily: tokens.fontFamilyBase, fontSize: "13px", maxHeight: "30vh", overflow: "auto", flex: "0 0 auto" },
  cellInfo: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "8px" },
  rules: { margin: "4px 0 8px", paddingLeft: "18px" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: "12px", overflowWrap: "anywhere" },
  error: { color: "#a4262c" },
});

export interface WorkbookViewProps {
  sim: SimulatedExcel;
}

/** Re-renders after every sync and edit of the sim, at most once a frame. */
function useSimVersion(sim: SimulatedExcel): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    let frame = 0;
    const unsubscribe = sim.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [sim]);
  return version;
}

export function WorkbookView({ sim }: WorkbookViewProps): React.JSX.Element {
  const styles = useStyles();
  const version = useSimVersion(sim);
  const sheets = React.useMemo(() => sim.sheets().filter((s) => s.visibility !== "VeryHidden"), [sim, version]);
  const [sheet, setSheet] = React.useState<string>(() => sim.selection().sheet);
  const [selected, setSelected] = React.useState({ row: 0, col: 0 });
  const [editing, setEditing] = React.useState<{ value: string } | null>(null);
  const [editError, setEditError] = React.useState<string | null>(null);
  const gridRef = React.useRef<HTMLTableElement>(null);

  // Follow the add-in's selection (Go to cell), as Excel does.
  const selection = React.useMemo(() => sim.selection(), [sim, version]);
  const lastSelection = React.useRef("");
  React.useEffect(() => {
    const key = `${selection.sheet}!${selection.address}`;
    if (key === lastSelection.current) return;
    lastSelection.current = key;
    const at = parseCellA1(selection.address.split(":")[0]);
    setSheet(selection.sheet);
    if (at) setSelected({ row: at.row, col: at.col });
    setEditing(null);
  }, [selection]);

  const current = sheets.some((s) => s.name === sheet) ? sheet : (sheets[0]?.name ?? "");
  const cells = React.useMemo(() => (current ? sim.snapshot(current) : {}), [sim, current, version]);
  const shape = React.useMemo(() => gridShape(current ? sim.usedRange(current) : null), [sim, current, version]);
  const widths = React.useMemo(
    () => Array.from({ length: shape.cols }, (_, c) => pointsToPx(current ? sim.columnWidth(current, columnLetters(c)) : 48)),
    [sim, current, shape.cols, version],
  );
  const validations = React.useMemo(() => (current ? sim.validations(current) : []), [sim, current, version]);
  // The sim calculates no formulas: formula cells show what the engine computes, recomputed on every change.
  const computed = React.useMemo(() => (current ? (engineValuesOf(sim)[current] ?? {}) : {}), [sim, current, version]);
  const formats = React.useMemo(() => (current ? sim.conditionalFormats(current) : []), [sim, current, version]);

  const selAddress = address(selected.row, selected.col);
  const selCell: CellState | undefined = cells[selAddress];

  const focusSelected = React.useCallback(() => {
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>('[data-selected="true"]')?.focus());
  }, []);

  // Enter commits and unmounts the editor, which may also blur it: commit once.
  const committed = React.useRef(false);
  const isEditing = editing !== null;
  React.useEffect(() => {
    if (isEditing) committed.current = false;
  }, [isEditing]);

  const commit = async (value: string, move: number) => {
    if (committed.current) return;
    committed.current = true;
    setEditing(null);
    setEditError(null);
    try {
      const typed: string | number = value;
      await sim.userEdit(current, selAddress, [[typed]]);
    } catch (error) {
      setEditError(`${current}!${selAddress} was not changed: ${error instanceof Error ? error.message : String(error)}`);
    }
    setSelected((s) => ({ row: Math.min(shape.rows - 1, s.row + move), col: s.col }));
    focusSelected();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1] };
    const move = moves[e.key];
    if (move) {
      const next = { row: selected.row + move[0], col: selected.col + move[1] };
      if (next.row < 0 || next.col < 0 || next.row >= shape.rows || next.col >= shape.cols) return;
      e.preventDefault();
      setSelected(next);
      focusSelected();
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      setEditing({ value: selCell?.formula ?? selCell?.text ?? "" });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      committed.current = false;
      void commit("", 0);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ value: e.key });
    }
  };

  return (
    <section className={styles.root} aria-label="Simulated workbook">
      <div className={styles.formulaBar}>
        <span className={styles.nameBox} aria-label="Selected cell">
          {current}!{selAddress}
        </span>
        <span className={styles.fx} aria-label="Cell contents">
          <i>fx</i> {selCell?.formula ?? selCell?.text ?? ""}
        </span>
      </div>
      <div className={styles.scroller}>
        <table
          ref={gridRef}
          className={styles.grid}
          role="grid"
          aria-label={`Sheet ${current}`}
          aria-rowcount={shape.rows + 1}
          aria-colcount={shape.cols + 1}
          onKeyDown={onKeyDown}
          style={{ width: 40 + widths.reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: 40 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.corner} aria-label="Row and column headers" />
              {widths.map((_, c) => (
                <th key={c} scope="col" className={mergeClasses(styles.colHead, c === selected.col && styles.headActive)}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: shape.rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.rowHead, r === selected.row && styles.headActive)}>
                  {r + 1}
                </th>
                {widths.map((_, c) => {
                  const a = address(r, c);
                  const cell = cells[a];
                  const isSel = r === selected.row && c === selected.col;
                  const engine = cell?.formula ? computed[a] : undefined;
                  const shown = engine !== undefined ? engineText(engine, cell?.numberFormat ?? "General") : (cell?.text ?? "");
                  // Excel aligns by what the cell holds: a number to the right, even under the text format.
                  const numeric = typeof (engine !== undefined ? engine : cell?.value) === "number";
                  const extra = [cell?.note ? `Note: ${cell.note}` : "", cell?.comment ? `Comment: ${cell.comment}` : ""].filter(Boolean).join("\n");
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      tabIndex={isSel ? 0 : -1}
                      data-selected={isSel}
                      data-address={a}
                      aria-selected={isSel}
                      aria-label={extra ? `${a} ${shown}. ${extra}` : undefined}
                      title={[engine !== undefined ? COMPUTED_TITLE : "", extra].filter(Boolean).join("\n") || undefined}
                      data-computed={engine !== undefined ? "engine" : undefined}
                      className={mergeClasses(styles.cell, cell?.wrapText && styles.wrap, isSel && styles.selected, engine !== undefined && styles.computed)}
                      style={{
                        backgroundColor: cell?.fill ?? undefined,
                        color: cell?.fontColor && cell.fontColor !== "#000000" ? cell.fontColor : undefined,
                        fontWeight: cell?.bold ? 700 : undefined,
                        fontStyle: cell?.italic ? "italic" : undefined,
                        textAlign: alignment(cell, numeric),
                      }}
                      onClick={() => {
                        setSelected({ row: r, col: c });
                        setEditError(null);
                      }}
                      onDoubleClick={() => {
                        setSelected({ row: r, col: c });
                        setEditing({ value: cell?.formula ?? cell?.text ?? "" });
                      }}
                    >
                      {isSel && editing ? (
                        <input
                          className={styles.editor}
                          aria-label={`Edit ${current}!${a}`}
                          autoFocus
                          value={editing.value}
                          onChange={(e) => setEditing({ value: e.target.value })}
                          onKeyDown={(e) => {
                            e.stopPropagation();
                            if (e.key === "Enter") void commit(editing.value, 1);
                            else if (e.key === "Tab") {
                              e.preventDefault();
                              void commit(editing.value, 0);
                            } else if (e.key === "Escape") {
                              committed.current = true;
                              setEditing(null);
                              focusSelected();
                            }
                          }}
                          onBlur={() => void commit(editing.value, 0)}
                        />
                      ) : (
                        <>
                          {shown}
                          {engine !== undefined && <span className={mergeClasses(styles.marker, styles.computedMarker)} aria-hidden="true" />}
                          {cell?.note && <span className={mergeClasses(styles.marker, styles.noteMarker)} aria-hidden="true" />}
                          {cell?.comment && <span className={mergeClasses(styles.marker, styles.commentMarker)} aria-hidden="true" />}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.details} aria-live="polite">
        {editError && <div className={styles.error}>{editError}</div>}
        <div className={styles.cellInfo}>
          <Text weight="semibold">
            {current}!{selAddress}
            {selCell?.numberFormat && selCell.numberFormat !== "General" ? ` · format ${selCell.numberFormat}` : ""}
            {selCell?.validation ? ` · ${selCell.validation.type} validation` : ""}
          </Text>
          {selCell?.formula && computed[selAddress] !== undefined && (
            <Text data-testid="computed-info">
              Computed by the JointPlan engine: {engineText(computed[selAddress], selCell.numberFormat) || "(blank)"}. The preview calculates no formulas; Excel computes the same value.
            </Text>
          )}
          {selCell?.note && <Text>Note: {selCell.note}</Text>}
          {selCell?.comment && <Text>Comment: {selCell.comment}</Text>}
          {shape.clipped && <Text italic>This sheet is larger than the preview draws; only its first rows and columns are shown.</Text>}
        </div>
        <details>
          <summary>
            {validations.length} data validation {validations.length === 1 ? "rule" : "rules"} and {formats.length} conditional{" "}
            {formats.length === 1 ? "format" : "formats"} on {current}
          </summary>
          {validations.length > 0 && (
            <ul className={styles.rules} aria-label="Data validation rules">
              {validations.map((v, i) => (
                <li key={i}>
                  <span className={styles.code}>{v.addresses.join(", ")}</span>: {v.type} <span className={styles.code}>{describeRule(v.rule)}</span>
                </li>
              ))}
            </ul>
          )}
          {formats.length > 0 && (
            <ul className={styles.rules} aria-label="Conditional formats">
              {formats.map((f) => (
                <li key={f.id}>
                  <span className={styles.code}>{f.addresses.join(", ")}</span>: {f.type} <span className={styles.code}>{describeRule(f.rule)}</span>
                  {f.format && describeRule(f.format) ? <> → {describeRule(f.format)}</> : null}
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.name === current}
            className={mergeClasses(styles.tab, s.name === current && styles.tabActive)}
            onClick={() => {
              setSheet(s.name);
              setSelected({ row: 0, col: 0 });
              setEditing(null);
            }}
            style={s.tabColor ? { borderBottomColor: s.name === current ? undefined : s.tabColor } : undefined}
          >
            {s.name}
            {s.visibility === "Hidden" ? " (hidden)" : ""}
          </button>
        ))}
      </div>
    </section>
  );
}

const COMPUTED_TITLE = "Computed by the JointPlan engine: the preview calculates no formulas, Excel computes the same value.";

/** An engine value as the cell's number format shows it (an error value as Excel shows it). */
function engineText(v: CellValue, numberFormat: string): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return formatValue(v, numberFormat);
}

function alignment(cell: CellState | undefined, numeric: boolean): "left" | "right" | "center" | undefined {
  const h = cell?.horizontalAlignment;
  if (h === "Center" || h === "CenterAcrossSelection") return "center";
  if (h === "Right") return "right";
  if (h === "Left") return "left";
  return numeric || typeof cell?.value === "boolean" ? (typeof cell?.value === "boolean" ? "center" : "right") : undefined;
}

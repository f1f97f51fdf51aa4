import * as React from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { PaneTabs } from "../../src/taskpane/shared/PaneTabs";

afterEach(cleanup);

type Id = "a" | "b" | "c";
const TABS = [
  { id: "a" as const, label: "Alpha" },
  { id: "b" as const, label: "Beta" },
  { id: "c" as const, label: "Gamma" },
];

function Harness({ onSelect }: { onSelect?: (id: Id) => void }) {
  const [selected, setSelected] = React.useState<Id>("a");
  return (
    <PaneTabs
      tabs={TABS}
      selected={selected}
      onSelect={(id) => {
        setSelected(id);
        onSelect?.(id);
      }}
      aria-label="Sections"
      tabPrefix="t-"
      panelPrefix="p-"
    />
  );
}

const tab = (name: string) => screen.getByRole("tab", { name });
const stops = () => screen.getAllByRole("tab").filter((t) => t.tabIndex === 0).map((t) => t.textContent);

describe("PaneTabs", () => {
  it("is a labelled tablist whose tabs name their panels, with one selected", () => {
    render(<Harness />);
    expect(screen.getByRole("tablist", { name: "Sections" })).toBeTruthy();
    expect(screen.getAllByRole("tab").map((t) => [t.id, t.getAttribute("aria-controls"), t.getAttribute("aria-selected")])).toEqual([
      ["t-a", "p-a", "true"],
      ["t-b", "p-b", "false"],
      ["t-c", "p-c", "false"],
    ]);
  });

  it("keeps one tab stop, which the arrow keys, Home and End move, wrapping at the ends, without selecting", () => {
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    expect(stops()).toEqual(["Alpha"]);
    tab("Alpha").focus();
    fireEvent.keyDown(tab("Alpha"), { key: "ArrowRight" });
    expect(document.activeElement).toBe(tab("Beta"));
    expect(stops()).toEqual(["Beta"]);
    fireEvent.keyDown(tab("Beta"), { key: "End" });
    expect(document.activeElement).toBe(tab("Gamma"));
    fireEvent.keyDown(tab("Gamma"), { key: "ArrowRight" });
    expect(document.activeElement).toBe(tab("Alpha"));
    fireEvent.keyDown(tab("Alpha"), { key: "ArrowLeft" });
    expect(document.activeElement).toBe(tab("Gamma"));
    fireEvent.keyDown(tab("Gamma"), { key: "Home" });
    expect(document.activeElement).toBe(tab("Alpha"));
    expect(onSelect).not.toHaveBeenCalled();
    expect(tab("Alpha").getAttribute("aria-selected")).toBe("true");
  });

  it("selects on click (Enter and Space click a button), and the tab stop follows the selection", () => {
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    fireEvent.keyDown(tab("Alpha"), { key: "ArrowRight" });
    fireEvent.click(tab("Beta"));
    expect(onSelect).toHaveBeenCalledWith("b");
    expect(tab("Beta").getAttribute("aria-selected")).toBe("true");
    expect(tab("Alpha").getAttribute("aria-selected")).toBe("false");
    expect(stops()).toEqual(["Beta"]);
  });

  it("leaves other keys alone", () => {
    render(<Harness />);
    tab("Alpha").focus();
    const notHandled = fireEvent.keyDown(tab("Alpha"), { key: "a" });
    expect(notHandled).toBe(true);
    expect(document.activeElement).toBe(tab("Alpha"));
  });
});

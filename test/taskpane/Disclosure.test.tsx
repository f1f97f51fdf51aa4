import * as React from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Disclosure } from "../../src/taskpane/shared/Disclosure";

afterEach(cleanup);

function Harness() {
  const [open, setOpen] = React.useState(false);
  return (
    <Disclosure id="s" title="Roster" open={open} onToggle={() => setOpen((o) => !o)}>
      <label>
        Name <input />
      </label>
    </Disclosure>
  );
}

describe("Disclosure", () => {
  it("is a heading button that says whether its region is open, and opens and closes it", () => {
    render(<Harness />);
    const button = screen.getByRole("button", { name: "Roster" });
    expect(button.closest("h2")).not.toBeNull();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("region", { name: "Roster" })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const region = screen.getByRole("region", { name: "Roster" });
    expect(button.getAttribute("aria-controls")).toBe(region.id);
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("region", { name: "Roster" })).toBeNull();
  });

  it("keeps what was typed while it is closed", () => {
    render(<Harness />);
    const button = screen.getByRole("button", { name: "Roster" });
    fireEvent.click(button);
    fireEvent.change(screen.getByRole("textbox", { name: "Name" }), { target: { value: "Ana Silva" } });
    fireEvent.click(button);
    fireEvent.click(button);
    expect((screen.getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Ana Silva");
  });
});

/** Small DOM helpers for the component tests (no jest-dom here). */
import { fireEvent } from "@testing-library/react";

/** The text of the elements that describe a control (Fluent's Field links its message by aria-describedby). */
export function descriptionOf(el: HTMLElement): string {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();
}

export function type(el: HTMLElement, value: string): void {
  fireEvent.change(el, { target: { value } });
}

/**
 * Whether an element is narrower than a width, followed as it resizes. Task panes are resized by
 * the user, and the preview draws the pane inside a wider page, so a media query on the window
 * would not do.
 */
import { useEffect, useState, type RefObject } from "react";

export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => setNarrow(entry.contentRect.width < below));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, below]);
  return narrow;
}

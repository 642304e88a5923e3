/**
 * Which rows of a long list to put in the DOM for a scroll position (pure, no DOM).
 * Rows have one fixed height, so the window is plain arithmetic: the rows under the viewport plus a small
 * overscan on each side, never more than MAX_RENDERED_ROWS.
 */

/** Hard cap on rendered rows, whatever the viewport or overscan. */
export const MAX_RENDERED_ROWS = 200;

export interface VirtualWindowInput {
  /** Scroll offset of the rows area (px from the first row). */
  readonly scrollTop: number;
  /** Height of the part of the viewport that shows rows (px). */
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly rowCount: number;
  /** Extra rows rendered above and below the visible ones. */
  readonly overscan: number;
  readonly maxRows?: number;
}

export interface VirtualWindow {
  /** First rendered row (inclusive). */
  readonly start: number;
  /** After the last rendered row (exclusive); `end - start` is the number of rendered rows. */
  readonly end: number;
  /** Height of all rows: the spacer's height. */
  readonly totalHeight: number;
}

const finite = (value: number, fallback = 0) => (Number.isFinite(value) ? value : fallback);

/** The first and after-last rows that intersect the viewport (no overscan), clamped to the list. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number): { first: number; end: number } {
  const count = Math.max(0, Math.floor(finite(rowCount)));
  const height = Math.max(1, finite(rowHeight, 1));
  const viewport = Math.max(0, finite(viewportHeight));
  const maxScroll = Math.max(0, count * height - viewport);
  const top = Math.min(Math.max(0, finite(scrollTop)), maxScroll);
  const first = Math.min(count, Math.floor(top / height));
  const end = Math.min(count, Math.ceil((top + viewport) / height));
  return { first, end: Math.max(first, end) };
}

export function virtualWindow(input: VirtualWindowInput): VirtualWindow {
  const count = Math.max(0, Math.floor(finite(input.rowCount)));
  const height = Math.max(1, finite(input.rowHeight, 1));
  const maxRows = Math.max(1, Math.min(MAX_RENDERED_ROWS, Math.floor(finite(input.maxRows ?? MAX_RENDERED_ROWS, MAX_RENDERED_ROWS))));
  const overscan = Math.max(0, Math.floor(finite(input.overscan)));
  const { first, end: visibleEnd } = visibleRange(input.scrollTop, input.viewportHeight, height, count);
  let start = Math.max(0, first - overscan);
  let end = Math.min(count, visibleEnd + overscan);
  if (end - start > maxRows) {
    // Too many: keep the visible rows first, then share what is left around them.
    const visible = Math.min(maxRows, visibleEnd - first);
    const spare = maxRows - visible;
    start = Math.max(0, first - Math.floor(spare / 2));
    end = Math.min(count, start + maxRows);
    start = Math.max(0, end - maxRows);
  }
  return { start, end, totalHeight: count * height };
}

/**
 * True when the rendered window still holds every visible row plus `margin` rows on each side (clamped to
 * the list), so a scroll needs no re-render. The margin re-renders a little before the edge is reached.
 */
export function windowCovers(
  window: Pick<VirtualWindow, "start" | "end">,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  margin = 0,
): boolean {
  const count = Math.max(0, Math.floor(finite(rowCount)));
  const { first, end } = visibleRange(scrollTop, viewportHeight, rowHeight, count);
  const m = Math.max(0, Math.floor(finite(margin)));
  return Math.max(0, first - m) >= window.start && Math.min(count, end + m) <= window.end;
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Rows moved by PageUp/PageDown: one viewport minus one row of context, at least 1. */
export function pageStep(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(finite(viewportHeight) / Math.max(1, rowHeight)) - 1);
}

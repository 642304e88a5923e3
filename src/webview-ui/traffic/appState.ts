/**
 * The panel's state that outlives a render (pure, no DOM): what is persisted with vscode.setState, how a
 * filter or page change moves the position, which host answer may be painted, and which panel state a
 * host problem maps to.
 */
import type { PanelProblem, TrafficViewState } from "../../core/traffic/protocol";
import { EMPTY_FILTERS, sanitizeFilters, type FilterErrors, type TrafficFilters } from "../../core/traffic/trafficFilters";
import { isSortColumn, type SortSpec } from "./sortRows";

/** The values of document.body.dataset.state. */
export const PANEL_STATES = ["loading", "ready", "empty", "signedOut", "notAvailable", "loggingDisabled", "forbidden", "error"] as const;
export type PanelState = (typeof PANEL_STATES)[number];

/** The persisted view state, with the sort typed. */
export interface ViewState extends TrafficViewState {
  readonly sort?: SortSpec;
}

export const INITIAL_VIEW: ViewState = { filters: EMPTY_FILTERS, page: 1, scrollTop: 0 };

const MAX_PAGE = 1_000_000;

/** Reads state saved by an earlier load of the page (untrusted shape): anything odd falls back to defaults. */
export function restoreViewState(saved: unknown): ViewState {
  if (!saved || typeof saved !== "object") return INITIAL_VIEW;
  const s = saved as Record<string, unknown>;
  const page = typeof s.page === "number" && Number.isInteger(s.page) && s.page >= 1 && s.page <= MAX_PAGE ? s.page : 1;
  const scrollTop = typeof s.scrollTop === "number" && Number.isFinite(s.scrollTop) && s.scrollTop > 0 ? s.scrollTop : 0;
  const rawSort = s.sort && typeof s.sort === "object" ? (s.sort as Record<string, unknown>) : undefined;
  const sort = rawSort && isSortColumn(rawSort.column) ? { column: rawSort.column, descending: rawSort.descending === true } : undefined;
  return { filters: sanitizeFilters(s.filters ?? EMPTY_FILTERS), page, scrollTop, ...(sort ? { sort } : {}) };
}

/** Any filter change starts again at page 1, scrolled to the top. */
export function withFilters(view: ViewState, filters: TrafficFilters): ViewState {
  return { ...view, filters, page: 1, scrollTop: 0 };
}

/** Going to another page scrolls to its top. */
export function withPage(view: ViewState, page: number): ViewState {
  return { ...view, page: Math.min(MAX_PAGE, Math.max(1, Math.floor(page))), scrollTop: 0 };
}

/** Local validation errors plus the host's field errors (local ones win for the same field). */
export function mergeErrors(local: FilterErrors, host: FilterErrors | undefined): FilterErrors {
  return { ...(host ?? {}), ...local };
}

/**
 * Tracks query ids: only the answer to the latest query is painted; answers to older or cancelled ones are
 * dropped. Ids start from the clock so they keep increasing across reloads of the page.
 */
export class RequestTracker {
  private latest: number;
  private pendingId: number | undefined;

  constructor(seed = Date.now()) {
    this.latest = Math.max(0, Math.floor(seed));
  }

  /** A new id; it supersedes every earlier one. */
  next(): number {
    this.latest += 1;
    this.pendingId = this.latest;
    return this.latest;
  }

  /** Whether an answer with this id is the one awaited (then it stops being pending). */
  settle(requestId: number): boolean {
    if (requestId !== this.pendingId) return false;
    this.pendingId = undefined;
    return true;
  }

  /** Stops waiting; returns the id to tell the host about, if one was pending. */
  cancel(): number | undefined {
    const id = this.pendingId;
    this.pendingId = undefined;
    return id;
  }

  get pending(): number | undefined {
    return this.pendingId;
  }
}

/** The panel state that shows a host problem. Rate limits and rejected requests are shown as errors. */
export function stateOfProblem(problem: PanelProblem): PanelState {
  switch (problem) {
    case "signedOut":
    case "notAvailable":
    case "loggingDisabled":
    case "forbidden":
      return problem;
    default:
      return "error";
  }
}

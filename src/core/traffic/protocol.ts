/**
 * The one message protocol between the Traffic Events webview and the extension host. Both bundles import
 * this module. The webview never sees the token and never calls the network: it sends `query` and the
 * host answers with `page` or `error` carrying the same `requestId`. A newer query supersedes older ones
 * (the host cancels them and never answers them). The host posts nothing before the webview's `ready`.
 * A big page comes in two parts, so its first screen is painted while the rest is still on its way:
 * `page` with the first FIRST_PART_ROWS rows (and `rowCount`, all of the page's rows), then `pageRows`
 * with the others (unless a newer query came first).
 */
import { isPackedRows, unpackRows, type PackedRows } from "./packedRows";
import type { FilterErrors, TrafficFilters } from "./trafficFilters";
import type { FilterSuggestions, TrafficRow } from "./trafficRows";

/** Where the panel is: shown in the webview's state and restored by the serializer. */
export interface TrafficViewState {
  readonly filters: TrafficFilters;
  readonly page: number;
  readonly scrollTop: number;
  readonly sort?: { readonly column: string; readonly descending: boolean };
}

export interface PageResult {
  /** Identifies the page the host holds, for row actions. */
  readonly pageKey: string;
  /** The page's rows, or its first ones while a `pageRows` message brings the rest (see rowCount). */
  readonly rows: readonly TrafficRow[];
  /** How many rows the page has. */
  readonly rowCount: number;
  readonly page: number;
  readonly pageSize: number;
  readonly totalRecords: number;
  readonly totalPages: number;
  readonly suggestions: FilterSuggestions;
  /** When the page was fetched (ms). */
  readonly fetchedAt: number;
}

/** Why the panel shows no rows, when it is not a plain empty result. */
export type PanelProblem =
  | "signedOut"
  | "notAvailable"
  | "loggingDisabled"
  | "forbidden"
  | "rateLimited"
  | "invalidRequest"
  | "error";

export type WebviewToHost =
  | { readonly type: "ready" }
  | { readonly type: "query"; readonly requestId: number; readonly filters: TrafficFilters; readonly page: number }
  | { readonly type: "cancel"; readonly requestId: number }
  | { readonly type: "openJson"; readonly pageKey: string; readonly index: number }
  | { readonly type: "copyText"; readonly text: string }
  | { readonly type: "export"; readonly filters: TrafficFilters }
  | { readonly type: "signIn" }
  | { readonly type: "openTrafficSettings" };

export type HostToWebview =
  | {
      readonly type: "init";
      readonly signedIn: boolean;
      readonly server: string;
      /** Filters to apply now (a pivot from the audit tree), replacing the webview's own. */
      readonly applyFilters?: TrafficFilters;
    }
  | { readonly type: "page"; readonly requestId: number; readonly result: PageResult }
  /**
   * The rest of a page whose `page` message held only its first rows (and the filter suggestions of those):
   * the suggestions from all of the page's rows come here.
   */
  | { readonly type: "pageRows"; readonly requestId: number; readonly pageKey: string; readonly rows: readonly TrafficRow[]; readonly suggestions: FilterSuggestions }
  | {
      readonly type: "error";
      readonly requestId: number;
      readonly problem: PanelProblem;
      readonly message: string;
      readonly fieldErrors?: FilterErrors;
    }
  | { readonly type: "applyFilters"; readonly filters: TrafficFilters }
  | { readonly type: "session"; readonly signedIn: boolean; readonly server: string };

/**
 * How a page travels from the host to the webview: its rows packed into typed arrays (packedRows.ts), which
 * VS Code moves as binary instead of serialising tens of thousands of row objects.
 */
export interface PagePayload extends Omit<PageResult, "rows"> {
  readonly packedRows: PackedRows;
}

/** Pages with more rows than this come in two parts: their first FIRST_PART_ROWS rows, then the rest. */
export const SPLIT_PAGES_OVER = 2_000;
/** Rows in the first part of a split page: more than a screen holds, little to move. */
export const FIRST_PART_ROWS = 500;

/** A host message as posted: HostToWebview with a page's rows packed. */
export type HostToWebviewWire =
  | Exclude<HostToWebview, { readonly type: "page" | "pageRows" }>
  | { readonly type: "page"; readonly requestId: number; readonly result: PagePayload }
  | (Omit<Extract<HostToWebview, { readonly type: "pageRows" }>, "rows"> & { readonly start: number; readonly packedRows: PackedRows });

/** The message a posted one stands for (the webview handles these); a page's rows are decoded on first access. */
export function fromWire(message: HostToWebviewWire): HostToWebview {
  // Malformed rows are dropped, not thrown.
  const rowsOf = (packed: PackedRows, start?: number) => (isPackedRows(packed) ? unpackRows(packed, start) : []);
  if (message.type === "pageRows") {
    const { packedRows, start, ...rest } = message;
    return { ...rest, rows: rowsOf(packedRows, start) };
  }
  if (message.type !== "page") return message;
  const { packedRows, ...rest } = message.result;
  return { ...message, result: { ...rest, rows: rowsOf(packedRows) } };
}

const WEBVIEW_MESSAGE_TYPES = new Set(["ready", "query", "cancel", "openJson", "copyText", "export", "signIn", "openTrafficSettings"]);

/**
 * Checks a message from the webview before the host acts on it (the page is less trusted than the host).
 * Returns undefined for anything malformed.
 */
export function parseWebviewMessage(value: unknown): WebviewToHost | undefined {
  if (!value || typeof value !== "object") return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== "string" || !WEBVIEW_MESSAGE_TYPES.has(m.type)) return undefined;
  const int = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
  switch (m.type) {
    case "query":
      return int(m.requestId, 0, Number.MAX_SAFE_INTEGER) && int(m.page, 1, 1_000_000) && m.filters && typeof m.filters === "object"
        ? (m as unknown as WebviewToHost)
        : undefined;
    case "cancel":
      return int(m.requestId, 0, Number.MAX_SAFE_INTEGER) ? (m as unknown as WebviewToHost) : undefined;
    case "openJson":
      return typeof m.pageKey === "string" && int(m.index, 0, 10_000_000) ? (m as unknown as WebviewToHost) : undefined;
    case "copyText":
      return typeof m.text === "string" && m.text.length <= 10_000 ? (m as unknown as WebviewToHost) : undefined;
    case "export":
      return m.filters && typeof m.filters === "object" ? (m as unknown as WebviewToHost) : undefined;
    default:
      return m as unknown as WebviewToHost;
  }
}

import {
  CONNECTION_TYPES,
  DIRECTIONS,
  TRAFFIC_DEFAULT_PAGE_SIZE,
  TRAFFIC_MAX_PAGE_SIZE,
  TRAFFIC_RETENTION_DAYS,
  TRAFFIC_TYPES,
  type TrafficQuery,
} from "../api/models";
import { formatInteger } from "../format/units";

/** Relative time presets for From/To; resolved to absolute times when a query is sent. */
export type TimePreset = "last1h" | "last24h" | "last7d";

export const TIME_PRESETS: readonly { readonly value: TimePreset; readonly label: string; readonly ms: number }[] = [
  { value: "last1h", label: "Last hour", ms: 3600_000 },
  { value: "last24h", label: "Last 24 hours", ms: 24 * 3600_000 },
  { value: "last7d", label: `Last ${TRAFFIC_RETENTION_DAYS} days (retention)`, ms: TRAFFIC_RETENTION_DAYS * 24 * 3600_000 },
];

/** Named IP protocols offered in the Protocol filter (any number 0–255 is accepted too). */
export const PROTOCOL_NAMES: readonly { readonly name: string; readonly number: number }[] = [
  { name: "TCP", number: 6 },
  { name: "UDP", number: 17 },
  { name: "ICMP", number: 1 },
  { name: "ICMPv6", number: 58 },
  { name: "SCTP", number: 132 },
];

/**
 * The Traffic Events panel's filters as the user edits them (all strings, so typed input survives a reload
 * exactly as typed). Maps 1:1 to the API's query parameters; `from`/`to` are a preset or a custom time.
 */
export interface TrafficFilters {
  readonly search: string;
  readonly userId: string;
  readonly reporterId: string;
  readonly sourceId: string;
  readonly destinationId: string;
  /** A protocol name (TCP…) or number 0–255; empty = any. */
  readonly protocol: string;
  readonly type: string;
  readonly connectionType: string;
  readonly direction: string;
  /** A TimePreset, or a custom date-time (ISO / `YYYY-MM-DDTHH:MM` local); empty = no bound. */
  readonly from: string;
  readonly to: string;
  readonly pageSize: string;
}

export type TrafficFilterField = keyof TrafficFilters;

export const EMPTY_FILTERS: TrafficFilters = {
  search: "",
  userId: "",
  reporterId: "",
  sourceId: "",
  destinationId: "",
  protocol: "",
  type: "",
  connectionType: "",
  direction: "",
  from: "last24h",
  to: "",
  pageSize: "100",
};

export const FILTER_LABELS: Readonly<Record<TrafficFilterField, string>> = {
  search: "Search",
  userId: "User",
  reporterId: "Reporter",
  sourceId: "Source",
  destinationId: "Destination",
  protocol: "Protocol",
  type: "Type",
  connectionType: "Connection type",
  direction: "Direction",
  from: "From",
  to: "To",
  pageSize: "Page size",
};

export const FILTER_FIELDS = Object.keys(FILTER_LABELS) as TrafficFilterField[];

export const TYPE_VALUES = TRAFFIC_TYPES;
export const DIRECTION_VALUES = DIRECTIONS;
export const CONNECTION_TYPE_VALUES = CONNECTION_TYPES;

export type FilterErrors = Partial<Record<TrafficFilterField, string>>;

export interface ValidatedFilters {
  readonly errors: FilterErrors;
  /** The query to send (without `page`), only when there are no errors. */
  readonly query?: Omit<TrafficQuery, "page">;
}

function isPreset(value: string): value is TimePreset {
  return TIME_PRESETS.some((p) => p.value === value);
}

/** Resolves a From/To value to epoch ms: a preset is relative to `now`; custom text is parsed. NaN when invalid. */
export function resolveTime(value: string, now: number): number {
  const text = value.trim();
  if (isPreset(text)) return now - (TIME_PRESETS.find((p) => p.value === text)?.ms ?? 0);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00`).getTime();
  return Date.parse(text);
}

/** Parses a protocol field: a known name (case-insensitive) or an integer 0–255. */
export function parseProtocol(value: string): number | undefined {
  const text = value.trim();
  const named = PROTOCOL_NAMES.find((p) => p.name.toLowerCase() === text.toLowerCase());
  if (named) return named.number;
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return Number(text);
  return undefined;
}

/** What a page size outside 1 to TRAFFIC_MAX_PAGE_SIZE (or not a whole number) is told. */
export const PAGE_SIZE_ERROR = `Page size must be a whole number from 1 to ${formatInteger(TRAFFIC_MAX_PAGE_SIZE)}.`;

/**
 * Validates the filters and builds the query. Invalid input is reported per field and never sent:
 * protocol outside 0–255, page size outside 1–50,000, an unknown enum value, an unparsable time,
 * or an end before the start.
 */
export function validateFilters(filters: TrafficFilters, now: number): ValidatedFilters {
  const errors: FilterErrors = {};
  const protocolText = filters.protocol.trim();
  const protocol = protocolText ? parseProtocol(protocolText) : undefined;
  if (protocolText && protocol === undefined) {
    errors.protocol = "Use TCP, UDP, ICMP, ICMPv6, SCTP or a protocol number from 0 to 255.";
  }
  const sizeText = filters.pageSize.trim();
  const pageSize = sizeText === "" ? TRAFFIC_DEFAULT_PAGE_SIZE : Number(sizeText);
  if (!/^\d+$/.test(sizeText || "0") || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > TRAFFIC_MAX_PAGE_SIZE) {
    errors.pageSize = PAGE_SIZE_ERROR;
  }
  const oneOf = (field: "type" | "direction" | "connectionType", allowed: readonly string[]) => {
    const value = filters[field].trim();
    if (value && !allowed.includes(value)) errors[field] = `Choose one of ${allowed.join(", ")}.`;
  };
  oneOf("type", TYPE_VALUES);
  oneOf("direction", DIRECTION_VALUES);
  oneOf("connectionType", CONNECTION_TYPE_VALUES);
  const from = filters.from.trim() ? resolveTime(filters.from, now) : undefined;
  const to = filters.to.trim() ? resolveTime(filters.to, now) : undefined;
  if (from !== undefined && Number.isNaN(from)) errors.from = "Not a date and time. Use a preset or YYYY-MM-DDTHH:MM.";
  if (to !== undefined && Number.isNaN(to)) errors.to = "Not a date and time. Use a preset or YYYY-MM-DDTHH:MM.";
  if (from !== undefined && to !== undefined && !Number.isNaN(from) && !Number.isNaN(to) && to <= from) {
    errors.to = "The end must be after the start.";
  }
  if (Object.keys(errors).length) return { errors };
  const trimmed = (v: string) => v.trim() || undefined;
  return {
    errors,
    query: {
      page_size: pageSize,
      user_id: trimmed(filters.userId),
      reporter_id: trimmed(filters.reporterId),
      source_id: trimmed(filters.sourceId),
      destination_id: trimmed(filters.destinationId),
      protocol,
      type: trimmed(filters.type),
      connection_type: trimmed(filters.connectionType),
      direction: trimmed(filters.direction),
      search: filters.search.trim() || undefined,
      start_date: from !== undefined ? new Date(from).toISOString() : undefined,
      end_date: to !== undefined ? new Date(to).toISOString() : undefined,
    },
  };
}

/** Whether two sets of filters ask for the same thing. */
export function filtersEqual(a: TrafficFilters, b: TrafficFilters): boolean {
  return FILTER_FIELDS.every((field) => a[field] === b[field]);
}

/** Reads filters from untrusted state or messages: unknown keys dropped, every value a bounded string. */
export function sanitizeFilters(value: unknown): TrafficFilters {
  const source = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const result: Record<string, string> = {};
  for (const field of FILTER_FIELDS) {
    const v = source[field];
    result[field] = typeof v === "string" ? v.slice(0, 1000) : typeof v === "number" ? String(v) : EMPTY_FILTERS[field];
  }
  return result as unknown as TrafficFilters;
}

/**
 * Query parameters of `GET /api/events/network-traffic`: parsing with the spec's constraints (invalid values
 * are 422 `invalid <param>`), filtering and 1-based paging.
 */
import { TYPE_BITS, type TrafficRow } from "./trafficRow";

export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 50_000;

const DIRECTIONS = new Set(["INGRESS", "EGRESS", "DIRECTION_UNKNOWN"]);
const CONNECTION_TYPES = new Set(["P2P", "ROUTED"]);

export interface TrafficQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly userId?: string;
  readonly reporterId?: string;
  readonly sourceId?: string;
  readonly destinationId?: string;
  readonly protocol?: number;
  /** A TYPE_BITS value. */
  readonly typeBit?: number;
  readonly connectionType?: "P2P" | "ROUTED";
  readonly direction?: string;
  /** Lower-cased. */
  readonly search?: string;
  /** µs since the epoch, inclusive. */
  readonly startMicros?: number;
  readonly endMicros?: number;
}

export type ParsedQuery = { readonly ok: true; readonly query: TrafficQuery } | { readonly ok: false; readonly message: string };

/** The last value of a parameter; an empty value counts as absent. */
function param(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  const value = values[values.length - 1];
  return value === undefined || value === "" ? undefined : value;
}

function parseInteger(text: string): number | undefined {
  return /^[+-]?\d{1,15}$/.test(text) ? Number(text) : undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 date-time → µs since the epoch, or undefined. */
export function parseRfc3339Micros(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (m[8] !== "Z") {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const fraction = Number((m[7] ?? "").padEnd(6, "0").slice(0, 6));
  return ms * 1000 + fraction;
}

export function parseTrafficQuery(params: URLSearchParams): ParsedQuery {
  const invalid = (name: string): ParsedQuery => ({ ok: false, message: `invalid ${name}` });
  const pageText = param(params, "page");
  const page = pageText === undefined ? 1 : parseInteger(pageText);
  if (page === undefined || page < 1) return invalid("page");
  const sizeText = param(params, "page_size");
  const pageSize = sizeText === undefined ? DEFAULT_PAGE_SIZE : parseInteger(sizeText);
  if (pageSize === undefined || pageSize < 1 || pageSize > MAX_PAGE_SIZE) return invalid("page_size");

  let protocol: number | undefined;
  const protocolText = param(params, "protocol");
  if (protocolText !== undefined) {
    protocol = parseInteger(protocolText);
    if (protocol === undefined || protocol < 0 || protocol > 255) return invalid("protocol");
  }
  const type = param(params, "type");
  if (type !== undefined && TYPE_BITS[type] === undefined) return invalid("type");
  const connectionType = param(params, "connection_type");
  if (connectionType !== undefined && !CONNECTION_TYPES.has(connectionType)) return invalid("connection_type");
  const direction = param(params, "direction");
  if (direction !== undefined && !DIRECTIONS.has(direction)) return invalid("direction");

  let startMicros: number | undefined;
  const startText = param(params, "start_date");
  if (startText !== undefined) {
    startMicros = parseRfc3339Micros(startText);
    if (startMicros === undefined) return invalid("start_date");
  }
  let endMicros: number | undefined;
  const endText = param(params, "end_date");
  if (endText !== undefined) {
    endMicros = parseRfc3339Micros(endText);
    if (endMicros === undefined) return invalid("end_date");
  }
  const search = param(params, "search");
  return {
    ok: true,
    query: {
      page,
      pageSize,
      userId: param(params, "user_id"),
      reporterId: param(params, "reporter_id"),
      sourceId: param(params, "source_id"),
      destinationId: param(params, "destination_id"),
      protocol,
      typeBit: type === undefined ? undefined : TYPE_BITS[type],
      connectionType: connectionType as "P2P" | "ROUTED" | undefined,
      direction,
      search: search?.toLowerCase(),
      startMicros,
      endMicros,
    },
  };
}

export function matchesTrafficQuery(row: TrafficRow, q: TrafficQuery): boolean {
  if (q.userId !== undefined && row.userId !== q.userId) return false;
  if (q.reporterId !== undefined && row.reporterId !== q.reporterId) return false;
  if (q.sourceId !== undefined && row.sourceId !== q.sourceId) return false;
  if (q.destinationId !== undefined && row.destinationId !== q.destinationId) return false;
  if (q.protocol !== undefined && row.protocol !== q.protocol) return false;
  if (q.typeBit !== undefined && (row.types & q.typeBit) === 0) return false;
  if (q.connectionType !== undefined && row.p2p !== (q.connectionType === "P2P")) return false;
  if (q.direction !== undefined && row.direction !== q.direction) return false;
  if (q.startMicros !== undefined && row.timeMicros < q.startMicros) return false;
  if (q.endMicros !== undefined && row.timeMicros > q.endMicros) return false;
  if (q.search !== undefined) {
    const needle = q.search;
    if (!row.searchFields().some((field) => field.includes(needle))) return false;
  }
  return true;
}

/** The page as Go's encoder writes it (HTML-escaped, keys sorted, newline at the end). */
export function trafficPageBody(rows: readonly TrafficRow[], q: TrafficQuery): string {
  const matching = rows.filter((row) => matchesTrafficQuery(row, q));
  const from = (q.page - 1) * q.pageSize;
  const data = matching.slice(from, from + q.pageSize).map((row) => row.json());
  const totalPages = Math.ceil(matching.length / q.pageSize);
  return `{"data":[${data.join(",")}],"page":${q.page},"page_size":${q.pageSize},"total_pages":${totalPages},"total_records":${matching.length}}\n`;
}

/**
 * The rows of a traffic page in the compact form the host posts to the webview: the text values joined into
 * one string with their end offsets (each repeating value once), each row's text fields as indexes into
 * those values, and the numbers in a Float64Array. Most values repeat across rows (peers, users, policies,
 * services), so 50,000 rows pack into about a sixth of their JSON. VS Code moves the typed arrays to the
 * webview as binary and the joined string as one JSON string, so neither the extension host nor the
 * workbench serialise, parse or clone 50,000 row objects; the webview builds a TrafficRow only when it needs
 * one (a painted row, a sort): `unpackRows` returns a read-only array whose elements are decoded on first
 * access. `unpackRows(packRows(events))[i]` equals `toTrafficRow(events[i], i)` character for character
 * (text stays a string: a UTF-8 round trip would replace lone surrogates).
 */
import type { TrafficEndpoint, TrafficEvent } from "../api/models";
import { connectionOf, countsOf, eventTime, serviceLabel, type EndpointCell, type TrafficRow } from "./trafficRows";

export interface PackedRows {
  readonly count: number;
  /** The text values, joined: repeating ones (names, ids, services, users, policies) once. */
  readonly strings: string;
  /** End of each value in `strings`. */
  readonly stringEnds: Uint32Array;
  /** `count × TEXT_FIELDS`: for each row and text field, the index of its value. */
  readonly cells: Uint32Array;
  /** `count × NUMBER_FIELDS`: time, windowEnd, protocol, starts, ends, drops, rxBytes, txBytes, rxPackets, txPackets. */
  readonly numbers: Float64Array;
  /** `count × 2`: status (STATUSES index) and connection (CONNECTIONS index). */
  readonly flags: Uint8Array;
}

/** flowId, direction, source (7), destination (7), service, userId, user, policyId, policy, reporterId. */
const TEXT_FIELDS = 22;
const NUMBER_FIELDS = 10;
const STATUSES: readonly TrafficRow["status"][] = ["start", "end", "drop", "unknown"];
const CONNECTIONS: readonly TrafficRow["connection"][] = ["P2P", "Routed"];

const geoOf = (e: TrafficEndpoint): string => [e.geo_location?.city_name, e.geo_location?.country_code].filter(Boolean).join(", ");

/** What an endpoint's cells were the last time its id was seen (peers repeat across thousands of rows). */
interface EndpointCells {
  readonly endpoint: TrafficEndpoint;
  readonly id: number;
  readonly name: number;
  readonly type: number;
  readonly geo: number;
  readonly os: number;
  readonly dns: number;
}

const sameDescription = (a: TrafficEndpoint, b: TrafficEndpoint): boolean =>
  a.name === b.name &&
  a.type === b.type &&
  a.os === b.os &&
  a.dns_label === b.dns_label &&
  a.geo_location?.city_name === b.geo_location?.city_name &&
  a.geo_location?.country_code === b.geo_location?.country_code;

export function packRows(events: readonly TrafficEvent[]): PackedRows {
  const count = events.length;
  const indexOf = new Map<string, number>();
  const values: string[] = [];
  const endpoints = new Map<string, EndpointCells>();
  const cells = new Uint32Array(count * TEXT_FIELDS);
  const numbers = new Float64Array(count * NUMBER_FIELDS);
  const flags = new Uint8Array(count * 2);
  let k = 0;
  /** A value that repeats: stored once. */
  const intern = (value: string): number => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = values.length;
      values.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  /** A value that rarely repeats (flow ids, addresses with their ports): stored as it comes, no lookup. */
  const append = (value: string): number => values.push(value) - 1;
  const endpoint = (e: TrafficEndpoint): void => {
    let known = endpoints.get(e.id);
    if (!known || !sameDescription(known.endpoint, e)) {
      known = { endpoint: e, id: intern(e.id), name: intern(e.name), type: intern(e.type), geo: intern(geoOf(e)), os: intern(e.os ?? ""), dns: intern(e.dns_label ?? "") };
      endpoints.set(e.id, known);
    }
    cells[k++] = known.id;
    cells[k++] = known.name;
    cells[k++] = append(e.address);
    cells[k++] = known.type;
    cells[k++] = known.geo;
    cells[k++] = known.os;
    cells[k++] = known.dns;
  };
  for (let i = 0; i < count; i++) {
    const event = events[i]!;
    const counts = countsOf(event);
    cells[k++] = append(event.flow_id);
    cells[k++] = intern(event.direction);
    endpoint(event.source);
    endpoint(event.destination);
    cells[k++] = intern(serviceLabel(event));
    cells[k++] = intern(event.user?.id ?? "");
    cells[k++] = intern(event.user?.email || event.user?.name || "");
    cells[k++] = intern(event.policy?.id ?? "");
    cells[k++] = intern(event.policy?.name ?? "");
    cells[k++] = intern(event.reporter_id);
    let n = i * NUMBER_FIELDS;
    numbers[n++] = eventTime(event);
    numbers[n++] = event.window_end ? Date.parse(event.window_end) : Number.NaN;
    numbers[n++] = event.protocol;
    numbers[n++] = counts.starts;
    numbers[n++] = counts.ends;
    numbers[n++] = counts.drops;
    numbers[n++] = event.rx_bytes;
    numbers[n++] = event.tx_bytes;
    numbers[n++] = event.rx_packets;
    numbers[n] = event.tx_packets;
    flags[i * 2] = counts.drops > 0 ? 2 : counts.ends > 0 ? 1 : counts.starts > 0 ? 0 : 3;
    flags[i * 2 + 1] = connectionOf(event) === "P2P" ? 0 : 1;
  }
  const stringEnds = new Uint32Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += values[i]!.length;
    stringEnds[i] = offset;
  }
  return { count, strings: values.join(""), stringEnds, cells, numbers, flags };
}

/** Whether a value has the shape of PackedRows (the webview checks what the host sent before using it). */
export function isPackedRows(value: unknown): value is PackedRows {
  if (!value || typeof value !== "object") return false;
  const p = value as Partial<PackedRows>;
  const count = p.count;
  return (
    typeof count === "number" &&
    Number.isInteger(count) &&
    count >= 0 &&
    typeof p.strings === "string" &&
    p.stringEnds instanceof Uint32Array &&
    p.cells instanceof Uint32Array &&
    p.cells.length === count * TEXT_FIELDS &&
    p.numbers instanceof Float64Array &&
    p.numbers.length === count * NUMBER_FIELDS &&
    p.flags instanceof Uint8Array &&
    p.flags.length === count * 2
  );
}

/** The distinct values as an array (an index past the end reads as ""). */
function valuesOf(packed: PackedRows): string[] {
  const { strings, stringEnds } = packed;
  const values = new Array<string>(stringEnds.length);
  let start = 0;
  for (let i = 0; i < stringEnds.length; i++) {
    const end = stringEnds[i]!;
    values[i] = strings.slice(start, end);
    start = end;
  }
  return values;
}

function decodeRow(packed: PackedRows, values: readonly string[], index: number): TrafficRow {
  const { cells, numbers, flags } = packed;
  let k = index * TEXT_FIELDS;
  const next = (): string => values[cells[k++]!] ?? "";
  const flowId = next();
  const direction = next();
  const endpoint = (): EndpointCell => ({ id: next(), name: next(), address: next(), type: next(), geo: next(), os: next(), dns: next() });
  const source = endpoint();
  const destination = endpoint();
  const service = next();
  const userId = next();
  const user = next();
  const policyId = next();
  const policy = next();
  const reporterId = next();
  const n = index * NUMBER_FIELDS;
  return {
    index,
    flowId,
    time: numbers[n]!,
    windowEnd: numbers[n + 1]!,
    direction,
    source,
    destination,
    protocol: numbers[n + 2]!,
    service,
    starts: numbers[n + 3]!,
    ends: numbers[n + 4]!,
    drops: numbers[n + 5]!,
    status: STATUSES[flags[index * 2]!] ?? "unknown",
    rxBytes: numbers[n + 6]!,
    txBytes: numbers[n + 7]!,
    rxPackets: numbers[n + 8]!,
    txPackets: numbers[n + 9]!,
    userId,
    user,
    policyId,
    policy,
    reporterId,
    connection: CONNECTIONS[flags[index * 2 + 1]!] ?? "Routed",
  };
}

const isIndex = (key: string | symbol, count: number): number | undefined => {
  if (typeof key !== "string" || key === "" || key.length > 10) return undefined;
  const code = key.charCodeAt(0);
  if (code < 48 || code > 57 || (code === 48 && key.length > 1)) return undefined;
  const index = Number(key);
  return Number.isInteger(index) && index < count ? index : undefined;
};

/**
 * The rows as a read-only array that decodes each row on first access and then returns the same object
 * (so identity checks such as "is this row already painted" keep working). Array methods, iteration,
 * `length` and `JSON.stringify` work as on a plain array; writes are refused.
 */
export function unpackRows(packed: PackedRows): readonly TrafficRow[] {
  const count = packed.count;
  const cache = new Array<TrafficRow | undefined>(count);
  let values: string[] | undefined;
  const row = (index: number): TrafficRow => (cache[index] ??= decodeRow(packed, (values ??= valuesOf(packed)), index));
  const target: TrafficRow[] = new Array<TrafficRow>(count);
  return new Proxy(target, {
    get(t, key, receiver) {
      const index = isIndex(key, count);
      return index === undefined ? Reflect.get(t, key, receiver) : row(index);
    },
    has(t, key) {
      return isIndex(key, count) !== undefined || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const index = isIndex(key, count);
      return index === undefined ? Reflect.getOwnPropertyDescriptor(t, key) : { value: row(index), writable: false, enumerable: true, configurable: true };
    },
    ownKeys(t) {
      return [...Array.from({ length: count }, (_, i) => String(i)), ...Reflect.ownKeys(t)];
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * The rows of a traffic page in the compact form the host posts to the webview, about a seventh of their
 * JSON: the text values once each where they repeat (peers, users, policies, services) and joined into one
 * UTF-8 buffer, each row's text fields as indexes into those values, each peer's description once in an
 * endpoint table, and the numbers in one typed array per column (Uint32 when every value of the column fits,
 * else Float64). VS Code moves typed arrays to the webview as binary, so neither the extension host nor the
 * workbench serialise, parse or clone 50,000 row objects, and moving bytes is what costs (about 35 ms per
 * MB through code-server). The webview builds a TrafficRow only when it needs one (a painted row, a sort):
 * `unpackRows` returns a read-only array whose elements are decoded on first access.
 * `unpackRows(packRows(events))[i]` equals `toTrafficRow(events[i], i)` character for character: text with
 * lone surrogates (which UTF-8 cannot carry) travels as a string instead. A page can travel in parts:
 * `unpackRows(packRows(events.slice(start)), start)` numbers its rows from `start`, and `joinRows` puts the
 * parts back together without decoding them.
 */
import type { TrafficEndpoint, TrafficEvent } from "../api/models";
import { connectionOf, countsOf, endpointGeo, eventTime, serviceLabel, statusOf, userLabel, windowEndOf, type EndpointCell, type TrafficRow } from "./trafficRows";

export interface PackedRows {
  readonly count: number;
  /** The text values joined: UTF-8, or the string itself when it is not well-formed UTF-16. */
  readonly strings: Uint8Array | string;
  /** End of each value in the decoded `strings`. */
  readonly stringEnds: Uint32Array;
  /** Per endpoint (ENDPOINT_FIELDS each): the values of id, name, type, geo, os and dns. */
  readonly endpoints: Uint32Array;
  /** Per row (ROW_FIELDS each): flowId, direction, source endpoint, source address, destination endpoint, destination address, service, userId, user, policyId, policy, reporterId. */
  readonly cells: Uint32Array;
  /** NUMBER_COLUMNS columns of `count` values: time, windowEnd, protocol, starts, ends, drops, rxBytes, txBytes, rxPackets, txPackets. */
  readonly numbers: readonly (Float64Array | Uint32Array)[];
  /** `count × 2`: status (STATUSES index) and connection (CONNECTIONS index). */
  readonly flags: Uint8Array;
}

const ROW_FIELDS = 12;
const ENDPOINT_FIELDS = 6;
const NUMBER_COLUMNS = 10;
const STATUSES: readonly TrafficRow["status"][] = ["start", "end", "drop", "unknown"];
const CONNECTIONS: readonly TrafficRow["connection"][] = ["P2P", "Routed"];


const sameDescription = (a: TrafficEndpoint, b: TrafficEndpoint): boolean =>
  a.name === b.name &&
  a.type === b.type &&
  a.os === b.os &&
  a.dns_label === b.dns_label &&
  a.geo_location?.city_name === b.geo_location?.city_name &&
  a.geo_location?.country_code === b.geo_location?.country_code;

/** Whether a string has no lone surrogate (so it survives UTF-8); native in Node 20 and Chromium 111 and later. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A column as Uint32 when every value is a whole number that fits (the usual case), else Float64. */
function compactColumn(values: Float64Array): Float64Array | Uint32Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 0xffffffff && Math.floor(v) === v && !Object.is(v, -0))) return values;
  }
  return Uint32Array.from(values);
}

export function packRows(events: readonly TrafficEvent[]): PackedRows {
  const count = events.length;
  const indexOf = new Map<string, number>();
  const values: string[] = [];
  /** The endpoint table index of each id's current description. */
  const endpointOf = new Map<string, { endpoint: TrafficEndpoint; index: number }>();
  const endpoints: number[] = [];
  const cells = new Uint32Array(count * ROW_FIELDS);
  const numbers = Array.from({ length: NUMBER_COLUMNS }, () => new Float64Array(count));
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
  const endpoint = (e: TrafficEndpoint): number => {
    let known = endpointOf.get(e.id);
    if (!known || !sameDescription(known.endpoint, e)) {
      known = { endpoint: e, index: endpoints.length / ENDPOINT_FIELDS };
      endpoints.push(intern(e.id), intern(e.name), intern(e.type), intern(endpointGeo(e)), intern(e.os ?? ""), intern(e.dns_label ?? ""));
      endpointOf.set(e.id, known);
    }
    return known.index;
  };
  const [time, windowEnd, protocol, starts, ends, drops, rxBytes, txBytes, rxPackets, txPackets] = numbers as [
    Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
  ];
  for (let i = 0; i < count; i++) {
    const event = events[i]!;
    const counts = countsOf(event);
    cells[k++] = append(event.flow_id);
    cells[k++] = intern(event.direction);
    cells[k++] = endpoint(event.source);
    cells[k++] = append(event.source.address);
    cells[k++] = endpoint(event.destination);
    cells[k++] = intern(event.destination.address);
    cells[k++] = intern(serviceLabel(event));
    cells[k++] = intern(event.user?.id ?? "");
    cells[k++] = intern(userLabel(event));
    cells[k++] = intern(event.policy?.id ?? "");
    cells[k++] = intern(event.policy?.name ?? "");
    cells[k++] = intern(event.reporter_id);
    time[i] = eventTime(event);
    windowEnd[i] = windowEndOf(event);
    protocol[i] = event.protocol;
    starts[i] = counts.starts;
    ends[i] = counts.ends;
    drops[i] = counts.drops;
    rxBytes[i] = event.rx_bytes;
    txBytes[i] = event.tx_bytes;
    rxPackets[i] = event.rx_packets;
    txPackets[i] = event.tx_packets;
    flags[i * 2] = STATUSES.indexOf(statusOf(counts));
    flags[i * 2 + 1] = connectionOf(event) === "P2P" ? 0 : 1;
  }
  const stringEnds = new Uint32Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += values[i]!.length;
    stringEnds[i] = offset;
  }
  const text = values.join("");
  return {
    count,
    strings: isWellFormed(text) ? new TextEncoder().encode(text) : text,
    stringEnds,
    endpoints: Uint32Array.from(endpoints),
    cells,
    numbers: numbers.map(compactColumn),
    flags,
  };
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
    (typeof p.strings === "string" || p.strings instanceof Uint8Array) &&
    p.stringEnds instanceof Uint32Array &&
    p.endpoints instanceof Uint32Array &&
    p.cells instanceof Uint32Array &&
    p.cells.length === count * ROW_FIELDS &&
    Array.isArray(p.numbers) &&
    p.numbers.length === NUMBER_COLUMNS &&
    p.numbers.every((column) => (column instanceof Float64Array || column instanceof Uint32Array) && column.length === count) &&
    p.flags instanceof Uint8Array &&
    p.flags.length === count * 2
  );
}

/**
 * The values by index (an index past the end reads as ""), each cut from the joined text when first asked for:
 * a 50,000-row page has about 100,000 of them (every flow ID is one), and making them all at once left that
 * many strings for the webview's garbage collector to mark while the user scrolls.
 */
function valuesOf(packed: PackedRows): (index: number | undefined) => string {
  const { stringEnds } = packed;
  let text: string | undefined;
  const values = new Array<string | undefined>(stringEnds.length);
  return (index) => {
    if (index === undefined || index >= stringEnds.length) return "";
    let value = values[index];
    if (value === undefined) {
      text ??= typeof packed.strings === "string" ? packed.strings : new TextDecoder().decode(packed.strings);
      value = text.slice(index === 0 ? 0 : stringEnds[index - 1], stringEnds[index]);
      values[index] = value;
    }
    return value;
  };
}

function decodeRow(packed: PackedRows, value: (index: number | undefined) => string, index: number, start: number): TrafficRow {
  const { cells, endpoints, numbers, flags } = packed;
  const k = index * ROW_FIELDS;
  const endpoint = (table: number | undefined, address: number | undefined): EndpointCell => {
    const e = (table ?? 0) * ENDPOINT_FIELDS;
    return {
      id: value(endpoints[e]),
      name: value(endpoints[e + 1]),
      address: value(address),
      type: value(endpoints[e + 2]),
      geo: value(endpoints[e + 3]),
      os: value(endpoints[e + 4]),
      dns: value(endpoints[e + 5]),
    };
  };
  const number = (column: number): number => numbers[column]?.[index] ?? Number.NaN;
  return {
    index: start + index,
    flowId: value(cells[k]),
    time: number(0),
    windowEnd: number(1),
    direction: value(cells[k + 1]),
    source: endpoint(cells[k + 2], cells[k + 3]),
    destination: endpoint(cells[k + 4], cells[k + 5]),
    protocol: number(2),
    service: value(cells[k + 6]),
    starts: number(3),
    ends: number(4),
    drops: number(5),
    status: STATUSES[flags[index * 2]!] ?? "unknown",
    rxBytes: number(6),
    txBytes: number(7),
    rxPackets: number(8),
    txPackets: number(9),
    userId: value(cells[k + 7]),
    user: value(cells[k + 8]),
    policyId: value(cells[k + 9]),
    policy: value(cells[k + 10]),
    reporterId: value(cells[k + 11]),
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
export function unpackRows(packed: PackedRows, start = 0): readonly TrafficRow[] {
  const cache = new Array<TrafficRow | undefined>(packed.count);
  const value = valuesOf(packed);
  return lazyRows(packed.count, (index) => (cache[index] ??= decodeRow(packed, value, index, start)));
}

/** The rows of `first` followed by those of `rest`, as the same kind of read-only array; nothing is decoded. */
export function joinRows(first: readonly TrafficRow[], rest: readonly TrafficRow[]): readonly TrafficRow[] {
  const split = first.length;
  return lazyRows(split + rest.length, (index) => (index < split ? first[index]! : rest[index - split]!));
}

function lazyRows(count: number, row: (index: number) => TrafficRow): readonly TrafficRow[] {
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

import type { TrafficEndpoint, TrafficEvent } from "../api/models";
import { parseTimestamp } from "../format/timestamp";
import { PROTOCOL_NAMES } from "./trafficFilters";

/**
 * One table row of the Traffic Events panel: display-ready primitives projected from a TrafficEvent by the
 * host, so the webview never needs the raw records (smaller messages, no parsing in the page).
 * `index` is the record's position in the page the host holds (for Open JSON).
 */
export interface TrafficRow {
  readonly index: number;
  readonly flowId: string;
  /** Window start, else first sub-event time (epoch ms; NaN when unknown). */
  readonly time: number;
  readonly windowEnd: number;
  readonly direction: string;
  readonly source: EndpointCell;
  readonly destination: EndpointCell;
  readonly protocol: number;
  /** "TCP 443", "UDP 53", "ICMP echo request", "proto 47". */
  readonly service: string;
  readonly starts: number;
  readonly ends: number;
  readonly drops: number;
  /** Dominant outcome: "drop" when any drop, else "end" when ended, else "start". */
  readonly status: "start" | "end" | "drop" | "unknown";
  readonly rxBytes: number;
  readonly txBytes: number;
  readonly rxPackets: number;
  readonly txPackets: number;
  readonly userId: string;
  readonly user: string;
  readonly policyId: string;
  readonly policy: string;
  readonly reporterId: string;
  readonly connection: "P2P" | "Routed";
}

export interface EndpointCell {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly type: string;
  /** "Berlin, DE" or "". */
  readonly geo: string;
  readonly os: string;
  readonly dns: string;
}

const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: "echo reply",
  3: "destination unreachable",
  5: "redirect",
  8: "echo request",
  11: "time exceeded",
};
const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: "destination unreachable",
  2: "packet too big",
  3: "time exceeded",
  128: "echo request",
  129: "echo reply",
  135: "neighbor solicitation",
  136: "neighbor advertisement",
};

export function protocolName(protocol: number): string {
  return PROTOCOL_NAMES.find((p) => p.number === protocol)?.name ?? `proto ${protocol}`;
}

/** The port of an `ip:port` / `[v6]:port` address, or undefined when absent or 0. */
export function addressPort(address: string): number | undefined {
  const match = /:(\d+)$/.exec(address);
  const port = match ? Number(match[1]) : 0;
  return port > 0 ? port : undefined;
}

export function serviceLabel(event: TrafficEvent): string {
  const name = protocolName(event.protocol);
  if (event.protocol === 1 || event.protocol === 58) {
    const table = event.protocol === 1 ? ICMP_TYPES : ICMPV6_TYPES;
    const type = event.icmp?.type ?? 0;
    return `${name} ${table[type] ?? `type ${type}`}${event.icmp?.code ? ` (code ${event.icmp.code})` : ""}`;
  }
  const port = addressPort(event.destination.address);
  return port ? `${name} ${port}` : name;
}

/** "City, CC", or what of it is known. */
export function endpointGeo(e: TrafficEndpoint): string {
  return [e.geo_location?.city_name, e.geo_location?.country_code].filter(Boolean).join(", ");
}

function endpointCell(e: TrafficEndpoint): EndpointCell {
  return { id: e.id, name: e.name, address: e.address, type: e.type, geo: endpointGeo(e), os: e.os ?? "", dns: e.dns_label ?? "" };
}

/** The dashboard's rule: P2P when the reporting peer is the source or the destination, else routed. */
export function connectionOf(event: TrafficEvent): "P2P" | "Routed" {
  return event.source.id === event.reporter_id || event.destination.id === event.reporter_id ? "P2P" : "Routed";
}

export function countsOf(event: TrafficEvent): { starts: number; ends: number; drops: number } {
  const aggregated = (event.num_of_starts ?? 0) + (event.num_of_ends ?? 0) + (event.num_of_drops ?? 0) > 0;
  if (aggregated) return { starts: event.num_of_starts ?? 0, ends: event.num_of_ends ?? 0, drops: event.num_of_drops ?? 0 };
  let starts = 0;
  let ends = 0;
  let drops = 0;
  for (const sub of event.events) {
    if (sub.type === "TYPE_START") starts++;
    else if (sub.type === "TYPE_END") ends++;
    else if (sub.type === "TYPE_DROP") drops++;
  }
  return { starts, ends, drops };
}

export function eventTime(event: TrafficEvent): number {
  const start = parseTimestamp(event.window_start);
  return Number.isNaN(start) ? parseTimestamp(event.events[0]?.timestamp) : start;
}

/** The end of the flow's window (ms), NaN when unknown. */
export function windowEndOf(event: TrafficEvent): number {
  return parseTimestamp(event.window_end);
}

/** The worst thing that happened to the flow: a drop, else an end, else a start. */
export function statusOf(counts: { starts: number; ends: number; drops: number }): TrafficRow["status"] {
  return counts.drops > 0 ? "drop" : counts.ends > 0 ? "end" : counts.starts > 0 ? "start" : "unknown";
}

/** The user of the flow as shown: e-mail, else name. */
export function userLabel(event: TrafficEvent): string {
  return event.user?.email || event.user?.name || "";
}

export function toTrafficRow(event: TrafficEvent, index: number): TrafficRow {
  const counts = countsOf(event);
  return {
    index,
    flowId: event.flow_id,
    time: eventTime(event),
    windowEnd: windowEndOf(event),
    direction: event.direction,
    source: endpointCell(event.source),
    destination: endpointCell(event.destination),
    protocol: event.protocol,
    service: serviceLabel(event),
    ...counts,
    status: statusOf(counts),
    rxBytes: event.rx_bytes,
    txBytes: event.tx_bytes,
    rxPackets: event.rx_packets,
    txPackets: event.tx_packets,
    userId: event.user?.id ?? "",
    user: userLabel(event),
    policyId: event.policy?.id ?? "",
    policy: event.policy?.name ?? "",
    reporterId: event.reporter_id,
    connection: connectionOf(event),
  };
}

/** Ids seen in a page, with a display name, for the User/Reporter/Source/Destination suggestions. */
export interface FilterSuggestions {
  readonly users: readonly Suggestion[];
  readonly reporters: readonly Suggestion[];
  readonly sources: readonly Suggestion[];
  readonly destinations: readonly Suggestion[];
}

export interface Suggestion {
  readonly id: string;
  readonly label: string;
}

const MAX_SUGGESTIONS = 200;

export function suggestionsOf(events: readonly TrafficEvent[]): FilterSuggestions {
  const users = new Map<string, string>();
  const reporters = new Map<string, string>();
  const sources = new Map<string, string>();
  const destinations = new Map<string, string>();
  // Labels are built only for ids that make it into a list (a 50,000-row page has a few hundred of them).
  const wants = (map: Map<string, string>, id: string | undefined): id is string => !!id && map.size < MAX_SUGGESTIONS && !map.has(id);
  for (const e of events) {
    const userId = e.user?.id;
    if (wants(users, userId)) users.set(userId, userLabel(e) || userId);
    if (wants(sources, e.source.id)) sources.set(e.source.id, `${e.source.name} (${e.source.address})`);
    if (wants(destinations, e.destination.id)) destinations.set(e.destination.id, `${e.destination.name} (${e.destination.address})`);
    if (wants(reporters, e.reporter_id)) reporters.set(e.reporter_id, e.reporter_id);
  }
  // A reporter is labelled with the name its id had the last time it appeared as a source or destination.
  const unnamed = new Set([...reporters.keys()]);
  for (let i = events.length - 1; i >= 0 && unnamed.size > 0; i--) {
    const e = events[i]!;
    for (const endpoint of [e.destination, e.source]) {
      if (unnamed.delete(endpoint.id)) reporters.set(endpoint.id, endpoint.name || endpoint.id);
    }
  }
  const list = (map: Map<string, string>) => [...map].map(([id, label]) => ({ id, label }));
  return { users: list(users), reporters: list(reporters), sources: list(sources), destinations: list(destinations) };
}

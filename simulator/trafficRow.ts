/**
 * One traffic flow record: the JSON shape the server sends (schema `NetworkTrafficEvent`) and the compact row
 * the simulator keeps, which builds that JSON on demand.
 */
import { goTime } from "./goFormat";
import { goEscapeJson } from "./goJson";
import { HOSTILE_HUGE_STRING } from "./hostile";

export interface WireEndpoint {
  address: string;
  dns_label: string | null;
  geo_location: { city_name: string; country_code: string };
  id: string;
  name: string;
  os: string | null;
  type: string;
}

export interface WireSubEvent {
  timestamp: string;
  type: string;
}

/** One flow record in the JSON form and field order the server sends (schema `NetworkTrafficEvent`). */
export interface WireTrafficEvent {
  destination: WireEndpoint;
  direction: string;
  events: WireSubEvent[];
  flow_id: string;
  icmp: { code: number; type: number };
  num_of_drops?: number;
  num_of_ends?: number;
  num_of_starts?: number;
  policy: { id: string; name: string };
  protocol: number;
  reporter_id: string;
  rx_bytes: number;
  rx_packets: number;
  source: WireEndpoint;
  tx_bytes: number;
  tx_packets: number;
  user: { email: string; id: string; name: string };
  window_end?: string;
  window_start?: string;
}

export const TYPE_BITS: Readonly<Record<string, number>> = {
  TYPE_UNKNOWN: 1,
  TYPE_START: 2,
  TYPE_END: 4,
  TYPE_DROP: 8,
};

export interface Service {
  readonly protocol: number;
  readonly port: number;
  /** ICMP type and code, for protocols 1 and 58. */
  readonly icmp?: readonly [number, number];
  /** Typical bytes sent (tx) and received (rx) per connection, from the initiator's side. */
  readonly tx: number;
  readonly rx: number;
}

export type Counters = Pick<WireTrafficEvent, "rx_bytes" | "rx_packets" | "tx_bytes" | "tx_packets">;

/** The parts of an endpoint that do not change between flows; the address is made per flow. */
export interface EndpointBase {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly os: string | null;
  readonly dnsLabel: string | null;
  readonly geo: { readonly city_name: string; readonly country_code: string };
  /** Raw OS, for the source port range. */
  readonly rawOs: string | undefined;
  readonly ip: string;
  readonly ipv6: string | undefined;
}

/** What the records of one connection share (both reporters' records, legacy start and end). */
export interface Flow {
  readonly flowId: string;
  readonly source: EndpointBase;
  readonly destination: EndpointBase;
  readonly sourcePort: number;
  readonly service: Service;
  readonly v6: boolean;
  readonly user: WireTrafficEvent["user"];
  readonly policy: WireTrafficEvent["policy"];
  readonly text: (value: string) => string;
}

/** Aggregated records keep at most this many sub-events of each type. */
export const SUB_EVENT_LIMITS = { starts: 3, ends: 3, drops: 4 } as const;

/**
 * One flow record, kept compact (the dataset holds up to 50,000): what the server filters on as fields, the
 * wire object built on each `record` access.
 */
export class TrafficRow {
  /** The 100 KB string, for the hostile dataset's few huge records. */
  huge = false;
  /** Lower-cased search fields, made on first use. */
  private searchCache: readonly string[] | undefined;
  /** The record's JSON as the server writes it, made on first use. */
  private jsonCache: string | undefined;

  constructor(
    private readonly flow: Flow,
    readonly reporterId: string,
    readonly direction: string,
    /** `window_start`, or the only sub-event's timestamp for legacy records (µs since the epoch). */
    readonly timeMicros: number,
    /** Aggregated records: window end (µs); undefined for legacy records. */
    private readonly windowEndMicros: number | undefined,
    private readonly starts: number,
    private readonly ends: number,
    private readonly drops: number,
    /** Aggregated: sorted sub-event times (starts, then ends, drops, unknown) or undefined when none kept; legacy: one time. */
    private readonly subTimes: readonly number[] | undefined,
    /** Legacy: the sub-event type; aggregated: whether a TYPE_UNKNOWN sub-event was added. */
    private readonly legacyType: string | undefined,
    private readonly unknownSubEvent: boolean,
    private readonly counters: Counters,
  ) {}

  get aggregated(): boolean {
    return this.windowEndMicros !== undefined;
  }

  get userId(): string {
    return this.flow.user.id;
  }
  get sourceId(): string {
    return this.flow.source.id;
  }
  get destinationId(): string {
    return this.flow.destination.id;
  }
  get protocol(): number {
    return this.flow.service.protocol;
  }

  /** Source or destination is the reporter: the dashboard's P2P; anything else is ROUTED. */
  get p2p(): boolean {
    return this.flow.source.id === this.reporterId || this.flow.destination.id === this.reporterId;
  }

  /** TYPE_BITS of the sub-events and the non-zero num_of_* counters. */
  get types(): number {
    if (this.legacyType !== undefined) return TYPE_BITS[this.legacyType] ?? 0;
    return (this.starts > 0 ? 2 : 0) | (this.ends > 0 ? 4 : 0) | (this.drops > 0 ? 8 : 0) | (this.unknownSubEvent && this.subTimes ? 1 : 0);
  }

  private address(base: EndpointBase, port: number): string {
    return this.flow.text(this.flow.v6 && base.ipv6 !== undefined ? `[${base.ipv6}]:${port}` : `${base.ip}:${port}`);
  }

  private endpoint(base: EndpointBase, port: number, source: boolean): WireEndpoint {
    return {
      address: this.address(base, port),
      dns_label: this.huge && !source ? HOSTILE_HUGE_STRING : base.dnsLabel,
      geo_location: { city_name: base.geo.city_name, country_code: base.geo.country_code },
      id: base.id,
      name: this.huge && source ? HOSTILE_HUGE_STRING : base.name,
      os: base.os,
      type: base.type,
    };
  }

  private subEvents(): WireSubEvent[] {
    const times = this.subTimes;
    if (!times) return [];
    if (this.legacyType !== undefined) return [{ timestamp: goTime(times[0] as number), type: this.legacyType }];
    const types: string[] = [];
    for (let i = 0; i < Math.min(this.starts, SUB_EVENT_LIMITS.starts); i++) types.push("TYPE_START");
    for (let i = 0; i < Math.min(this.ends, SUB_EVENT_LIMITS.ends); i++) types.push("TYPE_END");
    for (let i = 0; i < Math.min(this.drops, SUB_EVENT_LIMITS.drops); i++) types.push("TYPE_DROP");
    if (this.unknownSubEvent) types.push("TYPE_UNKNOWN");
    return types.map((type, i) => ({ timestamp: goTime(times[i] as number), type }));
  }

  /** The record as the API sends it (a new object on every access). */
  get record(): WireTrafficEvent {
    const f = this.flow;
    const icmp = f.service.icmp;
    const common = {
      destination: this.endpoint(f.destination, f.service.port, false),
      direction: this.direction,
      events: this.subEvents(),
      flow_id: f.flowId,
      icmp: { code: icmp ? icmp[1] : 0, type: icmp ? icmp[0] : 0 },
    };
    const rest = {
      policy: { id: f.policy.id, name: f.policy.name },
      protocol: f.service.protocol,
      reporter_id: this.reporterId,
      rx_bytes: this.counters.rx_bytes,
      rx_packets: this.counters.rx_packets,
      source: this.endpoint(f.source, f.sourcePort, true),
      tx_bytes: this.counters.tx_bytes,
      tx_packets: this.counters.tx_packets,
      user: { email: f.user.email, id: f.user.id, name: f.user.name },
    };
    if (this.windowEndMicros === undefined) {
      return { ...common, ...rest };
    }
    return {
      ...common,
      num_of_drops: this.drops,
      num_of_ends: this.ends,
      num_of_starts: this.starts,
      ...rest,
      window_end: goTime(this.windowEndMicros),
      window_start: goTime(this.timeMicros),
    };
  }

  /** The record's JSON as Go's encoder writes it (HTML-escaped), cached. */
  json(): string {
    this.jsonCache ??= goEscapeJson(JSON.stringify(this.record));
    return this.jsonCache;
  }

  /** What `search` looks in: user email, source/destination names and addresses, lower-cased. */
  searchFields(): readonly string[] {
    if (this.searchCache === undefined) {
      const f = this.flow;
      this.searchCache = [
        f.user.email,
        this.huge ? HOSTILE_HUGE_STRING : f.source.name,
        f.destination.name,
        this.address(f.source, f.sourcePort),
        this.address(f.destination, f.service.port),
      ].map((s) => s.toLowerCase());
    }
    return this.searchCache;
  }
}

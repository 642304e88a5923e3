/**
 * Models of NetBird's events API (`/api/events/audit`, `/api/events/network-traffic`, `/api/users/current`),
 * after NetBird's OpenAPI spec (schemas `Event`, `NetworkTraffic*`, `User`; see resources/netbird-openapi-events.yml),
 * loosened where the real server differs from the spec:
 * - `activity_code`, endpoint `type`, `direction` and sub-event `type` are open strings;
 * - `num_of_*` and `window_*` are optional (older clients do not aggregate flows);
 * - the stale `id`/`receive_timestamp` entries of the spec's `required` list are not required.
 *
 * Every parsed object keeps the fields it was sent, including unknown ones: `raw` of a record is the exact
 * object the API returned, so raw JSON documents show what the server sent.
 */

/** One audit event (schema `Event`). Every `meta` value is a string made by Go's `fmt.Sprintf("%v")`. */
export interface AuditEvent {
  readonly id: string;
  readonly timestamp: string;
  readonly activity: string;
  readonly activity_code: string;
  readonly initiator_id: string;
  readonly initiator_name: string;
  readonly initiator_email: string;
  readonly target_id: string;
  readonly meta: Readonly<Record<string, string>>;
}

/**
 * Audit events as listed, each with its timestamp read once (ms since the epoch, NaN when unreadable), index
 * by index: sorting, grouping by day and filtering 10,000 events then never parse a timestamp again.
 */
export interface AuditEventList {
  readonly events: readonly AuditEvent[];
  readonly times: Float64Array;
}

export type KnownTrafficType = "TYPE_UNKNOWN" | "TYPE_START" | "TYPE_END" | "TYPE_DROP";
export type KnownDirection = "INGRESS" | "EGRESS" | "DIRECTION_UNKNOWN";
export type KnownConnectionType = "P2P" | "ROUTED";
export type KnownEndpointType =
  | "UNKNOWN"
  | "PEER"
  | "HOST_RESOURCE"
  | "SUBNET_RESOURCE"
  | "DOMAIN_RESOURCE"
  | "ROUTE";

/** A known value of an open enum, or any other string the server may send later. */
export type OpenString<T extends string> = T | (string & {});

export interface GeoLocation {
  readonly city_name: string;
  readonly country_code: string;
}

/** Schema `NetworkTrafficEndpoint`. `address` is `ip:port` or `[v6]:port`; the port is `:0` when there is none. */
export interface TrafficEndpoint {
  readonly id: string;
  readonly type: OpenString<KnownEndpointType>;
  readonly name: string;
  readonly geo_location: GeoLocation;
  readonly os: string | null;
  readonly address: string;
  readonly dns_label: string | null;
}

export interface TrafficUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export interface TrafficPolicy {
  readonly id: string;
  readonly name: string;
}

export interface TrafficIcmp {
  readonly type: number;
  readonly code: number;
}

export interface TrafficSubEvent {
  readonly type: OpenString<KnownTrafficType>;
  readonly timestamp: string;
}

/** Schema `NetworkTrafficEvent`. `flow_id` is not unique: a flow's start and end share it. */
export interface TrafficEvent {
  readonly flow_id: string;
  readonly reporter_id: string;
  readonly source: TrafficEndpoint;
  readonly destination: TrafficEndpoint;
  readonly user: TrafficUser;
  readonly policy: TrafficPolicy;
  readonly icmp: TrafficIcmp;
  readonly protocol: number;
  readonly direction: OpenString<KnownDirection>;
  readonly rx_bytes: number;
  readonly rx_packets: number;
  readonly tx_bytes: number;
  readonly tx_packets: number;
  readonly num_of_starts?: number;
  readonly num_of_ends?: number;
  readonly num_of_drops?: number;
  readonly window_start?: string;
  readonly window_end?: string;
  readonly events: readonly TrafficSubEvent[];
}

/** Schema `NetworkTrafficEventsResponse`: one 1-based page. */
export interface TrafficPage {
  readonly data: readonly TrafficEvent[];
  readonly page: number;
  readonly page_size: number;
  readonly total_records: number;
  readonly total_pages: number;
}

/** The part of schema `User` the extension shows (who is signed in). */
export interface CurrentUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly status: string;
  readonly is_service_user?: boolean;
}

/** Every query parameter of `GET /api/events/network-traffic` in the current spec. */
export interface TrafficQuery {
  readonly page?: number;
  readonly page_size?: number;
  readonly user_id?: string;
  readonly reporter_id?: string;
  readonly source_id?: string;
  readonly destination_id?: string;
  readonly protocol?: number;
  readonly type?: OpenString<KnownTrafficType>;
  readonly connection_type?: OpenString<KnownConnectionType>;
  readonly direction?: OpenString<KnownDirection>;
  readonly search?: string;
  readonly start_date?: string;
  readonly end_date?: string;
}

export const TRAFFIC_QUERY_KEYS = [
  "page",
  "page_size",
  "user_id",
  "reporter_id",
  "source_id",
  "destination_id",
  "protocol",
  "type",
  "connection_type",
  "direction",
  "search",
  "start_date",
  "end_date",
] as const satisfies readonly (keyof TrafficQuery)[];

export const TRAFFIC_TYPES: readonly KnownTrafficType[] = ["TYPE_START", "TYPE_END", "TYPE_DROP", "TYPE_UNKNOWN"];
export const DIRECTIONS: readonly KnownDirection[] = ["INGRESS", "EGRESS", "DIRECTION_UNKNOWN"];
export const CONNECTION_TYPES: readonly KnownConnectionType[] = ["P2P", "ROUTED"];

/** The audit API returns at most this many events (the newest ones). */
export const AUDIT_EVENTS_CAP = 10_000;
/** Traffic page sizes: server default and maximum. */
export const TRAFFIC_DEFAULT_PAGE_SIZE = 1000;
export const TRAFFIC_MAX_PAGE_SIZE = 50_000;
/** Traffic events are kept for this long (days). */
export const TRAFFIC_RETENTION_DAYS = 7;

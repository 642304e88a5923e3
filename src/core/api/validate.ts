import { ApiError } from "./errors";
import type { AuditEvent, CurrentUser, TrafficEvent, TrafficPage } from "./models";

/**
 * Runtime validation of API responses at the boundary. Checks the shapes the extension relies on and
 * returns the very objects that were parsed (unknown fields stay, nothing is copied or reordered), so raw
 * JSON documents show exactly what the server sent. A wrong shape throws a `ShapeError` naming the path.
 * Hand-written rather than schema-driven: 50,000 traffic records validate in a few milliseconds.
 */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(actual)}`);
    this.name = "ShapeError";
  }
}

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "nothing (field missing)";
  return typeof value === "string" ? "a string" : `${typeof value} ${typeof value === "object" ? "" : String(value)}`.trim();
}

function obj(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ShapeError(path, "an object", value);
  return value as Json;
}

function str(o: Json, key: string, path: string): void {
  if (typeof o[key] !== "string") throw new ShapeError(`${path}.${key}`, "a string", o[key]);
}

function strOrNull(o: Json, key: string, path: string): void {
  const v = o[key];
  if (v !== null && v !== undefined && typeof v !== "string") throw new ShapeError(`${path}.${key}`, "a string or null", v);
}

function num(o: Json, key: string, path: string): void {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ShapeError(`${path}.${key}`, "a number", v);
}

function optNum(o: Json, key: string, path: string): void {
  if (o[key] !== undefined && o[key] !== null) num(o, key, path);
}

function optStr(o: Json, key: string, path: string): void {
  if (o[key] !== undefined && o[key] !== null) str(o, key, path);
}

function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, "an array", value);
  return value;
}

export function checkAuditEvent(value: unknown, path: string): AuditEvent {
  const o = obj(value, path);
  for (const key of ["id", "timestamp", "activity", "activity_code", "initiator_id", "target_id"]) str(o, key, path);
  // Name and email are "" for system initiators; tolerate null from older servers.
  strOrNull(o, "initiator_name", path);
  strOrNull(o, "initiator_email", path);
  const meta = o.meta;
  if (meta !== null && meta !== undefined) {
    const m = obj(meta, `${path}.meta`);
    for (const key in m) {
      if (typeof m[key] !== "string") throw new ShapeError(`${path}.meta.${key}`, "a string", m[key]);
    }
  }
  return o as unknown as AuditEvent;
}

export function checkAuditEvents(value: unknown): AuditEvent[] {
  const list = arr(value, "response");
  for (let i = 0; i < list.length; i++) checkAuditEvent(list[i], `response[${i}]`);
  return list as AuditEvent[];
}

function checkEndpoint(value: unknown, path: string): void {
  const o = obj(value, path);
  str(o, "id", path);
  str(o, "name", path);
  str(o, "type", path);
  str(o, "address", path);
  strOrNull(o, "os", path);
  strOrNull(o, "dns_label", path);
  const geo = o.geo_location;
  if (geo !== null && geo !== undefined) {
    const g = obj(geo, `${path}.geo_location`);
    strOrNull(g, "city_name", `${path}.geo_location`);
    strOrNull(g, "country_code", `${path}.geo_location`);
  }
}

export function checkTrafficEvent(value: unknown, path: string): TrafficEvent {
  const o = obj(value, path);
  str(o, "flow_id", path);
  str(o, "reporter_id", path);
  checkEndpoint(o.source, `${path}.source`);
  checkEndpoint(o.destination, `${path}.destination`);
  const user = obj(o.user, `${path}.user`);
  for (const key of ["id", "email", "name"]) strOrNull(user, key, `${path}.user`);
  const policy = obj(o.policy, `${path}.policy`);
  strOrNull(policy, "id", `${path}.policy`);
  strOrNull(policy, "name", `${path}.policy`);
  const icmp = obj(o.icmp, `${path}.icmp`);
  num(icmp, "type", `${path}.icmp`);
  num(icmp, "code", `${path}.icmp`);
  num(o, "protocol", path);
  str(o, "direction", path);
  for (const key of ["rx_bytes", "rx_packets", "tx_bytes", "tx_packets"]) num(o, key, path);
  for (const key of ["num_of_starts", "num_of_ends", "num_of_drops"]) optNum(o, key, path);
  optStr(o, "window_start", path);
  optStr(o, "window_end", path);
  const events = arr(o.events, `${path}.events`);
  for (let i = 0; i < events.length; i++) {
    const e = obj(events[i], `${path}.events[${i}]`);
    str(e, "type", `${path}.events[${i}]`);
    str(e, "timestamp", `${path}.events[${i}]`);
  }
  return o as unknown as TrafficEvent;
}

export function checkTrafficPage(value: unknown): TrafficPage {
  const o = obj(value, "response");
  const data = arr(o.data, "response.data");
  for (const key of ["page", "page_size", "total_records", "total_pages"]) num(o, key, "response");
  for (let i = 0; i < data.length; i++) checkTrafficEvent(data[i], `response.data[${i}]`);
  return o as unknown as TrafficPage;
}

export function checkCurrentUser(value: unknown): CurrentUser {
  const o = obj(value, "response");
  str(o, "id", "response");
  for (const key of ["email", "name", "role", "status"]) strOrNull(o, key, "response");
  return o as unknown as CurrentUser;
}

/** Account settings that gate traffic logging (`GET /api/accounts` → settings.extra). */
export interface TrafficLoggingSettings {
  readonly accountId: string;
  readonly trafficLogsEnabled: boolean | undefined;
  readonly packetCounterEnabled: boolean | undefined;
}

export function checkAccounts(value: unknown): TrafficLoggingSettings[] {
  const list = arr(value, "response");
  return list.map((item, i) => {
    const o = obj(item, `response[${i}]`);
    str(o, "id", `response[${i}]`);
    const settings = o.settings && typeof o.settings === "object" ? (o.settings as Json) : {};
    const extra = settings.extra && typeof settings.extra === "object" ? (settings.extra as Json) : {};
    const flag = (v: unknown) => (typeof v === "boolean" ? v : undefined);
    return {
      accountId: o.id as string,
      trafficLogsEnabled: flag(extra.network_traffic_logs_enabled),
      packetCounterEnabled: flag(extra.network_traffic_packet_counter_enabled),
    };
  });
}

/** Wraps a ShapeError or parse failure into the user-facing malformed-response error. */
export function malformed(detail: string, requestId: string | undefined, status: number): ApiError {
  return new ApiError({
    kind: "malformedResponse",
    status,
    requestId,
    detail,
    userMessage: `The server's response was not the NetBird API data this extension expects (${detail}). If the management URL points at a proxy or another service, fix the URL; otherwise NetBird's API may have changed — please report it.`,
  });
}

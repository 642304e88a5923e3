import { ApiError } from "./errors";
import { parseTimestamp } from "../format/timestamp";
import type { AuditEvent, AuditEventList, CurrentUser, TrafficEvent, TrafficPage } from "./models";

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

/*
 * The checks below run on every record of every response (50,000 per traffic page), so the success path
 * allocates nothing: a failed check throws a ShapeError whose path is relative to the value it checked
 * ("" for the value itself, "name", "[3]"), and each level that catches it on the way out puts its own
 * segment in front. Only a failing response pays for building the path.
 */

/** `segment` followed by a relative path: "source" + "name" → "source.name", "data" + "[3]" → "data[3]". */
function joinPath(segment: string, relative: string): string {
  if (relative === "") return segment;
  return relative.startsWith("[") ? `${segment}${relative}` : `${segment}.${relative}`;
}

/** Rethrows a ShapeError from inside `segment` with `segment` in front of its path. */
function within(segment: string, error: unknown): never {
  if (error instanceof ShapeError) throw new ShapeError(joinPath(segment, error.path), error.expected, error.actual);
  throw error;
}

function obj(value: unknown): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ShapeError("", "an object", value);
  return value as Json;
}

function str(o: Json, key: string): void {
  if (typeof o[key] !== "string") throw new ShapeError(key, "a string", o[key]);
}

function strOrNull(o: Json, key: string): void {
  const v = o[key];
  if (v !== null && v !== undefined && typeof v !== "string") throw new ShapeError(key, "a string or null", v);
}

function num(o: Json, key: string): void {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ShapeError(key, "a number", v);
}

function optNum(o: Json, key: string): void {
  if (o[key] !== undefined && o[key] !== null) num(o, key);
}

function optStr(o: Json, key: string): void {
  if (o[key] !== undefined && o[key] !== null) str(o, key);
}

function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError("", "an array", value);
  return value;
}

/** Checks `value[key]` with `check`; a failure's path starts with `key`. */
function field<T>(o: Json, key: string, check: (value: unknown) => T): T {
  try {
    return check(o[key]);
  } catch (error) {
    return within(key, error);
  }
}

/** Checks every element with `check`; a failure's path starts with `[i]`. */
function each(list: readonly unknown[], check: (value: unknown, index: number) => unknown): void {
  let i = 0;
  try {
    for (; i < list.length; i++) check(list[i], i);
  } catch (error) {
    within(`[${i}]`, error);
  }
}

/** Runs a check of a value at `path` (a full path) and returns what it returns. */
function at<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    return within(path, error);
  }
}

/*
 * Quick checks for the success path. The checks above read properties through shared helpers with the key as
 * an argument, which V8 cannot specialise: about 1 µs per traffic record, 60 ms for a 50,000-row page. The
 * predicates below read each property by its name and only answer yes or no; when one says no, the checks
 * above run on the same record and throw the ShapeError with its path. Each predicate accepts exactly what
 * its check accepts (test/unit/api/validate.test.ts mutates every field to make sure of it).
 */
type Fields = { readonly [key: string]: unknown };

const isObj = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
/** A string, null or missing: what strOrNull and optStr accept (they differ only in the error they write). */
const isStrOrNull = (v: unknown): boolean => v === null || v === undefined || typeof v === "string";
const isNum = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isOptNum = (v: unknown): boolean => v === null || v === undefined || isNum(v);

function isAuditEvent(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (
    typeof v["id"] !== "string" ||
    typeof v["timestamp"] !== "string" ||
    typeof v["activity"] !== "string" ||
    typeof v["activity_code"] !== "string" ||
    typeof v["initiator_id"] !== "string" ||
    typeof v["target_id"] !== "string" ||
    !isStrOrNull(v["initiator_name"]) ||
    !isStrOrNull(v["initiator_email"])
  ) {
    return false;
  }
  const meta = v["meta"];
  if (meta === null || meta === undefined) return true;
  if (!isObj(meta)) return false;
  for (const key in meta) if (typeof meta[key] !== "string") return false;
  return true;
}

function isEndpoint(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (typeof v["id"] !== "string" || typeof v["name"] !== "string" || typeof v["type"] !== "string" || typeof v["address"] !== "string") return false;
  if (!isStrOrNull(v["os"]) || !isStrOrNull(v["dns_label"])) return false;
  const geo = v["geo_location"];
  return geo === null || geo === undefined || (isObj(geo) && isStrOrNull(geo["city_name"]) && isStrOrNull(geo["country_code"]));
}

function isTrafficEvent(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (typeof v["flow_id"] !== "string" || typeof v["reporter_id"] !== "string" || typeof v["direction"] !== "string") return false;
  if (!isEndpoint(v["source"]) || !isEndpoint(v["destination"])) return false;
  const user = v["user"];
  const policy = v["policy"];
  const icmp = v["icmp"];
  if (!isObj(user) || !isStrOrNull(user["id"]) || !isStrOrNull(user["email"]) || !isStrOrNull(user["name"])) return false;
  if (!isObj(policy) || !isStrOrNull(policy["id"]) || !isStrOrNull(policy["name"])) return false;
  if (!isObj(icmp) || !isNum(icmp["type"]) || !isNum(icmp["code"])) return false;
  if (!isNum(v["protocol"]) || !isNum(v["rx_bytes"]) || !isNum(v["rx_packets"]) || !isNum(v["tx_bytes"]) || !isNum(v["tx_packets"])) return false;
  if (!isOptNum(v["num_of_starts"]) || !isOptNum(v["num_of_ends"]) || !isOptNum(v["num_of_drops"])) return false;
  if (!isStrOrNull(v["window_start"]) || !isStrOrNull(v["window_end"])) return false;
  const events = v["events"];
  if (!Array.isArray(events)) return false;
  for (const e of events as unknown[]) if (!isObj(e) || typeof e["type"] !== "string" || typeof e["timestamp"] !== "string") return false;
  return true;
}

const AUDIT_STRING_KEYS = ["id", "timestamp", "activity", "activity_code", "initiator_id", "target_id"] as const;

function auditEvent(value: unknown): AuditEvent {
  const o = obj(value);
  for (const key of AUDIT_STRING_KEYS) str(o, key);
  // Name and email are "" for system initiators; tolerate null from older servers.
  strOrNull(o, "initiator_name");
  strOrNull(o, "initiator_email");
  const meta = o.meta;
  if (meta !== null && meta !== undefined) {
    const m = field(o, "meta", obj);
    for (const key in m) {
      if (typeof m[key] !== "string") throw new ShapeError(`meta.${key}`, "a string", m[key]);
    }
  }
  return o as unknown as AuditEvent;
}

/** The audit list, each event's time read while the event is at hand (a second pass over 10,000 events costs more). */
export function checkAuditEvents(value: unknown): AuditEventList {
  return at("response", () => {
    const list = arr(value);
    const times = new Float64Array(list.length);
    each(list, (item, i) => {
      times[i] = parseTimestamp((isAuditEvent(item) ? (item as AuditEvent) : auditEvent(item)).timestamp);
    });
    return { events: list as AuditEvent[], times };
  });
}

function geoLocation(value: unknown): void {
  const g = obj(value);
  strOrNull(g, "city_name");
  strOrNull(g, "country_code");
}

function endpoint(value: unknown): void {
  const o = obj(value);
  str(o, "id");
  str(o, "name");
  str(o, "type");
  str(o, "address");
  strOrNull(o, "os");
  strOrNull(o, "dns_label");
  const geo = o.geo_location;
  if (geo !== null && geo !== undefined) field(o, "geo_location", geoLocation);
}

function trafficUser(value: unknown): void {
  const user = obj(value);
  strOrNull(user, "id");
  strOrNull(user, "email");
  strOrNull(user, "name");
}

function trafficPolicy(value: unknown): void {
  const policy = obj(value);
  strOrNull(policy, "id");
  strOrNull(policy, "name");
}

function trafficIcmp(value: unknown): void {
  const icmp = obj(value);
  num(icmp, "type");
  num(icmp, "code");
}

function subEvent(value: unknown): void {
  const e = obj(value);
  str(e, "type");
  str(e, "timestamp");
}

function subEvents(value: unknown): void {
  each(arr(value), subEvent);
}

function trafficEvent(value: unknown): TrafficEvent {
  const o = obj(value);
  str(o, "flow_id");
  str(o, "reporter_id");
  field(o, "source", endpoint);
  field(o, "destination", endpoint);
  field(o, "user", trafficUser);
  field(o, "policy", trafficPolicy);
  field(o, "icmp", trafficIcmp);
  num(o, "protocol");
  str(o, "direction");
  num(o, "rx_bytes");
  num(o, "rx_packets");
  num(o, "tx_bytes");
  num(o, "tx_packets");
  optNum(o, "num_of_starts");
  optNum(o, "num_of_ends");
  optNum(o, "num_of_drops");
  optStr(o, "window_start");
  optStr(o, "window_end");
  field(o, "events", subEvents);
  return o as unknown as TrafficEvent;
}

export function checkTrafficPage(value: unknown): TrafficPage {
  return at("response", () => {
    const o = obj(value);
    const data = field(o, "data", arr);
    num(o, "page");
    num(o, "page_size");
    num(o, "total_records");
    num(o, "total_pages");
    field(o, "data", () => each(data, (item) => isTrafficEvent(item) || trafficEvent(item)));
    return o as unknown as TrafficPage;
  });
}

export function checkCurrentUser(value: unknown): CurrentUser {
  return at("response", () => {
    const o = obj(value);
    str(o, "id");
    for (const key of ["email", "name", "role", "status"]) strOrNull(o, key);
    return o as unknown as CurrentUser;
  });
}

/** Account settings that gate traffic logging (`GET /api/accounts` → settings.extra). */
export interface TrafficLoggingSettings {
  readonly accountId: string;
  readonly trafficLogsEnabled: boolean | undefined;
  readonly packetCounterEnabled: boolean | undefined;
}

export function checkAccounts(value: unknown): TrafficLoggingSettings[] {
  const list = at("response", () => arr(value));
  return list.map((item, i) => {
    const o = at(`response[${i}]`, () => obj(item));
    at(`response[${i}]`, () => str(o, "id"));
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

/**
 * Fault switches: make matching requests fail the way real networks, proxies and servers do. Set them with
 * `Simulator.setFaults` or `POST /__simulator/faults`; the first matching fault applies.
 */
import { STATUS_CODES } from "node:http";

export type FaultBody = "html" | "wrong-shape" | "not-json" | "huge";
export const FAULT_BODIES: readonly FaultBody[] = ["html", "wrong-shape", "not-json", "huge"];

export interface Fault {
  /** path: a prefix; query: parameters the request must carry with exactly these values. */
  readonly match?: { readonly path?: string; readonly method?: string; readonly query?: Readonly<Record<string, string>> };
  /** Respond with this status (and a JSON error body unless `body` says otherwise). */
  readonly status?: number;
  /** The JSON error body's message; default: the lower-cased status text. */
  readonly message?: string;
  /** A Retry-After header value. */
  readonly retryAfter?: string;
  /** Apply to this many requests, then stop; default: every request. */
  readonly times?: number;
  /** Wait this long before sending the headers. */
  readonly delayMs?: number;
  /** Then hold the request, before its headers, until the faults are next set or cleared. */
  readonly hold?: boolean;
  /** Send the headers and this many body bytes, then hang until the client gives up. */
  readonly stallAfterBytes?: number;
  /** Send valid headers and half the body, then close the connection. */
  readonly truncate?: boolean;
  /** html: a proxy's error page; wrong-shape: valid JSON the schema rejects; not-json; huge: ~50 MB valid JSON. */
  readonly body?: FaultBody;
  /** Close the socket without any response. */
  readonly destroy?: boolean;
}

export interface ActiveFault {
  readonly fault: Fault;
  remaining: number;
}

export function faultMatches(fault: Fault, method: string, path: string, params: URLSearchParams): boolean {
  const match = fault.match ?? {};
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path !== undefined && !path.startsWith(match.path)) return false;
  return Object.entries(match.query ?? {}).every(([name, value]) => params.get(name) === value);
}

/** Checks a fault list from JSON; returns an error message or the faults. */
export function parseFaults(value: unknown): Fault[] | string {
  const list = Array.isArray(value) ? value : [value];
  const faults: Fault[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) return "a fault is an object";
    const f = item as Record<string, unknown>;
    const isNumber = (key: string): boolean => f[key] === undefined || (typeof f[key] === "number" && Number.isFinite(f[key]) && (f[key] as number) >= 0);
    if (!["status", "times", "delayMs", "stallAfterBytes"].every(isNumber)) return "status, times, delayMs and stallAfterBytes are numbers >= 0";
    if (f.status !== undefined && ((f.status as number) < 100 || (f.status as number) > 599)) return "status is 100-599";
    if (f.body !== undefined && !FAULT_BODIES.includes(f.body as FaultBody)) return `body is one of ${FAULT_BODIES.join(", ")}`;
    for (const key of ["message", "retryAfter"]) {
      if (f[key] !== undefined && typeof f[key] !== "string") return `${key} is a string`;
    }
    for (const key of ["hold", "truncate", "destroy"]) {
      if (f[key] !== undefined && typeof f[key] !== "boolean") return `${key} is true or false`;
    }
    const match = f.match as Record<string, unknown> | undefined;
    const query = match?.query as Record<string, unknown> | undefined;
    const badQuery = query !== undefined && (typeof query !== "object" || query === null || Array.isArray(query) || Object.values(query).some((v) => typeof v !== "string"));
    if (match !== undefined && (typeof match !== "object" || match === null || (match.path !== undefined && typeof match.path !== "string") || (match.method !== undefined && typeof match.method !== "string") || badQuery)) {
      return "match is {path?: string, method?: string, query?: {name: string}}";
    }
    faults.push(f as Fault);
  }
  return faults;
}

/** The default message of a fault's JSON error: the lower-cased status text. */
export function faultMessage(status: number): string {
  return (STATUS_CODES[status] ?? "error").toLowerCase();
}

/** A reverse proxy's error page (nginx style). */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Valid JSON that breaks the schema of the endpoint at `path`. */
export function wrongShapeBody(path: string, sampleEvents: readonly object[]): string {
  if (path === "/api/events" || path === "/api/events/audit") {
    const events = sampleEvents.slice(0, 5).map((e) => ({ ...e })) as Record<string, unknown>[];
    while (events.length < 3) {
      events.push({ id: String(events.length + 1), activity: "Peer added", activity_code: "peer.user.add", meta: {}, timestamp: "2026-01-01T00:00:00Z" });
    }
    delete (events[0] as Record<string, unknown>).timestamp;
    (events[1] as Record<string, unknown>).id = 12345;
    (events[2] as Record<string, unknown>).meta = ["not", "an", "object"];
    return JSON.stringify(events);
  }
  if (path.startsWith("/api/events/network-traffic")) {
    return JSON.stringify({ data: { flow_id: "not-an-array" }, page: "1", page_size: 10, total_records: 1 });
  }
  if (path.startsWith("/api/users/current")) {
    return JSON.stringify({ id: 42, email: null, role: "admin", status: "active" });
  }
  if (path.startsWith("/api/accounts")) {
    return JSON.stringify({ id: "not-an-array", settings: null });
  }
  return JSON.stringify({ unexpected: true });
}

export const NOT_JSON_BODY = "Service temporarily unavailable. Please try again later.\n";

/** About this many bytes for `body: "huge"`. */
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;

export interface HugeSamples {
  readonly auditEvents: readonly object[];
  /** Traffic records as JSON. */
  readonly trafficRecords: readonly string[];
  readonly user: object;
  readonly account: object;
}

/**
 * A ~50 MB valid response for `path`, as chunks: the audit array or a traffic page repeated with fresh IDs,
 * a user whose name is 50 MB, the account array repeated; other paths get a JSON array of long strings.
 */
export function hugeBodyChunks(path: string, samples: HugeSamples): Buffer[] {
  const chunks: Buffer[] = [];
  let size = 0;
  const push = (text: string): void => {
    const buffer = Buffer.from(text, "utf8");
    chunks.push(buffer);
    size += buffer.length;
  };
  if (path === "/api/events" || path === "/api/events/audit") {
    const events =
      samples.auditEvents.length > 0
        ? samples.auditEvents
        : [{ activity: "Peer added", activity_code: "peer.user.add", id: "1", initiator_email: "", initiator_id: "sys", initiator_name: "", meta: {}, target_id: "", timestamp: "2026-01-01T00:00:00Z" }];
    // Each sample split around its ID, so that every copy gets a fresh ID cheaply.
    const parts = events.map((event) => {
      const json = JSON.stringify({ ...event, id: "\u0000" });
      const at = json.indexOf('"\\u0000"');
      return [json.slice(0, at + 1), json.slice(at + 7)] as const;
    });
    push("[");
    let i = 0;
    while (size < HUGE_BODY_BYTES) {
      const batch: string[] = [];
      for (let k = 0; k < 1000; k++, i++) {
        const [before, after] = parts[i % parts.length] as readonly [string, string];
        batch.push(before + String(90_000_000 - i) + after);
      }
      push((i > 1000 ? "," : "") + batch.join(","));
    }
    push("]");
    return chunks;
  }
  if (path === "/api/events/network-traffic" && samples.trafficRecords.length > 0) {
    push('{"data":[');
    let n = 0;
    while (size < HUGE_BODY_BYTES) {
      const batch = Array.from({ length: 200 }, (_, k) => samples.trafficRecords[(n + k) % samples.trafficRecords.length] as string);
      push((n > 0 ? "," : "") + batch.join(","));
      n += batch.length;
    }
    push(`],"page":1,"page_size":${n},"total_pages":1,"total_records":${n}}\n`);
    return chunks;
  }
  if (path === "/api/users/current") {
    push(JSON.stringify({ ...samples.user, name: "n".repeat(HUGE_BODY_BYTES) }));
    return chunks;
  }
  if (path === "/api/accounts") {
    const account = JSON.stringify(samples.account);
    push("[");
    for (let i = 0; size < HUGE_BODY_BYTES; i++) push((i > 0 ? "," : "") + Array.from({ length: 1000 }, () => account).join(","));
    push("]");
    return chunks;
  }
  const line = JSON.stringify("x".repeat(1024 * 1024));
  push("[");
  for (let i = 0; size < HUGE_BODY_BYTES; i++) push((i > 0 ? "," : "") + line);
  push("]");
  return chunks;
}

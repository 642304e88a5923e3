// Small helpers for tests that talk to the NetBird simulator over real sockets.
import type { Simulator } from "../../../simulator/server";

/** A fixed "now" so data and timestamps are the same on every run. */
export const NOW = Date.parse("2026-08-20T12:00:00Z");

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = unknown>(): T;
}

export interface CallOptions {
  /** Sent as `Authorization: Token <token>`. */
  readonly token?: string;
  /** The raw Authorization header (wins over `token`). */
  readonly authorization?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export async function call(sim: Simulator | string, pathAndQuery: string, options: CallOptions = {}): Promise<Reply> {
  const base = typeof sim === "string" ? sim : sim.url;
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization ?? (options.token === undefined ? undefined : `Token ${options.token}`);
  if (authorization !== undefined) headers.authorization = authorization;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${pathAndQuery}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

/** `?a=1&b=2` from an object; undefined values are left out. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** µs since the epoch of an RFC 3339 timestamp with up to 9 fractional digits. */
export function micros(timestamp: string): number {
  const m = /^(.*?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(timestamp);
  if (!m) throw new Error(`not a timestamp: ${timestamp}`);
  return Date.parse(`${m[1]}${m[3]}`) * 1000 + Number((m[2] ?? "").padEnd(6, "0").slice(0, 6));
}

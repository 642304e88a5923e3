/** The simulator's request log: what each API request asked for, with credentials only as hashes. */
import type { IncomingMessage } from "node:http";
import { splitAuthorization } from "./auth";
import { sha256Hex } from "./pat";

export interface LoggedRequest {
  readonly requestId: string;
  /** Wall-clock ISO time the request arrived. */
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /** Each parameter's value; an array when it was repeated. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** `authorization` is `<scheme> sha256:<hex of the credential>`; the credential itself is never logged. */
  readonly headers: Readonly<{ authorization?: string; "user-agent"?: string; accept?: string }>;
  readonly auth?: { readonly scheme: string; readonly sha256: string };
  /** The response status once it is known; 0 when the connection was destroyed without a response. */
  status: number;
  /** Until the response finished (or the connection closed); 0 before. */
  durationMs: number;
}

/** A log entry for a request that has just arrived (status and duration are filled in later). */
export function newLogEntry(req: IncomingMessage, path: string, params: URLSearchParams, requestId: string): LoggedRequest {
  const headerValue = (name: "user-agent" | "accept"): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  };
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    // defineProperty: a parameter called `__proto__` must stay a plain key.
    Object.defineProperty(query, key, { value: values.length === 1 ? values[0] : values, enumerable: true, writable: true, configurable: true });
  }
  const rawAuth = req.headers.authorization;
  const parts = splitAuthorization(rawAuth);
  const scheme = parts?.scheme ?? rawAuth?.split(" ")[0] ?? "";
  const credentialHash = rawAuth === undefined ? "" : sha256Hex(parts?.credential ?? rawAuth.slice(scheme.length).trimStart());
  const userAgent = headerValue("user-agent");
  const accept = headerValue("accept");
  return {
    requestId,
    time: new Date().toISOString(),
    method: req.method ?? "GET",
    path,
    query,
    headers: {
      ...(rawAuth === undefined ? {} : { authorization: `${scheme} sha256:${credentialHash}` }),
      ...(userAgent === undefined ? {} : { "user-agent": userAgent }),
      ...(accept === undefined ? {} : { accept }),
    },
    ...(rawAuth === undefined ? {} : { auth: { scheme, sha256: credentialHash } }),
    status: 0,
    durationMs: 0,
  };
}

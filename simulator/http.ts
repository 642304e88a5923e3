/** Response helpers: bodies as NetBird's Go server writes them, and sending with the fault switches applied. */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { goJson } from "./goJson";
import { encodeXid } from "./random";

export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly chunks: readonly Buffer[];
}

export const JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

export function jsonResponse(status: number, body: string | Buffer, extraHeaders: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { "Content-Type": JSON_CONTENT_TYPE, ...extraHeaders },
    chunks: [typeof body === "string" ? Buffer.from(body, "utf8") : body],
  };
}

/** `{"message": "<lower-case>", "code": <status>}`, as `util.WriteError` writes it. */
export function errorResponse(status: number, message: string): SimResponse {
  return jsonResponse(status, goJson({ message: message.toLowerCase(), code: status }));
}

/** gorilla/mux's answer for a path it has no route for. */
export function notFoundText(): SimResponse {
  return {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    chunks: [Buffer.from("404 page not found\n", "utf8")],
  };
}

/** gorilla/mux's answer for a known path with another method: 405 and no body. */
export function methodNotAllowed(): SimResponse {
  return { status: 405, headers: {}, chunks: [] };
}

let requestCounter = randomBytes(3).readUIntBE(0, 3);
const machine = randomBytes(5);

/** A unique request ID in the `rs/xid` form NetBird uses (20 characters). */
export function newRequestId(): string {
  const seconds = Math.floor(Date.now() / 1000);
  requestCounter = (requestCounter + 1) & 0xffffff;
  const bytes = [
    (seconds >>> 24) & 0xff,
    (seconds >>> 16) & 0xff,
    (seconds >>> 8) & 0xff,
    seconds & 0xff,
    ...machine,
    (requestCounter >>> 16) & 0xff,
    (requestCounter >>> 8) & 0xff,
    requestCounter & 0xff,
  ];
  return encodeXid(bytes);
}

/**
 * Resolves when `arm`'s wake-up comes, or as soon as the response closes (the client gave up). `arm` starts the
 * wait and returns how to cancel it.
 */
export function waitUnlessClosed(res: ServerResponse, arm: (wake: () => void) => () => void): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    let disarm = (): void => undefined;
    const done = (): void => {
      disarm();
      res.off("close", done);
      resolve();
    };
    disarm = arm(done);
    res.on("close", done);
  });
}

/** Resolves after `ms`, or as soon as the response closes (the client gave up). */
export function sleepUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return waitUnlessClosed(res, (wake) => {
    const timer = setTimeout(wake, ms);
    return () => clearTimeout(timer);
  });
}

async function writeChunk(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
  return !res.destroyed;
}

function firstBytes(chunks: readonly Buffer[], count: number): Buffer[] {
  const out: Buffer[] = [];
  let left = count;
  for (const chunk of chunks) {
    if (left <= 0) break;
    out.push(chunk.length <= left ? chunk : chunk.subarray(0, left));
    left -= chunk.length;
  }
  return out;
}

export interface SendOptions {
  /** Send this many body bytes, then hang until the client closes the connection. */
  readonly stallAfterBytes?: number;
  /** Send half the body, then close the connection. */
  readonly truncate?: boolean;
}

/** Sends headers (with the full Content-Length) and the body, or part of it. */
export async function sendResponse(res: ServerResponse, response: SimResponse, options: SendOptions = {}): Promise<void> {
  const total = response.chunks.reduce((n, c) => n + c.length, 0);
  res.writeHead(response.status, { ...response.headers, "Content-Length": String(total) });
  if (options.stallAfterBytes !== undefined) {
    for (const chunk of firstBytes(response.chunks, options.stallAfterBytes)) {
      if (!(await writeChunk(res, chunk))) return;
    }
    res.flushHeaders();
    return; // never ends: the client (or Simulator.close) closes the connection
  }
  if (options.truncate) {
    for (const chunk of firstBytes(response.chunks, Math.floor(total / 2))) {
      if (!(await writeChunk(res, chunk))) return;
    }
    // Let the bytes leave, then cut the connection.
    const socket = res.socket;
    socket?.end();
    setTimeout(() => socket?.destroy(), 50).unref();
    return;
  }
  for (const chunk of response.chunks) {
    if (!(await writeChunk(res, chunk))) return;
  }
  res.end();
}

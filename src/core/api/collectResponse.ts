import { CancelledError } from "./errors";
import type { Dispatcher } from "./undiciParts";

/** Response headers by lower-case name. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A header's (first) value. */
export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A response read to its end: status, headers and the body as text. */
export interface CollectedResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
}

/** How much of a body to read, decided once the status and headers are known. */
export interface BodyLimit {
  readonly limit: number;
  /**
   * Keep the first `limit` bytes and settle then (error bodies, redirects), reading the rest to its end in the
   * background so the connection can serve the next request (up to DRAIN_BYTES more; a longer body closes it),
   * and settle with what arrived when the body fails midway. Without it, a body over `limit` fails with
   * `tooLarge()` before or while it arrives, and a body that fails midway fails the request.
   */
  readonly truncate: boolean;
}

interface CollectOptions {
  readonly signal?: AbortSignal;
  readonly limitFor: (status: number) => BodyLimit;
  readonly tooLarge: () => Error;
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** How much of a truncated body is read past its limit and thrown away, to keep the connection (as undici's dump). */
const DRAIN_BYTES = 128 * 1024;

/**
 * One request through undici's dispatch API with the body gathered straight from the HTTP parser's chunks.
 * undici's `request` hands them through a Readable stream first, which cost about 1 ms per 4 MB (an audit
 * refresh) in the extension host. Errors are undici's own (timeouts, resets, TLS), or the signal's abort.
 */
export function collectResponse(dispatcher: Dispatcher, request: Dispatcher.DispatchOptions, options: CollectOptions): Promise<CollectedResponse> {
  return new Promise<CollectedResponse>((resolve, reject) => {
    const { signal } = options;
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let headers: ResponseHeaders = {};
    let body: BodyLimit = { limit: 0, truncate: true };
    let total: number | undefined;
    const chunks: Buffer[] = [];
    // A whole body of announced length goes into one buffer of that size (made when its first bytes come) as it
    // arrives: no copy of the body at its end (Buffer.concat), and one copy fewer at the peak (about 55 MB for a
    // 50,000-row traffic page).
    let announced = 0;
    let whole: Buffer | undefined;
    let received = 0;
    let kept = 0;
    let settled = false;
    const text = () => (whole ? whole.toString("utf8", 0, kept) : Buffer.concat(chunks, kept).toString("utf8"));
    const finish = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve({ status, headers, text: text() });
    };
    const abort = (reason: Error) => {
      if (controller && !controller.aborted) controller.abort(reason);
    };
    const onAbort = () => {
      const reason = new CancelledError();
      abort(reason);
      finish(reason);
    };
    if (signal?.aborted) return reject(new CancelledError());
    signal?.addEventListener("abort", onAbort, { once: true });
    dispatcher.dispatch(request, {
      onRequestStart(start) {
        controller = start;
        if (settled) start.abort(new CancelledError());
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        if (statusCode < 200) return;
        status = statusCode;
        headers = responseHeaders;
        body = options.limitFor(statusCode);
        const length = header(responseHeaders, "content-length");
        total = length === undefined ? undefined : Number(length);
        if (!body.truncate && total !== undefined && total > body.limit) {
          const error = options.tooLarge();
          abort(error);
          finish(error);
        } else if (!body.truncate && total !== undefined && Number.isSafeInteger(total) && total > 0) {
          announced = total;
        }
      },
      onResponseData(_controller, chunk) {
        received += chunk.length;
        if (body.truncate) {
          const room = body.limit - kept;
          if (room > 0) {
            chunks.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
            kept += Math.min(room, chunk.length);
          }
          if (received >= body.limit) finish(undefined);
          if (received > body.limit + DRAIN_BYTES) abort(new Error("the rest of the body is not needed"));
          return;
        }
        if (settled) return;
        if (received > body.limit) {
          const error = options.tooLarge();
          abort(error);
          return finish(error);
        }
        if (announced > 0) {
          whole = Buffer.allocUnsafe(announced);
          announced = 0;
        }
        if (whole && received <= whole.length) chunk.copy(whole, kept);
        else {
          // More than announced (a guard: undici's parser ends the body at its Content-Length): gather the rest.
          if (whole) chunks.push(whole.subarray(0, kept));
          whole = undefined;
          chunks.push(chunk);
        }
        kept = received;
        options.onProgress?.(received, total);
      },
      onResponseEnd() {
        finish(undefined);
      },
      onResponseError(_controller, error) {
        // A body that fails after the status of an error response or redirect: what arrived is enough.
        finish(status !== 0 && body.truncate ? undefined : error);
      },
    });
  });
}

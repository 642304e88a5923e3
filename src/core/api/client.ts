import { randomInt } from "node:crypto";
import { createDispatcher, type ManagedDispatcher } from "./dispatcher";
import { collectResponse, header } from "./collectResponse";
import { ApiError, CancelledError, errorFromResponse, type Endpoint } from "./errors";
import { normalizeManagementUrl } from "./managementUrl";
import type { AuditEventList, CurrentUser, TrafficPage, TrafficQuery } from "./models";
import { networkError, errorCode } from "./networkErrors";
import { DIRECT_NETWORK, redactProxyUrl, type NetworkOptions } from "./networkOptions";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, RETRYABLE_NETWORK_CODES, RETRYABLE_STATUSES, sleep, type RetryPolicy } from "./retry";
import { trafficSearchParams } from "./trafficQuery";
import {
  checkAccounts,
  checkAuditEvents,
  checkCurrentUser,
  checkTrafficPage,
  malformed,
  ShapeError,
  type TrafficLoggingSettings,
} from "./validate";

/** Where the client writes what it does. Lines never contain the token. */
export interface ClientLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface NetBirdClientOptions {
  /** The management URL; refused before any request unless https (or http on loopback). */
  readonly managementUrl: string;
  /** MSP: the tenant account to read (`?account=`). */
  readonly account?: string;
  /** E.g. `NetBirdEvents-VSCode/0.1.0 (VS Code 1.95.0)`. */
  readonly userAgent: string;
  readonly network?: NetworkOptions;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly retry?: RetryPolicy;
  readonly logger?: ClientLogger;
  /** Largest response body accepted, in bytes (default 256 MiB). */
  readonly maxResponseBytes?: number;
  /** Source of randomness for backoff jitter (tests pass a fixed one). */
  readonly random?: () => number;
}

/** Per call: the token (never stored by the client), cancellation, and download progress. */
export interface RequestOptions {
  readonly token: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** Counters for keep-alive reuse and request accounting. */
export interface ClientStats {
  requests: number;
  attempts: number;
  connections: number;
  /** Requests started and not yet settled (for leak checks). */
  inFlight: number;
}

interface Raw {
  readonly value: unknown;
  readonly requestId: string | undefined;
  readonly status: number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * NetBird management API client over one pooled keep-alive undici dispatcher. vscode-free.
 * Covers `GET /api/events/audit`, `GET /api/events/network-traffic`, `GET /api/users/current` and
 * `GET /api/accounts`, with timeouts, bounded retries, cancellation, proxy/CA support and validation.
 */
export class NetBirdClient {
  readonly baseUrl: string;
  readonly stats: ClientStats = { requests: 0, attempts: 0, connections: 0, inFlight: 0 };
  private managedValue: ManagedDispatcher | undefined;
  private readonly options: NetBirdClientOptions;
  private readonly retry: RetryPolicy;
  private readonly network: NetworkOptions;

  constructor(options: NetBirdClientOptions) {
    this.options = options;
    this.baseUrl = normalizeManagementUrl(options.managementUrl);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.network = options.network ?? DIRECT_NETWORK;
    if (!this.network.strictSSL) {
      options.logger?.warn("[api] certificate checks are off (http.proxyStrictSSL is false)");
    }
  }

  /** All audit events the server returns (at most the newest 10,000), newest first as sent, with their times. */
  async listAuditEvents(req: RequestOptions): Promise<AuditEventList> {
    const raw = await this.getJson("audit", "/api/events/audit", new URLSearchParams(), req);
    return this.checked(raw, checkAuditEvents);
  }

  /** One 1-based page of traffic events. */
  async listTrafficEvents(query: TrafficQuery, req: RequestOptions): Promise<TrafficPage> {
    const raw = await this.getJson("traffic", "/api/events/network-traffic", trafficSearchParams(query), req);
    return this.checked(raw, checkTrafficPage);
  }

  /** The user the token belongs to (the token check at sign-in). */
  async getCurrentUser(req: RequestOptions): Promise<CurrentUser> {
    const raw = await this.getJson("currentUser", "/api/users/current", new URLSearchParams(), req);
    return this.checked(raw, checkCurrentUser);
  }

  /** Whether traffic logging is enabled on the account (undefined when the server does not say). */
  async getTrafficLoggingSettings(req: RequestOptions): Promise<TrafficLoggingSettings | undefined> {
    const raw = await this.getJson("accounts", "/api/accounts", new URLSearchParams(), req);
    const accounts = this.checked(raw, checkAccounts);
    return accounts[0];
  }

  async close(): Promise<void> {
    await this.managedValue?.close();
  }

  /**
   * The connection pool, made on the first request: creating it reads the OS certificate store (tens of
   * milliseconds), which would otherwise be paid on every activation and settings change.
   */
  private get managed(): ManagedDispatcher {
    if (!this.managedValue) {
      const managed = createDispatcher(this.baseUrl, this.network, this.options.env ?? {});
      managed.dispatcher.on("connect", () => {
        this.stats.connections++;
      });
      if (managed.proxy) this.options.logger?.debug(`[api] using proxy ${redactProxyUrl(managed.proxy)}`);
      this.managedValue = managed;
    }
    return this.managedValue;
  }

  /** Whether requests go through a proxy (settings or environment) rather than straight to the server. */
  get viaProxy(): boolean {
    return this.managed.proxy !== undefined;
  }

  /** The full URL of a request, as sent (for logs and tests; contains no secret). */
  urlFor(path: string, params: URLSearchParams): URL {
    const url = new URL(`${this.baseUrl}${path}`);
    params.forEach((value, key) => url.searchParams.append(key, value));
    if (this.options.account) url.searchParams.set("account", this.options.account);
    return url;
  }

  private checked<T>(raw: Raw, check: (value: unknown) => T): T {
    try {
      return check(raw.value);
    } catch (error) {
      if (error instanceof ShapeError) throw malformed(error.message, raw.requestId, raw.status);
      throw error;
    }
  }

  private async getJson(endpoint: Endpoint, path: string, params: URLSearchParams, req: RequestOptions): Promise<Raw> {
    this.stats.requests++;
    this.stats.inFlight++;
    try {
      return await this.getJsonWithRetries(endpoint, this.urlFor(path, params), req);
    } finally {
      this.stats.inFlight--;
    }
  }

  private async getJsonWithRetries(endpoint: Endpoint, url: URL, req: RequestOptions): Promise<Raw> {
    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(req.signal);
      this.stats.attempts++;
      const started = Date.now();
      let retryDelay: number | undefined;
      try {
        return await this.attempt(endpoint, url, req);
      } catch (error) {
        if (error instanceof CancelledError || req.signal?.aborted) throw new CancelledError();
        const apiError = error instanceof ApiError ? error : this.toNetworkError(error, url);
        const last = attempt >= this.retry.maxAttempts;
        retryDelay = last ? undefined : this.retryDelay(apiError, error, attempt);
        const took = Date.now() - started;
        this.options.logger?.debug(
          `[api] GET ${url.pathname}${url.search} failed after ${took} ms: ${apiError.kind}` +
            `${apiError.status ? ` HTTP ${apiError.status}` : ""}${apiError.requestId ? ` request-id=${apiError.requestId}` : ""}` +
            `${apiError.detail ? ` (${apiError.detail})` : ""}${retryDelay !== undefined ? `; retry ${attempt + 1}/${this.retry.maxAttempts} in ${retryDelay} ms` : ""}`,
        );
        if (retryDelay === undefined) throw apiError;
      }
      try {
        await sleep(retryDelay, req.signal);
      } catch {
        throw new CancelledError();
      }
    }
  }

  private retryDelay(apiError: ApiError, cause: unknown, attempt: number): number | undefined {
    const random = this.options.random ?? jitter;
    if (apiError.status !== undefined) {
      if (!RETRYABLE_STATUSES.has(apiError.status)) return undefined;
      if (apiError.retryAfterSeconds !== undefined) {
        const ms = apiError.retryAfterSeconds * 1000;
        return ms <= this.retry.maxRetryAfterMs ? Math.round(ms) : undefined;
      }
      return backoffDelay(attempt, this.retry, random);
    }
    const code = errorCode(cause);
    if (code && RETRYABLE_NETWORK_CODES.has(code)) return backoffDelay(attempt, this.retry, random);
    return undefined;
  }

  private toNetworkError(error: unknown, url: URL): ApiError {
    const timeoutSeconds = Math.round(
      Math.max(this.network.timeouts.connectMs, this.network.timeouts.headersMs, this.network.timeouts.bodyMs) / 1000,
    );
    return networkError(error, url, this.managedValue?.proxy, timeoutSeconds);
  }

  private async attempt(endpoint: Endpoint, url: URL, req: RequestOptions): Promise<Raw> {
    const started = Date.now();
    const maxBytes = this.options.maxResponseBytes ?? 256 * 1024 * 1024;
    // A cancelled request's error becomes a CancelledError in getJsonWithRetries.
    const { status, headers, text } = await collectResponse(
      this.managed.dispatcher,
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: {
          authorization: `Token ${req.token}`,
          accept: "application/json",
          "user-agent": this.options.userAgent,
        },
      },
      {
        signal: req.signal,
        // Nothing of a redirect's body is kept; of an error's, as much as its message can need.
        limitFor: (status) =>
          status >= 300 && status < 400 ? { limit: 0, truncate: true } : status >= 400 ? { limit: ERROR_BODY_LIMIT, truncate: true } : { limit: maxBytes, truncate: false },
        tooLarge: () => tooLarge(url, maxBytes),
        onProgress: req.onProgress,
      },
    );
    const requestId = header(headers, "x-request-id");
    const contentType = header(headers, "content-type") ?? "";
    if (status >= 300 && status < 400) {
      const location = header(headers, "location");
      throw new ApiError({
        kind: "redirect",
        status,
        requestId,
        userMessage: `The server redirected the request${location ? ` to ${safeLocation(location, url)}` : ""}. NetBird Events does not follow redirects, so the token is never sent elsewhere: set netbird.managementUrl to the final address.`,
      });
    }
    if (status >= 400) {
      throw errorFromResponse({
        endpoint,
        status,
        serverMessage: serverMessageOf(text),
        requestId,
        retryAfterSeconds: parseRetryAfter(header(headers, "retry-after"), Date.now()),
        origin: url.origin,
      });
    }
    this.options.logger?.debug(
      `[api] GET ${url.pathname}${url.search} ${status} ${text.length} chars in ${Date.now() - started} ms${requestId ? ` request-id=${requestId}` : ""}`,
    );
    if (!/json/i.test(contentType) && /^\s*</.test(text)) {
      throw malformed("the server sent a web page instead of JSON; a proxy or login page may be in the way", requestId, status);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const why = text.trim() === "" ? "the response was empty" : `the response is not valid JSON (${(error as Error).message}); it may have been cut off`;
      throw malformed(why, requestId, status);
    }
    // Let undici hand the socket back to the pool before the caller's next request (keep-alive reuse). After
    // the parse, not before it: a busy event loop would otherwise hold the parse back.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { value, requestId, status };
  }
}

/** A number in [0, 1) for backoff jitter. */
function jitter(): number {
  return randomInt(0, 1_000_000) / 1_000_000;
}

function tooLarge(url: URL, limit: number): ApiError {
  return new ApiError({
    kind: "malformedResponse",
    userMessage: `The response from ${url.host} is larger than ${Math.round(limit / 1024 / 1024)} MB and was not loaded. Use a smaller page size or narrower filters.`,
  });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** NetBird's `{"message": "...", "code": N}`; undefined for other bodies (e.g. plain-text 404). */
function serverMessageOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string") {
      return ((body as { message: string }).message).slice(0, 500);
    }
  } catch {
    // not JSON
  }
  return undefined;
}

function safeLocation(location: string, base: URL): string {
  try {
    const url = new URL(location, base);
    return `${url.origin}${url.pathname}`;
  } catch {
    return "another address";
  }
}

/**
 * The error taxonomy of the NetBird API service. Every failure a request can meet becomes an `ApiError`
 * with a `kind` (for code) and a `userMessage` (for people: what happened and what to do next).
 * A cancelled request becomes a `CancelledError`, which callers ignore instead of showing.
 */

export type ApiErrorKind =
  | "unauthorized"
  | "forbidden"
  | "notAvailable"
  | "notFound"
  | "invalidRequest"
  | "rateLimited"
  | "serverError"
  | "timeout"
  | "network"
  | "tls"
  | "proxy"
  | "malformedResponse"
  | "urlRefused"
  | "redirect";

export interface ApiErrorDetails {
  readonly kind: ApiErrorKind;
  readonly userMessage: string;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's own message (NetBird's `{"message": ...}`), when it sent one. */
  readonly serverMessage?: string;
  /** NetBird's `X-Request-Id` response header, when present. */
  readonly requestId?: string;
  /** Seconds the server asked to wait (Retry-After), when present. */
  readonly retryAfterSeconds?: number;
  /** A low-level cause (error code, parser message) for the log. Never contains the token. */
  readonly detail?: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly userMessage: string;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly detail: string | undefined;

  constructor(details: ApiErrorDetails) {
    super(withRequestId(details.userMessage, details.requestId));
    this.name = "ApiError";
    this.kind = details.kind;
    this.userMessage = details.userMessage;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.detail = details.detail;
  }

  /** True when signing in again is the fix (401, or NetBird's 404 "invalid token…"). */
  get isAuthError(): boolean {
    return this.kind === "unauthorized";
  }

  /** For the log: the message and the technical detail. */
  get logText(): string {
    return `${this.message}${this.detail ? ` (${this.detail})` : ""}`;
  }
}

/** Any error as an ApiError: an unexpected one becomes a malformed response carrying its text. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ kind: "malformedResponse", userMessage: String(error) });
}

/** A request stopped because its AbortSignal fired. Never shown to the user. */
export class CancelledError extends Error {
  constructor() {
    super("The request was cancelled.");
    this.name = "CancelledError";
  }
}

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}

function withRequestId(message: string, requestId: string | undefined): string {
  return requestId ? `${message} (request ID ${requestId})` : message;
}

/** The message to show for any error: ApiError's user message with its request ID, or a generic fallback. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

export type Endpoint = "audit" | "traffic" | "currentUser" | "accounts";

/** Maps an HTTP error response of NetBird to an ApiError. */
export function errorFromResponse(args: {
  endpoint: Endpoint;
  status: number;
  serverMessage: string | undefined;
  requestId: string | undefined;
  retryAfterSeconds: number | undefined;
  origin: string;
}): ApiError {
  const { endpoint, status, serverMessage, requestId, retryAfterSeconds } = args;
  const base = { status, serverMessage, requestId, retryAfterSeconds };
  const lower = (serverMessage ?? "").toLowerCase();
  if (status === 401 || (status === 404 && lower.startsWith("invalid token"))) {
    return new ApiError({
      ...base,
      kind: "unauthorized",
      userMessage:
        "NetBird rejected the access token: it is invalid, expired or was deleted. Sign in again with a valid personal access token.",
    });
  }
  if (status === 403) {
    let userMessage =
      "Your NetBird role cannot read events. Ask an account owner or admin for the auditor, admin or network admin role, or sign in with a service user's token.";
    if (lower.includes("blocked")) {
      userMessage = "Your NetBird user is blocked. Ask an account owner or admin to unblock it, then retry.";
    } else if (lower.includes("pending approval")) {
      userMessage = "Your NetBird user is pending approval. Ask an account owner or admin to approve it, then retry.";
    }
    return new ApiError({ ...base, kind: "forbidden", userMessage });
  }
  if (status === 404 && endpoint === "traffic") {
    return new ApiError({
      ...base,
      kind: "notAvailable",
      userMessage:
        "Traffic events are not available on this server. They exist on NetBird Cloud (Business plan) and on licensed self-hosted Enterprise servers with traffic events enabled; the open-source management server does not have them.",
    });
  }
  if (status === 404) {
    return new ApiError({
      ...base,
      kind: "notFound",
      userMessage: `${args.origin} has no NetBird events API (HTTP 404). Check the management URL (setting netbird.managementUrl).`,
    });
  }
  if (status === 400 || status === 422) {
    const reason = serverMessage ? `: ${serverMessage}` : "";
    return new ApiError({
      ...base,
      kind: "invalidRequest",
      userMessage: `NetBird refused the request${reason}. Check the filter values and try again.`,
    });
  }
  if (status === 429) {
    const wait = retryAfterSeconds !== undefined ? `Wait ${Math.ceil(retryAfterSeconds)} s` : "Wait a minute";
    return new ApiError({
      ...base,
      kind: "rateLimited",
      userMessage: `NetBird's rate limit was reached (NetBird Cloud allows 120 requests per minute per token). ${wait}, then retry.`,
    });
  }
  if (status >= 500) {
    return new ApiError({
      ...base,
      kind: "serverError",
      userMessage: `The NetBird server failed to answer (HTTP ${status}). Retry in a moment; if it keeps failing, check the server's status.`,
    });
  }
  return new ApiError({
    ...base,
    kind: "malformedResponse",
    userMessage: `The NetBird server answered with an unexpected HTTP ${status}. Check the management URL (setting netbird.managementUrl).`,
  });
}

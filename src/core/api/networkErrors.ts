import { ApiError } from "./errors";

/** Reads the most specific error code from an error or its causes (undici and Node nest them). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR" && code !== "UND_ERR_ABORTED") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REVOKED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

/** Maps a failure to reach the server (no HTTP response) to an ApiError that says what to check. */
export function networkError(error: unknown, target: URL, proxy: string | undefined, timeoutSeconds: number): ApiError {
  const code = errorCode(error);
  const host = target.host;
  const message = error instanceof Error ? error.message : String(error);
  const detail = code ? `${code}: ${message}` : message;
  const via = proxy ? " or the proxy (setting http.proxy)" : "";
  const proxyRefusal = /Proxy response \((\d+)\)/.exec(message);
  if (proxyRefusal) {
    return new ApiError({
      kind: "proxy",
      detail,
      userMessage: `The proxy refused to connect to ${host} (HTTP ${proxyRefusal[1]}). Check the proxy settings (http.proxy, http.proxyAuthorization, http.noProxy) or ask your network administrator to allow ${host}.`,
    });
  }
  if (code && TLS_CODES.has(code)) {
    const reason =
      code === "ERR_TLS_CERT_ALTNAME_INVALID"
        ? "its certificate is for another host name"
        : code === "CERT_HAS_EXPIRED"
          ? "its certificate has expired"
          : code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "EPROTO"
            ? "it does not speak TLS on this port (is it http rather than https?)"
            : "its certificate is not signed by a trusted authority";
    return new ApiError({
      kind: "tls",
      detail,
      userMessage: `Cannot open a secure connection to ${host}: ${reason}. If your server uses a private certificate authority, add its PEM file to the setting netbird.http.caCertificates; otherwise check the management URL.`,
    });
  }
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
    case "ETIMEDOUT": {
      const phase =
        code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT"
          ? "did not accept a connection"
          : code === "UND_ERR_HEADERS_TIMEOUT"
            ? "did not answer"
            : "stopped sending its response";
      return new ApiError({
        kind: "timeout",
        detail,
        userMessage: `${host} ${phase} within ${timeoutSeconds} s. Check the management URL, your network, VPN${via}, then retry.`,
      });
    }
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ApiError({
        kind: "network",
        detail,
        userMessage: `Cannot find the host ${target.hostname} (DNS lookup failed). Check the management URL (setting netbird.managementUrl), your DNS and VPN${via}.`,
      });
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
    case "ECONNRESET":
    case "EPIPE":
      return new ApiError({
        kind: "network",
        detail,
        userMessage: `The connection to ${host} was closed before the response was complete. Retry; if it keeps happening, check your network${via} and the server.`,
      });
    case "ECONNREFUSED":
      return new ApiError({
        kind: "network",
        detail,
        userMessage: `${proxy ? "The proxy" : host} refused the connection. Check that the NetBird management server is running and the URL (netbird.managementUrl)${via} is right.`,
      });
    default:
      return new ApiError({
        kind: "network",
        detail,
        userMessage: `The connection to ${host} failed (${code ?? message}). Check your network${via}, then retry.`,
      });
  }
}

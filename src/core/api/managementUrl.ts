import { ApiError } from "./errors";

export const DEFAULT_MANAGEMENT_URL = "https://api.netbird.io";

/**
 * Parses and normalises a management URL, refusing unsafe ones before any request is made:
 * it must be https, except on loopback hosts (127.0.0.0/8, localhost, [::1]) where http is allowed.
 * Credentials, query and fragment are refused; a trailing `/` or `/api` is dropped.
 * Returns the origin plus any path prefix, without a trailing slash (e.g. `https://nb.example.com/mgmt`).
 */
export function normalizeManagementUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused(`"${text}" is not a valid URL. Set netbird.managementUrl to an address like ${DEFAULT_MANAGEMENT_URL}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw refused(`The management URL must start with https:// (got ${url.protocol}//).`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw refused(
      `Plain http is refused for ${url.hostname}: the access token would travel unencrypted. Use https:// (http is allowed only for localhost).`,
    );
  }
  if (url.username || url.password) {
    throw refused("The management URL must not contain a user name or password.");
  }
  if (url.search || url.hash) {
    throw refused("The management URL must not contain a query (?…) or fragment (#…).");
  }
  let path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith("/api")) path = path.slice(0, -4);
  return `${url.protocol}//${url.host}${path}`;
}

/** True for 127.0.0.0/8, ::1 and localhost (including `*.localhost`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || isLoopbackAddress(host);
}

/** True for a loopback address written out (127.0.0.0/8, ::1, ::ffff:127.x.x.x), not for a name. */
export function isLoopbackAddress(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return Number(v4[1]) === 127 && v4.slice(1).every((p) => Number(p) <= 255);
  const mapped = /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(host);
  return mapped !== null;
}

function refused(message: string): ApiError {
  return new ApiError({ kind: "urlRefused", userMessage: message });
}

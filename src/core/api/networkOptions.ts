/**
 * Network options of the API service, as plain data. The VS Code adapter fills them from the settings
 * `http.proxy`, `http.noProxy`, `http.proxyStrictSSL`, `http.proxySupport`, `http.proxyAuthorization`,
 * `http.systemCertificates`, `netbird.http.caCertificates` and the process environment.
 */
export interface NetworkOptions {
  /** VS Code's `http.proxySupport`: "off" disables every proxy (settings and environment). */
  readonly proxySupport: "off" | "on" | "fallback" | "override";
  /** VS Code's `http.proxy`; empty = use the environment's HTTPS_PROXY/HTTP_PROXY. */
  readonly proxy: string;
  /** VS Code's `http.proxyAuthorization`: the Proxy-Authorization header value. */
  readonly proxyAuthorization: string | undefined;
  /** VS Code's `http.noProxy` plus the environment's NO_PROXY entries. */
  readonly noProxy: readonly string[];
  /** VS Code's `http.proxyStrictSSL`: false skips certificate checks (not recommended). */
  readonly strictSSL: boolean;
  /** VS Code's `http.systemCertificates`: also trust the operating system's roots when Node can read them. */
  readonly systemCertificates: boolean;
  /** PEM texts of extra CAs (`netbird.http.caCertificates` files and NODE_EXTRA_CA_CERTS). */
  readonly extraCaPems: readonly string[];
  readonly timeouts: Timeouts;
}

export interface Timeouts {
  /** TCP + TLS connect. */
  readonly connectMs: number;
  /** From request sent to response headers received. */
  readonly headersMs: number;
  /** Longest silence while the body streams. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export const DIRECT_NETWORK: NetworkOptions = {
  proxySupport: "off",
  proxy: "",
  proxyAuthorization: undefined,
  noProxy: [],
  strictSSL: true,
  systemCertificates: false,
  extraCaPems: [],
  timeouts: DEFAULT_TIMEOUTS,
};

type Env = Readonly<Record<string, string | undefined>>;

/** The proxy URL to use for `target`, or undefined to connect directly. Same rules as VS Code's. */
export function proxyFor(target: URL, options: NetworkOptions, env: Env): string | undefined {
  if (options.proxySupport === "off") return undefined;
  const fromEnv =
    target.protocol === "https:"
      ? env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY
      : env.http_proxy || env.HTTP_PROXY;
  const proxy = options.proxy.trim() || fromEnv?.trim();
  if (!proxy) return undefined;
  if (bypassesProxy(target, options.noProxy)) return undefined;
  return proxy;
}

/** NO_PROXY matching: `*`, exact host, domain suffix (`example.com` or `.example.com` or `*.example.com`), optional `:port`. */
export function bypassesProxy(target: URL, noProxy: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    let entryPort: string | undefined;
    const portMatch = /^(.*[^:]):(\d+)$/.exec(entry);
    if (portMatch && !entry.includes("]") && (entry.match(/:/g) ?? []).length === 1) {
      entry = portMatch[1] ?? entry;
      entryPort = portMatch[2];
    }
    entry = entry.replace(/^\[|\]$/g, "").replace(/^\*?\./, "");
    if (entryPort && entryPort !== port) continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** Splits a NO_PROXY-style value ("a.com, .b.org  c") into entries. */
export function splitNoProxy(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter((s) => s.length > 0);
}

/** Shows a proxy URL without its credentials, for logs and messages. */
export function redactProxyUrl(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = "****";
      url.password = "";
    }
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(invalid proxy URL)";
  }
}

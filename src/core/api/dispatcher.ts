import * as tls from "node:tls";
import type { Dispatcher } from "./undiciParts";
import { proxyFor, type NetworkOptions } from "./networkOptions";

/** One pooled keep-alive dispatcher for the management URL: direct, or through an HTTP(S) proxy (CONNECT). */
export interface ManagedDispatcher {
  readonly dispatcher: Dispatcher;
  /** The proxy in use (credentials removed by the caller before logging), if any. */
  readonly proxy: string | undefined;
  close(): Promise<void>;
}

/**
 * The CA list for TLS: Node's bundled roots, the OS roots when asked for and Node can read them, and the
 * extra PEMs. Returns undefined when nothing is added, so Node keeps its defaults.
 */
export function caList(options: NetworkOptions): string[] | undefined {
  const extra = options.extraCaPems.filter((p) => p.trim().length > 0);
  const getCa = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  const system = options.systemCertificates && typeof getCa === "function" ? safe(() => getCa("system")) : [];
  if (extra.length === 0 && system.length === 0) return undefined;
  return [...tls.rootCertificates, ...system, ...extra];
}

function safe(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}

export function createDispatcher(
  baseUrl: string,
  options: NetworkOptions,
  env: Readonly<Record<string, string | undefined>>,
): ManagedDispatcher {
  // undici (most of the bundle) is evaluated on the first request, not when the extension activates.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Agent, ProxyAgent } = require("./undiciParts") as typeof import("./undiciParts");
  const target = new URL(baseUrl);
  const ca = caList(options);
  const tlsOptions = { ...(ca ? { ca } : {}), rejectUnauthorized: options.strictSSL };
  const common = {
    connections: 8,
    keepAliveTimeout: 30_000,
    headersTimeout: options.timeouts.headersMs,
    bodyTimeout: options.timeouts.bodyMs,
  };
  const proxy = proxyFor(target, options, env);
  const dispatcher: Dispatcher = proxy
    ? new ProxyAgent({
        ...common,
        uri: proxy,
        ...(options.proxyAuthorization ? { token: options.proxyAuthorization } : {}),
        requestTls: { ...tlsOptions, timeout: options.timeouts.connectMs },
        proxyTls: { ...tlsOptions, timeout: options.timeouts.connectMs },
        connect: { timeout: options.timeouts.connectMs },
      })
    : new Agent({ ...common, connect: { ...tlsOptions, timeout: options.timeouts.connectMs } });
  return {
    dispatcher,
    proxy,
    close: () => dispatcher.close().catch(() => undefined),
  };
}

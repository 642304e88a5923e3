/**
 * The NetBird simulator: a real HTTP server on 127.0.0.1 that serves NetBird's events API with the real
 * server's semantics (auth, roles, errors, ordering, the 10,000 cap, traffic paging and filters, MSP accounts)
 * over deterministic data, plus fault switches and a request log for tests. See simulator/README.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, canReadEvents, validateUser } from "./auth";
import { handleControl, type SimulatorControls } from "./controlRoutes";
import { accountJson, buildDataset, currentUserJson, DATASET_KINDS, type Dataset, type DatasetKind, type DatasetOptions } from "./dataset";
import { faultMatches, faultMessage, htmlErrorPage, hugeBodyChunks, NOT_JSON_BODY, wrongShapeBody, type ActiveFault, type Fault } from "./faults";
import { goJson } from "./goJson";
import {
  errorResponse,
  JSON_CONTENT_TYPE,
  jsonResponse,
  methodNotAllowed,
  newRequestId,
  notFoundText,
  sendResponse,
  sleepUnlessClosed,
  waitUnlessClosed,
  type SimResponse,
} from "./http";
import { newLogEntry, type LoggedRequest } from "./requestLog";
import { TOKEN_DESCRIPTIONS, TOKENS, type TokenRole } from "./tokens";
import { parseTrafficQuery, trafficPageBody } from "./trafficQuery";

export { HOSTILE_HUGE_STRING, HOSTILE_STRINGS } from "./hostile";
export { makePat } from "./pat";
export { DEMO_TOKEN, INVALID_TOKENS, TOKEN_DESCRIPTIONS, TOKEN_ROLES, TOKENS, type TokenRole } from "./tokens";
export type { Dataset, DatasetKind } from "./dataset";
export type { Fault, FaultBody } from "./faults";
export type { LoggedRequest } from "./requestLog";

export interface SimulatorOptions {
  /** Port to bind on 127.0.0.1; default: a free one. */
  readonly port?: number;
  /** PRNG seed; default 1. Same seed and `now` give byte-identical responses. */
  readonly seed?: number;
  /** Epoch ms every timestamp is relative to; default Date.now(). */
  readonly now?: number;
  /** Stored audit events; default 3000 (the API returns the newest 10,000). */
  readonly auditCount?: number;
  /** Traffic flow records; default 20000. */
  readonly trafficCount?: number;
  /** False: the traffic route does not exist (open-source server): plain-text 404 without an auth check. */
  readonly trafficAvailable?: boolean;
  /** False: no flows, and `GET /api/accounts` says `network_traffic_logs_enabled: false`. */
  readonly trafficLoggingEnabled?: boolean;
  /** False: byte and packet counters are 0 (`network_traffic_packet_counter_enabled: false`). */
  readonly packetCounterEnabled?: boolean;
  /** Default `realistic`. */
  readonly dataset?: DatasetKind;
  /** Added before every API response. */
  readonly latencyMs?: number;
  /** Per-token token bucket: 429 `too many requests` (no Retry-After) when empty. */
  readonly rateLimit?: { readonly perMinute: number; readonly burst: number };
  /** The MSP tenant served for `?account=<id>`; default CHILD_ACCOUNT_ID. */
  readonly childAccountId?: string;
  /** Called when an API request's response has finished (or the connection closed). */
  readonly onRequest?: (request: LoggedRequest) => void;
}

export const CHILD_ACCOUNT_ID = "d2msp0chi1d0acct0001";

export interface DatasetSwitch {
  readonly dataset?: DatasetKind;
  readonly auditCount?: number;
  readonly trafficCount?: number;
  readonly trafficAvailable?: boolean;
  readonly trafficLoggingEnabled?: boolean;
  readonly packetCounterEnabled?: boolean;
  readonly seed?: number;
  readonly now?: number;
}

export interface SimulatorInfo {
  readonly url: string;
  readonly port: number;
  readonly dataset: DatasetKind;
  readonly seed: number;
  readonly now: number;
  readonly accountId: string;
  readonly childAccountId: string;
  readonly tokens: Readonly<Record<TokenRole, string>>;
  readonly tokenDescriptions: Readonly<Record<TokenRole, string>>;
  readonly counts: { readonly audit: number; readonly auditServed: number; readonly traffic: number; readonly childAudit: number; readonly childTraffic: number };
  readonly trafficAvailable: boolean;
  readonly trafficLoggingEnabled: boolean;
  readonly packetCounterEnabled: boolean;
  readonly faults: readonly Fault[];
}

export interface Simulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly tokens: Readonly<Record<TokenRole, string>>;
  /** The signed-in account's current dataset. */
  readonly dataset: Dataset;
  /** The MSP tenant's dataset (`?account=<childAccountId>`). */
  readonly childDataset: Dataset;
  readonly childAccountId: string;
  /** API requests so far, oldest first (control routes are not logged). */
  readonly requests: readonly LoggedRequest[];
  /** Replaces the fault list. */
  setFaults(faults: readonly Fault[]): void;
  clearFaults(): void;
  resetLog(): void;
  /** Rebuilds the data; options not given keep their current values. */
  setDataset(change: DatasetSwitch): void;
  info(): SimulatorInfo;
  close(): Promise<void>;
}

const API_ROUTES = new Set(["/api/events", "/api/events/audit", "/api/events/network-traffic", "/api/users/current", "/api/accounts"]);
const CHILD_AUDIT_COUNT = 60;
const CHILD_TRAFFIC_COUNT = 300;

/** The data a simulator started with `options` serves, defaults filled in (also what `setDataset` takes). */
export function datasetOptions(options: SimulatorOptions): Required<DatasetSwitch> {
  return {
    dataset: options.dataset ?? "realistic",
    seed: options.seed ?? 1,
    now: options.now ?? Date.now(),
    auditCount: options.auditCount ?? 3000,
    trafficCount: options.trafficCount ?? 20_000,
    trafficAvailable: options.trafficAvailable ?? true,
    trafficLoggingEnabled: options.trafficLoggingEnabled ?? true,
    packetCounterEnabled: options.packetCounterEnabled ?? true,
  };
}

function checkedDataset(settings: Required<DatasetSwitch>): Required<DatasetSwitch> {
  if (!DATASET_KINDS.includes(settings.dataset)) throw new Error(`unknown dataset ${String(settings.dataset)}`);
  return settings;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const settings = checkedDataset(datasetOptions(options));
  const childAccountId = options.childAccountId ?? CHILD_ACCOUNT_ID;
  let main!: Dataset;
  let childCache: Dataset | undefined;
  const rebuild = (): void => {
    main = buildDataset({ ...datasetCommon(), seed: settings.seed, auditCount: settings.auditCount, trafficCount: settings.trafficCount, variant: "main" });
    childCache = undefined;
  };
  const datasetCommon = (): Pick<DatasetOptions, "kind" | "nowMs" | "trafficLoggingEnabled" | "packetCounterEnabled"> => ({
    kind: settings.dataset,
    nowMs: settings.now,
    trafficLoggingEnabled: settings.trafficLoggingEnabled,
    packetCounterEnabled: settings.packetCounterEnabled,
  });
  /** The MSP tenant's data, built on first use. */
  const child = (): Dataset =>
    (childCache ??= buildDataset({
      ...datasetCommon(),
      seed: (settings.seed + 0x9e3779b9) >>> 0,
      auditCount: Math.min(CHILD_AUDIT_COUNT, settings.auditCount),
      trafficCount: Math.min(CHILD_TRAFFIC_COUNT, settings.trafficCount),
      variant: "child",
      accountId: childAccountId,
    }));
  rebuild();

  let faults: ActiveFault[] = [];
  let log: LoggedRequest[] = [];
  const buckets = new Map<string, { tokens: number; last: number }>();
  let url = "";
  let port = 0;

  const takeFault = (method: string, path: string, params: URLSearchParams): Fault | undefined => {
    const active = faults.find((f) => f.remaining > 0 && faultMatches(f.fault, method, path, params));
    if (!active) return undefined;
    active.remaining--;
    faults = faults.filter((f) => f.remaining > 0);
    return active.fault;
  };

  const rateLimited = (token: string): boolean => {
    const limit = options.rateLimit;
    if (!limit) return false;
    const now = Date.now();
    const bucket = buckets.get(token) ?? { tokens: limit.burst, last: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.last) * limit.perMinute) / 60_000);
    bucket.last = now;
    buckets.set(token, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  };

  const info = (): SimulatorInfo => ({
    url,
    port,
    dataset: settings.dataset,
    seed: settings.seed,
    now: settings.now,
    accountId: main.world.account.id,
    childAccountId,
    tokens: TOKENS,
    tokenDescriptions: TOKEN_DESCRIPTIONS,
    counts: {
      audit: main.auditAll.length,
      auditServed: main.auditServed.length,
      traffic: main.traffic.length,
      childAudit: child().auditAll.length,
      childTraffic: child().traffic.length,
    },
    trafficAvailable: settings.trafficAvailable,
    trafficLoggingEnabled: settings.trafficLoggingEnabled,
    packetCounterEnabled: settings.packetCounterEnabled,
    faults: faults.map((f) => ({ ...f.fault, ...(f.fault.times === undefined ? {} : { times: f.remaining }) })),
  });

  /** Requests held by a `hold` fault: each is let go when the faults are next set or cleared. */
  let held: (() => void)[] = [];
  const setFaults = (list: readonly Fault[]): void => {
    faults = list.map((fault) => ({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
    const release = held;
    held = [];
    for (const letGo of release) letGo();
  };
  const holdUntilReleased = (res: ServerResponse): Promise<void> =>
    waitUnlessClosed(res, (wake) => {
      held.push(wake);
      return () => {
        held = held.filter((w) => w !== wake);
      };
    });

  const setDataset = (change: DatasetSwitch): void => {
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    Object.assign(settings, checkedDataset({ ...settings, ...given }));
    rebuild();
  };

  /** The API proper: routing, auth, MSP account, rate limit, permissions, handlers. */
  const route = (req: IncomingMessage, path: string, params: URLSearchParams): SimResponse => {
    const known = API_ROUTES.has(path) && (path !== "/api/events/network-traffic" || settings.trafficAvailable);
    if (!known) return notFoundText();
    if (req.method !== "GET") return methodNotAllowed();
    const auth = authenticate(req.headers.authorization, main.world);
    if (!auth.ok) return errorResponse(auth.status, auth.message);
    let dataset = main;
    const account = params.get("account");
    if (account !== null && account !== "" && account !== main.world.account.id) {
      if (account !== childAccountId) return errorResponse(403, "permission denied");
      dataset = child();
    }
    if (rateLimited(auth.token)) return errorResponse(429, "too many requests");
    const invalidUser = validateUser(auth.user);
    if (invalidUser) return errorResponse(invalidUser.status, invalidUser.message);
    switch (path) {
      case "/api/users/current":
        return jsonResponse(200, goJson(currentUserJson(main, auth.user)));
      case "/api/accounts":
        return jsonResponse(200, goJson([accountJson(dataset)]));
      default:
        break;
    }
    if (!canReadEvents(auth.user)) return errorResponse(403, "permission denied");
    if (path === "/api/events" || path === "/api/events/audit") {
      return jsonResponse(200, dataset.auditBody);
    }
    const parsed = parseTrafficQuery(params);
    if (!parsed.ok) return errorResponse(422, parsed.message);
    return jsonResponse(200, trafficPageBody(dataset.traffic, parsed.query));
  };

  const faultResponse = (fault: Fault, path: string): SimResponse | undefined => {
    const sampleFlows = (): string[] => main.traffic.slice(0, 500).map((row) => row.json());
    switch (fault.body) {
      case "html": {
        const status = fault.status ?? 502;
        return { status, headers: { "Content-Type": "text/html" }, chunks: [Buffer.from(htmlErrorPage(status), "utf8")] };
      }
      case "wrong-shape":
        return jsonResponse(fault.status ?? 200, `${wrongShapeBody(path, main.auditServed)}\n`);
      case "not-json":
        return jsonResponse(fault.status ?? 200, NOT_JSON_BODY);
      case "huge":
        return {
          status: fault.status ?? 200,
          headers: { "Content-Type": JSON_CONTENT_TYPE },
          chunks: hugeBodyChunks(path, {
            auditEvents: main.auditServed.slice(0, 200),
            trafficRecords: sampleFlows(),
            user: currentUserJson(main, main.world.personas.owner),
            account: accountJson(main),
          }),
        };
      default:
        break;
    }
    if (fault.status !== undefined) {
      return errorResponse(fault.status, fault.message ?? faultMessage(fault.status));
    }
    return undefined;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams): Promise<void> => {
    const started = process.hrtime.bigint();
    const entry = newLogEntry(req, path, params, String(res.getHeader("X-Request-Id")));
    log.push(entry);
    let reported = false;
    const report = (): void => {
      if (reported) return;
      reported = true;
      if (entry.status === 0 && res.headersSent) entry.status = res.statusCode;
      entry.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      options.onRequest?.(entry);
    };
    res.on("finish", report);
    res.on("close", report);

    const fault = takeFault(entry.method, path, params);
    await sleepUnlessClosed((fault?.delayMs ?? 0) + (options.latencyMs ?? 0), res);
    if (fault?.hold) await holdUntilReleased(res);
    if (res.destroyed) return;
    if (fault?.destroy) {
      req.socket.destroy();
      return;
    }
    const response = (fault && faultResponse(fault, path)) ?? route(req, path, params);
    entry.status = response.status;
    const withRetryAfter = fault?.retryAfter === undefined ? response : { ...response, headers: { ...response.headers, "Retry-After": fault.retryAfter } };
    await sendResponse(res, withRetryAfter, { stallAfterBytes: fault?.stallAfterBytes, truncate: fault?.truncate });
  };

  const controls: SimulatorControls = {
    info,
    faults: () => info().faults,
    setFaults,
    requests: () => log,
    clearRequests: () => {
      log = [];
    },
    setDataset,
  };

  const server = createServer((req, res) => {
    res.setHeader("X-Request-Id", newRequestId());
    const parsedUrl = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = parsedUrl.pathname;
    const work = path.startsWith("/__simulator/")
      ? handleControl(req, path, controls).then(
          (response) => sendResponse(res, response),
          (error: unknown) => sendResponse(res, errorResponse(400, error instanceof Error ? error.message : "bad request")),
        )
      : handleApi(req, res, path, parsedUrl.searchParams);
    work.catch(() => {
      if (!res.headersSent) {
        void sendResponse(res, errorResponse(500, "internal server error")).catch(() => res.destroy());
      } else {
        res.destroy();
      }
    });
  });
  // Let stalled responses hang for as long as the client waits.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    tokens: TOKENS,
    get dataset() {
      return main;
    },
    get childDataset() {
      return child();
    },
    childAccountId,
    get requests() {
      return [...log];
    },
    setFaults,
    clearFaults: () => setFaults([]),
    resetLog: () => {
      log = [];
    },
    setDataset,
    info,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

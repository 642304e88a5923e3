// Loopback-only helpers for the reliability suites, running inside the extension host: servers in front of
// the simulator (TCP and HTTP), a second simulator as "another host", a DNS lookup hook, a GC handle, and
// the stubs/recording the fault tests share. Nothing here contacts a non-loopback address.
import * as assert from "node:assert/strict";
// The default import is the module object itself (an `import * as` namespace is a copy whose `lookup` cannot be replaced).
import dns from "node:dns";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import * as vscode from "vscode";
import type { NetBirdEventsApi } from "../../../src/testApi";
import { startSimulator, type Simulator } from "../../../simulator/server";
import { token } from "../env";
import { collectGarbage } from "../../support/gc";
import { extension, setSetting, sleep, waitFor } from "../helpers";
import { api, WindowStubs } from "../netbird";

// ── servers ──────────────────────────────────────────────────────────────────────────────────────────────

export type TcpFrontMode = "forward" | "silent" | "down";

/** A TCP port on 127.0.0.1 in front of another: forwards, accepts and says nothing, or is closed (refused). */
export interface TcpFront {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: () => number;
  /** Switches mode; open connections are cut, so no kept-alive socket survives a switch. */
  setMode(mode: TcpFrontMode): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpFront(targetPort: number): Promise<TcpFront> {
  let mode: TcpFrontMode = "forward";
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  };
  const server = net.createServer((client) => {
    accepted++;
    track(client);
    if (mode !== "forward") return; // silent: hold the socket, never answer
    const upstream = net.connect(targetPort, "127.0.0.1");
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port,
    accepted: () => accepted,
    async setMode(next) {
      for (const s of sockets) s.destroy();
      if (next === "down" && server.listening) await stop();
      if (next !== "down" && !server.listening) await listen(port);
      mode = next;
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await stop();
    },
  };
}

export interface FrontAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** An HTTP server on 127.0.0.1 that forwards to `target` unless `answer` returns its own response. */
export interface HttpFront {
  readonly url: string;
  readonly requests: { method: string; path: string; withCredential: boolean }[];
  answer: ((req: http.IncomingMessage, path: string) => Promise<FrontAnswer | undefined>) | undefined;
  close(): Promise<void>;
}

export async function startHttpFront(target: string): Promise<HttpFront> {
  const origin = new URL(target);
  const front: HttpFront = {
    url: "",
    requests: [],
    answer: undefined,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    front.requests.push({ method: req.method ?? "GET", path: pathname, withCredential: req.headers.authorization !== undefined });
    void (async () => {
      const own = await front.answer?.(req, pathname);
      if (own) {
        res.writeHead(own.status, own.headers ?? {});
        res.end(own.body ?? "");
        return;
      }
      const upstream = http.request({ host: origin.hostname, port: origin.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(front, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return front;
}

/** A second, small NetBird simulator on its own port: "another host". */
export function startOtherSimulator(): Promise<Simulator> {
  return startSimulator({ seed: 77, auditCount: 40, trafficCount: 60 });
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ── DNS ──────────────────────────────────────────────────────────────────────────────────────────────────

type LookupCallback = (error: NodeJS.ErrnoException | null, address?: string | dns.LookupAddress[], family?: number) => void;

/**
 * Replaces `dns.lookup` of this process (the extension host: Node's net/tls, and so undici, call it for every
 * host name) for the names in `answers`: an IPv4 address, or an error code (ENOTFOUND, EAI_AGAIN) returned
 * without asking any resolver. Other names go to the real lookup. `lookups` lists every name asked for.
 */
export class DnsHook {
  readonly lookups: string[] = [];
  readonly answers = new Map<string, string>();
  private readonly original = dns.lookup;

  constructor() {
    const answers = this.answers;
    const lookups = this.lookups;
    const original = this.original;
    const hooked = function (this: unknown, hostname: string, options: unknown, callback?: LookupCallback): void {
      const cb = (typeof options === "function" ? options : callback) as LookupCallback;
      const opts = (typeof options === "object" && options !== null ? options : {}) as dns.LookupOptions;
      lookups.push(hostname);
      const answer = answers.get(hostname.toLowerCase());
      if (answer === undefined) {
        (original as (...args: unknown[]) => void).call(this, hostname, options, callback);
        return;
      }
      if (!net.isIPv4(answer)) {
        const error = Object.assign(new Error(`getaddrinfo ${answer} ${hostname}`), { code: answer, errno: answer === "ENOTFOUND" ? -3008 : -3001, syscall: "getaddrinfo", hostname });
        process.nextTick(cb, error);
        return;
      }
      if (opts.all) process.nextTick(cb, null, [{ address: answer, family: 4 }]);
      else process.nextTick(cb, null, answer, 4);
    };
    (dns as { lookup: unknown }).lookup = hooked;
  }

  count(hostname: string): number {
    return this.lookups.filter((h) => h.toLowerCase() === hostname.toLowerCase()).length;
  }

  restore(): void {
    (dns as { lookup: unknown }).lookup = this.original;
  }
}

// ── memory ───────────────────────────────────────────────────────────────────────────────────────────────

/** Two full garbage collections, then the heap in use. */
export function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

// ── the extension ────────────────────────────────────────────────────────────────────────────────────────

/** The repository (the extension under development), for results and fixtures. */
export function repoRoot(): string {
  return extension().extensionPath;
}

/** Stubs every window message and dialog so a test sees what the user would have seen. */
export function stubAllMessages(answers: { error?: (message: string) => unknown } = {}): WindowStubs {
  return new WindowStubs()
    .stub("showErrorMessage", async (m) => answers.error?.(String(m)))
    .stub("showWarningMessage", async () => undefined)
    .stub("showInformationMessage", async () => undefined)
    .stub("showInputBox", async () => undefined)
    .stub("showQuickPick", async () => undefined)
    .stub("showSaveDialog", async () => undefined);
}

/** Every show*Message call of a stub set, as "fn: message". */
export function notices(stubs: WindowStubs): string[] {
  return stubs.calls.filter((c) => /Message$/.test(c.fn)).map((c) => `${c.fn}: ${String(c.args[0])}`);
}

/**
 * Points `netbird.managementUrl` at `url` and waits until the session shows `expected` for it (signed out,
 * unless a token for `url` is stored). Returns the undo, which waits the same way for `back`.
 */
export async function useManagementUrl(url: string, expected: "signedIn" | "signedOut" = "signedOut"): Promise<(back?: "signedIn" | "signedOut") => Promise<void>> {
  const nb = await api();
  const settle = async (state: "signedIn" | "signedOut") => {
    await waitFor(() => nb.sessionState() === state && (state === "signedOut" || nb.signedInAs() !== undefined), { message: `the session did not become ${state}` });
    await sleep(100);
    await nb.auditIdle();
  };
  const undo = await setSetting("netbird.managementUrl", url);
  await settle(expected);
  return async (back = "signedOut") => {
    await undo();
    await settle(back);
  };
}

/** Signs in through the command with a named simulator token; returns every notification it showed. */
export async function signInWith(role: string, value = token(role)): Promise<{ notices: string[]; calls: WindowStubs["calls"] }> {
  const stubs = stubAllMessages();
  stubs.stub("showInputBox", async () => value);
  try {
    await vscode.commands.executeCommand("netbird.signIn");
  } finally {
    stubs.restore();
  }
  return { notices: notices(stubs), calls: stubs.calls };
}

/** Refreshes the audit events through the command, as the user does; returns what was shown. */
export async function refreshAs(nb: NetBirdEventsApi, answers: { error?: (message: string) => unknown } = {}): Promise<{ notices: string[]; errors: WindowStubs["calls"]; ms: number }> {
  const stubs = stubAllMessages(answers);
  const started = Date.now();
  try {
    await vscode.commands.executeCommand("netbird.audit.refresh");
    await nb.auditIdle();
  } finally {
    stubs.restore();
  }
  return { notices: notices(stubs), errors: stubs.calls.filter((c) => c.fn === "showErrorMessage"), ms: Date.now() - started };
}

/** Waits until no API request of the extension is in flight. */
export async function settled(nb: NetBirdEventsApi, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => nb.requestsInFlight() === 0, { timeoutMs, message: `${nb.requestsInFlight()} request(s) still in flight` });
}

/** Asserts that the last good audit list is still shown, marked stale, with the same filter result. */
export function assertKept(nb: NetBirdEventsApi, before: { total: number; shown: number }, errorPattern: RegExp): void {
  const state = nb.auditState();
  assert.equal(state.total, before.total, "the last good list stays");
  assert.equal(state.shown, before.shown, "the filter still applies");
  assert.equal(state.stale, true, "marked stale");
  assert.equal(state.state, "ready");
  assert.match(String(state.error), errorPattern);
}

/** Every file below `dir` (recursively), skipping files larger than `maxBytes`. */
export function filesBelow(dir: string, maxBytes = 64 * 1024 * 1024): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full, maxBytes));
    else if (entry.isFile() && fs.statSync(full).size <= maxBytes) out.push(full);
  }
  return out;
}

/** The forms a leaked token could take: itself, its secret part, and the JSON-escaped/URI-encoded forms. */
export function tokenForms(value: string): string[] {
  const secret = value.replace(/^nbp_/, "");
  return [...new Set([value, secret.slice(0, 30), encodeURIComponent(value), Buffer.from(value).toString("base64").slice(0, 40)])];
}

/** The first form of `secret` found in `text`, if any. */
export function leakIn(text: string, secret: string): string | undefined {
  return tokenForms(secret).find((form) => text.includes(form));
}

// What the bench agent can do inside the extension host. Each task returns plain JSON for the runner.
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import * as inspector from "node:inspector";
import * as vscode from "vscode";
import type { NetBirdEventsApi } from "../../src/testApi";
import { simulatorEnv, token } from "../../test/integration/env";
import { activateExtension, closeAllEditors, setSetting, sleep, waitFor } from "../../test/integration/helpers";
import { collectGarbage } from "../../test/support/gc";
import { signInAs, signOut, WindowStubs } from "../../test/integration/netbird";
import { mib } from "../lib/stats";
import { summarizeProfile, type CpuProfile, type ProfileSummary } from "../lib/cpuProfile";
import { rawGet } from "./rawHttp";

type Log = (line: string) => void;
type TaskFn = (args: never, log: Log) => unknown;


async function settledHeap(): Promise<{ heapUsed: number; rss: number; external: number; arrayBuffers: number }> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await sleep(30);
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers };
}

const api = (): Promise<NetBirdEventsApi> => activateExtension<NetBirdEventsApi>();

/** Waits until the extension has no API request in flight and no audit load running. */
async function idle(timeoutMs = 60_000): Promise<void> {
  const nb = await api();
  await nb.auditIdle();
  await waitFor(() => nb.requestsInFlight() === 0, { timeoutMs, intervalMs: 10, message: "requests still in flight" });
}

/** Samples heap and RSS every few ms while `work` runs; returns the peaks over the given baseline. */
async function withMemorySampling<T>(work: () => Promise<T>): Promise<{ value: T; peakHeap: number; peakRss: number }> {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 5);
  try {
    sample();
    const value = await work();
    sample();
    return { value, peakHeap, peakRss };
  } finally {
    clearInterval(timer);
  }
}

/** What the last `floor` run with `retain` parsed (kept alive on purpose; exported so it counts as used). */
export let retained: unknown;
/** Resolves at the next turn of the event loop (after the I/O and timers already due). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
let tap: ReturnType<NetBirdEventsApi["recordTrafficMessages"]> | undefined;
/** When each tapped message passed (performance.now(), same order as tap.messages). */
let tapTimes: number[] = [];

/** Runs `work` under V8's sampling profiler; returns the functions with the most self time. */
async function profiled<T>(work: () => Promise<T>, top = 25): Promise<{ value: T } & ProfileSummary> {
  const profiler = await startProfiler();
  let value: T;
  let summary: ProfileSummary;
  try {
    value = await work();
  } finally {
    summary = await profiler.stop(top);
  }
  return { value, ...summary };
}

/** Starts V8's sampling profiler in this extension host; `stop` summarizes what it sampled. */
async function startProfiler(): Promise<{ stop(top: number): Promise<ProfileSummary> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  try {
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 200 });
    await post("Profiler.start");
  } catch (error) {
    session.disconnect();
    throw error;
  }
  return {
    async stop(top) {
      try {
        return summarizeProfile(((await post("Profiler.stop")) as { profile: CpuProfile }).profile, top);
      } finally {
        session.disconnect();
      }
    },
  };
}

/** The profiler started by the `profilerStart` task, for steps the runner makes in between (e.g. reseeding). */
let runningProfiler: { stop(top: number): Promise<ProfileSummary> } | undefined;

export const TASKS: Record<string, TaskFn> = {
  /** Runs another task under the CPU profiler (for finding where the time goes; not part of the report). */
  async profile(args: { task: string; args: unknown }, log: Log) {
    const fn = TASKS[args.task];
    if (!fn) throw new Error(`unknown task ${args.task}`);
    return profiled(async () => fn(args.args as never, log));
  },

  /** Starts the CPU profiler across several tasks (until `profilerStop`). */
  async profilerStart() {
    if (runningProfiler) throw new Error("the profiler is already running");
    runningProfiler = await startProfiler();
  },

  async profilerStop(args: { top?: number }) {
    const profiler = runningProfiler;
    runningProfiler = undefined;
    if (!profiler) throw new Error("the profiler is not running");
    return profiler.stop(args.top ?? 40);
  },

  /** Activates the extension and signs in as the simulator's owner (the view then loads the audit list). */
  async setup(_args: unknown, log: Log) {
    const nb = await api();
    log(`activated; session ${nb.sessionState()}`);
    if (nb.sessionState() !== "signedIn") await signInAs("owner");
    log(`session ${nb.sessionState()}`);
    await idle();
    return { signedIn: nb.sessionState(), node: process.version, vscode: vscode.version, focused: vscode.window.state.focused, pid: process.pid };
  },

  /** Activates the extension (a no-op once active); returns how long the call took here. */
  async activate() {
    const started = performance.now();
    await api();
    return performance.now() - started;
  },

  async signOut() {
    await signOut();
    await idle();
    return (await api()).sessionState();
  },

  async signIn() {
    await signInAs("owner");
    await idle();
    return (await api()).sessionState();
  },

  idle: () => idle(),

  /** Phase marks an instrumented development build pushes to globalThis.__nbT (a development aid). */
  phaseTimes: () => {
    const marks = ((globalThis as { __nbT?: [string, number][] }).__nbT ??= []).splice(0);
    return marks.map(([name, t], i) => `${name} +${(t - (marks[i - 1]?.[1] ?? t)).toFixed(1)}`).join("  ");
  },

  /**
   * Transport probe (a development aid): round trips of messages of a given kind and size through a webview
   * panel of the agent's own that answers every message at once. What moving bytes to a webview costs here.
   */
  async transport(args: { sizes: number[]; kinds: string[]; rounds: number }) {
    const panel = vscode.window.createWebviewPanel("netbirdBenchTransport", "Transport probe", vscode.ViewColumn.Beside, { enableScripts: true });
    panel.webview.html = `<!DOCTYPE html><html><body><script>const api = acquireVsCodeApi(); window.addEventListener("message", (e) => api.postMessage({ ack: e.data.id, t: performance.now() })); api.postMessage({ ready: true });</script></body></html>`;
    const acks = new Map<number, () => void>();
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    panel.webview.onDidReceiveMessage((m: { ack?: number; ready?: boolean }) => {
      if (m.ready) ready();
      if (m.ack !== undefined) acks.get(m.ack)?.();
    });
    await isReady;
    const results: { kind: string; bytes: number; ms: number[] }[] = [];
    let id = 0;
    try {
      for (const kind of args.kinds) {
        for (const bytes of args.sizes) {
          const ms: number[] = [];
          for (let r = 0; r < args.rounds; r++) {
            const payload =
              kind === "string" ? "x".repeat(bytes) : kind === "uint8" ? new Uint8Array(bytes) : kind === "float64" ? new Float64Array(bytes / 8) : Array.from({ length: Math.round(bytes / 100) }, (_, i) => ({ i, a: "abcdefghij", b: "klmnopqrst", c: 12345.5, d: "uvwxyz0123456789", e: "x" }));
            const mine = ++id;
            const answered = new Promise<void>((resolve) => acks.set(mine, resolve));
            const started = performance.now();
            await panel.webview.postMessage({ id: mine, payload });
            await answered;
            ms.push(performance.now() - started);
          }
          results.push({ kind, bytes, ms });
        }
      }
    } finally {
      panel.dispose();
    }
    return results;
  },

  /** Waits until a request has come and gone and the extension has been idle for `ms` (for profiling). */
  async idleAfter(args: { ms: number }) {
    const nb = await api();
    await waitFor(() => nb.requestsInFlight() > 0, { timeoutMs: 30_000, intervalMs: 5 });
    await idle(120_000);
    await sleep(args.ms);
  },

  /**
   * Audit: `netbird.audit.refresh` until the tree has its day groups and the first `items` event items
   * (built the way VS Code asks for them: the roots, then all children of the expanded days).
   */
  async auditRefresh(args: { items: number }) {
    const nb = await api();
    await idle();
    const stubs = new WindowStubs().stub("showErrorMessage", async () => undefined);
    // The floor's diagnostic copy of a parsed list is the bench's, not the extension's: it is not in the heap
    // the refresh runs in.
    retained = undefined;
    collectGarbage();
    try {
      const started = performance.now();
      await vscode.commands.executeCommand("netbird.audit.refresh");
      // VS Code asks for the tree's items over the extension host's connection, so its request is served at a
      // later turn of the event loop, after whatever the extension queued for right after the refresh: that turn
      // is timed (the floor ends with one too).
      await nextTurn();
      const loaded = performance.now();
      const tree = nb.auditTreeFirstItems(args.items);
      const done = performance.now();
      const state = nb.auditState();
      if (state.error) throw new Error(`the refresh failed: ${state.error}`);
      return { ms: done - started, loadMs: loaded - started, treeMs: done - loaded, total: state.total, ...tree };
    } finally {
      stubs.restore();
    }
  },

  /**
   * The floor: the same request over a bare socket from this Node, then JSON.parse; with `turn`, then one turn of
   * the event loop, as the audit refresh's timing has. With `retain`, the parsed value is kept until the next
   * floor run, as the extension keeps what it shows (a diagnostic variant).
   */
  async floor(args: { path: string; retain?: boolean; turn?: boolean }) {
    await idle();
    retained = undefined;
    collectGarbage();
    const { url } = simulatorEnv();
    const response = await rawGet(url, args.path, token("owner"));
    const parseStart = performance.now();
    const value = JSON.parse(response.body.toString("utf8")) as unknown;
    const parseMs = performance.now() - parseStart;
    const turnStart = performance.now();
    const turnMs = args.turn ? await nextTurn().then(() => performance.now() - turnStart) : 0;
    if (args.retain) retained = value;
    if (response.status !== 200) throw new Error(`floor request ${args.path} answered ${response.status}`);
    const count = Array.isArray(value) ? value.length : ((value as { data?: unknown[] }).data?.length ?? 0);
    return { ms: response.fetchMs + parseMs + turnMs, fetchMs: response.fetchMs, parseMs, turnMs, bytes: response.body.length, count };
  },

  /** Heap after full GCs (what stays reachable). */
  heap: () => settledHeap(),

  clientStats: async () => (await api()).clientStats(),

  auditState: async () => (await api()).auditState(),

  trafficPanel: async () => {
    const panel = (await api()).trafficPanel();
    return panel ? { open: panel.open, visible: panel.visible, shownRecords: panel.shownRecords } : undefined;
  },

  /** Opens (or reveals) the Traffic Events panel with filters. */
  async openTraffic(args: { filters: Record<string, string> }) {
    await vscode.commands.executeCommand("netbird.traffic.open", args.filters);
  },

  closeEditors: () => closeAllEditors(),

  tapStart: async () => {
    tap?.stop();
    tap = (await api()).recordTrafficMessages();
    tapTimes = [];
    const list = tap.messages;
    const push = list.push.bind(list);
    list.push = (...items) => {
      for (let i = 0; i < items.length; i++) tapTimes.push(performance.now());
      return push(...items);
    };
  },

  /**
   * The host's share of the last query of the tap: from the webview's `query` arriving to the host posting
   * its `page` (fetch, parse, validate, rows, suggestions; not the message's transfer).
   */
  tapHostMs: () => {
    const messages = tap?.messages ?? [];
    tap?.stop();
    tap = undefined;
    let queryAt: number | undefined;
    let pageAt: number | undefined;
    let requestId: number | undefined;
    messages.forEach((m, i) => {
      const message = m.message as { type?: string; requestId?: number };
      if (m.direction === "fromWebview" && message.type === "query") {
        queryAt = tapTimes[i];
        requestId = message.requestId;
      } else if (m.direction === "toWebview" && message.type === "page" && message.requestId === requestId) pageAt = tapTimes[i];
    });
    return queryAt !== undefined && pageAt !== undefined ? pageAt - queryAt : undefined;
  },

  /** Stops recording and summarises the host↔webview messages (queries in, pages and errors out). */
  tapStop: () => {
    const messages = tap?.messages ?? [];
    tap?.stop();
    tap = undefined;
    const of = (direction: string, type: string) =>
      messages.filter((m) => m.direction === direction && (m.message as { type?: string })?.type === type).map((m) => m.message as { requestId?: number });
    return {
      queries: of("fromWebview", "query").map((m) => m.requestId),
      cancels: of("fromWebview", "cancel").map((m) => m.requestId),
      pages: of("toWebview", "page").map((m) => m.requestId),
      errors: of("toWebview", "error").map((m) => m.requestId),
    };
  },

  /** Export: the real command (all pages, 5,000 per request), timed, with heap/RSS peaks. */
  async exportTraffic(args: { filters: Record<string, string>; format: string; file: string }) {
    await idle();
    const base = await settledHeap();
    const stubs = new WindowStubs().stub("showInformationMessage", async () => undefined).stub("showErrorMessage", async (m) => {
      throw new Error(String(m));
    });
    try {
      const started = performance.now();
      const sampled = await withMemorySampling(
        async () => (await vscode.commands.executeCommand("netbird.traffic.export", args.filters, { format: args.format, file: args.file })) as { records: number } | undefined,
      );
      const elapsed = performance.now() - started;
      if (!sampled.value) throw new Error("the export returned nothing");
      const size = (await stat(args.file)).size;
      await rm(args.file, { force: true });
      return { ms: elapsed, records: sampled.value.records, bytes: size, peakHeapDelta: sampled.peakHeap - base.heapUsed, peakRssDelta: sampled.peakRss - base.rss };
    } finally {
      stubs.restore();
    }
  },

  /** The export's floor: the same page requests over a bare socket, bytes written straight to a file. */
  async exportFloor(args: { paths: string[]; file: string }) {
    await idle();
    const { url } = simulatorEnv();
    const base = await settledHeap();
    let parseMs = 0;
    const started = performance.now();
    const sampled = await withMemorySampling(async () => {
      const out = createWriteStream(args.file);
      let bytes = 0;
      for (const path of args.paths) {
        const response = await rawGet(url, path, token("owner"));
        bytes += response.body.length;
        if (!out.write(response.body)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      return bytes;
    });
    const elapsed = performance.now() - started;
    // Not part of the floor: what JSON.parse of the same bytes costs on top (for the report).
    for (const path of args.paths.slice(0, 1)) {
      const response = await rawGet(url, path, token("owner"));
      const t = performance.now();
      JSON.parse(response.body.toString("utf8"));
      parseMs = (performance.now() - t) * args.paths.length;
    }
    await rm(args.file, { force: true });
    return { ms: elapsed, bytes: sampled.value, parseMsEstimate: parseMs, peakHeapDelta: sampled.peakHeap - base.heapUsed, peakRssDelta: sampled.peakRss - base.rss };
  },

  /**
   * Auto-refresh soak on a simulated clock: the interval setting is `intervalSeconds` and every timer of
   * exactly that length fires after `warpMs` instead (no other timer in the extension host has that length).
   * Samples the heap after GC every `sampleEvery` refreshes until `refreshes` refreshes happened.
   */
  async soak(args: { intervalSeconds: number; warpMs: number; refreshes: number; sampleEvery: number }, log: Log) {
    const nb = await api();
    await idle();
    const delay = args.intervalSeconds * 1000;
    const original = globalThis.setTimeout;
    const warped = ((handler: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) =>
      original(handler, ms === delay ? args.warpMs : ms, ...rest)) as unknown as typeof setTimeout;
    globalThis.setTimeout = Object.assign(warped, original);
    const undo = await setSetting("netbird.auditEvents.autoRefreshInterval", args.intervalSeconds);
    const samples: { refreshes: number; heapUsed: number; rss: number }[] = [];
    const startRequests = nb.clientStats()?.requests ?? 0;
    const started = Date.now();
    try {
      if (!vscode.window.state.focused) throw new Error("the window is not focused: auto-refresh would not run");
      let next = 0;
      for (;;) {
        const done = (nb.clientStats()?.requests ?? 0) - startRequests;
        if (done >= next) {
          // Between two refreshes: nothing in flight, so the heap holds exactly one list.
          await idle(30_000);
          for (let i = 0; i < 2; i++) collectGarbage();
          const m = process.memoryUsage();
          const heap = { heapUsed: m.heapUsed, rss: m.rss };
          samples.push({ refreshes: done, heapUsed: heap.heapUsed, rss: heap.rss });
          log(`soak: ${done} refreshes, heap ${mib(heap.heapUsed)}`);
          next = done + args.sampleEvery;
          if (done >= args.refreshes) break;
        }
        if (Date.now() - started > 10 * 60_000) throw new Error(`soak stalled after ${done} refreshes`);
        await sleep(20);
      }
    } finally {
      await undo();
      globalThis.setTimeout = original;
    }
    return { samples, wallMs: Date.now() - started, simulatedMs: samples.at(-1)!.refreshes * delay };
  },
};

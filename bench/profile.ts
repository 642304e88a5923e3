// Where does the time go? Runs one audit refresh and one 50,000-row traffic change in the real extension
// host under V8's CPU profiler and prints the functions with the most self time; `phases` prints marks a
// developer adds, `scroll` a trace of the webview's frames, `alloc` what the renderer's scripts allocate (a
// development aid, not part of `npm run bench`; use a development build — `npm run build` — for readable names).
//
//   node out/bench/profile.js [activation] [phases] [audit] [traffic] [scroll] [alloc] [--size 50000]
//                             [--webviews-on-workbench-origin]
import { REPO_ROOT, resultsDir } from "../test/host/paths";
import { installHost, runCleanups } from "../test/host/processes";
import { runTool, startSession } from "./lib/session";
import { agent, type Context } from "./scenarios/context";
import { reseedAudit } from "./scenarios/audit";
import { describeScroll, openPanel, setPageSize, type ScrollResult } from "./scenarios/traffic";
import * as path from "node:path";
import type { CDPSession, Frame } from "playwright-core";
import { summarizeProfile, type CpuProfile, type ProfileSummary } from "./lib/cpuProfile";

type Profiled = ProfileSummary & { value?: unknown };

interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

/**
 * A DevTools session on the webview's renderer: its own process when webviews have their own origin (the default),
 * else the workbench's, which then runs the webview too. Only a frame that starts a process has a session of its
 * own (the webview's outer frame; its inner frame shares that process), so this goes up from the inner frame.
 */
async function rendererOf(ctx: Context): Promise<CDPSession> {
  const { page } = ctx.session;
  for (let frame: Frame | null = ctx.webview!.frame; frame && frame !== page.mainFrame(); frame = frame.parentFrame()) {
    try {
      return await page.context().newCDPSession(frame);
    } catch {
      // "This frame does not have a separate CDP session": it runs in its parent's process.
    }
  }
  return page.context().newCDPSession(page);
}

function print(title: string, p: Profiled): void {
  console.log(`\n${title} (${p.totalMs.toFixed(0)} ms sampled)`);
  for (const h of p.hot) console.log(`  ${h.ms.toFixed(1).padStart(8)} ms  ${h.fn}`);
  console.log("with callees:");
  for (const h of p.inclusive) console.log(`  ${h.ms.toFixed(1).padStart(8)} ms  ${h.fn}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizeAt = argv.indexOf("--size");
  const size = sizeAt >= 0 ? Number(argv[sizeAt + 1]) : 50_000;
  const what = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--size");
  const want = (name: string) => what.length === 0 || what.includes(name);
  await installHost();
  const session = await startSession({
    extensionPath: path.resolve(process.env.NETBIRD_BENCH_EXTENSION || REPO_ROOT),
    resultsDir: resultsDir("bench"),
    simulator: { seed: 1, now: Date.now() + 15 * 60_000, auditCount: 12_000, trafficCount: Math.max(size, 1000) },
    settings: { "netbird.auditEvents.autoRefreshInterval": 0 },
    webviewOrigin: argv.includes("--webviews-on-workbench-origin") ? "workbench" : "own",
  });
  const ctx: Context = { config: { runs: 1, auditCount: 12_000, trafficCount: size, trafficFrom: "last7d", pageSizes: [size] }, session, log: (l) => console.log(l) };
  try {
    if (want("activation")) {
      // Before anything touches the extension: the module load and activate() under the profiler.
      print("activation", await agent<Profiled>(ctx, "profile", { task: "activate", args: {} }));
    }
    await session.workbench.openNetBirdContainer();
    await agent(ctx, "setup");
    if (want("phases")) {
      await session.workbench.runCommand("View: Show Explorer");
      for (let i = 0; i < 10; i++) {
        reseedAudit(ctx, 1000 + i);
        await agent(ctx, "phaseTimes");
        const r = await agent<{ ms: number; loadMs: number }>(ctx, "auditRefresh", { items: 100 });
        const f = await agent<{ ms: number }>(ctx, "floor", { path: "/api/events/audit" });
        console.log(`refresh ${r.loadMs.toFixed(1)} ms (floor ${f.ms.toFixed(1)}): ${await agent<string>(ctx, "phaseTimes")}`);
      }
    }
    if (want("audit")) {
      // Ten refreshes, each bringing other events (as in the bench), under one profile; reseeding happens here.
      await agent(ctx, "auditRefresh", { items: 100 });
      await agent(ctx, "profilerStart");
      let profiled: Profiled | undefined;
      try {
        for (let i = 0; i < 10; i++) {
          reseedAudit(ctx, 2000 + i);
          await agent(ctx, "auditRefresh", { items: 100 });
        }
      } finally {
        profiled = await agent<Profiled>(ctx, "profilerStop", { top: 40 });
      }
      print("10 audit refreshes", profiled);
    }
    if (want("scroll")) {
      await openPanel(ctx);
      // The webview's renderer heap: its own process by default; with --webviews-on-workbench-origin, the workbench's too.
      const heapMB = async () => Math.round(((await ctx.webview!.frame.evaluate("performance.memory?.usedJSHeapSize ?? 0")) as number) / 1048576);
      const heapBefore = await heapMB();
      await setPageSize(ctx, size);
      console.log(`webview's renderer heap: ${heapBefore} MB before the ${size}-row page, ${await heapMB()} MB with it`);
      // Tracing from the page covers its frames in other processes too.
      const cdp = await session.page.context().newCDPSession(session.page);
      // A Chromium trace of the main thread: where the "(program)" time of the JS profile goes (style,
      // layout, paint, ...), summed by event name.
      const events: { name: string; dur?: number; ph: string; tid: number; cat: string; ts: number }[] = [];
      const raw = cdp as unknown as { on(event: string, fn: (data: { value: typeof events }) => void): void; once(event: string, fn: () => void): void };
      raw.on("Tracing.dataCollected", (data) => events.push(...data.value));
      const complete = new Promise<void>((resolve) => raw.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
      const scroll = await ctx.webview!.call<ScrollResult>("scrollEndToEnd", 300);
      console.log(`webview's renderer heap after scrolling: ${await heapMB()} MB`);
      await cdp.send("Tracing.end");
      await complete;
      console.log(`\nscroll: ${describeScroll(scroll)}`);
      const byName = new Map<string, { ms: number; n: number }>();
      for (const e of events) {
        if (e.ph !== "X" || !e.dur) continue;
        const entry = byName.get(e.name) ?? { ms: 0, n: 0 };
        entry.ms += e.dur / 1000;
        entry.n++;
        byName.set(e.name, entry);
      }
      // The long tasks themselves: what ran inside each top-level task over 50 ms (same thread, by time).
      const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) > 50_000) ;
      for (const task of tasks) {
        const inside = new Map<string, number>();
        for (const e of events ) {
          if (e.ph !== "X" || !e.dur || e === task || e.tid !== task.tid || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur!) continue;
          inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
        }
        const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
        console.log(`long task ${(task.dur! / 1000).toFixed(0)} ms: ${parts.join(", ")}`);
      }
      console.log("trace events by total duration (nested events overlap):");
      for (const [name, { ms, n }] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${String(n).padStart(6)}×  ${name}`);
    }
    if (want("alloc")) {
      // Who allocates in the webview's renderer (shared with the workbench with --webviews-on-workbench-origin) while
      // a big page arrives and is shown: V8's sampling heap profiler, counting objects already collected too, by script.
      await openPanel(ctx);
      await setPageSize(ctx, 10);
      const cdp = await rendererOf(ctx);
      await cdp.send("HeapProfiler.enable");
      await cdp.send("HeapProfiler.startSampling", { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
      await setPageSize(ctx, size);
      const { profile } = (await cdp.send("HeapProfiler.stopSampling")) as unknown as { profile: { head: AllocNode } };
      const byScript = new Map<string, number>();
      const byFunction = new Map<string, number>();
      const walk = (node: AllocNode): void => {
        const f = node.callFrame;
        const script = f.url.split("?")[0]?.split("/").pop() || "(native)";
        byScript.set(script, (byScript.get(script) ?? 0) + node.selfSize);
        const key = `${f.functionName || "(anonymous)"} ${script}:${f.lineNumber + 1}`;
        byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
        for (const child of node.children) walk(child);
      };
      walk(profile.head);
      const mb = (bytes: number) => (bytes / 1048576).toFixed(1).padStart(7);
      console.log(`\nrenderer allocations while the ${size}-row page arrived and was shown, by script (MB):`);
      for (const [script, bytes] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${mb(bytes)}  ${script}`);
      console.log("by function (MB):");
      for (const [fn, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${mb(bytes)}  ${fn}`);
    }
    if (want("traffic")) {
      await openPanel(ctx);
      await setPageSize(ctx, 10);
      const started = agent<Profiled>(ctx, "profile", { task: "idleAfter", args: { ms: 400 } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The workbench's renderer (its main thread runs the workbench and relays messages to the webview).
      const cdp = await session.page.context().newCDPSession(session.page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
      const change = await ctx.webview!.call<{ ms: number }>("change", "filter-pageSize", size, size);
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
      console.log(`\ntraffic change to ${size} rows: ${change.ms.toFixed(0)} ms in the webview`);
      print(`extension host during the change`, await started);
      print("workbench renderer during the change", summarizeProfile(profile, 25));
    }
  } finally {
    await session.close();
    await runCleanups();
  }
}

runTool(main);

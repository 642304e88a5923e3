// 4b. Auto-refresh soak: 30 minutes of `netbird.auditEvents.autoRefreshInterval` on a simulated clock (the
// interval's timer fires after a few hundred ms instead), heap sampled after GC between refreshes; the
// robust (Theil–Sen) slope over the refreshes says whether anything accumulates.
import { mib, robustSlope, summarize } from "../lib/stats";
import { agent, type Context } from "./context";

export interface SoakResult {
  intervalSeconds: number;
  refreshes: number;
  simulatedMinutes: number;
  wallSeconds: number;
  samples: { refreshes: number; heapUsed: number; rss: number }[];
  /** Heap growth per refresh (bytes): Theil–Sen slope of the samples after the first two. */
  slopeBytesPerRefresh: number;
  /** slope × refreshes: what the trend adds over the whole soak. */
  projectedGrowth: number;
  firstHeap: number;
  lastHeap: number;
  growthTrend: boolean;
}

export async function soakScenario(ctx: Context, minutes = 30, intervalSeconds = 31, warpMs = 250): Promise<SoakResult> {
  const refreshes = Math.floor((minutes * 60) / intervalSeconds);
  await agent(ctx, "closeEditors");
  const run = await agent<{ samples: SoakResult["samples"]; wallMs: number; simulatedMs: number }>(
    ctx,
    "soak",
    { intervalSeconds, warpMs, refreshes, sampleEvery: 4 },
    600_000,
  );
  const steady = run.samples.slice(2);
  const perRefresh = robustSlope(
    steady.map((s) => s.refreshes),
    steady.map((s) => s.heapUsed),
  );
  // First and last as the medians of the first and last third of the samples (one sample can catch a
  // refresh that was just starting).
  const third = Math.max(1, Math.floor(steady.length / 3));
  const first = summarize(steady.slice(0, third).map((s) => s.heapUsed)).median;
  const last = summarize(steady.slice(-third).map((s) => s.heapUsed)).median;
  const projected = perRefresh * refreshes;
  // A trend: the fitted growth over the soak is more than 1 MiB and more than 2% of the heap, and the heap
  // at the end is above the heap at the start by that much too.
  const threshold = Math.max(1024 * 1024, first * 0.02);
  const growthTrend = projected > threshold && last - first > threshold;
  ctx.log(`soak: ${run.samples.at(-1)?.refreshes} refreshes, heap ${mib(first)} → ${mib(last)}, slope ${(perRefresh / 1024).toFixed(1)} KiB/refresh`);
  return {
    intervalSeconds,
    refreshes: run.samples.at(-1)?.refreshes ?? 0,
    simulatedMinutes: run.simulatedMs / 60_000,
    wallSeconds: run.wallMs / 1000,
    samples: run.samples,
    slopeBytesPerRefresh: perRefresh,
    projectedGrowth: projected,
    firstHeap: first,
    lastHeap: last,
    growthTrend,
  };
}

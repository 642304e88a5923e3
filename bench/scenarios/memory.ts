// 4. Memory: extension-host heap (after full GCs) holding 10,000 audit events and one 50,000-row traffic
// page, over the heap with nothing loaded (signed out), relative to the raw JSON of both responses.
import { mib } from "../lib/stats";
import { agent, type Context } from "./context";
import { setPageSize } from "./traffic";

export interface MemoryResult {
  baselineHeap: number;
  loadedHeap: number;
  heapDelta: number;
  rssDelta: number;
  auditJsonBytes: number;
  trafficJsonBytes: number;
  ratio: number;
  auditEvents: number;
  trafficRows: number;
}

interface Heap {
  heapUsed: number;
  rss: number;
}

export async function memoryScenario(ctx: Context, auditJsonBytes: number, trafficJsonBytes: number, pageSize: number): Promise<MemoryResult> {
  const webview = ctx.webview!;
  // The panel keeps its filters; after signing in again it asks for the big page by itself.
  await setPageSize(ctx, pageSize);
  await agent(ctx, "signOut");
  await webview.call("waitSettled", undefined).catch(() => undefined);
  const baseline = await agent<Heap>(ctx, "heap");
  await agent(ctx, "signIn");
  await webview.call("waitSettled", pageSize, 180_000);
  await agent(ctx, "idle");
  const audit = await agent<{ total: number }>(ctx, "auditState");
  const panel = await agent<{ shownRecords: number }>(ctx, "trafficPanel");
  const loaded = await agent<Heap>(ctx, "heap");
  const heapDelta = loaded.heapUsed - baseline.heapUsed;
  const result: MemoryResult = {
    baselineHeap: baseline.heapUsed,
    loadedHeap: loaded.heapUsed,
    heapDelta,
    rssDelta: loaded.rss - baseline.rss,
    auditJsonBytes,
    trafficJsonBytes,
    ratio: heapDelta / (auditJsonBytes + trafficJsonBytes),
    auditEvents: audit.total,
    trafficRows: panel?.shownRecords ?? 0,
  };
  ctx.log(`memory: heap +${mib(heapDelta)} for ${mib(auditJsonBytes + trafficJsonBytes)} of JSON`);
  return result;
}

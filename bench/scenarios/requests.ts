// 5. Requests under 100 committed filter changes in 10 s (the search box, Enter after each edit) with a
// server that takes 300 ms per traffic page: how many requests were sent and abandoned, how many pages the
// host posted, and how many results the webview painted (only the last one should be).
import { agent, type Context } from "./context";
import { setPageSize } from "./traffic";

export interface RapidResult {
  changes: number;
  burstMs: number;
  serverDelayMs: number;
  requestsSent: number;
  requestsAbandoned: number;
  queriesFromWebview: number;
  pagesPosted: number;
  lastPageIsLatestQuery: boolean;
  paintsDuringBurst: number;
  paints: number;
  finalValue: string;
  lastPaintedValue: string | undefined;
  connectionsOpened: number;
}

interface Rapid {
  changes: number;
  burstMs: number;
  totalMs: number;
  paintsDuringBurst: number;
  paints: number;
  paintedValues: (string | undefined)[];
  finalValue: string;
  finalState: string;
  rows: number;
}
interface Tap {
  queries: number[];
  cancels: number[];
  pages: number[];
  errors: number[];
}
interface ClientStats {
  requests: number;
  connections: number;
}

const SEARCH = "filter-search";

export async function rapidScenario(ctx: Context, delayMs = 300, count = 100, intervalMs = 100): Promise<RapidResult> {
  const { sim } = ctx.session;
  const webview = ctx.webview!;
  await setPageSize(ctx, 100);
  const statsBefore = await agent<ClientStats>(ctx, "clientStats");
  await agent(ctx, "tapStart");
  const before = sim.requests.length;
  sim.setFaults([{ match: { path: "/api/events/network-traffic" }, delayMs }]);
  let rapid: Rapid;
  try {
    const values = Array.from({ length: count }, (_, i) => String(i + 1));
    rapid = await webview.call<Rapid>("rapidChanges", SEARCH, values, intervalMs);
    await agent(ctx, "idle");
  } finally {
    sim.clearFaults();
  }
  const tap = await agent<Tap>(ctx, "tapStop");
  const statsAfter = await agent<ClientStats>(ctx, "clientStats");
  const traffic = sim.requests.slice(before).filter((r) => r.path === "/api/events/network-traffic");
  const result: RapidResult = {
    changes: rapid.changes,
    burstMs: rapid.burstMs,
    serverDelayMs: delayMs,
    requestsSent: traffic.length,
    requestsAbandoned: traffic.filter((r) => r.status === 0).length,
    queriesFromWebview: tap.queries.length,
    pagesPosted: tap.pages.length,
    lastPageIsLatestQuery: tap.pages.length > 0 && tap.pages.at(-1) === tap.queries.at(-1),
    paintsDuringBurst: rapid.paintsDuringBurst,
    paints: rapid.paints,
    finalValue: rapid.finalValue,
    lastPaintedValue: rapid.paintedValues.at(-1),
    connectionsOpened: statsAfter.connections - statsBefore.connections,
  };
  ctx.log(
    `rapid: ${result.changes} changes in ${result.burstMs.toFixed(0)} ms → ${result.requestsSent} requests (${result.requestsAbandoned} abandoned), ` +
      `${result.pagesPosted} page(s) posted, ${result.paints} paint(s)`,
  );
  // Back to no search, for the scenarios after this one.
  await webview.call("change", SEARCH, "", undefined);
  await agent(ctx, "idle");
  return result;
}

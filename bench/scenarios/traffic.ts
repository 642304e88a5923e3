// 2. Traffic: a filter change in the webview (the page size, committed as a user does) until the rows are
// painted, for 100, 1,000 and 50,000 rows, against the floor for the same response; then the 50,000-row
// page scrolled end to end with long tasks observed in the page, and the table's DOM rows counted throughout.
import type { LoggedRequest } from "../../simulator/server";
import { alternateWithFloor, ratio, summarize, type Floor, type Summary } from "../lib/stats";
import { TrafficWebview } from "../webview/webview";
import { agent, duplicates, pathOf, requestsDuring, type Context } from "./context";

export interface TrafficSizeResult {
  pageSize: number;
  measured: Summary;
  floor: Summary;
  ratio: number;
  floorFetchMs: Summary;
  floorParseMs: Summary;
  bytes: number;
  rows: number;
  /** Requests per filter change: the page, plus the next page prefetched when there is one. */
  requestsPerChange: number;
  duplicateRequests: number;
  /** Until every row of the page is in the table (a big page comes in two parts; `measured` is the first). */
  allRows: Summary;
  allRowsRatio: number;
  /** Where the time goes: host (query in → page posted), transfer to the webview, webview (message → painted). */
  hostMs: Summary;
  transferMs: Summary;
  webviewMs: Summary;
}

export interface ScrollResult {
  frames: number;
  stepPx: number;
  scrollHeight: number;
  durationMs: number;
  maxFrameGapMs: number;
  p95FrameGapMs: number;
  longTasks: number[];
  /** When each long task started, ms after the scroll's start. */
  longTaskStarts: number[];
  longTasksSupported: boolean;
  endReached: boolean;
  lastRowIndex: number;
  maxRows: number;
}

export interface PageTurnResult {
  pageSize: number;
  ms: number;
  /** Requests for the page turned to (0 when the prefetched page was used) and for the page after it. */
  requestsForPage: number;
  requestsForNext: number;
  page: string;
}

export interface TrafficResult {
  sizes: TrafficSizeResult[];
  pageTurn?: PageTurnResult;
  scroll?: ScrollResult;
  /** Most row elements the table had at any time during the traffic scenarios. */
  maxDomRows: number;
  openRequests: number;
}

interface Change {
  /** Until the first rows were painted. */
  ms: number;
  /** Until every row was in the table. */
  allMs: number;
  /** Until the page message arrived in the webview. */
  messageMs?: number;
  /** The host's part: query received → page posted. */
  hostMs?: number;
  rows: number;
}
const PRIMER = 10;
const PAGE_SIZE = "filter-pageSize";

/** Opens the panel on the whole dataset with a small page and installs the probe. */
export async function openPanel(ctx: Context): Promise<number> {
  const { requests } = await requestsDuring(ctx, async () => {
    await agent(ctx, "openTraffic", { filters: { from: ctx.config.trafficFrom, pageSize: String(PRIMER) } });
    ctx.webview = await TrafficWebview.find(ctx.session.page);
    await ctx.webview.call("waitSettled", PRIMER);
  });
  return requests.length;
}

/** Sets the page size (no timing) and waits for its rows. */
export async function setPageSize(ctx: Context, size: number): Promise<void> {
  const current = await ctx.webview!.call<string>("value", PAGE_SIZE);
  if (current !== String(size)) await ctx.webview!.call("change", PAGE_SIZE, size, size);
  await agent(ctx, "idle");
}

/** A scroll in one line: frames, time, the largest gap between frames, and each long task with when it came. */
export function describeScroll(scroll: ScrollResult): string {
  const longTasks = scroll.longTasks.map((ms, i) => `${ms} ms at +${scroll.longTaskStarts[i]} ms`).join(", ");
  return `${scroll.frames} frames in ${scroll.durationMs.toFixed(0)} ms, max frame gap ${scroll.maxFrameGapMs.toFixed(0)} ms, long tasks [${longTasks}]`;
}

/**
 * Before the scroll, the garbage of the page's arrival in the other processes (the extension host, the workbench's
 * renderer) is collected, as before every timed sample: on two cores their collection would otherwise run beside
 * the scroll. The webview's own heap is left as it is (its collections are the page's own).
 */
async function settleOtherProcesses(ctx: Context): Promise<void> {
  await agent(ctx, "heap");
  const cdp = await ctx.session.page.context().newCDPSession(ctx.session.page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function trafficScenario(ctx: Context): Promise<TrafficResult> {
  const openRequests = ctx.webview ? 0 : await openPanel(ctx);
  const webview = ctx.webview!;
  await webview.call("resetStats");
  const sizes: TrafficSizeResult[] = [];
  for (const size of ctx.config.pageSizes) {
    const changes: Change[] = [];
    const floors: Floor[] = [];
    const perChange: number[] = [];
    let dup = 0;
    let floorPath = "";
    const measure = async (record: boolean) => {
      await setPageSize(ctx, PRIMER);
      await agent(ctx, "tapStart");
      const { value, requests } = await requestsDuring(ctx, () => webview.call<Change>("change", PAGE_SIZE, size, size));
      value.hostMs = await agent<number | undefined>(ctx, "tapHostMs");
      const page = requests.find((r: LoggedRequest) => r.path === "/api/events/network-traffic" && r.query.page_size === String(size) && r.query.page === "1");
      if (!page) throw new Error(`no request for the ${size}-row page (requests: ${requests.map(pathOf).join(" ") || "none"}; last logged: ${ctx.session.sim.requests.slice(-4).map(pathOf).join(" ")})`);
      floorPath = pathOf(page);
      if (!record) return;
      changes.push(value);
      perChange.push(requests.length);
      dup += duplicates(requests);
    };
    const floor = async (record: boolean) => {
      const f = await agent<Floor>(ctx, "floor", { path: floorPath });
      if (f.count !== size) throw new Error(`the floor got ${f.count} records, expected ${size}`);
      if (record) floors.push(f);
    };
    // The floor uses the URL of the change just measured; on odd runs the floor of the previous URL goes first.
    await alternateWithFloor(ctx.config.runs, measure, floor);
    const measured = summarize(changes.map((c) => c.ms));
    const floorSummary = summarize(floors.map((f) => f.ms));
    const allRows = summarize(changes.map((c) => c.allMs));
    const hostMs = summarize(changes.map((c) => c.hostMs ?? Number.NaN));
    const transferMs = summarize(changes.map((c) => (c.messageMs ?? Number.NaN) - (c.hostMs ?? Number.NaN)));
    const webviewMs = summarize(changes.map((c) => c.ms - (c.messageMs ?? Number.NaN)));
    const ms0 = (s: Summary) => s.median.toFixed(0);
    ctx.log(
      `traffic ${size}: ${ms0(measured)} ms (all rows ${ms0(allRows)} ms) vs floor ${ms0(floorSummary)} ms ` +
        `(host ${ms0(hostMs)}, to webview ${ms0(transferMs)}, webview ${ms0(webviewMs)})`,
    );
    sizes.push({
      pageSize: size,
      measured,
      floor: floorSummary,
      ratio: ratio(measured, floorSummary),
      allRows,
      allRowsRatio: ratio(allRows, floorSummary),
      floorFetchMs: summarize(floors.map((f) => f.fetchMs)),
      floorParseMs: summarize(floors.map((f) => f.parseMs)),
      bytes: floors[0]!.bytes,
      rows: size,
      requestsPerChange: Math.max(...perChange),
      duplicateRequests: dup,
      hostMs,
      transferMs,
      webviewMs,
    });
  }
  // A page turn: the panel prefetched the next page after showing the first one, so turning to it should
  // cost no request of its own (only the prefetch of the page after it).
  let pageTurn: PageTurnResult | undefined;
  const turnSize = ctx.config.pageSizes.find((size) => size >= 100 && size < ctx.config.trafficCount / 3);
  if (turnSize) {
    await setPageSize(ctx, PRIMER);
    await setPageSize(ctx, turnSize);
    const { value, requests } = await requestsDuring(ctx, () => webview.call<{ ms: number; page: string }>("click", "next-page", turnSize));
    const pages = requests.filter((r) => r.path === "/api/events/network-traffic");
    pageTurn = {
      pageSize: turnSize,
      ms: value.ms,
      requestsForPage: pages.filter((r) => r.query.page === "2").length,
      requestsForNext: pages.filter((r) => r.query.page === "3").length,
      page: value.page,
    };
    ctx.log(`page turn (${turnSize}): ${value.ms.toFixed(0)} ms, requests for page 2: ${pageTurn.requestsForPage}, prefetch of page 3: ${pageTurn.requestsForNext}`);
  }
  let scroll: ScrollResult | undefined;
  const largest = Math.max(...ctx.config.pageSizes);
  if (largest >= 10_000) {
    await setPageSize(ctx, largest);
    await settleOtherProcesses(ctx);
    scroll = await webview.call<ScrollResult>("scrollEndToEnd", 300);
    ctx.log(`scroll ${largest}: ${describeScroll(scroll)}`);
  }
  const stats = await webview.call<{ maxRows: number }>("stats");
  return { sizes, pageTurn, scroll, maxDomRows: stats.maxRows, openRequests };
}

// Turns the results into the printed table, bench/results/latest.md and the README's performance section.
import type { ActivationResult, BundleResult } from "../scenarios/activation";
import type { AuditResult } from "../scenarios/audit";
import type { ExportFormatResult } from "../scenarios/export";
import type { MemoryResult } from "../scenarios/memory";
import type { RapidResult } from "../scenarios/requests";
import type { SoakResult } from "../scenarios/soak";
import type { TrafficResult } from "../scenarios/traffic";
import type { BenchConfig } from "../scenarios/context";
import { describeMachine, type MachineInfo } from "./machine";
import { kib, markdownTable, mib, ms, pairCount, spread, textTable, x } from "./stats";
import { FIRST_PART_ROWS, SPLIT_PAGES_OVER } from "../../src/core/traffic/protocol";

export interface Results {
  machine: MachineInfo;
  config: BenchConfig;
  /** Scenarios that were skipped (--only) or failed, with the reason. */
  skipped: Record<string, string>;
  bundle?: BundleResult;
  activation?: ActivationResult;
  audit?: AuditResult;
  traffic?: TrafficResult;
  rapid?: RapidResult;
  memory?: MemoryResult;
  soak?: SoakResult;
  exports?: ExportFormatResult[];
  reuse?: { requests: number; connections: number };
  targets: Target[];
  durationSeconds: number;
}

export interface Target {
  /** Short name for the tables. */
  name: string;
  measured: string;
  floor: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

export const TARGETS = {
  auditRatio: 1.3,
  trafficRatio50k: 1.5,
  domRows: 200,
  longTaskMs: 50,
  activationMs: 20,
  extensionBytes: 400_000,
  webviewBytes: 150_000,
  memoryRatio: 3,
};

/** The table of every metric with its target (undefined `met`: reported, no target). */
export function evaluate(r: Results): Target[] {
  const t: Target[] = [];
  if (r.audit) {
    t.push({
      name: `Audit refresh → day groups + first ${r.audit.items} items (${r.audit.events.toLocaleString("en-US")} events, ${mib(r.audit.bytes)})`,
      measured: `${spread(r.audit.measured)} ms`,
      floor: `${spread(r.audit.floor)} ms`,
      ratio: x(r.audit.ratio),
      target: `≤ ${TARGETS.auditRatio}×`,
      met: r.audit.ratio <= TARGETS.auditRatio,
    });
  }
  for (const s of r.traffic?.sizes ?? []) {
    const big = s.pageSize >= 50_000;
    const split = s.pageSize > SPLIT_PAGES_OVER;
    t.push({
      name: `Traffic filter change → ${split ? `first ${FIRST_PART_ROWS} of ` : ""}${s.pageSize.toLocaleString("en-US")} rows painted (${mib(s.bytes)})`,
      measured: `${spread(s.measured)} ms`,
      floor: `${spread(s.floor)} ms`,
      ratio: x(s.ratio),
      target: big ? `≤ ${TARGETS.trafficRatio50k}×` : "–",
      met: big ? s.ratio <= TARGETS.trafficRatio50k : undefined,
    });
    if (split) {
      t.push({
        name: `Traffic filter change → all ${s.pageSize.toLocaleString("en-US")} rows in the table`,
        measured: `${spread(s.allRows)} ms`,
        floor: `${spread(s.floor)} ms`,
        ratio: x(s.allRowsRatio),
        target: "–",
        met: undefined,
      });
    }
  }
  if (r.traffic) {
    t.push({ name: "Table rows in the DOM, most at any time", measured: String(r.traffic.maxDomRows), floor: "", ratio: "", target: `≤ ${TARGETS.domRows}`, met: r.traffic.maxDomRows <= TARGETS.domRows });
  }
  if (r.traffic?.scroll) {
    const s = r.traffic.scroll;
    const longest = s.longTasks.length ? Math.max(...s.longTasks) : 0;
    t.push({
      name: `Scroll 50,000 rows end to end (${s.frames} frames, max frame ${ms(s.maxFrameGapMs)} ms)`,
      measured: s.longTasksSupported ? `${s.longTasks.length} long tasks${s.longTasks.length ? `, longest ${longest} ms` : ""}` : "long tasks not observable",
      floor: "",
      ratio: "",
      target: `no task > ${TARGETS.longTaskMs} ms`,
      met: s.longTasksSupported && s.endReached ? s.longTasks.length === 0 : false,
    });
  }
  if (r.activation) {
    t.push({
      name: "Activation (Running Extensions: code loading + activate())",
      measured: `${spread(r.activation.activation)} ms`,
      // Not a ratio target: the reference says what any extension pays on this machine.
      floor: r.activation.reference ? `${spread(r.activation.reference)} ms (reference extension)` : "",
      ratio: "",
      target: `≤ ${TARGETS.activationMs} ms`,
      met: r.activation.activation.median <= TARGETS.activationMs,
    });
  }
  if (r.bundle) {
    t.push({
      name: `Extension bundle (minified${r.bundle.production ? "" : " — NOT a production build"}; + ${kib(r.bundle.lazyBytes)} loaded on first request)`,
      measured: kib(r.bundle.extensionBytes),
      floor: "",
      ratio: "",
      target: `≤ ${TARGETS.extensionBytes / 1000} KB`,
      met: r.bundle.production && r.bundle.extensionBytes <= TARGETS.extensionBytes,
    });
    const webview = r.bundle.webviewJsBytes + r.bundle.webviewCssBytes;
    t.push({
      name: `Webview bundle (JS ${kib(r.bundle.webviewJsBytes)} + CSS ${kib(r.bundle.webviewCssBytes)})`,
      measured: kib(webview),
      floor: "",
      ratio: "",
      target: `≤ ${TARGETS.webviewBytes / 1000} KB`,
      met: r.bundle.production && webview <= TARGETS.webviewBytes,
    });
  }
  if (r.memory) {
    const m = r.memory;
    t.push({
      name: `Extension-host heap with ${m.auditEvents.toLocaleString("en-US")} audit events + ${m.trafficRows.toLocaleString("en-US")} traffic rows`,
      measured: `+${mib(m.heapDelta)}`,
      floor: `${mib(m.auditJsonBytes + m.trafficJsonBytes)} JSON`,
      ratio: x(m.ratio),
      target: `≤ ${TARGETS.memoryRatio}×`,
      met: m.ratio <= TARGETS.memoryRatio,
    });
  }
  if (r.soak) {
    const s = r.soak;
    t.push({
      name: `Auto-refresh soak: ${s.refreshes} refreshes = ${s.simulatedMinutes.toFixed(0)} min simulated (${s.wallSeconds.toFixed(0)} s)`,
      measured: `${mib(s.firstHeap)} → ${mib(s.lastHeap)}, ${(s.slopeBytesPerRefresh / 1024).toFixed(1)} KiB/refresh`,
      floor: "",
      ratio: "",
      target: "no growth trend",
      met: !s.growthTrend,
    });
  }
  if (r.reuse) {
    t.push({
      name: "Keep-alive: connections opened / requests made",
      measured: `${r.reuse.connections} / ${r.reuse.requests}`,
      floor: "",
      ratio: "",
      target: "reuse",
      met: r.reuse.connections <= Math.max(2, r.reuse.requests / 10),
    });
  }
  const dup = (r.audit?.duplicateRequests ?? 0) + (r.traffic?.sizes.reduce((n, s) => n + s.duplicateRequests, 0) ?? 0) + (r.exports?.reduce((n, e) => n + e.duplicateRequests, 0) ?? 0);
  if (r.audit || r.traffic || r.exports) {
    const parts = [
      r.audit ? `refresh ${r.audit.requestsPerRefresh}` : "",
      ...(r.traffic?.sizes ?? []).map((s) => `filter change (${s.pageSize.toLocaleString("en-US")}) ${s.requestsPerChange}`),
      ...(r.exports ?? []).slice(0, 1).map((e) => `export ${e.requests}`),
    ].filter(Boolean);
    t.push({ name: `Requests per action: ${parts.join(", ")}`, measured: `${dup} duplicates`, floor: "", ratio: "", target: "no duplicates", met: dup === 0 });
  }
  if (r.traffic?.pageTurn) {
    const p = r.traffic.pageTurn;
    t.push({
      name: `Next page (${p.pageSize.toLocaleString("en-US")} rows, prefetched): requests for that page (+ ${p.requestsForNext} prefetch of the one after)`,
      measured: `${p.requestsForPage} (${ms(p.ms)} ms to painted)`,
      floor: "",
      ratio: "",
      target: "0 (no duplicate)",
      met: p.requestsForPage === 0,
    });
  }
  if (r.rapid) {
    const q = r.rapid;
    t.push({
      name: `${q.changes} filter changes in ${(q.burstMs / 1000).toFixed(1)} s (server ${q.serverDelayMs} ms): ${q.requestsSent} requests, ${q.requestsAbandoned} abandoned, ${q.pagesPosted} page(s) posted`,
      measured: `${q.paints} result(s) painted`,
      floor: "",
      ratio: "",
      target: "only the last",
      met: q.paints === 1 && q.paintsDuringBurst === 0 && q.lastPaintedValue === q.finalValue && q.lastPageIsLatestQuery,
    });
  }
  for (const e of r.exports ?? []) {
    t.push({
      name: `Export ${e.records.toLocaleString("en-US")} records to ${e.format.toUpperCase()} (${e.requests} requests; peak heap +${mib(e.peakHeapDelta.median)}, RSS +${mib(e.peakRssDelta.median)})`,
      measured: `${spread(e.measured)} ms`,
      floor: `${spread(e.floor)} ms`,
      ratio: x(e.ratio),
      target: "–",
      met: undefined,
    });
  }
  return t;
}

const metText = (met: boolean | undefined) => (met === undefined ? "" : met ? "yes" : "NO");

export function summaryTable(targets: readonly Target[], format: "text" | "markdown"): string {
  const header = ["Metric", "Measured: median (min–max)", "Floor (same run)", "Ratio", "Target", "Met"];
  const rows = targets.map((t) => [t.name, t.measured, t.floor, t.ratio, t.target, metText(t.met)]);
  return format === "text" ? textTable(header, rows) : markdownTable(header, rows);
}

export function markdownReport(r: Results): string {
  const lines = [
    "# Benchmark results (latest run)",
    "",
    "Written by `npm run bench` (see [bench/README.md](../README.md)). Every ratio is median ÷ median of samples taken",
    `in the same run; ${r.config.runs} measured runs per metric after one warm-up run (against a floor: ${pairCount(r.config.runs)} pairs,`,
    `each order as often${r.audit ? `; the audit refresh: ${r.audit.measured.n}` : ""}).`,
    "",
    "```",
    describeMachine(r.machine),
    "```",
    "",
    summaryTable(r.targets, "markdown"),
    "",
  ];
  if (Object.keys(r.skipped).length) {
    lines.push("Skipped or failed:", "", ...Object.entries(r.skipped).map(([k, v]) => `- ${k}: ${v}`), "");
  }
  if (r.audit) {
    const a = r.audit;
    lines.push(
      "## Audit",
      "",
      markdownTable(
        ["Part", "Median (min–max) ms"],
        [
          ["refresh command (fetch, parse, validate, sort, filter) and the turn of the event loop after it", spread(a.loadMs)],
          [`tree: ${a.dayGroups} day groups + ${a.items} items`, spread(a.treeMs)],
          ["floor: fetch over a bare socket", spread(a.floorFetchMs)],
          ["floor: JSON.parse", spread(a.floorParseMs)],
          ["floor: the turn of the event loop after it", spread(a.floorTurnMs)],
          ["floor, keeping its parsed list alive until the next run (as the extension keeps its list)", spread(a.retainedFloor)],
        ],
      ),
      "",
    );
  }
  if (r.traffic) {
    lines.push(
      "## Traffic",
      "",
      markdownTable(
        ["Page size", "Response", "Change → first rows painted ms", "→ all rows in the table ms", "Floor ms (fetch + parse)", "Ratio (first / all)", "Host / transfer + webview→host / webview ms (first rows)", "Requests per change"],
        r.traffic.sizes.map((s) => [
          s.pageSize.toLocaleString("en-US"),
          mib(s.bytes),
          spread(s.measured),
          spread(s.allRows),
          `${spread(s.floor)} (${ms(s.floorFetchMs.median)} + ${ms(s.floorParseMs.median)})`,
          `${x(s.ratio)} / ${x(s.allRowsRatio)}`,
          `${ms(s.hostMs.median)} / ${ms(s.transferMs.median)} / ${ms(s.webviewMs.median)}`,
          String(s.requestsPerChange),
        ]),
      ),
      "",
    );
    const s = r.traffic.scroll;
    if (s) {
      lines.push(
        `Scroll: ${s.frames} frames of ${s.stepPx.toLocaleString("en-US")} px over ${s.scrollHeight.toLocaleString("en-US")} px in ${ms(s.durationMs)} ms; ` +
          `frame gap p95 ${ms(s.p95FrameGapMs)} ms, max ${ms(s.maxFrameGapMs)} ms; long tasks: ${s.longTasks.length ? s.longTasks.join(", ") + " ms" : "none"}; ` +
          `end reached: ${s.endReached ? "yes" : "no"} (last row ${s.lastRowIndex - 1}); most rows in the DOM: ${s.maxRows}.`,
        "",
      );
    }
  }
  if (r.memory) {
    const m = r.memory;
    lines.push(
      "## Memory",
      "",
      `Heap after GC: ${mib(m.baselineHeap)} signed out → ${mib(m.loadedHeap)} with the data (+${mib(m.heapDelta)}; RSS +${mib(m.rssDelta)}). ` +
        `Raw JSON: audit ${mib(m.auditJsonBytes)} + traffic page ${mib(m.trafficJsonBytes)}.`,
      "",
    );
  }
  if (r.soak) {
    lines.push(
      "Soak samples (refreshes: heap MiB): " + r.soak.samples.map((s) => `${s.refreshes}: ${(s.heapUsed / 1048576).toFixed(1)}`).join(", "),
      "",
    );
  }
  if (r.exports?.length) {
    lines.push(
      "## Export",
      "",
      markdownTable(
        ["Format", "Records", "File", "Export ms", "Floor ms (fetch + write)", "Ratio", "Peak heap", "Peak RSS", "Floor peak heap", "JSON.parse of the pages (est.)"],
        r.exports.map((e) => [
          e.format,
          e.records.toLocaleString("en-US"),
          mib(e.fileBytes),
          spread(e.measured),
          spread(e.floor),
          x(e.ratio),
          `+${mib(e.peakHeapDelta.median)}`,
          `+${mib(e.peakRssDelta.median)}`,
          `+${mib(e.floorPeakHeapDelta.median)}`,
          `${ms(e.floorParseMsEstimate.median)} ms`,
        ]),
      ),
      "",
    );
  }
  if (r.rapid) {
    const q = r.rapid;
    lines.push(
      "## Rapid filter changes",
      "",
      `${q.changes} committed search changes in ${ms(q.burstMs)} ms, the server answering each traffic page after ${q.serverDelayMs} ms: ` +
        `${q.queriesFromWebview} queries from the webview, ${q.requestsSent} requests sent (${q.requestsAbandoned} abandoned when superseded, ` +
        `${q.connectionsOpened} connections opened), ${q.pagesPosted} page(s) posted to the webview, ${q.paintsDuringBurst} painted during the burst, ` +
        `${q.paints} in total (last painted search "${q.lastPaintedValue ?? ""}", final "${q.finalValue}").`,
      "",
    );
  }
  lines.push(`Total bench time ${r.durationSeconds.toFixed(0)} s.`, "");
  return lines.join("\n");
}

/** The README's short table: what is measured, result, target. */
export function readmeSection(r: Results): string {
  const rows = r.targets.map((t) => [t.name.replace(/ \(.*\)$/, ""), t.ratio || t.measured, t.target, metText(t.met)]);
  return [
    "Measured with `npm run bench` in a real VS Code (code-server) against the simulator, ratios against a floor",
    "(the same bytes fetched over loopback and `JSON.parse`d in the same Node) measured in the same run; method",
    "and full results in [bench/README.md](bench/README.md) and [bench/results/latest.md](bench/results/latest.md).",
    "",
    markdownTable(["What", "Result", "Target", "Met"], rows),
    "",
    `<sub>${r.machine.cpu}, ${r.machine.cores} cores; load average at start ${r.machine.loadStart[0]?.toFixed(1)}.</sub>`,
  ].join("\n");
}

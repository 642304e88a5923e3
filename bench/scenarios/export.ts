// 6. Export: the 50,000 records to CSV and NDJSON with the real command (5,000 per request), against the
// floor: the same requests over a bare socket with the bytes written straight to a file. Peak heap and RSS
// over the idle heap are sampled in the extension host during both.
import * as os from "node:os";
import * as path from "node:path";
import { alternateWithFloor, ratio, summarize, type Summary } from "../lib/stats";
import { agent, duplicates, pathOf, requestsDuring, type Context } from "./context";

export interface ExportFormatResult {
  format: string;
  measured: Summary;
  floor: Summary;
  ratio: number;
  records: number;
  fileBytes: number;
  responseBytes: number;
  requests: number;
  duplicateRequests: number;
  peakHeapDelta: Summary;
  peakRssDelta: Summary;
  floorPeakHeapDelta: Summary;
  floorParseMsEstimate: Summary;
}

interface Export {
  ms: number;
  records: number;
  bytes: number;
  peakHeapDelta: number;
  peakRssDelta: number;
}
interface Floor {
  ms: number;
  bytes: number;
  parseMsEstimate: number;
  peakHeapDelta: number;
  peakRssDelta: number;
}

export async function exportScenario(ctx: Context, formats = ["csv", "ndjson"]): Promise<ExportFormatResult[]> {
  const results: ExportFormatResult[] = [];
  const dir = os.tmpdir();
  // The whole dataset with a fixed end (otherwise the export pins the end to "now").
  const filters = { from: "2020-01-01", to: "2099-01-01" };
  for (const format of formats) {
    const file = path.join(dir, `netbird-bench-export-${process.pid}.${format}`);
    const exports: Export[] = [];
    const floors: Floor[] = [];
    let paths: string[] = [];
    let requests = 0;
    let dup = 0;
    const measure = async (record: boolean) => {
      const run = await requestsDuring(ctx, () => agent<Export>(ctx, "exportTraffic", { filters, format, file }, 300_000));
      const pages = run.requests.filter((r) => r.path === "/api/events/network-traffic");
      paths = pages.map(pathOf);
      if (!record) return;
      exports.push(run.value);
      requests = run.requests.length;
      dup += duplicates(run.requests);
    };
    const floor = async (record: boolean) => {
      const f = await agent<Floor>(ctx, "exportFloor", { paths, file: `${file}.floor` }, 300_000);
      if (record) floors.push(f);
    };
    await alternateWithFloor(ctx.config.runs, measure, floor);
    const measured = summarize(exports.map((e) => e.ms));
    const floorSummary = summarize(floors.map((f) => f.ms));
    ctx.log(`export ${format}: ${measured.median.toFixed(0)} ms vs floor ${floorSummary.median.toFixed(0)} ms (${exports[0]!.records} records)`);
    results.push({
      format,
      measured,
      floor: floorSummary,
      ratio: ratio(measured, floorSummary),
      records: exports[0]!.records,
      fileBytes: exports[0]!.bytes,
      responseBytes: floors[0]!.bytes,
      requests,
      duplicateRequests: dup,
      peakHeapDelta: summarize(exports.map((e) => e.peakHeapDelta)),
      peakRssDelta: summarize(exports.map((e) => e.peakRssDelta)),
      floorPeakHeapDelta: summarize(floors.map((f) => f.peakHeapDelta)),
      floorParseMsEstimate: summarize(floors.map((f) => f.parseMsEstimate)),
    });
  }
  return results;
}

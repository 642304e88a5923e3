// Small statistics for the benchmark: every measurement is a list of samples (ms, bytes, …) reduced to
// median / min / max. Ratios are always median over median of samples taken in the same run.
import { tableCell } from "../../scripts/readmeSection";

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
  readonly samples: readonly number[];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0, samples: [...samples] };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n, samples: [...samples] };
}

/** median(a) / median(b). */
export function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}

/** Theil–Sen slope: the median of the slopes between every pair of points (robust to a few outliers). */
export function robustSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
    }
  }
  return slopes.length ? summarize(slopes).median : 0;
}

export const ms = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "–");
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const x = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

/** "123 (110–140)": median with min–max. */
export function spread(s: Summary, format: (v: number) => string = ms): string {
  return s.n === 0 ? "–" : `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.map(tableCell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(tableCell).join(" | ")} |`),
  ].join("\n");
}

/** The same table as aligned plain text for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One floor sample: the same response fetched over a bare socket and JSON.parse'd in the extension host. */
export interface Floor {
  ms: number;
  fetchMs: number;
  parseMs: number;
  /** The turn of the event loop after the parse, when the floor was asked for one (the audit metric); else 0. */
  turnMs: number;
  bytes: number;
  count: number;
}

/** How many recorded pairs `alternateWithFloor` runs for `runs`: an even number, each order as often. */
export function pairCount(runs: number): number {
  return runs + (runs % 2);
}

/**
 * Runs a warm-up of both, then `runs` recorded pairs of measurement and floor (rounded up to an even count),
 * alternating which of the two goes first so neither always pays for the other's aftermath (GC, caches).
 * `beforePair` (e.g. new data on the server) runs before each pair, so its aftermath too falls on each side as
 * often. With an odd count one side would go first once more, and a median of samples that differ by order
 * would lean to that side's first-run cost.
 */
export async function alternateWithFloor(
  runs: number,
  measure: (record: boolean) => Promise<void>,
  floor: (record: boolean) => Promise<void>,
  beforePair: () => void = () => undefined,
): Promise<void> {
  beforePair();
  await measure(false);
  await floor(false);
  for (let i = 0; i < pairCount(runs); i++) {
    beforePair();
    if (i % 2 === 1) await floor(true);
    await measure(true);
    if (i % 2 === 0) await floor(true);
  }
}

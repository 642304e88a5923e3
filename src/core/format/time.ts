/** Time formatting shared by the tree, the documents and the webview. Pure functions; `now` is passed in. */

import { remembered } from "../remembered";

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** Relative-time texts kept per locale (values and units of the times shown; odd timestamps add more). */
const KEPT_RELATIVE_TEXTS = 1000;

/**
 * One Intl formatter per kind, locale and time zone: creating a formatter costs far more than formatting
 * with it, and trees, palettes and day groups format thousands of times.
 */
const formats = new Map<string, unknown>();

/** The formatter `make` creates for `key` (e.g. "dateTime|de-DE|UTC"), made once. */
export function cachedFormat<T>(key: string, make: () => T): T {
  return remembered(formats, key, Number.POSITIVE_INFINITY, make) as T;
}

/**
 * "just now", "5 min ago", "3 hr. ago", "2 days ago" (short English-style, locale-aware); "unknown time" for a
 * timestamp that could not be read. The texts are kept per locale, value and unit: a tree of 100 events repeats a
 * few dozen of them, and Intl's format costs several microseconds a call.
 */
export function relativeTime(timestampMs: number, now: number, locale?: string): string {
  if (!Number.isFinite(timestampMs) || !Number.isFinite(now)) return "unknown time";
  const seconds = Math.round((timestampMs - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "minute") {
      const value = Math.round(seconds / size);
      const texts = cachedFormat(`relative|${locale ?? ""}`, () => ({
        format: new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }),
        made: new Map<string, string>(),
      }));
      return remembered(texts.made, `${value} ${unit}`, KEPT_RELATIVE_TEXTS, () => texts.format.format(value, unit));
    }
  }
  return "just now";
}

/** The parts of a local date and time with seconds, e.g. "24 Nov 2026, 14:05:09". */
const DATE_TIME_OPTIONS: Readonly<Intl.DateTimeFormatOptions> = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
};

/** Local date and time with seconds, e.g. "24 Nov 2026, 14:05:09". */
export function formatDateTime(timestampMs: number, locale?: string, timeZone?: string): string {
  if (!Number.isFinite(timestampMs)) return "unknown time";
  return cachedFormat(`dateTime|${locale ?? ""}|${timeZone ?? ""}`, () => new Intl.DateTimeFormat(locale, { ...DATE_TIME_OPTIONS, timeZone })).format(timestampMs);
}

/** The local calendar day of a timestamp as YYYY-MM-DD (in `timeZone`, default the machine's). */
export function localDayKey(timestampMs: number, timeZone?: string): string {
  if (timeZone === undefined) {
    // Fast path for the machine's time zone (called once per event when grouping 10,000 events).
    const d = new Date(timestampMs);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(timestampMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The start (ms) of the local day `daysAgo` days before `now`'s day. */
export function startOfLocalDay(now: number, daysAgo = 0): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  return d.getTime();
}

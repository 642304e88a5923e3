import type { AuditEvent, AuditEventList } from "../api/models";
import { startOfLocalDay } from "../format/time";

export type DatePreset = "today" | "last7days" | "last30days";

/** A client-side filter over the loaded audit events (the API has no server-side filter). Plain data, JSON-safe. */
export interface AuditFilter {
  /** Case-insensitive words, all must match: activity, code, meta values, initiator, target, id. */
  readonly text?: string;
  /** Activity codes to keep (any of them). */
  readonly activityCodes?: readonly string[];
  /** Initiator ids to keep (any of them). */
  readonly initiatorIds?: readonly string[];
  /** Matches the target id or any meta value (case-insensitive substring). */
  readonly target?: string;
  readonly datePreset?: DatePreset;
  /** Custom range, RFC 3339 / ISO dates; `to` is inclusive of its whole day when given as a date only. */
  readonly from?: string;
  readonly to?: string;
}

export const DATE_PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  today: "Today",
  last7days: "Last 7 days",
  last30days: "Last 30 days",
};

export function isFilterActive(filter: AuditFilter | undefined): boolean {
  if (!filter) return false;
  return Boolean(
    filter.text?.trim() ||
      filter.activityCodes?.length ||
      filter.initiatorIds?.length ||
      filter.target?.trim() ||
      filter.datePreset ||
      filter.from ||
      filter.to,
  );
}

/** The time window of a filter as [fromMs, toMs) (either may be unbounded). */
export function filterWindow(filter: AuditFilter, now: number): { from: number; to: number } {
  switch (filter.datePreset) {
    case "today":
      return { from: startOfLocalDay(now), to: Infinity };
    case "last7days":
      return { from: now - 7 * 24 * 3600 * 1000, to: Infinity };
    case "last30days":
      return { from: now - 30 * 24 * 3600 * 1000, to: Infinity };
    default:
      return { from: parseBound(filter.from, false), to: parseBound(filter.to, true) };
  }
}

/** Parses a date bound: `YYYY-MM-DD` means local midnight (end bounds: the next midnight); else Date.parse. */
export function parseBound(value: string | undefined, end: boolean): number {
  if (!value?.trim()) return end ? Infinity : -Infinity;
  const text = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    const d = new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]) + (end ? 1 : 0));
    return d.getTime();
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? Number.NaN : ms;
}

/** An error message for a custom range, or undefined when it is valid. */
export function validateRange(from: string | undefined, to: string | undefined): string | undefined {
  const f = parseBound(from, false);
  const t = parseBound(to, true);
  if (Number.isNaN(f)) return `"${from}" is not a date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM.`;
  if (Number.isNaN(t)) return `"${to}" is not a date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM.`;
  if (f >= t) return "The end of the range must be after its start.";
  return undefined;
}

function haystack(event: AuditEvent): string {
  const meta = event.meta ? Object.values(event.meta).join("\n") : "";
  return [event.id, event.activity, event.activity_code, event.initiator_id, event.initiator_name, event.initiator_email, event.target_id, meta, event.timestamp]
    .join("\n")
    .toLowerCase();
}

/** The events of `list` the filter lets through, with their times, in the same order. */
export function filterEvents(list: AuditEventList, filter: AuditFilter, now: number): AuditEventList {
  const matches = compileFilter(filter, now);
  const events: AuditEvent[] = [];
  const times: number[] = [];
  list.events.forEach((event, i) => {
    const time = list.times[i]!;
    if (!matches(event, time)) return;
    events.push(event);
    times.push(time);
  });
  return { events, times: Float64Array.from(times) };
}

/** A predicate for the filter over an event and its time (read once, with the list); build once, apply to many. */
function compileFilter(filter: AuditFilter, now: number): (event: AuditEvent, time: number) => boolean {
  const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const codes = filter.activityCodes?.length ? new Set(filter.activityCodes) : undefined;
  const initiators = filter.initiatorIds?.length ? new Set(filter.initiatorIds) : undefined;
  const target = filter.target?.trim().toLowerCase();
  const window = filterWindow(filter, now);
  const timed = window.from !== -Infinity || window.to !== Infinity;
  return (event, time) => {
    if (codes && !codes.has(event.activity_code)) return false;
    if (initiators && !initiators.has(event.initiator_id)) return false;
    if (timed && !(time >= window.from && time < window.to)) return false;
    if (target) {
      const inMeta = event.meta ? Object.values(event.meta).some((v) => v.toLowerCase().includes(target)) : false;
      if (!event.target_id.toLowerCase().includes(target) && !inMeta) return false;
    }
    if (words.length) {
      const text = haystack(event);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  };
}

/** A short summary for the view description, e.g. `"peer" · 2 types · Last 7 days`. */
export function describeFilter(filter: AuditFilter, initiatorName?: (id: string) => string): string {
  const parts: string[] = [];
  if (filter.text?.trim()) parts.push(`“${filter.text.trim()}”`);
  if (filter.activityCodes?.length) parts.push(filter.activityCodes.length === 1 ? (filter.activityCodes[0] as string) : `${filter.activityCodes.length} types`);
  if (filter.initiatorIds?.length) {
    parts.push(filter.initiatorIds.length === 1 ? `by ${initiatorName?.(filter.initiatorIds[0] as string) ?? filter.initiatorIds[0]}` : `${filter.initiatorIds.length} initiators`);
  }
  if (filter.target?.trim()) parts.push(`target “${filter.target.trim()}”`);
  if (filter.datePreset) parts.push(DATE_PRESET_LABELS[filter.datePreset]);
  else if (filter.from || filter.to) parts.push(`${filter.from ?? "…"} – ${filter.to ?? "…"}`);
  return parts.join(" · ");
}

/** Reads a persisted filter defensively (state may come from an older version). */
export function sanitizeFilter(value: unknown): AuditFilter {
  if (!value || typeof value !== "object") return {};
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === "string" && x.length <= 2000 ? x : undefined);
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string").slice(0, 500) : undefined);
  const preset = v.datePreset === "today" || v.datePreset === "last7days" || v.datePreset === "last30days" ? v.datePreset : undefined;
  const result: AuditFilter = {
    text: str(v.text),
    activityCodes: list(v.activityCodes),
    initiatorIds: list(v.initiatorIds),
    target: str(v.target),
    datePreset: preset,
    from: str(v.from),
    to: str(v.to),
  };
  return JSON.parse(JSON.stringify(result)) as AuditFilter;
}

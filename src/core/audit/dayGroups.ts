import type { AuditEvent } from "../api/models";
import { localDayKey } from "../format/time";

export interface DayGroup {
  /** Stable id: the local day, YYYY-MM-DD. */
  readonly key: string;
  /** "Today", "Yesterday", or a date like "Monday, 24 November 2026". */
  readonly label: string;
  readonly events: AuditEvent[];
}

export interface DayGroupOptions {
  readonly now: number;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** Groups a newest-first list by local day, keeping the order; labels Today/Yesterday/dates. */
export function groupByDay(events: readonly AuditEvent[], options: DayGroupOptions): DayGroup[] {
  const today = localDayKey(options.now, options.timeZone);
  const yesterday = previousDayKey(today);
  const dateFormat = new Intl.DateTimeFormat(options.locale, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: options.timeZone,
  });
  const groups: DayGroup[] = [];
  const byKey = new Map<string, DayGroup>();
  // In the machine's time zone, the local day of the previous event is remembered as a range of ms, so a
  // newest-first list needs one day-key computation per day instead of one per event.
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  let dayGroup: DayGroup | undefined;
  for (const event of events) {
    const ms = Date.parse(event.timestamp);
    if (dayGroup && ms >= dayStart && ms < dayEnd) {
      dayGroup.events.push(event);
      continue;
    }
    const key = Number.isNaN(ms) ? "unknown" : localDayKey(ms, options.timeZone);
    let group = byKey.get(key);
    if (!group) {
      const label =
        key === today ? "Today" : key === yesterday ? "Yesterday" : key === "unknown" ? "Unknown date" : dateFormat.format(ms);
      group = { key, label, events: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.events.push(event);
    if (options.timeZone === undefined && !Number.isNaN(ms)) {
      const d = new Date(ms);
      dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
      dayGroup = group;
    } else dayGroup = undefined;
  }
  return groups;
}

/** The calendar day before a YYYY-MM-DD key (time-zone and DST independent). */
export function previousDayKey(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

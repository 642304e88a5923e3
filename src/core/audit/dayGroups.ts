import type { AuditEvent, AuditEventList } from "../api/models";
import { cachedFormat, localDayKey } from "../format/time";
import { remembered } from "../remembered";

export interface DayGroup {
  /** Stable id: the local day, YYYY-MM-DD. */
  readonly key: string;
  /** "Today", "Yesterday", or a date like "Monday, 24 November 2026". */
  readonly label: string;
  readonly events: AuditEvent[];
}

/**
 * Date labels kept per locale and time zone, formatted once per day (Intl's format costs microseconds a call, and a
 * refresh labels each day again): a year of days.
 */
const KEPT_DAY_LABELS = 400;

/** Events a day lists in the tree at first; each "Show more" lists this many more. */
export const DAY_PAGE_SIZE = 100;

export interface DayGroupOptions {
  readonly now: number;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** Groups a newest-first list by local day, keeping the order; labels Today/Yesterday/dates. */
export function groupByDay(list: AuditEventList, options: DayGroupOptions): DayGroup[] {
  const { events, times } = list;
  const today = localDayKey(options.now, options.timeZone);
  const yesterday = previousDayKey(today);
  const { locale, timeZone } = options;
  const dateLabels = cachedFormat(`dayLabel|${locale ?? ""}|${timeZone ?? ""}`, () => ({
    format: new Intl.DateTimeFormat(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone }),
    byKey: new Map<string, string>(),
  }));
  const groups: { key: string; label: string; events: AuditEvent[] }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  // In the machine's time zone, the local day of the run of events being read is kept as a range of ms, so
  // a newest-first list needs one day-key computation per day, and each day's events are one slice.
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  let run: (typeof groups)[number] | undefined;
  let runStart = 0;
  const endRun = (end: number) => {
    if (!run) return;
    if (run.events.length === 0) run.events = events.slice(runStart, end);
    else for (let k = runStart; k < end; k++) run.events.push(events[k]!);
  };
  for (let i = 0; i < events.length; i++) {
    const ms = times[i]!;
    if (ms >= dayStart && ms < dayEnd) continue;
    endRun(i);
    const key = Number.isNaN(ms) ? "unknown" : localDayKey(ms, options.timeZone);
    let group = byKey.get(key);
    if (!group) {
      const label =
        key === today ? "Today" : key === yesterday ? "Yesterday" : key === "unknown" ? "Unknown date" : remembered(dateLabels.byKey, key, KEPT_DAY_LABELS, () => dateLabels.format.format(ms));
      group = { key, label, events: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    run = group;
    runStart = i;
    if (options.timeZone === undefined && !Number.isNaN(ms)) {
      const d = new Date(ms);
      dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
    } else {
      dayStart = Number.POSITIVE_INFINITY;
      dayEnd = Number.NEGATIVE_INFINITY;
    }
  }
  endRun(events.length);
  return groups;
}

/** The calendar day before a YYYY-MM-DD key (time-zone and DST independent). */
export function previousDayKey(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

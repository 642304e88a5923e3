import type { AuditEvent, AuditEventList } from "../api/models";

const DIGITS = /^\d+$/;

/** Compares decimal-string ids numerically (ids are uint64, beyond Number's exact range). */
export function compareIdsDescending(a: string, b: string): number {
  if (a.length !== b.length && DIGITS.test(a) && DIGITS.test(b)) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Newest first: by timestamp descending (`ta`, `tb` parsed), then numeric id descending (the server has no tie-breaker). */
function compareParsed(ta: number, tb: number, a: AuditEvent, b: AuditEvent): number {
  if (ta !== tb) return (Number.isNaN(tb) ? -Infinity : tb) - (Number.isNaN(ta) ? -Infinity : ta);
  return compareIdsDescending(a.id, b.id);
}

export const NO_EVENTS: AuditEventList = { events: [], times: new Float64Array(0) };

/** A fresh server list newest first, at most `cap` events. The server's list replaces the old one (it is the truth, capped). */
export function newestFirst(list: AuditEventList, cap = Number.POSITIVE_INFINITY): AuditEventList {
  const { events, times } = list;
  const count = Math.min(cap, events.length);
  // The server already sends newest first; only sort when it did not.
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = compareParsed(times[i - 1]!, times[i]!, events[i - 1]!, events[i]!) <= 0;
  if (sorted) return count === events.length ? list : { events: events.slice(0, count), times: times.slice(0, count) };
  const order = events.map((_, index) => index).sort((x, y) => compareParsed(times[x]!, times[y]!, events[x]!, events[y]!));
  const sortedTimes = new Float64Array(count);
  const sortedEvents: AuditEvent[] = new Array<AuditEvent>(count);
  for (let i = 0; i < count; i++) {
    sortedEvents[i] = events[order[i]!]!;
    sortedTimes[i] = times[order[i]!]!;
  }
  return { events: sortedEvents, times: sortedTimes };
}

/** Whether two newest-first lists hold the same events in the same order (audit events never change). */
export function sameEvents(a: readonly AuditEvent[], b: readonly AuditEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/**
 * How many events are newer than the event with id `lastSeenId`: its position in the list (newest first), or,
 * when that event is gone (beyond the cap, or deleted), how many ids are greater. One pass over the list.
 */
export function countNewerThan(events: readonly AuditEvent[], lastSeenId: string | undefined): number {
  if (!lastSeenId) return 0;
  let greater = 0;
  for (let i = 0; i < events.length; i++) {
    const id = events[i]!.id;
    if (id === lastSeenId) return i;
    if (compareIdsDescending(id, lastSeenId) < 0) greater++;
  }
  return greater;
}

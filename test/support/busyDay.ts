// A clock for the simulator under which the newest day of audit events is a whole busy day: the simulator makes
// weekdays (UTC) about three times as busy as weekends, and today's events alone are fewer than a page early in the
// day. Tests of a long day (more than two pages of 100 events) set the server's `now` to this.

/**
 * The last millisecond of the most recent local day before `today` that lies wholly on UTC weekdays (Monday to
 * Friday): yesterday, or the Friday before a weekend.
 */
export function endOfRecentBusyDay(today: Date = new Date()): number {
  const isWeekday = (ms: number): boolean => {
    const day = new Date(ms).getUTCDay();
    return day >= 1 && day <= 5;
  };
  for (let back = 1; back <= 7; back++) {
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back).getTime();
    const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back + 1).getTime() - 1;
    if (isWeekday(start) && isWeekday(end)) return end;
  }
  throw new Error("no local day of the last week lies wholly on UTC weekdays");
}

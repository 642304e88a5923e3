import * as assert from "node:assert/strict";
import { endOfRecentBusyDay } from "../support/busyDay";

/** A local time: year, month (1–12), day, hour. */
const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
const utcWeekday = (ms: number) => new Date(ms).getUTCDay();

describe("the clock for a long day of audit events", () => {
  it("is the end of yesterday when yesterday was a weekday", () => {
    // Thursday 26 November 2026: yesterday was a Wednesday.
    const end = endOfRecentBusyDay(local(2026, 11, 26, 0));
    assert.equal(end, local(2026, 11, 26, 0).setHours(0, 0, 0, 0) - 1);
  });

  it("goes back to the Friday before a weekend, also from a Monday morning", () => {
    for (const today of [local(2026, 11, 29, 3), local(2026, 11, 30, 1), local(2026, 11, 30, 23)]) {
      const end = endOfRecentBusyDay(today);
      const start = new Date(end).setHours(0, 0, 0, 0);
      assert.ok(end < new Date(today).setHours(0, 0, 0, 0), "a day before today");
      for (const ms of [start, end]) assert.ok(utcWeekday(ms) >= 1 && utcWeekday(ms) <= 5, new Date(ms).toISOString());
      assert.equal(new Date(end).getDate(), 27, "Friday 27 November");
    }
  });

  it("ends on the day's last millisecond", () => {
    const end = endOfRecentBusyDay(local(2026, 11, 26));
    assert.equal(new Date(end + 1).getHours(), 0);
    assert.equal(new Date(end + 1).getMinutes(), 0);
  });
});

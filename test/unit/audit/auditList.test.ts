import * as assert from "node:assert/strict";
import { filterEvents } from "../../../src/core/audit/auditFilter";
import { compareIdsDescending, countNewerThan, newestFirst } from "../../../src/core/audit/auditList";
import { groupByDay, previousDayKey } from "../../../src/core/audit/dayGroups";
import { auditEvent, auditList } from "../../support/auditEvents";

describe("audit list", () => {
  it("sorts newest first, ties by numeric id", () => {
    const list = [
      auditEvent({ id: "9", timestamp: "2026-11-26T10:00:00Z" }),
      auditEvent({ id: "10", timestamp: "2026-11-26T10:00:00Z" }),
      auditEvent({ id: "11", timestamp: "2026-11-26T11:00:00Z" }),
    ];
    const sorted = newestFirst(auditList(list));
    assert.deepEqual(sorted.events.map((e) => e.id), ["11", "10", "9"]);
    assert.deepEqual([...sorted.times], ["2026-11-26T11:00:00Z", "2026-11-26T10:00:00Z", "2026-11-26T10:00:00Z"].map(Date.parse), "each time moves with its event");
    assert.ok(compareIdsDescending("10", "9") < 0);
    assert.ok(compareIdsDescending("18446744073709551615", "18446744073709551614") < 0);
  });

  it("keeps a list the server sent newest first as it is, and caps any list at the newest `cap`", () => {
    const list = [5, 4, 3, 2, 1].map((n) => auditEvent({ id: String(n), timestamp: `2026-11-2${n}T10:00:00.5Z` }));
    const kept = newestFirst(auditList(list));
    assert.equal(kept.events, list, "already in order: no copy, no sort");
    assert.equal(kept.times[0], Date.parse("2026-11-25T10:00:00.5Z"));
    assert.deepEqual(newestFirst(auditList(list), 2).events.map((e) => e.id), ["5", "4"]);
    const shuffled = [list[2]!, list[0]!, list[4]!, list[1]!, list[3]!];
    const capped = newestFirst(auditList(shuffled), 3);
    assert.deepEqual(capped.events.map((e) => e.id), ["5", "4", "3"], "sorted first, then capped: the newest stay");
    assert.deepEqual([...capped.times], capped.events.map((e) => Date.parse(e.timestamp)));
  });

  it("puts events with unreadable times last and selects with their times", () => {
    const list = [
      auditEvent({ id: "1", timestamp: "garbage" }),
      auditEvent({ id: "2", timestamp: "2026-11-26T10:00:00Z", initiator_id: "user-2" }),
      auditEvent({ id: "3", timestamp: "2026-11-26T11:00:00Z" }),
    ];
    const sorted = newestFirst(auditList(list));
    assert.deepEqual(sorted.events.map((e) => e.id), ["3", "2", "1"]);
    assert.ok(Number.isNaN(sorted.times[2]));
    const odd = filterEvents(sorted, { initiatorIds: ["user-1"] }, Date.now());
    assert.deepEqual(odd.events.map((e) => e.id), ["3", "1"]);
    assert.equal(odd.times[0], Date.parse("2026-11-26T11:00:00Z"));
    assert.ok(Number.isNaN(odd.times[1]));
  });

  it("counts new events and unseen ones", () => {
    const before = [auditEvent({ id: "2" }), auditEvent({ id: "1" })];
    const after = [auditEvent({ id: "4" }), auditEvent({ id: "3" }), ...before];
    assert.equal(countNewerThan(after, "2"), 2);
    assert.equal(countNewerThan(after, undefined), 0);
    assert.equal(countNewerThan(after, "0"), 4, "a last-seen event beyond the cap counts by id");
    const acrossLengths = [auditEvent({ id: "12" }), auditEvent({ id: "10" }), auditEvent({ id: "9" }), auditEvent({ id: "7" })];
    assert.equal(countNewerThan(acrossLengths, "8"), 3, "ids compare as numbers: 12, 10 and 9 are newer than 8");
    assert.equal(countNewerThan(acrossLengths, "11"), 1, "a deleted event: only 12 is newer than 11");
    assert.equal(countNewerThan(acrossLengths, "9"), 2, "by position when the event is there");
  });

  it("groups by local day with Today and Yesterday", () => {
    const tz = "UTC";
    const now = Date.parse("2026-11-26T12:00:00Z");
    const groups = groupByDay(
      auditList([
        auditEvent({ id: "4", timestamp: "2026-11-26T09:00:00Z" }),
        auditEvent({ id: "3", timestamp: "2026-11-26T01:00:00Z" }),
        auditEvent({ id: "2", timestamp: "2026-11-25T23:59:00Z" }),
        auditEvent({ id: "1", timestamp: "2026-11-20T08:00:00Z" }),
      ]),
      { now, timeZone: tz, locale: "en-US" },
    );
    assert.deepEqual(groups.map((g) => [g.key, g.label, g.events.length]), [
      ["2026-11-26", "Today", 2],
      ["2026-11-25", "Yesterday", 1],
      ["2026-11-20", "Friday, November 20, 2026", 1],
    ]);
    assert.equal(previousDayKey("2026-03-01"), "2026-02-28");
  });

  it("groups runs of days in the machine's time zone, also when a day comes back later in the list", () => {
    const at = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).toISOString();
    const list = auditList([
      auditEvent({ id: "5", timestamp: at(2026, 11, 26, 9) }),
      auditEvent({ id: "4", timestamp: at(2026, 11, 26, 1) }),
      auditEvent({ id: "3", timestamp: at(2026, 11, 25, 23) }),
      auditEvent({ id: "2", timestamp: at(2026, 11, 26, 0) }),
      auditEvent({ id: "1", timestamp: "not a time" }),
    ]);
    const groups = groupByDay(list, { now: new Date(2026, 10, 26, 12).getTime() });
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.events.map((e) => e.id).join(",")]),
      [
        ["2026-11-26", "Today", "5,4,2"],
        ["2026-11-25", "Yesterday", "3"],
        ["unknown", "Unknown date", "1"],
      ],
    );
    assert.equal(previousDayKey("2026-01-01"), "2025-12-31");
  });
});

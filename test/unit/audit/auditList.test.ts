import * as assert from "node:assert/strict";
import { compareIdsDescending, countNewerThan, sortNewestFirst } from "../../../src/core/audit/auditList";
import { groupByDay, previousDayKey } from "../../../src/core/audit/dayGroups";
import { auditEvent } from "../../support/auditEvents";

describe("audit list", () => {
  it("sorts newest first, ties by numeric id", () => {
    const list = [
      auditEvent({ id: "9", timestamp: "2026-11-26T10:00:00Z" }),
      auditEvent({ id: "10", timestamp: "2026-11-26T10:00:00Z" }),
      auditEvent({ id: "11", timestamp: "2026-11-26T11:00:00Z" }),
    ];
    assert.deepEqual(sortNewestFirst(list).map((e) => e.id), ["11", "10", "9"]);
    assert.ok(compareIdsDescending("10", "9") < 0);
    assert.ok(compareIdsDescending("18446744073709551615", "18446744073709551614") < 0);
  });

  it("counts new events and unseen ones", () => {
    const before = [auditEvent({ id: "2" }), auditEvent({ id: "1" })];
    const after = [auditEvent({ id: "4" }), auditEvent({ id: "3" }), ...before];
    assert.equal(countNewerThan(after, "2"), 2);
    assert.equal(countNewerThan(after, undefined), 0);
    assert.equal(countNewerThan(after, "0"), 4, "a last-seen event beyond the cap counts by id");
  });

  it("groups by local day with Today and Yesterday", () => {
    const tz = "UTC";
    const now = Date.parse("2026-11-26T12:00:00Z");
    const groups = groupByDay(
      [
        auditEvent({ id: "4", timestamp: "2026-11-26T09:00:00Z" }),
        auditEvent({ id: "3", timestamp: "2026-11-26T01:00:00Z" }),
        auditEvent({ id: "2", timestamp: "2026-11-25T23:59:00Z" }),
        auditEvent({ id: "1", timestamp: "2026-11-20T08:00:00Z" }),
      ],
      { now, timeZone: tz, locale: "en-US" },
    );
    assert.deepEqual(groups.map((g) => [g.key, g.label, g.events.length]), [
      ["2026-11-26", "Today", 2],
      ["2026-11-25", "Yesterday", 1],
      ["2026-11-20", "Friday, November 20, 2026", 1],
    ]);
    assert.equal(previousDayKey("2026-03-01"), "2026-02-28");
    assert.equal(previousDayKey("2026-01-01"), "2025-12-31");
  });
});

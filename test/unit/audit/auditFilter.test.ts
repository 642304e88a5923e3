import * as assert from "node:assert/strict";
import { describeFilter, filterEvents, isFilterActive, parseBound, sanitizeFilter, validateRange } from "../../../src/core/audit/auditFilter";
import { auditEvent, auditList } from "../../support/auditEvents";

const now = Date.parse("2026-11-26T12:00:00Z");
const events = [
  auditEvent({ id: "5", timestamp: "2026-11-26T11:00:00Z", activity_code: "route.add", activity: "Route created", meta: { network_range: "10.0.0.0/16", name: "office" }, target_id: "route-1" }),
  auditEvent({ id: "4", timestamp: "2026-11-20T11:00:00Z", activity_code: "policy.update", activity: "Policy updated", initiator_id: "user-2", initiator_name: "Bob", initiator_email: "bob@example.com", meta: { name: "Office to DB" }, target_id: "pol-1" }),
  auditEvent({ id: "3", timestamp: "2026-10-01T11:00:00Z", activity_code: "peer.user.add", meta: { name: "db-prod-1", ip: "100.64.0.20" }, target_id: "peer-9" }),
];
const ids = (filter: Parameters<typeof filterEvents>[1]) => filterEvents(auditList(events), filter, now).events.map((e) => e.id);

describe("audit filter", () => {
  it("matches all words of the text across activity, meta, initiator and ids", () => {
    assert.deepEqual(ids({ text: "office" }), ["5", "4"]);
    assert.deepEqual(ids({ text: "OFFICE bob" }), ["4"]);
    assert.deepEqual(ids({ text: "100.64.0.20" }), ["3"]);
    assert.deepEqual(ids({ text: "nothing-like-this" }), []);
  });

  it("filters by activity codes, initiators and target", () => {
    assert.deepEqual(ids({ activityCodes: ["route.add", "peer.user.add"] }), ["5", "3"]);
    assert.deepEqual(ids({ initiatorIds: ["user-2"] }), ["4"]);
    assert.deepEqual(ids({ target: "peer-9" }), ["3"]);
    assert.deepEqual(ids({ target: "DB-PROD" }), ["3"]);
  });

  it("applies date presets and custom ranges", () => {
    assert.deepEqual(ids({ datePreset: "last7days" }), ["5", "4"]);
    assert.deepEqual(ids({ datePreset: "last30days" }), ["5", "4"]);
    assert.deepEqual(ids({ from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z" }), ["3"]);
    assert.deepEqual(ids({ from: "2026-11-20T00:00:00Z" }), ["5", "4"]);
  });

  it("validates custom ranges", () => {
    assert.equal(validateRange("2026-11-01", "2026-11-02"), undefined);
    assert.match(validateRange("2026-11-02", "2026-11-01") ?? "", /after/);
    assert.match(validateRange("yesterday", undefined) ?? "", /not a date/);
    assert.ok(parseBound("2026-11-02", true) > parseBound("2026-11-02", false));
  });

  it("knows when it is active and describes itself", () => {
    assert.equal(isFilterActive({}), false);
    assert.equal(isFilterActive({ text: "  " }), false);
    assert.equal(isFilterActive({ datePreset: "today" }), true);
    assert.equal(describeFilter({ text: "peer", activityCodes: ["a", "b"], datePreset: "last7days" }), "“peer” · 2 types · Last 7 days");
  });

  it("sanitises persisted state", () => {
    assert.deepEqual(sanitizeFilter({ text: "x", activityCodes: ["a", 3], datePreset: "bogus", extra: true }), { text: "x", activityCodes: ["a"] });
    assert.deepEqual(sanitizeFilter("garbage"), {});
    assert.deepEqual(sanitizeFilter(null), {});
  });
});

import * as assert from "node:assert/strict";
import { EMPTY_FILTERS, parseProtocol, resolveTime, sanitizeFilters, validateFilters, type TrafficFilters } from "../../../src/core/traffic/trafficFilters";

const now = Date.parse("2026-11-26T12:00:00Z");
const filters = (patch: Partial<TrafficFilters>): TrafficFilters => ({ ...EMPTY_FILTERS, from: "", ...patch });

describe("traffic filters", () => {
  it("maps every filter to its query parameter", () => {
    const { errors, query } = validateFilters(
      filters({
        search: " alice ",
        userId: "u1",
        reporterId: "r1",
        sourceId: "s1",
        destinationId: "d1",
        protocol: "udp",
        type: "TYPE_DROP",
        connectionType: "ROUTED",
        direction: "INGRESS",
        from: "2026-11-26T10:00:00Z",
        to: "2026-11-26T11:00:00Z",
        pageSize: "50000",
      }),
      now,
    );
    assert.deepEqual(errors, {});
    assert.deepEqual(query, {
      page_size: 50000,
      user_id: "u1",
      reporter_id: "r1",
      source_id: "s1",
      destination_id: "d1",
      protocol: 17,
      type: "TYPE_DROP",
      connection_type: "ROUTED",
      direction: "INGRESS",
      search: "alice",
      start_date: "2026-11-26T10:00:00.000Z",
      end_date: "2026-11-26T11:00:00.000Z",
    });
  });

  it("resolves presets relative to now", () => {
    const { query } = validateFilters(filters({ from: "last1h" }), now);
    assert.equal(query?.start_date, "2026-11-26T11:00:00.000Z");
    assert.equal(query?.end_date, undefined);
    assert.equal(resolveTime("last7d", now), now - 7 * 24 * 3600_000);
  });

  it("reports invalid input per field and builds no query", () => {
    const bad = validateFilters(filters({ protocol: "256", pageSize: "50001", from: "2026-11-26T11:00:00Z", to: "2026-11-26T10:00:00Z", type: "TYPE_X" }), now);
    assert.equal(bad.query, undefined);
    assert.deepEqual(Object.keys(bad.errors).sort(), ["pageSize", "protocol", "to", "type"]);
    assert.ok(validateFilters(filters({ pageSize: "0" }), now).errors.pageSize);
    assert.ok(validateFilters(filters({ pageSize: "1.5" }), now).errors.pageSize);
    assert.ok(validateFilters(filters({ protocol: "-1" }), now).errors.protocol);
    assert.ok(validateFilters(filters({ from: "tomorrow-ish" }), now).errors.from);
    assert.ok(validateFilters(filters({ direction: "SIDEWAYS" }), now).errors.direction);
    assert.ok(validateFilters(filters({ connectionType: "VPN" }), now).errors.connectionType);
  });

  it("parses protocol names and numbers", () => {
    assert.equal(parseProtocol("TCP"), 6);
    assert.equal(parseProtocol("icmpv6"), 58);
    assert.equal(parseProtocol("sctp"), 132);
    assert.equal(parseProtocol("0"), 0);
    assert.equal(parseProtocol("255"), 255);
    assert.equal(parseProtocol("256"), undefined);
    assert.equal(parseProtocol("gre"), undefined);
  });

  it("sanitises filters from messages and state", () => {
    const clean = sanitizeFilters({ search: "x".repeat(5000), protocol: 6, bogus: "y", userId: { evil: 1 } });
    assert.equal(clean.search.length, 1000);
    assert.equal(clean.protocol, "6");
    assert.equal(clean.userId, "");
    assert.ok(!("bogus" in clean));
    assert.deepEqual(sanitizeFilters(null), EMPTY_FILTERS);
  });
});

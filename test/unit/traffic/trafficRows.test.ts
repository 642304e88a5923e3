import * as assert from "node:assert/strict";
import { connectionOf, countsOf, serviceLabel, suggestionsOf, toTrafficRow } from "../../../src/core/traffic/trafficRows";
import { endpoint, trafficEvent } from "../../support/trafficEvents";

describe("traffic rows", () => {
  it("projects a record into a display row", () => {
    const row = toTrafficRow(trafficEvent(), 7);
    assert.equal(row.index, 7);
    assert.equal(row.time, Date.parse("2026-11-26T10:00:00Z"));
    assert.equal(row.service, "TCP 5432");
    assert.equal(row.source.geo, "Berlin, DE");
    assert.equal(row.destination.os, "");
    assert.deepEqual([row.starts, row.ends, row.drops, row.status], [3, 2, 0, "end"]);
    assert.equal(row.user, "alice@example.com");
    assert.equal(row.connection, "P2P");
  });

  it("handles legacy (not aggregated) records, ICMP and routed flows", () => {
    const legacy = trafficEvent({
      num_of_starts: undefined,
      num_of_ends: undefined,
      num_of_drops: undefined,
      window_start: undefined,
      window_end: undefined,
      events: [
        { type: "TYPE_START", timestamp: "2026-11-26T09:00:00Z" },
        { type: "TYPE_DROP", timestamp: "2026-11-26T09:00:01Z" },
      ],
    });
    assert.deepEqual(countsOf(legacy), { starts: 1, ends: 0, drops: 1 });
    assert.equal(toTrafficRow(legacy, 0).time, Date.parse("2026-11-26T09:00:00Z"));
    assert.equal(toTrafficRow(legacy, 0).status, "drop");
    assert.equal(serviceLabel(trafficEvent({ protocol: 1, icmp: { type: 8, code: 0 } })), "ICMP echo request");
    assert.equal(serviceLabel(trafficEvent({ protocol: 58, icmp: { type: 1, code: 4 } })), "ICMPv6 destination unreachable (code 4)");
    assert.equal(serviceLabel(trafficEvent({ protocol: 47, destination: endpoint({ address: "10.0.0.1:0" }) })), "proto 47");
    assert.equal(serviceLabel(trafficEvent({ destination: endpoint({ address: "[fd00::1]:443" }) })), "TCP 443");
    assert.equal(connectionOf(trafficEvent({ reporter_id: "router-1" })), "Routed");
  });

  it("collects filter suggestions with names", () => {
    const s = suggestionsOf([trafficEvent(), trafficEvent({ user: { id: "", email: "", name: "" } })]);
    assert.deepEqual(s.users, [{ id: "user-1", label: "alice@example.com" }]);
    assert.deepEqual(s.reporters, [{ id: "peer-a", label: "alice-laptop" }]);
    assert.deepEqual(s.destinations, [{ id: "peer-b", label: "db-prod-1 (100.64.0.20:5432)" }]);
  });
});

import * as assert from "node:assert/strict";
import type { EndpointCell, TrafficRow } from "../../src/core/traffic/trafficRows";
import { isSortColumn, nextSort, SORT_COLUMNS, sortRows, type SortColumn } from "../../src/webview-ui/traffic/sortRows";

const endpoint = (name: string, address = "", id = name ? `id-${name}` : ""): EndpointCell => ({ id, name, address, type: "PEER", geo: "", os: "", dns: "" });

function row(index: number, overrides: Partial<TrafficRow> = {}): TrafficRow {
  return {
    index,
    flowId: `flow-${index}`,
    time: 1_700_000_000_000 + index,
    windowEnd: Number.NaN,
    direction: "INGRESS",
    source: endpoint("a"),
    destination: endpoint("b"),
    protocol: 6,
    service: "TCP 443",
    starts: 1,
    ends: 0,
    drops: 0,
    status: "start",
    rxBytes: 0,
    txBytes: 0,
    rxPackets: 0,
    txPackets: 0,
    userId: "",
    user: "",
    policyId: "",
    policy: "",
    reporterId: "r",
    connection: "P2P",
    ...overrides,
  };
}

const order = (rows: readonly TrafficRow[]) => rows.map((r) => r.index);
const sorted = (rows: readonly TrafficRow[], column: SortColumn, descending = false) => order(sortRows(rows, { column, descending }));

describe("webview sortRows", () => {
  it("returns the rows unchanged without a sort and does not mutate the input", () => {
    const rows = [row(0, { time: 3 }), row(1, { time: 1 })];
    assert.equal(sortRows(rows, undefined), rows);
    const result = sortRows(rows, { column: "time", descending: false });
    assert.deepEqual(order(result), [1, 0]);
    assert.deepEqual(order(rows), [0, 1]);
  });

  it("sorts by time with unknown (NaN) times last in both directions and ties stable", () => {
    const rows = [row(0, { time: 20 }), row(1, { time: Number.NaN }), row(2, { time: 10 }), row(3, { time: 20 }), row(4, { time: Number.NaN }), row(5, { time: 30 })];
    assert.deepEqual(sorted(rows, "time"), [2, 0, 3, 5, 1, 4]);
    assert.deepEqual(sorted(rows, "time", true), [5, 0, 3, 2, 1, 4]);
  });

  it("sorts by direction", () => {
    const rows = [row(0, { direction: "INGRESS" }), row(1, { direction: "EGRESS" }), row(2, { direction: "" }), row(3, { direction: "DIRECTION_UNKNOWN" })];
    assert.deepEqual(sorted(rows, "direction"), [3, 1, 0, 2]);
    assert.deepEqual(sorted(rows, "direction", true), [0, 1, 3, 2]);
  });

  it("sorts by source and destination name, then address, case-insensitively and numerically", () => {
    const rows = [
      row(0, { source: endpoint("peer-10", "100.64.0.1:1") }),
      row(1, { source: endpoint("Peer-2", "100.64.0.9:1") }),
      row(2, { source: endpoint("peer-2", "100.64.0.10:1") }),
      row(3, { source: endpoint("", "", "") }),
      row(4, { source: endpoint("alpha") }),
    ];
    assert.deepEqual(sorted(rows, "source"), [4, 1, 2, 0, 3]);
    assert.deepEqual(sorted(rows, "source", true), [0, 2, 1, 4, 3]);
    const dst = rows.map((r) => ({ ...r, destination: r.source }));
    assert.deepEqual(sorted(dst, "destination"), [4, 1, 2, 0, 3]);
  });

  it("sorts by service with numbers in numeric order", () => {
    const rows = [row(0, { service: "TCP 8080" }), row(1, { service: "TCP 443" }), row(2, { service: "ICMP echo request" }), row(3, { service: "TCP 80" }), row(4, { service: "" })];
    assert.deepEqual(sorted(rows, "service"), [2, 3, 1, 0, 4]);
  });

  it("sorts by type: status severity, then drops, ends and starts", () => {
    const rows = [
      row(0, { status: "drop", drops: 1 }),
      row(1, { status: "start", starts: 3 }),
      row(2, { status: "end", ends: 1 }),
      row(3, { status: "unknown", starts: 0 }),
      row(4, { status: "drop", drops: 5 }),
      row(5, { status: "start", starts: 3 }),
    ];
    assert.deepEqual(sorted(rows, "type"), [3, 1, 5, 2, 0, 4]);
    assert.deepEqual(sorted(rows, "type", true), [4, 0, 2, 1, 5, 3]);
  });

  it("sorts by traffic (total bytes, then packets) with non-finite counters last", () => {
    const rows = [
      row(0, { rxBytes: 100, txBytes: 50 }),
      row(1, { rxBytes: 10, txBytes: 0 }),
      row(2, { rxBytes: Number.NaN, txBytes: Number.NaN }),
      row(3, { rxBytes: 150, txBytes: 0, rxPackets: 9 }),
      row(4, { rxBytes: 150, txBytes: 0, rxPackets: 1 }),
    ];
    assert.deepEqual(sorted(rows, "traffic"), [1, 0, 4, 3, 2]);
    assert.deepEqual(sorted(rows, "traffic", true), [3, 4, 0, 1, 2]);
  });

  it("sorts by user and policy with empty values last", () => {
    const rows = [row(0, { user: "bob@x" }), row(1), row(2, { user: "Alice@x" }), row(3, { userId: "u-only" })];
    assert.deepEqual(sorted(rows, "user"), [2, 0, 3, 1]);
    assert.deepEqual(sorted(rows, "user", true), [3, 0, 2, 1]);
    const policies = [row(0, { policy: "Zeta" }), row(1), row(2, { policy: "alpha" })];
    assert.deepEqual(sorted(policies, "policy"), [2, 0, 1]);
    assert.deepEqual(sorted(policies, "policy", true), [0, 2, 1]);
  });

  it("sorts by connection and keeps ties in page order in both directions", () => {
    const rows = [row(0, { connection: "Routed" }), row(1, { connection: "P2P" }), row(2, { connection: "Routed" }), row(3, { connection: "P2P" })];
    assert.deepEqual(sorted(rows, "connection"), [1, 3, 0, 2]);
    assert.deepEqual(sorted(rows, "connection", true), [0, 2, 1, 3]);
  });

  it("is stable for every column when all values are equal", () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i, { time: 5 }));
    for (const column of SORT_COLUMNS) {
      assert.deepEqual(sorted(rows, column), order(rows), column);
      assert.deepEqual(sorted(rows, column, true), order(rows), column);
    }
  });

  it("sorts 50,000 rows quickly", () => {
    const names = ["laptop", "db-1", "db-10", "db-2", "Web", "web", "ci"];
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      row(i, { time: (i * 7919) % 100_000, source: endpoint(names[i % names.length], `100.64.${i % 256}.${i % 7}:443`), user: i % 3 ? `user${i % 50}@x` : "" }),
    );
    for (const column of ["time", "source", "user"] as const) {
      const t = Date.now();
      const result = sortRows(rows, { column, descending: false });
      assert.ok(Date.now() - t < 1500, `${column} took ${Date.now() - t} ms`);
      assert.equal(result.length, rows.length);
    }
  });

  it("cycles a column's direction and recognises column names", () => {
    assert.deepEqual(nextSort(undefined, "time"), { column: "time", descending: true });
    assert.deepEqual(nextSort(undefined, "user"), { column: "user", descending: false });
    assert.deepEqual(nextSort({ column: "user", descending: false }, "user"), { column: "user", descending: true });
    assert.deepEqual(nextSort({ column: "user", descending: true }, "policy"), { column: "policy", descending: false });
    assert.ok(isSortColumn("traffic"));
    assert.ok(!isSortColumn("actions"));
    assert.ok(!isSortColumn(undefined));
    assert.deepEqual(order(sortRows([row(1), row(0)], { column: "bogus" as SortColumn, descending: false })), [1, 0]);
  });
});

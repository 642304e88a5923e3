import * as assert from "node:assert/strict";
import { buildDataset } from "../../../simulator/dataset";
import type { TrafficEvent } from "../../../src/core/api/models";
import { isPackedRows, joinRows, packRows, unpackRows } from "../../../src/core/traffic/packedRows";
import { fromWire, type HostToWebviewWire } from "../../../src/core/traffic/protocol";
import { suggestionsOf, toTrafficRow } from "../../../src/core/traffic/trafficRows";
import { endpoint, trafficEvent } from "../../support/trafficEvents";
import { NOW } from "../helpers/simulatorKit";

const records = (kind: "realistic" | "hostile", count: number): TrafficEvent[] =>
  buildDataset({ kind, nowMs: NOW, seed: 3, auditCount: 0, trafficCount: count, trafficLoggingEnabled: true, packetCounterEnabled: true, variant: "main" }).traffic.map(
    (row) => row.record as unknown as TrafficEvent,
  );

describe("packed traffic rows", () => {
  for (const kind of ["realistic", "hostile"] as const) {
    it(`unpack(pack(records)) equals toTrafficRow for every ${kind} record`, () => {
      const events = records(kind, 400);
      const rows = unpackRows(packRows(events));
      assert.equal(rows.length, events.length);
      assert.deepEqual([...rows], events.map(toTrafficRow));
    });
  }

  it("keeps text with any characters, empty fields, missing values and NaN times", () => {
    const events = [
      trafficEvent({ flow_id: "a\u0000b\u001f\ud83d\ude00\ud800", source: endpoint({ name: "", os: null, dns_label: null }) }),
      trafficEvent({ window_start: undefined, window_end: undefined, events: [], num_of_starts: 0, num_of_ends: 0, num_of_drops: 0 }),
      trafficEvent({ protocol: 1, icmp: { type: 8, code: 0 } }),
    ];
    assert.deepEqual([...unpackRows(packRows(events))], events.map(toTrafficRow));
  });

  it("keeps numbers exact whether a column fits Uint32 or not, and text as UTF-8 unless it cannot be", () => {
    const plain = [trafficEvent({ rx_bytes: 12, tx_bytes: 7 }), trafficEvent({ rx_bytes: 0, tx_bytes: 1 })];
    const packed = packRows(plain);
    assert.ok(packed.strings instanceof Uint8Array, "well-formed text travels as UTF-8");
    assert.ok(packed.numbers[6] instanceof Uint32Array, "small whole numbers travel as Uint32");
    assert.deepEqual([...unpackRows(packed)], plain.map(toTrafficRow));
    const odd = [
      trafficEvent({ rx_bytes: 2 ** 40, tx_bytes: 1.5, rx_packets: -3, tx_packets: -0, protocol: 300 }),
      trafficEvent({ flow_id: "lone \udc00 surrogate", source: endpoint({ name: "名前 🌍" }) }),
    ];
    const oddPacked = packRows(odd);
    assert.equal(typeof oddPacked.strings, "string", "text with a lone surrogate travels as a string");
    assert.ok(oddPacked.numbers[6] instanceof Float64Array && oddPacked.numbers[9] instanceof Float64Array);
    assert.deepEqual([...unpackRows(oddPacked)], odd.map(toTrafficRow));
    assert.ok(Object.is(unpackRows(oddPacked)[0]!.txPackets, -0));
  });

  it("survives a structured clone (how the workbench hands it to the webview)", () => {
    const events = records("realistic", 50);
    const packed = structuredClone(packRows(events));
    assert.ok(isPackedRows(packed));
    assert.deepEqual([...unpackRows(packed)], events.map(toTrafficRow));
  });

  it("behaves as a read-only array that decodes each row once", () => {
    const rows = unpackRows(packRows(records("realistic", 20)));
    assert.equal(rows[3], rows[3], "the same object on every access");
    assert.equal(rows[20], undefined);
    assert.ok(Array.isArray(rows));
    assert.deepEqual(Object.keys(rows), Array.from({ length: 20 }, (_, i) => String(i)));
    assert.equal(rows.map((r) => r.index).join(","), Array.from({ length: 20 }, (_, i) => i).join(","));
    assert.equal(JSON.stringify(rows), JSON.stringify([...rows]));
    assert.throws(() => {
      (rows as unknown as { 0: unknown })[0] = undefined;
    }, TypeError);
    assert.equal(unpackRows(packRows([])).length, 0);
  });

  it("fromWire turns a posted page into the page the webview shows (and leaves other messages alone)", () => {
    const events = records("realistic", 5);
    const wire = {
      type: "page" as const,
      requestId: 9,
      result: { pageKey: "k", packedRows: packRows(events), rowCount: 5, page: 1, pageSize: 5, totalRecords: 5, totalPages: 1, suggestions: { users: [], reporters: [], sources: [], destinations: [] }, fetchedAt: 1 },
    };
    const message = fromWire(wire);
    assert.ok(message.type === "page");
    assert.deepEqual([...message.result.rows], events.map(toTrafficRow));
    assert.equal("packedRows" in message.result, false);
    const session: HostToWebviewWire = { type: "session", signedIn: true, server: "s" };
    assert.equal(fromWire(session), session);
    const broken = fromWire({ ...wire, result: { ...wire.result, packedRows: { count: 3 } as never } });
    assert.ok(broken.type === "page" && broken.result.rows.length === 0, "malformed rows are dropped, not thrown");
  });

  it("a page in two parts: the rest is numbered from where the first part ends, and joined without decoding", () => {
    const events = records("realistic", 30);
    const first = fromWire({
      type: "page",
      requestId: 4,
      result: { pageKey: "k", packedRows: packRows(events.slice(0, 12)), rowCount: 30, page: 1, pageSize: 30, totalRecords: 30, totalPages: 1, suggestions: { users: [], reporters: [], sources: [], destinations: [] }, fetchedAt: 1 },
    });
    const rest = fromWire({ type: "pageRows", requestId: 4, pageKey: "k", start: 12, packedRows: packRows(events.slice(12)), suggestions: suggestionsOf(events) });
    assert.ok(first.type === "page" && rest.type === "pageRows");
    assert.deepEqual(rest.suggestions, suggestionsOf(events), "the rest brings the suggestions from every row");
    assert.equal(first.result.rows.length, 12);
    assert.equal(first.result.rowCount, 30);
    assert.deepEqual({ requestId: rest.requestId, pageKey: rest.pageKey, count: rest.rows.length }, { requestId: 4, pageKey: "k", count: 18 });
    const joined = joinRows(first.result.rows, rest.rows);
    assert.equal(joined.length, 30);
    assert.deepEqual([...joined], events.map(toTrafficRow), "the same rows, with indexes 0-29, as one packed page");
    assert.equal(joined[20], rest.rows[8], "the same row objects");
    assert.equal(joined[30], undefined);
    const broken = fromWire({ type: "pageRows", requestId: 4, pageKey: "k", start: 12, packedRows: { count: 2 } as never, suggestions: suggestionsOf([]) });
    assert.ok(broken.type === "pageRows" && broken.rows.length === 0);
  });
});

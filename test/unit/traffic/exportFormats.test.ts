import * as assert from "node:assert/strict";
import { csvCell, csvHeader, csvRow, encoderFor } from "../../../src/core/traffic/exportFormats";
import { endpoint, trafficEvent } from "../../support/trafficEvents";
import { parseCsv } from "../../support/csv";


describe("traffic export formats", () => {
  it("writes CSV with a header and one escaped row per record", () => {
    const hostile = trafficEvent({ source: endpoint({ name: 'a,"b"\nc' }), policy: { id: "p", name: "=HYPERLINK(\"http://evil\")" } });
    const rows = parseCsv(csvHeader() + csvRow(hostile));
    assert.equal(rows.length, 2);
    const header = rows[0] as string[];
    const row = rows[1] as string[];
    assert.equal(header.length, row.length);
    const col = (name: string) => row[header.indexOf(name)];
    assert.equal(col("source_name"), 'a,"b"\nc');
    assert.equal(col("policy_name"), "'=HYPERLINK(\"http://evil\")");
    assert.equal(col("protocol_name"), "TCP");
    assert.equal(col("rx_bytes"), "2048");
    assert.equal(JSON.parse(col("events") as string).length, 1);
  });

  it("neutralises formula injection in text cells only", () => {
    for (const text of ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx"]) {
      assert.ok(csvCell(text).replace(/^"/, "").startsWith("'"), text);
    }
    assert.equal(csvCell(-2), "-2");
    assert.equal(csvCell("plain"), "plain");
    assert.equal(csvCell(undefined), "");
    assert.equal(csvCell(null), "");
  });

  it("writes NDJSON and JSON arrays that parse back to the exact records", () => {
    const records = [trafficEvent(), trafficEvent({ flow_id: "second", extra_field: { nested: [1, 2] } } as never)];
    const nd = encoderFor("ndjson");
    const ndText = nd.start() + nd.records(records.slice(0, 1)) + nd.records(records.slice(1)) + nd.end();
    assert.deepEqual(ndText.trim().split("\n").map((l) => JSON.parse(l)), records);
    const json = encoderFor("json");
    const jsonText = json.start() + json.records(records.slice(0, 1)) + json.records([]) + json.records(records.slice(1)) + json.end();
    assert.deepEqual(JSON.parse(jsonText), records);
    const empty = encoderFor("json");
    assert.deepEqual(JSON.parse(empty.start() + empty.end()), []);
  });
});

import * as assert from "node:assert/strict";
import { formatBytes, formatCount, formatInteger } from "../../../src/core/format/units";

describe("units", () => {
  it("groups integers as en-US does, without Intl", () => {
    for (const n of [0, 7, 999, 1000, 10_000, 50_000, 123_456, 1_000_000, 9_876_543_210, -1234, 12.6]) {
      assert.equal(formatInteger(n), Math.round(n).toLocaleString("en-US"), String(n));
    }
    assert.equal(formatInteger(Number.NaN), "NaN");
  });

  it("formats byte and packet counters", () => {
    assert.equal(formatBytes(1536), "1.5 KB");
    assert.equal(formatBytes(200), "200 B");
    assert.equal(formatBytes(-1), "–");
    assert.equal(formatCount(999), "999");
    assert.equal(formatCount(12_345), "12.3K");
    assert.equal(formatCount(1_234_567), "1.2M");
  });
});

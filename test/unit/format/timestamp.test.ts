import * as assert from "node:assert/strict";
import { parseTimestamp } from "../../../src/core/format/timestamp";

/** Agrees with Date.parse on `text` (NaN included). */
function agrees(text: string): void {
  assert.equal(Object.is(parseTimestamp(text), Date.parse(text)), true, `${text}: ${parseTimestamp(text)} vs Date.parse ${Date.parse(text)}`);
}

describe("parseTimestamp", () => {
  it("reads Go's RFC 3339 timestamps like Date.parse (fraction trimmed, truncated to the millisecond)", () => {
    assert.equal(parseTimestamp("2026-11-26T15:32:01.235296Z"), Date.UTC(2026, 10, 26, 15, 32, 1, 235));
    assert.equal(parseTimestamp("2026-11-26T15:32:16.91393Z"), Date.UTC(2026, 10, 26, 15, 32, 16, 913));
    assert.equal(parseTimestamp("2026-11-26T15:32:16.9Z"), Date.UTC(2026, 10, 26, 15, 32, 16, 900));
    assert.equal(parseTimestamp("2026-11-26T15:32:16Z"), Date.UTC(2026, 10, 26, 15, 32, 16));
    assert.equal(parseTimestamp("2026-11-26T15:32:16.999999999+01:30"), Date.UTC(2026, 10, 26, 14, 2, 16, 999));
    assert.equal(parseTimestamp("2026-11-26T00:10:00-05:00"), Date.UTC(2026, 10, 26, 5, 10));
    for (const text of [
      "2026-11-26T15:32:01.235296Z",
      "2026-11-26T15:32:16.91393Z",
      "2026-11-26T15:32:16Z",
      "2024-02-29T23:59:59.999Z",
      "1970-01-01T00:00:00Z",
      "0001-01-01T00:00:00Z",
      "2026-11-26T15:32:16.123+14:00",
      "2026-11-26T15:32:16.123-12:00",
    ]) {
      agrees(text);
    }
  });

  it("leaves everything else to Date.parse, so the answer is always Date.parse's", () => {
    for (const text of [
      "",
      "not a time",
      "2026-11-26",
      "2026-11-26T15:32:16", // no zone: local time
      "2026-11-26 15:32:16Z",
      "2026-11-26t15:32:16z",
      "2026-13-01T00:00:00Z",
      "2025-02-29T00:00:00Z",
      "2026-04-31T00:00:00Z",
      "2026-11-26T24:00:00Z",
      "2026-11-26T23:60:00Z",
      "2026-11-26T23:59:60Z",
      "2026-11-26T15:32:16.Z",
      "2026-11-26T15:32:16.12aZ",
      "2026-11-26T15:32:16+0100",
      "2026-11-26T15:32:16+01",
      "2026-11-26T15:32:16+24:00",
      "2026-11-26T15:32:16Zjunk",
      "2026-1x-26T15:32:16Z",
      "+002026-11-26T15:32:16Z",
      "Thu, 26 Nov 2026 15:32:16 GMT",
    ]) {
      agrees(text);
    }
  });

  it("agrees with Date.parse over many generated timestamps", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pad = (v: number, w: number) => String(v).padStart(w, "0");
    for (let i = 0; i < 5000; i++) {
      const fraction = next(3) === 0 ? "" : `.${pad(next(1_000_000_000), 9).slice(0, 1 + next(9))}`;
      const zone = next(3) === 0 ? `${next(2) ? "+" : "-"}${pad(next(15), 2)}:${pad(next(60), 2)}` : "Z";
      agrees(`${pad(1900 + next(300), 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(31), 2)}T${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}${fraction}${zone}`);
    }
  });
});

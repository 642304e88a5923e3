import * as assert from "node:assert/strict";
import { autoRefreshIntervalMs, nextRefreshDelayMs } from "../../../src/core/audit/autoRefreshInterval";

describe("auto-refresh interval", () => {
  it("is off for 0 and invalid values, never faster than 30 s", () => {
    assert.equal(autoRefreshIntervalMs(0), 0);
    assert.equal(autoRefreshIntervalMs(undefined), 0);
    assert.equal(autoRefreshIntervalMs(-5), 0);
    assert.equal(autoRefreshIntervalMs(Number.NaN), 0);
    assert.equal(autoRefreshIntervalMs(1), 30_000);
    assert.equal(autoRefreshIntervalMs(29), 30_000);
    assert.equal(autoRefreshIntervalMs(90), 90_000);
  });

  it("backs off after failures, up to 10 minutes", () => {
    assert.equal(nextRefreshDelayMs(30_000, 1), 30_000);
    assert.equal(nextRefreshDelayMs(30_000, 4), 120_000);
    assert.equal(nextRefreshDelayMs(30_000, 16), 480_000);
    assert.equal(nextRefreshDelayMs(60_000, 16), 600_000);
    assert.equal(nextRefreshDelayMs(300_000, 16), 600_000);
  });
});

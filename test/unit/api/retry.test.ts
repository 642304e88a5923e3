import * as assert from "node:assert/strict";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep } from "../../../src/core/api/retry";

describe("retry policy", () => {
  it("backs off exponentially with jitter, capped", () => {
    const low = () => 0;
    const high = () => 0.999999;
    assert.equal(backoffDelay(1, DEFAULT_RETRY, low), 250);
    assert.equal(backoffDelay(1, DEFAULT_RETRY, high), 500);
    assert.equal(backoffDelay(2, DEFAULT_RETRY, low), 500);
    assert.equal(backoffDelay(3, DEFAULT_RETRY, high), 2000);
    assert.equal(backoffDelay(20, DEFAULT_RETRY, high), DEFAULT_RETRY.maxDelayMs);
    assert.ok(DEFAULT_RETRY.maxAttempts <= 3);
  });

  it("parses Retry-After seconds and dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("7", now), 7);
    assert.equal(parseRetryAfter(" 1.5 ", now), 1.5);
    assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30);
    assert.equal(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it("sleep stops early when cancelled", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(5_000, controller.signal);
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await assert.rejects(pending, /stop/);
    assert.ok(Date.now() - started < 1_000);
  });
});

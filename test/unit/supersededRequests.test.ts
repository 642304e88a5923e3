import * as assert from "node:assert/strict";
import type { LoggedRequest } from "../../simulator/requestLog";
import { checkSuperseded, describeRequests } from "../support/supersededRequests";

const T0 = Date.parse("2026-11-26T10:00:00.000Z");

/** A logged request that arrived `at` ms after T0 and ended `durationMs` later with `status` (0: closed unanswered). */
function logged(id: string, at: number, status: number, durationMs: number): LoggedRequest {
  return { requestId: id, time: new Date(T0 + at).toISOString(), method: "GET", path: "/api/events/network-traffic", query: { search: id }, headers: {}, status, durationMs };
}

const ids = (requests: readonly LoggedRequest[]) => requests.map((r) => r.requestId);

describe("superseded requests in the simulator's log", () => {
  it("accepts cancelled requests and a request that ended before the next one arrived", () => {
    const all = [logged("a", 0, 0, 60), logged("b", 50, 200, 300), logged("c", 900, 0, 40), logged("d", 950, 200, 2000)];
    const result = checkSuperseded(all.slice(0, -1), all);
    assert.deepEqual(ids(result.cancelled), ["a", "c"]);
    assert.deepEqual(result.answeredWhileSuperseded, []);
    assert.deepEqual(result.stillOpen, []);
  });

  it("finds a request answered while a newer one was already at the server, and one still open", () => {
    const all = [logged("a", 0, 200, 2000), logged("b", 100, 0, 0), logged("c", 200, 200, 2000)];
    const result = checkSuperseded(all.slice(0, -1), all);
    assert.deepEqual(ids(result.answeredWhileSuperseded), ["a"]);
    assert.deepEqual(ids(result.stillOpen), ["b"]);
    assert.deepEqual(describeRequests(result.answeredWhileSuperseded), ["search=a: 200 after 2000 ms"]);
  });

  it("allows the next arrival up to 20 ms before the answer's end (clocks of ms), not more", () => {
    const within = [logged("a", 0, 200, 100), logged("b", 90, 200, 100)];
    assert.deepEqual(checkSuperseded(within.slice(0, 1), within).answeredWhileSuperseded, []);
    const before = [logged("a", 0, 200, 100), logged("b", 70, 200, 100)];
    assert.deepEqual(ids(checkSuperseded(before.slice(0, 1), before).answeredWhileSuperseded), ["a"]);
  });

  it("takes the next request by its place in the log, also when both arrived in the same millisecond", () => {
    const all = [logged("a", 0, 200, 500), logged("b", 0, 200, 500)];
    assert.deepEqual(ids(checkSuperseded(all.slice(0, 1), all).answeredWhileSuperseded), ["a"]);
  });

  it("counts an answered request with no request after it as answered while superseded", () => {
    const only = [logged("a", 0, 200, 10)];
    assert.deepEqual(ids(checkSuperseded(only, only).answeredWhileSuperseded), ["a"]);
  });
});

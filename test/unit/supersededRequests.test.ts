import * as assert from "node:assert/strict";
import type { LoggedRequest } from "../../simulator/requestLog";
import { allEnded, assertSupersededCancelled, checkSuperseded, describeRequests } from "../support/supersededRequests";

const T0 = Date.parse("2026-11-26T10:00:00.000Z");

/** A logged request that arrived `at` ms after T0 and ended `durationMs` later with `status` (0: closed unanswered; duration 0: still open). */
function logged(id: string, at: number, status: number, durationMs: number): LoggedRequest {
  return { requestId: id, time: new Date(T0 + at).toISOString(), method: "GET", path: "/api/events/network-traffic", query: { search: id }, headers: {}, status, durationMs };
}

const ids = (requests: readonly LoggedRequest[]) => requests.map((r) => r.requestId);

describe("superseded requests of a held burst in the simulator's log", () => {
  it("sorts them into cancelled, answered and still open", () => {
    const result = checkSuperseded([logged("a", 0, 0, 60), logged("b", 50, 200, 3000), logged("c", 90, 0, 0), logged("d", 120, 0, 15)]);
    assert.deepEqual(ids(result.cancelled), ["a", "d"]);
    assert.deepEqual(ids(result.answered), ["b"]);
    assert.deepEqual(ids(result.stillOpen), ["c"]);
    assert.deepEqual(describeRequests(result.answered), ["search=b: 200 after 3000 ms"]);
    assert.deepEqual(describeRequests(result.stillOpen), ["search=c: closed after 0 ms"]);
  });

  it("passes only when every superseded request was cancelled and enough reached the server", () => {
    const cancelled = [logged("a", 0, 0, 60), logged("b", 50, 0, 40)];
    assert.equal(assertSupersededCancelled(cancelled, 2).cancelled.length, 2);
    assert.throws(() => assertSupersededCancelled(cancelled, 3), /2 superseded requests reached the server \(at least 3 expected\)/);
    assert.throws(() => assertSupersededCancelled([...cancelled, logged("c", 80, 200, 900)], 1), /answered: the client did not cancel/);
    assert.throws(() => assertSupersededCancelled([...cancelled, logged("c", 80, 0, 0)], 1), /still open on the server/);
  });

  it("tells when every request has ended", () => {
    assert.equal(allEnded([logged("a", 0, 0, 60), logged("b", 50, 200, 10)]), true);
    assert.equal(allEnded([logged("a", 0, 0, 60), logged("b", 50, 0, 0)]), false);
    assert.equal(allEnded([]), true);
  });
});

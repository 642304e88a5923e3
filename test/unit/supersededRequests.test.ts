import * as assert from "node:assert/strict";
import type { LoggedRequest } from "../../simulator/requestLog";
import { allEnded, arrivalsDueAfter, assertSupersededCancelled, BURST_CHANGES, BURST_CHECKPOINTS, burstSettled, checkSuperseded, describeRequests } from "../support/supersededRequests";

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

  it("has a checkpoint every 10 changes before the last, each asking one more arrival", () => {
    const due = Array.from({ length: BURST_CHANGES }, (_, i) => arrivalsDueAfter(i));
    assert.deepEqual(
      due.flatMap((n, i) => (n === undefined ? [] : [[i, n]])),
      [9, 19, 29, 39, 49, 59, 69, 79, 89].map((i, k) => [i, k + 1]),
    );
    assert.equal(BURST_CHECKPOINTS, 9);
  });

  it("tells when a held burst is over: its last request arrived and every one before it ended", () => {
    const isLast = (r: { requestId: string }) => r.requestId === "z";
    assert.equal(burstSettled([logged("a", 0, 0, 60), logged("z", 90, 0, 0)], isLast), true);
    assert.equal(burstSettled([logged("a", 0, 0, 0), logged("z", 90, 0, 0)], isLast), false, "one still held");
    assert.equal(burstSettled([logged("a", 0, 0, 60)], isLast), false, "the last not there yet");
    assert.equal(burstSettled([], isLast), false);
  });

  it("tells when every request has ended", () => {
    assert.equal(allEnded([logged("a", 0, 0, 60), logged("b", 50, 200, 10)]), true);
    assert.equal(allEnded([logged("a", 0, 0, 60), logged("b", 50, 0, 0)]), false);
    assert.equal(allEnded([]), true);
  });
});

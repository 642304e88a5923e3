// What the simulator's request log says about requests that a newer one superseded: each must have been
// cancelled (its connection closed without an answer), unless it had already ended before the next request
// reached the server, which a machine that stalls longer than the server's delay between two changes can cause.
import * as assert from "node:assert/strict";
import type { LoggedRequest } from "../../simulator/requestLog";

/** How far an arrival may precede the end of the request before it and still count as after it (ms stamps). */
const ARRIVAL_SLACK_MS = 20;

export interface SupersededCheck {
  /** Superseded requests closed without an answer. */
  readonly cancelled: readonly LoggedRequest[];
  /** Superseded requests answered though a newer request had reached the server while they ran: the bug. */
  readonly answeredWhileSuperseded: readonly LoggedRequest[];
  /** Superseded requests the server still held when the log was read. */
  readonly stillOpen: readonly LoggedRequest[];
}

/**
 * Sorts `superseded` (requests a later one replaced) by what happened to them. `all` holds the burst's requests in
 * the order the server logged their arrival, the last one too, so the request after each superseded one is known
 * (by position: two arrivals can share a millisecond). "Answered" means the server wrote a status; with the small
 * pages of these tests a connection closed mid-body is not a case to tell apart.
 */
export function checkSuperseded(superseded: readonly LoggedRequest[], all: readonly LoggedRequest[]): SupersededCheck {
  const answeredWhileSuperseded = superseded.filter((r) => {
    if (r.status === 0) return false;
    const position = all.indexOf(r);
    const next = position >= 0 ? all[position + 1] : undefined;
    if (!next) return true;
    return Date.parse(next.time) < Date.parse(r.time) + r.durationMs - ARRIVAL_SLACK_MS;
  });
  return {
    cancelled: superseded.filter((r) => r.status === 0 && r.durationMs > 0),
    answeredWhileSuperseded,
    stillOpen: superseded.filter((r) => r.durationMs === 0),
  };
}

/**
 * Asserts what the burst tests promise of `superseded` (see checkSuperseded): none answered after a newer request
 * had reached the server, none still open, and most cancelled. Returns the check, for the test's log.
 */
export function assertSupersededCancelled(superseded: readonly LoggedRequest[], all: readonly LoggedRequest[]): SupersededCheck {
  const check = checkSuperseded(superseded, all);
  assert.deepEqual(describeRequests(check.answeredWhileSuperseded), [], "answered though a newer change had reached the server");
  assert.deepEqual(describeRequests(check.stillOpen), [], "still open on the server");
  assert.ok(check.cancelled.length >= superseded.length * 0.8, `${check.cancelled.length} of ${superseded.length} superseded requests were cancelled`);
  return check;
}

/** One line per request, for assertion messages. */
export function describeRequests(requests: readonly LoggedRequest[]): string[] {
  return requests.map((r) => `${new URLSearchParams(r.query as Record<string, string>).toString()}: ${r.status || "closed"} after ${Math.round(r.durationMs)} ms`);
}

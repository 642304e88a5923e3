// What the simulator's request log says about requests that a newer one superseded: each must have been
// cancelled (its connection closed without an answer), unless it had already ended before the next request
// reached the server, which a machine that stalls longer than the server's delay between two changes can cause.
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
 * Sorts `superseded` (requests a later one replaced) by what happened to them; `all` holds every request of the
 * burst, the last one too, so the next arrival after each superseded request is known.
 */
export function checkSuperseded(superseded: readonly LoggedRequest[], all: readonly LoggedRequest[]): SupersededCheck {
  const arrivals = all.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
  const answeredWhileSuperseded = superseded.filter((r) => {
    if (r.status === 0) return false;
    const arrived = Date.parse(r.time);
    const next = arrivals.find((t) => t > arrived);
    return next === undefined || next < arrived + r.durationMs - ARRIVAL_SLACK_MS;
  });
  return {
    cancelled: superseded.filter((r) => r.status === 0 && r.durationMs > 0),
    answeredWhileSuperseded,
    stillOpen: superseded.filter((r) => r.durationMs === 0),
  };
}

/** One line per request, for assertion messages. */
export function describeRequests(requests: readonly LoggedRequest[]): string[] {
  return requests.map((r) => `${new URLSearchParams(r.query as Record<string, string>).toString()}: ${r.status || "closed"} after ${Math.round(r.durationMs)} ms`);
}

// What the simulator's request log says about the requests of a burst of filter changes (L01, L05). The
// simulator holds every request of the burst until the test lets them go, so however slowly a busy machine
// makes the changes, a superseded request can only end by the client cancelling it (its connection closed
// without an answer). One the server answered was still open when the test let the held requests go.
import * as assert from "node:assert/strict";
import type { LoggedRequest } from "../../simulator/requestLog";

/** Filter changes in a burst. */
export const BURST_CHANGES = 100;
/** How many changes of a burst may go by before the test waits for a request to reach the server. */
export const CHECKPOINT_EVERY = 10;
/** Checkpoints in a burst (none at its last change): at least this many superseded requests reach the server. */
export const BURST_CHECKPOINTS = Math.floor((BURST_CHANGES - 1) / CHECKPOINT_EVERY);

/**
 * How many of the burst's requests must have reached the server once change `index` (0-based) is made: a checkpoint
 * every CHECKPOINT_EVERY changes before the last one; undefined between checkpoints.
 */
export function arrivalsDueAfter(index: number): number | undefined {
  const made = index + 1;
  return made % CHECKPOINT_EVERY === 0 && made < BURST_CHANGES ? made / CHECKPOINT_EVERY : undefined;
}

/** Why a checkpoint failed: by which change (0-based `index`) no burst request had reached the server. */
export function missedCheckpoint(index: number, requests: readonly LoggedRequest[]): string {
  return `no burst request reached the server by change ${index + 1}; still open there: ${checkSuperseded(requests).stillOpen.length}`;
}

export interface SupersededCheck {
  /** Closed without an answer. */
  readonly cancelled: readonly LoggedRequest[];
  /** Answered: the client never cancelled them (the server answers held requests only when the test lets them go). */
  readonly answered: readonly LoggedRequest[];
  /** Still open on the server when the log was read. */
  readonly stillOpen: readonly LoggedRequest[];
}

/** Sorts the superseded requests of a held burst by what happened to them. */
export function checkSuperseded(superseded: readonly LoggedRequest[]): SupersededCheck {
  return {
    cancelled: superseded.filter((r) => r.status === 0 && r.durationMs > 0),
    answered: superseded.filter((r) => r.status !== 0),
    stillOpen: superseded.filter((r) => r.status === 0 && r.durationMs === 0),
  };
}

/** Whether every request has ended (answered or closed). */
export function allEnded(requests: readonly LoggedRequest[]): boolean {
  return requests.every((r) => r.durationMs > 0);
}

/**
 * Whether a held burst is over at the server: its last request (`isLast`) has arrived and every request before it has
 * ended (only a cancel can end a held one). The tests wait for it before letting the held requests go.
 */
export function burstSettled(requests: readonly LoggedRequest[], isLast: (request: LoggedRequest) => boolean): boolean {
  const last = requests.at(-1);
  return last !== undefined && isLast(last) && allEnded(requests.slice(0, -1));
}

/**
 * Asserts that every superseded request of a held burst was cancelled, and that enough of them reached the server
 * for that to say something (the tests wait at checkpoints so that at least `minimum` do). Returns the check.
 */
export function assertSupersededCancelled(superseded: readonly LoggedRequest[], minimum: number): SupersededCheck {
  assert.ok(superseded.length >= minimum, `${superseded.length} superseded requests reached the server (at least ${minimum} expected)`);
  const check = checkSuperseded(superseded);
  assert.deepEqual(describeRequests(check.answered), [], "answered: the client did not cancel them when a newer change came");
  assert.deepEqual(describeRequests(check.stillOpen), [], "still open on the server");
  return check;
}

/** One line per request, for assertion messages. */
export function describeRequests(requests: readonly LoggedRequest[]): string[] {
  return requests.map((r) => `${new URLSearchParams(r.query as Record<string, string>).toString()}: ${r.status || "closed"} after ${Math.round(r.durationMs)} ms`);
}

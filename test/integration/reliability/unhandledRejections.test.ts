// Root-level hooks for the whole integration run (hooks outside a describe belong to mocha's root suite):
//  - every unhandled promise rejection in the extension host is recorded; the run fails at the end when
//    there was any (named with the test that was running);
//  - the result of every reliability case (`[ID] …` titles) is written to test-results/reliability/ for
//    scripts/reliabilityTable.ts.
import * as assert from "node:assert/strict";
import { recordCaseResults } from "./results";
import { repoRoot } from "./support";
import { waitFor } from "../helpers";

interface Rejection {
  readonly reason: string;
  readonly during: string;
}

const rejections: Rejection[] = [];
/** mocha's runner re-emits rejections it does not own: count each promise once. */
const seenPromises = new WeakSet<Promise<unknown>>();
let running = "(between tests)";

const onRejection = (reason: unknown, promise: Promise<unknown>): void => {
  if (seenPromises.has(promise)) return;
  seenPromises.add(promise);
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ""}` : String(reason);
  rejections.push({ reason: text, during: running });
};

before(function () {
  process.on("unhandledRejection", onRejection);
});

beforeEach(function () {
  running = this.currentTest?.fullTitle() ?? "(unknown test)";
});

afterEach(function () {
  running = "(between tests)";
});

recordCaseResults(repoRoot, "integration.json");

after(function () {
  process.off("unhandledRejection", onRejection);
  if (rejections.length > 0) {
    const list = rejections.map((r) => `- during "${r.during}": ${r.reason.split("\n").slice(0, 4).join(" | ")}`).join("\n");
    throw new Error(`${rejections.length} unhandled promise rejection(s) in the extension host:\n${list}`);
  }
});

describe("unhandled rejections (root hook)", () => {
  it("records a rejection nobody handles (so the run can fail on one)", async () => {
    const before = rejections.length;
    const canary = new Error("reliability canary: deliberately unhandled");
    void Promise.reject(canary);
    await waitFor(() => rejections.length > before, { timeoutMs: 5_000, message: "the unhandledRejection hook saw nothing" });
    const seen = rejections.splice(before);
    assert.equal(seen.length, 1, seen.map((r) => r.reason).join("\n---\n"));
    assert.match(seen[0]?.reason ?? "", /reliability canary/);
  });
});

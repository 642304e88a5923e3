import * as assert from "node:assert/strict";
import { showIfSlow } from "../../src/core/showIfSlow";

const after = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe("showIfSlow (a progress bar only for slow work)", () => {
  it("never shows work that settles before the delay, whether it succeeds or fails", async () => {
    const shown: unknown[] = [];
    assert.equal(await showIfSlow(after(5, "quick"), 200, (w) => shown.push(w)), "quick");
    await assert.rejects(showIfSlow(after(5, "failed", true), 200, (w) => shown.push(w)), /failed/);
    // Past the delay: a timer left behind would show the work now.
    await after(300, undefined);
    assert.deepEqual(shown, []);
  });

  it("shows slow work once, after the delay, and settles as the work does", async () => {
    const started = performance.now();
    const work = after(300, "slow");
    const shown: { at: number; running: Promise<string> }[] = [];
    const result = await showIfSlow(work, 100, (running) => shown.push({ at: performance.now() - started, running }));
    assert.equal(result, "slow");
    assert.equal(shown.length, 1);
    assert.ok(shown[0]!.at >= 90, `shown ${shown[0]!.at.toFixed(0)} ms after the start`);
    assert.equal(shown[0]!.running, work, "show gets the work itself, to end its bar with it");
  });

  it("passes a failure of slow work through", async () => {
    let shown = 0;
    await assert.rejects(showIfSlow(after(250, "broke", true), 50, () => shown++), /broke/);
    assert.equal(shown, 1);
  });
});

import * as assert from "node:assert/strict";
import { remembered } from "../../src/core/remembered";

describe("remembered values", () => {
  it("makes a value on its first use, keeps it, and starts over when the map is full", () => {
    const kept = new Map<string, number>();
    let made = 0;
    const make = () => ++made;
    assert.equal(remembered(kept, "a", 2, make), 1);
    assert.equal(remembered(kept, "a", 2, make), 1);
    assert.equal(remembered(kept, "b", 2, make), 2);
    assert.equal(remembered(kept, "c", 2, make), 3, "a third key clears the full map");
    assert.deepEqual([...kept.keys()], ["c"]);
    assert.equal(remembered(kept, "a", 2, make), 4, "made again after the start-over");
  });
});

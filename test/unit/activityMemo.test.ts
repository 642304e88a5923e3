import * as assert from "node:assert/strict";
import { activityCategory, activityVerb } from "../../src/core/activity";
import { memoByCode } from "../../src/core/activity/memoByCode";

describe("activity: answers remembered per code", () => {
  it("reads a code once, then answers from memory, and starts over after a thousand codes", () => {
    const reads: string[] = [];
    const length = memoByCode((code: string) => {
      reads.push(code);
      return code.length;
    });
    assert.equal(length("peer.add"), 8);
    assert.equal(length("peer.add"), 8);
    assert.deepEqual(reads, ["peer.add"]);
    for (let i = 0; i < 1000; i++) length(`code.${i}`);
    assert.equal(reads.length, 1001);
    length("peer.add");
    assert.equal(reads.length, 1002, "forgotten when the memo started over");
  });

  it("reads an overlong code each time instead of keeping it", () => {
    let reads = 0;
    const read = memoByCode((code: string) => {
      reads++;
      return code.length;
    });
    const long = "x".repeat(101);
    read(long);
    read(long);
    assert.equal(reads, 2);
    read("x".repeat(100));
    read("x".repeat(100));
    assert.equal(reads, 3);
  });

  it("passes a value that is not a string through without remembering it (hostile input still never throws)", () => {
    const calls: unknown[] = [];
    const read = memoByCode((code: string) => {
      calls.push(code);
      return typeof code;
    });
    assert.equal(read(42 as unknown as string), "number");
    assert.equal(read(42 as unknown as string), "number");
    assert.equal(calls.length, 2);
    assert.equal(activityCategory(undefined as unknown as string), "other");
    assert.equal(activityVerb(null as unknown as string), "other");
  });

  it("gives the same category and verb on every call, for codes in any case and spacing", () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(activityCategory("account.dns.domain.update"), "dns");
      assert.equal(activityCategory(" Peer.Add "), "peer");
      assert.equal(activityVerb("PEER.DELETE"), "delete");
      assert.equal(activityVerb("user.peer.login"), "login");
    }
  });
});

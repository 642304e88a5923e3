import * as assert from "node:assert/strict";
import { sameEvents } from "../../../src/core/audit/auditList";
import { auditEvent } from "../../support/auditEvents";

describe("sameEvents (a refresh that brought nothing new)", () => {
  const list = (...ids: string[]) => ids.map((id) => auditEvent({ id }));

  it("is true for the same ids in the same order, even as new objects", () => {
    assert.equal(sameEvents(list("3", "2", "1"), list("3", "2", "1")), true);
    assert.equal(sameEvents([], []), true);
  });

  it("is false when an event came, went, or moved", () => {
    assert.equal(sameEvents(list("3", "2", "1"), list("4", "3", "2", "1")), false);
    assert.equal(sameEvents(list("3", "2", "1"), list("3", "2")), false);
    assert.equal(sameEvents(list("3", "2", "1"), list("3", "1", "2")), false);
  });
});

import * as assert from "node:assert/strict";
import { parseWebviewMessage } from "../../../src/core/traffic/protocol";
import { EMPTY_FILTERS } from "../../../src/core/traffic/trafficFilters";

describe("webview message protocol", () => {
  it("accepts well-formed messages", () => {
    assert.deepEqual(parseWebviewMessage({ type: "ready" }), { type: "ready" });
    const query = { type: "query", requestId: 3, filters: EMPTY_FILTERS, page: 2 };
    assert.deepEqual(parseWebviewMessage(query), query);
    assert.ok(parseWebviewMessage({ type: "openJson", pageKey: "page=1", index: 4 }));
    assert.ok(parseWebviewMessage({ type: "cancel", requestId: 3 }));
    assert.ok(parseWebviewMessage({ type: "copyText", text: "flow" }));
  });

  it("rejects malformed or unknown messages", () => {
    for (const bad of [
      null,
      "ready",
      { type: "eval", code: "x" },
      { type: "query", requestId: -1, filters: {}, page: 1 },
      { type: "query", requestId: 1, filters: {}, page: 0 },
      { type: "query", requestId: 1, page: 1 },
      { type: "openJson", pageKey: 1, index: 0 },
      { type: "openJson", pageKey: "k", index: 1.5 },
      { type: "copyText", text: "x".repeat(20_000) },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });
});

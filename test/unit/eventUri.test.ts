import * as assert from "node:assert/strict";
import { auditDocumentPath, parseEventDocumentPath, serverTag, trafficDocumentPath } from "../../src/core/documents/eventUri";

describe("event document URIs", () => {
  it("round-trips audit and traffic paths, with a readable tab title", () => {
    const server = serverTag("https://api.netbird.io");
    const audit = auditDocumentPath(server, "1234", "route.add");
    assert.equal(audit, `/audit/${server}/audit-1234 route.add.json`);
    assert.deepEqual(parseEventDocumentPath(audit), { kind: "audit", server, id: "1234" });
    const traffic = trafficDocumentPath(server, "flow-abc", "traffic-6f1c2a3b TCP 443");
    assert.deepEqual(parseEventDocumentPath(traffic), { kind: "traffic", server, key: "flow-abc" });
    assert.ok(traffic.endsWith("/traffic-6f1c2a3b TCP 443.json"));
  });

  it("keeps hostile text out of the path structure", () => {
    const path = auditDocumentPath("s", "1", "../../etc/passwd\u202E?#");
    assert.equal(path.split("/").length, 4);
    assert.ok(!path.includes("\u202E") && !path.includes("?") && !path.includes("#"));
    assert.deepEqual(parseEventDocumentPath(path), { kind: "audit", server: "s", id: "1" });
  });

  it("rejects foreign paths and never contains a token", () => {
    assert.equal(parseEventDocumentPath("/other/x.json"), undefined);
    assert.equal(parseEventDocumentPath("audit/x/y.json"), undefined);
    assert.match(serverTag("https://api.netbird.io"), /^[0-9a-f]{8}$/);
    assert.notEqual(serverTag("https://a.example"), serverTag("https://b.example"));
  });
});

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

import type { AuditEvent } from "../../src/core/api/models";
import {
  ACTIVITY_MESSAGES,
  activityTitle,
  initiatorDisplay,
  isKnownActivityCode,
  isSystemInitiator,
  targetDisplay,
} from "../../src/core/activity";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const CODES: readonly { readonly code: string; readonly message: string | null }[] = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "resources", "netbird-activity-codes.json"), "utf8"),
) as { code: string; message: string | null }[];

function event(extra: Partial<AuditEvent>): AuditEvent {
  return {
    id: "1",
    timestamp: "2026-08-01T10:00:00Z",
    activity: "Policy updated",
    activity_code: "policy.update",
    initiator_id: "u1",
    initiator_name: "",
    initiator_email: "",
    target_id: "cq1target0000000000t",
    meta: {},
    ...extra,
  };
}

describe("activity: ACTIVITY_MESSAGES and activityTitle", () => {
  it("has exactly the 160 codes of the vendored JSON", () => {
    assert.deepEqual(Object.keys(ACTIVITY_MESSAGES).sort(), CODES.map((c) => c.code).sort());
  });

  it("matches NetBird's message for every code that has one, and titles the rest", () => {
    for (const { code, message } of CODES) {
      const title = ACTIVITY_MESSAGES[code] ?? "";
      if (message !== null) {
        assert.equal(title, message, code);
      } else {
        assert.match(title, /^[A-Z][^.]{4,}$/, `${code}: ${title}`);
      }
      assert.equal(activityTitle(code), title, code);
      assert.ok(isKnownActivityCode(code), code);
    }
  });

  it("is frozen", () => {
    assert.ok(Object.isFrozen(ACTIVITY_MESSAGES));
  });

  it("falls back to a readable code", () => {
    assert.equal(activityTitle("route.add"), "Route created");
    assert.equal(activityTitle("widget.do_thing"), "Widget do thing");
    assert.equal(activityTitle("UNKNOWN_ACTIVITY"), "Unknown activity");
    assert.equal(activityTitle(""), "Unknown activity");
    assert.equal(activityTitle("toString"), "Tostring");
    assert.equal(isKnownActivityCode("toString"), false);
    assert.equal(isKnownActivityCode("__proto__"), false);
  });
});

describe("activity: initiatorDisplay", () => {
  it("prefers the name, then the e-mail", () => {
    assert.equal(initiatorDisplay(event({ initiator_name: "Carol Diaz", initiator_email: "carol@acme.io" })), "Carol Diaz");
    assert.equal(initiatorDisplay(event({ initiator_email: "carol@acme.io" })), "carol@acme.io");
  });
  it("names NetBird for system initiators", () => {
    for (const id of ["sys", "SYSTEM", "", "  "]) {
      const e = event({ initiator_id: id });
      assert.equal(initiatorDisplay(e), "NetBird (system)", JSON.stringify(id));
      assert.equal(isSystemInitiator(e), true);
    }
    assert.equal(isSystemInitiator(event({ initiator_id: "u1" })), false);
  });
  it("names the setup key of peer.setupkey.add", () => {
    const e = event({ activity_code: "peer.setupkey.add", initiator_id: "sk-123", meta: { setup_key_name: "ci-runners" } });
    assert.equal(initiatorDisplay(e), "Setup key “ci-runners”");
    assert.equal(initiatorDisplay({ ...e, meta: {} }), "Setup key sk-123");
  });
  it("names the peer of service.peer.*", () => {
    const e = event({ activity_code: "service.peer.expose", initiator_id: "peer-9", meta: { peer_name: "kiosk" } });
    assert.equal(initiatorDisplay(e), "Peer kiosk");
    assert.equal(initiatorDisplay({ ...e, meta: {} }), "Peer peer-9");
  });
  it("falls back to the ID, cleaned", () => {
    assert.equal(initiatorDisplay(event({ initiator_id: "u-\u202E42\n" })), "u-42");
  });
});

describe("activity: targetDisplay", () => {
  const cases: readonly [string, Record<string, string>, string, string?][] = [
    ["policy.update", { name: "Office to DB" }, "Office to DB"],
    ["policy.update", {}, "cq1target0000000000t"],
    ["policy.update", { name: "<nil>" }, "cq1target0000000000t"],
    ["personal.access.token.create", { name: "ci-token", email: "bob@acme.io" }, "bob@acme.io"],
    ["personal.access.token.create", { name: "ci-token", is_service_user: "true", user_name: "bot" }, "bot"],
    ["user.role.update", { role: "admin", email: "bob@acme.io", username: "Bob" }, "bob@acme.io"],
    ["user.group.add", { group: "devs", username: "Bob" }, "Bob"],
    ["peer.group.add", { group: "devs", peer_fqdn: "edge.netbird.cloud" }, "edge.netbird.cloud"],
    ["peer.ssh.enable", { fqdn: "edge.netbird.cloud" }, "edge.netbird.cloud"],
    ["peer.ssh.enable", {}, "100.64.0.9", "100.64.0.9"],
    ["resource.group.add", { name: "db-group", resource_name: "db" }, "db-group"],
    ["group.update", { old_name: "a", new_name: "b" }, "b"],
    ["network.router.create", { network_name: "prod", peer: "p1" }, "prod"],
    ["account.setting.ipv6.enable", {}, "acct-1", "acct-1"],
    ["account.delete", { domain: "acme.io" }, "acme.io"],
    ["dns.setting.disabled.management.group.add", { group: "servers" }, "servers"],
    ["reseller.msp.created", { msp_name: "Contoso" }, "Contoso"],
    ["widget.thing", { name: "gizmo" }, "gizmo"],
    ["widget.thing", {}, ""],
  ];
  for (const [code, meta, expected, targetId] of cases) {
    it(`${code} ${JSON.stringify(meta)} → ${JSON.stringify(expected)}`, () => {
      const target_id = targetId ?? (code === "widget.thing" && expected === "" ? "" : "cq1target0000000000t");
      assert.equal(targetDisplay(event({ activity_code: code, meta, target_id })), expected);
    });
  }
});

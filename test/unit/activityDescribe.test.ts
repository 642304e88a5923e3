import * as assert from "node:assert/strict";

import { ACTIVITY_CODES, type ActivityCode } from "../../simulator/activityCodes";
import type { AuditEvent } from "../../src/core/api/models";
import {
  describeAuditEvent,
  hasActivityTemplate,
  readableActivityCode,
  templatedActivityCodes,
} from "../../src/core/activity";


const CODES = ACTIVITY_CODES;

/** A realistic value for a meta key, as NetBird's `fmt.Sprintf("%v")` would send it. */
function sampleValue(code: string, key: string): string {
  if (key === "type") {
    if (code.startsWith("setupkey.")) return "reusable";
    if (code.startsWith("network.resource.")) return "subnet";
    if (code.startsWith("dns.zone.record.")) return "CNAME";
    if (code.startsWith("identityprovider.")) return "oidc";
    throw new Error(`no sample "type" for ${code}`);
  }
  const values: Record<string, string> = {
    name: "Sample Name 42",
    fqdn: "alice-laptop.netbird.cloud",
    ip: "100.64.0.7",
    ipv6: "fd00:1234::7",
    created_at: "2026-08-01T10:00:00.123456Z",
    location_city_name: "Berlin",
    location_country_code: "DE",
    location_geo_name_id: "2.950159e+06",
    location_connection_ip: "203.0.113.9",
    pending_approval: "true",
    setup_key_name: "ci-runners",
    email: "bob@acme.io",
    username: "Bob Example",
    key: "ABCDE****",
    old_name: "devs-old",
    new_name: "developers-new",
    group: "engineering-group",
    group_id: "cq1grp0000000000000g",
    peer_ip: "100.64.0.8",
    peer_fqdn: "build-box.netbird.cloud",
    is_service_user: "false",
    user_name: "",
    role: "network_admin",
    setupkey: "office-key",
    network_range: "10.20.0.0/16",
    domains: "",
    peer_id: "cq1peer000000000000p",
    peer_groups: "[cq1grp0000000000000g cq1grp0000000000001g]",
    issued: "api",
    reason: "inactivity timeout",
    timestamp: "2026-08-01T10:00:00Z",
    platform: "crowdstrike",
    network_name: "Production Net",
    network_id: "cq1net0000000000000n",
    peer: "cq1peer000000000000p",
    id: "cq1grp0000000000000g",
    resource_name: "postgres-primary",
    resource_id: "cq1res0000000000000r",
    resource_type: "host",
    old_dns_domain: "netbird.cloud",
    new_dns_domain: "corp.internal",
    old_network_range: "100.64.0.0/10",
    new_network_range: "10.99.0.0/16",
    old_network_range_v6: "fd00:1::/64",
    new_network_range_v6: "fd00:2::/64",
    old_ip: "100.64.0.5",
    version: "0.61.2",
    issuer: "https://login.acme.io",
    domain: "apps.acme.io",
    content: "db.acme.internal",
    ttl: "300",
    zone_id: "cq1zone00000000000z",
    zone_name: "acme-internal",
    for_peer_name: "gateway-eu",
    job_type: "debug-bundle",
    proxy_cluster: "eu.proxy.netbird.io",
    source: "api",
    auth: "true",
    mode: "http",
    listen_port: "8443",
    proxy_protocol: "false",
    request_timeout: "30s",
    session_idle_timeout: "15m",
    peer_name: "kiosk-7",
    target_cluster: "eu.proxy.netbird.io",
    validated: "true",
    provider_id: "openai",
    enabled: "true",
    log_collection: "true",
    prompt_collection: "false",
    redact_pii: "true",
    bootstrapped: "true",
    endpoint: "https://agents.acme.io",
    dedicated: "false",
    proxy_address: "10.0.0.9:3128",
    account_id: "cq1acct00000000000a",
    original_reason: "os version too old",
    msp_name: "Contoso MSP",
    msp_domain: "contoso.example",
    group_name: "flow-watchers",
  };
  const value = values[key];
  if (value === undefined) {
    throw new Error(`no sample value for meta key "${key}" (${code})`);
  }
  return value;
}

function keysOf(entry: ActivityCode, withOptional: boolean): string[] {
  return [
    ...entry.meta_keys,
    ...(withOptional ? (entry.optional_meta_keys ?? []) : []),
    ...(entry.read_time_meta_keys ?? []),
  ];
}

function activityOf(entry: ActivityCode): string {
  return entry.message ?? readableActivityCode(entry.code);
}

function event(code: string, meta: Record<string, string>, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: "17",
    timestamp: "2026-08-01T10:00:00.473542Z",
    activity: "Something happened",
    activity_code: code,
    initiator_id: "cq1user0000000000000u",
    initiator_name: "Carol Diaz",
    initiator_email: "carol@acme.io",
    target_id: "cq1target00000000000t",
    meta,
    ...extra,
  };
}

function sampleEvent(entry: ActivityCode, withOptional: boolean): AuditEvent {
  const meta: Record<string, string> = {};
  for (const key of keysOf(entry, withOptional)) {
    meta[key] = sampleValue(entry.code, key);
  }
  return event(entry.code, meta, { activity: activityOf(entry) });
}

/**
 * Groups of meta keys that identify what an event is about, most specific first. The sentence must show a
 * value of the first group the code carries.
 */
const MAIN_KEY_GROUPS: readonly (readonly string[])[] = [
  ["name"],
  ["new_name"],
  ["group_name"],
  ["msp_name"],
  ["for_peer_name"],
  ["network_name"],
  ["group"],
  ["email", "username"],
  ["domain"],
  ["new_dns_domain"],
  ["new_network_range"],
  ["version"],
  ["platform"],
  ["endpoint"],
  ["ip"],
];

/** Codes whose only identifying value is the initiator, which the tree shows next to the sentence. */
const SHOWN_BY_INITIATOR = new Set(["dashboard.login"]);

const FORBIDDEN = /undefined|<nil>|\bnull\b|\[object|NaN|\bfalse\b|\btrue\b/;
const EMPTY_PUNCTUATION = /“”|""|''|\(\)|\(\s*,|,\s*\)|\s,|\s\)|\s{2}/;

function assertWellFormed(sentence: string, context: string): void {
  assert.ok(sentence.length > 0, `${context}: empty sentence`);
  assert.doesNotMatch(sentence, FORBIDDEN, `${context}: ${sentence}`);
  assert.doesNotMatch(sentence, EMPTY_PUNCTUATION, `${context}: ${sentence}`);
  assert.equal(sentence, sentence.trim(), `${context}: untrimmed`);
  assert.match(sentence, /^[A-Z0-9a-z]/, `${context}: starts oddly: ${sentence}`);
}

describe("activity: describeAuditEvent for every known code", () => {
  it("reads all 160 codes from the vendored JSON", () => {
    assert.equal(CODES.length, 160);
    assert.equal(new Set(CODES.map((c) => c.code)).size, 160);
  });

  it("has a hand-written template for exactly the known codes", () => {
    const known = CODES.map((c) => c.code).sort();
    assert.deepEqual([...templatedActivityCodes()].sort(), known);
    for (const code of known) {
      assert.ok(hasActivityTemplate(code), code);
    }
  });

  for (const withOptional of [true, false]) {
    const variant = withOptional ? "with optional meta" : "with required meta";
    it(`describes every code ${variant}, showing its identifying value`, () => {
      for (const entry of CODES) {
        const e = sampleEvent(entry, withOptional);
        const sentence = describeAuditEvent(e);
        assertWellFormed(sentence, entry.code);
        assert.notEqual(sentence, e.activity, `${entry.code}: fell back to the activity text`);
        assert.notEqual(sentence, readableActivityCode(entry.code), `${entry.code}: fell back to the code`);
        if (SHOWN_BY_INITIATOR.has(entry.code)) {
          continue;
        }
        const keys = new Set(Object.keys(e.meta));
        const group = MAIN_KEY_GROUPS.find((g) => g.some((k) => keys.has(k)));
        if (group !== undefined) {
          const values = group.filter((k) => keys.has(k)).map((k) => e.meta[k] ?? "");
          assert.ok(
            values.some((v) => v !== "" && sentence.includes(v)),
            `${entry.code}: "${sentence}" shows none of ${values.join(" / ")}`,
          );
        }
      }
    });
  }

  it("still gives a template sentence when all meta and the initiator are missing", () => {
    for (const entry of CODES) {
      const e = event(entry.code, {}, {
        activity: activityOf(entry),
        initiator_name: "",
        initiator_email: "",
        initiator_id: "sys",
      });
      const sentence = describeAuditEvent(e);
      assertWellFormed(sentence, `${entry.code} (no meta)`);
      assert.notEqual(sentence, e.activity, `${entry.code}: fell back to the activity text`);
    }
  });

  it("treats Go's empty values (\"\", \"<nil>\", \"[]\") as missing", () => {
    for (const entry of CODES) {
      for (const empty of ["", "<nil>", "[]", "   "]) {
        const meta: Record<string, string> = {};
        for (const key of keysOf(entry, true)) {
          meta[key] = empty;
        }
        const sentence = describeAuditEvent(event(entry.code, meta, { activity: activityOf(entry) }));
        assertWellFormed(sentence, `${entry.code} (meta all ${JSON.stringify(empty)})`);
      }
    }
  });
});

describe("activity: describeAuditEvent sentences", () => {
  const cases: readonly [string, Record<string, string>, string, Partial<AuditEvent>?][] = [
    ["user.peer.login", { name: "alice-laptop", fqdn: "alice-laptop.netbird.cloud", ip: "100.64.0.3" }, "alice-laptop logged in"],
    ["policy.update", { name: "Office to DB" }, "Updated policy “Office to DB”"],
    ["policy.delete", {}, "Deleted a policy"],
    [
      "route.add",
      { name: "office-net", network_range: "10.0.0.0/16", domains: "", peer_id: "p1", peer_groups: "[]" },
      "Added route 10.0.0.0/16 (office-net)",
    ],
    [
      "route.update",
      { name: "saas", network_range: "192.0.2.0/32", domains: "example.com, api.example.com", peer_groups: "[g1]" },
      "Updated route example.com, api.example.com (saas)",
    ],
    ["route.delete", { name: "saas", domains: "[example.com api.example.com]" }, "Deleted route example.com, api.example.com (saas)"],
    ["route.add", { name: "broken", network_range: "invalid Prefix" }, "Added route “broken”"],
    ["group.update", { old_name: "devs", new_name: "developers" }, "Renamed group “devs” to “developers”"],
    ["group.update", { new_name: "developers" }, "Renamed a group to “developers”"],
    ["setupkey.add", { name: "ci-runners", type: "reusable", key: "ABCDE****" }, "Created setup key “ci-runners” (reusable)"],
    ["setupkey.add", { name: "ci-runners", type: "", key: "" }, "Created setup key “ci-runners”"],
    ["user.role.update", { role: "admin", email: "bob@acme.io", username: "Bob" }, "Changed role of bob@acme.io to admin"],
    ["user.role.update", { role: "admin" }, "Changed a user’s role to admin"],
    ["user.join", {}, "Carol Diaz joined the account"],
    ["user.join", { username: "Dan Lee", email: "dan@acme.io" }, "Dan Lee joined the account"],
    [
      "resource.group.add",
      { name: "db-group", id: "g1", resource_name: "db-server", resource_id: "r1", resource_type: "host" },
      "Added resource “db-server” to group “db-group”",
    ],
    ["resource.group.delete", { name: "db-group", resource_name: "db-server" }, "Removed resource “db-server” from group “db-group”"],
    ["posture.check.create", { name: "macOS 14+" }, "Created posture check “macOS 14+”"],
    ["posture.check.update", { name: "macOS 14+" }, "Updated posture check “macOS 14+”"],
    ["posture.check.delete", { name: "macOS 14+" }, "Deleted posture check “macOS 14+”"],
    ["peer.setupkey.add", { name: "edge-1", setup_key_name: "ci-runners" }, "Added peer edge-1 with setup key “ci-runners”"],
    ["peer.user.add", { name: "edge-2", pending_approval: "true" }, "Added peer edge-2 (pending approval)"],
    ["peer.ip.update", { name: "edge-1", ip: "100.64.0.9", old_ip: "100.64.0.5" }, "Changed the IP of peer edge-1 from 100.64.0.5 to 100.64.0.9"],
    ["peer.ssh.enable", {}, "Enabled the SSH server on peer 100.64.0.9", { target_id: "100.64.0.9" }],
    ["peer.login.expire", { name: "edge-1", reason: "session expiration" }, "Login expired for peer edge-1 (session expiration)"],
    ["peer.group.add", { group: "devs", peer_fqdn: "edge-1.netbird.cloud", peer_ip: "100.64.0.2" }, "Added peer edge-1.netbird.cloud to group “devs”"],
    ["user.group.add", { group: "devs", is_service_user: "true", user_name: "ci-bot" }, "Added service user “ci-bot” to group “devs”"],
    ["user.group.delete", { group: "devs", is_service_user: "false", user_name: "", email: "bob@acme.io" }, "Removed bob@acme.io from group “devs”"],
    ["network.resource.create", { name: "db", type: "host", network_name: "prod" }, "Added host resource “db” to network “prod”"],
    ["network.router.create", { network_name: "prod", peer: "", peer_groups: "[g1 g2 g3]" }, "Added a router to network “prod” (3 peer groups)"],
    ["network.router.delete", { network_name: "prod", peer: "p1", peer_groups: "[]" }, "Removed a router from network “prod”"],
    ["account.dns.domain.update", { old_dns_domain: "netbird.cloud", new_dns_domain: "corp.internal" }, "Changed the DNS domain from netbird.cloud to corp.internal"],
    ["account.network.range.update", { old_network_range_v6: "fd00:1::/64", new_network_range_v6: "fd00:2::/64" }, "Changed the IPv6 network range from fd00:1::/64 to fd00:2::/64"],
    ["dns.zone.record.create", { name: "db", type: "A", content: "10.0.0.5", ttl: "300", zone_name: "internal" }, "Added A record db (10.0.0.5) to zone “internal”"],
    ["dns.setting.disabled.management.group.add", { group: "servers" }, "Disabled DNS management for group “servers”"],
    ["account.setting.peer.login.expiration.enable", {}, "Enabled peer login expiration"],
    ["account.setting.local.mfa.disable", {}, "Disabled local MFA", { initiator_id: "SYSTEM", initiator_name: "" }],
    ["personal.access.token.create", { name: "ci", is_service_user: "false", user_name: "" }, "Created access token “ci”", { target_id: "u1", initiator_id: "u1" }],
    ["personal.access.token.create", { name: "ci", is_service_user: "true", user_name: "deploy-bot" }, "Created access token “ci” for service user “deploy-bot”"],
    ["personal.access.token.delete", { name: "ci", is_service_user: "false", email: "bob@acme.io" }, "Deleted access token “ci” for bob@acme.io", { target_id: "u2", initiator_id: "u1" }],
    ["service.peer.expose", { name: "web", domain: "web.acme.io", auth: "true", peer_name: "kiosk" }, "Peer kiosk exposed service “web” (web.acme.io, authentication on)"],
    ["domain.validate", { domain: "acme.io", validated: "true" }, "Validated domain acme.io"],
    ["integration.create", { platform: "okta" }, "Created the okta integration"],
    ["reseller.msp.created", { msp_name: "Contoso", msp_domain: "contoso.example" }, "Created MSP customer “Contoso” (contoso.example)"],
    ["agent_network.settings.update", { log_collection: "true", prompt_collection: "false", redact_pii: "true" }, "Updated agent network settings (log collection on, prompt collection off, PII redaction on)"],
    ["user.password.change", {}, "Changed their password", { target_id: "u1", initiator_id: "u1" }],
    ["policy.add", { name: "<b>&amp;</b>" }, "Created policy “<b>&amp;</b>”"],
  ];
  for (const [code, meta, expected, extra] of cases) {
    it(`${code} ${JSON.stringify(meta)} → ${expected}`, () => {
      assert.equal(describeAuditEvent(event(code, meta, extra)), expected);
    });
  }
  it("accepts activity codes in any case and with surrounding spaces", () => {
    assert.equal(describeAuditEvent(event(" POLICY.Add ", { name: "x" })), "Created policy “x”");
  });
});

describe("activity: \"false\" is false", () => {
  const service = { name: "web", domain: "web.acme.io", proxy_cluster: "eu", source: "api", mode: "http" };
  it("service auth \"false\" says authentication off", () => {
    const s = describeAuditEvent(event("service.create", { ...service, auth: "false" }));
    assert.match(s, /authentication off/);
    assert.doesNotMatch(s, /authentication on/);
  });
  it("service auth \"true\" says authentication on; a missing or odd auth says nothing", () => {
    assert.match(describeAuditEvent(event("service.update", { ...service, auth: "true" })), /authentication on/);
    assert.doesNotMatch(describeAuditEvent(event("service.update", { ...service, auth: "<nil>" })), /authentication/);
    assert.doesNotMatch(describeAuditEvent(event("service.update", service)), /authentication/);
  });
  it("pending_approval \"false\" is not pending", () => {
    assert.equal(describeAuditEvent(event("peer.user.add", { name: "a", pending_approval: "false" })), "Added peer a");
    assert.equal(describeAuditEvent(event("user.join", { username: "Ann", pending_approval: "false" })), "Ann joined the account");
  });
  it("domain.validate with validated \"false\" reports a failure", () => {
    assert.equal(describeAuditEvent(event("domain.validate", { domain: "acme.io", validated: "false" })), "Validation of domain acme.io failed");
  });
  it("domain.add shows validated only when \"true\"", () => {
    assert.match(describeAuditEvent(event("domain.add", { domain: "a.io", validated: "true" })), /validated/);
    assert.doesNotMatch(describeAuditEvent(event("domain.add", { domain: "a.io", validated: "false" })), /validated/);
  });
  it("agent network enabled \"false\" shows (disabled), \"true\" does not", () => {
    assert.equal(describeAuditEvent(event("agent_network.policy.create", { name: "p", enabled: "false" })), "Created agent network policy “p” (disabled)");
    assert.equal(describeAuditEvent(event("agent_network.policy.create", { name: "p", enabled: "true" })), "Created agent network policy “p”");
  });
  it("is_service_user \"false\" is a normal user", () => {
    const s = describeAuditEvent(event("user.group.add", { group: "g", is_service_user: "false", user_name: "bot", email: "e@x.io" }));
    assert.equal(s, "Added e@x.io to group “g”");
  });
});

describe("activity: fallbacks for unknown codes", () => {
  it("uses the activity text for an unknown code", () => {
    assert.equal(describeAuditEvent(event("widget.frobnicate", { name: "x" }, { activity: "Widget frobnicated" })), "Widget frobnicated");
    assert.equal(hasActivityTemplate("widget.frobnicate"), false);
  });
  it("makes UNKNOWN_ACTIVITY and code-like activity texts readable", () => {
    assert.equal(describeAuditEvent(event("UNKNOWN_ACTIVITY", {}, { activity: "UNKNOWN_ACTIVITY" })), "Unknown activity");
    assert.equal(describeAuditEvent(event("widget.do_thing", {}, { activity: "" })), "Widget do thing");
    assert.equal(describeAuditEvent(event("widget.do_thing", {}, { activity: "widget.do_thing" })), "Widget do thing");
    assert.equal(describeAuditEvent(event("", {}, { activity: "" })), "Unknown activity");
  });
  it("does not treat Object.prototype names as templates", () => {
    for (const code of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      assert.equal(hasActivityTemplate(code), false, code);
      assert.equal(describeAuditEvent(event(code, {}, { activity: "Odd event" })), "Odd event", code);
    }
  });
});

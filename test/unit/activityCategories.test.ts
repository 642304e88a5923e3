import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

import {
  ACTIVITY_CATEGORIES,
  activityCategory,
  activityVerb,
  categoryIcon,
  categoryLabel,
  type ActivityCategory,
} from "../../src/core/activity";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const CODES: readonly { readonly code: string }[] = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "resources", "netbird-activity-codes.json"), "utf8"),
) as { code: string }[];

const CODICON_CSS = fs.readFileSync(path.join(REPO_ROOT, "node_modules", "@vscode", "codicons", "dist", "codicon.css"), "utf8");

describe("activity: categories", () => {
  it("gives every known code a real category", () => {
    for (const { code } of CODES) {
      const category = activityCategory(code);
      assert.notEqual(category, "other", code);
      assert.ok(ACTIVITY_CATEGORIES.includes(category), `${code} → ${category}`);
    }
  });

  it("uses every category except other for some known code", () => {
    const used = new Set(CODES.map(({ code }) => activityCategory(code)));
    for (const category of ACTIVITY_CATEGORIES) {
      assert.equal(used.has(category), category !== "other", category);
    }
  });

  const expected: readonly [string, ActivityCategory][] = [
    ["peer.user.add", "peer"],
    ["peer.login.expire", "peer"],
    ["user.peer.login", "peer"],
    ["user.peer.delete", "peer"],
    ["user.join", "user"],
    ["service.user.create", "user"],
    ["transferred.owner.role", "user"],
    ["group.update", "group"],
    ["policy.add", "policy"],
    ["route.add", "route"],
    ["dns.zone.record.create", "dns"],
    ["dns.setting.disabled.management.group.add", "dns"],
    ["nameserver.group.add", "dns"],
    ["account.dns.domain.update", "dns"],
    ["setupkey.add", "setupKey"],
    ["network.resource.create", "network"],
    ["network.router.create", "network"],
    ["resource.group.add", "network"],
    ["router.future.code", "network"],
    ["account.setting.ipv6.enable", "account"],
    ["account.settings.extra.flow.group.add", "account"],
    ["personal.access.token.create", "token"],
    ["posture.check.create", "posture"],
    ["integration.create", "integration"],
    ["integrated-validator.host-check.denied", "integration"],
    ["service.create", "service"],
    ["service.peer.expose", "service"],
    ["domain.add", "service"],
    ["agent_network.policy.create", "agentNetwork"],
    ["identityprovider.create", "identityProvider"],
    ["rule.add", "rule"],
    ["dashboard.login", "dashboard"],
    ["reseller.msp.created", "reseller"],
    ["PEER.RENAME", "peer"],
    ["peer.brand.new.code", "peer"],
    ["widget.create", "other"],
    ["UNKNOWN_ACTIVITY", "other"],
    ["", "other"],
    ["constructor", "other"],
    ["__proto__", "other"],
  ];
  for (const [code, category] of expected) {
    it(`${JSON.stringify(code)} → ${category}`, () => {
      assert.equal(activityCategory(code), category);
    });
  }

  it("has a codicon that exists in @vscode/codicons for every category", () => {
    for (const category of ACTIVITY_CATEGORIES) {
      const icon = categoryIcon(category);
      assert.match(icon, /^[a-z0-9-]+$/, category);
      assert.ok(CODICON_CSS.includes(`.codicon-${icon}:before`), `${category}: codicon-${icon} is not in codicon.css`);
    }
  });

  it("uses distinct icons and labels", () => {
    const icons = ACTIVITY_CATEGORIES.map(categoryIcon);
    const labels = ACTIVITY_CATEGORIES.map(categoryLabel);
    assert.equal(new Set(icons).size, icons.length);
    assert.equal(new Set(labels).size, labels.length);
    assert.ok(labels.every((l) => l.trim() !== ""));
  });

  it("maps the main categories to the agreed icons and labels", () => {
    assert.equal(categoryIcon("peer"), "vm");
    assert.equal(categoryIcon("user"), "person");
    assert.equal(categoryIcon("group"), "organization");
    assert.equal(categoryIcon("policy"), "shield");
    assert.equal(categoryIcon("dns"), "globe");
    assert.equal(categoryIcon("setupKey"), "key");
    assert.equal(categoryLabel("peer"), "Peers");
    assert.equal(categoryLabel("user"), "Users");
  });

  it("falls back to the other icon and label for a bogus category", () => {
    const bogus = "toString" as ActivityCategory;
    assert.equal(categoryIcon(bogus), categoryIcon("other"));
    assert.equal(categoryLabel(bogus), categoryLabel("other"));
  });
});

describe("activity: verbs", () => {
  const expected: readonly [string, ReturnType<typeof activityVerb>][] = [
    ["route.add", "create"],
    ["network.create", "create"],
    ["user.invite", "create"],
    ["user.join", "create"],
    ["integrated-validator.api.created", "create"],
    ["policy.update", "update"],
    ["peer.rename", "update"],
    ["account.setting.ipv6.enable", "update"],
    ["peer.ssh.disable", "update"],
    ["user.block", "update"],
    ["group.delete", "delete"],
    ["setupkey.revoke", "delete"],
    ["account.settings.extra.flow.group.remove", "delete"],
    ["reseller.msp.deleted", "delete"],
    ["dashboard.login", "login"],
    ["user.peer.login", "login"],
    ["peer.login.expire", "other"],
    ["setupkey.overuse", "other"],
    ["UNKNOWN_ACTIVITY", "other"],
    ["", "other"],
  ];
  for (const [code, verb] of expected) {
    it(`${JSON.stringify(code)} → ${verb}`, () => {
      assert.equal(activityVerb(code), verb);
    });
  }

  it("classifies most known codes (not other)", () => {
    const other = CODES.filter(({ code }) => activityVerb(code) === "other").map(({ code }) => code);
    assert.ok(other.length <= 12, `too many unclassified codes: ${other.join(", ")}`);
  });
});

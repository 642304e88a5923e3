/** Who did it (initiator) and what it was done to (target), as short display labels. */

import type { AuditEvent } from "../api/models";
import { metaText } from "./goValues";
import { quoted } from "./phrases";
import { cleanText } from "./sanitizeText";

/** Shown for events started by NetBird itself (initiator "sys", "SYSTEM" or empty). */
export const SYSTEM_INITIATOR_LABEL = "NetBird (system)";

const SYSTEM_INITIATOR_IDS: ReadonlySet<string> = new Set(["", "sys", "system"]);

function field(event: AuditEvent, key: keyof AuditEvent): string {
  const value: unknown = event?.[key];
  return typeof value === "string" ? value : "";
}

function firstMeta(event: AuditEvent, keys: readonly string[]): string | undefined {
  const meta: unknown = event?.meta;
  for (const key of keys) {
    const value = metaText(meta, key);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/** True when the initiator is NetBird itself ("sys", "SYSTEM" or no initiator at all). */
export function isSystemInitiator(event: AuditEvent): boolean {
  return SYSTEM_INITIATOR_IDS.has(field(event, "initiator_id").trim().toLowerCase());
}

/**
 * The initiator for display: name, else e-mail, else "NetBird (system)" for system events, else
 * "Setup key “name”"/"Setup key <id>" for peer.setupkey.add, "Peer <name>"/"Peer <id>" for service.peer.*,
 * else the initiator ID.
 */
export function initiatorDisplay(event: AuditEvent): string {
  const name = cleanText(field(event, "initiator_name")) || cleanText(field(event, "initiator_email"));
  if (name !== "") {
    return name;
  }
  if (isSystemInitiator(event)) {
    return SYSTEM_INITIATOR_LABEL;
  }
  const id = cleanText(field(event, "initiator_id"));
  const code = field(event, "activity_code").trim().toLowerCase();
  if (code === "peer.setupkey.add") {
    const keyName = firstMeta(event, ["setup_key_name"]);
    return keyName !== undefined ? `Setup key ${quoted(keyName)}` : `Setup key ${id}`;
  }
  if (code.startsWith("service.peer.")) {
    return `Peer ${firstMeta(event, ["peer_name", "peer_ip"]) ?? id}`;
  }
  return id;
}

const USER_KEYS = ["email", "username", "user_name", "name"] as const;
const PEER_KEYS = ["name", "fqdn", "ip", "peer_fqdn", "peer_ip", "for_peer_name"] as const;

/** Meta keys naming the target, for codes whose target is not described by `name`. */
const TARGET_KEYS_BY_PREFIX: readonly (readonly [string, readonly string[]])[] = [
  ["personal.access.token.", ["email", "username", "user_name"]],
  ["user.group.", ["email", "username", "user_name"]],
  ["user.peer.", PEER_KEYS],
  ["user.invite.link.", ["email", "username"]],
  ["user.", USER_KEYS],
  ["service.user.", ["name", "username", "email"]],
  ["transferred.owner.role", USER_KEYS],
  ["dashboard.login", USER_KEYS],
  ["peer.group.", ["peer_fqdn", "peer_ip"]],
  ["peer.job.", ["for_peer_name"]],
  ["peer.", PEER_KEYS],
  ["integrated-validator.peer.", ["name", "ip"]],
  ["group.update", ["new_name", "old_name"]],
  ["setupkey.group.", ["setupkey"]],
  ["resource.group.", ["name"]],
  ["network.router.", ["network_name"]],
  ["route.", ["name", "network_range", "domains"]],
  ["dns.setting.", ["group"]],
  ["account.dns.domain.", ["new_dns_domain"]],
  ["account.network.range.", ["new_network_range", "new_network_range_v6"]],
  ["account.settings.extra.flow.group.", ["group_name"]],
  ["account.", ["domain"]],
  ["domain.", ["domain"]],
  ["reseller.", ["msp_name", "msp_domain"]],
  ["integration.", ["platform"]],
  ["integrated-validator.", ["platform"]],
  ["agent_network.settings.", ["endpoint"]],
];

const GENERIC_TARGET_KEYS = ["name", "email", "username", "fqdn", "ip", "domain", "group", "network_name"];

/**
 * The most useful label for the event's target: a name, e-mail, FQDN, IP… from meta, chosen per code
 * (e.g. the token owner for personal.access.token.*, the peer for peer.group.*), else the `target_id`,
 * else "".
 */
export function targetDisplay(event: AuditEvent): string {
  const code = field(event, "activity_code").trim().toLowerCase();
  const match = TARGET_KEYS_BY_PREFIX.find(([prefix]) => code.startsWith(prefix));
  const keys = match !== undefined ? match[1] : GENERIC_TARGET_KEYS;
  const fromMeta = firstMeta(event, keys);
  if (fromMeta !== undefined) {
    return fromMeta;
  }
  return cleanText(field(event, "target_id"));
}

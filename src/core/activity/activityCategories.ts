/** Categories of activity codes (by first segment and known prefixes), with a codicon and a label each. */

import { memoByCode } from "./memoByCode";

export type ActivityCategory =
  | "peer"
  | "user"
  | "group"
  | "policy"
  | "route"
  | "dns"
  | "setupKey"
  | "network"
  | "account"
  | "token"
  | "posture"
  | "integration"
  | "service"
  | "agentNetwork"
  | "identityProvider"
  | "rule"
  | "dashboard"
  | "reseller"
  | "other";

/** Every category, in the order a filter list shows them. */
export const ACTIVITY_CATEGORIES: readonly ActivityCategory[] = [
  "peer",
  "user",
  "group",
  "policy",
  "posture",
  "route",
  "network",
  "dns",
  "setupKey",
  "token",
  "account",
  "service",
  "agentNetwork",
  "identityProvider",
  "integration",
  "dashboard",
  "reseller",
  "rule",
  "other",
];

/** Prefixes checked before the first segment, longest first where they overlap. */
const PREFIXES: readonly (readonly [string, ActivityCategory])[] = [
  ["account.dns.", "dns"],
  ["personal.access.token.", "token"],
  ["service.user.", "user"],
  ["user.peer.", "peer"],
  ["transferred.owner.", "user"],
];

const FIRST_SEGMENT: Readonly<Record<string, ActivityCategory>> = {
  peer: "peer",
  user: "user",
  group: "group",
  policy: "policy",
  route: "route",
  dns: "dns",
  nameserver: "dns",
  setupkey: "setupKey",
  network: "network",
  resource: "network",
  router: "network",
  account: "account",
  posture: "posture",
  integration: "integration",
  "integrated-validator": "integration",
  service: "service",
  domain: "service",
  agent_network: "agentNetwork",
  identityprovider: "identityProvider",
  rule: "rule",
  dashboard: "dashboard",
  reseller: "reseller",
};

/** The category of an activity code; "other" for codes of unknown families. Never throws. */
export const activityCategory: (code: string) => ActivityCategory = memoByCode(categoryOf);

function categoryOf(code: string): ActivityCategory {
  const c = typeof code === "string" ? code.trim().toLowerCase() : "";
  for (const [prefix, category] of PREFIXES) {
    if (c.startsWith(prefix)) {
      return category;
    }
  }
  const first = c.split(".", 1)[0] ?? "";
  return Object.hasOwn(FIRST_SEGMENT, first) ? (FIRST_SEGMENT[first] ?? "other") : "other";
}

const ICONS: Readonly<Record<ActivityCategory, string>> = {
  peer: "vm",
  user: "person",
  group: "organization",
  policy: "shield",
  route: "git-merge",
  dns: "globe",
  setupKey: "key",
  network: "type-hierarchy",
  account: "account",
  token: "lock",
  posture: "verified",
  integration: "plug",
  service: "cloud",
  agentNetwork: "hubot",
  identityProvider: "workspace-trusted",
  rule: "law",
  dashboard: "dashboard",
  reseller: "briefcase",
  other: "question",
};

const LABELS: Readonly<Record<ActivityCategory, string>> = {
  peer: "Peers",
  user: "Users",
  group: "Groups",
  policy: "Policies",
  route: "Routes",
  dns: "DNS",
  setupKey: "Setup keys",
  network: "Networks",
  account: "Account settings",
  token: "Access tokens",
  posture: "Posture checks",
  integration: "Integrations",
  service: "Services and domains",
  agentNetwork: "Agent networks",
  identityProvider: "Identity providers",
  rule: "Rules (legacy)",
  dashboard: "Dashboard",
  reseller: "Reseller",
  other: "Other",
};

/** A codicon id (without the "codicon-" prefix) for a category, e.g. "vm" for peers. */
export function categoryIcon(category: ActivityCategory): string {
  return Object.hasOwn(ICONS, category) ? ICONS[category] : ICONS.other;
}

/** A plural display label for a category, e.g. "Peers". */
export function categoryLabel(category: ActivityCategory): string {
  return Object.hasOwn(LABELS, category) ? LABELS[category] : LABELS.other;
}

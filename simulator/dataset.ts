/**
 * A dataset: one simulated account with its audit events and traffic flows, plus the JSON the server sends
 * for it, computed once. `realistic`, `empty` (an account without events) or `hostile` (realistic shapes,
 * every display string from HOSTILE_STRINGS).
 */
import { generateAudit, type WireAuditEvent } from "./audit";
import { goTime } from "./goFormat";
import { goJson } from "./goJson";
import { HOSTILE_STRINGS_SMALL } from "./hostile";
import { hashString, Rng } from "./random";
import { generateTraffic } from "./traffic";
import type { TrafficRow } from "./trafficRow";
import { buildWorld, type SimUser, type World } from "./world";

export type DatasetKind = "realistic" | "empty" | "hostile";
export const DATASET_KINDS: readonly DatasetKind[] = ["realistic", "empty", "hostile"];

/** The audit API returns at most this many events: the newest. */
export const AUDIT_CAP = 10_000;

export interface DatasetOptions {
  readonly kind: DatasetKind;
  readonly seed: number;
  /** Epoch ms; every timestamp is relative to it. */
  readonly nowMs: number;
  readonly auditCount: number;
  readonly trafficCount: number;
  /** False: no flows, and the account reports `network_traffic_logs_enabled: false`. */
  readonly trafficLoggingEnabled: boolean;
  /** False: byte and packet counters are 0, and the account says so. */
  readonly packetCounterEnabled: boolean;
  readonly variant: "main" | "child";
  readonly accountId?: string;
}

export interface Dataset {
  readonly options: DatasetOptions;
  readonly world: World;
  /** Every stored event, oldest first (ID order). */
  readonly auditAll: readonly WireAuditEvent[];
  /** What `GET /api/events/audit` returns: newest first, ties by numeric ID descending, at most 10,000. */
  readonly auditServed: readonly WireAuditEvent[];
  /** `auditServed` as the response body (Go's encoder: HTML-escaped, newline at the end). */
  readonly auditBody: Buffer;
  /** All flows, newest first (made on first use). */
  readonly traffic: readonly TrafficRow[];
  /** Display strings pass through this: identity, or the hostile corpus. */
  readonly text: (value: string) => string;
}

export function buildDataset(options: DatasetOptions): Dataset {
  const root = new Rng(options.seed);
  const hostile = options.kind === "hostile";
  const text = hostile
    ? (value: string): string => (value === "" ? "" : (HOSTILE_STRINGS_SMALL[hashString(value, options.seed) % HOSTILE_STRINGS_SMALL.length] as string))
    : (value: string): string => value;
  const world = buildWorld(root.fork("world"), { nowMs: options.nowMs, variant: options.variant, accountId: options.accountId });
  const withEvents = options.kind !== "empty";
  const auditAll = withEvents
    ? generateAudit(world, root.fork("audit"), { count: options.auditCount, nowMs: options.nowMs, text, hostile })
    : [];
  const auditServed = newestAudit(auditAll);
  // Flows are made on first use (many users of the simulator never ask for them); the generator has its own
  // seeded stream, so when it runs does not change what it makes.
  let traffic: TrafficRow[] | undefined;
  const makeTraffic = (): TrafficRow[] =>
    withEvents && options.trafficLoggingEnabled
      ? generateTraffic(world, root.fork("traffic"), {
          count: options.trafficCount,
          nowMs: options.nowMs,
          text,
          hostile,
          packetCounter: options.packetCounterEnabled,
        })
      : [];
  return {
    options,
    world,
    auditAll,
    auditServed,
    auditBody: Buffer.from(goJson(auditServed), "utf8"),
    get traffic() {
      traffic ??= makeTraffic();
      return traffic;
    },
    text,
  };
}

/** Newest first by timestamp, ties by numeric ID descending, capped. */
export function newestAudit(events: readonly WireAuditEvent[]): WireAuditEvent[] {
  const keyed = events.map((event) => ({ event, time: Date.parse(event.timestamp), micros: fractionMicros(event.timestamp), id: BigInt(event.id) }));
  keyed.sort((a, b) => b.time - a.time || b.micros - a.micros || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0));
  return keyed.slice(0, AUDIT_CAP).map((k) => k.event);
}

function fractionMicros(timestamp: string): number {
  const m = /\.(\d+)Z$/.exec(timestamp);
  return m ? Number((m[1] as string).padEnd(6, "0").slice(3, 6)) : 0;
}

/** Schema `User` for `GET /api/users/current`, fields in the order the server writes them. */
export function currentUserJson(dataset: Dataset, user: SimUser): Record<string, unknown> {
  const t = dataset.text;
  const allRead = user.isServiceUser || ["owner", "admin", "auditor"].includes(user.role);
  const write = ["owner", "admin"].includes(user.role);
  const networkAdmin = user.role === "network_admin";
  const modules: Record<string, Record<string, boolean>> = {};
  for (const module of ["accounts", "dns", "events", "groups", "nameservers", "networks", "peers", "policies", "routes", "settings", "setup_keys", "users"]) {
    const networkModule = ["dns", "groups", "nameservers", "networks", "peers", "policies", "routes"].includes(module);
    const read = allRead || (networkAdmin && (networkModule || module === "events"));
    const change = write || (networkAdmin && networkModule);
    modules[module] = { create: change, delete: change, read: read || (module === "peers" && user.role === "user"), update: change };
  }
  return {
    auto_groups: user.autoGroups,
    email: t(user.email),
    id: user.id,
    is_blocked: user.isBlocked,
    is_current: true,
    is_service_user: user.isServiceUser,
    issued: user.issued,
    last_login: user.lastLoginMicros === undefined ? "0001-01-01T00:00:00Z" : goTime(user.lastLoginMicros),
    name: t(user.name),
    pending_approval: user.pendingApproval,
    permissions: { is_restricted: user.role === "user" && !user.isServiceUser, modules },
    role: user.role,
    status: user.status,
  };
}

/** Schema `Account` (one element of the `GET /api/accounts` array). */
export function accountJson(dataset: Dataset): Record<string, unknown> {
  const { world, options } = dataset;
  const account = world.account;
  return {
    created_at: goTime(account.createdMicros),
    created_by: account.createdBy,
    domain: dataset.text(account.domain),
    domain_category: "private",
    id: account.id,
    onboarding: { onboarding_flow_pending: false, signup_form_pending: false },
    settings: {
      auto_update_always: false,
      auto_update_version: "latest",
      dns_domain: account.dnsDomain,
      embedded_idp_enabled: false,
      extra: {
        network_traffic_logs_enabled: options.trafficLoggingEnabled,
        network_traffic_logs_groups: [],
        network_traffic_packet_counter_enabled: options.packetCounterEnabled,
        peer_approval_enabled: false,
        user_approval_required: true,
      },
      groups_propagation_enabled: true,
      jwt_allow_groups: [],
      jwt_groups_claim_name: "groups",
      jwt_groups_enabled: false,
      lazy_connection_enabled: false,
      local_auth_disabled: false,
      local_mfa_enabled: false,
      metrics_push_enabled: false,
      network_range: account.networkRange,
      peer_expose_enabled: false,
      peer_expose_groups: [],
      peer_inactivity_expiration: 600,
      peer_inactivity_expiration_enabled: false,
      peer_login_expiration: 86400,
      peer_login_expiration_enabled: true,
      regular_users_view_blocked: true,
      routing_peer_dns_resolution_enabled: true,
    },
  };
}


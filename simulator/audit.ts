/**
 * Audit events (`GET /api/events/audit`) for a simulated account: every code of the vendored activity list at
 * least once, the common ones (peer logins, dashboard logins, policy updates, ...) far more often, spread over
 * about six weeks before `now`, with meta, target and initiator as the real server fills them.
 */
import { ACTIVITY_CODES, UNKNOWN_ACTIVITY, activityMessage, type ActivityCode } from "./activityCodes";
import { EventSubject, kindOf, makePools } from "./auditSubject";
import { goTime } from "./goFormat";
import { HOSTILE_HUGE_STRING, HOSTILE_META_KEYS, HOSTILE_STRINGS_SMALL } from "./hostile";
import type { Rng } from "./random";
import { DAY_MS, sampleBusyTimeMs, type SimUser, type World } from "./world";

/** One audit event in the JSON form and field order the server sends (schema `Event`). */
export interface WireAuditEvent {
  activity: string;
  activity_code: string;
  id: string;
  initiator_email: string;
  initiator_id: string;
  initiator_name: string;
  meta: Record<string, string>;
  target_id: string;
  timestamp: string;
}

export interface AuditOptions {
  readonly count: number;
  readonly nowMs: number;
  /** Maps every display string; identity for realistic data, the hostile corpus for the hostile dataset. */
  readonly text: (value: string) => string;
  readonly hostile: boolean;
}

/** How much more often than a rare code (weight 1) each code happens. */
const WEIGHTS: Readonly<Record<string, number>> = {
  "user.peer.login": 120,
  "dashboard.login": 60,
  "policy.update": 40,
  "peer.login.expire": 25,
  "peer.setupkey.add": 20,
  "peer.user.add": 15,
  "user.join": 12,
  "peer.group.add": 12,
  "user.peer.delete": 10,
  "peer.group.delete": 6,
  "policy.add": 6,
  "route.update": 6,
  "group.add": 5,
  "network.resource.update": 5,
  "resource.group.add": 4,
  "user.invite": 4,
  "peer.rename": 4,
  "setupkey.add": 3,
  "user.role.update": 3,
  "personal.access.token.create": 3,
  "peer.ssh.enable": 3,
  "dns.zone.record.update": 3,
  "service.update": 3,
  "user.peer.session.extend": 3,
  "user.group.add": 3,
  "account.create": 0,
  "account.delete": 0,
  "transferred.owner.role": 0,
};

const RARE_LEGACY = /^(rule\.|integration\.|integrated-validator\.|reseller\.|account\.settings\.extra\.flow\.)/;

const ENTRY_BY_CODE = new Map(ACTIVITY_CODES.map((entry) => [entry.code, entry]));
const UNKNOWN_ENTRY: ActivityCode = {
  code: UNKNOWN_ACTIVITY,
  message: UNKNOWN_ACTIVITY,
  meta_keys: [],
  target_id: "peer_id",
  initiator_id: "user",
};

/**
 * The account's audit events, oldest first, IDs ascending. IDs are an auto-increment with occasional gaps;
 * a few neighbours share a timestamp (also where the ID gains a digit, e.g. 999 and 1000) and a few are out
 * of ID order, as the server's asynchronous writes allow.
 */
export function generateAudit(world: World, rng: Rng, options: AuditOptions): WireAuditEvent[] {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) {
    return [];
  }
  const pools = makePools(world, rng);
  const fromMs = options.nowMs - 42 * DAY_MS;
  const toMs = options.nowMs - 60_000;

  // Which codes: every code once (plus UNKNOWN_ACTIVITY twice), then weighted picks.
  const mandatory: ActivityCode[] = [...ACTIVITY_CODES.filter((e) => e.code !== "account.create"), UNKNOWN_ENTRY, UNKNOWN_ENTRY];
  const weighted = ACTIVITY_CODES.map(
    (entry) => [entry, WEIGHTS[entry.code] ?? (RARE_LEGACY.test(entry.code) ? 0.3 : 1)] as const,
  ).filter(([, weight]) => weight > 0);
  const chosen: ActivityCode[] = [];
  const hasAccountCreate = count > 1;
  const rest = count - (hasAccountCreate ? 1 : 0);
  for (let i = 0; i < rest; i++) {
    chosen.push(i < mandatory.length ? (mandatory[i] as ActivityCode) : rng.weighted(weighted));
  }
  rng.shuffle(chosen);
  // The server drops repeated user.join events, so each joiner joins once; spare picks become peer logins.
  let joins = pools.joinerCount;
  for (let i = 0; i < chosen.length; i++) {
    if ((chosen[i] as ActivityCode).code === "user.join" && joins-- <= 0) {
      chosen[i] = ENTRY_BY_CODE.get("user.peer.login") as ActivityCode;
    }
  }

  const times: number[] = [];
  for (let i = 0; i < chosen.length; i++) {
    times.push(sampleBusyTimeMs(rng, fromMs, toMs) * 1000 + rng.int(0, 999));
  }
  times.sort((a, b) => a - b);
  if (hasAccountCreate) {
    chosen.unshift(ENTRY_BY_CODE.get("account.create") as ActivityCode);
    times.unshift(world.account.createdMicros + 1_500_000);
  }

  // IDs: an auto-increment shared with other accounts, so with gaps.
  const ids: number[] = [];
  let next = rng.int(1, 5);
  for (let i = 0; i < count; i++) {
    ids.push(next);
    next += rng.chance(0.03) ? rng.int(2, 30) : 1;
  }
  for (let i = 1; i < count; i++) {
    const digitsChange = String(ids[i]).length !== String(ids[i - 1]).length;
    if (digitsChange || rng.chance(0.01)) {
      times[i] = times[i - 1] as number; // same timestamp: the API orders these by nothing, clients by ID
    } else if (rng.chance(0.003) && i + 1 < count) {
      const t = times[i] as number; // written out of order by the asynchronous store
      times[i] = times[i + 1] as number;
      times[i + 1] = t;
    }
  }

  const actors = [
    ...world.users.filter((u) => ["owner", "admin", "network_admin"].includes(u.role) && !u.isBlocked && !u.pendingApproval && !u.isServiceUser),
    ...world.users.filter((u) => u.isServiceUser && u.role === "admin"),
  ];
  const actorWeights = actors.map((u) => [u, u.role === "admin" ? 5 : u.role === "owner" ? 3 : u.isServiceUser ? 2 : 3] as const);
  const lookup = new Map<string, SimUser>();
  for (const u of [...world.users, ...world.externalUsers, ...pools.former, ...pools.formerService]) {
    lookup.set(u.id, u);
  }

  const text = options.text;
  const events: WireAuditEvent[] = [];
  for (let i = 0; i < count; i++) {
    const entry = chosen[i] as ActivityCode;
    const micros = times[i] as number;
    const subject = new EventSubject(rng, world, entry, kindOf(entry.code), pools);
    let external: SimUser | undefined;
    const actor = (): SimUser => {
      if (external === undefined && rng.chance(0.012) && world.externalUsers.length > 0) {
        external = rng.pick(world.externalUsers);
      }
      return external ?? (entry.code === "account.create" ? world.personas.owner : rng.weighted(actorWeights));
    };
    const meta: [string, string][] = [];
    const add = (key: string, value: string | undefined): void => {
      if (value !== undefined && !meta.some(([k]) => k === key)) {
        meta.push([key, value]);
      }
    };
    for (const key of entry.meta_keys) {
      add(key, subject.meta(key, micros) ?? "");
    }
    for (const key of entry.optional_meta_keys ?? []) {
      const value = subject.meta(key, micros);
      if (value !== undefined && (key === "ipv6" || key.startsWith("peer_") || rng.chance(0.6))) {
        add(key, value);
      }
    }
    const targetId = subject.targetId();
    const initiatorId = subject.initiatorId(actor);
    // Read time: user targets get email and username; initiators of another account get `external`.
    if ((entry.read_time_meta_keys ?? []).length > 0) {
      const target = lookup.get(targetId);
      if (target) {
        meta.push(["email", target.email], ["username", target.name]);
      }
    }
    if (external !== undefined && initiatorId === external.id) {
      meta.push(["external", "true"]);
    }
    const initiator = lookup.get(initiatorId);
    events.push({
      activity: text(activityMessage(entry)),
      activity_code: entry.code,
      id: String(ids[i]),
      initiator_email: text(initiator?.email ?? ""),
      initiator_id: initiatorId,
      initiator_name: text(initiator?.name ?? ""),
      meta: sortedMeta(meta.map(([k, v]) => [k, text(v)])),
      target_id: targetId,
      timestamp: goTime(micros),
    });
  }
  if (options.hostile) {
    addHostileExtras(events, rng);
  }
  return events;
}

/** Go's encoding/json writes map keys sorted; a later duplicate key replaces the earlier one. */
function sortedMeta(entries: readonly (readonly [string, string])[]): Record<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of entries) {
    map.set(k, v);
  }
  const meta: Record<string, string> = {};
  for (const key of [...map.keys()].sort()) {
    if (key === "__proto__") {
      // Assignment would set the prototype; the key must become a plain property.
      Object.defineProperty(meta, key, { value: map.get(key), enumerable: true, writable: true, configurable: true });
    } else {
      meta[key] = map.get(key) as string;
    }
  }
  return meta;
}

/** A few events with the 100 KB string, meta keys that trip object copies, and codes that are markup. */
function addHostileExtras(events: WireAuditEvent[], rng: Rng): void {
  const at = (): WireAuditEvent => events[rng.int(0, events.length - 1)] as WireAuditEvent;
  at().initiator_name = HOSTILE_HUGE_STRING;
  at().activity = HOSTILE_HUGE_STRING;
  const withMeta = at();
  withMeta.meta = sortedMeta([...Object.entries(withMeta.meta), ["name", HOSTILE_HUGE_STRING]]);
  for (let i = 0; i < 2; i++) {
    const event = at();
    event.meta = sortedMeta([...Object.entries(event.meta), ...HOSTILE_META_KEYS.map((k) => [k, rng.pick(HOSTILE_STRINGS_SMALL)] as const)]);
  }
  at().activity_code = rng.pick(HOSTILE_STRINGS_SMALL);
  at().activity_code = "<script>alert(1)</script>";
}

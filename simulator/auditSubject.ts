/**
 * What one audit event is about (its peer, user, group, route, ...), picked lazily so that the event's meta,
 * target and initiator agree; and the `%v` meta value for each key of the vendored activity list.
 */
import type { ActivityCode } from "./activityCodes";
import { goBool, goDurationSeconds, goFloat, goList, goTime } from "./goFormat";
import type { Rng } from "./random";
import {
  DAY_MS,
  FORMER_PEOPLE,
  type Named,
  type SimInvite,
  type SimPeer,
  type SimProxyDomain,
  type SimResource,
  type SimRoute,
  type SimRouter,
  type SimService,
  type SimSetupKey,
  type SimUser,
  type World,
} from "./world";

export type ObjectKind =
  | "peer"
  | "policy"
  | "setupKey"
  | "group"
  | "user"
  | "route"
  | "nameserverGroup"
  | "token"
  | "posture"
  | "resource"
  | "router"
  | "network"
  | "idp"
  | "record"
  | "zone"
  | "service"
  | "proxyDomain"
  | "agentProvider"
  | "agentPolicy"
  | "guardrail"
  | "budgetRule"
  | "msp"
  | "account"
  | "none";

const KIND_PREFIXES: readonly (readonly [string, ObjectKind])[] = [
  ["integrated-validator.peer.", "peer"],
  ["personal.access.token.", "token"],
  ["nameserver.group.", "nameserverGroup"],
  ["posture.check.", "posture"],
  ["network.resource.", "resource"],
  ["network.router.", "router"],
  ["network.", "network"],
  ["resource.group.", "group"],
  ["identityprovider.", "idp"],
  ["dns.zone.record.", "record"],
  ["dns.zone.", "zone"],
  ["service.user.", "user"],
  ["service.", "service"],
  ["domain.", "proxyDomain"],
  ["agent_network.provider.", "agentProvider"],
  ["agent_network.policy.", "agentPolicy"],
  ["agent_network.guardrail.", "guardrail"],
  ["agent_network.budget_rule.", "budgetRule"],
  ["reseller.", "msp"],
  ["account.delete", "account"],
  ["user.peer.", "peer"],
  ["peer.", "peer"],
  ["policy.", "policy"],
  ["setupkey.", "setupKey"],
  ["group.", "group"],
  ["route.", "route"],
  ["user.", "user"],
  ["dashboard.", "user"],
  ["transferred.", "user"],
];

export function kindOf(code: string): ObjectKind {
  for (const [prefix, kind] of KIND_PREFIXES) {
    if (code.startsWith(prefix)) {
      return kind;
    }
  }
  return "none";
}

/** Codes whose peer is a user's device (added, logged in or expired by its owner). */
const USER_PEER_CODES = new Set([
  "peer.user.add",
  "user.peer.login",
  "user.peer.session.extend",
  "peer.login.expire",
  "peer.login.expiration.enable",
  "peer.login.expiration.disable",
  "peer.inactivity.expiration.enable",
  "peer.inactivity.expiration.disable",
]);
/** Codes whose initiator is the owner of the peer. */
const OWNER_INITIATED = new Set(["peer.user.add", "user.peer.login", "user.peer.session.extend"]);

const RENAMED_FROM = ["Developers", "Ops", "servers-tmp", "New Group", "Contractors 2024", "QA"];
const LOGIN_EXPIRE_REASONS = ["peer login expired", "peer inactivity expired"];
const INTEGRATION_PLATFORMS = ["okta", "google", "azure", "jumpcloud", "keycloak"];
const VALIDATOR_PLATFORMS = ["intune", "jamf", "kandji", "crowdstrike", "sentinelone"];
const AUTO_UPDATE_VERSIONS = ["0.51.2", "latest", "disabled", "0.52.0"];

/** Everything one event is about, picked lazily so that meta, target and initiator agree. */
export class EventSubject {
  private cache = new Map<string, unknown>();

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    readonly entry: ActivityCode,
    readonly kind: ObjectKind,
    private readonly pools: Pools,
  ) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) {
      this.cache.set(key, make());
    }
    return this.cache.get(key) as T;
  }

  /** user.peer.delete by the system: an ephemeral peer removed after inactivity. */
  ephemeralCleanup(): boolean {
    return this.once("ephemeral", () => this.entry.code === "user.peer.delete" && this.rng.chance(0.4));
  }

  peer(): SimPeer {
    return this.once("peer", () => {
      const code = this.entry.code;
      if (this.ephemeralCleanup()) {
        const runner = this.rng.pick(this.pools.machinePeers);
        const name = `ci-ephemeral-${this.rng.hex(6)}`;
        return { ...runner, id: this.rng.xid(runner.createdMicros / 1000), name, fqdn: `${name}.netbird.cloud`, ipv6: undefined };
      }
      if (USER_PEER_CODES.has(code)) {
        return this.rng.pick(this.pools.userPeers);
      }
      if (code === "peer.setupkey.add" || code.startsWith("peer.ssh.") || code === "peer.job.create") {
        return this.rng.pick(this.pools.machinePeers);
      }
      if (this.kind === "service") {
        return this.pools.peerById.get(this.service().peerId) ?? this.rng.pick(this.world.peers);
      }
      return this.rng.pick(this.world.peers);
    });
  }

  user(): SimUser {
    return this.once("user", () => {
      const code = this.entry.code;
      const p = this.pools;
      const personas = this.world.personas;
      if (code === "user.join") {
        return p.nextJoiner() ?? this.rng.pick(p.humans);
      }
      if (code === "user.delete") {
        return this.rng.chance(0.8) ? this.rng.pick(p.former) : this.rng.pick(p.humans);
      }
      if (code === "service.user.delete") {
        return this.rng.pick(p.formerService);
      }
      if (code === "service.user.create" || code.startsWith("personal.access.token.")) {
        return this.rng.chance(code.startsWith("service.") ? 1 : 0.7) ? this.rng.pick(p.serviceUsers) : this.rng.pick(p.humans);
      }
      if (code === "user.block" || code === "user.unblock") {
        return this.rng.chance(0.6) ? personas.blocked : this.rng.pick(p.humans);
      }
      if (code === "user.approve" || code === "user.reject") {
        return this.rng.chance(0.5) ? personas.pending_approval : this.rng.pick(p.former);
      }
      if (code === "transferred.owner.role") {
        return personas.owner;
      }
      if (code === "user.invite") {
        return this.rng.pick(p.allUsers.filter((u) => !u.isServiceUser));
      }
      return this.rng.pick(p.humans);
    });
  }

  group(): Named {
    return this.once("group", () => this.rng.pick(this.world.groups));
  }
  policy(): Named {
    return this.once("policy", () => this.rng.pick(this.world.policies));
  }
  setupKey(): SimSetupKey {
    return this.once("setupKey", () => this.rng.pick(this.world.setupKeys));
  }
  route(): SimRoute {
    return this.once("route", () => this.rng.pick(this.world.routes));
  }
  resource(): SimResource {
    return this.once("resource", () => this.rng.pick(this.world.resources));
  }
  router(): SimRouter {
    return this.once("router", () => this.rng.pick(this.world.routers));
  }
  network(): Named {
    return this.once("network", () => {
      const networkId =
        this.kind === "resource" ? this.resource().networkId : this.kind === "router" ? this.router().networkId : undefined;
      return this.world.networks.find((n) => n.id === networkId) ?? this.rng.pick(this.world.networks);
    });
  }
  service(): SimService {
    return this.once("service", () => this.rng.pick(this.world.services));
  }
  tokenName(): string {
    return this.once("token", () => this.rng.pick(this.world.tokenNames));
  }
  pick<T extends Named>(key: string, items: readonly T[]): T {
    return this.once(key, () => this.rng.pick(items));
  }
  invite(): SimInvite {
    return this.once("invite", () => this.rng.pick(this.world.invites));
  }
  msp(): World["msps"][number] {
    return this.once("msp", () => this.rng.pick(this.world.msps));
  }
  proxyDomain(): SimProxyDomain {
    return this.once("proxyDomain", () => this.rng.pick(this.world.proxyDomains));
  }

  /** The `name` meta value: the name of the object the code is about. */
  objectName(): string {
    const w = this.world;
    switch (this.kind) {
      case "peer":
        return this.peer().name;
      case "policy":
        return this.policy().name;
      case "setupKey":
        return this.setupKey().name;
      case "group":
        return this.group().name;
      case "user":
        return this.user().name;
      case "route":
        return this.route().name;
      case "nameserverGroup":
        return this.pick("ns", w.nameserverGroups).name;
      case "token":
        return this.tokenName();
      case "posture":
        return this.pick("posture", w.postureChecks).name;
      case "resource":
        return this.resource().name;
      case "network":
        return this.network().name;
      case "idp":
        return this.pick("idp", w.identityProviders).name;
      case "record":
        return this.pick("record", w.records).name;
      case "zone":
        return this.pick("zone", w.zones).name;
      case "service":
        return this.service().name;
      case "agentProvider":
        return this.pick("agentProvider", w.agentProviders).name;
      case "agentPolicy":
        return this.pick("agentPolicy", w.agentPolicies).name;
      case "guardrail":
        return this.pick("guardrail", w.guardrails).name;
      case "budgetRule":
        return this.pick("budgetRule", w.budgetRules).name;
      default:
        return this.tokenName();
    }
  }

  targetId(): string {
    const w = this.world;
    const meaning = (this.entry.target_id ?? "").split(" ")[0]?.replace("?", "") ?? "";
    switch (meaning) {
      case "peer_id":
        return this.peer().id;
      case "user_id":
        return this.user().id;
      case "account_id":
        return w.account.id;
      case "rule_id":
        return this.once("rule", () => this.rng.xid(Number(w.account.createdMicros / 1000)));
      case "policy_id":
        // A policy deleted along with a peer carries the peer's ID.
        return this.entry.code === "policy.delete" && this.rng.chance(0.15) ? this.peer().id : this.policy().id;
      case "setup_key_id":
        return this.setupKey().id;
      case "group_id":
        return this.group().id;
      case "route_id":
        return this.route().id;
      case "peer_ip":
        return this.peer().ip;
      case "nameserver_group_id":
        return this.pick("ns", w.nameserverGroups).id;
      case "posture_check_id":
        return this.pick("posture", w.postureChecks).id;
      case "network_id":
        return this.network().id;
      case "network_resource_id":
        return this.resource().id;
      case "network_router_id":
        return this.router().id;
      case "identity_provider_id":
        return this.pick("idp", w.identityProviders).id;
      case "dns_zone_id":
        return this.pick("zone", w.zones).id;
      case "dns_record_id":
        return this.pick("record", w.records).id;
      case "invite_id":
        return this.invite().id;
      case "service_id":
        return this.service().id;
      case "domain_id":
        return this.proxyDomain().id;
      case "agent_network_provider_id":
        return this.pick("agentProvider", w.agentProviders).id;
      case "agent_network_policy_id":
        return this.pick("agentPolicy", w.agentPolicies).id;
      case "agent_network_guardrail_id":
        return this.pick("guardrail", w.guardrails).id;
      case "agent_network_budget_rule_id":
        return this.pick("budgetRule", w.budgetRules).id;
      default:
        // Unknown meaning: legacy integrations have none; cloud-only codes are about a peer or the account.
        if (this.entry.code.startsWith("integration.")) {
          return "";
        }
        return this.kind === "peer" ? this.peer().id : w.account.id;
    }
  }

  /** The initiator's ID: a user, a system job, a setup key or a peer. */
  initiatorId(actor: () => SimUser): string {
    const meaning = this.entry.initiator_id ?? "";
    const code = this.entry.code;
    if (meaning === "setup_key_id") {
      return this.setupKey().id;
    }
    if (meaning === "peer_id") {
      return this.peer().id;
    }
    if (meaning.startsWith("user (same as target)") || meaning.startsWith("user (the new user")) {
      return this.user().id;
    }
    if (meaning.startsWith("user (the target user itself")) {
      return this.rng.chance(0.3) ? this.user().id : actor().id;
    }
    if (meaning.startsWith("user or 'sys'")) {
      return this.ephemeralCleanup() ? "sys" : actor().id;
    }
    if (meaning.startsWith("user, or 'SYSTEM'")) {
      return this.rng.chance(0.25) ? "SYSTEM" : actor().id;
    }
    if (meaning === "peer owner user id") {
      return this.peer().ownerId;
    }
    if (code === "setupkey.overuse") {
      return "sys";
    }
    if (OWNER_INITIATED.has(code)) {
      return this.peer().ownerId;
    }
    return actor().id;
  }

  /** One meta value, already in `%v` form. */
  meta(key: string, micros: number): string | undefined {
    const w = this.world;
    const code = this.entry.code;
    switch (key) {
      case "name":
        return this.objectName();
      case "fqdn":
        return this.peer().fqdn;
      case "ip":
        return this.peer().ip;
      case "ipv6":
        return this.peer().ipv6;
      case "created_at":
        if (this.ephemeralCleanup()) {
          return goTime(micros - this.rng.int(600, 172_800) * 1_000_000);
        }
        if (this.kind === "user") {
          return goTime(this.user().createdMicros);
        }
        if (this.kind === "account") {
          return goTime(w.account.createdMicros);
        }
        return goTime(this.peer().createdMicros);
      case "location_city_name":
        return this.peer().city.city;
      case "location_country_code":
        return this.peer().city.country;
      case "location_geo_name_id":
        return goFloat(this.peer().city.geoNameId);
      case "location_connection_ip":
        return this.peer().connectionIp;
      case "pending_approval":
        return this.rng.chance(0.1) ? "true" : undefined;
      case "setup_key_name":
      case "setupkey":
        return this.setupKey().name;
      case "email":
        return code.startsWith("user.invite.link.") && code !== "user.invite.link.accept" ? this.invite().email : this.user().email;
      case "username":
        return this.user().name;
      case "type":
        switch (this.kind) {
          case "resource":
            return this.resource().type;
          case "idp":
            return this.pick("idp", w.identityProviders).type;
          case "record":
            return this.pick("record", w.records).type;
          default:
            return this.setupKey().type;
        }
      case "key":
        return this.setupKey().maskedKey;
      case "old_name":
        return this.rng.pick(RENAMED_FROM);
      case "new_name":
        return this.group().name;
      case "group":
        return this.group().name;
      case "group_id":
        return this.group().id;
      case "group_name":
        return this.group().name;
      case "peer_ip":
        return this.peer().ip;
      case "peer_fqdn":
        return this.peer().fqdn;
      case "peer_name":
        return this.peer().name;
      case "is_service_user":
        return goBool(this.user().isServiceUser);
      case "user_name":
        return this.user().name;
      case "role":
        return this.user().role;
      case "network_range":
        return this.route().network;
      case "domains":
        return goList(this.route().domains);
      case "peer_id":
        return this.route().peerId;
      case "peer_groups":
        return goList(this.kind === "router" ? this.router().peerGroups : this.route().peerGroups);
      case "issued":
        return this.user().issued;
      case "reason":
        return this.rng.pick(LOGIN_EXPIRE_REASONS);
      case "timestamp":
        return goTime(micros - this.rng.int(0, 900_000));
      case "platform":
        if (code.startsWith("integrated-validator.")) {
          return this.once("validatorPlatform", () => this.rng.pick(VALIDATOR_PLATFORMS));
        }
        return this.rng.chance(0.7) ? this.rng.pick(INTEGRATION_PLATFORMS) : undefined;
      case "network_name":
        return this.network().name;
      case "network_id":
        return this.network().id;
      case "peer":
        return this.router().peerId;
      case "id":
        return this.group().id;
      case "resource_name":
        return this.resource().name;
      case "resource_id":
        return this.resource().id;
      case "resource_type":
        return this.resource().type;
      case "old_dns_domain":
        return "netbird.cloud";
      case "new_dns_domain":
        return `corp.${w.account.domain}`;
      case "old_network_range":
        return "100.64.0.0/10";
      case "new_network_range":
        return w.account.networkRange;
      case "old_network_range_v6":
        return this.rng.chance(0.5) ? "fd00:1234:5678::/64" : undefined;
      case "new_network_range_v6":
        return w.account.networkRangeV6;
      case "old_ip":
        return `100.64.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
      case "version":
        return this.rng.pick(AUTO_UPDATE_VERSIONS);
      case "issuer":
        return this.pick("idp", w.identityProviders).issuer;
      case "domain":
        switch (this.kind) {
          case "zone":
            return this.pick("zone", w.zones).domain;
          case "service":
            return this.service().domain;
          case "account":
            return w.account.domain;
          default:
            return this.proxyDomain().domain;
        }
      case "content":
        return this.pick("record", w.records).content;
      case "ttl":
        return goFloat(this.pick("record", w.records).ttl);
      case "zone_id":
        return this.pick("record", w.records).zoneId;
      case "zone_name":
        return this.pick("record", w.records).zoneName;
      case "for_peer_name":
        return this.peer().name;
      case "job_type":
        return "debug_bundle";
      case "proxy_cluster":
        return this.service().proxyCluster;
      case "source":
        return this.service().source;
      case "auth":
        return goBool(this.service().auth);
      case "mode":
        return this.service().mode;
      case "listen_port": {
        const port = this.service().listenPort;
        return port === undefined ? undefined : goFloat(port);
      }
      case "proxy_protocol": {
        const value = this.service().proxyProtocol;
        return value === undefined ? undefined : goBool(value);
      }
      case "request_timeout": {
        const seconds = this.service().requestTimeoutSeconds;
        return seconds === undefined ? undefined : goDurationSeconds(seconds);
      }
      case "session_idle_timeout": {
        const seconds = this.service().idleTimeoutSeconds;
        return seconds === undefined ? undefined : goDurationSeconds(seconds);
      }
      case "target_cluster":
        return this.proxyDomain().targetCluster;
      case "validated":
        return goBool(code === "domain.validate" ? true : this.proxyDomain().validated);
      case "provider_id":
        return this.pick("agentProvider", w.agentProviders).providerId;
      case "enabled":
        return goBool(this.kind === "budgetRule" ? this.pick("budgetRule", w.budgetRules).enabled : this.pick("agentPolicy", w.agentPolicies).enabled);
      case "log_collection":
      case "prompt_collection":
      case "redact_pii":
      case "bootstrapped":
      case "dedicated":
        return goBool(this.rng.chance(0.5));
      case "endpoint":
        return "https://agents.eu.netbird.io/v1";
      case "proxy_address":
        return `agent-proxy.${w.account.domain}:443`;
      case "account_id":
        return w.account.id;
      case "original_reason":
        return "os version below the minimum";
      case "msp_name":
        return this.msp().name;
      case "msp_domain":
        return this.msp().domain;
      default:
        return "";
    }
  }
}

export interface Pools {
  readonly humans: readonly SimUser[];
  readonly allUsers: readonly SimUser[];
  readonly serviceUsers: readonly SimUser[];
  readonly former: readonly SimUser[];
  readonly formerService: readonly SimUser[];
  readonly userPeers: readonly SimPeer[];
  readonly machinePeers: readonly SimPeer[];
  readonly peerById: ReadonlyMap<string, SimPeer>;
  readonly joinerCount: number;
  nextJoiner(): SimUser | undefined;
}

export function makePools(world: World, rng: Rng): Pools {
  const makeFormer = (name: string, email: string, service: boolean): SimUser => ({
    id: service ? rng.xid(world.account.createdMicros / 1000) : `google-oauth2|${rng.digits(21)}`,
    email,
    name,
    role: "user",
    status: "active",
    isServiceUser: service,
    isBlocked: false,
    pendingApproval: false,
    issued: "api",
    autoGroups: [],
    lastLoginMicros: undefined,
    createdMicros: world.account.createdMicros + rng.int(1, 200) * DAY_MS * 1000,
  });
  const former = FORMER_PEOPLE.map((p) => makeFormer(p.name, `${p.local}@${world.account.domain}`, false));
  const formerService = ["Legacy Deploy Bot", "Jenkins (old)"].map((name) => makeFormer(name, "", true));
  const humans = world.users.filter((u) => !u.isServiceUser && !u.isBlocked && !u.pendingApproval && u.status === "active");
  const joiners = [...world.users.filter((u) => !u.isServiceUser), ...former];
  let joined = 0;
  return {
    humans,
    allUsers: world.users,
    serviceUsers: world.users.filter((u) => u.isServiceUser),
    former,
    formerService,
    userPeers: world.peers.filter((p) => p.ownerId !== ""),
    machinePeers: world.peers.filter((p) => p.ownerId === ""),
    peerById: new Map(world.peers.map((p) => [p.id, p])),
    joinerCount: joiners.length,
    nextJoiner: () => joiners[joined++],
  };
}

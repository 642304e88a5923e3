/**
 * The simulated NetBird account: users, peers, groups, policies, routes, networks and their resources, setup
 * keys, DNS and the other objects audit events and traffic flows refer to. Built from a seeded generator;
 * the names are realistic, the companies and people fictional.
 */
import { Rng } from "./random";
import type { TokenRole } from "./tokens";
import {
  CITIES,
  DATACENTER_CITIES,
  GROUPS,
  LAPTOP_OS,
  PEOPLE,
  PERSONA_PEOPLE,
  PHONE_OS,
  POLICIES,
  ROUTERS,
  SERVER_OS,
  SERVERS,
  SERVICE_USERS,
} from "./worldCatalog";

export { CITIES, FORMER_PEOPLE } from "./worldCatalog";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A time in [fromMs, toMs); business hours and weekdays (UTC) are busier. */
export function sampleBusyTimeMs(rng: Rng, fromMs: number, toMs: number): number {
  for (;;) {
    const t = fromMs + Math.floor(rng.next() * (toMs - fromMs));
    const hour = Math.floor(t / 3_600_000) % 24;
    const weekday = (Math.floor(t / 86_400_000) + 4) % 7; // 1970-01-01 was a Thursday
    const weekend = weekday === 0 || weekday === 6;
    const weight = (hour >= 7 && hour < 19 ? 1 : 0.25) * (weekend ? 0.3 : 1);
    if (rng.next() < weight) {
      return t;
    }
  }
}

export interface City {
  readonly city: string;
  readonly country: string;
  /** GeoNames ID; 1e6 and more come out of meta as `2.950159e+06`. */
  readonly geoNameId: number;
}

export interface SimUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly status: "active" | "invited" | "blocked";
  readonly isServiceUser: boolean;
  readonly isBlocked: boolean;
  readonly pendingApproval: boolean;
  readonly issued: "api" | "integration";
  readonly autoGroups: readonly string[];
  /** Undefined: never logged in (Go's zero time). */
  readonly lastLoginMicros: number | undefined;
  readonly createdMicros: number;
}

export type PeerKind = "laptop" | "phone" | "server" | "router";

export interface SimPeer {
  readonly id: string;
  readonly name: string;
  readonly fqdn: string;
  readonly ip: string;
  readonly ipv6: string | undefined;
  /** Undefined: the flow log does not know the OS. */
  readonly os: string | undefined;
  readonly city: City;
  readonly connectionIp: string;
  /** The user who added the peer; "" for peers added with a setup key. */
  readonly ownerId: string;
  readonly kind: PeerKind;
  readonly createdMicros: number;
  readonly groupIds: readonly string[];
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface SimRoute extends Named {
  /** The route's network identifier (`net_id`). */
  readonly network: string;
  readonly domains: readonly string[];
  readonly peerId: string;
  readonly peerGroups: readonly string[];
  /** The routing peer that reports flows through this route. */
  readonly routerPeerId: string;
  /** Addresses behind the route, for flows. */
  readonly sampleHosts: readonly string[];
}

export interface SimNetwork extends Named {
  readonly routerPeerIds: readonly string[];
}

export interface SimRouter {
  readonly id: string;
  readonly networkId: string;
  readonly peerId: string;
  readonly peerGroups: readonly string[];
}

export interface SimResource extends Named {
  readonly type: "host" | "subnet" | "domain";
  readonly address: string;
  readonly networkId: string;
  /** IPs flows reach behind this resource. */
  readonly sampleHosts: readonly string[];
  /** Domain resources: the name flows carry as the DNS label. */
  readonly domain: string | undefined;
  readonly ports: readonly number[];
}

export interface SimSetupKey extends Named {
  readonly type: "reusable" | "one-off";
  /** The key as audit meta shows it: the first 5 characters and `****`. */
  readonly maskedKey: string;
}

export interface SimIdp extends Named {
  readonly type: string;
  readonly issuer: string;
}

export interface SimZone extends Named {
  readonly domain: string;
}

export interface SimRecord extends Named {
  readonly type: string;
  readonly content: string;
  readonly ttl: number;
  readonly zoneId: string;
  readonly zoneName: string;
}

export interface SimService extends Named {
  readonly domain: string;
  readonly proxyCluster: string;
  readonly source: string;
  readonly auth: boolean;
  readonly mode: string;
  readonly listenPort: number | undefined;
  readonly proxyProtocol: boolean | undefined;
  readonly requestTimeoutSeconds: number | undefined;
  readonly idleTimeoutSeconds: number | undefined;
  readonly peerId: string;
}

export interface SimProxyDomain {
  readonly id: string;
  readonly domain: string;
  readonly targetCluster: string;
  readonly validated: boolean;
}

export interface SimAgentProvider extends Named {
  readonly providerId: string;
}

export interface SimToggleable extends Named {
  readonly enabled: boolean;
}

export interface SimInvite {
  readonly id: string;
  readonly email: string;
}

export interface SimAccount {
  readonly id: string;
  readonly company: string;
  readonly domain: string;
  readonly dnsDomain: string;
  readonly createdMicros: number;
  readonly createdBy: string;
  readonly networkRange: string;
  readonly networkRangeV6: string;
}

export interface World {
  readonly account: SimAccount;
  readonly users: readonly SimUser[];
  /** Users of other accounts (MSP staff, NetBird support) who act on this one: `meta.external`. */
  readonly externalUsers: readonly SimUser[];
  /** The user behind each built-in token. */
  readonly personas: Readonly<Record<TokenRole, SimUser>>;
  readonly peers: readonly SimPeer[];
  readonly groups: readonly Named[];
  readonly policies: readonly Named[];
  readonly routes: readonly SimRoute[];
  readonly networks: readonly SimNetwork[];
  readonly routers: readonly SimRouter[];
  readonly resources: readonly SimResource[];
  readonly setupKeys: readonly SimSetupKey[];
  readonly nameserverGroups: readonly Named[];
  readonly postureChecks: readonly Named[];
  readonly identityProviders: readonly SimIdp[];
  readonly zones: readonly SimZone[];
  readonly records: readonly SimRecord[];
  readonly services: readonly SimService[];
  readonly proxyDomains: readonly SimProxyDomain[];
  readonly agentProviders: readonly SimAgentProvider[];
  readonly agentPolicies: readonly SimToggleable[];
  readonly guardrails: readonly Named[];
  readonly budgetRules: readonly SimToggleable[];
  readonly invites: readonly SimInvite[];
  readonly tokenNames: readonly string[];
  readonly msps: readonly { readonly name: string; readonly domain: string }[];
}

export interface WorldOptions {
  readonly nowMs: number;
  /** `main`: the signed-in account; `child`: the MSP tenant served for `?account=<child id>`. */
  readonly variant: "main" | "child";
  /** Fixed account ID (the child's ID is configurable). */
  readonly accountId?: string;
}

export function buildWorld(rng: Rng, options: WorldOptions): World {
  const now = options.nowMs;
  const child = options.variant === "child";
  const company = child ? "Harbor Logistics" : "Meridian Labs";
  const domain = child ? "harbor-logistics.io" : "meridian-labs.io";
  const accountCreatedMs = now - (child ? 30 : 400) * DAY_MS - rng.int(0, DAY_MS);
  const at = (fromMs: number, toMs: number): number => rng.int(Math.floor(fromMs), Math.floor(toMs)) * 1000 + rng.int(0, 999);
  // Object IDs carry their creation second, as xids do: some day between the account's creation and yesterday.
  const id = (createdMs = rng.int(accountCreatedMs, now - DAY_MS)): string => rng.xid(createdMs);
  const accountId = options.accountId ?? id(accountCreatedMs);
  const ipBase = child ? 77 : 92;

  const groups: Named[] = (child ? GROUPS.slice(0, 6) : GROUPS).map((name) => ({ id: id(), name }));
  const groupId = (name: string): string => groups.find((g) => g.name === name)?.id ?? (groups[0] as Named).id;

  // Users.
  const users: SimUser[] = [];
  const idpUserId = (): string =>
    rng.chance(0.6) ? `google-oauth2|${rng.digits(21)}` : `auth0|${rng.hex(24)}`;
  const lastLogin = (): number => at(now - 14 * DAY_MS, now - 60_000);
  const personas = {} as Record<TokenRole, SimUser>;
  for (const role of Object.keys(PERSONA_PEOPLE) as TokenRole[]) {
    const person = PERSONA_PEOPLE[role];
    const isService = role === "service_user";
    const user: SimUser = {
      id: isService ? id() : idpUserId(),
      email: isService ? "" : `${person.local}@${domain}`,
      name: person.name,
      role: person.role,
      status: role === "blocked" || role === "pending_approval" ? "blocked" : "active",
      isServiceUser: isService,
      isBlocked: role === "blocked",
      pendingApproval: role === "pending_approval",
      issued: isService ? "api" : rng.chance(0.8) ? "api" : "integration",
      autoGroups: isService ? [] : [groupId("Engineering")],
      lastLoginMicros: isService || role === "pending_approval" ? undefined : lastLogin(),
      createdMicros: role === "owner" ? accountCreatedMs * 1000 : at(accountCreatedMs, now - 50 * DAY_MS),
    };
    personas[role] = user;
    users.push(user);
  }
  const people = child ? PEOPLE.slice(0, 4) : PEOPLE;
  people.forEach((person, index) => {
    const invited = index === people.length - 1;
    const role = index === 0 ? "admin" : index === 1 ? "auditor" : index === 2 ? "network_admin" : "user";
    users.push({
      id: idpUserId(),
      email: `${person.local}@${domain}`,
      name: person.name,
      role,
      status: invited ? "invited" : "active",
      isServiceUser: false,
      isBlocked: false,
      pendingApproval: false,
      issued: rng.chance(0.8) ? "api" : "integration",
      autoGroups: rng.sample(
        groups.filter((g) => g.name !== "All").map((g) => g.id),
        rng.int(0, 2),
      ),
      lastLoginMicros: invited ? undefined : lastLogin(),
      createdMicros: at(accountCreatedMs, now - 3 * DAY_MS),
    });
  });
  for (const service of child ? SERVICE_USERS.slice(0, 1) : SERVICE_USERS) {
    users.push({
      id: id(),
      email: "",
      name: service.name,
      role: service.role,
      status: "active",
      isServiceUser: true,
      isBlocked: false,
      pendingApproval: false,
      issued: "api",
      autoGroups: [],
      lastLoginMicros: undefined,
      createdMicros: at(accountCreatedMs, now - 10 * DAY_MS),
    });
  }
  const externalUsers: SimUser[] = [
    { name: "Sam Rivera", email: "sam.rivera@northgate-msp.com" },
    { name: "NetBird Support", email: "support@netbird.io" },
  ].map((p) => ({
    id: idpUserId(),
    email: p.email,
    name: p.name,
    role: "admin",
    status: "active",
    isServiceUser: false,
    isBlocked: false,
    pendingApproval: false,
    issued: "api",
    autoGroups: [],
    lastLoginMicros: undefined,
    createdMicros: accountCreatedMs * 1000,
  }));

  // Peers.
  const usedIps = new Set<string>();
  const overlayIp = (): string => {
    for (;;) {
      const ip = `100.${ipBase}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
      if (!usedIps.has(ip)) {
        usedIps.add(ip);
        return ip;
      }
    }
  };
  const v6Prefix = child ? "fd00:77c1:4b2e" : "fd00:4e42:ab12";
  const publicIp = (): string =>
    `${rng.pick(["203.0.113", "198.51.100", "192.0.2"])}.${rng.int(1, 254)}`;
  const dnsDomain = "netbird.cloud";
  const peers: SimPeer[] = [];
  const addPeer = (name: string, kind: PeerKind, ownerId: string, home: City, groupNames: readonly string[]): void => {
    const osList = kind === "phone" ? PHONE_OS : kind === "laptop" ? LAPTOP_OS : SERVER_OS;
    const createdMs = rng.int(accountCreatedMs, now - DAY_MS);
    peers.push({
      id: rng.xid(createdMs),
      name,
      fqdn: `${name}.${dnsDomain}`,
      ip: overlayIp(),
      ipv6: rng.chance(0.3) ? `${v6Prefix}::${rng.hex(rng.int(2, 4)).replace(/^0+/, "") || "1"}` : undefined,
      os: rng.chance(0.06) ? undefined : rng.pick(osList),
      city: home,
      connectionIp: publicIp(),
      ownerId,
      kind,
      createdMicros: createdMs * 1000 + rng.int(0, 999),
      groupIds: ["All", ...groupNames].map(groupId),
    });
  };
  const humans = users.filter((u) => !u.isServiceUser && u.status === "active" && !u.isBlocked);
  for (const user of humans) {
    const first = (user.name.split(" ")[0] as string)
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z]/g, "");
    const home = rng.pick(CITIES);
    const laptop = rng.pick(["laptop", "macbook", "thinkpad", "desktop", "xps"]);
    addPeer(`${first}-${laptop}`, "laptop", user.id, home, ["Laptops", "Engineering"]);
    if (rng.chance(0.55)) {
      addPeer(`${first}-${rng.pick(["phone", "iphone", "pixel", "ipad"])}`, "phone", user.id, home, ["Mobile"]);
    }
  }
  const servers = child ? SERVERS.slice(0, 4) : SERVERS;
  for (const name of servers) {
    const groupNames = name.startsWith("db-")
      ? ["Servers", "Databases"]
      : name.startsWith("k8s-")
        ? ["Servers", "Kubernetes"]
        : name.startsWith("monitoring")
          ? ["Servers", "Monitoring"]
          : ["Servers"];
    addPeer(name, "server", "", name.includes("office") ? (CITIES[0] as City) : rng.pick(DATACENTER_CITIES), groupNames);
  }
  const routerNames = child ? ROUTERS.slice(0, 2) : ROUTERS;
  for (const name of routerNames) {
    const home = name.includes("office") ? (CITIES[0] as City) : name.includes("gcp") ? (DATACENTER_CITIES[2] as City) : (DATACENTER_CITIES[0] as City);
    addPeer(name, "router", "", home, ["Routing Peers"]);
  }
  const routerPeer = (name: string): SimPeer =>
    peers.find((p) => p.name === name) ?? (peers.filter((p) => p.kind === "router")[0] as SimPeer);

  const policies: Named[] = (child ? POLICIES.slice(0, 4) : POLICIES).map((name) => ({ id: id(), name }));

  // Networks, routers and resources.
  const networkDefs = child
    ? [{ name: "Warehouse LAN", routers: [routerNames[0] as string] }]
    : [
        { name: "AWS Production", routers: ["gw-aws-eu-1", "gw-aws-eu-2"] },
        { name: "Office Berlin", routers: ["gw-office-berlin"] },
        { name: "GCP Staging", routers: ["gw-gcp-us-1"] },
      ];
  const networks: SimNetwork[] = networkDefs.map((n) => ({
    id: id(),
    name: n.name,
    routerPeerIds: n.routers.map((r) => routerPeer(r).id),
  }));
  const routers: SimRouter[] = networks.flatMap((n) =>
    n.routerPeerIds.map((peerId) => ({ id: id(), networkId: n.id, peerId, peerGroups: [] as string[] })),
  );
  routers.push({ id: id(), networkId: (networks[0] as SimNetwork).id, peerId: "", peerGroups: [groupId("Routing Peers")] });
  const net = (index: number): string => (networks[Math.min(index, networks.length - 1)] as SimNetwork).id;
  const resourceDefs: Omit<SimResource, "id">[] = [
    { name: "postgres-primary", type: "host", address: "10.20.1.15/32", networkId: net(0), sampleHosts: ["10.20.1.15"], domain: undefined, ports: [5432] },
    { name: "redis-cache", type: "host", address: "10.20.1.40/32", networkId: net(0), sampleHosts: ["10.20.1.40"], domain: undefined, ports: [6379] },
    { name: "prod-private-subnets", type: "subnet", address: "10.20.0.0/16", networkId: net(0), sampleHosts: ["10.20.3.17", "10.20.8.201", "10.20.12.9"], domain: undefined, ports: [443, 22, 8080, 9100] },
    { name: "office-printers", type: "subnet", address: "192.168.10.0/24", networkId: net(1), sampleHosts: ["192.168.10.31", "192.168.10.32"], domain: undefined, ports: [631, 9100, 443] },
    { name: "internal-wiki", type: "domain", address: `wiki.${domain.split(".")[0]}.internal`, networkId: net(1), sampleHosts: ["192.168.10.50"], domain: `wiki.${domain.split(".")[0]}.internal`, ports: [443, 80] },
    { name: "k8s-services", type: "domain", address: `*.svc.${domain.split(".")[0]}.internal`, networkId: net(2), sampleHosts: ["10.128.3.21", "10.128.3.22"], domain: `grafana.svc.${domain.split(".")[0]}.internal`, ports: [443, 6443] },
  ];
  const resources: SimResource[] = (child ? resourceDefs.slice(0, 3) : resourceDefs).map((r) => ({ id: id(), ...r }));

  const routeDefs = child
    ? [{ network: "warehouse-lan", range: "192.168.50.0/24", domains: [] as string[], router: routerNames[0] as string, groups: false, hosts: ["192.168.50.10", "192.168.50.23"] }]
    : [
        { network: "office-lan", range: "192.168.10.0/24", domains: [], router: "gw-office-berlin", groups: false, hosts: ["192.168.10.12", "192.168.10.20", "192.168.10.77"] },
        { network: "aws-vpc-eu", range: "10.20.0.0/16", domains: [], router: "gw-aws-eu-1", groups: true, hosts: ["10.20.4.11", "10.20.9.130"] },
        { network: "gcp-staging", range: "10.128.0.0/20", domains: [], router: "gw-gcp-us-1", groups: false, hosts: ["10.128.1.5", "10.128.2.44"] },
        { network: "internet-exit", range: "0.0.0.0/0", domains: [], router: "exit-node-fra", groups: false, hosts: ["93.184.215.14", "140.82.121.4", "151.101.1.69"] },
        { network: "internal-apps", range: "invalid Prefix", domains: ["jira.meridian-labs.internal", "ci.meridian-labs.internal"], router: "gw-aws-eu-2", groups: false, hosts: ["10.20.30.5", "10.20.30.6"] },
      ];
  const routes: SimRoute[] = routeDefs.map((r) => ({
    id: id(),
    name: r.network,
    network: r.range,
    domains: r.domains,
    peerId: r.groups ? "" : routerPeer(r.router).id,
    peerGroups: r.groups ? [groupId("Routing Peers")] : [],
    routerPeerId: routerPeer(r.router).id,
    sampleHosts: r.hosts,
  }));

  const setupKeys: SimSetupKey[] = [
    ["Servers", "reusable"],
    ["CI runners (ephemeral)", "reusable"],
    ["Office devices", "reusable"],
    ["Kubernetes nodes", "reusable"],
    ["One-off onboarding", "one-off"],
  ].map(([name, type]) => ({
    id: id(),
    name: name as string,
    type: type as "reusable" | "one-off",
    maskedKey: `${rng.uuid().toUpperCase().slice(0, 5)}****`,
  }));

  const company1 = domain.split(".")[0] as string;
  const world: World = {
    account: {
      id: accountId,
      company,
      domain,
      dnsDomain,
      createdMicros: accountCreatedMs * 1000,
      createdBy: personas.owner.id,
      networkRange: `100.${ipBase}.0.0/16`,
      networkRangeV6: `${v6Prefix}::/64`,
    },
    users,
    externalUsers,
    personas,
    peers,
    groups,
    policies,
    routes,
    networks,
    routers,
    resources,
    setupKeys,
    nameserverGroups: ["Google DNS", "Cloudflare", "Internal resolvers"].map((name) => ({ id: id(), name })),
    postureChecks: ["NetBird 0.50 or newer", "macOS 14+", "EU countries only", "Disk encryption"].map((name) => ({ id: id(), name })),
    identityProviders: [
      { name: "Okta", type: "okta", issuer: `https://${company1}.okta.com` },
      { name: "Google Workspace", type: "google", issuer: "https://accounts.google.com" },
      { name: "Entra ID", type: "microsoft", issuer: `https://login.microsoftonline.com/${rng.uuid()}/v2.0` },
    ].map((p) => ({ id: id(), ...p })),
    zones: [
      { name: "internal", domain: `${company1}.internal` },
      { name: "lab", domain: `lab.${domain}` },
    ].map((z) => ({ id: id(), ...z })),
    records: [],
    services: [],
    proxyDomains: [
      { domain: `proxy.${domain}`, targetCluster: "eu.proxy.netbird.io", validated: true },
      { domain: `apps.${domain}`, targetCluster: "us.proxy.netbird.io", validated: false },
    ].map((d) => ({ id: id(), ...d })),
    agentProviders: [
      { name: "OpenAI", providerId: "openai" },
      { name: "Anthropic", providerId: "anthropic" },
      { name: "Azure OpenAI", providerId: "azure-openai" },
    ].map((p) => ({ id: `ainp_${id()}`, ...p })),
    agentPolicies: [
      { name: "Engineering LLM access", enabled: true },
      { name: "Contractors no LLM", enabled: false },
    ].map((p) => ({ id: `ainpol_${id()}`, ...p })),
    guardrails: ["Block secrets in prompts", "PII redaction"].map((name) => ({ id: `aingr_${id()}`, name })),
    budgetRules: [
      { name: "Monthly team budget", enabled: true },
      { name: "Per-user daily cap", enabled: false },
    ].map((p) => ({ id: `ainbr_${id()}`, ...p })),
    invites: ["new.hire", "j.doe", "contractor.ops"].map((local) => ({ id: id(), email: `${local}@${domain}` })),
    tokenNames: ["Terraform", "CI pipeline", "Grafana datasource", "laptop script", "SIEM export"],
    msps: [{ name: "Northgate IT Services", domain: "northgate-msp.com" }],
  };
  const zones = world.zones;
  (world.records as SimRecord[]).push(
    ...[
      { name: "db", type: "A", content: "10.20.1.15", ttl: 300 },
      { name: "grafana", type: "CNAME", content: `monitoring-1.${dnsDomain}`, ttl: 3600 },
      { name: "_acme-challenge", type: "TXT", content: `"${rng.hex(32)}"`, ttl: 60 },
      { name: "wiki", type: "A", content: "192.168.10.50", ttl: 300 },
      { name: "ipv6-test", type: "AAAA", content: `${v6Prefix}::50`, ttl: 300 },
    ].map((r, i) => {
      const zone = zones[i % zones.length] as SimZone;
      return { id: id(), ...r, zoneId: zone.id, zoneName: zone.domain };
    }),
  );
  const servicePeer = (name: string): string => (peers.find((p) => p.name === name) ?? (peers[0] as SimPeer)).id;
  (world.services as SimService[]).push(
    ...[
      { name: "grafana", mode: "http", source: "peer", auth: true, peer: "monitoring-1" },
      { name: "jenkins", mode: "http", source: "resource", auth: true, peer: "ci-runner-1" },
      { name: "postgres-readonly", mode: "tcp", source: "peer", auth: false, peer: "db-prod-2" },
      { name: "status-page", mode: "http", source: "peer", auth: false, peer: "web-prod-1" },
    ].map((s) => ({
      id: id(),
      name: s.name,
      domain: `${s.name}.proxy.${domain}`,
      proxyCluster: "eu.proxy.netbird.io",
      source: s.source,
      auth: s.auth,
      mode: s.mode,
      listenPort: s.mode === "tcp" ? 15432 : undefined,
      proxyProtocol: s.mode === "tcp" ? false : undefined,
      requestTimeoutSeconds: s.mode === "http" ? 30 : undefined,
      idleTimeoutSeconds: s.mode === "http" ? 1800 : undefined,
      peerId: servicePeer(s.peer),
    })),
  );
  return world;
}

/**
 * Network traffic flows (`GET /api/events/network-traffic`) over the last seven days: peer-to-peer flows
 * reported by either side, routed flows reported by a routing peer towards network resources and routes,
 * drops without a policy; mostly aggregated windows (client v0.75+), some legacy per-event records.
 */
import { hashString, type Rng } from "./random";
import { SUB_EVENT_LIMITS, TrafficRow, type Counters, type EndpointBase, type Flow, type Service, type WireTrafficEvent } from "./trafficRow";
import { DAY_MS, sampleBusyTimeMs, type Named, type SimPeer, type SimResource, type SimRoute, type World } from "./world";

export { TrafficRow, TYPE_BITS, type WireEndpoint, type WireSubEvent, type WireTrafficEvent } from "./trafficRow";

export interface TrafficOptions {
  readonly count: number;
  readonly nowMs: number;
  readonly text: (value: string) => string;
  readonly hostile: boolean;
  /** Without the packet counter setting every byte and packet counter is 0. */
  readonly packetCounter: boolean;
}

const TCP = 6;
const UDP = 17;
const ICMP = 1;
const ICMPV6 = 58;
const SCTP = 132;

const svc = (protocol: number, port: number, tx: number, rx: number): Service => ({ protocol, port, tx, rx });
const WEB = [svc(TCP, 443, 8_000, 400_000), svc(TCP, 443, 3_000, 60_000), svc(TCP, 80, 1_500, 20_000), svc(TCP, 8080, 4_000, 90_000), svc(UDP, 443, 6_000, 250_000)];
const SSH = [svc(TCP, 22, 40_000, 900_000)];
const DB = [svc(TCP, 5432, 20_000, 2_500_000), svc(TCP, 3306, 15_000, 1_200_000), svc(TCP, 6379, 2_000, 8_000)];
const K8S = [svc(TCP, 6443, 12_000, 300_000), svc(TCP, 10250, 3_000, 40_000)];
const MONITORING = [svc(TCP, 9100, 900, 45_000), svc(TCP, 9090, 2_000, 600_000), svc(TCP, 3000, 5_000, 800_000)];
const DNS = [svc(UDP, 53, 80, 160)];
const NTP = [svc(UDP, 123, 90, 90)];
const RDP_SMB = [svc(TCP, 3389, 300_000, 9_000_000), svc(TCP, 445, 50_000, 30_000_000)];
const PING: Service = { protocol: ICMP, port: 0, icmp: [8, 0], tx: 84, rx: 84 };
const UNREACHABLE: Service = { protocol: ICMP, port: 0, icmp: [3, 3], tx: 0, rx: 576 };
const PING6: Service = { protocol: ICMPV6, port: 0, icmp: [128, 0], tx: 104, rx: 104 };
const DIAMETER: Service = { protocol: SCTP, port: 3868, tx: 2_000, rx: 2_000 };

function servicesFor(name: string): readonly Service[] {
  if (name.startsWith("db-") || name.includes("postgres") || name.includes("redis")) return DB;
  if (name.startsWith("k8s-")) return K8S;
  if (name.startsWith("monitoring")) return MONITORING;
  if (name.startsWith("bastion") || name.startsWith("ci-") || name.startsWith("backup") || name.startsWith("vault")) return SSH;
  if (name.startsWith("nas") || name.includes("printers") || name.startsWith("office")) return RDP_SMB;
  if (name.startsWith("mail")) return [svc(TCP, 587, 40_000, 2_000)];
  return WEB;
}

/** A log-normal-ish amount around `typical`. */
function amount(rng: Rng, typical: number): number {
  if (typical === 0) return 0;
  const factor = Math.exp((rng.next() + rng.next() + rng.next() - 1.5) * 2.2);
  return Math.max(40, Math.round(typical * factor));
}

function ephemeralPort(rng: Rng, os: string | undefined): number {
  return os?.startsWith("Windows") || os?.startsWith("macOS") || os?.startsWith("iOS") ? rng.int(49152, 65535) : rng.int(32768, 60999);
}

const ZERO_COUNTERS: Counters = Object.freeze({ rx_bytes: 0, rx_packets: 0, tx_bytes: 0, tx_packets: 0 });
const EMPTY_USER = Object.freeze({ email: "", id: "", name: "" });
const NO_POLICY = Object.freeze({ id: "", name: "" });
const NO_GEO = Object.freeze({ city_name: "", country_code: "" });
const SCENARIOS = [
  ["p2p", 52],
  ["resource", 24],
  ["route", 13],
  ["drop", 10],
  ["unknown-direction", 1],
] as const;

/** All flow records of an account, newest first (equal times keep generation order). */
export function generateTraffic(world: World, rng: Rng, options: TrafficOptions): TrafficRow[] {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) return [];
  const t = options.text;
  // Nothing reported is newer than a minute ago.
  const latestMicros = (options.nowMs - 60_000) * 1000;
  const fromMs = options.nowMs - 7 * DAY_MS;
  const toMs = options.nowMs - 2 * 60_000;

  const peerBases = new Map<string, EndpointBase>();
  for (const peer of world.peers) {
    // The flow log misses a few DNS labels; which ones is fixed per peer.
    const knowsLabel = hashString(peer.id) % 13 !== 0;
    peerBases.set(peer.id, {
      id: peer.id,
      name: t(peer.name),
      type: "PEER",
      os: peer.os === undefined ? null : t(peer.os),
      dnsLabel: knowsLabel ? t(peer.fqdn) : null,
      geo: { city_name: t(peer.city.city), country_code: t(peer.city.country) },
      rawOs: peer.os,
      ip: peer.ip,
      ipv6: peer.ipv6,
    });
  }
  const peerBase = (peer: SimPeer): EndpointBase => peerBases.get(peer.id) as EndpointBase;
  const resourceBases = new Map<string, EndpointBase>();
  const resourceBase = (resource: SimResource, host: string): EndpointBase => {
    const key = `${resource.id} ${host}`;
    let base = resourceBases.get(key);
    if (!base) {
      base = {
        id: resource.id,
        name: t(resource.name),
        type: resource.type === "host" ? "HOST_RESOURCE" : resource.type === "subnet" ? "SUBNET_RESOURCE" : "DOMAIN_RESOURCE",
        os: null,
        dnsLabel: resource.domain === undefined ? null : t(resource.domain),
        geo: NO_GEO,
        rawOs: undefined,
        ip: host,
        ipv6: undefined,
      };
      resourceBases.set(key, base);
    }
    return base;
  };
  const internetGeo = { city_name: t("Ashburn"), country_code: t("US") };
  const routeBases = new Map<string, EndpointBase>();
  const routeBase = (route: SimRoute, host: string): EndpointBase => {
    const key = `${route.id} ${host}`;
    let base = routeBases.get(key);
    if (!base) {
      // Internet destinations are not NetBird objects: no ID, type UNKNOWN, a geo location.
      const internet = route.network === "0.0.0.0/0";
      base = {
        id: internet ? "" : route.id,
        name: internet ? "" : t(route.name),
        type: internet ? "UNKNOWN" : "ROUTE",
        os: null,
        dnsLabel: route.domains.length > 0 ? t(route.domains[hashString(host) % route.domains.length] as string) : null,
        geo: internet ? internetGeo : NO_GEO,
        rawOs: undefined,
        ip: host,
        ipv6: undefined,
      };
      routeBases.set(key, base);
    }
    return base;
  };
  const userObjects = new Map(world.users.map((u) => [u.id, { email: t(u.email), id: u.id, name: t(u.name) }]));
  const userOf = (initiator: SimPeer): WireTrafficEvent["user"] => (initiator.ownerId ? userObjects.get(initiator.ownerId) : undefined) ?? EMPTY_USER;
  const policyObjects = new Map(world.policies.map((p) => [p.id, { id: p.id, name: t(p.name) }]));
  const policyOf = (policy: Named): WireTrafficEvent["policy"] => policyObjects.get(policy.id) ?? NO_POLICY;
  const policyNamed = (name: string): WireTrafficEvent["policy"] =>
    policyOf(world.policies.find((p) => p.name === name) ?? (world.policies[0] as Named));
  const resourceServices = new Map(world.resources.map((r) => [r.id, r.ports.map((port) => svc(TCP, port, 8_000, 500_000))]));

  const peers = world.peers;
  const userPeers = peers.filter((p) => p.ownerId !== "");
  const servers = peers.filter((p) => p.kind === "server");
  const v6Peers = peers.filter((p) => p.ipv6 !== undefined);
  const routersById = new Map(peers.filter((p) => p.kind === "router").map((p) => [p.id, p]));
  const networkRouters = new Map(world.networks.map((n) => [n.id, n.routerPeerIds]));
  const rows: TrafficRow[] = [];

  const counters = (service: Service, drop: boolean, direction: string, connections: number): Counters => {
    if (!options.packetCounter || rng.chance(0.06)) return ZERO_COUNTERS;
    // Dropped packets were sent and never answered.
    const sent = amount(rng, (drop ? 60 : service.tx) * connections);
    const received = drop ? 0 : amount(rng, service.rx * connections);
    const size = service.protocol === TCP ? rng.int(600, 1400) : service.protocol === UDP ? rng.int(80, 1200) : 84;
    // From the reporter's side: an ingress reporter receives what the initiator sends.
    const rxBytes = direction === "INGRESS" ? sent : received;
    const txBytes = direction === "INGRESS" ? received : sent;
    return { rx_bytes: rxBytes, rx_packets: Math.ceil(rxBytes / size), tx_bytes: txBytes, tx_packets: Math.ceil(txBytes / size) };
  };

  /** One record of `flow` as `reporter` saw it. */
  const emit = (flow: Flow, reporter: SimPeer, direction: string, drop: boolean, startMicros: number): void => {
    const service = flow.service;
    if (rng.chance(0.85)) {
      // Aggregated window (client v0.75+).
      const windowMicros = rng.pick(WINDOW_SECONDS) * 1_000_000;
      const windowStart = Math.min(startMicros, latestMicros - windowMicros);
      const windowEnd = windowStart + windowMicros - rng.int(0, 999_999);
      const starts = drop ? 0 : Math.max(1, Math.round(Math.exp(rng.next() * 3)) - 1);
      const ends = drop ? 0 : Math.max(0, starts - rng.int(0, 2) + (rng.chance(0.1) ? 1 : 0));
      const drops = drop ? rng.int(1, 60) : 0;
      const unknown = rng.chance(0.01);
      let times: number[] | undefined;
      if (!rng.chance(0.04)) {
        const n =
          Math.min(starts, SUB_EVENT_LIMITS.starts) + Math.min(ends, SUB_EVENT_LIMITS.ends) + Math.min(drops, SUB_EVENT_LIMITS.drops) + (unknown ? 1 : 0);
        times = [];
        for (let i = 0; i < n; i++) times.push(windowStart + rng.int(0, windowMicros - 1));
        times.sort((a, b) => a - b);
      }
      const c = counters(service, drop, direction, Math.max(1, starts));
      rows.push(new TrafficRow(flow, reporter.id, direction, windowStart, windowEnd, starts, ends, drops, times, undefined, unknown, c));
      return;
    }
    // Legacy records (clients before v0.75): one record per start, end or drop; start and end share flow_id.
    const legacy = (type: string, at: number, c: Counters): void => {
      rows.push(new TrafficRow(flow, reporter.id, direction, at, undefined, 0, 0, 0, [at], type, false, c));
    };
    if (drop) {
      legacy("TYPE_DROP", startMicros, counters(service, true, direction, 1));
      return;
    }
    legacy("TYPE_START", startMicros, ZERO_COUNTERS);
    const endMicros = startMicros + rng.int(50_000, 900_000_000);
    // Flows still open at `now` have no end record yet.
    if (rng.chance(0.9) && endMicros <= latestMicros) legacy("TYPE_END", endMicros, counters(service, false, direction, 1));
  };

  const makeFlow = (source: EndpointBase, destination: EndpointBase, service: Service, user: Flow["user"], policy: Flow["policy"], flowId: string): Flow => ({
    flowId,
    source,
    destination,
    sourcePort: service.port === 0 ? 0 : ephemeralPort(rng, source.rawOs),
    service,
    v6: service.protocol === ICMPV6 || (source.ipv6 !== undefined && destination.ipv6 !== undefined && rng.chance(0.35)),
    user,
    policy,
    text: t,
  });

  const pickService = (destinationName: string): Service => {
    const roll = rng.next();
    if (roll < 0.075) return rng.chance(0.85) ? PING : UNREACHABLE;
    if (roll < 0.09) return DIAMETER;
    if (roll < 0.2) return rng.pick(rng.chance(0.7) ? DNS : NTP);
    return rng.pick(servicesFor(destinationName));
  };

  while (rows.length < count) {
    const startMicros = sampleBusyTimeMs(rng, fromMs, toMs) * 1000 + rng.int(0, 999);
    const flowId = rng.uuid();
    const scenario = rng.weighted(SCENARIOS);
    if (scenario === "p2p" || scenario === "drop" || scenario === "unknown-direction") {
      const src = rng.chance(0.8) ? rng.pick(userPeers) : rng.pick(servers);
      // Some pings over the IPv6 overlay, between peers that both have an address there.
      const v6Targets = src.ipv6 === undefined ? [] : v6Peers.filter((p) => p.id !== src.id);
      const ping6 = v6Targets.length > 0 && rng.chance(0.06);
      let dst = ping6 ? rng.pick(v6Targets) : rng.chance(0.85) ? rng.pick(servers) : rng.pick(peers);
      while (dst.id === src.id) dst = rng.pick(servers);
      const service = ping6 ? PING6 : pickService(dst.name);
      const drop = scenario === "drop";
      const policy = drop
        ? NO_POLICY
        : service.port === 22
          ? policyNamed("DevOps SSH to all")
          : dst.name.startsWith("db-")
            ? policyNamed("Developers to databases")
            : policyOf(rng.pick(world.policies));
      const flow = makeFlow(peerBase(src), peerBase(dst), service, userOf(src), policy, flowId);
      if (scenario === "unknown-direction") {
        emit(flow, src, "DIRECTION_UNKNOWN", false, startMicros);
      } else if (drop) {
        emit(flow, dst, "INGRESS", true, startMicros);
      } else {
        // Both peers may report the same flow, each from its side.
        const bothSides = rng.chance(0.4);
        if (bothSides || rng.chance(0.5)) emit(flow, src, "EGRESS", false, startMicros);
        if (bothSides || rng.chance(0.5)) emit(flow, dst, "INGRESS", false, startMicros + rng.int(200, 40_000));
      }
    } else if (scenario === "resource" && world.resources.length > 0) {
      const resource = rng.pick(world.resources);
      const routerId = rng.pick(networkRouters.get(resource.networkId) ?? [...routersById.keys()]);
      const router = routersById.get(routerId) ?? (peers[0] as SimPeer);
      const src = rng.pick(userPeers);
      const service = rng.chance(0.1) ? PING : rng.pick(resourceServices.get(resource.id) as Service[]);
      const drop = rng.chance(0.06);
      const destination = resourceBase(resource, rng.pick(resource.sampleHosts));
      const flow = makeFlow(peerBase(src), destination, service, userOf(src), drop ? NO_POLICY : policyOf(rng.pick(world.policies)), flowId);
      emit(flow, router, "INGRESS", drop, startMicros);
    } else {
      const route = rng.pick(world.routes);
      const router = routersById.get(route.routerPeerId) ?? (peers[0] as SimPeer);
      const src = rng.pick(userPeers);
      const host = rng.pick(route.sampleHosts);
      const service = route.network === "0.0.0.0/0" ? rng.pick(WEB) : pickService(route.name);
      const flow = makeFlow(peerBase(src), routeBase(route, host), service, userOf(src), policyOf(rng.pick(world.policies)), flowId);
      emit(flow, router, "INGRESS", false, startMicros);
    }
  }
  rows.length = count;
  if (options.hostile) {
    // Two records carry the 100 KB string (source name, destination DNS label).
    (rows[rng.int(0, count - 1)] as TrafficRow).huge = true;
    (rows[rng.int(0, count - 1)] as TrafficRow).huge = true;
  }
  rows.sort((a, b) => b.timeMicros - a.timeMicros);
  return rows;
}

const WINDOW_SECONDS = [60, 60, 60, 120, 300];


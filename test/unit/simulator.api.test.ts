// The simulator's API semantics: audit ordering and the 10,000 cap, traffic paging and every filter
// (against a brute-force filter of the full data), 422s, availability switches, MSP accounts, determinism,
// and the shapes of the generated data.
import * as assert from "node:assert/strict";
import { startSimulator, TOKENS, type Simulator } from "../../simulator/server";
import { call, micros, NOW, query } from "./helpers/simulatorKit";

interface AuditEvent {
  id: string;
  timestamp: string;
  activity: string;
  activity_code: string;
  initiator_id: string;
  initiator_name: string;
  initiator_email: string;
  target_id: string;
  meta: Record<string, string>;
}

interface Endpoint {
  id: string;
  type: string;
  name: string;
  address: string;
  os: string | null;
  dns_label: string | null;
  geo_location: { city_name: string; country_code: string };
}

interface Flow {
  flow_id: string;
  reporter_id: string;
  source: Endpoint;
  destination: Endpoint;
  user: { id: string; email: string; name: string };
  policy: { id: string; name: string };
  icmp: { type: number; code: number };
  protocol: number;
  direction: string;
  rx_bytes: number;
  rx_packets: number;
  tx_bytes: number;
  tx_packets: number;
  num_of_starts?: number;
  num_of_ends?: number;
  num_of_drops?: number;
  window_start?: string;
  window_end?: string;
  events: { type: string; timestamp: string }[];
}

interface Page {
  data: Flow[];
  page: number;
  page_size: number;
  total_records: number;
  total_pages: number;
}

const owner = { token: TOKENS.owner };

async function audit(sim: Simulator, suffix = ""): Promise<AuditEvent[]> {
  const reply = await call(sim, `/api/events/audit${suffix}`, owner);
  assert.equal(reply.status, 200, reply.text);
  return reply.json<AuditEvent[]>();
}

async function traffic(sim: Simulator, params: Record<string, string | number | undefined> = {}): Promise<Page> {
  const reply = await call(sim, `/api/events/network-traffic${query(params)}`, owner);
  assert.equal(reply.status, 200, reply.text);
  return reply.json<Page>();
}

/** Newest first by timestamp, ties by numeric ID descending. */
function assertNewestFirst(events: readonly AuditEvent[]): number {
  let ties = 0;
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1] as AuditEvent, events[i] as AuditEvent];
    const [ta, tb] = [micros(a.timestamp), micros(b.timestamp)];
    assert.ok(ta >= tb, `event ${i} is newer than event ${i - 1}`);
    if (ta === tb) {
      ties++;
      assert.ok(BigInt(a.id) > BigInt(b.id), `tie at ${a.timestamp}: ${a.id} before ${b.id}`);
    }
  }
  return ties;
}

const flowTime = (flow: Flow): number => micros(flow.window_start ?? (flow.events[0] as { timestamp: string }).timestamp);

/** The server's filters, written out independently for the comparison. */
function bruteForce(all: readonly Flow[], f: Record<string, string | number | undefined>): Flow[] {
  const bits = (flow: Flow): Set<string> => {
    const types = new Set(flow.events.map((e) => e.type));
    if ((flow.num_of_starts ?? 0) > 0) types.add("TYPE_START");
    if ((flow.num_of_ends ?? 0) > 0) types.add("TYPE_END");
    if ((flow.num_of_drops ?? 0) > 0) types.add("TYPE_DROP");
    return types;
  };
  return all.filter((flow) => {
    const p2p = flow.source.id === flow.reporter_id || flow.destination.id === flow.reporter_id;
    const needle = f.search === undefined ? undefined : String(f.search).toLowerCase();
    return (
      (f.user_id === undefined || flow.user.id === f.user_id) &&
      (f.reporter_id === undefined || flow.reporter_id === f.reporter_id) &&
      (f.source_id === undefined || flow.source.id === f.source_id) &&
      (f.destination_id === undefined || flow.destination.id === f.destination_id) &&
      (f.protocol === undefined || flow.protocol === Number(f.protocol)) &&
      (f.type === undefined || bits(flow).has(String(f.type))) &&
      (f.connection_type === undefined || (f.connection_type === "P2P") === p2p) &&
      (f.direction === undefined || flow.direction === f.direction) &&
      (f.start_date === undefined || flowTime(flow) >= micros(String(f.start_date))) &&
      (f.end_date === undefined || flowTime(flow) <= micros(String(f.end_date))) &&
      (needle === undefined ||
        [flow.user.email, flow.source.name, flow.destination.name, flow.source.address, flow.destination.address].some((s) =>
          s.toLowerCase().includes(needle),
        ))
    );
  });
}

describe("simulator API semantics", function () {
  this.timeout(20_000);
  let sim: Simulator;
  let all: Flow[];
  before(async () => {
    sim = await startSimulator({ seed: 5, now: NOW, auditCount: 3000, trafficCount: 1500 });
    all = (await traffic(sim, { page_size: 50_000 })).data;
  });
  after(async () => sim?.close());

  describe("audit events", () => {
    it("are a bare array, newest first, ties by numeric id descending (also across 999/1000)", async () => {
      const events = await audit(sim);
      assert.equal(events.length, 3000);
      assert.ok(assertNewestFirst(events) > 0, "the data has timestamp ties");
      const i1000 = events.findIndex((e) => e.id.length === 4 && events[events.indexOf(e) + 1]?.id.length === 3);
      assert.ok(i1000 >= 0, "a 4-digit id sits right before a 3-digit id");
      const [a, b] = [events[i1000] as AuditEvent, events[i1000 + 1] as AuditEvent];
      assert.equal(a.timestamp, b.timestamp, "the ids where the digit count changes share a timestamp");
    });

    it("serve /api/events as an alias with the same bytes", async () => {
      const [a, b] = await Promise.all([call(sim, "/api/events/audit", owner), call(sim, "/api/events", owner)]);
      assert.equal(a.text, b.text);
      assert.equal(a.headers.get("content-type"), "application/json; charset=UTF-8");
    });

    it("are capped at the newest 10,000", async () => {
      const big = await startSimulator({ seed: 9, now: NOW, auditCount: 10_500, trafficCount: 10 });
      try {
        const events = await audit(big);
        assert.equal(events.length, 10_000);
        assertNewestFirst(events);
        const served = new Set(events.map((e) => e.id));
        const oldestServed = micros((events.at(-1) as AuditEvent).timestamp);
        const left = big.dataset.auditAll.filter((e) => !served.has(e.id));
        assert.equal(left.length, 500);
        assert.ok(left.every((e) => micros(e.timestamp) <= oldestServed), "only older events are left out");
      } finally {
        await big.close();
      }
    });

    it("have Go-formatted meta values, initiators and targets per the activity list", async () => {
      const events = await audit(sim);
      assert.ok(events.every((e) => /^\d+$/.test(e.id) && Object.values(e.meta).every((v) => typeof v === "string")));
      const peerAdd = events.filter((e) => e.activity_code === "peer.user.add");
      assert.ok(peerAdd.some((e) => /^\d\.\d+e\+06$/.test(e.meta.location_geo_name_id ?? "")), "geo ids >= 1e6 in exponent form");
      assert.ok(peerAdd.every((e) => /^100\.\d+\.\d+\.\d+$/.test(e.meta.ip ?? "") && (e.meta.fqdn ?? "").endsWith(".netbird.cloud")));
      const setupKey = events.find((e) => e.activity_code === "setupkey.add") as AuditEvent;
      assert.match(setupKey.meta.key ?? "", /^[0-9A-F]{5}\*{4}$/);
      const bySetupKey = events.find((e) => e.activity_code === "peer.setupkey.add") as AuditEvent;
      assert.equal(bySetupKey.initiator_name, "");
      assert.equal(bySetupKey.initiator_email, "");
      assert.ok(events.some((e) => e.initiator_id === "sys" && e.initiator_name === "" && e.initiator_email === ""), "system jobs");
      assert.ok(events.some((e) => e.meta.external === "true"), "external initiators");
      const route = events.find((e) => e.activity_code === "route.add") as AuditEvent;
      assert.match(route.meta.peer_groups ?? "", /^\[.*\]$/);
      assert.ok(events.filter((e) => "is_service_user" in e.meta).every((e) => ["true", "false"].includes(e.meta.is_service_user as string)));
      const ssh = events.find((e) => e.activity_code === "peer.ssh.enable") as AuditEvent;
      assert.equal(ssh.target_id, ssh.meta.ip, "peer.ssh.* targets the peer's IP");
      const accounts = await call(sim, "/api/accounts", owner);
      const accountId = accounts.json<{ id: string }[]>()[0]?.id;
      assert.equal((events.find((e) => e.activity_code === "account.setting.ipv6.enable") as AuditEvent).target_id, accountId);
      const unknown = events.find((e) => e.activity_code === "UNKNOWN_ACTIVITY") as AuditEvent;
      assert.equal(unknown.activity, "UNKNOWN_ACTIVITY");
      for (const event of events.filter((e) => e.activity_code === "user.role.update")) {
        assert.ok("email" in event.meta && "username" in event.meta, "user targets get email and username");
      }
      const joins = events.filter((e) => e.activity_code === "user.join").map((e) => `${e.target_id} ${e.initiator_id}`);
      assert.equal(new Set(joins).size, joins.length, "no duplicate user.join");
      for (const event of events.slice(0, 200)) {
        assert.deepEqual(Object.keys(event.meta), Object.keys(event.meta).sort(), "meta keys sorted like Go's encoder");
      }
    });
  });

  describe("traffic events", () => {
    it("page with 1-based pages: default page 1 and page_size 1000, max 50,000", async () => {
      const first = await traffic(sim);
      assert.deepEqual([first.page, first.page_size, first.total_records, first.total_pages, first.data.length], [1, 1000, 1500, 2, 1000]);
      const second = await traffic(sim, { page: 2 });
      assert.equal(JSON.stringify([...first.data, ...second.data]), JSON.stringify(all));
      const pages = [1, 2, 3].map((page) => traffic(sim, { page, page_size: 700 }));
      const sized = await Promise.all(pages);
      assert.deepEqual(
        sized.map((p) => [p.data.length, p.total_pages, p.total_records]),
        [
          [700, 3, 1500],
          [700, 3, 1500],
          [100, 3, 1500],
        ],
      );
      assert.equal(JSON.stringify((sized[2] as Page).data), JSON.stringify(all.slice(1400)));
      const beyond = await traffic(sim, { page: 4, page_size: 700 });
      assert.deepEqual([beyond.data.length, beyond.page, beyond.total_pages, beyond.total_records], [0, 4, 3, 1500]);
      assert.equal((await traffic(sim, { page_size: 50_000 })).page_size, 50_000);
      assert.equal((await traffic(sim, { page_size: 1 })).total_pages, 1500);
    });

    it("are newest first by window_start, or the sub-event time of legacy records", () => {
      for (let i = 1; i < all.length; i++) {
        assert.ok(flowTime(all[i - 1] as Flow) >= flowTime(all[i] as Flow), `record ${i}`);
      }
    });

    it("filter exactly like a brute-force filter of the full data", async () => {
      const pick = <T>(values: T[], n: number): T => values[n % values.length] as T;
      const userIds = [...new Set(all.map((f) => f.user.id).filter(Boolean))];
      const reporters = [...new Set(all.map((f) => f.reporter_id))];
      const sources = [...new Set(all.map((f) => f.source.id))];
      const destinations = [...new Set(all.map((f) => f.destination.id).filter(Boolean))];
      const middle = new Date(NOW - 3.5 * 86_400_000).toISOString();
      const filters: Record<string, string | number | undefined>[] = [
        { user_id: pick(userIds, 3) },
        { reporter_id: pick(reporters, 1) },
        { source_id: pick(sources, 2) },
        { destination_id: pick(destinations, 4) },
        ...[1, 6, 17, 58, 132].map((protocol) => ({ protocol })),
        ...["TYPE_START", "TYPE_END", "TYPE_DROP", "TYPE_UNKNOWN"].map((type) => ({ type })),
        { connection_type: "P2P" },
        { connection_type: "ROUTED" },
        ...["INGRESS", "EGRESS", "DIRECTION_UNKNOWN"].map((direction) => ({ direction })),
        { search: "DB-PROD" },
        { search: ":5432" },
        { search: "[fd00" },
        { start_date: middle },
        { end_date: middle },
        { start_date: new Date(NOW - 2 * 86_400_000).toISOString().replace("Z", "+02:00"), end_date: new Date(NOW - 86_400_000).toISOString() },
        { protocol: 6, connection_type: "ROUTED", type: "TYPE_END", direction: "INGRESS" },
        { user_id: "no-such-user" },
      ];
      for (const filter of filters) {
        const expected = bruteForce(all, filter);
        const page = await traffic(sim, { ...filter, page_size: 50_000 });
        assert.equal(page.total_records, expected.length, JSON.stringify(filter));
        assert.ok(JSON.stringify(page.data) === JSON.stringify(expected), `${JSON.stringify(filter)}: the records differ`);
        if (filter.user_id !== "no-such-user") {
          assert.ok(expected.length > 0 && expected.length < all.length, `${JSON.stringify(filter)} selects some: ${expected.length}`);
        }
      }
    });

    it("search is a case-insensitive substring match", async () => {
      const email = (all.find((f) => f.user.email) as Flow).user.email;
      const local = email.split("@")[0] as string;
      const lower = await traffic(sim, { search: local.toLowerCase(), page_size: 50_000 });
      const upper = await traffic(sim, { search: local.toUpperCase(), page_size: 50_000 });
      assert.ok(lower.total_records > 0);
      assert.equal(JSON.stringify(upper.data), JSON.stringify(lower.data));
    });

    it("answer 422 with a JSON error for invalid parameters", async () => {
      const invalid: [string, string][] = [
        ["page=0", "invalid page"],
        ["page=abc", "invalid page"],
        ["page=1.5", "invalid page"],
        ["page_size=0", "invalid page_size"],
        ["page_size=50001", "invalid page_size"],
        ["protocol=tcp", "invalid protocol"],
        ["protocol=256", "invalid protocol"],
        ["protocol=-1", "invalid protocol"],
        ["type=TYPE_FOO", "invalid type"],
        ["connection_type=p2p", "invalid connection_type"],
        ["direction=UP", "invalid direction"],
        ["start_date=yesterday", "invalid start_date"],
        ["start_date=2026-02-30T00:00:00Z", "invalid start_date"],
        ["end_date=2026-08-20", "invalid end_date"],
      ];
      for (const [params, message] of invalid) {
        const reply = await call(sim, `/api/events/network-traffic?${params}`, owner);
        assert.equal(reply.status, 422, params);
        assert.equal(reply.headers.get("content-type"), "application/json; charset=UTF-8");
        assert.deepEqual(reply.json(), { message, code: 422 }, params);
      }
    });

    it("cover P2P and routed flows, every endpoint type and protocol, legacy and aggregated records", () => {
      const has = (predicate: (f: Flow) => boolean, what: string): void => assert.ok(all.some(predicate), what);
      for (const type of ["PEER", "HOST_RESOURCE", "SUBNET_RESOURCE", "DOMAIN_RESOURCE", "ROUTE", "UNKNOWN"]) {
        has((f) => f.source.type === type || f.destination.type === type, type);
      }
      for (const protocol of [1, 6, 17, 58, 132]) has((f) => f.protocol === protocol, `protocol ${protocol}`);
      has((f) => f.protocol === 1 && f.icmp.type === 8 && f.destination.address.endsWith(":0"), "ICMP echo without a port");
      has((f) => /^\[[0-9a-f:]+\]:\d+$/.test(f.source.address), "IPv6 addresses as [v6]:port");
      has((f) => f.policy.id === "" && f.events.some((e) => e.type === "TYPE_DROP"), "drops without a policy");
      has((f) => f.user.id === "", "flows no user started");
      has((f) => f.source.os === null || f.destination.os === null, "unknown OS");
      has((f) => f.source.dns_label === null || f.destination.dns_label === null, "no DNS label");
      has((f) => f.rx_bytes === 0 && f.tx_bytes === 0, "zero counters");
      has((f) => f.window_start !== undefined && (f.num_of_starts ?? 0) > 1, "aggregated windows");
      has((f) => f.window_start !== undefined && f.events.length === 0, "aggregated windows without sub-events");
      has((f) => f.num_of_starts === undefined && f.events.length === 1, "legacy records");
      const legacyIds = all.filter((f) => f.num_of_starts === undefined).map((f) => f.flow_id);
      assert.ok(legacyIds.length > new Set(legacyIds).size, "a legacy start and end share a flow_id");
      for (const flow of all) {
        assert.ok(flowTime(flow) <= NOW * 1000 && flowTime(flow) >= (NOW - 7 * 86_400_000) * 1000, "within the last 7 days");
        if (flow.window_end) assert.ok(micros(flow.window_end) >= micros(flow.window_start as string));
      }
    });
  });

  describe("switches", () => {
    it("trafficAvailable: false gives gorilla/mux's plain-text 404 without an auth check", async () => {
      const oss = await startSimulator({ seed: 5, now: NOW, auditCount: 20, trafficCount: 20, trafficAvailable: false });
      try {
        for (const options of [{}, owner]) {
          const reply = await call(oss, "/api/events/network-traffic?page=1", options);
          assert.equal(reply.status, 404);
          assert.equal(reply.text, "404 page not found\n");
          assert.equal(reply.headers.get("content-type"), "text/plain; charset=utf-8");
          assert.ok(reply.headers.get("x-request-id"));
        }
        assert.equal((await call(oss, "/api/events/audit", owner)).status, 200);
      } finally {
        await oss.close();
      }
    });

    it("trafficLoggingEnabled: false empties traffic and says so in /api/accounts", async () => {
      assert.equal((await call(sim, "/api/accounts", owner)).json<{ settings: { extra: { network_traffic_logs_enabled: boolean } } }[]>()[0]?.settings.extra.network_traffic_logs_enabled, true);
      const off = await startSimulator({ seed: 5, now: NOW, auditCount: 20, trafficCount: 500, trafficLoggingEnabled: false });
      try {
        const account = (await call(off, "/api/accounts", owner)).json<{ settings: { extra: Record<string, unknown> } }[]>()[0];
        assert.equal(account?.settings.extra.network_traffic_logs_enabled, false);
        assert.deepEqual(await traffic(off), { data: [], page: 1, page_size: 1000, total_pages: 0, total_records: 0 });
      } finally {
        await off.close();
      }
    });

    it("the empty dataset has an account and users but no events", async () => {
      const empty = await startSimulator({ now: NOW, dataset: "empty" });
      try {
        assert.deepEqual(await audit(empty), []);
        assert.equal((await traffic(empty)).total_records, 0);
        assert.equal((await call(empty, "/api/users/current", owner)).status, 200);
      } finally {
        await empty.close();
      }
    });

    it("MSP: ?account= serves the configured tenant's own data, 403 for any other account", async () => {
      const tenant = await audit(sim, `?account=${sim.childAccountId}`);
      assert.ok(tenant.length > 0 && tenant.length < 3000);
      const tenantTraffic = await traffic(sim, { account: sim.childAccountId });
      assert.ok(tenantTraffic.total_records > 0 && tenantTraffic.total_records < 1500);
      const accounts = (await call(sim, `/api/accounts?account=${sim.childAccountId}`, owner)).json<{ id: string }[]>();
      assert.equal(accounts[0]?.id, sim.childAccountId);
      const own = sim.dataset.world.account.id;
      assert.equal((await call(sim, `/api/events/audit?account=${own}`, owner)).text, (await call(sim, "/api/events/audit", owner)).text);
      const denied = await call(sim, "/api/events/audit?account=d0000000000000000000", owner);
      assert.equal(denied.status, 403);
      assert.deepEqual(denied.json(), { message: "permission denied", code: 403 });
    });

    it("is deterministic: same seed and now, same bytes; another seed, other data", async () => {
      const options = { seed: 42, now: NOW, auditCount: 500, trafficCount: 800 };
      const [a, b, c] = await Promise.all([startSimulator(options), startSimulator(options), startSimulator({ ...options, seed: 43 })]);
      try {
        for (const path of ["/api/events/audit", "/api/events/network-traffic?page_size=300&page=2", "/api/users/current", "/api/accounts"]) {
          const [ra, rb] = await Promise.all([call(a, path, owner), call(b, path, owner)]);
          assert.equal(ra.status, 200);
          assert.equal(ra.text, rb.text, path);
        }
        assert.notEqual((await call(c, "/api/events/audit", owner)).text, (await call(a, "/api/events/audit", owner)).text);
        const before = (await call(a, "/api/events/audit", owner)).text;
        a.setDataset({ dataset: "hostile" });
        assert.notEqual((await call(a, "/api/events/audit", owner)).text, before);
        a.setDataset({ dataset: "realistic" });
        assert.equal((await call(a, "/api/events/audit", owner)).text, before);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });
  });
});

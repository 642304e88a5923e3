// The simulator's responses against NetBird's own OpenAPI spec (the vendored excerpt), for the realistic
// and the hostile dataset; and the realistic audit data against the vendored activity-code list.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ErrorObject } from "ajv";
import { HOSTILE_HUGE_STRING, HOSTILE_STRINGS, startSimulator, TOKENS, type Simulator } from "../../simulator/server";
import { AGGREGATION_FIELDS, auditSchemaErrors, describeErrors, specValidators } from "./helpers/openApiSchema";
import { call, NOW, query } from "./helpers/simulatorKit";

const CODES_PATH = path.join(__dirname, "..", "..", "..", "resources", "netbird-activity-codes.json");

interface ActivityCodeEntry {
  code: string;
  in_openapi_enum: boolean;
}

const activityCodes = (): ActivityCodeEntry[] => JSON.parse(fs.readFileSync(CODES_PATH, "utf8")) as ActivityCodeEntry[];

interface TrafficPage {
  data: Record<string, unknown>[];
  page: number;
  page_size: number;
  total_records: number;
  total_pages: number;
}

/**
 * Validates a traffic page against the spec. The only errors allowed are the aggregation fields missing
 * from legacy (non-aggregated) records, which have none of them; returns how many such records there were.
 */
function assertTrafficPageValid(page: TrafficPage, label: string): number {
  const { trafficPage } = specValidators();
  const valid: boolean = trafficPage(page);
  if (valid) return 0;
  const errors = trafficPage.errors as ErrorObject[];
  const legacyRows = new Set<number>();
  for (const error of errors) {
    const m = /^\/data\/(\d+)$/.exec(error.instancePath);
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    assert.ok(m && error.keyword === "required" && missing !== undefined && AGGREGATION_FIELDS.includes(missing), `${label}: ${describeErrors([error])}`);
    legacyRows.add(Number(m[1]));
  }
  for (const index of legacyRows) {
    const record = page.data[index] as Record<string, unknown>;
    assert.deepEqual(
      AGGREGATION_FIELDS.filter((field) => field in record),
      [],
      `${label}: a legacy record has none of the aggregation fields`,
    );
    assert.equal((record.events as unknown[]).length, 1, `${label}: a legacy record has one sub-event`);
  }
  return legacyRows.size;
}

for (const dataset of ["realistic", "hostile"] as const) {
  describe(`simulator responses match the OpenAPI spec (${dataset} dataset)`, function () {
    this.timeout(20_000);
    let sim: Simulator;
    before(async () => {
      // Fewer hostile events: every one carries corpus strings, a few the 100 KB string.
      const counts = dataset === "realistic" ? { auditCount: 3000, trafficCount: 2000 } : { auditCount: 1500, trafficCount: 1500 };
      sim = await startSimulator({ seed: 11, now: NOW, dataset, ...counts });
    });
    after(async () => sim?.close());

    it("GET /api/events/audit: every event is an Event; codes outside the enum are known ones", async () => {
      const reply = await call(sim, "/api/events/audit", { token: TOKENS.owner });
      assert.equal(reply.status, 200);
      const events = reply.json<unknown[]>();
      assert.equal(events.length, dataset === "realistic" ? 3000 : 1500);
      const outsideEnum = new Set<string>();
      const errors = auditSchemaErrors(events, outsideEnum);
      assert.deepEqual(errors, [], describeErrors(errors));
      // Exactly the vendored codes the spec's enum lacks, plus UNKNOWN_ACTIVITY (and markup in the hostile data).
      const expected = activityCodes()
        .filter((entry) => !entry.in_openapi_enum)
        .map((entry) => entry.code);
      const unexpected = [...outsideEnum].filter((code) => !expected.includes(code) && code !== "UNKNOWN_ACTIVITY");
      if (dataset === "realistic") {
        assert.deepEqual(unexpected, []);
        assert.deepEqual([...outsideEnum].sort(), [...expected, "UNKNOWN_ACTIVITY"].sort());
      } else {
        assert.ok(unexpected.every((code) => HOSTILE_STRINGS.includes(code)), unexpected.join(", "));
      }
    });

    it("GET /api/events/network-traffic: pages with and without filters", async () => {
      const sample = (await call(sim, "/api/events/network-traffic?page_size=50", { token: TOKENS.owner })).json<TrafficPage>().data[0] as {
        user: { id: string };
        source: { id: string; name: string };
      };
      const filters: Record<string, string | number | undefined>[] = [
        {},
        { page: 2, page_size: 700 },
        { page: 1, page_size: 50_000 },
        { protocol: 6 },
        { protocol: 1, page_size: 200 },
        { type: "TYPE_DROP" },
        { type: "TYPE_END", connection_type: "ROUTED" },
        { connection_type: "P2P", direction: "EGRESS" },
        { direction: "DIRECTION_UNKNOWN" },
        { search: sample.source.name.slice(0, 3) },
        { user_id: sample.user.id || undefined, source_id: sample.source.id },
        { start_date: new Date(NOW - 3 * 86_400_000).toISOString(), end_date: new Date(NOW - 86_400_000).toISOString() },
        { page: 999 },
      ];
      let legacy = 0;
      let records = 0;
      for (const filter of filters) {
        const reply = await call(sim, `/api/events/network-traffic${query(filter)}`, { token: TOKENS.auditor });
        assert.equal(reply.status, 200, JSON.stringify(filter));
        const page = reply.json<TrafficPage>();
        legacy += assertTrafficPageValid(page, JSON.stringify(filter));
        records += page.data.length;
      }
      assert.ok(legacy > 0 && legacy < records, "pages hold both aggregated and legacy records");
    });

    it("GET /api/users/current is a User for every token that may call it", async () => {
      const { user } = specValidators();
      for (const role of ["owner", "admin", "auditor", "network_admin", "service_user", "user"] as const) {
        const reply = await call(sim, "/api/users/current", { token: TOKENS[role] });
        assert.equal(reply.status, 200, role);
        assert.ok(user(reply.json()), `${role}: ${describeErrors(user.errors)}`);
      }
    });

    it("GET /api/accounts is an Account array, also for the MSP tenant", async () => {
      const { accounts } = specValidators();
      for (const suffix of ["", `?account=${sim.childAccountId}`]) {
        const reply = await call(sim, `/api/accounts${suffix}`, { token: TOKENS.owner });
        assert.equal(reply.status, 200);
        assert.ok(accounts(reply.json()), describeErrors(accounts.errors));
      }
    });

    it("error bodies are ErrorResponse objects with a code", async () => {
      const { error } = specValidators();
      for (const [pathAndQuery, token] of [
        ["/api/events/audit", undefined],
        ["/api/events/audit", TOKENS.user],
        ["/api/events/network-traffic?page=0", TOKENS.owner],
      ] as const) {
        const reply = await call(sim, pathAndQuery, { token });
        const body = reply.json<{ message: string; code: number }>();
        assert.ok(error(body), describeErrors(error.errors));
        assert.equal(body.code, reply.status);
        assert.equal(body.message, body.message.toLowerCase());
      }
    });

    if (dataset === "hostile") {
      it("draws display strings from HOSTILE_STRINGS, including the 100 KB string", async () => {
        const audit = (await call(sim, "/api/events/audit", { token: TOKENS.owner })).json<Record<string, unknown>[]>();
        const traffic = (await call(sim, "/api/events/network-traffic?page_size=50000", { token: TOKENS.owner })).json<TrafficPage>().data;
        const strings = new Set<string>();
        const collect = (value: unknown): void => {
          if (typeof value === "string") strings.add(value);
          else if (Array.isArray(value)) value.forEach(collect);
          else if (value && typeof value === "object") Object.values(value).forEach(collect);
        };
        collect(audit);
        collect(traffic);
        for (const hostile of HOSTILE_STRINGS) {
          assert.ok(strings.has(hostile), `missing ${JSON.stringify(hostile.slice(0, 40))}`);
        }
        assert.ok(audit.some((e) => e.initiator_name === HOSTILE_HUGE_STRING));
        assert.ok(traffic.some((r) => (r.source as { name: string }).name === HOSTILE_HUGE_STRING));
        assert.ok(audit.some((e) => Object.prototype.hasOwnProperty.call(e.meta, "__proto__")), "a meta key __proto__ survives as a plain key");
        const user = (await call(sim, "/api/users/current", { token: TOKENS.owner })).json<{ name: string; email: string }>();
        assert.ok(HOSTILE_STRINGS.includes(user.name) && HOSTILE_STRINGS.includes(user.email));
      });
    } else {
      it("covers every activity code of resources/netbird-activity-codes.json, the common ones more often", async () => {
        const codes = activityCodes().map((entry) => entry.code);
        assert.equal(codes.length, 160);
        const events = (await call(sim, "/api/events/audit", { token: TOKENS.owner })).json<{ activity_code: string }[]>();
        const counts = new Map<string, number>();
        for (const event of events) counts.set(event.activity_code, (counts.get(event.activity_code) ?? 0) + 1);
        assert.deepEqual(
          codes.filter((code) => !counts.has(code)),
          [],
        );
        const unknown = counts.get("UNKNOWN_ACTIVITY") ?? 0;
        assert.ok(unknown >= 1 && unknown <= 2, "UNKNOWN_ACTIVITY once or twice");
        const login = counts.get("user.peer.login") ?? 0;
        assert.ok(login > 10 * (counts.get("route.add") ?? 0), "peer logins are far more common than rare codes");
        assert.ok((counts.get("policy.update") ?? 0) > 50);
        assert.ok((counts.get("user.join") ?? 0) > 10);
      });
    }
  });
}

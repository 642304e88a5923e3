// The simulator's authentication and authorization (NetBird's PAT rules and roles), X-Request-Id, the
// rate limit and the request log.
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { crc32, patFormatProblem } from "../../simulator/pat";
import { INVALID_TOKENS, makePat, startSimulator, TOKEN_ROLES, TOKENS, type Simulator } from "../../simulator/server";
import { call, NOW } from "./helpers/simulatorKit";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("simulator auth", function () {
  this.timeout(20_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ seed: 3, now: NOW, auditCount: 200, trafficCount: 300 });
  });
  after(async () => sim?.close());

  it("makes 40-character PATs whose checksum is the base62 CRC32 of the secret", () => {
    const token = makePat("abcdefghijklmnopqrstuvwxyz0123");
    assert.equal(token.length, 40);
    assert.match(token, /^nbp_abcdefghijklmnopqrstuvwxyz0123[0-9A-Za-z]{6}$/);
    assert.equal(patFormatProblem(token), undefined);
    const zlibCrc = (zlib as unknown as { crc32?: (data: string) => number }).crc32;
    if (zlibCrc) assert.equal(crc32("abcdefghijklmnopqrstuvwxyz0123"), zlibCrc("abcdefghijklmnopqrstuvwxyz0123"));
    assert.equal(crc32("123456789"), 0xcbf43926, "the CRC-32 check value");
    for (const role of TOKEN_ROLES) assert.equal(patFormatProblem(TOKENS[role]), undefined, role);
    assert.throws(() => makePat("short"));
  });

  it("answers each role as NetBird does", async () => {
    const expected: Record<string, [number, number, number, string?]> = {
      // role: [events, users/current, accounts, message on events]
      owner: [200, 200, 200],
      admin: [200, 200, 200],
      auditor: [200, 200, 200],
      network_admin: [200, 200, 200],
      service_user: [200, 200, 200],
      user: [403, 200, 200, "permission denied"],
      blocked: [403, 403, 403, "failed to validate user permissions: user is blocked"],
      pending_approval: [403, 403, 403, "failed to validate user permissions: user is pending approval"],
    };
    for (const role of TOKEN_ROLES) {
      const [events, current, accounts, message] = expected[role] as [number, number, number, string?];
      for (const path of ["/api/events/audit", "/api/events/network-traffic"]) {
        const reply = await call(sim, path, { token: TOKENS[role] });
        assert.equal(reply.status, events, `${role} ${path}`);
        if (message) assert.deepEqual(reply.json(), { message, code: 403 });
      }
      assert.equal((await call(sim, "/api/users/current", { token: TOKENS[role] })).status, current, `${role} users/current`);
      assert.equal((await call(sim, "/api/accounts", { token: TOKENS[role] })).status, accounts, `${role} accounts`);
    }
    const me = (await call(sim, "/api/users/current", { token: TOKENS.service_user })).json<{ is_service_user: boolean; role: string }>();
    assert.deepEqual([me.is_service_user, me.role], [true, "user"], "the service user reads events although its role is user");
    const auditor = (await call(sim, "/api/users/current", { token: TOKENS.auditor })).json<{ role: string; is_current: boolean }>();
    assert.deepEqual([auditor.role, auditor.is_current], ["auditor", true]);
  });

  it("rejects credentials with NetBird's statuses and messages", async () => {
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, "no valid authentication provided"],
      [`Basic ${Buffer.from("a:b").toString("base64")}`, 401, "no valid authentication provided"],
      ["Token", 401, "no valid authentication provided"],
      [`Token ${INVALID_TOKENS.wrongLength}`, 401, "token invalid"],
      [`Token ${INVALID_TOKENS.badPrefix}`, 401, "token invalid"],
      [`Token ${INVALID_TOKENS.badChecksum}`, 401, "token invalid"],
      ["Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", 401, "token invalid"],
      [`Token ${INVALID_TOKENS.unknown}`, 404, `invalid token: pat: ${sha256(INVALID_TOKENS.unknown)} not found`],
      [`Token ${makePat("ThisOneWasNeverIssuedAnywhere0")}`, 404, `invalid token: pat: ${sha256(makePat("ThisOneWasNeverIssuedAnywhere0"))} not found`],
    ];
    for (const [authorization, status, message] of cases) {
      for (const path of ["/api/events/audit", "/api/users/current"]) {
        const reply = await call(sim, path, { authorization });
        assert.equal(reply.status, status, `${authorization} ${path}`);
        assert.deepEqual(reply.json(), { message, code: status });
        assert.equal(reply.headers.get("content-type"), "application/json; charset=UTF-8");
      }
    }
    assert.equal((await call(sim, "/api/events/audit", { authorization: `Bearer ${TOKENS.owner}` })).status, 200, "Bearer nbp_… is a PAT");
    assert.equal((await call(sim, "/api/events/audit", { authorization: `token ${TOKENS.owner}` })).status, 200, "the scheme is case-insensitive");
  });

  it("sets a unique X-Request-Id on every response", async () => {
    const replies = await Promise.all([
      call(sim, "/api/events/audit", { token: TOKENS.owner }),
      call(sim, "/api/events/audit"),
      call(sim, "/api/events/audit", { token: TOKENS.user }),
      call(sim, "/api/nothing-here"),
      call(sim, "/api/events/audit", { method: "POST", token: TOKENS.owner }),
      call(sim, "/api/events/network-traffic?page=0", { token: TOKENS.owner }),
      call(sim, "/__simulator/info"),
    ]);
    assert.deepEqual(
      replies.map((r) => r.status),
      [200, 401, 403, 404, 405, 422, 200],
    );
    const ids = replies.map((r) => r.headers.get("x-request-id") ?? "");
    assert.ok(ids.every((id) => /^[0-9a-v]{20}$/.test(id)), ids.join(" "));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(replies[3]?.text, "404 page not found\n");
  });

  it("rate-limits per token with 429 and no Retry-After", async () => {
    const limited = await startSimulator({ now: NOW, auditCount: 5, trafficCount: 5, rateLimit: { perMinute: 1, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const reply = await call(limited, "/api/users/current", { token: TOKENS.owner });
        statuses.push(reply.status);
        if (reply.status === 429) {
          assert.deepEqual(reply.json(), { message: "too many requests", code: 429 });
          assert.equal(reply.headers.get("retry-after"), null);
        }
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal((await call(limited, "/api/users/current", { token: TOKENS.auditor })).status, 200, "another token has its own bucket");
    } finally {
      await limited.close();
    }
  });

  it("logs API requests with the credential's scheme and hash only, never control routes", async () => {
    sim.resetLog();
    await call(sim, "/api/events/network-traffic?page=2&type=TYPE_END&type=TYPE_DROP&search=a%20b", {
      token: TOKENS.auditor,
      headers: { "user-agent": "netbird-events-test/1.0", accept: "application/json" },
    });
    await call(sim, "/api/events/audit", { authorization: `Bearer ${TOKENS.owner}` });
    await call(sim, "/api/users/current");
    await call(sim, "/__simulator/info");
    const log = sim.requests;
    assert.deepEqual(
      log.map((r) => [r.method, r.path, r.status]),
      [
        ["GET", "/api/events/network-traffic", 200],
        ["GET", "/api/events/audit", 200],
        ["GET", "/api/users/current", 401],
      ],
    );
    const [first, second, third] = log;
    assert.deepEqual(first?.query, { page: "2", type: ["TYPE_END", "TYPE_DROP"], search: "a b" });
    assert.deepEqual(first?.headers, {
      authorization: `Token sha256:${sha256(TOKENS.auditor)}`,
      "user-agent": "netbird-events-test/1.0",
      accept: "application/json",
    });
    assert.deepEqual(first?.auth, { scheme: "Token", sha256: sha256(TOKENS.auditor) });
    assert.equal(second?.headers.authorization, `Bearer sha256:${sha256(TOKENS.owner)}`);
    assert.equal(third?.headers.authorization, undefined);
    assert.match(first?.requestId ?? "", /^[0-9a-v]{20}$/);
    const serialized = JSON.stringify(log);
    for (const role of TOKEN_ROLES) assert.ok(!serialized.includes(TOKENS[role].slice(4, 34)), "no token secret in the log");
    const overHttp = await call(sim, "/__simulator/requests");
    assert.equal(overHttp.text.trim(), JSON.stringify(sim.requests));
    assert.equal((await call(sim, "/__simulator/requests", { method: "DELETE" })).status, 204);
    assert.deepEqual(sim.requests, []);
  });
});

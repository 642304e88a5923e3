import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { NetBirdClient, type NetBirdClientOptions } from "../../../src/core/api/client";
import { ApiError, CancelledError } from "../../../src/core/api/errors";
import { DIRECT_NETWORK } from "../../../src/core/api/networkOptions";
import { INVALID_TOKENS, startSimulator, TOKENS, type Simulator } from "../../../simulator/server";

const fastRetry = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 5_000 };

describe("NetBirdClient against the simulator", function () {
  this.timeout(30_000);
  let sim: Simulator;
  const clients: NetBirdClient[] = [];
  const logs: string[] = [];
  const client = (patch: Partial<NetBirdClientOptions> = {}) => {
    const c = new NetBirdClient({
      managementUrl: sim.url,
      userAgent: "NetBirdEvents-VSCode/test",
      retry: fastRetry,
      logger: { debug: (m) => logs.push(m), warn: (m) => logs.push(m) },
      ...patch,
    });
    clients.push(c);
    return c;
  };
  const owner = { token: TOKENS.owner };
  const expectError = async (promise: Promise<unknown>, kind: ApiError["kind"], pattern?: RegExp): Promise<ApiError> => {
    const error = await promise.then(
      () => assert.fail("expected an error"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (pattern) assert.match(error.message, pattern);
    return error;
  };

  before(async () => {
    sim = await startSimulator({ seed: 7, auditCount: 800, trafficCount: 3000 });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sim.close();
    assert.ok(!logs.some((l) => l.includes(TOKENS.owner.slice(4))), "the token never reaches the log");
  });
  beforeEach(() => {
    sim.clearFaults();
    sim.resetLog();
    sim.setDataset({ trafficAvailable: true });
  });

  it("lists audit events with the right headers, newest first", async () => {
    const { events, times } = await client().listAuditEvents(owner);
    assert.equal(events.length, 800);
    assert.deepEqual([...times], events.map((e) => Date.parse(e.timestamp)), "each event's time, read once");
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1]!.timestamp >= events[i]!.timestamp);
    const [request] = sim.requests;
    assert.equal(request?.path, "/api/events/audit");
    assert.equal(request?.auth?.scheme, "Token");
    assert.equal(request?.auth?.sha256, createHash("sha256").update(TOKENS.owner).digest("hex"));
    assert.equal(request?.headers.accept, "application/json");
    assert.equal(request?.headers["user-agent"], "NetBirdEvents-VSCode/test");
  });

  it("sends every traffic query parameter and validates the page", async () => {
    const page = await client().listTrafficEvents({ page: 2, page_size: 50, protocol: 6, direction: "EGRESS", search: "a", start_date: "2020-01-01T00:00:00Z" }, owner);
    assert.equal(page.page, 2);
    assert.equal(page.page_size, 50);
    assert.ok(page.data.every((e) => e.protocol === 6 && e.direction === "EGRESS"));
    assert.deepEqual(sim.requests[0]?.query, { page: "2", page_size: "50", protocol: "6", direction: "EGRESS", search: "a", start_date: "2020-01-01T00:00:00Z" });
  });

  it("keeps unknown fields and the field order of records (raw JSON stays exact)", async () => {
    const { events } = await client().listAuditEvents(owner);
    const served = JSON.parse(sim.dataset.auditBody.toString("utf8")) as unknown[];
    assert.equal(JSON.stringify(events[0]), JSON.stringify(served[0]));
  });

  it("reads the current user and adds the MSP account parameter", async () => {
    const user = await client().getCurrentUser(owner);
    assert.equal(user.role, "owner");
    await client({ account: sim.childAccountId }).listAuditEvents(owner);
    assert.equal(sim.requests.at(-1)?.query.account, sim.childAccountId);
  });

  it("reuses one keep-alive connection", async () => {
    const c = client();
    await c.getCurrentUser(owner);
    await c.getCurrentUser(owner);
    await c.listTrafficEvents({ page_size: 10 }, owner);
    assert.equal(c.stats.requests, 3);
    assert.equal(c.stats.connections, 1);
  });

  describe("errors", () => {
    it("maps bad tokens to unauthorized (401 and 404 invalid token)", async () => {
      for (const token of [INVALID_TOKENS.wrongLength, INVALID_TOKENS.badChecksum, INVALID_TOKENS.badPrefix, INVALID_TOKENS.unknown]) {
        const error = await expectError(client().listAuditEvents({ token }), "unauthorized", /Sign in again/);
        assert.ok(error.isAuthError);
        assert.ok(error.requestId, "the request id is kept");
      }
    });

    it("explains 403: role, blocked, pending approval", async () => {
      await expectError(client().listAuditEvents({ token: TOKENS.user }), "forbidden", /auditor/);
      await expectError(client().listAuditEvents({ token: TOKENS.blocked }), "forbidden", /blocked/);
      await expectError(client().listAuditEvents({ token: TOKENS.pending_approval }), "forbidden", /pending approval/);
    });

    it("says traffic is not available on servers without the route", async () => {
      sim.setDataset({ trafficAvailable: false });
      await expectError(client().listTrafficEvents({}, owner), "notAvailable", /NetBird Cloud/);
    });

    it("shows the server's message for 422", async () => {
      const error = await expectError(client().listTrafficEvents({ page_size: 60_000 }, owner), "invalidRequest", /refused the request: invalid/);
      assert.equal(error.status, 422);
      assert.equal(sim.requests.length, 1, "never retried");
    });

    it("retries 429/502/503/504 and succeeds", async () => {
      for (const status of [429, 502, 503, 504]) {
        sim.resetLog();
        sim.setFaults([{ match: { path: "/api/users/current" }, status, times: 2 }]);
        await client().getCurrentUser(owner);
        assert.equal(sim.requests.length, 3, `three attempts for ${status}`);
      }
    });

    it("gives up after three attempts", async () => {
      sim.setFaults([{ status: 429 }]);
      await expectError(client().getCurrentUser(owner), "rateLimited", /120 requests per minute/);
      assert.equal(sim.requests.length, 3);
      sim.resetLog();
      sim.setFaults([{ status: 503 }]);
      await expectError(client().getCurrentUser(owner), "serverError", /HTTP 503/);
      assert.equal(sim.requests.length, 3);
    });

    it("does not retry 500 and other errors", async () => {
      sim.setFaults([{ status: 500 }]);
      await expectError(client().getCurrentUser(owner), "serverError", /HTTP 500/);
      assert.equal(sim.requests.length, 1);
    });

    it("honours Retry-After", async () => {
      sim.setFaults([{ status: 429, retryAfter: "1", times: 1 }]);
      const started = Date.now();
      await client().getCurrentUser(owner);
      assert.ok(Date.now() - started >= 950, "waited the second the server asked for");
    });

    it("fails at once when Retry-After is longer than it will wait", async () => {
      sim.setFaults([{ status: 429, retryAfter: "120" }]);
      const error = await expectError(client().getCurrentUser(owner), "rateLimited", /Wait 120 s/);
      assert.equal(error.retryAfterSeconds, 120);
      assert.equal(sim.requests.length, 1);
    });

    it("times out waiting for headers and when the body stalls", async () => {
      // Only the timeout under test is short: a busy machine must not trip the others first.
      sim.setFaults([{ delayMs: 2000 }]);
      const headers = { connectMs: 10_000, headersMs: 300, bodyMs: 10_000 };
      await expectError(client({ network: { ...DIRECT_NETWORK, timeouts: headers } }).getCurrentUser(owner), "timeout", /did not answer/);
      sim.setFaults([{ stallAfterBytes: 100 }]);
      const body = { connectMs: 10_000, headersMs: 10_000, bodyMs: 300 };
      await expectError(client({ network: { ...DIRECT_NETWORK, timeouts: body } }).listAuditEvents(owner), "timeout", /stopped sending/);
    });

    it("reports truncated, non-JSON, HTML and wrong-shape bodies as malformed", async () => {
      sim.setFaults([{ truncate: true }]);
      const truncated = await client().listAuditEvents(owner).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(truncated instanceof ApiError && (truncated.kind === "malformedResponse" || truncated.kind === "network"), String(truncated));
      sim.setFaults([{ body: "not-json" }]);
      await expectError(client().listAuditEvents(owner), "malformedResponse", /not valid JSON/);
      sim.setFaults([{ status: 200, body: "html" }]);
      await expectError(client().listAuditEvents(owner), "malformedResponse", /web page/);
      sim.setFaults([{ body: "wrong-shape" }]);
      await expectError(client().listAuditEvents(owner), "malformedResponse", /response\[\d+\]\.\w+: expected/);
      sim.setFaults([{ path: "/api/events/network-traffic", body: "wrong-shape" } as never, { match: { path: "/api/events/network-traffic" }, body: "wrong-shape" }]);
      await expectError(client().listTrafficEvents({}, owner), "malformedResponse", /expected/);
    });

    it("reports a dropped connection as a network error after retrying", async () => {
      sim.setFaults([{ destroy: true }]);
      await expectError(client().getCurrentUser(owner), "network");
      assert.equal(sim.requests.length, 3);
    });

    it("loads a 50 MB response, and refuses one over the size limit", async function () {
      this.timeout(90_000);
      sim.setFaults([{ match: { path: "/api/events/audit" }, body: "huge" }]);
      const { events } = await client().listAuditEvents(owner);
      assert.ok(events.length > 10_000);
      await expectError(client({ maxResponseBytes: 10 * 1024 * 1024 }).listAuditEvents(owner), "malformedResponse", /larger than 10 MB/);
    });

    it("reports a refused connection", async () => {
      const closed = await startSimulator({ auditCount: 1 });
      const url = closed.url;
      await closed.close();
      await expectError(client({ managementUrl: url }).getCurrentUser(owner), "network", /refused the connection/);
    });
  });

  describe("cancellation", () => {
    it("stops a request in flight without an ApiError", async () => {
      sim.setFaults([{ delayMs: 5000 }]);
      const controller = new AbortController();
      const started = Date.now();
      const pending = client().listAuditEvents({ ...owner, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, (e: unknown) => e instanceof CancelledError);
      assert.ok(Date.now() - started < 2000);
    });

    it("stops during a retry wait", async () => {
      sim.setFaults([{ status: 503 }]);
      const controller = new AbortController();
      const pending = client({ retry: { ...fastRetry, baseDelayMs: 5000, maxDelayMs: 5000 } }).getCurrentUser({ ...owner, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(pending, (e: unknown) => e instanceof CancelledError);
    });

    it("never starts when already cancelled", async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(client().getCurrentUser({ ...owner, signal: controller.signal }), (e: unknown) => e instanceof CancelledError);
      assert.equal(sim.requests.length, 0);
    });
  });

  describe("URL safety and redirects", () => {
    it("refuses unsafe URLs before any request", () => {
      assert.throws(() => client({ managementUrl: "http://10.1.2.3" }), (e: unknown) => e instanceof ApiError && e.kind === "urlRefused");
    });

    it("never follows a redirect (the token stays with the configured host)", async () => {
      const hits: string[] = [];
      const server = http.createServer((req, res) => {
        hits.push(`${req.url} ${req.headers.authorization ? "auth" : "none"}`);
        res.writeHead(302, { location: "http://127.0.0.2:9/steal" });
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      try {
        await expectError(client({ managementUrl: `http://127.0.0.1:${port}` }).getCurrentUser(owner), "redirect", /does not follow redirects/);
        assert.deepEqual(hits, ["/api/users/current auth"]);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });
});

// The simulator's fault switches (programmatic and over HTTP) and its control routes.
import * as assert from "node:assert/strict";
import { parseFaults } from "../../simulator/faults";
import { startSimulator, TOKENS, type Simulator } from "../../simulator/server";
import { auditSchemaErrors, specValidators } from "./helpers/openApiSchema";
import { call, NOW } from "./helpers/simulatorKit";

const owner = { token: TOKENS.owner };
const AUDIT = "/api/events/audit";

describe("simulator faults and control routes", function () {
  this.timeout(20_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ seed: 2, now: NOW, auditCount: 400, trafficCount: 300 });
  });
  afterEach(() => sim.clearFaults());
  after(async () => sim?.close());

  it("status with times: fails that many matching requests, then recovers", async () => {
    sim.setFaults([{ match: { path: AUDIT }, status: 503, times: 2, retryAfter: "7" }]);
    const users = await call(sim, "/api/users/current", owner);
    assert.equal(users.status, 200, "other paths are not affected");
    for (let i = 0; i < 2; i++) {
      const reply = await call(sim, AUDIT, owner);
      assert.equal(reply.status, 503);
      assert.deepEqual(reply.json(), { message: "service unavailable", code: 503 });
      assert.equal(reply.headers.get("retry-after"), "7");
      assert.ok(reply.headers.get("x-request-id"));
    }
    assert.equal((await call(sim, AUDIT, owner)).status, 200);
    assert.deepEqual(sim.info().faults, []);
  });

  it("matches by path prefix and method, and takes a custom message", async () => {
    sim.setFaults([{ match: { path: "/api/events", method: "POST" }, status: 500 }, { match: { path: "/api/events" }, status: 429, message: "too many requests" }]);
    const traffic = await call(sim, "/api/events/network-traffic", owner);
    assert.deepEqual([traffic.status, traffic.json()], [429, { message: "too many requests", code: 429 }]);
  });

  it("matches by query parameters, with exactly these values", async () => {
    const traffic = "/api/events/network-traffic";
    sim.setFaults([{ match: { path: traffic, query: { page_size: "5000", page: "2" } }, status: 500 }]);
    assert.equal((await call(sim, `${traffic}?page_size=5000&page=1`, owner)).status, 200);
    assert.equal((await call(sim, `${traffic}?page_size=500&page=2`, owner)).status, 200);
    assert.equal((await call(sim, `${traffic}?page=2&page_size=5000&search=x`, owner)).status, 500);
  });

  it("delayMs holds the headers back", async () => {
    sim.setFaults([{ match: { path: AUDIT }, delayMs: 300, times: 1 }]);
    const started = Date.now();
    const reply = await call(sim, AUDIT, owner);
    assert.equal(reply.status, 200);
    assert.ok(Date.now() - started >= 280, `took ${Date.now() - started} ms`);
  });

  it("hold keeps a request waiting until the faults are next set or cleared", async () => {
    sim.setFaults([{ match: { path: AUDIT }, hold: true, times: 1 }]);
    let answered = false;
    const reply = call(sim, AUDIT, owner).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, false, "held");
    sim.clearFaults();
    assert.equal((await reply).status, 200);
    assert.equal(sim.requests.at(-1)?.status, 200);
  });

  it("a held request the client gives up on is logged as closed without an answer", async () => {
    sim.setFaults([{ match: { path: AUDIT }, hold: true }]);
    await assert.rejects(fetch(`${sim.url}${AUDIT}`, { headers: { authorization: `Token ${TOKENS.owner}` }, signal: AbortSignal.timeout(200) }));
    for (let i = 0; i < 50 && sim.requests.at(-1)?.durationMs === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(sim.requests.at(-1)?.status, 0);
    assert.ok((sim.requests.at(-1)?.durationMs ?? 0) > 0);
    sim.clearFaults();
  });

  it("rejects a hold that is not true or false", () => {
    assert.match(String(parseFaults([{ hold: "yes" }])), /hold is true or false/);
  });

  it("truncate sends valid headers and half the body, then closes the connection", async () => {
    sim.setFaults([{ match: { path: AUDIT }, truncate: true, times: 1 }]);
    const response = await fetch(`${sim.url}${AUDIT}`, { headers: { authorization: `Token ${TOKENS.owner}` } });
    assert.equal(response.status, 200);
    assert.ok(Number(response.headers.get("content-length")) > 1000);
    await assert.rejects(response.text());
    assert.equal((await call(sim, AUDIT, owner)).status, 200, "the next request is fine");
  });

  it("stallAfterBytes sends part of the body, then hangs until the client gives up", async () => {
    sim.setFaults([{ match: { path: AUDIT }, stallAfterBytes: 64, times: 1 }]);
    const controller = new AbortController();
    const response = await fetch(`${sim.url}${AUDIT}`, { headers: { authorization: `Token ${TOKENS.owner}` }, signal: controller.signal });
    assert.equal(response.status, 200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    const timer = setTimeout(() => controller.abort(), 300);
    try {
      await assert.rejects(async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.length;
        }
      }, /abort/i);
    } finally {
      clearTimeout(timer);
    }
    assert.equal(received, 64);
  });

  it("destroy closes the socket without a response", async () => {
    sim.setFaults([{ match: { path: AUDIT }, destroy: true, times: 1 }]);
    await assert.rejects(fetch(`${sim.url}${AUDIT}`, { headers: { authorization: `Token ${TOKENS.owner}` } }), TypeError);
    assert.equal(sim.requests.at(-1)?.status, 0);
  });

  it("body html is a proxy's error page", async () => {
    sim.setFaults([{ match: { path: AUDIT }, body: "html", times: 1 }, { match: { path: "/api/users" }, body: "html", status: 504 }]);
    const reply = await call(sim, AUDIT, owner);
    assert.equal(reply.status, 502);
    assert.equal(reply.headers.get("content-type"), "text/html");
    assert.match(reply.text, /<title>502 Bad Gateway<\/title>/);
    assert.match((await call(sim, "/api/users/current", owner)).text, /504 Gateway Timeout/);
  });

  it("body wrong-shape is valid JSON the schema rejects; not-json is not JSON", async () => {
    sim.setFaults([{ match: { path: "/api/" }, body: "wrong-shape" }]);
    const { auditEvents, trafficPage, user } = specValidators();
    const checks: [string, (data: unknown) => boolean][] = [
      [AUDIT, auditEvents],
      ["/api/events/network-traffic", trafficPage],
      ["/api/users/current", user],
    ];
    for (const [path, validate] of checks) {
      const reply = await call(sim, path, owner);
      assert.equal(reply.status, 200);
      assert.equal(validate(reply.json()), false, path);
    }
    sim.setFaults([{ match: { path: AUDIT }, body: "not-json", status: 200 }]);
    const notJson = await call(sim, AUDIT, owner);
    assert.equal(notJson.headers.get("content-type"), "application/json; charset=UTF-8");
    assert.throws(() => notJson.json());
  });

  it("body huge is a ~50 MB valid response", async () => {
    sim.setFaults([{ match: { path: AUDIT }, body: "huge", times: 1 }]);
    const response = await fetch(`${sim.url}${AUDIT}`, { headers: { authorization: `Token ${TOKENS.owner}` } });
    const length = Number(response.headers.get("content-length"));
    assert.ok(length >= 50 * 1024 * 1024, `${length} bytes`);
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(body.length, length);
    // Every part of the body is the same generator's output: parse the head and the tail (a full parse of
    // 50 MB takes about a second) and check the IDs are fresh.
    const headText = body.subarray(0, 2_000_000).toString("utf8");
    const tailText = body.subarray(body.length - 2_000_000).toString("utf8");
    const head = JSON.parse(`${headText.slice(0, headText.lastIndexOf(',{"activity":'))}]`) as { id: string }[];
    const tail = JSON.parse(`[${tailText.slice(tailText.indexOf('{"activity":'))}`) as { id: string }[];
    assert.ok(head.length > 1000 && tail.length > 1000);
    assert.deepEqual(auditSchemaErrors([...head.slice(0, 300), ...tail.slice(-300)]), []);
    assert.equal(new Set([...head, ...tail].map((e) => e.id)).size, head.length + tail.length);
  });

  it("faults, requests and dataset over HTTP, without auth", async () => {
    const bad = await call(sim, "/__simulator/faults", { method: "POST", body: [{ body: "xml" }] });
    assert.equal(bad.status, 400);
    const badQuery = await call(sim, "/__simulator/faults", { method: "POST", body: [{ match: { query: { page: 2 } } }] });
    assert.equal(badQuery.status, 400);
    const set = await call(sim, "/__simulator/faults", { method: "POST", body: [{ match: { path: AUDIT }, status: 500, times: 1 }] });
    assert.deepEqual(set.json(), { faults: 1 });
    assert.equal((await call(sim, "/__simulator/info")).json<{ faults: unknown[] }>().faults.length, 1);
    assert.equal((await call(sim, "/__simulator/faults", { method: "DELETE" })).status, 204);
    assert.equal((await call(sim, AUDIT, owner)).status, 200);

    sim.setFaults([{ status: 500 }]);
    assert.equal((await call(sim, "/__simulator/info")).status, 200, "faults never touch control routes");
    sim.clearFaults();

    const info = (await call(sim, "/__simulator/dataset", { method: "POST", body: { dataset: "empty" } })).json<{ dataset: string; counts: { auditServed: number } }>();
    assert.deepEqual([info.dataset, info.counts.auditServed], ["empty", 0]);
    assert.equal((await call(sim, AUDIT, owner)).text, "[]\n");
    await call(sim, "/__simulator/dataset", { method: "POST", body: { dataset: "realistic", auditCount: 50, trafficAvailable: false } });
    assert.equal((await call(sim, AUDIT, owner)).json<unknown[]>().length, 50);
    assert.equal((await call(sim, "/api/events/network-traffic", owner)).status, 404);
    assert.equal((await call(sim, "/__simulator/dataset", { method: "POST", body: { dataset: "odd" } })).status, 400);
    const after = (await call(sim, "/__simulator/dataset", { method: "POST", body: { trafficAvailable: true, trafficLoggingEnabled: false } })).json<{
      trafficAvailable: boolean;
      trafficLoggingEnabled: boolean;
      tokens: Record<string, string>;
      url: string;
    }>();
    assert.deepEqual([after.trafficAvailable, after.trafficLoggingEnabled, after.url, after.tokens.owner], [true, false, sim.url, TOKENS.owner]);
    assert.equal((await call(sim, "/api/events/network-traffic", owner)).json<{ total_records: number }>().total_records, 0);
    assert.ok(sim.requests.every((r) => !r.path.startsWith("/__simulator")));
    assert.equal((await call(sim, "/__simulator/nope")).status, 404);
  });
});

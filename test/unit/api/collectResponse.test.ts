import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { collectResponse, type BodyLimit } from "../../../src/core/api/collectResponse";
import { Agent, type Dispatcher } from "../../../src/core/api/undiciParts";

/** A local server whose answer each test sets; counts the connections it accepted. */
describe("collectResponse (a body read straight from undici's parser)", function () {
  this.timeout(15_000);
  let server: http.Server;
  let origin = "";
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => undefined;
  let connections = 0;
  let agent: InstanceType<typeof Agent>;
  const tooLarge = () => new Error("too large");
  const whole = (limit = 1024 * 1024): BodyLimit => ({ limit, truncate: false });
  const get = (limitFor: (status: number) => BodyLimit = () => whole(), signal?: AbortSignal, onProgress?: (n: number) => void) =>
    collectResponse(agent, { origin, path: "/", method: "GET" }, { limitFor, tooLarge, signal, onProgress });

  before(async () => {
    server = http.createServer((req, res) => answer(req, res));
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    agent = new Agent({ keepAliveTimeout: 10_000 });
    connections = 0;
  });
  afterEach(async () => {
    await agent.destroy();
  });

  it("returns status, headers and the whole body, in chunks of any size, and keeps the connection", async () => {
    const parts = ["[", '"é"', ",", "1".repeat(200_000), "]"];
    answer = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-1" });
      for (const part of parts) res.write(part);
      res.end();
    };
    const progress: number[] = [];
    const first = await get(undefined, undefined, (n) => progress.push(n));
    assert.equal(first.status, 200);
    assert.equal(first.headers["x-request-id"], "r-1");
    assert.equal(first.text, parts.join(""));
    assert.equal(progress.at(-1), Buffer.byteLength(parts.join("")));
    // undici frees the socket a turn of the event loop after the end (the client waits for it after its parse).
    await new Promise((resolve) => setImmediate(resolve));
    await get();
    assert.equal(connections, 1, "the second request reused the connection");
  });

  it("reads a body of announced length written in parts, a character split between them, and an error body cut at its limit", async () => {
    const body = Buffer.from(`["${"a".repeat(70_000)}é→😀",${"1".repeat(100_000)}]`, "utf8");
    const splitInsideE = body.indexOf(Buffer.from("é")) + 1;
    answer = (_req, res) => {
      res.writeHead(200, { "content-length": String(body.length) });
      res.write(body.subarray(0, splitInsideE));
      setTimeout(() => res.end(body.subarray(splitInsideE)), 10);
    };
    assert.equal((await get()).text, body.toString("utf8"));
    answer = (_req, res) => {
      res.writeHead(502, { "content-length": String(body.length) });
      res.end(body);
    };
    const error = await get((status) => (status >= 400 ? { limit: 50, truncate: true } : whole()));
    assert.equal(error.text, body.subarray(0, 50).toString("utf8"));
  });

  it("refuses a body over the limit: by its Content-Length before reading, or while a chunked one arrives", async () => {
    answer = (_req, res) => {
      res.writeHead(200, { "content-length": "2000" });
      res.end("x".repeat(2000));
    };
    await assert.rejects(get(() => whole(1000)), /too large/);
    answer = (_req, res) => {
      res.writeHead(200);
      res.write("x".repeat(600));
      setTimeout(() => res.end("y".repeat(600)), 20);
    };
    await assert.rejects(get(() => whole(1000)), /too large/);
  });

  it("settles with the first bytes of an error body without waiting for the rest", async () => {
    answer = (_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.write(`{"message":"${"m".repeat(3000)}`);
      // Never ends: the client must not wait for the rest.
    };
    const response = await get((status) => (status >= 400 ? { limit: 100, truncate: true } : whole()));
    assert.equal(response.status, 500);
    assert.equal(response.text, `{"message":"${"m".repeat(88)}`);
  });

  it("reads the rest of a short redirect or error body to its end, so the connection serves the next request", async () => {
    answer = (req, res) => {
      if (req.url === "/") {
        res.writeHead(302, { location: "https://elsewhere.example/", "content-length": "5000" });
        res.end("r".repeat(5000));
      } else {
        res.writeHead(200);
        res.end("ok");
      }
    };
    const redirect = await get((status) => (status >= 300 ? { limit: 0, truncate: true } : whole()));
    assert.equal(redirect.status, 302);
    assert.equal(redirect.text, "");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await collectResponse(agent, { origin, path: "/next", method: "GET" }, { limitFor: () => whole(), tooLarge });
    assert.equal(next.text, "ok");
    assert.equal(connections, 1);
  });

  it("settles an error response whose body breaks off with what arrived; fails a success body that breaks off", async () => {
    const breakOff = (status: number) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(status, { "content-length": "1000" });
      res.write("partial");
      setTimeout(() => res.destroy(), 20);
    };
    answer = breakOff(502);
    const failed = await get((status) => (status >= 400 ? { limit: 4096, truncate: true } : whole()));
    assert.equal(failed.status, 502);
    assert.equal(failed.text, "partial");
    answer = breakOff(200);
    await assert.rejects(get(), (error: Error) => !/too large/.test(error.message));
  });

  it("stops on the signal: before the request, while waiting for headers, and in the middle of the body", async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    await assert.rejects(get(undefined, cancelled.signal), /cancelled/);
    answer = () => undefined;
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 30);
    await assert.rejects(get(undefined, waiting.signal), /cancelled/);
    answer = (_req, res) => {
      res.writeHead(200);
      res.write("x".repeat(10_000));
      // The rest never comes.
    };
    const midway = new AbortController();
    await assert.rejects(get(undefined, midway.signal, () => midway.abort()), /cancelled/);
  });

  describe("with a dispatcher that hands over any chunks (what undici's parser never does)", () => {
    /** A dispatcher answering 200 with these headers and chunks, synchronously. */
    const scripted = (headers: Record<string, string>, chunks: string[]): Dispatcher =>
      ({
        dispatch(_request: unknown, handler: Dispatcher.DispatchHandler) {
          const controller = { abort: () => undefined, pause: () => undefined, resume: () => undefined, aborted: false, paused: false, reason: null };
          const c = controller as unknown as Dispatcher.DispatchController;
          handler.onRequestStart?.(c, {});
          handler.onResponseStart?.(c, 200, headers, "OK");
          for (const chunk of chunks) handler.onResponseData?.(c, Buffer.from(chunk, "utf8"));
          handler.onResponseEnd?.(c, {});
          return true;
        },
      }) as unknown as Dispatcher;
    const collect = (headers: Record<string, string>, chunks: string[]) =>
      collectResponse(scripted(headers, chunks), { origin: "http://127.0.0.1:1", path: "/", method: "GET" }, { limitFor: () => whole(), tooLarge });

    it("keeps every byte of a body longer than its Content-Length, and reads an announced empty body", async () => {
      assert.equal((await collect({ "content-length": "4" }, ["[1,", "2,3", "]"])).text, "[1,2,3]");
      assert.equal((await collect({ "content-length": "2" }, ["[1,2,3]"])).text, "[1,2,3]");
      assert.equal((await collect({ "content-length": "0" }, [])).text, "");
      assert.equal((await collect({ "content-length": "7" }, ["[1,", "", "2,3]"])).text, "[1,2,3]");
    });
  });
});

import * as assert from "node:assert/strict";
import { NetBirdClient } from "../../../src/core/api/client";
import { ApiError } from "../../../src/core/api/errors";
import { caList } from "../../../src/core/api/dispatcher";
import { DIRECT_NETWORK, type NetworkOptions } from "../../../src/core/api/networkOptions";
import { startSimulator, TOKENS, type Simulator } from "../../../simulator/server";
import { startConnectProxy, type ConnectProxy } from "../../support/connectProxy";
import { startTlsForwarder, type TlsForwarder } from "../../support/tlsForwarder";
import { makeTlsFixture, type TlsFixture } from "../../support/tlsFixtures";

describe("TLS with a private CA and HTTP proxies (real sockets)", function () {
  this.timeout(30_000);
  let sim: Simulator;
  let tls: TlsFixture;
  let server: TlsForwarder;
  const clients: NetBirdClient[] = [];
  const owner = { token: TOKENS.owner };
  const client = (network: Partial<NetworkOptions>, env: Record<string, string> = {}) => {
    const c = new NetBirdClient({
      managementUrl: server.url,
      userAgent: "test",
      network: { ...DIRECT_NETWORK, ...network },
      env,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    });
    clients.push(c);
    return c;
  };

  before(async () => {
    sim = await startSimulator({ auditCount: 50, trafficCount: 50 });
    tls = makeTlsFixture();
    server = await startTlsForwarder(sim.url, tls);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    await sim.close();
    tls.cleanup();
  });

  it("refuses a server whose CA is unknown, with the fix in the message", async () => {
    const error = await client({}).getCurrentUser(owner).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError && error.kind === "tls", String(error));
    assert.match(error.message, /netbird\.http\.caCertificates/);
  });

  it("trusts the server once its CA is added", async () => {
    const user = await client({ extraCaPems: [tls.caPem] }).getCurrentUser(owner);
    assert.equal(user.role, "owner");
  });

  it("still trusts the public roots when a CA is added (the CA is added, not substituted)", () => {
    // The CA list handed to TLS starts with Node's bundled roots.
    const list = caList({ ...DIRECT_NETWORK, extraCaPems: [tls.caPem] }) ?? [];
    assert.ok(list.length > 100);
    assert.equal(list.at(-1), tls.caPem);
  });

  describe("through a CONNECT proxy", () => {
    let proxy: ConnectProxy;
    afterEach(async () => proxy?.close());

    it("tunnels https through http.proxy with Proxy-Authorization", async () => {
      proxy = await startConnectProxy({ requireAuth: "Basic dXNlcjpwYXNz" });
      const user = await client({ proxySupport: "override", proxy: proxy.url, proxyAuthorization: "Basic dXNlcjpwYXNz", extraCaPems: [tls.caPem] }).getCurrentUser(owner);
      assert.equal(user.role, "owner");
      assert.deepEqual(proxy.connects, [new URL(server.url).host]);
    });

    it("uses HTTPS_PROXY from the environment and honours NO_PROXY", async () => {
      proxy = await startConnectProxy();
      await client({ proxySupport: "override", extraCaPems: [tls.caPem] }, { HTTPS_PROXY: proxy.url }).getCurrentUser(owner);
      assert.equal(proxy.connects.length, 1);
      await client({ proxySupport: "override", extraCaPems: [tls.caPem], noProxy: ["127.0.0.1"] }, { HTTPS_PROXY: proxy.url }).getCurrentUser(owner);
      assert.equal(proxy.connects.length, 1, "bypassed for a no-proxy host");
      await client({ proxySupport: "off", proxy: proxy.url, extraCaPems: [tls.caPem] }).getCurrentUser(owner);
      assert.equal(proxy.connects.length, 1, "http.proxySupport off uses no proxy");
    });

    it("explains a proxy that refuses CONNECT", async () => {
      proxy = await startConnectProxy({ refuse: 403 });
      const error = await client({ proxySupport: "override", proxy: proxy.url, extraCaPems: [tls.caPem] }).getCurrentUser(owner).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ApiError && error.kind === "proxy", String(error));
      assert.match(error.message, /proxy refused .* \(HTTP 403\)/);
    });

    it("explains a proxy that is not running", async () => {
      proxy = await startConnectProxy();
      const url = proxy.url;
      await proxy.close();
      const error = await client({ proxySupport: "override", proxy: url, extraCaPems: [tls.caPem] }).getCurrentUser(owner).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ApiError && error.kind === "network", String(error));
      assert.match(error.message, /proxy/);
    });
  });
});

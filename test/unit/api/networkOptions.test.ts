import * as assert from "node:assert/strict";
import { bypassesProxy, DIRECT_NETWORK, proxyFor, redactProxyUrl, splitNoProxy, type NetworkOptions } from "../../../src/core/api/networkOptions";

const withProxy = (patch: Partial<NetworkOptions>): NetworkOptions => ({ ...DIRECT_NETWORK, proxySupport: "override", ...patch });

describe("proxy selection", () => {
  const target = new URL("https://api.netbird.io/api/events/audit");

  it("uses http.proxy first, then the environment", () => {
    assert.equal(proxyFor(target, withProxy({ proxy: "http://proxy:3128" }), { HTTPS_PROXY: "http://env:1" }), "http://proxy:3128");
    assert.equal(proxyFor(target, withProxy({}), { HTTPS_PROXY: "http://env:1" }), "http://env:1");
    assert.equal(proxyFor(target, withProxy({}), { https_proxy: "http://lower:1", HTTPS_PROXY: "http://upper:1" }), "http://lower:1");
    assert.equal(proxyFor(target, withProxy({}), { HTTP_PROXY: "http://plain:1" }), "http://plain:1");
    assert.equal(proxyFor(target, withProxy({}), {}), undefined);
  });

  it("http.proxySupport off disables settings and environment proxies", () => {
    assert.equal(proxyFor(target, withProxy({ proxySupport: "off", proxy: "http://proxy:3128" }), { HTTPS_PROXY: "http://env:1" }), undefined);
  });

  it("honours no-proxy entries", () => {
    const opts = (noProxy: string[]) => withProxy({ proxy: "http://proxy:3128", noProxy });
    assert.equal(proxyFor(target, opts(["netbird.io"]), {}), undefined);
    assert.equal(proxyFor(target, opts([".netbird.io"]), {}), undefined);
    assert.equal(proxyFor(target, opts(["*.netbird.io"]), {}), undefined);
    assert.equal(proxyFor(target, opts(["*"]), {}), undefined);
    assert.equal(proxyFor(target, opts(["api.netbird.io:443"]), {}), undefined);
    assert.equal(proxyFor(target, opts(["api.netbird.io:8443"]), {}), "http://proxy:3128");
    assert.equal(proxyFor(target, opts(["bird.io", "example.com"]), {}), "http://proxy:3128");
  });

  it("matches IPv6 and splits NO_PROXY lists", () => {
    assert.ok(bypassesProxy(new URL("http://[::1]:8080/"), ["::1"]));
    assert.deepEqual(splitNoProxy(" a.com,.b.org  c ,"), ["a.com", ".b.org", "c"]);
  });

  it("never shows proxy credentials", () => {
    assert.equal(redactProxyUrl("http://alice:s3cret@proxy.corp:3128"), "http://****@proxy.corp:3128");
    assert.ok(!redactProxyUrl("http://alice:s3cret@proxy.corp:3128").includes("s3cret"));
    assert.equal(redactProxyUrl("http://proxy.corp:3128/"), "http://proxy.corp:3128");
  });
});

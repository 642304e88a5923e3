import * as assert from "node:assert/strict";
import { ApiError } from "../../../src/core/api/errors";
import { isLoopbackHost, normalizeManagementUrl } from "../../../src/core/api/managementUrl";

describe("management URL safety", () => {
  it("accepts https and normalises trailing slashes and /api", () => {
    assert.equal(normalizeManagementUrl("https://api.netbird.io"), "https://api.netbird.io");
    assert.equal(normalizeManagementUrl(" https://api.netbird.io/ "), "https://api.netbird.io");
    assert.equal(normalizeManagementUrl("https://nb.example.com/api"), "https://nb.example.com");
    assert.equal(normalizeManagementUrl("https://nb.example.com:8443/mgmt/api/"), "https://nb.example.com:8443/mgmt");
  });

  it("allows plain http only on loopback hosts", () => {
    assert.equal(normalizeManagementUrl("http://127.0.0.1:33073"), "http://127.0.0.1:33073");
    assert.equal(normalizeManagementUrl("http://127.8.9.10"), "http://127.8.9.10");
    assert.equal(normalizeManagementUrl("http://localhost:8080/"), "http://localhost:8080");
    assert.equal(normalizeManagementUrl("http://[::1]:9000"), "http://[::1]:9000");
    for (const url of ["http://api.netbird.io", "http://10.0.0.1", "http://192.168.1.10:80", "http://128.0.0.1", "http://localhost.evil.com"]) {
      assert.throws(() => normalizeManagementUrl(url), (e: unknown) => e instanceof ApiError && e.kind === "urlRefused" && /http/.test(e.userMessage), url);
    }
  });

  it("refuses other schemes, credentials, queries and garbage", () => {
    for (const url of ["ftp://api.netbird.io", "file:///etc/passwd", "https://user:pw@api.netbird.io", "https://api.netbird.io/?x=1", "https://api.netbird.io/#a", "not a url", "", "javascript:alert(1)"]) {
      assert.throws(() => normalizeManagementUrl(url), (e: unknown) => e instanceof ApiError && e.kind === "urlRefused", url);
    }
  });

  it("knows loopback hosts", () => {
    assert.ok(isLoopbackHost("127.0.0.1"));
    assert.ok(isLoopbackHost("127.255.255.254"));
    assert.ok(isLoopbackHost("[::1]"));
    assert.ok(isLoopbackHost("LOCALHOST"));
    assert.ok(isLoopbackHost("app.localhost"));
    assert.ok(!isLoopbackHost("127.0.0.1.nip.io"));
    assert.ok(!isLoopbackHost("127.0.0.256"));
    assert.ok(!isLoopbackHost("10.1.2.3"));
  });
});

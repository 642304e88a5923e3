import * as assert from "node:assert/strict";
import { errorFromResponse } from "../../../src/core/api/errors";
import { errorCode, networkError } from "../../../src/core/api/networkErrors";

const target = new URL("https://netbird.example.com/api/events/audit");
const err = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("error messages", () => {
  it("maps connection failures to what to check", () => {
    assert.match(networkError(err("ENOTFOUND"), target, undefined, 30).message, /DNS lookup failed.*netbird\.managementUrl/);
    assert.match(networkError(err("ECONNREFUSED"), target, undefined, 30).message, /refused the connection/);
    assert.match(networkError(err("UND_ERR_CONNECT_TIMEOUT"), target, undefined, 30).message, /did not accept a connection within 30 s/);
    assert.match(networkError(err("UND_ERR_HEADERS_TIMEOUT"), target, "http://p:1", 30).message, /did not answer.*proxy/);
    assert.match(networkError(err("CERT_HAS_EXPIRED"), target, undefined, 30).message, /expired/);
    assert.match(networkError(err("ERR_TLS_CERT_ALTNAME_INVALID"), target, undefined, 30).message, /another host name/);
    assert.match(networkError(err("EPROTO"), target, undefined, 30).message, /does not speak TLS/);
    assert.equal(networkError(err("EWHATEVER"), target, undefined, 30).kind, "network");
  });

  it("finds the code in nested causes", () => {
    const nested = Object.assign(new Error("fetch failed"), { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) });
    assert.equal(errorCode(nested), "ECONNRESET");
  });

  it("maps HTTP statuses to kinds with the request id in the message", () => {
    const base = { serverMessage: undefined, requestId: "req-1", retryAfterSeconds: undefined, origin: target.origin };
    assert.equal(errorFromResponse({ ...base, endpoint: "audit", status: 401 }).kind, "unauthorized");
    assert.equal(errorFromResponse({ ...base, endpoint: "audit", status: 404, serverMessage: "invalid token: pat: abc not found" }).kind, "unauthorized");
    assert.equal(errorFromResponse({ ...base, endpoint: "audit", status: 404 }).kind, "notFound");
    assert.equal(errorFromResponse({ ...base, endpoint: "traffic", status: 404 }).kind, "notAvailable");
    assert.equal(errorFromResponse({ ...base, endpoint: "traffic", status: 400, serverMessage: "bad" }).kind, "invalidRequest");
    assert.equal(errorFromResponse({ ...base, endpoint: "audit", status: 502 }).kind, "serverError");
    assert.match(errorFromResponse({ ...base, endpoint: "audit", status: 500 }).message, /\(request ID req-1\)$/);
  });
});

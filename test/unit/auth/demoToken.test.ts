import * as assert from "node:assert/strict";
import { DEMO_TOKEN_ENV, demoToken } from "../../../src/core/auth/demoToken";

describe("demo sign-in token", () => {
  const token = `nbp_${"a".repeat(36)}`;
  const env = { [DEMO_TOKEN_ENV]: token };

  it("is used for a management URL on a loopback address, once", () => {
    for (const url of ["http://127.0.0.1:43699", "https://[::1]:9000", "http://127.3.2.1"]) {
      assert.equal(demoToken(env, url, false), token, url);
    }
    assert.equal(demoToken({ [DEMO_TOKEN_ENV]: ` ${token}\n` }, "http://127.0.0.1:1", false), token, "trimmed");
    assert.equal(demoToken(env, "http://127.0.0.1:43699", true), undefined, "not again once a demo token was seen (the user may have signed out)");
  });

  it("is never used for another server, a malformed token or none", () => {
    // Names are not addresses: `*.localhost` goes through DNS like any other name.
    for (const url of ["https://api.netbird.io", "https://netbird.example.com", "http://10.0.0.1", "https://127.0.0.1.example.com", "http://localhost:8080", "http://demo.localhost", "not a url"]) {
      assert.equal(demoToken(env, url, false), undefined, url);
    }
    assert.equal(demoToken({}, "http://127.0.0.1:1", false), undefined);
    assert.equal(demoToken({ [DEMO_TOKEN_ENV]: "" }, "http://127.0.0.1:1", false), undefined);
    assert.equal(demoToken({ [DEMO_TOKEN_ENV]: "nbp_short" }, "http://127.0.0.1:1", false), undefined);
    assert.equal(demoToken({ [DEMO_TOKEN_ENV]: `xyz_${"a".repeat(36)}` }, "http://127.0.0.1:1", false), undefined);
  });
});

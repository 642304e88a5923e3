import * as assert from "node:assert/strict";
import { redactSecrets } from "../../src/core/redact";

describe("redaction", () => {
  it("removes PATs, authorization values and URL credentials", () => {
    const pat = "nbp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    const text = `token ${pat} header Authorization: Token ${pat} bearer Bearer eyJhbGciOi.xyz proxy http://bob:pw@proxy:3128`;
    const out = redactSecrets(text);
    assert.ok(!out.includes(pat.slice(4)), out);
    assert.ok(!out.includes("eyJhbGciOi"), out);
    assert.ok(!out.includes("bob:pw"), out);
    assert.match(out, /nbp_\*\*\*\*/);
  });
});

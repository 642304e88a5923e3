import * as assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

type DigestModule = typeof import("../../scripts/failureDigest.mjs", { with: { "resolution-mode": "import" } });

// scripts/ is plain ESM next to the sources; out/test/unit/ is three levels below the root.
const MODULE = pathToFileURL(path.join(__dirname, "..", "..", "..", "scripts", "failureDigest.mjs")).href;

/** The failures section exactly as mocha's spec reporter prints it (from a real run). */
const MOCHA_OUTPUT = [
  "  group one",
  "    ✔ passes",
  "    1) fails with a long message",
  "",
  "  1 passing (9ms)",
  "  2 failing",
  "",
  "  1) group one",
  "       fails with a long message:",
  "",
  "      AssertionError [ERR_ASSERTION]: rows kept after the failure",
  "",
  "1 !== 2",
  "",
  "      at Context.<anonymous> (a.test.js:4:50)",
  "",
  "  2) group one",
  "       [L05] inner",
  "         throws:",
  "     Error: boom",
  "      at Context.<anonymous> (a.test.js:5:56)",
  "      at process.processImmediate (node:internal/timers:483:21)",
  "",
  "",
  "[host] e2e took 98.1 s",
  "e2e: 1 passed, 2 failed",
].join("\n");

describe("npm test's digest of failures (printed after the summary table)", () => {
  let failureDigest: DigestModule["failureDigest"];
  before(async () => {
    ({ failureDigest } = (await import(MODULE)) as DigestModule);
  });

  it("names each failing test by its suites and title, with the error's first lines and no stack", () => {
    assert.deepEqual(failureDigest({ kind: "summary" }, MOCHA_OUTPUT, 1), [
      "1) group one › fails with a long message\n    AssertionError [ERR_ASSERTION]: rows kept after the failure\n    1 !== 2",
      "2) group one › [L05] inner › throws\n    Error: boom",
    ]);
  });

  it("keeps at most the asked number of lines per failure and clips long lines", () => {
    const long = `Error: ${"x".repeat(300)}`;
    const output = `  1 failing\n\n  1) suite\n       test:\n     ${long}\n     second\n     third\n`;
    const [digest] = failureDigest({ kind: "mocha" }, output, 1, 2);
    const lines = digest?.split("\n") ?? [];
    assert.equal(lines.length, 2);
    assert.equal(lines[1]?.trim().length, 200);
    assert.ok(lines[1]?.endsWith("…"));
  });

  it("says so when a stage failed without mocha's summary, and gives a failed step's last lines", () => {
    assert.deepEqual(failureDigest({ kind: "summary" }, "starting\n[host] integration run failed: timed out after 300 s\n", 2, 2), [
      "exited with code 2 without a mocha summary\n    [host] integration run failed: timed out after 300 s",
    ]);
    assert.deepEqual(failureDigest({ kind: "step" }, "a\nb\n\nsrc/x.ts(3,1): error TS1005\nFound 1 error.\n", 2, 2), ["src/x.ts(3,1): error TS1005\n    Found 1 error."]);
  });

  it("reads a test outside any describe, whose title ends its numbered line (real mocha output)", () => {
    const output = ["  0 passing (4ms)", "  1 failing", "", "  1) root test:", "     Error: boom", "      at Context.<anonymous> (a.test.js:1:38)", "      at process.processImmediate (node:internal/timers:483:21)", ""].join("\n");
    assert.deepEqual(failureDigest({ kind: "mocha" }, output, 1), ["1) root test\n    Error: boom"]);
  });

  it("keeps message lines that start with “at” but are no stack frame", () => {
    const output = "  1 failing\n\n  1) suite\n       test:\n     AssertionError: 3 reached the server\n     at least 9 expected\n      at Context.<anonymous> (x.js:1:2)\n";
    assert.deepEqual(failureDigest({ kind: "mocha" }, output, 1), ["1) suite › test\n    AssertionError: 3 reached the server\n    at least 9 expected"]);
  });

  it("gives nothing for a stage that passed", () => {
    assert.deepEqual(failureDigest({ kind: "step" }, "fine\n", 0), []);
    assert.deepEqual(failureDigest({ kind: "mocha" }, "  3 passing (1s)\n", 0), []);
  });
});

// Runs the e2e specs (test/e2e/*.e2e.ts, compiled to out/test/e2e/*.e2e.js) with mocha in plain Node.
// Each spec starts its own simulator + code-server + Chromium (test/e2e/e2eHost.ts). Screenshots of
// failed tests go to test-results/e2e/<spec>/. Prints `e2e: N passed, N failed`.
// Env: MOCHA_GREP, VERBOSE=1, KEEP_RUN=1, NETBIRD_TEST_HOST_HOME. Args: spec files or --grep PATTERN.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { REPO_ROOT } from "../host/paths";
import { HostUnavailableError, installHost, runCleanups } from "../host/processes";
import { summaryLine } from "../host/summary";
import { currentHost } from "./e2eHost";

const STAGE = "e2e";

async function main(): Promise<number> {
  const started = Date.now();
  const args = process.argv.slice(2);
  let grep = process.env.MOCHA_GREP;
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--grep") grep = args[++i];
    else if (args[i] === "--verbose") process.env.VERBOSE = "1";
    else only.push(path.resolve(args[i]!));
  }
  fs.rmSync(path.join(REPO_ROOT, "test-results", "e2e"), { recursive: true, force: true });
  try {
    await installHost();
  } catch (error) {
    console.error(`[e2e] ${error instanceof HostUnavailableError ? "" : "harness error: "}${String(error instanceof Error ? error.message : error)}`);
    console.log(summaryLine(STAGE, 0, 1));
    return 1;
  }

  const mocha = new Mocha({ ui: "bdd", reporter: "spec", timeout: Number(process.env.MOCHA_TIMEOUT) || 120_000, ...(grep ? { grep } : {}) });
  const dir = __dirname;
  // Compiled specs whose .ts is gone (tsc never deletes outputs) are skipped.
  const sources = path.join(REPO_ROOT, "test", "e2e");
  const files =
    only.length > 0
      ? only
      : fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".e2e.js") && fs.existsSync(path.join(sources, f.replace(/\.js$/, ".ts"))))
          .sort()
          .map((f) => path.join(dir, f));
  for (const file of files) mocha.addFile(file);
  // Screenshot every failed test, named after it, into its spec's folder.
  mocha.suite.afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === "failed" && currentHost) {
      await currentHost.workbench.screenshot(`FAILED-${test.title}`).catch(() => undefined);
    }
  });

  let passed = 0;
  let failed = 0;
  try {
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on("pass", () => passed++);
      runner.on("fail", () => failed++);
    });
  } catch (error) {
    console.error(`[e2e] harness error: ${String(error)}`);
    failed = Math.max(failed, 1);
  } finally {
    await runCleanups();
  }
  if (files.length === 0) console.log("[e2e] no spec files found");
  console.log(`[e2e] took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summaryLine(STAGE, passed, failed));
  return failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

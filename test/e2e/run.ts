// Runs the e2e specs (test/e2e/*.e2e.ts, compiled to out/test/e2e/*.e2e.js) with mocha in plain Node.
// The specs share one simulator + code-server + Chromium, reset between specs (test/e2e/e2eHost.ts).
// Screenshots of failed tests go to test-results/e2e/<spec>/. Prints `e2e: N passed, N failed`.
// Env: MOCHA_GREP, VERBOSE=1, KEEP_RUN=1, NETBIRD_TEST_HOST_HOME, NETBIRD_E2E_VSIX.
// Args: spec files, --grep PATTERN.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { REPO_ROOT } from "../host/paths";
import { HostUnavailableError, installHost, runCleanups } from "../host/processes";
import { summaryLine } from "../host/summary";
import { currentHost } from "./e2eHost";

const STAGE = "e2e";

interface Args {
  grep?: string;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--grep") args.grep = argv[++i];
    else if (arg === "--verbose") process.env.VERBOSE = "1";
    else args.files.push(path.resolve(arg));
  }
  return args;
}

/** The compiled specs, sorted; ones whose .ts is gone (tsc never deletes outputs) are left out. */
function specFiles(): string[] {
  const sources = path.join(REPO_ROOT, "test", "e2e");
  return fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".e2e.js") && fs.existsSync(path.join(sources, f.replace(/\.js$/, ".ts"))))
    .sort()
    .map((f) => path.join(__dirname, f));
}

/** Runs specs in this process; returns the counts. */
async function runSpecs(files: string[], grep: string | undefined): Promise<{ passed: number; failed: number }> {
  const mocha = new Mocha({ ui: "bdd", reporter: "spec", timeout: Number(process.env.MOCHA_TIMEOUT) || 120_000, ...(grep ? { grep } : {}) });
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
  }
  return { passed, failed };
}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const files = args.files.length > 0 ? args.files : specFiles();
  fs.rmSync(path.join(REPO_ROOT, "test-results", "e2e"), { recursive: true, force: true });
  let counts = { passed: 0, failed: 0 };
  try {
    await installHost();
    counts = await runSpecs(files, args.grep);
  } catch (error) {
    console.error(`[e2e] ${error instanceof HostUnavailableError ? "" : "harness error: "}${String(error instanceof Error ? error.message : error)}`);
    counts.failed = Math.max(counts.failed, 1);
  } finally {
    await runCleanups();
  }
  if (files.length === 0) console.log("[e2e] no spec files found");
  console.log(`[e2e] took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summaryLine(STAGE, counts.passed, counts.failed));
  return counts.failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

// Runs the e2e specs (test/e2e/*.e2e.ts, compiled to out/test/e2e/*.e2e.js) with mocha in plain Node.
// The specs share one simulator + code-server + Chromium, reset between specs (test/e2e/e2eHost.ts).
// With E2E_JOBS=N (default 1) the specs are dealt round-robin to N worker processes, each with its
// own VS Code, that run side by side (for machines with cores to spare); each worker's output is
// printed in one block when it ends. Screenshots of failed tests go to test-results/e2e/<spec>/.
// Prints `e2e: N passed, N failed`.
// Env: MOCHA_GREP, VERBOSE=1, KEEP_RUN=1, NETBIRD_TEST_HOST_HOME, NETBIRD_E2E_VSIX, E2E_JOBS.
// Args: spec files, --grep PATTERN, --jobs N.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { REPO_ROOT } from "../host/paths";
import { HostUnavailableError, installHost, onCleanup, runCleanups } from "../host/processes";
import { summaryLine } from "../host/summary";
import { currentHost } from "./e2eHost";
import { packageExtension } from "./vsix";

const STAGE = "e2e";
const WORKER_FLAG = "--worker";

interface Args {
  grep?: string;
  files: string[];
  jobs: number;
  /** Set in a worker process: its label, e.g. "1/2". */
  worker?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], jobs: Number(process.env.E2E_JOBS) || 1, ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--grep") args.grep = argv[++i];
    else if (arg === "--jobs") args.jobs = Number(argv[++i]) || 1;
    else if (arg === WORKER_FLAG) args.worker = argv[++i];
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

/** Runs each group of specs in a worker process at the same time; prints each worker's output as it ends. */
async function runWorkers(groups: string[][], args: Args, vsix: string): Promise<{ passed: number; failed: number }> {
  const children = new Set<ChildProcess>();
  onCleanup(async () => {
    for (const child of children) child.kill("SIGTERM");
    while (children.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const results = await Promise.all(
    groups.map(
      (group, i) =>
        new Promise<{ passed: number; failed: number }>((resolve) => {
          const label = `${i + 1}/${groups.length}`;
          const argv = [__filename, WORKER_FLAG, label, ...(args.grep ? ["--grep", args.grep] : []), ...group];
          const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NETBIRD_E2E_VSIX: vsix } });
          children.add(child);
          let output = "";
          child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
          const finish = (code: number | null): void => {
            children.delete(child);
            const names = group.map((f) => path.basename(f, ".e2e.js")).join(", ");
            console.log(`\n── e2e worker ${label}: ${names} ──\n${output.trimEnd()}`);
            const line = [...output.matchAll(new RegExp(`^${STAGE} worker ${label.replace("/", "\\/")}: (\\d+) passed, (\\d+) failed`, "gm"))].at(-1);
            const passed = line ? Number(line[1]) : 0;
            let failed = line ? Number(line[2]) : 0;
            // A crash or a missing summary counts as a failure.
            if (code !== 0 && failed === 0) failed = 1;
            resolve({ passed, failed });
          };
          child.once("close", finish);
          child.once("error", (error) => {
            output += `\n${error.message}`;
            finish(-1);
          });
        }),
    ),
  );
  return results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }), { passed: 0, failed: 0 });
}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const stage = args.worker ? `${STAGE} worker ${args.worker}` : STAGE;
  const files = args.files.length > 0 ? args.files : specFiles();
  if (!args.worker) fs.rmSync(path.join(REPO_ROOT, "test-results", "e2e"), { recursive: true, force: true });
  let counts = { passed: 0, failed: 0 };
  try {
    await installHost();
    const jobs = Math.min(Math.max(1, Math.floor(args.jobs)), files.length);
    if (args.worker || jobs <= 1) {
      counts = await runSpecs(files, args.grep);
    } else {
      const vsix = await packageExtension(); // once, for every worker
      const groups = Array.from({ length: jobs }, (_, i) => files.filter((_, j) => j % jobs === i));
      console.log(`[e2e] ${files.length} spec files in ${jobs} workers side by side (E2E_JOBS=1 for one at a time)`);
      counts = await runWorkers(groups, args, vsix);
    }
  } catch (error) {
    console.error(`[e2e] ${error instanceof HostUnavailableError ? "" : "harness error: "}${String(error instanceof Error ? error.message : error)}`);
    counts.failed = Math.max(counts.failed, 1);
  } finally {
    await runCleanups();
  }
  if (files.length === 0) console.log("[e2e] no spec files found");
  console.log(`[${stage}] took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summaryLine(stage, counts.passed, counts.failed));
  return counts.failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

// Runs the extension-host suite (test/integration, compiled to out/test/integration) inside a real VS Code:
// code-server with the smoke-test driver + headless Chromium. The mocha run() entry is loaded through the
// workbench URL payload (extensionDevelopmentPath/extensionTestsPath), exactly as @vscode/test-electron
// loads it. Prints mocha's output, then `integration: N passed, N failed`; exits non-zero on any failure.
//
// Env: MOCHA_GREP (only tests matching), VERBOSE=1 (workbench logs too), KEEP_RUN=1 (keep the temp run
// folder), NETBIRD_TEST_TIMEOUT (seconds, default 300), NETBIRD_TEST_HOST_HOME (test-host install dir).
import * as fs from "node:fs";
import * as path from "node:path";
import * as util from "node:util";
import type { Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { runDirs, startCodeServer, TEST_SETTINGS } from "./codeServer";
import { EXTENSION_ID, REPO_ROOT, makeRunDir, removeRunDir, verbose } from "./paths";
import { HostUnavailableError, installHost, onCleanup, phaseTimer, runCleanups } from "./processes";
import { simulatorEnvironment, startTestSimulator } from "./simulator";
import { MochaSummary, summaryLine } from "./summary";

const STAGE = "integration";
const TESTS_ENTRY = path.join(REPO_ROOT, "out", "test", "integration", "index");
const RESULTS = path.join(REPO_ROOT, "test-results", "integration");

interface AutomationLog {
  relativePath: string;
  contents: string;
}

interface Outcome {
  /** codeAutomationExit's code, or undefined when the run ended another way. */
  code?: number;
  /** Why the run ended without an exit call (timeout, crash, server death, harness error). */
  problem?: string;
  logs: AutomationLog[];
}

function parseArgs(argv: string[]): void {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--grep" && argv[i + 1] !== undefined) process.env.MOCHA_GREP = argv[++i];
    else if (argv[i]?.startsWith("--grep=")) process.env.MOCHA_GREP = argv[i]!.slice("--grep=".length);
    else if (argv[i] === "--verbose") process.env.VERBOSE = "1";
  }
}

/** Prefix of the suite's own output lines (mocha's report, testLog()); see test/integration/output.ts. */
const OUTPUT_MARKER = "\u2063nbt\u2063";

/** Phase durations, printed as one line at the end. */
const { phase, restart, text } = phaseTimer();

async function runSuite(summary: MochaSummary, transcript: string[]): Promise<Outcome> {
  restart();
  await installHost();
  phase("install check");
  for (const [file, hint] of [
    [path.join(REPO_ROOT, "dist", "extension.js"), "npm run build"],
    [`${TESTS_ENTRY}.js`, "npx tsc -p tsconfig.test.json"],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run ${hint} first`);
  }

  const root = makeRunDir("it");
  onCleanup(() => removeRunDir(root));
  const sim = await startTestSimulator();
  onCleanup(() => sim.close());
  phase("simulator");

  const dirs = runDirs(root);
  const server = await startCodeServer({
    dirs,
    smokeTestDriver: true,
    settings: { ...TEST_SETTINGS, "netbird.managementUrl": sim.url },
  });
  onCleanup(() => server.stop());
  phase("code-server");

  let finish!: (outcome: Outcome) => void;
  const finished = new Promise<Outcome>((resolve) => (finish = resolve));
  let forwarded = "";
  const browser = await launchBrowser({
    root,
    reducedMotion: true,
    // Webviews on an origin of their own, in a renderer process of their own, as in VS Code (webviewOrigin.ts).
    ownWebviewOriginFor: server.origin,
    expose: {
      codeAutomationLog: (type: string, args: unknown[]) => {
        const text = util.format(...(Array.isArray(args) ? args : [args]));
        const fromTests = text.includes(OUTPUT_MARKER);
        const clean = text.split(OUTPUT_MARKER).join("");
        transcript.push(`[${fromTests ? "suite" : "console"}:${type}] ${clean}`);
        // Only the suite's report unless VERBOSE=1; everything is kept in the transcript.
        if (!fromTests && !verbose()) return;
        if (fromTests) {
          summary.feed(clean);
          forwarded += clean;
        }
        const line = fromTests ? clean : `[console:${type}] ${clean}`;
        process.stdout.write(line.endsWith("\n") ? line : `${line}\n`);
      },
      codeAutomationExit: (code: number, logs: AutomationLog[]) => finish({ code, logs: Array.isArray(logs) ? logs : [] }),
    },
  });
  onCleanup(() => browser.close());
  phase("chromium");
  const { page } = browser;
  page.on("crash", () => finish({ problem: "the workbench page crashed", logs: [] }));
  void server.process.exited.then(() => {
    const reason = server.exitReason();
    if (reason) finish({ problem: reason, logs: [] });
  });
  const timeoutSeconds = Number(process.env.NETBIRD_TEST_TIMEOUT) || 300;
  const timer = setTimeout(() => finish({ problem: `timed out after ${timeoutSeconds} s (run() never settled)`, logs: [] }), timeoutSeconds * 1000);

  const extensionEnvironment: Record<string, string> = { ...simulatorEnvironment(sim), NETBIRD_TEST_OUTPUT_MARKER: OUTPUT_MARKER };
  if (process.env.MOCHA_GREP) extensionEnvironment.MOCHA_GREP = process.env.MOCHA_GREP;
  const url = server.workbenchUrl([
    ["extensionDevelopmentPath", server.remoteUri(REPO_ROOT)],
    ["extensionTestsPath", server.remoteUri(TESTS_ENTRY)],
    ["extensionEnvironment", JSON.stringify(extensionEnvironment)],
    ["skipWelcome", "true"],
  ]);
  console.log(`[host] ${EXTENSION_ID} tests in code-server at ${server.origin}, simulator at ${sim.url}`);
  await page.goto(url, { waitUntil: "domcontentloaded" }).catch((error: unknown) => finish({ problem: `navigation failed: ${String(error)}`, logs: [] }));
  const outcome = await finished;
  clearTimeout(timer);
  phase("workbench + suite");
  if (!forwarded.trim() && outcome.code !== 0) {
    outcome.problem ??= "the suite printed nothing (test module failed to load?)";
    // Show the errors the workbench and extension host logged, e.g. "Cannot find module ...".
    if (!verbose()) for (const line of transcript.filter((l) => l.startsWith("[console:error]")).slice(0, 20)) console.error(line);
  }
  if (outcome.code !== 0 || outcome.problem) {
    await saveArtifacts(outcome, transcript, server.logFile, browser.page);
  }
  return outcome;
}

async function saveArtifacts(outcome: Outcome, transcript: string[], serverLog: string | undefined, page: Page | undefined): Promise<void> {
  try {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, "console.log"), transcript.join("\n") + "\n");
    for (const log of outcome.logs) {
      const target = path.join(RESULTS, "workbench-logs", log.relativePath);
      if (!target.startsWith(RESULTS)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, log.contents);
    }
    if (serverLog && fs.existsSync(serverLog)) fs.copyFileSync(serverLog, path.join(RESULTS, "code-server.log"));
    if (page && !page.isClosed()) {
      await page.screenshot({ path: path.join(RESULTS, "failure.png"), timeout: 10_000 }).catch(() => undefined);
    }
    console.log(`[host] logs and screenshot saved in ${path.relative(process.cwd(), RESULTS) || RESULTS}/`);
  } catch (error) {
    console.error(`[host] could not save artefacts: ${String(error)}`);
  }
}

async function main(): Promise<number> {
  parseArgs(process.argv.slice(2));
  fs.rmSync(RESULTS, { recursive: true, force: true });
  const started = Date.now();
  const summary = new MochaSummary();
  const transcript: string[] = [];
  let outcome: Outcome;
  try {
    outcome = await runSuite(summary, transcript);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { problem: error instanceof HostUnavailableError ? message : `harness error: ${message}`, logs: [] };
    if (!(error instanceof HostUnavailableError) && transcript.length > 0) await saveArtifacts(outcome, transcript, undefined, undefined);
  } finally {
    restart();
    await runCleanups();
    phase("cleanup");
  }
  let failed = summary.failing;
  if (outcome.problem) console.error(`[host] ${STAGE} run failed: ${outcome.problem}`);
  if ((outcome.code !== 0 || outcome.problem) && failed === 0) failed = 1;
  console.log(`[host] ${STAGE} took ${((Date.now() - started) / 1000).toFixed(1)} s (${text()})`);
  console.log(summaryLine(STAGE, summary.passing, failed));
  return failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

// `npm run bench`: the performance benchmark in a real VS Code (code-server + Chromium) against the NetBird
// simulator on 127.0.0.1. Prints machine info and a table of every metric (median of N runs with min–max,
// the floor measured in the same run, the ratio and its target) and writes bench/results/latest.{json,md}
// and the README's performance section. See bench/README.md.
//
//   node out/bench/run.js [--runs N] [--only audit,traffic,rapid,memory,export,soak,activation] [--no-readme]
//                         [--webviews-on-workbench-origin] (code-server's default; see bench/lib/session.ts)
// Env: NETBIRD_BENCH_EXTENSION (another extension folder with package.json + dist/), VERBOSE=1, KEEP_RUN=1.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { replaceReadmeSection } from "../scripts/readmeSection";
import { REPO_ROOT, resultsDir } from "../test/host/paths";
import { HostUnavailableError, installHost, runCleanups } from "../test/host/processes";
import { describeMachine, machineInfo } from "./lib/machine";
import { evaluate, markdownReport, readmeSection, summaryTable, type Results } from "./lib/report";
import { startSession, type Session, type WebviewOrigin } from "./lib/session";
import { activationScenario, bundleSizes, REFERENCE_EXTENSION } from "./scenarios/activation";
import { auditScenario } from "./scenarios/audit";
import { agent, type BenchConfig, type Context } from "./scenarios/context";
import { exportScenario } from "./scenarios/export";
import { memoryScenario } from "./scenarios/memory";
import { rapidScenario } from "./scenarios/requests";
import { soakScenario } from "./scenarios/soak";
import { openPanel, trafficScenario } from "./scenarios/traffic";

const ALL = ["audit", "traffic", "rapid", "memory", "export", "soak", "activation"] as const;
type Scenario = (typeof ALL)[number];

interface Args {
  runs: number;
  only: Set<Scenario>;
  readme: boolean;
  webviewOrigin: WebviewOrigin;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 6, only: new Set(ALL), readme: true, webviewOrigin: "own" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i] ?? "");
    if (a.startsWith("--runs")) args.runs = Math.max(1, Number(value()) || 6);
    else if (a.startsWith("--only")) {
      const names = value().split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
      if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(", ")}; known: ${ALL.join(", ")}`);
      args.only = new Set(names as Scenario[]);
    } else if (a === "--no-readme") args.readme = false;
    else if (a === "--verbose") process.env.VERBOSE = "1";
    else if (a === "--webviews-on-workbench-origin") args.webviewOrigin = "workbench";
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function mainSession(args: Args, config: BenchConfig, extensionPath: string, results: Results): Promise<void> {
  const wanted = (s: Scenario) => args.only.has(s);
  if (!["audit", "traffic", "rapid", "memory", "export", "soak"].some((s) => wanted(s as Scenario))) return;
  log("starting the simulator, code-server and Chromium with the bench agent in the extension host");
  const session: Session = await startSession({
    extensionPath,
    resultsDir: resultsDir("bench"),
    // The simulator's clock runs 15 minutes ahead, so no flow leaves the "last 7 days" window during the run.
    simulator: { seed: 1, now: Date.now() + 15 * 60_000, auditCount: config.auditCount, trafficCount: config.trafficCount },
    settings: { "netbird.auditEvents.autoRefreshInterval": 0 },
    webviewOrigin: args.webviewOrigin,
  });
  const ctx: Context = { config, session, log };
  try {
    await session.workbench.openNetBirdContainer();
    const setup = await agent<{ signedIn: string; node: string; focused: boolean }>(ctx, "setup");
    results.machine.extensionHostNode = setup.node;
    log(`signed in (${setup.signedIn}); extension host Node ${setup.node}; window focused: ${setup.focused}`);
    const statsStart = await agent<{ requests: number; connections: number }>(ctx, "clientStats");
    const attempt = async (name: Scenario, fn: () => Promise<void>) => {
      if (!wanted(name)) return;
      const started = Date.now();
      log(`— ${name}`);
      try {
        await fn();
        log(`  ${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        results.skipped[name] = `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        console.error(`[bench] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await session.page.screenshot({ path: path.join(resultsDir("bench"), `${name}-failed.png`) }).catch(() => undefined);
      }
    };
    await attempt("audit", async () => {
      results.audit = await auditScenario(ctx);
    });
    await attempt("traffic", async () => {
      results.traffic = await trafficScenario(ctx);
    });
    await attempt("export", async () => {
      results.exports = await exportScenario(ctx);
    });
    // Keep-alive reuse over the ordinary scenarios (before the ones that abandon connections on purpose).
    const statsMid = await agent<{ requests: number; connections: number }>(ctx, "clientStats");
    if (statsMid.requests > statsStart.requests) {
      results.reuse = { requests: statsMid.requests - statsStart.requests, connections: statsMid.connections - statsStart.connections };
    }
    await attempt("rapid", async () => {
      if (!ctx.webview) await openPanel(ctx);
      results.rapid = await rapidScenario(ctx);
    });
    await attempt("memory", async () => {
      const auditBytes = results.audit?.bytes ?? Buffer.byteLength(session.sim.dataset.auditBody);
      const big = Math.max(...config.pageSizes);
      const trafficBytes = results.traffic?.sizes.find((s) => s.pageSize === big)?.bytes;
      if (!trafficBytes) throw new Error("needs the traffic scenario (for the size of the page's JSON)");
      if (!ctx.webview) await openPanel(ctx);
      results.memory = await memoryScenario(ctx, auditBytes, trafficBytes, big);
    });
    await attempt("soak", async () => {
      results.soak = await soakScenario(ctx);
    });
  } finally {
    await session.close();
  }
}

async function activationSession(args: Args, extensionPath: string, results: Results): Promise<void> {
  if (!args.only.has("activation")) return;
  log("— activation: starting code-server and Chromium without the agent");
  const session = await startSession({ extensionPath, agent: false, resultsDir: resultsDir("bench"), alsoInstall: [REFERENCE_EXTENSION], webviewOrigin: args.webviewOrigin });
  try {
    results.activation = await activationScenario(session, args.runs, log);
  } catch (error) {
    results.skipped.activation = `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    console.error(`[bench] activation failed: ${String(error)}`);
    await session.page.screenshot({ path: path.join(resultsDir("bench"), "activation-failed.png") }).catch(() => undefined);
  } finally {
    await session.close();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const extensionPath = path.resolve(process.env.NETBIRD_BENCH_EXTENSION || REPO_ROOT);
  const config: BenchConfig = {
    runs: args.runs,
    auditCount: 12_000,
    trafficCount: 50_000,
    // A relative start: every query has a new start_date, so no page comes from the panel's page cache.
    trafficFrom: "last7d",
    pageSizes: [100, 1_000, 50_000],
  };
  await installHost();
  const results: Results = { machine: machineInfo(args.webviewOrigin), config, skipped: {}, targets: [], durationSeconds: 0 };
  console.log(`[bench] machine:\n${describeMachine(results.machine).replace(/^/gm, "        ")}`);
  if (results.machine.loadStart[0]! > results.machine.cores * 0.5) {
    log(`note: the machine is busy (load average ${results.machine.loadStart[0]} on ${results.machine.cores} cores); ratios stay comparable, absolute times do not`);
  }
  results.bundle = bundleSizes(extensionPath);
  if (!results.bundle.production) log("note: dist/ is a development build (source maps present); `npm run bench` builds the production bundles first");
  for (const s of ALL) if (!args.only.has(s)) results.skipped[s] = "not selected (--only)";
  try {
    await mainSession(args, config, extensionPath, results);
    await activationSession(args, extensionPath, results);
  } finally {
    await runCleanups();
  }
  results.machine.loadEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  results.durationSeconds = (Date.now() - started) / 1000;
  results.targets = evaluate(results);

  console.log("");
  console.log(describeMachine(results.machine));
  console.log("");
  console.log(summaryTable(results.targets, "text"));
  console.log("");
  // A full run is the one to keep (bench/results/latest.*); a partial one (--only) goes to test-results/.
  const complete = args.only.size === ALL.length;
  const dir = complete ? path.join(REPO_ROOT, "bench", "results") : resultsDir("bench");
  const base = complete ? "latest" : "partial";
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${base}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${base}.md`), markdownReport(results));
  log(`results: ${path.relative(REPO_ROOT, path.join(dir, base))}.json and .md`);
  if (complete && args.readme) {
    const readmePath = path.join(REPO_ROOT, "README.md");
    fs.writeFileSync(readmePath, replaceReadmeSection(fs.readFileSync(readmePath, "utf8"), "performance", readmeSection(results)));
    log("README.md performance section updated");
  }
  const missed = results.targets.filter((t) => t.met === false);
  const failed = Object.entries(results.skipped).filter(([, v]) => v.startsWith("failed"));
  log(`${results.targets.filter((t) => t.met === true).length} targets met, ${missed.length} missed${failed.length ? `, ${failed.length} scenario(s) failed` : ""}; took ${results.durationSeconds.toFixed(0)} s`);
  return failed.length ? 1 : 0;
}

void main()
  .catch(async (error: unknown) => {
    console.error(`[bench] ${error instanceof HostUnavailableError ? "" : "error: "}${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await runCleanups();
    return 1;
  })
  .then((code) => process.exit(code));

// The user-visible VS Code the e2e specs drive: the NetBird simulator, code-server WITHOUT the smoke-test
// driver (toasts and dialogs as a user sees them) with the packaged .vsix installed, and Chromium.
// Loading the workbench is most of what a host costs, so specs share one: a spec's startE2eHost() takes
// over the running host after putting it back to a fresh start (quick input closed, editors closed,
// notifications cleared, filter cleared, signed out, the simulator rebuilt with the spec's data and no
// faults). A spec that asks for other user settings, or finds the page crashed, gets a new host.
//
//   let host: E2eHost;
//   before(async () => { host = await startE2eHost({ name: "sign-in" }); });
//   after(async () => { await host?.close(); });   // hands the host on; the last one closes with the run
//   it("…", async () => { await host.workbench.openNetBirdContainer(); … });
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, type BrowserSession } from "../host/browser";
import { installVsix, runDirs, startCodeServer, TEST_SETTINGS, type CodeServer, type RunDirs } from "../host/codeServer";
import { EXTENSION_ID, makeRunDir, removeRunDir, resultsDir } from "../host/paths";
import { onCleanup, phaseTimer } from "../host/processes";
import { controlUrl, startTestSimulator, type Simulator, type SimulatorOptions } from "../host/simulator";
import { datasetOptions } from "../../simulator/server";
import { SimulatorControl } from "../integration/simulatorControl";
import { packageExtension } from "./vsix";
import { Workbench } from "./workbench";

export interface E2eHostOptions {
  /** Folder name for screenshots: test-results/e2e/<name>/. Usually the spec's name. */
  name: string;
  /** Simulator options (dataset, seed, counts, …); `false` starts none. */
  simulator?: SimulatorOptions | false;
  /** Extra user settings (netbird.managementUrl already points at the simulator). */
  settings?: Record<string, unknown>;
  /** Wait for the workbench and the NetBird activity-bar entry before returning (default true). */
  waitForReady?: boolean;
}

export interface E2eHost {
  page: Page;
  context: BrowserContext;
  workbench: Workbench;
  server: CodeServer;
  dirs: RunDirs;
  /** The simulator object itself (setFaults, setDataset, requests, …); undefined with `simulator: false`. */
  simulator?: Simulator;
  /** The same simulator through its HTTP control routes (`/__simulator/*`), as integration tests use it. */
  control?: SimulatorControl;
  /** Requests the browser tried to send off the machine (all aborted). */
  blockedRequests: string[];
  /** Ends the spec's use of the host (the host itself stays for the next spec, and closes with the run's cleanups). */
  close(): Promise<void>;
}

interface RunningHost {
  host: E2eHost;
  /** The user settings it was started with (JSON). */
  settingsKey: string;
  shutdown(): Promise<void>;
}

let running: RunningHost | undefined;

/** The host of the spec that is running, used by the runner to screenshot failed tests. */
export let currentHost: E2eHost | undefined;

/** A host for a spec: the running one put back to a fresh start, or a new one. */
export async function startE2eHost(options: E2eHostOptions): Promise<E2eHost> {
  const settingsKey = JSON.stringify(options.settings ?? {});
  if (running && canTakeOver(running, options, settingsKey)) {
    const started = Date.now();
    try {
      const host = await takeOver(running.host, options);
      console.log(`[e2e] ${options.name}: took over the running VS Code (reset in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return host;
    } catch (error) {
      console.log(`[e2e] ${options.name}: could not reset the running VS Code (${String(error).split("\n")[0]}); starting a new one`);
    }
  }
  await closeRunningHost();
  const fresh = await launchHost(options);
  running = { host: fresh.host, settingsKey, shutdown: fresh.shutdown };
  return fresh.host;
}

/** Whether the running host can serve the spec: the same settings, and simulator options setDataset can apply. */
function canTakeOver(current: RunningHost, options: E2eHostOptions, settingsKey: string): boolean {
  if (options.simulator === false || !current.host.simulator || current.settingsKey !== settingsKey || current.host.page.isClosed()) return false;
  const switchable = Object.keys(datasetOptions({}));
  return Object.keys(options.simulator ?? {}).every((key) => switchable.includes(key));
}

/** Closes the running host (code-server, Chromium, simulator, run folder) before another one starts. */
async function closeRunningHost(): Promise<void> {
  const closing = running;
  running = undefined;
  if (currentHost === closing?.host) currentHost = undefined;
  await closing?.shutdown();
}

/** Puts a running host back to a fresh start for the next spec. */
async function takeOver(previous: E2eHost, options: E2eHostOptions): Promise<E2eHost> {
  const { page } = previous;
  const simulator = previous.simulator!;
  simulator.clearFaults();
  simulator.setDataset(datasetOptions(options.simulator || {}));
  const workbench = new Workbench(page, resultsDir("e2e", options.name));
  for (let i = 0; i < 3 && (await page.locator(".quick-input-widget").isVisible()); i++) await page.keyboard.press("Escape");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: 5_000 });
  const commands = await workbench.paletteCommands("NetBird:");
  if (commands.includes("NetBird: Clear Audit Events Filter")) await workbench.runCommand("NetBird: Clear Audit Events Filter");
  if (commands.includes("NetBird: Sign Out")) await workbench.runCommand("NetBird: Sign Out");
  await workbench.runCommand("View: Close All Editors");
  await workbench.runCommand("Notifications: Clear All Notifications");
  const left = await workbench.paletteCommands("NetBird:");
  if (left.includes("NetBird: Sign Out") || left.includes("NetBird: Clear Audit Events Filter")) throw new Error(`still signed in or filtered: ${left.join(", ")}`);
  simulator.resetLog();
  const host: E2eHost = { ...previous, workbench, close: async () => release(host) };
  currentHost = host;
  return host;
}

async function release(host: E2eHost): Promise<void> {
  if (currentHost === host) currentHost = undefined;
  // A crashed or closed page is no use to the next spec.
  if (running && host.page.isClosed()) await closeRunningHost();
}

async function launchHost(options: E2eHostOptions): Promise<{ host: E2eHost; shutdown: () => Promise<void> }> {
  const { phase, text: phases } = phaseTimer();
  const vsix = await packageExtension();
  phase("package");
  const root = makeRunDir("e2e");
  const closers: Array<() => Promise<void> | void> = [() => removeRunDir(root)];
  let closed = false;
  /** Registers a resource's closer; after close() (e.g. Ctrl-C while starting) it runs at once. */
  const track = (closer: () => Promise<void> | void): void => {
    if (closed) void Promise.resolve().then(closer).catch(() => undefined);
    else closers.push(closer);
  };
  const close = async (): Promise<void> => {
    closed = true;
    while (closers.length > 0) {
      try {
        await closers.pop()!();
      } catch (error) {
        console.error(`[e2e] cleanup failed: ${String(error)}`);
      }
    }
  };
  onCleanup(close); // also on Ctrl-C / SIGTERM, when mocha's after() hooks never run
  try {
    const simulator = options.simulator === false ? undefined : await startTestSimulator(options.simulator);
    if (simulator) track(() => simulator.close());
    const dirs = runDirs(root);
    await installVsix(dirs, vsix);
    phase("install");
    const server = await startCodeServer({
      dirs,
      smokeTestDriver: false,
      settings: { ...TEST_SETTINGS, ...(simulator ? { "netbird.managementUrl": simulator.url } : {}), ...options.settings },
    });
    track(() => server.stop());
    phase("code-server");
    // Webviews on an origin of their own, in a renderer process of their own, as in VS Code (webviewOrigin.ts).
    const browser: BrowserSession = await launchBrowser({ root, reducedMotion: true, ownWebviewOriginFor: server.origin });
    track(() => browser.close());
    phase("chromium");
    const { page } = browser;
    page.on("crash", () => console.error("[e2e] the workbench page crashed"));
    const workbench = new Workbench(page, resultsDir("e2e", options.name));
    await page.goto(server.workbenchUrl([["skipWelcome", "true"]]), { waitUntil: "domcontentloaded" });
    if (options.waitForReady !== false) await workbench.waitForReady();
    phase("workbench");
    console.log(`[e2e] ${options.name}: host ready (${phases()})`);
    const host: E2eHost = {
      page,
      context: browser.context,
      workbench,
      server,
      dirs,
      blockedRequests: browser.blocked,
      close: async () => release(host),
      ...(simulator ? { simulator, control: new SimulatorControl(controlUrl(simulator)) } : {}),
    };
    currentHost = host;
    return { host, shutdown: close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The folder of the installed extension inside a run (to check what the .vsix put there). */
export function installedExtensionDir(dirs: RunDirs, version: string): string {
  return path.join(dirs.extensions, `${EXTENSION_ID}-${version}`);
}

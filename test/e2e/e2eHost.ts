// One user-visible VS Code per spec file: the NetBird simulator, code-server WITHOUT the smoke-test
// driver (toasts and dialogs as a user sees them) with the packaged .vsix installed, and Chromium.
//
//   let host: E2eHost;
//   before(async () => { host = await startE2eHost({ name: "sign-in" }); });
//   after(async () => { await host?.close(); });
//   it("…", async () => { await host.workbench.openNetBirdContainer(); … });
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, type BrowserSession } from "../host/browser";
import { installVsix, runDirs, startCodeServer, type CodeServer, type RunDirs } from "../host/codeServer";
import { makeRunDir, removeRunDir, resultsDir } from "../host/paths";
import { onCleanup } from "../host/processes";
import { startTestSimulator, type Simulator, type SimulatorOptions } from "../host/simulator";
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
  close(): Promise<void>;
}

/** The host of the spec that is running, used by the runner to screenshot failed tests. */
export let currentHost: E2eHost | undefined;

export async function startE2eHost(options: E2eHostOptions): Promise<E2eHost> {
  const vsix = await packageExtension();
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
    const server = await startCodeServer({
      dirs,
      smokeTestDriver: false,
      settings: { ...(simulator ? { "netbird.managementUrl": simulator.url } : {}), ...options.settings },
    });
    track(() => server.stop());
    const browser: BrowserSession = await launchBrowser({ root });
    track(() => browser.close());
    const { page } = browser;
    page.on("crash", () => console.error("[e2e] the workbench page crashed"));
    const workbench = new Workbench(page, resultsDir("e2e", options.name));
    await page.goto(server.workbenchUrl([["skipWelcome", "true"]]), { waitUntil: "domcontentloaded" });
    if (options.waitForReady !== false) await workbench.waitForReady();
    const host: E2eHost = {
      page,
      context: browser.context,
      workbench,
      server,
      dirs,
      blockedRequests: browser.blocked,
      close: async () => {
        if (currentHost === host) currentHost = undefined;
        await close();
      },
      ...(simulator ? { simulator, control: new SimulatorControl(`${simulator.url}/__simulator`) } : {}),
    };
    currentHost = host;
    return host;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The folder of the installed extension inside a run (to check what the .vsix put there). */
export function installedExtensionDir(dirs: RunDirs, version: string): string {
  return path.join(dirs.extensions, `netbird-events.netbird-events-${version}`);
}

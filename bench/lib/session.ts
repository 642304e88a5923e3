// One benchmark session: the NetBird simulator (in this process), code-server with the smoke-test driver
// (so the workbench loads the extension from its folder and the bench agent as `extensionTestsPath`), and
// headless Chromium. Built from the test harness (test/host/*, test/e2e/workbench.ts); always cleaned up.
import * as fs from "node:fs";
import * as path from "node:path";
import * as util from "node:util";
import type { Page } from "playwright-core";
import { launchBrowser } from "../../test/host/browser";
import { runDirs, startCodeServer, type CodeServer } from "../../test/host/codeServer";
import { makeRunDir, removeRunDir, verbose } from "../../test/host/paths";
import { onCleanup } from "../../test/host/processes";
import { simulatorEnvironment, startTestSimulator, type Simulator, type SimulatorOptions } from "../../test/host/simulator";
import { Workbench } from "../../test/e2e/workbench";
import { AgentLink } from "./agentLink";


export interface SessionOptions {
  /** Folder of the extension to load (package.json + dist/); default the repository. */
  extensionPath: string;
  simulator?: SimulatorOptions;
  settings?: Record<string, unknown>;
  /** Load the bench agent into the extension host (default true). */
  agent?: boolean;
  /** Where workbench screenshots go on failure. */
  resultsDir: string;
  /** Folders of more extensions to install beside it, as a user would (e.g. the activation reference). */
  alsoInstall?: readonly string[];
  /**
   * Where webviews come from: their own origin, in a renderer process of their own, as in VS Code (the default), or
   * code-server's own choice, the workbench's origin, which shares the workbench's main thread and heap.
   */
  webviewOrigin?: WebviewOrigin;
}

export type WebviewOrigin = "own" | "workbench";

export interface Session {
  sim: Simulator;
  server: CodeServer;
  page: Page;
  workbench: Workbench;
  /** Undefined without the agent. */
  link?: AgentLink;
  /** The workbench URL of this session (for reloads). */
  url: string;
  /** Asks the agent to end its run(), then stops the browser, code-server and the simulator. */
  close(): Promise<void>;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const closers: Array<() => Promise<void> | void> = [];
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    while (closers.length) {
      try {
        await closers.pop()!();
      } catch (error) {
        console.error(`[bench] cleanup step failed: ${String(error)}`);
      }
    }
  };
  onCleanup(close);
  try {
    const root = makeRunDir("bench");
    closers.push(() => removeRunDir(root));
    const sim = await startTestSimulator(options.simulator);
    closers.push(() => sim.close());
    let link: AgentLink | undefined;
    if (options.agent !== false) {
      link = await AgentLink.start((line) => console.log(`        [agent] ${line}`));
      const l = link;
      closers.push(() => l.close());
    }
    const dirs = runDirs(root);
    for (const folder of options.alsoInstall ?? []) {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as { publisher: string; name: string; version: string };
      fs.cpSync(folder, path.join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
    }
    const server = await startCodeServer({ dirs, smokeTestDriver: true, settings: { "netbird.managementUrl": sim.url, ...options.settings } });
    closers.push(() => server.stop());
    const browser = await launchBrowser({
      root,
      ...(options.webviewOrigin === "workbench" ? {} : { ownWebviewOriginFor: server.origin }),
      expose: {
        codeAutomationLog: (type: string, args: unknown[]) => {
          if (verbose()) console.log(`[console:${type}] ${util.format(...(Array.isArray(args) ? args : [args]))}`);
        },
        codeAutomationExit: (code: number) => {
          link?.fail(`the extension host ended the bench agent (exit ${code})`);
        },
      },
    });
    closers.push(() => browser.close());
    const { page } = browser;
    page.on("crash", () => link?.fail("the workbench page crashed"));
    void server.process.exited.then(() => {
      const reason = server.exitReason();
      if (reason) link?.fail(reason);
    });
    const payload: Array<[string, string]> = [["extensionDevelopmentPath", server.remoteUri(options.extensionPath)], ["skipWelcome", "true"]];
    if (link) {
      // Inside the extension's folder, so `require("vscode")` in the agent gets the extension's own API
      // object (VS Code gives each extension its own): window stubs and the test API then reach it.
      const agentEntry = path.join(options.extensionPath, "out", "bench", "host", "agent");
      if (!fs.existsSync(`${agentEntry}.js`)) throw new Error(`${agentEntry}.js is missing: run npx tsc -p tsconfig.test.json`);
      payload.push(["extensionTestsPath", server.remoteUri(agentEntry)]);
      payload.push(["extensionEnvironment", JSON.stringify({ ...simulatorEnvironment(sim), NETBIRD_BENCH_RPC: link.url })]);
    }
    const url = server.workbenchUrl(payload);
    const workbench = new Workbench(page, options.resultsDir);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    await workbench.waitForReady(120_000);
    if (link) {
      await Promise.race([
        link.ready,
        new Promise((_, reject) => setTimeout(() => reject(new Error("the bench agent did not start within 120 s")), 120_000)),
      ]);
      // First thing on close: ask the extension-host agent to end its run(), before the server and browser stop.
      const l = link;
      closers.push(() => l.call("exit", {}, 10_000).then(() => undefined, () => undefined));
    }
    return { sim, server, page, workbench, link, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs a bench tool's main(): exit code 0 when it resolves, 1 (with the error printed) when it throws. */
export function runTool(main: () => Promise<void>): void {
  void main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

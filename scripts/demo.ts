// `npm run demo`: the whole extension working, offline, in a few minutes.
//   1. starts the project's NetBird simulator with a realistic account (thousands of audit events over
//      weeks, tens of thousands of flows) on 127.0.0.1;
//   2. packages the extension (.vsix) and installs it into a fresh code-server (a real VS Code in the
//      browser, the same offline host the tests use), pointed at the simulator;
//   3. prints the URL to open: the extension there is signed in with the simulator's owner token (passed in
//      NETBIRD_EVENTS_DEMO_TOKEN, used only for a management URL on this machine); other roles' tokens too.
// With `--code` it starts your local `code` binary instead (extension loaded from this folder with
// --extensionDevelopmentPath, separate user data). Ctrl-C stops everything it started.
// Options: --port N (simulator port), --seed N, --audit-count N, --traffic-count N, --code.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startSimulator, TOKENS } from "../simulator/server";
import { DEMO_TOKEN_ENV } from "../src/core/auth/demoToken";
import { installVsix, runDirs, startCodeServer } from "../test/host/codeServer";
import { makeRunDir, removeRunDir, REPO_ROOT } from "../test/host/paths";
import { installHost, onCleanup, runCleanups } from "../test/host/processes";
import { packageExtension } from "../test/e2e/vsix";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const numberOption = (name: string, fallback: number) => {
  const value = Number(option(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

async function main(): Promise<void> {
  const simulator = await startSimulator({
    port: option("port") ? numberOption("port", 0) : undefined,
    seed: numberOption("seed", 2026),
    auditCount: numberOption("audit-count", 6000),
    trafficCount: numberOption("traffic-count", 40000),
  });
  onCleanup(() => simulator.close());
  const info = simulator.info();
  console.log(`[demo] NetBird simulator: ${simulator.url} (${info.counts.auditServed} audit events, ${info.counts.traffic} traffic flows)`);

  const root = makeRunDir("demo");
  onCleanup(() => removeRunDir(root));
  const settings = { "netbird.managementUrl": simulator.url };

  if (process.argv.includes("--code")) {
    await startLocalCode(root, settings);
  } else {
    await installHost();
    const dirs = runDirs(root);
    console.log("[demo] packaging the extension…");
    await installVsix(dirs, await packageExtension());
    const server = await startCodeServer({
      dirs,
      smokeTestDriver: false,
      settings: { ...settings, "workbench.colorTheme": "Default Dark Modern" },
      env: { [DEMO_TOKEN_ENV]: TOKENS.owner },
    });
    onCleanup(() => server.stop());
    console.log(`\n  Open:        ${server.workbenchUrl()}`);
  }
  console.log(`  Demo token:  ${TOKENS.owner} (VS Code signs in with it by itself; after "NetBird: Sign Out", sign in again with it)`);
  console.log("  In VS Code:  click the NetBird icon in the activity bar: the Audit Events view; F1 → \"NetBird: Browse Traffic Events\" for the traffic panel.");
  console.log("  Other roles: " + Object.entries(TOKENS).filter(([role]) => role !== "owner").map(([role, token]) => `${role} ${token}`).join(", "));
  console.log("\n  Ctrl-C stops the simulator and VS Code.\n");
  await new Promise<void>(() => undefined);
}

/** Starts the local `code` with this folder as a development extension and its own user data. */
async function startLocalCode(root: string, settings: Record<string, string>): Promise<void> {
  const userData = path.join(root, "user-data");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
  const child = spawn("code", ["--new-window", "--wait", `--user-data-dir=${userData}`, `--extensions-dir=${path.join(root, "extensions")}`, `--extensionDevelopmentPath=${REPO_ROOT}`], {
    stdio: "inherit",
    env: { ...process.env, [DEMO_TOKEN_ENV]: TOKENS.owner },
  });
  child.once("error", (error) => {
    console.error(`[demo] could not start the local "code" command (${error.message}); run without --code to use the bundled test host`);
    void runCleanups().finally(() => process.exit(1));
  });
  child.once("exit", () => void runCleanups().finally(() => process.exit(0)));
  onCleanup(() => {
    child.kill();
  });
  console.log("\n  Started your local VS Code with the extension from this folder.");
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  void runCleanups().finally(() => process.exit(1));
});

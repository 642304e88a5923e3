// `npm run test:electron`: the same extension-host suite (out/test/integration/index) in desktop VS Code
// through @vscode/test-electron, with the NetBird simulator started the same way as for code-server.
// Needs internet (it downloads VS Code from Microsoft's update servers) and, on a headless Linux, a
// display: `xvfb-run -a npm run test:electron`. Offline, use `npm run test:integration` (code-server).
// Env: VSCODE_TEST_VERSION (default "stable"; e.g. "1.95.0" for the engines minimum), MOCHA_GREP, KEEP_RUN.
import * as fs from "node:fs";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { runTests } from "@vscode/test-electron";
import { BASE_SETTINGS } from "../host/codeServer";
import { REPO_ROOT, makeRunDir, removeRunDir } from "../host/paths";
import { onCleanup, runCleanups } from "../host/processes";
import { simulatorEnvironment, startTestSimulator } from "../host/simulator";
import { MochaSummary, summaryLine } from "../host/summary";

const STAGE = "electron";

async function main(): Promise<number> {
  const summary = new MochaSummary();
  let exitCode = 1;
  try {
    const extensionTestsPath = path.join(REPO_ROOT, "out", "test", "integration", "index");
    if (!fs.existsSync(`${extensionTestsPath}.js`)) throw new Error("out/test/integration/index.js is missing: run npx tsc -p tsconfig.test.json");
    if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      console.warn("[electron] no DISPLAY: on a headless Linux run `xvfb-run -a npm run test:electron`");
    }

    const root = makeRunDir("electron");
    onCleanup(() => removeRunDir(root));
    const sim = await startTestSimulator();
    onCleanup(() => sim.close());

    const userData = path.join(root, "user-data");
    const extensionsDir = path.join(root, "extensions");
    const workspace = path.join(root, "workspace");
    for (const dir of [path.join(userData, "User"), extensionsDir, workspace]) fs.mkdirSync(dir, { recursive: true });
    const settings = { ...BASE_SETTINGS, "netbird.managementUrl": sim.url };
    fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));

    const extensionTestsEnv: Record<string, string> = { ...simulatorEnvironment(sim) };
    if (process.env.MOCHA_GREP) extensionTestsEnv.MOCHA_GREP = process.env.MOCHA_GREP;

    const stdout = new PassThrough();
    stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      summary.feed(chunk.toString());
    });
    exitCode = await runTests({
      version: process.env.VSCODE_TEST_VERSION || "stable",
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv,
      stdout,
      launchArgs: [
        workspace,
        "--disable-extensions", // other installed extensions; the development extension still loads
        "--disable-workspace-trust",
        "--skip-welcome",
        "--skip-release-notes",
        "--disable-telemetry",
        "--user-data-dir",
        userData,
        "--extensions-dir",
        extensionsDir,
      ],
    });
  } catch (error) {
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await runCleanups();
  }
  const failed = exitCode !== 0 && summary.failing === 0 ? 1 : summary.failing;
  console.log(summaryLine(STAGE, summary.passing, failed));
  return failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../host/paths";
import { startE2eHost, installedExtensionDir, type E2eHost } from "./e2eHost";
import { listVsix, packageExtension } from "./vsix";

const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };

describe("smoke: the packaged extension in a real VS Code", () => {
  let host: E2eHost;

  before(async () => {
    host = await startE2eHost({ name: "smoke" });
  });

  after(async () => {
    await host?.close();
  });

  it("packages a .vsix with the bundle and without sources", async () => {
    const files = listVsix(await packageExtension());
    for (const required of ["extension/package.json", "extension/dist/extension.js", "extension/dist/main.js", "extension/media/netbird.svg"]) {
      assert.ok(files.includes(required), `${required} is missing from the .vsix`);
    }
    const unwanted = files.filter((f) => /^extension\/(src|out|test|node_modules|simulator|scripts|\.ci)\//.test(f) || /\.(ts|map)$/.test(f));
    if (unwanted.length > 0) {
      const top = [...new Set(unwanted.map((f) => f.split("/").slice(0, 2).join("/") + "/"))];
      assert.fail(`the .vsix holds ${unwanted.length} files it should not (sources, tests, maps; see .vscodeignore), under: ${top.join(", ")}`);
    }
  });

  it("installs the .vsix and loads the workbench", async () => {
    assert.ok(fs.existsSync(path.join(installedExtensionDir(host.dirs, version), "package.json")), "the extension was not installed");
    await host.workbench.screenshot("workbench");
    if (host.blockedRequests.length > 0) console.log(`      [e2e] ${host.blockedRequests.length} off-machine request(s) blocked, e.g. ${host.blockedRequests[0]}`);
  });

  it("opens the NetBird container with the Audit Events view", async () => {
    await host.workbench.openNetBirdContainer();
    const pane = host.workbench.viewPane("Audit Events");
    await pane.waitFor({ state: "attached" });
    assert.equal(await pane.count(), 1);
    // Not signed in yet: the welcome content offers "Sign In…".
    await host.workbench.welcomeButton("Audit Events", /^Sign In/).waitFor({ timeout: 15_000 });
    await host.workbench.screenshot("netbird-container");
  });

  it("runs palette commands and reads the notification center", async () => {
    const messages = await host.workbench.notifications();
    console.log(`      [e2e] notifications: ${messages.length === 0 ? "none" : messages.map((m) => JSON.stringify(m)).join(", ")}`);
    assert.equal(await host.page.locator(".notifications-center").isVisible(), false, "the notification center did not close");
  });
});

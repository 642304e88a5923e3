import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, activateExtension, extension, manifest } from "./helpers";

describe("activation", () => {
  before(async () => {
    await activateExtension();
  });

  it("loads and activates the extension", () => {
    const ext = extension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });

  it("registers every command of contributes.commands", async () => {
    const declared = manifest().contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, "the manifest declares no commands");
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.ok(missing.length === 0, `commands declared in package.json but not registered: ${missing.join(", ")}`);
  });

  it("contributes the NetBird view container and the Audit Events view", async () => {
    const { viewsContainers, views } = manifest().contributes;
    assert.ok(viewsContainers.activitybar.some((c) => c.id === "netbird"), "no activity-bar container 'netbird'");
    assert.ok((views.netbird ?? []).some((v) => v.id === "netbird.auditEvents"), "no view netbird.auditEvents");
    // Both commands exist only when VS Code registered the container and the view from the manifest.
    await vscode.commands.executeCommand("workbench.view.extension.netbird");
    await vscode.commands.executeCommand("netbird.auditEvents.focus");
  });
});

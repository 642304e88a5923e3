import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { simulatorEnv, token } from "./env";
import { closeAllEditors, waitForActiveEditor } from "./helpers";
import { refreshAudit, signInAs, signOut } from "./netbird";

describe("raw JSON documents", () => {
  let served: Record<string, unknown>[] = [];
  before(async () => {
    await signInAs("owner");
    await refreshAudit();
    const response = await fetch(`${simulatorEnv().url}/api/events/audit`, { headers: { authorization: `Token ${token("owner")}` } });
    served = (await response.json()) as Record<string, unknown>[];
  });
  after(async () => {
    await closeAllEditors();
    await signOut();
  });

  it("opens an audit event as read-only JSON, exactly as the API returned it", async () => {
    const event = served[3] as { id: string; activity_code: string };
    await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: event.id });
    const editor = await waitForActiveEditor((d) => d.uri.scheme === "netbird-event");
    assert.equal(editor.document.languageId, "json");
    assert.equal(editor.document.getText(), JSON.stringify(event, null, 2));
    assert.ok(editor.document.uri.path.endsWith(`/audit-${event.id} ${event.activity_code}.json`), editor.document.uri.path);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, `audit-${event.id} ${event.activity_code}.json`);
  });

  it("reopening the same event focuses the existing tab", async () => {
    const event = served[3] as { id: string };
    await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: (served[5] as { id: string }).id });
    await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: event.id });
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith(`audit-${event.id} `));
    assert.equal(tabs.length, 1);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path.includes(`audit-${event.id} `), true);
  });

  it("is a virtual document of the netbird-event scheme, never an untitled buffer to save", async () => {
    // Content-provider documents are read-only in the editor; the e2e suite types into one to prove it.
    const editor = await waitForActiveEditor((d) => d.uri.scheme === "netbird-event");
    assert.equal(editor.document.isUntitled, false);
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.uri.scheme, "netbird-event");
  });

  it("copies an event's id and JSON", async () => {
    const event = served[0] as { id: string };
    await vscode.commands.executeCommand("netbird.audit.copyEventId", { kind: "audit", id: event.id });
    assert.equal(await vscode.env.clipboard.readText(), event.id);
    await vscode.commands.executeCommand("netbird.audit.copyEventJson", { kind: "audit", id: event.id });
    assert.equal(await vscode.env.clipboard.readText(), JSON.stringify(event, null, 2));
  });
});

// Token hygiene: after a full scripted session the token is nowhere but SecretStorage, and it only ever
// travels to the configured management URL (another host, redirects, a workspace setting, plain http).
import * as assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import type { Simulator } from "../../../simulator/server";
import type { NetBirdEventsApi } from "../../../src/testApi";
import { simulatorEnv, token } from "../env";
import { closeAllEditors, sleep, waitFor, waitForActiveEditor } from "../helpers";
import { api, refreshAudit, signInAs, signOut, WindowStubs } from "../netbird";
import { testLog } from "../output";
import { SimulatorControl } from "../simulatorControl";
import { caseTitle } from "./catalogue";
import { assertKept, DnsHook, filesBelow, leakIn, refreshAs, settled, signInWith, startHttpFront, startOtherSimulator, stubAllMessages, useManagementUrl } from "./support";

const AUDIT = "/api/events/audit";

/** The user-data folder of this VS Code (the one with User/settings.json), found above the log folder. */
function userDataDir(logUri: vscode.Uri): string {
  for (let dir = logUri.fsPath; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "User", "settings.json"))) return dir;
  }
  throw new Error(`no User/settings.json above ${logUri.fsPath}`);
}

describe("reliability: token hygiene", function () {
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  const secret = token("owner");
  let nb: NetBirdEventsApi;
  let other: Simulator;

  before(async () => {
    nb = await api();
    await sim.reset();
    await signOut();
    other = await startOtherSimulator();
  });
  after(async () => {
    await closeAllEditors();
    await signOut();
    await other.close();
  });

  it(caseTitle("T01"), async function () {
    this.timeout(90_000);
    const dir = mkdtempSync(join(tmpdir(), "nb-hygiene-"));
    // Everything the user could see: every message, dialog and input box of the session.
    const seen = new WindowStubs()
      .stub("showErrorMessage", async () => undefined)
      .stub("showWarningMessage", async () => undefined)
      .stub("showInformationMessage", async () => undefined)
      .stub("showQuickPick", async () => undefined)
      .stub("showSaveDialog", async () => undefined)
      .stub("showInputBox", async () => secret);
    const tap = nb.recordTrafficMessages();
    await vscode.commands.executeCommand("_extensionTests.setLogLevel", "trace");
    const exported: string[] = [];
    try {
      // Sign in, browse, filter, open JSON.
      await vscode.commands.executeCommand("netbird.signIn");
      await waitFor(() => nb.sessionState() === "signedIn", { message: "not signed in" });
      await refreshAudit();
      const first = (await nb.auditTree())[0]?.children?.[0];
      assert.ok(first, "an event");
      await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: first.id.slice("event:".length) });
      await waitForActiveEditor((d) => d.uri.scheme === "netbird-event");
      await vscode.commands.executeCommand("netbird.audit.filter", { text: "policy" });
      await vscode.commands.executeCommand("netbird.audit.clearFilter");
      // The traffic panel: open, pivot, a failing query.
      await vscode.commands.executeCommand("netbird.traffic.open", { from: "last24h" });
      await waitFor(() => tap.messages.some((m) => (m.message as { type: string }).type === "page"), { timeoutMs: 20_000, message: "no traffic page" });
      await settled(nb);
      await sim.setFaults([{ match: { path: "/api/events/network-traffic" }, status: 400, message: "invalid search" }]);
      await vscode.commands.executeCommand("netbird.traffic.open", { from: "last24h", search: "hygiene" });
      await waitFor(() => tap.messages.some((m) => (m.message as { type: string }).type === "error"), { timeoutMs: 20_000, message: "no traffic error" });
      await sim.clearFaults();
      // Export in two formats.
      for (const format of ["csv", "ndjson"] as const) {
        const file = join(dir, `export.${format}`);
        await vscode.commands.executeCommand("netbird.traffic.export", { from: "last1h" }, { format, file });
        exported.push(file);
      }
      // Errors: a server error, then the token rejected (signs out), then signing in again.
      await sim.setFaults([{ match: { path: AUDIT }, status: 500, times: 1 }]);
      await vscode.commands.executeCommand("netbird.audit.refresh");
      await sim.setFaults([{ match: { path: AUDIT }, status: 401, message: "token invalid", times: 1 }]);
      await vscode.commands.executeCommand("netbird.audit.refresh");
      await nb.auditIdle();
      await waitFor(() => nb.sessionState() === "signedOut", { message: "a 401 did not sign out" });
      await vscode.commands.executeCommand("netbird.signIn");
      await waitFor(() => nb.sessionState() === "signedIn", { message: "not signed in again" });
      await refreshAudit();
      await settled(nb);
      await vscode.commands.executeCommand("netbird.signOut");
    } finally {
      tap.stop();
      seen.restore();
      await sim.reset();
    }

    const haystacks: [string, string][] = [];
    // The NetBird output channel's log file (trace level since the start of this test; earlier lines at info).
    const logFolder = dirname(nb.logUri().fsPath);
    const logFiles = filesBelow(logFolder).filter((f) => basename(f).includes("NetBird"));
    assert.ok(logFiles.length > 0, `no NetBird log file below ${logFolder}`);
    await waitFor(() => logFiles.some((f) => readFileSync(f, "utf8").includes("[auth] signed out of")), { timeoutMs: 10_000, message: "the log never got the sign-out line" });
    const log = logFiles.map((f) => readFileSync(f, "utf8")).join("\n");
    assert.match(log, /\[debug\] \[api\] GET \/api\/events\/audit/, "debug lines are in the log (trace level)");
    assert.match(log, /\[auth\] the server rejected the token: NetBird rejected the access token/);
    haystacks.push(["the NetBird log", log]);
    // Settings (user and machine) and the extension's stored state.
    const userData = userDataDir(nb.logUri());
    for (const file of [join(userData, "User", "settings.json"), join(userData, "Machine", "settings.json")]) {
      if (existsSync(file)) haystacks.push([`settings ${basename(dirname(file))}`, readFileSync(file, "utf8")]);
    }
    haystacks.push(["globalState/workspaceState", JSON.stringify(nb.storedState())]);
    // Every open document and tab.
    const uris = [
      ...vscode.workspace.textDocuments.map((d) => d.uri.toString()),
      ...vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} ${JSON.stringify(t.input)}`),
    ];
    assert.ok(uris.some((u) => u.startsWith("netbird-event:")), "an event document is open");
    haystacks.push(["document and tab URIs", uris.join("\n")]);
    // The webview: its HTML and every message both ways.
    assert.ok(tap.messages.length > 3);
    haystacks.push(["webview messages", JSON.stringify(tap.messages)], ["webview HTML", nb.trafficPanel()?.html ?? ""]);
    // Exported files and everything shown to the user.
    for (const file of exported) haystacks.push([`export ${basename(file)}`, readFileSync(file, "utf8")]);
    assert.ok(seen.calls.filter((c) => /Message$/.test(c.fn)).length >= 4, "the session showed messages");
    haystacks.push(["notifications and dialogs", JSON.stringify(seen.calls.filter((c) => c.fn !== "showInputBox").map((c) => c.args))]);

    for (const [where, text] of haystacks) {
      assert.ok(text.length > 0, `${where} is empty`);
      const leak = leakIn(text, secret);
      assert.equal(leak, undefined, `the token (as ${leak?.slice(0, 6)}…) is in ${where}`);
    }
    testLog("      token hygiene: scanned %s", haystacks.map(([where, text]) => `${where} (${text.length} chars)`).join(", "));
    await vscode.commands.executeCommand("_extensionTests.setLogLevel", "info");
    await closeAllEditors();
    rmSync(dir, { recursive: true, force: true });
  });

  it(caseTitle("T02"), async () => {
    await signInAs("owner");
    await refreshAudit();
    const total = nb.auditState().total;
    other.resetLog();
    const undo = await useManagementUrl(other.url);
    try {
      assert.equal(nb.sessionState(), "signedOut", "a new host needs its own sign-in");
      assert.equal(nb.auditState().total, 0, "the other host's view starts empty");
      // Refresh asks to sign in (the password box is dismissed); nothing is sent.
      const stubs = stubAllMessages();
      try {
        await vscode.commands.executeCommand("netbird.audit.refresh");
      } finally {
        stubs.restore();
      }
      assert.ok(stubs.calls.some((c) => c.fn === "showInputBox"), "Sign In was asked for");
      await sleep(200);
      assert.deepEqual(other.requests.map((r) => r.path), [], "the other host received nothing");
    } finally {
      await undo("signedIn");
    }
    await settled(nb);
    assert.equal(nb.auditState().total, total, "the first host's session and events are back");
    assert.deepEqual(other.requests, []);
    await signOut();
  });

  it(caseTitle("T03"), async () => {
    const front = await startHttpFront(simulatorEnv().url);
    const undo = await useManagementUrl(front.url);
    try {
      await signInAs("owner");
      await refreshAudit();
      const baseline = { total: nb.auditState().total, shown: nb.auditState().shown };
      other.resetLog();
      for (const status of [301, 302, 307, 308]) {
        front.answer = async (_req, path) => (path === AUDIT ? { status, headers: { location: `${other.url}${AUDIT}?from=redirect` } } : undefined);
        const before = front.requests.filter((r) => r.path === AUDIT).length;
        const result = await refreshAs(nb);
        assert.equal(result.errors.length, 1, result.notices.join(" | "));
        const pattern = new RegExp(`The server redirected the request to ${other.url.replace(/\./g, "\\.")}${AUDIT}\\. NetBird Events does not follow redirects, so the token is never sent elsewhere: set netbird\\.managementUrl to the final address`);
        assert.match(String(result.errors[0]?.args[0]), pattern);
        assertKept(nb, baseline, /does not follow redirects/);
        assert.equal(front.requests.filter((r) => r.path === AUDIT).length - before, 1, `${status}: one request, not retried (${front.requests.map((r) => r.path).join(", ")})`);
      }
      assert.deepEqual(other.requests, [], "the redirect target received nothing");
      front.answer = undefined;
      await signOut();
    } finally {
      await undo();
      await front.close();
    }
  });

  it(caseTitle("T04"), async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "the harness opens a workspace folder");
    const settingsDir = join(folder.uri.fsPath, ".vscode");
    const file = join(settingsDir, "settings.json");
    assert.equal(existsSync(file), false, "no workspace settings before the test");
    await signInAs("owner");
    await refreshAudit();
    await settled(nb);
    other.resetLog();
    await sim.clearRequests();
    mkdirSync(settingsDir, { recursive: true });
    // editor.tabSize is a sentinel: once it shows as a workspace value, VS Code has read the file.
    writeFileSync(file, JSON.stringify({ "netbird.managementUrl": other.url, "editor.tabSize": 3 }, null, 2));
    try {
      await waitFor(() => vscode.workspace.getConfiguration("editor").inspect("tabSize")?.workspaceValue === 3, { message: "VS Code did not read the workspace settings" });
      await sleep(100);
      assert.equal(nb.sessionState(), "signedIn", "the session is untouched");
      const result = await refreshAs(nb);
      assert.deepEqual(result.notices, []);
      assert.equal(nb.auditState().state, "ready");
      assert.equal((await sim.requestsTo(AUDIT)).length, 1, "the refresh went to the user-configured URL");
      assert.deepEqual(other.requests, [], "the workspace's URL received nothing");
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
      await waitFor(() => vscode.workspace.getConfiguration("editor").inspect("tabSize")?.workspaceValue === undefined, { message: "the workspace settings stayed" });
    }
    await signOut();
  });

  it(caseTitle("T05"), async () => {
    const hook = new DnsHook();
    // Never resolved for real: if the extension looked the name up, the hook would answer (and count it).
    hook.answers.set("netbird.example.com", "ENOTFOUND");
    hook.answers.set("localhost", "127.0.0.1");
    try {
      const undo = await useManagementUrl("http://netbird.example.com");
      try {
        const shown = stubAllMessages();
        try {
          await vscode.commands.executeCommand("netbird.signIn");
          await vscode.commands.executeCommand("netbird.audit.refresh");
        } finally {
          shown.restore();
        }
        const errors = shown.calls.filter((c) => c.fn === "showErrorMessage");
        assert.ok(errors.length >= 1);
        assert.match(String(errors[0]?.args[0]), /Plain http is refused for netbird\.example\.com: the access token would travel unencrypted\. Use https:\/\/ \(http is allowed only for localhost\)/);
        assert.ok(errors[0]?.args.includes("Open Settings"));
        assert.equal(shown.calls.filter((c) => c.fn === "showInputBox").length, 0, "no token is even asked for");
        assert.equal(nb.sessionState(), "signedOut");
        assert.equal(hook.count("netbird.example.com"), 0, "not even a DNS lookup");
      } finally {
        await undo();
      }
      // Plain http on loopback is fine.
      const local = await useManagementUrl(`http://localhost:${new URL(simulatorEnv().url).port}`);
      try {
        const result = await signInWith("owner");
        assert.match(result.notices.join(" | "), /Signed in to NetBird as/);
        await refreshAudit();
        assert.equal(nb.auditState().state, "ready");
        await signOut();
      } finally {
        await local();
      }
    } finally {
      hook.restore();
    }
  });
});

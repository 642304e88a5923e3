import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { token } from "./env";
import { setSetting, sleep, waitFor } from "./helpers";
import { api, refreshAudit, signInAs, signOut, WindowStubs } from "./netbird";
import { SimulatorControl } from "./simulatorControl";

describe("sign-in and sign-out (SecretStorage)", () => {
  const sim = SimulatorControl.fromEnv();
  let stubs: WindowStubs;
  beforeEach(async () => {
    await sim.reset();
    stubs = new WindowStubs();
  });
  afterEach(async () => {
    stubs.restore();
    await sim.reset();
  });

  it("starts signed out with the signed-out state", async () => {
    await signOut();
    const nb = await api();
    assert.equal(nb.sessionState(), "signedOut");
    assert.equal(nb.auditState().state, "signedOut");
  });

  it("pre-checks the token format in the password box", async () => {
    let options: vscode.InputBoxOptions | undefined;
    stubs.stub("showInputBox", async (o) => {
      options = o as vscode.InputBoxOptions;
      return undefined;
    });
    await vscode.commands.executeCommand("netbird.signIn");
    assert.ok(options, "an input box was shown");
    assert.equal(options.password, true);
    assert.equal(options.ignoreFocusOut, true);
    const validate = options.validateInput as (v: string) => vscode.InputBoxValidationMessage | undefined;
    assert.match(String(validate("hello")?.message), /start with nbp_/);
    assert.match(String(validate("nbp_short")?.message), /40 characters/);
    assert.equal(validate(token("owner")), undefined);
    assert.equal((await sim.requests()).length, 0, "nothing is sent before the user accepts");
  });

  it("checks the token with /api/users/current and keeps nothing when it is rejected", async () => {
    stubs.stub("showInputBox", async () => "nbp_" + "x".repeat(36)).stub("showErrorMessage", async () => undefined);
    await vscode.commands.executeCommand("netbird.signIn");
    const nb = await api();
    assert.equal(nb.sessionState(), "signedOut");
    const [message] = stubs.messages("showErrorMessage");
    assert.match(String(message), /sign-in failed.*Sign in again with a valid personal access token/);
    const requests = await sim.requestsTo("/api/users/current");
    assert.equal(requests.length, 1);
  });

  it("signs in, shows who is signed in, and signs out", async () => {
    await signInAs("owner");
    const nb = await api();
    assert.equal(nb.sessionState(), "signedIn");
    await waitFor(() => nb.signedInAs(), { message: "the signed-in user is not known" });
    assert.match(String(nb.signedInAs()), /@/);
    await signOut();
    assert.equal(nb.sessionState(), "signedOut");
    assert.equal(nb.auditState().total, 0, "events are cleared on sign-out");
  });

  it("explains which roles can read events (403)", async () => {
    await signInAs("user");
    await refreshAudit();
    const nb = await api();
    assert.equal(nb.auditState().state, "forbidden");
    assert.match(String(nb.auditState().error), /auditor/);
    await signOut();
  });

  it("a 401 at any time signs out with one notification, never a storm", async () => {
    await signInAs("owner");
    await refreshAudit();
    const nb = await api();
    assert.equal(nb.auditState().state, "ready");
    await sim.setFaults([{ match: { path: "/api/events/audit" }, status: 401, message: "token invalid" }]);
    stubs.stub("showErrorMessage", async () => undefined);
    await Promise.all([vscode.commands.executeCommand("netbird.audit.refresh"), vscode.commands.executeCommand("netbird.audit.refresh")]);
    await nb.auditIdle();
    await sleep(200);
    assert.equal(nb.sessionState(), "signedOut");
    const notices = stubs.messages("showErrorMessage");
    assert.equal(notices.length, 1, `one notification, got: ${notices.join(" | ")}`);
    const call = stubs.calls.find((c) => c.fn === "showErrorMessage");
    assert.ok(call?.args.includes("Sign In"), "the notification offers Sign In");
  });

  it("reads CA files on the first request, not before, and says once when one cannot be used", async () => {
    await signOut();
    stubs.stub("showWarningMessage", async () => undefined);
    const missing = path.join(os.tmpdir(), "netbird-events-no-such-ca.pem");
    const undo = await setSetting("netbird.http.caCertificates", [missing]);
    try {
      assert.deepEqual(stubs.messages("showWarningMessage"), [], "a settings change alone reads no CA file");
      await signInAs("owner");
      await refreshAudit();
      const warnings = stubs.messages("showWarningMessage").filter((m) => m.includes("netbird-events-no-such-ca.pem"));
      assert.equal(warnings.length, 1, warnings.join(" | "));
      assert.match(warnings[0] ?? "", /could not be used \(ENOENT\)\. Check the setting netbird\.http\.caCertificates/);
    } finally {
      await undo();
      await signOut();
    }
  });
});

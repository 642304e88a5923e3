// Checks the plumbing other tests rely on: the simulator the harness started, its control routes, and
// the settings the harness seeded.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { simulatorEnv, token } from "./env";
import { SimulatorControl } from "./simulatorControl";

describe("test harness", () => {
  const control = (): SimulatorControl => SimulatorControl.fromEnv();

  it("passes the simulator's URL and tokens into the extension host", async () => {
    const env = simulatorEnv();
    assert.match(env.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(token("owner"), /^nbp_/);
    const info = await control().info();
    assert.equal(info.url, env.url);
    assert.equal(info.tokens.owner, token("owner"));
  });

  it("points netbird.managementUrl at the simulator", () => {
    assert.equal(vscode.workspace.getConfiguration("netbird").get("managementUrl"), simulatorEnv().url);
  });

  it("reaches the simulator's API and request log from the extension host", async () => {
    const { url } = simulatorEnv();
    await control().clearRequests();
    const response = await fetch(`${url}/api/users/current`, { headers: { authorization: `Token ${token("owner")}` } });
    assert.equal(response.status, 200);
    const logged = await control().requestsTo("/api/users/current");
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.status, 200);
    await control().reset();
  });
});

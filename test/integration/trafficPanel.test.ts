import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vscode from "vscode";
import { closeAllEditors, waitFor } from "./helpers";
import { api, signInAs, signOut, WindowStubs } from "./netbird";
import { SimulatorControl } from "./simulatorControl";

const trafficTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("netbird.trafficEvents"));

describe("Traffic Events panel", function () {
  // Each test waits for round trips through the webview and the simulator (up to 15 s each on a busy machine).
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  const dir = mkdtempSync(join(tmpdir(), "nb-export-"));
  before(async () => {
    await sim.reset();
    await signInAs("owner");
  });
  after(async () => {
    await closeAllEditors();
    await signOut();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens one panel, loads the first page through the host, and reveals it on reopen", async () => {
    await vscode.commands.executeCommand("netbird.traffic.open");
    await waitFor(() => trafficTabs().length === 1, { message: "no traffic panel tab" });
    const nb = await api();
    // The webview's `ready` → host `init` → webview `query` → host `page` round trip reaches the simulator.
    await waitFor(async () => (await sim.requestsTo("/api/events/network-traffic")).length > 0, { timeoutMs: 15_000, message: "the webview never queried" });
    await waitFor(() => (nb.trafficPanel()?.shownRecords ?? 0) > 0, { timeoutMs: 15_000, message: "no page was shown" });
    const [first] = await sim.requestsTo("/api/events/network-traffic");
    assert.equal(first?.query.page, "1");
    assert.equal(first?.query.page_size, "100");
    assert.ok(first?.query.start_date, "a time window is always sent");
    await vscode.commands.executeCommand("netbird.traffic.open");
    assert.equal(trafficTabs().length, 1, "reveal, not a second panel");
  });

  it("pivots from an audit event with the filter applied", async () => {
    await sim.clearRequests();
    await vscode.commands.executeCommand("netbird.traffic.open", { userId: "user-pivot-test", from: "last7d" });
    await waitFor(async () => (await sim.requestsTo("/api/events/network-traffic")).some((r) => r.query.user_id === "user-pivot-test"), {
      timeoutMs: 15_000,
      message: "the pivot filter never reached the server",
    });
  });

  it("exports all pages of the current filters to CSV and NDJSON", async function () {
    this.timeout(60_000);
    const info = await sim.info();
    await sim.clearRequests();
    const stubs = new WindowStubs().stub("showInformationMessage", async () => undefined).stub("showErrorMessage", async (m) => assert.fail(String(m)));
    try {
      const csv = join(dir, "traffic.csv");
      const result = (await vscode.commands.executeCommand("netbird.traffic.export", { from: "last7d" }, { format: "csv", file: csv })) as { records: number };
      const lines = readFileSync(csv, "utf8").trimEnd().split("\r\n");
      // Flows older than 7 days (relative to the simulator's start) fall out of the window as time passes.
      assert.ok(result.records > info.counts.traffic * 0.98 && result.records <= info.counts.traffic, `${result.records} of ${info.counts.traffic}`);
      assert.equal(lines.length, result.records + 1, "header + one line per record");
      const pages = (await sim.requestsTo("/api/events/network-traffic")).filter((r) => r.query.page_size === "5000");
      assert.equal(pages.length, Math.ceil(result.records / 5000), "one request per page of 5,000");
      assert.match(lines[0] ?? "", /^flow_id,time,/);
      const ndjson = join(dir, "traffic.ndjson");
      await vscode.commands.executeCommand("netbird.traffic.export", { from: "last7d", protocol: "TCP" }, { format: "ndjson", file: ndjson });
      const records = readFileSync(ndjson, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { protocol: number });
      assert.ok(records.length > 0 && records.every((r) => r.protocol === 6));
    } finally {
      stubs.restore();
    }
  });

  it("removes a partial file when the server goes away mid-export", async function () {
    this.timeout(60_000);
    await sim.setFaults([{ match: { path: "/api/events/network-traffic" }, status: 500, times: 10 }]);
    const stubs = new WindowStubs().stub("showErrorMessage", async () => undefined);
    try {
      const file = join(dir, "broken.csv");
      const result = await vscode.commands.executeCommand("netbird.traffic.export", { from: "last7d" }, { format: "csv", file });
      assert.equal(result, undefined);
      assert.throws(() => readFileSync(file), /ENOENT/);
      assert.match(stubs.messages("showErrorMessage")[0] ?? "", /export stopped after 0 records.*HTTP 500/);
    } finally {
      stubs.restore();
      await sim.reset();
    }
  });
});

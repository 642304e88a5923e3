// Load and races in the real extension host: a burst of traffic filter changes (only the last one's rows
// are shown, superseded requests are cancelled), an hour of auto-refresh on a 10,000-event account (no
// growth), and closing the panel or signing out while requests are running (nothing left behind).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { HostToWebview } from "../../../src/core/traffic/protocol";
import type { NetBirdEventsApi } from "../../../src/testApi";
import { simulatorEnv, token } from "../env";
import { closeAllEditors, sleep, waitFor } from "../helpers";
import { api, refreshAudit, signInAs, signOut } from "../netbird";
import { testLog } from "../output";
import { SimulatorControl, type SimulatorInfo } from "../simulatorControl";
import { arrivalsDueAfter, assertSupersededCancelled, BURST_CHANGES, BURST_CHECKPOINTS, burstSettled, missedCheckpoint } from "../../support/supersededRequests";
import { caseTitle } from "./catalogue";
import { closedPort, heapAfterGc, notices, settled, stubAllMessages, useManagementUrl } from "./support";

const AUDIT = "/api/events/audit";
const TRAFFIC = "/api/events/network-traffic";
/** Cancelled "at once" (the simulator holds the request until the test ends), with room for a busy workbench. */
const CANCELLED_WITHIN_MS = 15_000;

type Message = { direction: string; message: unknown };
type Query = { type: "query"; requestId: number; filters: Record<string, string>; page: number };
type Answer = Extract<HostToWebview, { type: "page" | "error" }>;

const queries = (messages: readonly Message[]): Query[] =>
  messages.filter((m) => m.direction === "fromWebview" && (m.message as { type?: string }).type === "query").map((m) => m.message as Query);
const answers = (messages: readonly Message[]): Answer[] =>
  messages.filter((m) => m.direction === "toWebview" && ["page", "error"].includes((m.message as { type?: string }).type ?? "")).map((m) => m.message as Answer);

/** The extension's client counters, when this build's test API has them. */
function clientStats(nb: NetBirdEventsApi): { connections: number } | undefined {
  return (nb as Partial<{ clientStats: () => { connections: number } | undefined }>).clientStats?.();
}

describe("reliability: load and races", function () {
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  let nb: NetBirdEventsApi;
  let stubs: ReturnType<typeof stubAllMessages>;

  /** Opens the panel (or pivots it) and waits for the host's answer to the resulting query. */
  async function openPanel(filters: Record<string, string>): Promise<Answer> {
    const tap = nb.recordTrafficMessages();
    try {
      await vscode.commands.executeCommand("netbird.traffic.open", filters);
      return await waitFor(
        () => {
          const q = queries(tap.messages).find((x) => Object.entries(filters).every(([k, v]) => x.filters[k] === v));
          return q && answers(tap.messages).find((a) => a.requestId === q.requestId);
        },
        { timeoutMs: 20_000, message: "the panel never answered" },
      );
    } finally {
      tap.stop();
    }
  }

  before(async () => {
    nb = await api();
    await sim.reset();
    await signInAs("owner");
    stubs = stubAllMessages();
  });
  beforeEach(() => {
    stubs.calls.length = 0;
  });
  afterEach(() => sim.reset());
  after(async () => {
    stubs.restore();
    await closeAllEditors();
    await signOut();
  });

  it(caseTitle("L01"), async function () {
    // Room for its own waits (checkpoints, the last answer) to fail with their messages on a slow machine.
    this.timeout(180_000);
    const first = await openPanel({ from: "last7d" });
    assert.equal(first.type, "page");
    await settled(nb);
    // The simulator holds every request of the burst until the test lets them go: each one is superseded while
    // it runs, however long a busy machine takes between two changes.
    await sim.setFaults([{ match: { path: TRAFFIC }, hold: true }]);
    await sim.clearRequests();
    const burstPages = async () => (await sim.requestsTo(TRAFFIC)).filter((r) => r.query.page === "1" && /^(1\d\d|17)$/.test(String(r.query.protocol)));
    const tap = nb.recordTrafficMessages();
    const started = Date.now();
    let last: Query | undefined;
    try {
      for (let i = 0; i < BURST_CHANGES; i++) {
        await vscode.commands.executeCommand("netbird.traffic.open", { from: "last7d", protocol: i === BURST_CHANGES - 1 ? "UDP" : String(100 + i) });
        await sleep(50);
        // Now and then a request must have reached the server, so the cancellations below are of real requests.
        const due = arrivalsDueAfter(i);
        if (due) {
          await waitFor(async () => (await burstPages()).length >= due, { timeoutMs: 15_000 }).catch(async () => {
            throw new Error(missedCheckpoint(i, await burstPages()));
          });
        }
      }
      const burstMs = Date.now() - started;
      last = await waitFor(() => queries(tap.messages).find((q) => q.filters.protocol === "UDP"), { timeoutMs: 10_000, message: "the last change never became a query" });
      await waitFor(async () => burstSettled(await burstPages(), (r) => r.query.protocol === "17"), { timeoutMs: 15_000, message: "the burst's requests did not end" }).catch(
        (error: unknown) => testLog("      %s", String(error)),
      );
      await sim.clearFaults();
      const lastId = last.requestId;
      await waitFor(() => answers(tap.messages).some((a) => a.requestId === lastId), { timeoutMs: 15_000, message: "the last query was never answered" });
      await settled(nb, 15_000);
      await sleep(300);
      testLog("      burst: 100 changes in %d ms", burstMs);
    } finally {
      tap.stop();
      await sim.clearFaults();
    }
    const burst = queries(tap.messages);
    assert.equal(burst.length, 100, "one query per change");
    // The protocol's promise: once a newer query has arrived, the host never answers an older one.
    let latest = -1;
    const late: string[] = [];
    for (const m of tap.messages) {
      const msg = m.message as { type?: string; requestId?: number };
      if (m.direction === "fromWebview" && msg.type === "query") latest = msg.requestId ?? -1;
      else if (m.direction === "toWebview" && (msg.type === "page" || msg.type === "error") && msg.requestId !== latest) late.push(`${msg.type} for ${msg.requestId} after ${latest}`);
    }
    assert.deepEqual(late, [], "no answer to a superseded query");
    const answered = answers(tap.messages);
    const final = answered.filter((a) => a.requestId === last?.requestId);
    assert.equal(final.length, 1);
    const page = final[0];
    assert.ok(page?.type === "page", page?.type === "error" ? page.message : "");
    // Exactly the rows the API returns for the last filter.
    const burstRequests = await burstPages();
    const sent = burstRequests.filter((r) => r.query.protocol === "17");
    assert.equal(sent.length, 1, "the last filter was asked for once");
    assert.equal(burstRequests.at(-1), sent[0], "the last filter's request came last");
    const replay = new URLSearchParams(sent[0]?.query as Record<string, string>);
    const expected = (await (await fetch(`${simulatorEnv().url}${TRAFFIC}?${replay}`, { headers: { authorization: `Token ${token("owner")}` } })).json()) as { data: { flow_id: string }[] };
    assert.deepEqual(page.result.rows.map((r) => r.flowId), expected.data.map((d) => d.flow_id));
    assert.ok(page.result.rows.length > 0 && page.result.rows.every((r) => r.protocol === 17), "UDP rows only");
    assert.equal(nb.trafficPanel()?.shownRecords, page.result.rows.length, "the panel holds the last filter's page");
    // The superseded requests were cancelled: the simulator saw their connections closed without an answer. (A
    // query superseded before its request left the host never reaches the server: correct, and not counted.)
    const { cancelled } = assertSupersededCancelled(burstRequests.slice(0, -1), BURST_CHECKPOINTS);
    assert.deepEqual(notices(stubs), []);
    testLog("      burst: %d queries, %d reached the server, %d cancelled", burst.length, burstRequests.length, cancelled.length);
  });

  it(caseTitle("L03"), async () => {
    const first = await openPanel({ from: "last7d" });
    assert.equal(first.type, "page");
    await settled(nb);
    await sim.setFaults([{ match: { path: TRAFFIC }, hold: true }]);
    await sim.clearRequests();
    await vscode.commands.executeCommand("netbird.traffic.open", { from: "last7d", search: "closing" });
    await waitFor(async () => (await sim.requestsTo(TRAFFIC)).some((r) => r.query.search === "closing"), { message: "the query never reached the server" });
    assert.ok(nb.requestsInFlight() >= 1, "a request is running");
    const closedAt = Date.now();
    await closeAllEditors();
    await waitFor(() => nb.trafficPanel() === undefined, { message: "the panel did not close" });
    await settled(nb, CANCELLED_WITHIN_MS);
    const request = await waitFor(async () => (await sim.requestsTo(TRAFFIC)).find((r) => r.query.search === "closing" && r.durationMs > 0), { message: "the simulator never saw the connection end" });
    assert.equal(request.status, 0, "closed without an answer");
    assert.ok(Date.now() - closedAt < CANCELLED_WITHIN_MS, "cancelled at once");
    assert.deepEqual(notices(stubs), []);
  });

  it(caseTitle("L04"), async () => {
    await refreshAudit();
    const first = await openPanel({ from: "last7d" });
    assert.equal(first.type, "page");
    await settled(nb);
    await sim.setFaults([{ match: { path: AUDIT }, hold: true }, { match: { path: TRAFFIC }, hold: true }]);
    await sim.clearRequests();
    const refresh = vscode.commands.executeCommand("netbird.audit.refresh");
    await vscode.commands.executeCommand("netbird.traffic.open", { from: "last7d", search: "signing-out" });
    await waitFor(async () => (await sim.requestsTo(AUDIT)).length === 1 && (await sim.requestsTo(TRAFFIC)).some((r) => r.query.search === "signing-out"), {
      message: "the requests never reached the server",
    });
    assert.ok(nb.requestsInFlight() >= 2, `${nb.requestsInFlight()} requests running`);
    const signedOutAt = Date.now();
    await signOut();
    await refresh;
    await settled(nb, CANCELLED_WITHIN_MS);
    assert.ok(Date.now() - signedOutAt < CANCELLED_WITHIN_MS, "cancelled at once");
    for (const path of [AUDIT, TRAFFIC]) {
      const request = await waitFor(async () => (await sim.requestsTo(path)).find((r) => r.durationMs > 0), { message: `the simulator never saw ${path} end` });
      assert.equal(request.status, 0, `${path} closed without an answer`);
    }
    assert.equal(nb.auditState().state, "signedOut");
    assert.equal(nb.auditState().error, undefined);
    assert.deepEqual(notices(stubs).filter((n) => !/Signed out of NetBird/.test(n)), [], "no error is shown");
    await closeAllEditors();
    await signInAs("owner");
  });

  it(caseTitle("L06"), async () => {
    await refreshAudit();
    const first = await openPanel({ from: "last24h", search: "restore" });
    assert.ok(first);
    await settled(nb);
    // Away to a server without a stored token, then back: the stored session comes back, its user unknown.
    const undo = await useManagementUrl(`http://127.0.0.1:${await closedPort()}`);
    assert.equal(nb.auditState().state, "signedOut");
    await sim.clearRequests();
    const tap = nb.recordTrafficMessages();
    try {
      await undo("signedIn");
      await waitFor(() => nb.auditState().state === "ready", { message: "the events did not come back" });
      // The panel's query comes after a round trip through the webview (session → query → page).
      await waitFor(() => answers(tap.messages).some((a) => a.type === "page"), { timeoutMs: 20_000, message: "the panel never got its page again" });
    } finally {
      tap.stop();
    }
    await settled(nb);
    await sleep(300); // room for a duplicate request to show
    const audit = await sim.requestsTo(AUDIT);
    assert.deepEqual(audit.map((r) => r.status), [200], "one audit request, none cancelled and repeated");
    assert.equal((await sim.requestsTo("/api/users/current")).length, 1, "the user's details asked once");
    const firstPages = (await sim.requestsTo(TRAFFIC)).filter((r) => r.query.page === "1");
    assert.deepEqual(firstPages.map((r) => r.status), [200], "the panel asked for its page once");
    assert.ok(nb.signedInAs(), "the view knows who is signed in");
    await closeAllEditors();
  });

  describe("an hour of auto-refresh on a 10,000-event account", () => {
    let previous: SimulatorInfo;
    before(async () => {
      previous = await sim.info();
      await sim.setDataset({ auditCount: 10_000 });
    });
    after(async () => {
      await sim.setDataset({ auditCount: previous.counts.audit });
    });

    it(caseTitle("L02"), async function () {
      this.timeout(120_000);
      const refreshOnce = async () => {
        await vscode.commands.executeCommand("netbird.audit.refresh");
        await nb.auditIdle();
      };
      for (let i = 0; i < 20; i++) await refreshOnce(); // warm up: caches, JIT, pools
      assert.equal(nb.auditState().total, 10_000);
      await settled(nb);
      await sim.clearRequests();
      const heap0 = heapAfterGc();
      const resources0 = process.getActiveResourcesInfo().length;
      const connections0 = clientStats(nb)?.connections;
      const started = Date.now();
      for (let i = 0; i < 100; i++) {
        await refreshOnce();
        assert.equal(nb.requestsInFlight(), 0, `refresh ${i + 21} left a request in flight`);
      }
      const ms = Date.now() - started;
      await settled(nb);
      const heap1 = heapAfterGc();
      const resources1 = process.getActiveResourcesInfo().length;
      const connections1 = clientStats(nb)?.connections;
      testLog("      120 refreshes: heap %d → %d MB, active resources %d → %d, connections %s → %s, %d ms per refresh", Math.round(heap0 / 1e6), Math.round(heap1 / 1e6), resources0, resources1, connections0, connections1, Math.round(ms / 100));
      assert.equal(nb.auditState().total, 10_000);
      assert.equal(nb.auditState().stale, false);
      assert.ok(heap1 - heap0 < 16 * 1024 * 1024, `the heap grew by ${Math.round((heap1 - heap0) / 1e6)} MB over 100 refreshes`);
      assert.ok(resources1 <= resources0 + 2, `active handles and requests grew from ${resources0} to ${resources1}`);
      if (connections0 !== undefined && connections1 !== undefined) assert.ok(connections1 - connections0 <= 1, `${connections1 - connections0} new connections for 100 refreshes (keep-alive)`);
      assert.equal((await sim.requestsTo(AUDIT)).length, 100, "one request per refresh");
      assert.deepEqual(notices(stubs), []);
    });
  });
});

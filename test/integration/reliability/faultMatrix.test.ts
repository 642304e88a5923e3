// The fault matrix, HTTP side: every way the management server (or something in front of it) can answer
// badly, driven through the real commands, views and panel. Each case checks what the user sees (the one
// notification, or the panel's message), that the request count is bounded, that the last good data stays
// (stale, filter applied), and that the next refresh works. Connection-level faults: networkFaults.test.ts.
import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vscode from "vscode";
import type { HostToWebview } from "../../../src/core/traffic/protocol";
import type { NetBirdEventsApi } from "../../../src/testApi";
import { closeAllEditors, setSetting, waitFor, waitForActiveEditor } from "../helpers";
import { api, refreshAudit, signInAs, signOut } from "../netbird";
import { testLog } from "../output";
import { SimulatorControl, type Fault } from "../simulatorControl";
import { caseTitle } from "./catalogue";
import { assertKept, heapAfterGc, notices, refreshAs, settled, signInWith, startHttpFront, stubAllMessages, useManagementUrl } from "./support";

const AUDIT = "/api/events/audit";
const TRAFFIC = "/api/events/network-traffic";

type Answer = Extract<HostToWebview, { type: "page" | "error" }>;

describe("reliability: fault matrix (HTTP answers)", function () {
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  let nb: NetBirdEventsApi;
  let baseline: { total: number; shown: number };

  /** Refreshes under `faults`; `onError` sees the state while the notification is up. */
  async function faultedRefresh(faults: Fault[], onError?: (message: string) => unknown) {
    await sim.clearRequests();
    await sim.setFaults(faults);
    let stateAtError: ReturnType<NetBirdEventsApi["auditState"]> | undefined;
    const shown = await refreshAs(nb, {
      error: (message) => {
        stateAtError ??= nb.auditState();
        return onError?.(message);
      },
    });
    await sim.clearFaults();
    await settled(nb);
    return { ...shown, stateAtError, requests: await sim.requestsTo(AUDIT) };
  }

  /** The next refresh without faults works, shows nothing and clears the stale mark. */
  async function recovers(): Promise<void> {
    const again = await refreshAs(nb);
    assert.deepEqual(again.notices, [], "no notification on a good refresh");
    const state = nb.auditState();
    assert.equal(state.stale, false);
    assert.equal(state.total, baseline.total);
    assert.equal(state.shown, baseline.shown, "the filter is still applied");
  }

  /** One failing refresh: one error notification matching `pattern`, `attempts` requests, data kept. */
  async function expectKeptError(faults: Fault[], pattern: RegExp, attempts: number): Promise<string> {
    const result = await faultedRefresh(faults);
    assert.equal(result.errors.length, 1, `one notification, got: ${result.notices.join(" | ")}`);
    assert.deepEqual(result.notices.length, 1, result.notices.join(" | "));
    const message = String(result.errors[0]?.args[0]);
    assert.match(message, pattern);
    assert.ok(result.errors[0]?.args.includes("Retry"), "the notification offers Retry");
    assert.equal(result.requests.length, attempts, `requests: ${result.requests.map((r) => r.status).join(",")}`);
    assertKept(nb, baseline, pattern);
    await recovers();
    return message;
  }

  before(async () => {
    await sim.reset();
    nb = await api();
    await signInAs("owner");
    await refreshAudit();
    await vscode.commands.executeCommand("netbird.audit.filter", { activityCodes: ["policy.update"] });
    baseline = { total: nb.auditState().total, shown: nb.auditState().shown };
    assert.ok(baseline.shown > 0 && baseline.shown < baseline.total, "a filter that hides some events");
  });
  afterEach(() => sim.reset());
  after(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand("netbird.audit.clearFilter");
    await signOut();
  });

  describe("token and permission", () => {
    for (const [id, fault] of [
      ["F01", { status: 401, message: "token invalid" }],
      ["F02", { status: 404, message: "invalid token: pat: 6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b not found" }],
    ] as const) {
      it(caseTitle(id), async () => {
        const result = await faultedRefresh([{ match: { path: AUDIT }, ...fault }]);
        assert.equal(result.errors.length, 1, result.notices.join(" | "));
        assert.match(String(result.errors[0]?.args[0]), /NetBird rejected the access token.*Sign in again with a valid personal access token/);
        assert.ok(result.errors[0]?.args.includes("Sign In"), "offers Sign In");
        assert.equal(result.notices.length, 1, result.notices.join(" | "));
        assert.equal(result.requests.length, 1, "no retry");
        assert.equal(nb.sessionState(), "signedOut");
        assert.equal(nb.auditState().total, 0, "the rejected account's events are gone");
        // Signing in again brings everything back, with the filter the user had.
        await signInAs("owner");
        await refreshAudit();
        assert.equal(nb.auditState().total, baseline.total);
        assert.equal(nb.auditState().shown, baseline.shown, "the filter survived the sign-out");
      });
    }

    it(caseTitle("F03"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, status: 403, message: "permission denied" }], /Your NetBird role cannot read events\. Ask an account owner or admin for the auditor/, 1);
    });

    for (const [id, role, pattern] of [
      ["F04", "blocked", /sign-in failed\. Your NetBird user is blocked\. Ask an account owner or admin to unblock it/],
      ["F05", "pending_approval", /sign-in failed\. Your NetBird user is pending approval\. Ask an account owner or admin to approve it/],
    ] as const) {
      it(caseTitle(id), async () => {
        const who = nb.signedInAs();
        await sim.clearRequests();
        const shown = await signInWith(role);
        assert.equal(shown.notices.length, 1, shown.notices.join(" | "));
        assert.match(shown.notices[0] ?? "", pattern);
        const error = shown.calls.find((c) => c.fn === "showErrorMessage");
        assert.ok(error?.args.includes("Try Again"), "offers Try Again");
        assert.equal((await sim.requestsTo("/api/users/current")).length, 1);
        // Nothing was stored: the previous session is untouched.
        assert.equal(nb.sessionState(), "signedIn");
        assert.equal(nb.signedInAs(), who);
        assert.equal(nb.auditState().total, baseline.total);
      });
    }
  });

  describe("rate limits and server errors", () => {
    it(caseTitle("F09"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, status: 429, message: "too many requests" }], /rate limit was reached.*Wait a minute, then retry/, 3);
    });

    it(caseTitle("F10"), async () => {
      const result = await faultedRefresh([{ match: { path: AUDIT }, status: 429, retryAfter: "1", times: 1 }]);
      assert.deepEqual(result.notices, []);
      assert.equal(result.requests.length, 2);
      const gap = Date.parse(result.requests[1]!.time) - Date.parse(result.requests[0]!.time);
      assert.ok(gap >= 900, `waited ${gap} ms for Retry-After: 1`);
      assert.equal(nb.auditState().stale, false);
    });

    it(caseTitle("F11"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, status: 429, retryAfter: "120" }], /rate limit was reached.*Wait 120 s, then retry/, 1);
    });

    it(caseTitle("F12"), async () => {
      // The notification's Retry runs the refresh again (the fault is gone by then).
      let answered = 0;
      const result = await faultedRefresh([{ match: { path: AUDIT }, status: 500, times: 1 }], () => (answered++ === 0 ? "Retry" : undefined));
      const offered = result.errors[0]?.args.slice(1).map(String) ?? [];
      assert.equal(result.errors.length, 1, result.notices.join(" | "));
      assert.match(String(result.errors[0]?.args[0]), /The NetBird server failed to answer \(HTTP 500\)\. Retry in a moment/);
      assert.deepEqual(offered, ["Retry", "Show Log"]);
      assert.ok(result.stateAtError, "the state was read while the notification was up");
      assert.equal(result.stateAtError.total, baseline.total);
      assert.equal(result.stateAtError.shown, baseline.shown);
      assert.equal(result.stateAtError.stale, true);
      assert.deepEqual(result.requests.map((r) => r.status), [500, 200], "no retry of a 500; Retry asked once more");
      assert.equal(nb.auditState().stale, false, "Retry loaded fresh data");
    });

    for (const [id, status] of [
      ["F13", 502],
      ["F14", 503],
      ["F15", 504],
    ] as const) {
      it(caseTitle(id), async () => {
        await expectKeptError([{ match: { path: AUDIT }, status }], new RegExp(`failed to answer \\(HTTP ${status}\\)\\. Retry in a moment`), 3);
      });
    }

    it(caseTitle("F16"), async () => {
      const result = await faultedRefresh([{ match: { path: AUDIT }, status: 503, times: 1 }]);
      assert.deepEqual(result.notices, []);
      assert.deepEqual(result.requests.map((r) => r.status), [503, 200]);
      assert.equal(nb.auditState().stale, false);
    });
  });

  describe("timeouts (netbird.http.timeout = 5 s)", () => {
    let undo: (() => Promise<void>) | undefined;
    before(async () => {
      undo = await setSetting("netbird.http.timeout", 5);
    });
    after(async () => {
      await undo?.();
    });

    it(caseTitle("F20"), async () => {
      const message = await expectKeptError([{ match: { path: AUDIT }, delayMs: 8_000 }], /127\.0\.0\.1:\d+ did not answer within 5 s\. Check the management URL, your network, VPN, then retry/, 1);
      assert.ok(message);
    });

    it(caseTitle("F21"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, stallAfterBytes: 64 * 1024 }], /127\.0\.0\.1:\d+ stopped sending its response within 5 s/, 1);
    });
  });

  describe("broken bodies", () => {
    it(caseTitle("F22"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, truncate: true }], /The connection to 127\.0\.0\.1:\d+ was closed before the response was complete\. Retry; if it keeps happening, check your network and the server/, 3);
    });

    it(caseTitle("F23"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, status: 200, body: "html" }], /the server sent a web page instead of JSON; a proxy or login page may be in the way.*fix the URL/, 1);
    });

    it(caseTitle("F24"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, status: 502, body: "html" }], /failed to answer \(HTTP 502\)/, 3);
    });

    it(caseTitle("F25"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, body: "not-json" }], /the response is not valid JSON/, 1);
    });

    it(caseTitle("F26"), async () => {
      await expectKeptError([{ match: { path: AUDIT }, body: "wrong-shape" }], /response\[0\]\.timestamp: expected a string, got nothing \(field missing\)/, 1);
      // The same drift at sign-in: refused with the field named, nothing stored.
      const who = nb.signedInAs();
      await sim.setFaults([{ match: { path: "/api/users/current" }, body: "wrong-shape" }]);
      const shown = await signInWith("admin");
      assert.equal(shown.notices.length, 1, shown.notices.join(" | "));
      assert.match(shown.notices[0] ?? "", /sign-in failed\. The server's response was not the NetBird API data.*response\.id: expected a string/);
      assert.equal(nb.signedInAs(), who);
    });

    it(caseTitle("F27"), async () => {
      const front = await startHttpFront(sim.controlUrl.replace(/\/__simulator$/, ""));
      const undo = await useManagementUrl(front.url);
      try {
        front.answer = async (req, path) => {
          if (path !== AUDIT) return undefined;
          const upstream = await fetch(`${sim.controlUrl.replace(/\/__simulator$/, "")}${AUDIT}`, { headers: { authorization: String(req.headers.authorization) } });
          const events = (await upstream.json()) as Record<string, unknown>[];
          const drifted = events.map((e, i) => ({ ...e, severity: i % 2 ? "high" : "low", labels: ["a", "b"], nested: { since: "v0.99", n: i } }));
          return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(drifted) };
        };
        await signInAs("owner");
        const result = await refreshAs(nb);
        assert.deepEqual(result.notices, []);
        assert.equal(nb.auditState().state, "ready");
        assert.equal(nb.auditState().total, baseline.total);
        const first = (await nb.auditTree())[0]?.children?.[0];
        assert.ok(first && first.id.startsWith("event:"), "a rendered event");
        await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: first.id.slice("event:".length) });
        const editor = await waitForActiveEditor((d) => d.uri.scheme === "netbird-event");
        const shown = JSON.parse(editor.document.getText()) as Record<string, unknown>;
        assert.ok(shown.severity === "high" || shown.severity === "low", "extra fields are shown verbatim");
        assert.deepEqual(shown.labels, ["a", "b"]);
        assert.equal((shown.nested as { since: string }).since, "v0.99");
        await closeAllEditors();
        await signOut();
      } finally {
        await undo();
        await front.close();
      }
      await signInAs("owner");
      await refreshAudit();
      assert.equal(nb.auditState().total, baseline.total);
    });
  });

  describe("huge responses", () => {
    it(caseTitle("F28"), async function () {
      this.timeout(120_000);
      const heapBefore = heapAfterGc();
      const result = await faultedRefresh([{ match: { path: AUDIT }, body: "huge", times: 1 }]);
      assert.deepEqual(result.notices, [], "a big but valid answer is no error");
      assert.equal(result.requests.length, 1);
      const state = nb.auditState();
      assert.equal(state.state, "ready");
      assert.equal(state.total, 10_000, "the newest 10,000 (the API's limit) are kept");
      const tree = await nb.auditTree();
      assert.match(tree[tree.length - 1]?.label ?? "", /Showing the newest 10,000 events/);
      await recovers();
      const heapAfter = heapAfterGc();
      assert.ok(heapAfter - heapBefore < 64 * 1024 * 1024, `heap grew by ${Math.round((heapAfter - heapBefore) / 1e6)} MB`);
    });
  });

  describe("traffic panel", () => {
    const dir = mkdtempSync(join(tmpdir(), "nb-reliability-"));
    let stubs: ReturnType<typeof stubAllMessages>;

    /** Pivots the panel to `filters`; the host's answer to the query that follows and, for a page in two parts, its rest. */
    async function panelAnswer(
      filters: Record<string, string>,
    ): Promise<{ answer: Answer; rest?: Extract<HostToWebview, { type: "pageRows" }>; query: { requestId: number; filters: Record<string, string> } }> {
      const tap = nb.recordTrafficMessages();
      try {
        await vscode.commands.executeCommand("netbird.traffic.open", filters);
        const query = await waitFor(
          () => {
            const found = tap.messages.find((m) => {
              const msg = m.message as { type?: string; filters?: Record<string, string> };
              return m.direction === "fromWebview" && msg.type === "query" && Object.entries(filters).every(([k, v]) => msg.filters?.[k] === v);
            });
            return found?.message as { requestId: number; filters: Record<string, string> } | undefined;
          },
          { timeoutMs: 15_000, message: "the webview sent no query" },
        );
        const answer = await waitFor(
          () => tap.messages.find((m) => m.direction === "toWebview" && ["page", "error"].includes((m.message as Answer).type) && (m.message as Answer).requestId === query.requestId)?.message as Answer | undefined,
          { timeoutMs: 40_000, message: "the host never answered the query" },
        );
        if (answer.type !== "page" || answer.result.rows.length === answer.result.rowCount) return { answer, query };
        const rest = await waitFor(
          () =>
            tap.messages.find((m) => m.direction === "toWebview" && (m.message as HostToWebview).type === "pageRows" && (m.message as Answer).requestId === query.requestId)
              ?.message as Extract<HostToWebview, { type: "pageRows" }> | undefined,
          { timeoutMs: 40_000, message: "the rest of the page never came" },
        );
        return { answer, rest, query };
      } finally {
        tap.stop();
      }
    }

    before(async () => {
      stubs = stubAllMessages();
      const { answer } = await panelAnswer({ from: "last24h" });
      assert.equal(answer.type, "page");
    });
    beforeEach(() => {
      stubs.calls.length = 0;
    });
    after(async () => {
      stubs.restore();
      await closeAllEditors();
      rmSync(dir, { recursive: true, force: true });
    });

    it(caseTitle("F06"), async () => {
      await sim.setDataset({ trafficAvailable: false });
      try {
        await sim.clearRequests();
        const { answer } = await panelAnswer({ from: "last7d", search: "f06" });
        assert.equal(answer.type, "error");
        assert.equal(answer.type === "error" && answer.problem, "notAvailable");
        assert.match(answer.type === "error" ? answer.message : "", /Traffic events are not available on this server.*open-source management server does not have them/);
        assert.equal((await sim.requestsTo(TRAFFIC)).length, 1, "no retry of a 404");
        assert.deepEqual(notices(stubs), [], "the panel explains it; no notification");
        const file = join(dir, "f06.csv");
        const exported = await vscode.commands.executeCommand("netbird.traffic.export", { from: "last7d" }, { format: "csv", file });
        assert.equal(exported, undefined);
        assert.equal(existsSync(file), false, "no file is left");
        assert.equal(notices(stubs).length, 1, notices(stubs).join(" | "));
        assert.match(notices(stubs)[0] ?? "", /export stopped after 0 records.*Traffic events are not available on this server/);
        const audit = await refreshAs(nb);
        assert.deepEqual(audit.notices, [], "audit events still work");
        assert.equal(nb.auditState().stale, false);
      } finally {
        await sim.setDataset({ trafficAvailable: true });
      }
    });

    it(caseTitle("F07"), async () => {
      await settled(nb); // a prefetch still running would take the one-time fault
      await sim.setFaults([{ match: { path: TRAFFIC }, status: 400, message: "invalid start_date format", times: 1 }]);
      const filters = { from: "last7d", search: "f07-kept", protocol: "TCP" };
      const { answer } = await panelAnswer(filters);
      assert.equal(answer.type, "error");
      assert.equal(answer.type === "error" && answer.problem, "invalidRequest");
      assert.match(answer.type === "error" ? answer.message : "", /NetBird refused the request: invalid start_date format\. Check the filter values and try again/);
      assert.deepEqual(notices(stubs), []);
      // Hide the panel (its page is torn down) and show it again: it restores the filters it had and asks again.
      const tap = nb.recordTrafficMessages();
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: "cover" }), { viewColumn: vscode.ViewColumn.Active, preview: false });
        await waitFor(() => nb.trafficPanel()?.visible === false, { message: "the panel stayed visible" });
        await vscode.commands.executeCommand("netbird.traffic.open");
        const again = await waitFor(() => tap.messages.find((m) => m.direction === "fromWebview" && (m.message as { type: string }).type === "query")?.message as { filters: Record<string, string> } | undefined, {
          timeoutMs: 15_000,
          message: "the reloaded panel sent no query",
        });
        for (const [key, value] of Object.entries(filters)) assert.equal(again.filters[key], value, `filter ${key} kept`);
      } finally {
        tap.stop();
      }
    });

    it(caseTitle("F08"), async () => {
      await sim.clearRequests();
      await sim.setFaults([{ match: { path: TRAFFIC }, status: 422, message: "invalid protocol" }]);
      const { answer } = await panelAnswer({ from: "last7d", search: "f08" });
      assert.equal(answer.type === "error" && answer.problem, "invalidRequest");
      assert.match(answer.type === "error" ? answer.message : "", /NetBird refused the request: invalid protocol\. Check the filter values/);
      assert.equal((await sim.requestsTo(TRAFFIC)).length, 1);
      assert.deepEqual(notices(stubs), []);
    });

    it(`${caseTitle("F26")} — traffic page`, async () => {
      await sim.setFaults([{ match: { path: TRAFFIC }, body: "wrong-shape" }]);
      const { answer } = await panelAnswer({ from: "last7d", search: "f26" });
      assert.equal(answer.type === "error" && answer.problem, "error");
      assert.match(answer.type === "error" ? answer.message : "", /response\.data: expected an array/);
      assert.deepEqual(notices(stubs), []);
    });

    it(caseTitle("F29"), async function () {
      this.timeout(120_000);
      await sim.setFaults([{ match: { path: TRAFFIC }, body: "huge", times: 1 }]);
      const t0 = Date.now();
      const { answer, rest } = await panelAnswer({ from: "last7d", protocol: "UDP" });
      const answeredMs = Date.now() - t0;
      assert.equal(answer.type, "page", answer.type === "error" ? answer.message : "");
      assert.ok(answer.type === "page" && answer.result.rowCount > 40_000, "the 50 MB page holds every record");
      // Its first screen travels first; the rest follows, numbered on from there.
      assert.equal(answer.result.rows.length, 500);
      assert.ok(rest && rest.pageKey === answer.result.pageKey);
      assert.equal(answer.result.rows.length + rest.rows.length, answer.result.rowCount, "every record of the 50 MB page is shown");
      assert.equal(rest.rows[0]?.index, 500);
      await settled(nb, 30_000);
      assert.deepEqual(notices(stubs), []);
      // The panel still answers normally afterwards.
      const next = await panelAnswer({ from: "last7d", protocol: "TCP" });
      assert.equal(next.answer.type, "page");
      testLog("      50 MB page: answered after %d ms, the next query answered after %d ms", answeredMs, Date.now() - t0);
    });

    it(caseTitle("F32"), async () => {
      await settled(nb); // the panel's prefetch from the previous case would take the one-time fault
      const info = await sim.info();
      // The export's first page is served, then the connection drops for every later page. Matching the
      // export's page size leaves the panel's own requests (a late prefetch on a busy machine) alone.
      const exportPages = { path: TRAFFIC, query: { page_size: "5000" } };
      await sim.setFaults([{ match: exportPages, times: 1 }, { match: exportPages, destroy: true }]);
      const file = join(dir, "midway.csv");
      const result = await vscode.commands.executeCommand("netbird.traffic.export", { from: "last7d" }, { format: "csv", file });
      assert.equal(result, undefined);
      assert.equal(existsSync(file), false, "the partial file was removed");
      assert.ok(info.counts.traffic > 5_000, "more than one page to export");
      const shown = notices(stubs);
      assert.equal(shown.length, 1, shown.join(" | "));
      assert.match(shown[0] ?? "", /the export stopped after 5,000 records and the partial file was removed\. The connection to 127\.0\.0\.1:\d+ was closed before the response was complete/);
      await settled(nb);
      assert.throws(() => readFileSync(file), /ENOENT/);
    });
  });
});

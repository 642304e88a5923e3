// The fault matrix, connection side: DNS, refused and timed-out connections, TLS with a private CA, and a
// proxy that refuses CONNECT, all on loopback. The management URL points at servers this file starts in
// the extension host (a TCP front, a TLS forwarder, a CONNECT proxy), each in front of the run's simulator.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { NetBirdEventsApi } from "../../../src/testApi";
import { simulatorEnv, token } from "../env";
import { api, refreshAudit, signInAs, signOut } from "../netbird";
import { SimulatorControl } from "../simulatorControl";
import { startConnectProxy, type ConnectProxy } from "../../support/connectProxy";
import { makeTlsFixture, type TlsFixture } from "../../support/tlsFixtures";
import { startTlsForwarder, type TlsForwarder } from "../../support/tlsForwarder";
import { caseTitle } from "./catalogue";
import { assertKept, DnsHook, refreshAs, settled, signInWith, startTcpFront, useManagementUrl, type TcpFront } from "./support";
import { setSetting } from "../helpers";

describe("reliability: fault matrix (connections)", function () {
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  let nb: NetBirdEventsApi;

  /** Loads the audit events once at the current URL and returns what a kept list must still show. */
  async function loadBaseline(): Promise<{ total: number; shown: number }> {
    await refreshAudit();
    const state = nb.auditState();
    assert.equal(state.state, "ready", String(state.error));
    assert.ok(state.total > 0);
    return { total: state.total, shown: state.shown };
  }

  /** A refresh that fails with one notification matching `pattern`; the list is kept. */
  async function expectKept(baseline: { total: number; shown: number }, pattern: RegExp): Promise<number> {
    const result = await refreshAs(nb);
    assert.equal(result.errors.length, 1, `one notification, got: ${result.notices.join(" | ")}`);
    assert.equal(result.notices.length, 1, result.notices.join(" | "));
    assert.match(String(result.errors[0]?.args[0]), pattern);
    assertKept(nb, baseline, pattern);
    await settled(nb);
    return result.ms;
  }

  async function expectRecovered(baseline: { total: number }): Promise<void> {
    const result = await refreshAs(nb);
    assert.deepEqual(result.notices, []);
    assert.equal(nb.auditState().stale, false);
    assert.equal(nb.auditState().total, baseline.total);
  }

  before(async () => {
    nb = await api();
    await sim.reset();
    await signOut();
  });
  afterEach(() => sim.reset());

  describe("DNS (lookups answered by a hook in the extension host; no resolver is asked)", () => {
    const host = "netbird-dns.localhost";
    let hook: DnsHook;
    let undoUrl: (() => Promise<void>) | undefined;
    let undoTimeout: (() => Promise<void>) | undefined;
    before(async () => {
      hook = new DnsHook();
      hook.answers.set(host, "127.0.0.1");
      undoUrl = await useManagementUrl(`http://${host}:${new URL(simulatorEnv().url).port}`);
    });
    after(async () => {
      await signOut();
      await undoTimeout?.();
      await undoUrl?.();
      hook.restore();
    });

    it(caseTitle("F18"), async () => {
      await signInAs("owner");
      const baseline = await loadBaseline();
      assert.ok(hook.count(host) >= 1, "the extension's connections use the hooked lookup");
      // A settings change rebuilds the client, so the next request opens a new connection (and looks up again).
      hook.answers.set(host, "ENOTFOUND");
      undoTimeout = await setSetting("netbird.http.timeout", 29);
      const before = hook.count(host);
      await expectKept(baseline, new RegExp(`Cannot find the host ${host.replace(/\./g, "\\.")} \\(DNS lookup failed\\)\\. Check the management URL \\(setting netbird\\.managementUrl\\), your DNS and VPN`));
      assert.equal(hook.count(host) - before, 1, "ENOTFOUND is final: no retry");
      hook.answers.set(host, "EAI_AGAIN");
      const again = hook.count(host);
      await expectKept(baseline, /Cannot find the host .*DNS lookup failed/);
      assert.equal(hook.count(host) - again, 3, "a temporary DNS failure is retried, 3 attempts in all");
      hook.answers.set(host, "127.0.0.1");
      await expectRecovered(baseline);
    });
  });

  describe("TLS with a private CA, connect timeout, refused connection", () => {
    let fixture: TlsFixture;
    let tls: TlsForwarder;
    let front: TcpFront;
    let url: string;
    const undo: (() => Promise<void>)[] = [];
    let baseline: { total: number; shown: number };

    before(async () => {
      fixture = makeTlsFixture();
      tls = await startTlsForwarder(simulatorEnv().url, fixture);
      front = await startTcpFront(Number(new URL(tls.url).port));
      url = `https://127.0.0.1:${front.port}`;
      undo.push(await useManagementUrl(url));
    });
    after(async () => {
      await front.setMode("forward");
      await signOut();
      for (const u of undo.reverse()) await u();
      await front.close();
      await tls.close();
      fixture.cleanup();
    });

    it(caseTitle("F30"), async () => {
      // Unknown CA: sign-in explains it and stores nothing.
      const refused = await signInWith("owner");
      assert.equal(refused.notices.length, 1, refused.notices.join(" | "));
      assert.match(
        refused.notices[0] ?? "",
        /sign-in failed\. Cannot open a secure connection to 127\.0\.0\.1:\d+: its certificate is not signed by a trusted authority\. If your server uses a private certificate authority, add its PEM file to the setting netbird\.http\.caCertificates/,
      );
      assert.equal(nb.sessionState(), "signedOut");
      // The CA file in netbird.http.caCertificates fixes it.
      const undoCa = await setSetting("netbird.http.caCertificates", [fixture.caPath]);
      await signInAs("owner");
      baseline = await loadBaseline();
      // Without it again (e.g. the setting was lost), a refresh fails and the list stays.
      await undoCa();
      await expectKept(baseline, /not signed by a trusted authority.*netbird\.http\.caCertificates/);
      undo.push(await setSetting("netbird.http.caCertificates", [fixture.caPath]));
      await expectRecovered(baseline);
    });

    it(caseTitle("F19"), async () => {
      assert.ok(baseline, "signed in over TLS by the previous case");
      undo.push(await setSetting("netbird.http.timeout", 5));
      await front.setMode("silent");
      const accepted = front.accepted();
      const ms = await expectKept(baseline, /127\.0\.0\.1:\d+ did not accept a connection within 5 s\. Check the management URL, your network, VPN, then retry/);
      assert.ok(ms >= 4_500 && ms < 15_000, `gave up after ${ms} ms`);
      assert.equal(front.accepted() - accepted, 1, "one attempt: a connect timeout is not retried");
      await front.setMode("forward");
      await expectRecovered(baseline);
    });

    it(caseTitle("F17"), async () => {
      assert.ok(baseline, "signed in over TLS by the previous case");
      await front.setMode("down");
      await sim.clearRequests();
      await expectKept(baseline, /127\.0\.0\.1:\d+ refused the connection\. Check that the NetBird management server is running and the URL \(netbird\.managementUrl\) is right/);
      assert.equal((await sim.requests()).length, 0);
      await front.setMode("forward");
      await expectRecovered(baseline);
    });
  });

  describe("proxy", () => {
    let proxy: ConnectProxy;
    before(async () => {
      proxy = await startConnectProxy({ refuse: 403 });
      await signInAs("owner");
    });
    after(async () => {
      await signOut();
      await proxy.close();
    });

    it(caseTitle("F31"), async () => {
      const baseline = await loadBaseline();
      const target = new URL(simulatorEnv().url).host;
      // While the proxy setting is on, this test makes no other request of its own (VS Code may proxy them too).
      const undoProxy = await setSetting("http.proxy", proxy.url);
      try {
        await expectKept(baseline, new RegExp(`The proxy refused to connect to ${target.replace(/\./g, "\\.")} \\(HTTP 403\\)\\. Check the proxy settings \\(http\\.proxy, http\\.proxyAuthorization, http\\.noProxy\\)`));
      } finally {
        await undoProxy();
      }
      assert.equal(proxy.connects.filter((c) => c === target).length, 1, `one CONNECT, no retry: ${proxy.connects.join(", ")}`);
      assert.ok(!proxy.authorizations.some((a) => a?.includes(token("owner").slice(4, 30))), "the proxy never sees the token");
      await expectRecovered(baseline);
      assert.equal(proxy.connects.filter((c) => c === target).length, 1, "direct again once the setting is gone");
    });
  });

  after(async () => {
    await signOut();
    assert.equal(vscode.workspace.getConfiguration("netbird").get("managementUrl"), simulatorEnv().url, "the management URL is restored");
  });
});

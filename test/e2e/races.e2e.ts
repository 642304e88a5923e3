// Races and errors in the Traffic Events panel of the real workbench, driven through its controls as a
// user: a burst of filter changes while the server is slow, and a failing query while the user types.
import * as assert from "node:assert/strict";
import type { FrameLocator } from "playwright-core";
import { TOKENS, type LoggedRequest } from "../../simulator/server";
import { REPO_ROOT } from "../host/paths";
import { arrivalsDueAfter, assertSupersededCancelled, BURST_CHANGES, BURST_CHECKPOINTS, burstSettled, missedCheckpoint } from "../support/supersededRequests";
import { caseTitle } from "../integration/reliability/catalogue";
import { recordCaseResults } from "../integration/reliability/results";
import { startE2eHost, type E2eHost } from "./e2eHost";

const TRAFFIC = "/api/events/network-traffic";

describe("traffic panel races and errors in the real workbench", () => {
  let host: E2eHost;
  let web: FrameLocator;
  recordCaseResults(() => REPO_ROOT, "e2e-races.json");
  const traffic = (): LoggedRequest[] => host.simulator!.requests.filter((r) => r.path === TRAFFIC);
  const waitForState = (state: string, timeout = 20_000) => web.locator(`body[data-state="${state}"]`).waitFor({ state: "attached", timeout });
  const rows = () => web.locator('#traffic-table .tbody .body-row:not([hidden])');

  before(async () => {
    host = await startE2eHost({ name: "races", simulator: { seed: 9, auditCount: 300, trafficCount: 4000 } });
    const wb = host.workbench;
    await wb.signIn(TOKENS.owner);
    await wb.runCommand("NetBird: Browse Traffic Events");
    web = wb.webview();
    await waitForState("ready", 30_000);
  });
  after(async () => {
    await host?.close();
  });

  it(caseTitle("L05"), async function () {
    this.timeout(120_000);
    const direction = web.getByLabel("Direction", { exact: true });
    await web.getByLabel("From", { exact: true }).selectOption("last7d");
    await waitForState("ready");
    await host.page.waitForTimeout(1_000); // the prefetch of page 2 settles
    // The simulator holds every request of the burst until the test lets them go: each one is superseded while
    // it runs, however long a busy machine takes between two changes.
    host.simulator!.setFaults([{ match: { path: TRAFFIC }, hold: true }]);
    host.simulator!.resetLog();
    const firstPages = () => traffic().filter((r) => r.query.page === "1");
    // The last value comes only last, so its request is known when it reaches the server.
    const values = ["INGRESS", "DIRECTION_UNKNOWN", ""];
    const started = Date.now();
    try {
      for (let i = 0; i < BURST_CHANGES - 1; i++) {
        await direction.selectOption(values[i % values.length] as string);
        // Now and then a request must have reached the server, so the cancellations below are of real requests.
        const due = arrivalsDueAfter(i);
        if (due) await host.workbench.waitUntil(async () => firstPages().length >= due, 15_000, () => missedCheckpoint(i, firstPages()));
      }
      await direction.selectOption("EGRESS");
      const burstMs = Date.now() - started;
      await host.workbench
        .waitUntil(async () => burstSettled(firstPages(), (r) => r.query.direction === "EGRESS"), 15_000, () => "the burst's requests did not end")
        .catch((error: unknown) => console.log(`      ${String(error)}`));
      host.simulator!.clearFaults();
      await web.locator('body[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
      await host.page.waitForTimeout(1_000);
      console.log(`      burst: 100 changes in ${burstMs} ms, ${firstPages().length} reached the server`);
    } finally {
      host.simulator!.clearFaults();
    }
    assert.equal(await direction.inputValue(), "EGRESS");
    // The burst's first pages, read before the test asks the server itself.
    const burst = firstPages();
    // The page shown is the last filter's: its first page as the API returns it.
    const last = burst.at(-1);
    assert.equal(last?.query.direction, "EGRESS", "the last request is for the last value");
    assert.equal(last?.status, 200);
    const expected = (await (await fetch(`${host.simulator!.url}${TRAFFIC}?${new URLSearchParams(last?.query as Record<string, string>)}`, { headers: { authorization: `Token ${TOKENS.owner}` } })).json()) as {
      total_records: number;
      data: { direction: string }[];
    };
    assert.match(await web.locator("#record-count").innerText(), new RegExp(`\\b${expected.total_records.toLocaleString("en-US")} records`));
    const shown = (await rows().allInnerTexts()).map((t) => t.replace(/\s+/g, " "));
    assert.ok(shown.length > 5);
    for (const text of shown) assert.match(text, /Egress/, text);
    // Superseded requests were cancelled: the simulator saw them closed without an answer. (A query superseded
    // before its request left the host never reaches the server: correct, and not counted.)
    assertSupersededCancelled(burst.slice(0, -1), BURST_CHECKPOINTS);
    assert.match(await web.locator("#status").innerText(), /records|Page 1/i);
    await host.workbench.screenshot("after-100-changes");
  });

  it(caseTitle("F33"), async () => {
    await web.getByLabel("Direction", { exact: true }).selectOption("INGRESS");
    await waitForState("ready");
    await host.page.waitForTimeout(1_000);
    host.simulator!.setFaults([{ match: { path: TRAFFIC }, status: 500 }]);
    const search = web.getByLabel("Search", { exact: true });
    await search.click();
    await search.pressSequentially("typed while failing", { delay: 20 });
    // A busy machine can send a query for part of the text first (a pause over the debounce): wait for the whole.
    await host.workbench.waitUntil(async () => traffic().some((r) => r.query.search === "typed while failing"), 20_000, () => "the whole search never reached the server");
    await waitForState("error", 30_000);
    assert.match(await web.locator("#state-panel").innerText(), /HTTP 500/);
    // What the user typed and chose is all still there.
    assert.equal(await search.inputValue(), "typed while failing");
    assert.equal(await web.getByLabel("Direction", { exact: true }).inputValue(), "INGRESS");
    assert.equal(await web.getByLabel("From", { exact: true }).inputValue(), "last7d");
    const toasts = await host.workbench.toasts();
    assert.ok(!toasts.some((t) => /HTTP 500/.test(t)), `the panel explains it, no toast: ${toasts.join(" | ")}`);
    await host.workbench.screenshot("error-keeps-input");
    host.simulator!.clearFaults();
    host.simulator!.resetLog();
    await web.getByRole("button", { name: "Retry" }).click();
    await web.locator('body[data-state="ready"], body[data-state="empty"]').waitFor({ state: "attached", timeout: 20_000 });
    const retried = traffic().find((r) => r.query.page === "1");
    assert.equal(retried?.query.search, "typed while failing");
    assert.equal(retried?.query.direction, "INGRESS");
  });
});

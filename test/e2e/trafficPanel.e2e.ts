import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { FrameLocator } from "playwright-core";
import { TOKENS, type LoggedRequest } from "../../simulator/server";
import type { TrafficEvent } from "../../src/core/api/models";
import { suggestionsOf } from "../../src/core/traffic/trafficRows";
import { startE2eHost, type E2eHost } from "./e2eHost";

/** Drives the Traffic Events webview as a user: every filter, paging, row JSON, export, and its states. */
describe("traffic events panel (as a user)", () => {
  let host: E2eHost;
  let web: FrameLocator;
  const trafficRequests = (): LoggedRequest[] => host.simulator!.requests.filter((r) => r.path === "/api/events/network-traffic");
  const lastQuery = () => trafficRequests().at(-1)?.query ?? {};
  const state = async () => web.locator("body").getAttribute("data-state");
  const waitForState = async (expected: string, timeout = 20_000) => {
    await web.locator(`body[data-state="${expected}"]`).waitFor({ state: "attached", timeout });
  };
  /** Waits until the simulator has seen a traffic request whose query satisfies `match`, then for the page to be painted. */
  const waitForQuery = async (match: (q: Record<string, string | string[]>) => boolean, what: string) => {
    await host.workbench.waitUntil(async () => trafficRequests().some((r) => match(r.query)), 20_000, () => `no traffic request with ${what}; last: ${JSON.stringify(lastQuery())}`);
    await web.locator('body[data-state="ready"], body[data-state="empty"]').waitFor({ state: "attached", timeout: 20_000 });
  };
  const rows = () => web.locator('#traffic-table .tbody .body-row:not([hidden])');
  /** The text of the traffic event JSON tab that has just opened. */
  const openedTrafficJson = async () => {
    await host.page.locator(".editor-group-container.active .tab.active", { hasText: /traffic-/ }).waitFor({ timeout: 15_000 });
    return host.workbench.activeEditorText();
  };
  const rowTexts = async () => (await rows().allInnerTexts()).map((t) => t.replace(/\s+/g, " "));
  /** Every traffic request answers HTTP 500 until the faults are cleared. */
  const failTraffic = () => host.simulator!.setFaults([{ match: { path: "/api/events/network-traffic" }, status: 500 }]);
  /** The rows on screen are (the first of) `before`: with a banner above, fewer of the same rows are rendered. */
  const expectRowsKept = async (before: string[], when: string) => {
    const kept = await rowTexts();
    assert.ok(kept.length >= 5, `rows stay on screen ${when} (${kept.length})`);
    assert.deepEqual(kept, before.slice(0, kept.length), `the rows loaded before stay ${when}`);
  };
  const setSelect = async (label: string, value: string) => web.getByLabel(label, { exact: true }).selectOption(value);
  const fill = async (label: string, value: string) => {
    const control = web.getByLabel(label, { exact: true });
    await control.fill(value);
    await control.press("Enter");
  };

  before(async () => {
    host = await startE2eHost({ name: "traffic-panel", simulator: { seed: 5, auditCount: 500, trafficCount: 6000 } });
    const wb = host.workbench;
    await wb.signIn(TOKENS.owner);
  });
  after(async () => {
    await host?.close();
  });

  it("opens from the palette and shows the first page (page 1, 100 rows, last 24 hours)", async () => {
    await host.workbench.runCommand("NetBird: Browse Traffic Events");
    web = host.workbench.webview();
    await waitForState("ready");
    // The first request is page 1; the page after it is prefetched.
    const query = trafficRequests()[0]?.query ?? {};
    assert.equal(query.page, "1");
    assert.equal(query.page_size, "100");
    assert.ok(query.start_date, "a time window is sent");
    assert.ok((await rows().count()) > 10, "rows are painted");
    assert.ok((await rows().count()) <= 200, "the body is virtualized");
    assert.match(await web.locator("#page-label").innerText(), /Page 1 of \d+/);
    assert.match(await web.locator("#record-count").innerText(), /[\d,]+ records/);
    // As in VS Code, the webview has an origin (so a renderer process) of its own (test/host/webviewOrigin.ts).
    const origin = String(await web.locator("body").evaluate("location.origin"));
    assert.match(origin, /^http:\/\/[0-9a-v]+\.localhost:\d+$/);
    assert.notEqual(origin, new URL(host.page.url()).origin);
    await host.workbench.screenshot("traffic-first-page");
  });

  it("sends every filter the user sets, and the rows match", async () => {
    const records = host.simulator!.dataset.traffic.map((row) => row.record);
    const sample = records.find((f) => f.user.id && f.source.type === "PEER") ?? records[0]!;
    await setSelect("From", "last7d");
    await waitForQuery((q) => typeof q.start_date === "string" && Date.parse(q.start_date) < Date.now() - 6 * 24 * 3600_000, "a 7-day window");

    await setSelect("Protocol", "").catch(() => undefined);
    await fill("Protocol", "TCP");
    await waitForQuery((q) => q.protocol === "6", "protocol=6");
    for (const text of (await rowTexts()).slice(0, 20)) assert.match(text, /\bTCP\b/, text);
    await fill("Protocol", "");

    await setSelect("Direction", "EGRESS");
    await waitForQuery((q) => q.direction === "EGRESS", "direction=EGRESS");
    for (const text of (await rowTexts()).slice(0, 20)) assert.match(text, /EGRESS|Egress|Out/i, text);
    await setSelect("Type", "TYPE_DROP");
    await waitForQuery((q) => q.type === "TYPE_DROP" && q.direction === "EGRESS", "type=TYPE_DROP with direction");
    await setSelect("Connection type", "ROUTED");
    await waitForQuery((q) => q.connection_type === "ROUTED", "connection_type=ROUTED");
    await host.workbench.screenshot("traffic-filtered");
    await web.getByRole("button", { name: "Clear filters" }).first().click();
    await waitForQuery((q) => !q.direction && !q.type && !q.connection_type, "cleared filters");

    for (const [label, param, value] of [
      ["User", "user_id", sample.user.id],
      ["Reporter", "reporter_id", sample.reporter_id],
      ["Source", "source_id", sample.source.id],
      ["Destination", "destination_id", sample.destination.id],
    ] as const) {
      await fill(label, value);
      await waitForQuery((q) => q[param] === value, `${param}=${value}`);
      await fill(label, "");
    }
    await fill("Search", sample.source.name.slice(0, 6));
    await waitForQuery((q) => q.search === sample.source.name.slice(0, 6), "search");
    const needle = sample.source.name.slice(0, 6).toLowerCase();
    for (const text of (await rowTexts()).slice(0, 10)) assert.ok(text.toLowerCase().includes(needle) || /@/.test(text), text);
    await fill("Search", "");
    await fill("Page size", "50");
    await waitForQuery((q) => q.page_size === "50", "page_size=50");
  });

  it("shows invalid input inline and never sends it", async () => {
    // First pages only: whatever the invalid input sent would be one (a late prefetch of page 2 is not).
    const firstPages = () => trafficRequests().filter((r) => r.query.page === "1").length;
    const before = firstPages();
    await fill("Protocol", "300");
    const error = web.locator("#filters [aria-invalid='true']");
    await error.first().waitFor();
    await host.page.waitForTimeout(800);
    assert.equal(firstPages(), before, "nothing was sent");
    await host.workbench.screenshot("traffic-invalid-input");
    await fill("Protocol", "");
    await waitForState("ready");
    const beforeSize = firstPages();
    await fill("Page size", "60000");
    await web.locator("#filters [aria-invalid='true']").first().waitFor();
    await host.page.waitForTimeout(800);
    assert.equal(firstPages(), beforeSize, "nothing was sent");
    await fill("Page size", "100");
    await waitForState("ready");
  });

  it("pages forward and back", async () => {
    await web.getByRole("button", { name: "Next page" }).click();
    await web.locator("#page-label", { hasText: /Page 2 of/ }).waitFor();
    assert.ok(trafficRequests().some((r) => r.query.page === "2"), "page 2 was fetched (prefetched or on demand)");
    await web.getByRole("button", { name: "Previous page" }).click();
    await web.locator("#page-label", { hasText: /Page 1 of/ }).waitFor();
  });

  it("keeps the rows on screen when a request fails, says which rows they are, and retries", async () => {
    await web.locator("#page-label", { hasText: /Page 1 of/ }).waitFor();
    const before = await rowTexts();
    failTraffic();
    try {
      await setSelect("Direction", "EGRESS");
      await waitForState("error", 30_000);
      const banner = web.locator("#state-panel.is-banner");
      await banner.waitFor();
      assert.match(await banner.innerText(), /could not be loaded[\s\S]*HTTP 500/);
      assert.match(await banner.innerText(), /Still showing the earlier results \(page 1, loaded at .+\); they do not match the filters above\./);
      await expectRowsKept(before, "under the error");
      assert.ok(await web.locator("#page-label").isHidden(), "no paging through rows of other filters");
      assert.match((await web.locator("#status").textContent()) ?? "", /could not be loaded.*Still showing the earlier results/);
      await host.workbench.screenshot("traffic-error-keeps-rows");
      // The answer to Retry comes when the test lets it: meanwhile the rows stay, the table marked busy.
      host.simulator!.setFaults([{ match: { path: "/api/events/network-traffic" }, hold: true, times: 1 }]);
      const sent = trafficRequests().length;
      await banner.getByRole("button", { name: "Retry" }).click();
      await waitForState("loading");
      await expectRowsKept(before, "while Retry loads");
      assert.equal(await web.locator(".results.is-busy").count(), 1, "the table is marked busy");
      await host.workbench.waitUntil(async () => trafficRequests().length > sent, 20_000, () => "Retry sent no request");
      host.simulator!.clearFaults();
      await waitForState("ready", 30_000);
      assert.ok(await web.locator("#state-panel").isHidden(), "the banner is gone");
      assert.notDeepEqual(await rowTexts(), before);
      for (const text of (await rowTexts()).slice(0, 20)) assert.match(text, /EGRESS|Egress|Out/i, text);
      // The same view failing again: its rows stay, they match the filters, and paging stays.
      failTraffic();
      await web.getByRole("button", { name: "Refresh" }).click();
      await waitForState("error", 30_000);
      await banner.waitFor();
      assert.match(await banner.innerText(), /Still showing the earlier results \(page 1, loaded at [^)]+\)\.$/m);
      assert.match(await web.locator("#page-label").innerText(), /Page 1 of/);
      host.simulator!.clearFaults();
      await banner.getByRole("button", { name: "Retry" }).click();
      await waitForState("ready");
    } finally {
      host.simulator!.clearFaults();
      await setSelect("Direction", "");
      await waitForState("ready");
    }
  });

  it("paints a big page's first rows at once and adds the rest; a sorted view waits for every row", async () => {
    const tableRows = async () => Number(await web.locator("#traffic-table").getAttribute("aria-rowcount")) - 1;
    // Records (in the page) how many rows the table had when the next result was first painted as ready.
    const watchFirstPaint = () =>
      web.locator("body").evaluate(`(() => {
        const body = document.body;
        window.firstReadyRows = undefined;
        const observer = new MutationObserver(() => {
          if (body.dataset.state !== "ready") return;
          window.firstReadyRows = Number(document.getElementById("traffic-table").getAttribute("aria-rowcount")) - 1;
          observer.disconnect();
        });
        observer.observe(body, { attributes: true, attributeFilter: ["data-state"] });
      })()`);
    const firstPaintRows = async () => Number(await web.locator("body").evaluate("window.firstReadyRows"));
    await setSelect("From", "last7d");
    await waitForState("ready");
    await watchFirstPaint();
    await fill("Page size", "5000");
    await waitForQuery((q) => q.page_size === "5000", "page_size=5000");
    const asked = trafficRequests().filter((r) => r.query.page_size === "5000" && r.query.page === "1").at(-1)!;
    const replay = new URLSearchParams(asked.query as Record<string, string>);
    const served = (await (await fetch(`${host.simulator!.url}/api/events/network-traffic?${replay}`, { headers: { authorization: `Token ${TOKENS.owner}` } })).json()) as { data: TrafficEvent[] };
    const expected = served.data.length;
    assert.ok(expected > 2_000, `a page big enough to come in two parts (${expected} rows)`);
    // The first rows are on screen; the rest arrive a moment later and the table grows to every row.
    await host.workbench.waitUntil(async () => (await tableRows()) === expected, 20_000, async () => `the table holds ${await tableRows()} of ${expected} rows`);
    assert.equal(await firstPaintRows(), 500, "the first 500 rows were painted before the rest arrived");
    // The filter suggestions come from every row once the rest is there (the first part brought its own).
    const everyRow = suggestionsOf(served.data);
    const firstRows = suggestionsOf(served.data.slice(0, 500));
    assert.ok(everyRow.destinations.length > firstRows.destinations.length, "the rest of the page has destinations the first rows lack");
    assert.equal(await web.locator("#suggest-destinationId option").count(), everyRow.destinations.length);
    assert.doesNotMatch(await web.locator("#status").innerText(), /Loading the rest/);
    assert.match(await web.locator("#status").innerText(), new RegExp(`records 1–${expected.toLocaleString("en-US")} of`));
    await host.workbench.screenshot("traffic-big-page");
    // Sorted by time (oldest first), a refresh paints only once every row is there: no reordering under the user.
    await web.getByRole("columnheader", { name: /^Time/ }).getByRole("button").click();
    await web.getByRole("columnheader", { name: /^Time/ }).getByRole("button").click();
    await watchFirstPaint();
    await web.getByRole("button", { name: "Refresh" }).click();
    await web.locator('body[data-state="loading"]').waitFor({ state: "attached" }).catch(() => undefined);
    await waitForState("ready");
    assert.equal(await firstPaintRows(), expected, "the sorted view was first painted with every row");
    await fill("Page size", "100");
    await waitForQuery((q) => q.page_size === "100", "page_size=100");
  });

  it("opens a row's exact JSON from its actions menu", async () => {
    const firstRow = rows().first();
    await firstRow.getByRole("button", { name: /^Actions for flow/ }).click();
    await web.getByRole("menuitem", { name: "Open JSON" }).click();
    const text = await openedTrafficJson();
    const flowId = /"flow_id": "([^"]+)"/.exec(text)?.[1];
    assert.ok(flowId, text.slice(0, 200));
    assert.ok(host.simulator!.dataset.traffic.some((row) => row.record.flow_id === flowId));
    assert.equal(await host.workbench.languageStatus(), "JSON");
    await host.workbench.screenshot("traffic-row-json");
    await host.page.keyboard.press("Control+W");
  });

  it("opens a row's exact JSON from VS Code's context menu on the row (right-click)", async () => {
    const row = rows().nth(1);
    const flowId = await row.getAttribute("data-flow-id");
    assert.ok(flowId);
    await row.click({ button: "right" });
    // VS Code's own menu, with the row's commands and without Cut/Copy/Paste.
    const menu = host.page.locator(".context-view .monaco-menu");
    await menu.getByRole("menuitem", { name: /Copy Flow ID/ }).waitFor({ timeout: 10_000 });
    assert.equal(await menu.getByRole("menuitem", { name: /^Paste/ }).count(), 0);
    // The menu ignores a release right after it opened (the right button's own); pick the item by keyboard.
    const open = menu.getByRole("menuitem", { name: /Open JSON/ });
    for (let i = 0; i < 5 && !/\bfocused\b/.test((await open.locator("..").getAttribute("class")) ?? ""); i++) await host.page.keyboard.press("ArrowDown");
    await host.page.keyboard.press("Enter");
    assert.match(await openedTrafficJson(), new RegExp(`"flow_id": "${flowId}"`));
    await host.page.keyboard.press("Control+W");
  });

  it("exports the filtered records to a CSV file the user picks", async () => {
    web = host.workbench.webview();
    await web.getByRole("button", { name: "Export…" }).click();
    await host.workbench.answerQuickInput("CSV");
    const file = path.join(host.dirs.workspace, "traffic-export.csv");
    await host.workbench.answerSaveDialog("Export traffic events", file, /netbird-traffic-[\d-]+\.csv$/);
    await host.workbench.waitForToast(/exported [\d,]+ traffic events/, 60_000);
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
    assert.match(lines[0] ?? "", /^flow_id,time,/);
    assert.ok(lines.length > 1);
    await host.workbench.screenshot("traffic-exported");
  });

  it("explains each state: empty, error with Retry, not available, logging disabled", async () => {
    web = host.workbench.webview();
    await fill("Search", "zzz-no-such-flow");
    await waitForState("empty");
    await host.workbench.screenshot("traffic-empty");
    await fill("Search", "");
    failTraffic();
    await web.getByRole("button", { name: "Refresh" }).click();
    await waitForState("error", 30_000);
    assert.match(await web.locator("#state-panel").innerText(), /HTTP 500/);
    await host.workbench.screenshot("traffic-error");
    host.simulator!.clearFaults();
    await web.getByRole("button", { name: "Retry" }).click();
    await waitForState("ready");
    host.simulator!.setDataset({ trafficAvailable: false });
    await web.getByRole("button", { name: "Refresh" }).click();
    await waitForState("notAvailable");
    assert.match(await web.locator("#state-panel").innerText(), /NetBird Cloud/);
    const toasts = await host.workbench.toasts();
    assert.ok(!toasts.some((t) => /not available|404/i.test(t)), `no error toast for a server without traffic events: ${toasts.join(" | ")}`);
    await host.workbench.screenshot("traffic-not-available");
    // The rows it replaced do not come back under a later passing error.
    failTraffic();
    await web.getByRole("button", { name: "Refresh" }).click();
    await waitForState("error", 30_000);
    assert.equal(await web.locator("#state-panel.is-banner").count(), 0, "a full error panel");
    assert.equal(await rows().count(), 0, "no row from before “not available”");
    host.simulator!.clearFaults();
    host.simulator!.setDataset({ trafficAvailable: true, trafficLoggingEnabled: false });
    await web.getByRole("button", { name: "Refresh" }).click();
    await waitForState("loggingDisabled");
    await host.workbench.screenshot("traffic-logging-disabled");
    host.simulator!.setDataset({ trafficLoggingEnabled: true });
    await web.getByRole("button", { name: "Refresh" }).click();
    await waitForState("ready");
  });

  it("drops the rows shown when another token signs in, also when its first request fails", async () => {
    web = host.workbench.webview();
    await waitForState("ready");
    assert.ok((await rows().count()) > 0);
    failTraffic();
    try {
      await host.workbench.signIn(TOKENS.admin);
      await waitForState("error", 30_000);
      assert.match(await web.locator("#state-panel").innerText(), /HTTP 500/);
      assert.equal(await web.locator("#state-panel.is-banner").count(), 0, "a full error panel, not a banner over the earlier rows");
      assert.equal(await rows().count(), 0, "no row of the previous token stays");
    } finally {
      host.simulator!.clearFaults();
      await host.workbench.signIn(TOKENS.owner);
      await waitForState("ready");
    }
  });

  it("comes back with its filters and page after a window reload", async () => {
    host.simulator!.clearFaults();
    host.simulator!.setDataset({ trafficAvailable: true, trafficLoggingEnabled: true });
    web = host.workbench.webview();
    await setSelect("Direction", "INGRESS");
    await waitForQuery((q) => q.direction === "INGRESS", "direction=INGRESS");
    await web.getByRole("button", { name: "Next page" }).click();
    await web.locator("#page-label", { hasText: /Page 2 of/ }).waitFor();
    host.simulator!.resetLog();
    await host.page.waitForTimeout(500);
    const reloaded = host.page.waitForEvent("load", { timeout: 60_000 });
    await host.workbench.runCommand("Developer: Reload Window").catch(() => undefined);
    await reloaded;
    await host.workbench.waitForReady();
    web = host.workbench.webview();
    await waitForState("ready", 30_000);
    assert.equal(await web.getByLabel("Direction", { exact: true }).inputValue(), "INGRESS");
    assert.match(await web.locator("#page-label").innerText(), /Page 2 of/);
    assert.ok(trafficRequests().some((r) => r.query.direction === "INGRESS" && r.query.page === "2"));
    await host.workbench.screenshot("traffic-restored");
    assert.ok((await state()) === "ready");
  });
});

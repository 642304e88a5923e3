import * as assert from "node:assert/strict";
import type { Locator } from "playwright-core";
import { TOKENS } from "../../simulator/server";
import { DAY_PAGE_SIZE } from "../../src/core/audit/dayGroups";
import { endOfRecentBusyDay } from "../support/busyDay";
import { startE2eHost, type E2eHost } from "./e2eHost";

describe("audit events: sign in, tree, JSON, filter (as a user)", () => {
  let host: E2eHost;
  const view = "Audit Events";

  before(async () => {
    host = await startE2eHost({ name: "audit-events", simulator: { seed: 11, auditCount: 2500, trafficCount: 2000 } });
  });
  after(async () => {
    await host?.close();
  });

  it("shows the signed-out welcome view", async () => {
    const wb = host.workbench;
    await wb.openNetBirdContainer();
    await wb.welcomeButton(view, /^Sign In/).waitFor({ timeout: 15_000 });
    assert.match(await wb.welcomeText(view), /personal access token/);
    await wb.screenshot("welcome-signed-out");
  });

  it("refuses a malformed token in the input box, then signs in with the typed token", async () => {
    const wb = host.workbench;
    await wb.welcomeButton(view, /^Sign In/).click();
    const widget = host.page.locator(".quick-input-widget");
    const input = widget.locator(".quick-input-box input");
    await input.waitFor({ state: "visible" });
    assert.equal(await input.getAttribute("type"), "password", "the token is typed into a password box");
    await input.fill("not-a-token");
    await widget.locator(".quick-input-message", { hasText: /start with nbp_/ }).waitFor();
    await wb.screenshot("sign-in-validation");
    await input.fill(TOKENS.owner);
    await input.press("Enter");
    await wb.waitForToast(/Signed in to NetBird as/);
    const requests = host.simulator!.requests.filter((r) => r.path === "/api/users/current");
    assert.ok(requests.length >= 1, "the token was checked with /api/users/current");
  });

  it("fills the tree: days, newest expanded, events with sentences", async () => {
    const wb = host.workbench;
    await wb.treeItemsOf(view).first().waitFor({ timeout: 20_000 });
    const labels = await wb.treeItems(view);
    assert.ok(labels.length > 5, labels.join(" | "));
    assert.ok(labels.some((l) => /^(Today|Yesterday)/.test(l)) || labels.some((l) => /\d{4}/.test(l)), labels.slice(0, 3).join(" | "));
    // The line above the tree says who is signed in and how many events there are.
    await wb.viewPane(view).getByText(/@meridian-labs\.io · [\d,]+ events/).waitFor({ timeout: 10_000 });
    await wb.screenshot("tree");
  });

  it("opens an event's exact JSON read-only, and reopening focuses the same tab", async () => {
    const wb = host.workbench;
    const items = wb.treeItemsOf(view);
    // The first row is the day; the second is its newest event.
    await items.nth(1).click();
    // The tab shows "audit-<id> <code>" with the ".json" extension beside it.
    const activeTab = host.page.locator(".editor-group-container.active .tab.active", { hasText: /audit-\d+\s/ });
    await activeTab.waitFor();
    const title = (await activeTab.innerText()).replace(/\s+/g, " ").trim();
    assert.match(title, /^audit-\d+ \S+ ?\.json$/);
    const id = /^audit-(\d+)\s/.exec(title)?.[1];
    assert.ok(id, title);
    const served = host.simulator!.dataset.auditServed.find((e) => e.id === id);
    assert.ok(served, `event ${id} is one the API served`);
    const text = await wb.activeEditorText();
    assert.ok(text.includes(`"id": "${id}"`), text.slice(0, 200));
    assert.ok(text.includes(`"activity_code": "${served.activity_code}"`));
    assert.equal(await wb.languageStatus(), "JSON");
    await wb.screenshot("event-json");
    // Typing changes nothing: the document is read-only.
    await host.page.locator(".editor-group-container.active .monaco-editor .view-lines").click();
    await host.page.keyboard.type("xyz");
    assert.equal(await wb.activeEditorText(), text);
    await items.nth(1).click();
    assert.equal(await host.page.locator(".editor-group-container .tab", { hasText: `audit-${id} ` }).count(), 1);
  });

  it("filters through the quick pick flow; the filter shows in the view and survives a reload", async () => {
    const wb = host.workbench;
    await wb.startQuickInputCommand("NetBird: Filter Audit Events…");
    await host.page.locator(".quick-input-widget .quick-input-title", { hasText: "Filter Audit Events" }).waitFor();
    await wb.answerQuickInput("Text");
    await wb.answerQuickInput("policy");
    await wb.answerQuickInput("Apply Filter");
    await wb.viewPane(view).getByText(/events match the filter “policy”/).waitFor({ timeout: 10_000 });
    const labels = await wb.treeItems(view);
    assert.ok(labels.length > 0);
    await wb.screenshot("filtered");
    await host.page.reload();
    await wb.waitForReady();
    // The NetBird container is restored open after the reload.
    await wb.viewPane(view).getByText(/events match the filter “policy”/).waitFor({ timeout: 20_000 });
    await wb.treeItemsOf(view).first().waitFor({ timeout: 20_000 });
    await wb.screenshot("filtered-after-reload");
    await wb.runCommand("NetBird: Clear Audit Events Filter");
    await wb.viewPane(view).getByText(/events match the filter/).waitFor({ state: "detached", timeout: 10_000 });
  });

  it("lists a long day a page at a time: the Show more item (mouse or keyboard) lists the next page", async () => {
    const wb = host.workbench;
    const sim = host.simulator!;
    const page = DAY_PAGE_SIZE;
    const previous = sim.info();
    // The server's clock at the end of a recent weekday: the newest day (the expanded one) is then a whole busy day,
    // more than two pages of events, on any day at any hour.
    sim.setDataset({ auditCount: 10_000, now: endOfRecentBusyDay() });
    try {
      await wb.runCommand("NetBird: Refresh Audit Events");
      // The newest day, once the new list is in.
      const day = wb.treeItem(view, /, [2-9]\d\d events$/).first();
      await day.waitFor({ timeout: 20_000 });
      const dayName = (await day.getAttribute("aria-label")) ?? "";
      const total = Number(/, (\d+) events$/.exec(dayName)?.[1]);
      const dayLabel = dayName.replace(/, \d+ events$/, "");
      const events = wb.viewPane(view).locator('[role="treeitem"][aria-level="2"]');
      const moreItem = (listed: number) => wb.treeItem(view, `Show ${Math.min(page, total - listed)} more events of ${dayLabel}, ${total - listed} not shown`);
      /** Down the tree with the keyboard (the list scrolls with the focus) until `item` is on screen. */
      const pageDownTo = async (item: Locator) => {
        await wb.viewPane(view).locator(".monaco-list").first().focus();
        for (let i = 0; i < 20 && !(await item.isVisible()); i++) await host.page.keyboard.press("PageDown");
        if (!(await item.isVisible())) throw new Error(`no Show more item: ${(await events.evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label")))).slice(-3).join(" | ")}`);
      };
      const listed = (count: number) =>
        wb.waitUntil(async () => (await events.first().getAttribute("aria-setsize")) === String(count), 10_000, async () => `the day does not list ${count} items: ${await events.first().getAttribute("aria-setsize")}`);
      // One page of events, then Show more (the day's rows may come a moment after the day itself).
      await listed(page + 1);
      const more = moreItem(page);
      await wb.viewPane(view).locator(".monaco-list").first().focus();
      await host.page.keyboard.press("Home");
      await pageDownTo(more);
      await wb.screenshot("show-more");
      await more.click();
      await listed(2 * page + 1);
      // The keyboard alone: down to the next Show more item (now after two pages), then Enter.
      const next = moreItem(2 * page);
      await pageDownTo(next);
      // Then row by row (the list's rows carry their index) onto it.
      const focusedRow = wb.viewPane(view).locator(".monaco-list-row.focused");
      for (let i = 0; i < 60 && !/\bfocused\b/.test((await next.getAttribute("class")) ?? ""); i++) {
        const below = Number(await focusedRow.getAttribute("data-index")) > Number(await next.getAttribute("data-index"));
        await host.page.keyboard.press(below ? "ArrowUp" : "ArrowDown");
      }
      assert.match((await next.getAttribute("class")) ?? "", /\bfocused\b/, "the keyboard reaches the Show more item");
      await host.page.keyboard.press("Enter");
      await listed(total > 3 * page ? 3 * page + 1 : total);
    } finally {
      sim.setDataset({ auditCount: previous.counts.audit, now: previous.now });
      await wb.runCommand("NetBird: Refresh Audit Events");
    }
  });

  it("signs out back to the welcome view", async () => {
    const wb = host.workbench;
    await wb.runCommand("NetBird: Sign Out");
    await wb.welcomeButton(view, /^Sign In/).waitFor({ timeout: 15_000 });
  });
});

import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { DAY_PAGE_SIZE } from "../../src/core/audit/dayGroups";
import type { TreeItemSnapshot } from "../../src/testApi";
import { formatInteger } from "../../src/core/format/units";
import { PROGRESS_DELAY_MS } from "../../src/util/delayedProgress";
import { endOfRecentBusyDay } from "../support/busyDay";
import { waitFor } from "./helpers";
import { api, refreshAudit, signInAs, signOut, WindowStubs } from "./netbird";
import { SimulatorControl } from "./simulatorControl";

const eventsOf = (tree: readonly TreeItemSnapshot[]) => tree.flatMap((day) => day.children ?? []);

describe("Audit Events tree", () => {
  const sim = SimulatorControl.fromEnv();
  before(async () => {
    await sim.reset();
    await signInAs("owner");
    await refreshAudit();
  });
  after(async () => {
    await vscode.commands.executeCommand("netbird.audit.clearFilter");
    await signOut();
  });

  it("loads every event the API returns, grouped by day with the newest day expanded", async () => {
    const nb = await api();
    const info = await sim.info();
    assert.equal(nb.auditState().total, info.counts.auditServed);
    const tree = await nb.auditTree();
    const days = tree.filter((n) => n.id.startsWith("day:"));
    assert.ok(days.length > 5, "several days");
    assert.equal(days[0]?.expanded, true);
    assert.ok(days.slice(1).every((d) => d.expanded === false), "only the newest day is expanded");
    assert.ok(["Today", "Yesterday"].includes(days[0]?.label ?? "") || /\d{4}/.test(days[0]?.label ?? ""));
    const first = days[0]?.children?.[0];
    assert.ok(first, "the newest day has events");
    assert.match(first.id, /^event:\d+$/);
    assert.ok(first.label.length > 0 && first.label.length <= 120);
    assert.match(first.description, / · /, "initiator · relative time");
    assert.equal(first.command, "netbird.event.openJson");
    assert.match(first.contextValue, /auditEvent/);
    assert.ok(first.icon, "a codicon");
    assert.match(first.tooltip, /\*Activity:\*/);
  });

  it("keeps item ids stable across a refresh", async () => {
    const nb = await api();
    const before = eventsOf(await nb.auditTree()).map((n) => n.id);
    await refreshAudit();
    const after = eventsOf(await nb.auditTree()).map((n) => n.id);
    assert.deepEqual(after, before);
  });

  it("filters by text, type, initiator and dates, and clears", async () => {
    const nb = await api();
    const total = nb.auditState().total;
    await vscode.commands.executeCommand("netbird.audit.filter", { activityCodes: ["policy.update"] });
    const shown = nb.auditState().shown;
    assert.ok(shown > 0 && shown < total, `${shown} of ${total}`);
    const tree = await nb.auditTree();
    assert.ok(eventsOf(tree).length > 0);
    await vscode.commands.executeCommand("netbird.audit.filter", { text: "no-such-text-anywhere-42" });
    assert.equal(nb.auditState().shown, 0);
    const note = await nb.auditTree();
    assert.equal(note[0]?.label, "No events match the filter");
    await vscode.commands.executeCommand("netbird.audit.filter", { datePreset: "today" });
    const today = nb.auditState().shown;
    await vscode.commands.executeCommand("netbird.audit.filter", { datePreset: "last30days" });
    assert.ok(nb.auditState().shown >= today);
    await vscode.commands.executeCommand("netbird.audit.clearFilter");
    assert.equal(nb.auditState().shown, total);
  });

  it("says above the tree who is signed in and how many events it holds, and which filter is on", async () => {
    const nb = await api();
    await refreshAudit();
    const total = formatInteger(nb.auditState().total);
    const who = nb.signedInAs() ?? "";
    assert.ok(who, "signed in with an email");
    const message = () => nb.auditView().message;
    // The view is updated once for the changes of one refresh, a turn of the event loop after them.
    await waitFor(() => message() === `${who} · ${total} events`, { message: `the view's message is “${message()}”` });
    assert.equal(nb.auditView().description, who);
    try {
      await vscode.commands.executeCommand("netbird.audit.filter", { text: "no-such-text-anywhere-42" });
      await waitFor(() => message().startsWith(`${who} · 0 of ${total} events match the filter`), { message: `the view's message is “${message()}”` });
      assert.match(nb.auditView().description, / · filter: /);
    } finally {
      await vscode.commands.executeCommand("netbird.audit.clearFilter");
    }
    await waitFor(() => message() === `${who} · ${total} events`, { message: `the view's message is “${message()}”` });
  });

  it("refresh never overlaps requests", async () => {
    await sim.reset();
    await sim.setFaults([{ match: { path: "/api/events/audit" }, delayMs: 400 }]);
    const stubs = new WindowStubs().stub("showErrorMessage", async () => undefined);
    try {
      await Promise.all([1, 2, 3].map(() => vscode.commands.executeCommand("netbird.audit.refresh")));
    } finally {
      stubs.restore();
    }
    assert.equal((await sim.requestsTo("/api/events/audit")).length, 1);
    await sim.reset();
  });

  it("shows the view's progress bar only for a refresh that is not done within a moment", async () => {
    await sim.reset();
    await sim.setFaults([{ match: { path: "/api/events/audit" }, delayMs: 1500 }]);
    const shown: { options: unknown; at: number; settled?: number }[] = [];
    const stubs = new WindowStubs().stub("withProgress", (options: unknown, task: unknown) => {
      const entry: { options: unknown; at: number; settled?: number } = { options, at: performance.now() };
      shown.push(entry);
      const work = (task as (progress: vscode.Progress<unknown>) => Promise<unknown>)({ report: () => undefined });
      return work.finally(() => (entry.settled = performance.now()));
    });
    let started = 0;
    let done = 0;
    try {
      started = performance.now();
      await vscode.commands.executeCommand("netbird.audit.refresh");
      done = performance.now();
    } finally {
      stubs.restore();
      await sim.reset();
    }
    assert.equal(shown.length, 1, "a slow refresh shows the progress bar once");
    const [bar] = shown;
    assert.deepEqual(bar!.options, { location: { viewId: "netbird.auditEvents" } });
    // Node counts a timer from the event loop's clock, taken when the turn began: allow for that turn.
    assert.ok(bar!.at - started >= PROGRESS_DELAY_MS / 2, `shown ${(bar!.at - started).toFixed(0)} ms after the start, not after about ${PROGRESS_DELAY_MS} ms`);
    assert.ok(bar!.settled !== undefined && bar!.settled <= done + 50, "the bar ends with the refresh");
  });

  it("lists a long day a page at a time: a “Show more” item lists the next page, and the pages stay across a refresh", async () => {
    const nb = await api();
    const previous = await sim.info();
    // The server's clock at the end of a recent weekday: the newest day is then a whole busy day, more than two pages
    // of events, on any day at any hour.
    await sim.setDataset({ auditCount: 10_000, now: endOfRecentBusyDay() });
    try {
      await refreshAudit();
      const newestDay = async () => (await nb.auditTree())[0]!;
      const day = await newestDay();
      const total = Number(/^(\d+) events$/.exec(day.description)?.[1]);
      assert.ok(total > 2 * DAY_PAGE_SIZE, `the newest day has ${day.description}; this test needs more than two pages`);
      const key = day.id.slice("day:".length);
      const check = (children: readonly TreeItemSnapshot[], listed: number) => {
        assert.equal(children.length, listed + 1, "the listed events, then the Show more item");
        assert.ok(children.slice(0, listed).every((n) => n.id.startsWith("event:")));
        const more = children.at(-1)!;
        assert.equal(more.id, `more:${key}`);
        assert.equal(more.label, `Show ${Math.min(DAY_PAGE_SIZE, total - listed)} more`);
        assert.equal(more.description, `${total - listed} not shown`);
        assert.equal(more.command, "netbird.audit.showMore");
        assert.equal(more.icon, "ellipsis");
      };
      check(day.children ?? [], DAY_PAGE_SIZE);
      await vscode.commands.executeCommand("netbird.audit.showMore", key);
      check((await newestDay()).children ?? [], 2 * DAY_PAGE_SIZE);
      // A refresh keeps what the user asked to see.
      await refreshAudit();
      check((await newestDay()).children ?? [], 2 * DAY_PAGE_SIZE);
      while ((await newestDay()).children?.at(-1)?.id === `more:${key}`) await vscode.commands.executeCommand("netbird.audit.showMore", key);
      const all = (await newestDay()).children ?? [];
      assert.equal(all.length, total, "every event of the day, no Show more item");
      assert.equal(new Set(all.map((n) => n.id)).size, total);
      // Other days still start with one page.
      const older = (await nb.auditTree({ allDays: true })).find((d) => d.id !== day.id && Number.parseInt(d.description, 10) > DAY_PAGE_SIZE);
      assert.ok(older, "another long day");
      assert.equal(older.children?.length, DAY_PAGE_SIZE + 1);
      assert.equal(older.children?.at(-1)?.id, older.id.replace(/^day:/, "more:"));
    } finally {
      await sim.setDataset({ auditCount: previous.counts.audit, now: previous.now });
      await refreshAudit();
    }
  });

  it("keeps the last good list, marked stale, when a refresh fails", async () => {
    const nb = await api();
    const total = nb.auditState().total;
    await sim.setFaults([{ match: { path: "/api/events/audit" }, status: 500 }]);
    await refreshAudit();
    assert.equal(nb.auditState().total, total);
    assert.equal(nb.auditState().stale, true);
    assert.match(String(nb.auditState().error), /HTTP 500/);
    await sim.reset();
    await refreshAudit();
    assert.equal(nb.auditState().stale, false);
  });
});

import * as vscode from "vscode";
import { AUDIT_EVENTS_CAP, type AuditEventList } from "../core/api/models";
import { groupByDay } from "../core/audit/dayGroups";
import { localDayKey } from "../core/format/time";
import { formatInteger } from "../core/format/units";
import type { AuditEventsController } from "./auditEventsController";
import { dayItem, eventItem, eventTooltip, moreItem, noteItem, type AuditNode, type DayNode } from "./auditTreeItems";

/** How stale the relative times of an unchanged tree ("5 min ago") may get before it is rebuilt anyway. */
const RELATIVE_TIME_REFRESH_MS = 5 * 60_000;

/** Tree of audit events grouped by local day, newest day expanded. Items are built lazily per expanded day. */
export class AuditTreeProvider implements vscode.TreeDataProvider<AuditNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuditNode | undefined>();
  private readonly subscription: vscode.Disposable;
  /** The day nodes of the visible events (the same objects until the list or the day changes: VS Code refreshes one day by its node). */
  private cache: { list: AuditEventList; day: string; days: DayNode[] } | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  /** What the tree showed when it last changed: the items depend on nothing else. */
  private shown: { events: readonly unknown[]; total: number; day: string; at: number } | undefined;

  constructor(private readonly controller: AuditEventsController) {
    this.subscription = vscode.Disposable.from(
      controller.onDidChange(() => this.refreshIfChanged()),
      controller.onDidShowMore((key) => {
        const day = this.cache?.days.find((node) => node.group.key === key);
        if (day) this.changed.fire(day);
      }),
    );
  }

  /**
   * Rebuilds the tree only when its items can differ: another list or filter result, another count (the
   * notes), another day (Today/Yesterday), or, for the relative times in the descriptions, after
   * RELATIVE_TIME_REFRESH_MS. Not on every state change of the controller (a refresh starting, the badge):
   * VS Code keeps a little memory for every tree item it ever built until the view closes, so rebuilding on
   * every auto-refresh made a long session grow without bound.
   */
  private refreshIfChanged(): void {
    const now = Date.now();
    const next = { events: this.controller.events, total: this.controller.totalCount, day: localDayKey(now), at: now };
    const last = this.shown;
    if (last && last.events === next.events && last.total === next.total && last.day === next.day && now - last.at < RELATIVE_TIME_REFRESH_MS) return;
    this.shown = next;
    this.changed.fire(undefined);
  }

  getChildren(node?: AuditNode): AuditNode[] {
    if (node?.kind === "day") return this.dayChildren(node);
    if (node) return [];
    const events = this.controller.events;
    if (events.length === 0) {
      // Loaded, but the filter hides everything: say so (otherwise the welcome view explains the state).
      if (this.controller.totalCount > 0) {
        return [{ kind: "note", id: "no-match", label: "No events match the filter", icon: "filter", tooltip: "Use “Clear Audit Events Filter” to see all events." }];
      }
      return [];
    }
    const nodes: AuditNode[] = [...this.days()];
    if (this.controller.totalCount >= AUDIT_EVENTS_CAP * 0.99) {
      nodes.push({
        kind: "note",
        id: "cap",
        label: `Showing the newest ${formatInteger(AUDIT_EVENTS_CAP)} events (the API's limit)`,
        icon: "info",
        tooltip: "NetBird's API returns at most the 10,000 most recent audit events; older ones are only in the server's store.",
      });
    }
    return nodes;
  }

  getTreeItem(node: AuditNode): vscode.TreeItem {
    switch (node.kind) {
      case "day":
        return dayItem(node);
      case "event":
        return eventItem(node.event, Date.now());
      case "more":
        return moreItem(node);
      case "note":
        return noteItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: AuditNode): vscode.TreeItem {
    if (node.kind === "event") item.tooltip = eventTooltip(node.event, Date.now());
    return item;
  }

  getParent(node: AuditNode): AuditNode | undefined {
    if (node.kind === "more") return node.day;
    if (node.kind !== "event") return undefined;
    return this.days().find((day) => day.group.events.includes(node.event));
  }

  /** A day's events up to its limit, then a "Show more" item when it has more. */
  private dayChildren(day: DayNode): AuditNode[] {
    const { events } = day.group;
    const limit = this.controller.dayLimit(day.group.key);
    const nodes: AuditNode[] = [];
    for (let i = 0; i < events.length && i < limit; i++) nodes.push({ kind: "event", event: events[i]! });
    if (events.length > limit) nodes.push({ kind: "more", day, hidden: events.length - limit });
    return nodes;
  }

  /** Day nodes of the visible events, recomputed only when the list or the current day changes. */
  private days(): DayNode[] {
    const now = Date.now();
    const list = this.controller.timedEvents;
    const day = localDayKey(now);
    if (this.cache?.list !== list || this.cache.day !== day) {
      const days = groupByDay(list, { now }).map((group, index): DayNode => ({ kind: "day", group, expanded: index === 0 }));
      this.cache = { list, day, days };
    }
    return this.cache.days;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

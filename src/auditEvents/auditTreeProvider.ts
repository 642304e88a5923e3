import * as vscode from "vscode";
import { AUDIT_EVENTS_CAP, type AuditEventList } from "../core/api/models";
import { groupByDay, type DayGroup } from "../core/audit/dayGroups";
import { localDayKey } from "../core/format/time";
import { formatInteger } from "../core/format/units";
import type { AuditEventsController } from "./auditEventsController";
import { dayItem, eventItem, eventTooltip, noteItem, type AuditNode } from "./auditTreeItems";

/** How stale the relative times of an unchanged tree ("5 min ago") may get before it is rebuilt anyway. */
const RELATIVE_TIME_REFRESH_MS = 5 * 60_000;

/** Tree of audit events grouped by local day, newest day expanded. Items are built lazily per expanded day. */
export class AuditTreeProvider implements vscode.TreeDataProvider<AuditNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuditNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private cache: { list: AuditEventList; day: string; groups: DayGroup[] } | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  /** What the tree showed when it last changed: the items depend on nothing else. */
  private shown: { events: readonly unknown[]; total: number; day: string; at: number } | undefined;

  constructor(private readonly controller: AuditEventsController) {
    this.subscription = controller.onDidChange(() => this.refreshIfChanged());
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
    if (node?.kind === "day") return node.group.events.map((event) => ({ kind: "event", event }));
    if (node) return [];
    const events = this.controller.events;
    if (events.length === 0) {
      // Loaded, but the filter hides everything: say so (otherwise the welcome view explains the state).
      if (this.controller.totalCount > 0) {
        return [{ kind: "note", id: "no-match", label: "No events match the filter", icon: "filter", tooltip: "Use “Clear Audit Events Filter” to see all events." }];
      }
      return [];
    }
    const groups = this.groups();
    const nodes: AuditNode[] = groups.map((group, index) => ({ kind: "day", group, expanded: index === 0 }));
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
      case "note":
        return noteItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: AuditNode): vscode.TreeItem {
    if (node.kind === "event") item.tooltip = eventTooltip(node.event, Date.now());
    return item;
  }

  getParent(node: AuditNode): AuditNode | undefined {
    if (node.kind !== "event") return undefined;
    const groups = this.groups();
    const index = groups.findIndex((g) => g.events.includes(node.event));
    const group = groups[index];
    return group ? { kind: "day", group, expanded: index === 0 } : undefined;
  }

  /** Day groups of the visible events, recomputed only when the list or the current day changes. */
  private groups(): DayGroup[] {
    const now = Date.now();
    const list = this.controller.timedEvents;
    const day = localDayKey(now);
    if (this.cache?.list !== list || this.cache.day !== day) {
      this.cache = { list, day, groups: groupByDay(list, { now }) };
    }
    return this.cache.groups;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

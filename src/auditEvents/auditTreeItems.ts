import * as vscode from "vscode";
import { activityCategory, activityVerb, categoryIcon, describeAuditEvent, initiatorDisplay, isSystemInitiator } from "../core/activity";
import type { AuditEvent } from "../core/api/models";
import { auditTooltipMarkdown } from "../core/audit/auditTooltip";
import { DAY_PAGE_SIZE, type DayGroup } from "../core/audit/dayGroups";
import { relativeTime } from "../core/format/time";
import { formatInteger } from "../core/format/units";
import { parseTimestamp } from "../core/format/timestamp";
import { remembered } from "../core/remembered";

export type DayNode = { readonly kind: "day"; readonly group: DayGroup; readonly expanded: boolean };

export type AuditNode =
  | DayNode
  | { readonly kind: "event"; readonly event: AuditEvent }
  /** The last item of a day that lists only some of its events: lists the next page. */
  | { readonly kind: "more"; readonly day: DayNode; readonly hidden: number }
  | { readonly kind: "note"; readonly id: string; readonly label: string; readonly icon: string; readonly tooltip?: string };

/** Activity codes whose target or initiator can be shown in the Traffic Events panel. */
export function trafficPivotOf(event: AuditEvent): { userId?: string; peerId?: string } | undefined {
  const category = activityCategory(event.activity_code);
  if (category === "peer" && event.target_id && !/^\d{1,3}(\.\d{1,3}){3}$/.test(event.target_id)) return { peerId: event.target_id };
  if (category === "user" && event.target_id) return { userId: event.target_id };
  if (!isSystemInitiator(event) && event.initiator_name) {
    return { userId: event.initiator_id };
  }
  return undefined;
}

const VERB_COLORS: Readonly<Record<string, string | undefined>> = {
  create: "charts.green",
  delete: "charts.red",
  update: "charts.blue",
  login: undefined,
  other: undefined,
};

/** The tree's icons by codicon and colour, made once (every item of a category and verb looks the same). */
const icons = new Map<string, vscode.ThemeIcon>();

function themeIcon(codicon: string, color?: string): vscode.ThemeIcon {
  const make = () => new vscode.ThemeIcon(codicon, color ? new vscode.ThemeColor(color) : undefined);
  return remembered(icons, `${codicon} ${color ?? ""}`, Number.POSITIVE_INFINITY, make);
}

export function dayItem(node: DayNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.group.label,
    node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `day:${node.group.key}`;
  const count = node.group.events.length;
  item.description = `${count} event${count === 1 ? "" : "s"}`;
  item.iconPath = themeIcon("calendar");
  item.contextValue = "auditDay";
  item.accessibilityInformation = { label: `${node.group.label}, ${item.description}` };
  return item;
}

export function eventItem(event: AuditEvent, now: number): vscode.TreeItem {
  const label = describeAuditEvent(event);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `event:${event.id}`;
  const when = relativeTime(parseTimestamp(event.timestamp), now);
  const who = initiatorDisplay(event);
  item.description = `${who} · ${when}`;
  item.iconPath = themeIcon(categoryIcon(activityCategory(event.activity_code)), VERB_COLORS[activityVerb(event.activity_code)]);
  item.contextValue = trafficPivotOf(event) ? "auditEvent trafficPivot" : "auditEvent";
  item.command = { command: "netbird.event.openJson", title: "Open Event JSON", arguments: [{ kind: "audit", id: event.id }] };
  item.accessibilityInformation = { label: `${label}, by ${who}, ${when}` };
  return item;
}

/** The tooltip, built only when the user hovers (resolveTreeItem). Untrusted: no command links, no HTML. */
export function eventTooltip(event: AuditEvent, now: number): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(auditTooltipMarkdown(event, now), false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

export function moreItem(node: Extract<AuditNode, { kind: "more" }>): vscode.TreeItem {
  const next = Math.min(DAY_PAGE_SIZE, node.hidden);
  const label = `Show ${formatInteger(next)} more`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `more:${node.day.group.key}`;
  item.description = `${formatInteger(node.hidden)} not shown`;
  item.iconPath = themeIcon("ellipsis");
  item.contextValue = "auditMore";
  item.tooltip = `${node.day.group.label} has ${formatInteger(node.hidden)} more event${node.hidden === 1 ? "" : "s"}; the tree lists them a page at a time.`;
  item.command = { command: "netbird.audit.showMore", title: "Show More Audit Events", arguments: [node.day.group.key] };
  item.accessibilityInformation = { label: `${label} events of ${node.day.group.label}, ${item.description}` };
  return item;
}

export function noteItem(node: Extract<AuditNode, { kind: "note" }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = `note:${node.id}`;
  item.iconPath = themeIcon(node.icon);
  item.contextValue = "auditNote";
  if (node.tooltip) item.tooltip = node.tooltip;
  return item;
}

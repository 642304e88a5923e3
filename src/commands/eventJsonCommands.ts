import * as vscode from "vscode";
import type { AuditEventsController } from "../auditEvents/auditEventsController";
import type { AuditNode } from "../auditEvents/auditTreeItems";
import { describeAuditEvent, initiatorDisplay } from "../core/activity";
import type { AuditEvent } from "../core/api/models";
import { formatDateTime } from "../core/format/time";
import { parseTimestamp } from "../core/format/timestamp";
import type { EventDocuments } from "../documents/eventDocuments";

/** What `netbird.event.openJson` and the copy commands accept: a tree node or `{ kind: "audit", id }`. */
export type EventTarget = AuditNode | { readonly kind: "audit"; readonly id: string } | undefined;

export function resolveAuditEvent(target: EventTarget, audit: AuditEventsController): AuditEvent | undefined {
  if (!target) return undefined;
  if (target.kind === "event") return target.event;
  if (target.kind === "audit") return audit.event(target.id);
  return undefined;
}

/** Extra sources of events for the palette pick (the traffic panel registers its loaded page). */
export interface EventPickSource {
  picks(): { label: string; description: string; detail: string; open: () => Thenable<unknown> }[];
}

/** `netbird.event.openJson`, `netbird.audit.copyEventId`, `netbird.audit.copyEventJson`. */
export function registerEventJsonCommands(
  context: vscode.ExtensionContext,
  audit: AuditEventsController,
  documents: EventDocuments,
  extraSources: readonly EventPickSource[] = [],
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("netbird.event.openJson", async (target?: EventTarget) => {
      const event = resolveAuditEvent(target, audit);
      if (event) return documents.show(documents.auditUri(event));
      if (target) {
        void vscode.window.showWarningMessage("NetBird: that event is no longer loaded. Refresh the Audit Events view and try again.");
        return undefined;
      }
      return pickAndOpen(audit, documents, extraSources);
    }),
    vscode.commands.registerCommand("netbird.audit.copyEventId", async (target?: EventTarget) => {
      const event = resolveAuditEvent(target, audit);
      if (!event) return;
      await vscode.env.clipboard.writeText(event.id);
      vscode.window.setStatusBarMessage(`Copied event ID ${event.id}`, 3000);
    }),
    vscode.commands.registerCommand("netbird.audit.copyEventJson", async (target?: EventTarget) => {
      const event = resolveAuditEvent(target, audit);
      if (!event) return;
      await vscode.env.clipboard.writeText(JSON.stringify(event, null, 2));
      vscode.window.setStatusBarMessage("Copied event JSON", 3000);
    }),
  );
}

async function pickAndOpen(audit: AuditEventsController, documents: EventDocuments, extraSources: readonly EventPickSource[]): Promise<unknown> {
  if (audit.totalCount === 0 && audit.viewState !== "signedOut") await audit.refresh();
  type Pick = vscode.QuickPickItem & { open?: () => Thenable<unknown> };
  const items: Pick[] = [];
  for (const source of extraSources) {
    const picks = source.picks();
    if (picks.length) items.push({ label: "Traffic events", kind: vscode.QuickPickItemKind.Separator }, ...picks);
  }
  if (audit.events.length) {
    items.push({ label: "Audit events", kind: vscode.QuickPickItemKind.Separator });
    for (const event of audit.events) {
      items.push({
        label: describeAuditEvent(event),
        description: formatDateTime(parseTimestamp(event.timestamp)),
        detail: `${initiatorDisplay(event)} · ${event.activity_code} · #${event.id}`,
        open: () => documents.show(documents.auditUri(event)),
      });
    }
  }
  if (items.length === 0) {
    const action = audit.viewState === "signedOut" ? "Sign In" : undefined;
    const choice = await vscode.window.showInformationMessage(
      audit.viewState === "signedOut" ? "NetBird: sign in to open events." : "NetBird: no events are loaded.",
      ...(action ? [action] : []),
    );
    if (choice === "Sign In") await vscode.commands.executeCommand("netbird.signIn");
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: "NetBird: Open Event JSON",
    placeHolder: "Search loaded events by description, time, initiator, type or ID",
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.open?.();
}

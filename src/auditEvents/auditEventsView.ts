import * as vscode from "vscode";
import type { Session } from "../auth/session";
import { describeFilter, isFilterActive } from "../core/audit/auditFilter";
import { initiatorDisplay } from "../core/activity";
import { formatDateTime } from "../core/format/time";
import { formatInteger } from "../core/format/units";
import type { Log } from "../util/log";
import type { AuditEventsController } from "./auditEventsController";
import type { AuditNode } from "./auditTreeItems";
import { AuditTreeProvider } from "./auditTreeProvider";
import { AutoRefresh } from "./autoRefresh";

/** The view and what keeps it up to date (disposing it removes both). */
export interface AuditEventsView extends vscode.Disposable {
  readonly view: vscode.TreeView<AuditNode>;
}

/**
 * The `netbird.auditEvents` tree view: its description (who is signed in, the active filter), message
 * (counts, stale data), badge (unseen events), the context keys its welcome views and menus use, and
 * auto-refresh.
 */
export function createAuditEventsView(controller: AuditEventsController, session: Session, log: Log): AuditEventsView {
  const provider = new AuditTreeProvider(controller);
  const view = vscode.window.createTreeView<AuditNode>("netbird.auditEvents", { treeDataProvider: provider, showCollapseAll: true });
  const autoRefresh = new AutoRefresh(controller, view as vscode.TreeView<unknown>);
  let loadedOnce = false;
  // Each change of the controller (a refresh alone makes three) would otherwise send every context key, the
  // description and the badge to the workbench again; only what changed is sent.
  const contextValues = new Map<string, unknown>();
  const setContext = (key: string, value: unknown) => {
    if (contextValues.has(key) && contextValues.get(key) === value) return;
    contextValues.set(key, value);
    void vscode.commands.executeCommand("setContext", key, value);
  };

  const update = () => {
    const signedIn = session.state === "signedIn";
    setContext("netbird.signedIn", signedIn);
    setContext("netbird.audit.state", controller.viewState);
    setContext("netbird.audit.filtered", isFilterActive(controller.filter));
    const user = session.currentUser;
    const who = signedIn ? (user ? user.email || user.name || user.id : "signed in") : "";
    const filter = isFilterActive(controller.filter)
      ? describeFilter(controller.filter, (id) => {
          const e = controller.events.find((x) => x.initiator_id === id);
          return e ? initiatorDisplay(e) : id;
        })
      : "";
    const description = [who, filter ? `filter: ${filter}` : ""].filter(Boolean).join(" · ");
    if (view.description !== description) view.description = description;
    const text = message(controller, who, filter);
    if (view.message !== text) view.message = text;
    const unseen = view.visible ? 0 : controller.unseenCount;
    if ((view.badge?.value ?? 0) !== unseen) {
      view.badge = unseen > 0 ? { value: unseen, tooltip: `${unseen} new audit event${unseen === 1 ? "" : "s"}` } : undefined;
    }
    if (signedIn && !loadedOnce && view.visible) {
      loadedOnce = true;
      void controller.refresh();
    }
  };

  // The controller's changes are taken together, a turn of the event loop after the first of them: a refresh
  // (it starts; it ends and its events are marked seen) updates the view once while it waits for the server and
  // once after its events are in the tree, instead of once per change in the middle of its work.
  let updateQueued = false;
  let disposed = false;
  const queueUpdate = () => {
    if (updateQueued) return;
    updateQueued = true;
    setImmediate(() => {
      updateQueued = false;
      if (disposed) return;
      try {
        update();
      } catch (error) {
        log.error(`[audit] could not update the view: ${String(error)}`);
      }
    });
  };

  const subscriptions: vscode.Disposable[] = [
    { dispose: () => (disposed = true) },
    provider,
    view,
    autoRefresh,
    controller.onDidChange(queueUpdate),
    session.onDidChange(() => {
      loadedOnce = session.state === "signedIn" && loadedOnce;
      update();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) controller.markSeen();
      update();
    }),
    view.onDidChangeSelection(() => controller.markSeen()),
  ];
  void session.ready().then(() => {
    if (!disposed) update();
  });
  const disposable = vscode.Disposable.from(...subscriptions);
  return { view, dispose: () => disposable.dispose() };
}

/**
 * The line above the tree: who is signed in, the event count and the filter (a view that is alone in its
 * container has no visible description, so this is where the user sees them), or why the data is stale.
 * Nothing while the list is empty: a message would hide the welcome view that explains the state.
 */
function message(controller: AuditEventsController, who: string, filter: string): string | undefined {
  if (controller.totalCount === 0) return undefined;
  const error = controller.lastError;
  if (error) {
    const at = controller.loadedAt ? formatDateTime(controller.loadedAt) : "earlier";
    return `⚠ Could not refresh: ${error.message} Showing events loaded ${at}.`;
  }
  const events = filter
    ? `${formatInteger(controller.events.length)} of ${formatInteger(controller.totalCount)} events match the filter ${filter}`
    : `${formatInteger(controller.totalCount)} events`;
  return `${who} · ${events}`;
}

import * as vscode from "vscode";
import type { AuditEventsController } from "./auditEvents/auditEventsController";
import { AuditTreeProvider } from "./auditEvents/auditTreeProvider";
import type { AuditNode } from "./auditEvents/auditTreeItems";
import type { Session } from "./auth/session";
import type { Connection } from "./connection/connection";
import { TrafficPanel } from "./traffic/trafficPanel";

/** One rendered tree item, as plain data. */
export interface TreeItemSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly contextValue: string;
  readonly expanded: boolean | undefined;
  readonly command: string | undefined;
  /** For MarkdownString tooltips: whether links may run commands, and whether HTML and `$(icon)` syntax render. */
  readonly tooltipFlags?: { readonly isTrusted: boolean; readonly supportHtml: boolean; readonly supportThemeIcons: boolean };
  readonly children?: readonly TreeItemSnapshot[];
}

/**
 * What `activate()` returns: a read-only view of the extension's state for its own integration tests and
 * for automation. It never exposes the token (only whether one is stored).
 */
export interface NetBirdEventsApi {
  readonly sessionState: () => "signedIn" | "signedOut";
  readonly signedInAs: () => string | undefined;
  readonly auditState: () => { state: string; total: number; shown: number; stale: boolean; error?: string; unseen: number };
  /** The Audit Events tree as rendered: root items, and the children of expanded ones (of every day with `allDays`). */
  readonly auditTree: (options?: { readonly allDays?: boolean }) => Promise<TreeItemSnapshot[]>;
  /** Waits for a running audit load to finish. */
  readonly auditIdle: () => Promise<void>;
  readonly trafficPanel: () => { open: boolean; visible: boolean; shownRecords: number; lastFilters: unknown; html: string } | undefined;
  /** Starts recording the messages between the traffic panel and its webview; returns the live list. */
  readonly recordTrafficMessages: () => { readonly messages: { direction: string; message: unknown }[]; stop(): void };
  /** API requests started and not settled yet. */
  readonly requestsInFlight: () => number;
  /** Where the extension's logs live (the NetBird output channel writes below the parent folder). */
  readonly logUri: () => vscode.Uri;
  /** Everything the extension keeps in globalState and workspaceState. */
  readonly storedState: () => { global: Record<string, unknown>; workspace: Record<string, unknown> };
  /**
   * Builds the Audit Events tree the way VS Code fills the view (the roots, then every child of the expanded
   * days, then of the next days) until `count` event items exist; for the benchmark (bench/).
   */
  readonly auditTreeFirstItems: (count: number) => { dayGroups: number; items: number };
  /** What the Audit Events view shows above and on its tree: the message line, the description and the badge. */
  readonly auditView: () => { message: string; description: string; badge: number };
  /** The API client's counters: requests, attempts, connections opened, requests in flight (undefined without a client). */
  readonly clientStats: () => { requests: number; attempts: number; connections: number; inFlight: number } | undefined;
}

export function createTestApi(
  context: vscode.ExtensionContext,
  session: Session,
  audit: AuditEventsController,
  connection: Connection,
  auditView: vscode.TreeView<AuditNode>,
): NetBirdEventsApi {
  // The test API's own copy of the tree, made on first use: the product does not pay for it.
  let provider: AuditTreeProvider | undefined;
  const tree = (): AuditTreeProvider => {
    if (!provider) {
      provider = new AuditTreeProvider(audit);
      context.subscriptions.push(provider);
    }
    return provider;
  };
  const snapshot = async (node: AuditNode | undefined, depth: number, allDays = false): Promise<TreeItemSnapshot[]> => {
    const children = tree().getChildren(node);
    return Promise.all(
      children.map(async (child) => {
        const item = tree().resolveTreeItem(tree().getTreeItem(child), child);
        const label = typeof item.label === "string" ? item.label : (item.label?.label ?? "");
        const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? "");
        const expanded = item.collapsibleState === vscode.TreeItemCollapsibleState.None ? undefined : item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded;
        const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : "";
        const markdown = item.tooltip instanceof vscode.MarkdownString ? item.tooltip : undefined;
        return {
          id: item.id ?? "",
          label,
          description: typeof item.description === "string" ? item.description : "",
          tooltip,
          icon,
          contextValue: item.contextValue ?? "",
          expanded,
          command: item.command?.command,
          ...(markdown
            ? { tooltipFlags: { isTrusted: markdown.isTrusted !== undefined && markdown.isTrusted !== false, supportHtml: markdown.supportHtml === true, supportThemeIcons: markdown.supportThemeIcons === true } }
            : {}),
          ...((expanded || (allDays && child.kind === "day")) && depth < 2 ? { children: await snapshot(child, depth + 1, allDays) } : {}),
        };
      }),
    );
  };
  return {
    sessionState: () => session.state,
    signedInAs: () => session.currentUser?.email,
    auditState: () => ({
      state: audit.viewState,
      total: audit.totalCount,
      shown: audit.events.length,
      stale: audit.stale,
      error: audit.lastError?.message,
      unseen: audit.unseenCount,
    }),
    auditTree: (options) => snapshot(undefined, 0, options?.allDays === true),
    auditView: () => ({
      message: typeof auditView.message === "string" ? auditView.message : "",
      description: auditView.description ?? "",
      badge: auditView.badge?.value ?? 0,
    }),
    auditIdle: async () => {
      while (audit.isLoading) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    trafficPanel: () => {
      const panel = TrafficPanel.instance;
      return panel
        ? { open: true, visible: panel.panel.visible, shownRecords: panel.shownRecords().length, lastFilters: panel.lastFilters, html: panel.panel.webview.html }
        : undefined;
    },
    recordTrafficMessages: () => {
      const messages: { direction: string; message: unknown }[] = [];
      const subscription = TrafficPanel.onDidExchangeMessage((m) => messages.push(m));
      return { messages, stop: () => subscription.dispose() };
    },
    requestsInFlight: () => connection.clientStats?.inFlight ?? 0,
    logUri: () => context.logUri,
    storedState: () => {
      const dump = (memento: vscode.Memento) => Object.fromEntries(memento.keys().map((key) => [key, memento.get(key)]));
      return { global: dump(context.globalState), workspace: dump(context.workspaceState) };
    },
    auditTreeFirstItems: (count) => {
      const roots = tree().getChildren(undefined);
      for (const root of roots) tree().getTreeItem(root);
      let items = 0;
      for (const root of roots) {
        if (items >= count) break;
        if (root.kind !== "day") continue;
        for (const child of tree().getChildren(root)) {
          tree().getTreeItem(child);
          items++;
        }
      }
      return { dayGroups: roots.filter((root) => root.kind === "day").length, items };
    },
    clientStats: () => {
      const stats = connection.clientStats;
      return stats ? { ...stats } : undefined;
    },
  };
}
